// Load benchmark (issue 8, "Load"): the main window on a large project (bench_load_make), with an
// event-loop latency probe: a 2 ms precise QTimer whose lateness (gap between ticks minus the
// interval) is recorded for every tick. Offscreen platform unless QT_QPA_PLATFORM says otherwise.
//
//   bench_load_gui PROJECT.mlens [--mode browse|risk|open|stored] [--cancel-after S] [--full] [--png DIR]
//
// open: only the open and the project's adoption, with their longest stalls (for profiling).
// stored: the Risk tab loads and shows the newest stored run (latency while loading, showing).
// browse: opens the project (time to open, time to the first paint of the price chart), then a
//   scripted session, one action every 25 ms: scrolls the instruments list with the wheel,
//   selects tickers (the chart loads their prices and news markers), zooms and pans the chart with
//   wheel and key events, switches to the News and Risk tabs (scrolling the news table) and back.
//   Prints the lateness p50/p99/max during the session, the slowest actions, and the peak RSS.
// risk: opens the project; with --full runs the Risk tab on the first portfolio through its
//   RiskRunController to its end (time, progress signals, latency while it runs and while the
//   report is shown); then starts a run and presses Cancel after --cancel-after seconds
//   (default 5): latency while it runs, time from Cancel to the finished signal.
// bench_load_core measures the same project without a window (reads, risk in core, the CLI's).
// Results go to stdout; docs/performance-load.md has the numbers and commands.

#include "ui/main_window.h"
#include "ui/price_chart_view.h"
#include "ui/prices_tab.h"
#include "ui/project_controller.h"
#include "ui/risk/risk_run_controller.h"
#include "ui/risk/risk_view.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QWheelEvent>

#include <sys/resource.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace marketlens;

namespace {

double peakRssMb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

// Records how late each tick of a fast timer comes: the event loop's latency.
class LatencyProbe : public QObject {
public:
    static constexpr int kIntervalMs = 2;
    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void reset()
    {
        m_lateness.clear();
        m_at.clear();
        m_cpu.clear();
    }
    const std::vector<double>& lateness() const { return m_lateness; }
    // CPU time the GUI thread used between the previous tick and this one, parallel to
    // lateness(): a stall with little CPU was the thread waiting (for a core on a busy machine,
    // or on a lock), one with as much CPU as lateness was our own work.
    const std::vector<double>& cpu() const { return m_cpu; }
    // When each tick came (ms since start()), parallel to lateness().
    const std::vector<double>& at() const { return m_at; }
    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

private:
    static double threadCpuMs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
    void tick()
    {
        const double now = nowMs();
        const double cpuNow = threadCpuMs();
        m_lateness.push_back(std::max(0.0, now - m_last - kIntervalMs));
        m_at.push_back(now);
        m_cpu.push_back(m_lastCpu > 0 ? cpuNow - m_lastCpu : 0.0);
        m_last = now;
        m_lastCpu = cpuNow;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_lastCpu = 0;
    std::vector<double> m_lateness;
    std::vector<double> m_at;
    std::vector<double> m_cpu;
};

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5))];
}

void printLatency(const char* what, const std::vector<double>& lateness)
{
    std::printf("%-28s ticks %zu  p50 %.1f ms  p99 %.1f ms  max %.1f ms\n", what, lateness.size(),
        percentile(lateness, 0.5), percentile(lateness, 0.99),
        lateness.empty() ? 0.0 : *std::max_element(lateness.begin(), lateness.end()));
}

// Runs the event loop until `done` or `timeoutMs`.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void wheel(QWidget* target, QPointF pos, int delta)
{
    QWheelEvent e(pos, target->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &e);
}

void key(QWidget* target, int k)
{
    QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier);
    QApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, k, Qt::NoModifier);
    QApplication::sendEvent(target, &release);
}

QTabWidget* mainTabs(ui::MainWindow& w)
{
    if (auto* tabs = qobject_cast<QTabWidget*>(w.centralWidget()))
        return tabs;
    for (auto* tabs : w.findChildren<QTabWidget*>())
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i).contains(QLatin1String("News")))
                return tabs;
    return nullptr;
}

int tabIndex(QTabWidget* tabs, const char* text)
{
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i).remove(QLatin1Char('&')) == QLatin1String(text))
            return i;
    return -1;
}

struct Step {
    std::string name;
    std::function<void()> action;
};

// Paint events of the chart's viewport: the time of the first one after `armed`.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(const LatencyProbe& probe) : m_probe(probe) {}
    double firstPaintMs = -1;
    bool armed = false;

protected:
    bool eventFilter(QObject* o, QEvent* e) override
    {
        if (armed && firstPaintMs < 0 && e->type() == QEvent::Paint)
            firstPaintMs = m_probe.nowMs();
        return QObject::eventFilter(o, e);
    }

private:
    const LatencyProbe& m_probe;
};

// The five longest stalls since the probe's last reset, each with the GUI thread's CPU time in it
// and what `before(began)` says ran before it (the stall ends at the tick's time and began
// `lateness` earlier).
template <class Before>
void printStalls(const LatencyProbe& probe, double originMs, Before before)
{
    const auto& late = probe.lateness();
    const auto& at = probe.at();
    std::vector<std::size_t> order(late.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return late[a] > late[b]; });
    for (std::size_t k = 0; k < std::min<std::size_t>(5, order.size()); ++k) {
        const std::size_t i = order[k];
        const double began = at[i] - late[i] - LatencyProbe::kIntervalMs;
        std::printf("  stall %6.1f ms (GUI thread on a CPU %5.1f ms) at %+7.0f ms, after \"%s\"\n",
            late[i], probe.cpu()[i], began - originMs, before(began).c_str());
    }
}

int browse(ui::MainWindow& w, LatencyProbe& probe, double openStartMs, PaintWatch& paint,
    const QString& pngDir)
{
    ui::PricesTab* prices = w.pricesTab();
    QTableView* list = prices->instrumentsView();
    ui::PriceChartView* chart = prices->chart();
    QTabWidget* tabs = mainTabs(w);
    if (!tabs) {
        std::fprintf(stderr, "main tabs not found\n");
        return 1;
    }
    waitFor([&] { return paint.firstPaintMs >= 0; }, 60000);
    std::printf("first chart paint            %.0f ms after the open started\n",
        paint.firstPaintMs - openStartMs);
    prices->showInstrumentsTab();
    waitFor([] { return false; }, 500); // settle

    std::vector<Step> steps;
    const int rows = list->model()->rowCount();
    for (int i = 0; i < 60; ++i) {
        steps.push_back({"scroll list", [list] {
            wheel(list->viewport(), QPointF(40, 40), -120);
        }});
        if (i % 6 == 5)
            steps.push_back({"select ticker (scrolled)", [list] {
                const int r = list->rowAt(10);
                list->selectRow(std::max(0, r));
            }});
    }
    for (int r : {rows - 1, rows / 2, rows / 3, 17, rows - 100, 2 * rows / 3})
        steps.push_back({"select ticker (jump)", [list, r] {
            list->scrollTo(list->model()->index(std::max(0, r), 0));
            list->selectRow(std::max(0, r));
        }});
    for (int i = 0; i < 25; ++i)
        steps.push_back({"chart wheel zoom in", [chart, i] {
            wheel(chart->viewport(), QPointF(200 + 25 * i, 200), 120);
        }});
    for (int i = 0; i < 30; ++i)
        steps.push_back({"chart key pan", [chart, i] {
            key(chart, i < 15 ? Qt::Key_Left : Qt::Key_Right);
        }});
    for (int i = 0; i < 25; ++i)
        steps.push_back({"chart wheel zoom out", [chart] {
            wheel(chart->viewport(), QPointF(400, 200), -120);
        }});
    steps.push_back({"chart key home", [chart] { key(chart, Qt::Key_Home); }});
    const int newsTab = tabIndex(tabs, "News"), riskTab = tabIndex(tabs, "Risk"),
              pricesTab = tabIndex(tabs, "Prices");
    steps.push_back({"tab News", [tabs, newsTab] { tabs->setCurrentIndex(newsTab); }});
    for (int i = 0; i < 10; ++i)
        steps.push_back({"idle", [] {}});
    for (int i = 0; i < 30; ++i)
        steps.push_back({"scroll news", [tabs] {
            auto views = tabs->currentWidget()->findChildren<QTableView*>();
            QTableView* biggest = nullptr;
            for (QTableView* v : views)
                if (v->isVisible()
                    && (!biggest || v->model()->rowCount() > biggest->model()->rowCount()))
                    biggest = v;
            if (biggest)
                wheel(biggest->viewport(), QPointF(40, 40), -120);
        }});
    steps.push_back({"tab Risk", [tabs, riskTab] { tabs->setCurrentIndex(riskTab); }});
    for (int i = 0; i < 10; ++i)
        steps.push_back({"idle", [] {}});
    steps.push_back({"tab Prices", [tabs, pricesTab] { tabs->setCurrentIndex(pricesTab); }});
    for (int i = 0; i < 10; ++i)
        steps.push_back({"chart key zoom", [chart] { key(chart, Qt::Key_Plus); }});

    struct Timing {
        std::string name;
        double ms;
        double startMs = 0;
    };
    std::vector<Timing> timings;
    probe.reset();
    std::size_t next = 0;
    QTimer driver;
    driver.setInterval(25);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        if (next >= steps.size()) {
            driver.stop();
            return;
        }
        const double t0 = probe.nowMs();
        steps[next].action();
        timings.push_back({steps[next].name, probe.nowMs() - t0, t0});
        ++next;
    });
    const double s0 = probe.nowMs();
    driver.start();
    waitFor([&] { return next >= steps.size(); }, 600000);
    waitFor([] { return false; }, 1000); // let queued work (news, markers) land
    std::printf("session                      %zu actions in %.1f s\n", steps.size(),
        (probe.nowMs() - s0) / 1000.0);
    printLatency("latency during session", probe.lateness());
    {
        // The part of each stall the GUI thread spent working (not waiting for a core).
        std::vector<double> own(probe.lateness().size());
        for (std::size_t i = 0; i < own.size(); ++i)
            own[i] = std::min(probe.lateness()[i], probe.cpu()[i]);
        printLatency("  of which GUI thread's work", own);
    }
    printStalls(probe, s0, [&](double began) {
        std::string last = "(before the first action)";
        for (const Timing& t : timings)
            if (t.startMs <= began + 1.0)
                last = t.name;
        return last;
    });
    std::sort(timings.begin(), timings.end(),
        [](const Timing& a, const Timing& b) { return a.ms > b.ms; });
    for (std::size_t i = 0; i < std::min<std::size_t>(6, timings.size()); ++i)
        std::printf("  slowest action %-22s %.1f ms\n", timings[i].name.c_str(), timings[i].ms);
    if (!pngDir.isEmpty()) {
        tabs->setCurrentIndex(pricesTab);
        waitFor([] { return false; }, 300);
        w.grab().save(pngDir + QStringLiteral("/load_prices.png"));
        tabs->setCurrentIndex(newsTab);
        waitFor([] { return false; }, 300);
        w.grab().save(pngDir + QStringLiteral("/load_news.png"));
    }
    return 0;
}

// The window's Risk tab, made current; nullptr (said on stderr) when the window has none.
ui::RiskView* showRiskTab(ui::MainWindow& w)
{
    auto* view = w.findChild<ui::RiskView*>();
    QTabWidget* tabs = mainTabs(w);
    if (!view || !tabs) {
        std::fprintf(stderr, "risk view not found\n");
        return nullptr;
    }
    tabs->setCurrentIndex(tabIndex(tabs, "Risk"));
    return view;
}

// stored: the Risk tab loads the newest stored run of the opened project (with its staleness
// check, which reads the run's prices again) and shows it; latency while loading and showing.
int stored(ui::MainWindow& w, LatencyProbe& probe)
{
    ui::RiskView* view = showRiskTab(w);
    if (!view)
        return 1;
    probe.reset();
    const double t0 = probe.nowMs();
    if (!waitFor([&] { return view->hasReport() || !view->isRunning(); }, 600000))
        return 1;
    const double shown = probe.nowMs();
    waitFor([] { return false; }, 1500);
    std::printf("stored run shown             %.1f s after the open (%zu holdings)\n",
        (shown - t0) / 1000.0,
        view->hasReport() ? view->report().instruments.size() : std::size_t(0));
    printLatency("latency loading and showing", probe.lateness());
    printStalls(probe, t0, [&](double began) {
        return std::string(began < shown - 1.0 ? "loading" : "showing the report");
    });
    return 0;
}

int risk(ui::MainWindow& w, LatencyProbe& probe, double cancelAfterS, bool full,
    const QString& pngDir)
{
    ui::RiskView* view = showRiskTab(w);
    if (!view)
        return 1;
    ui::RiskRunController* runner = view->runner();
    // Opening a project with a portfolio and no stored run starts a run: cancel it first (the
    // time from Cancel to its end is a measurement too).
    if (view->isRunning()) {
        waitFor([] { return false; }, 1000);
        bool autoEnded = false;
        QObject::connect(
            runner, &ui::RiskRunController::finished, [&](int, bool) { autoEnded = true; });
        probe.reset();
        const double c0 = probe.nowMs();
        view->cancelRun();
        waitFor([&] { return autoEnded || !view->isRunning(); }, 600000);
        std::printf("run started by the open      cancelled, ended %.0f ms after Cancel\n",
            probe.nowMs() - c0);
        printLatency("latency around that cancel", probe.lateness());
    }
    long progressSignals = 0;
    qint64 lastDone = 0, lastTotal = 0;
    QObject::connect(runner, &ui::RiskRunController::progress, [&](int, qint64 d, qint64 t) {
        ++progressSignals;
        lastDone = d;
        lastTotal = t;
    });
    bool finished = false, ok = false;
    double finishedAt = 0;
    QObject::connect(runner, &ui::RiskRunController::finished, [&](int, bool success) {
        finished = true;
        ok = success;
        finishedAt = probe.nowMs();
    });

    if (full) {
        probe.reset();
        const double t0 = probe.nowMs();
        const double rss0 = peakRssMb();
        if (!view->run()) {
            std::fprintf(stderr, "run did not start: %s\n", qPrintable(view->statusText()));
            return 1;
        }
        waitFor([&] { return finished; }, 3 * 3600 * 1000);
        const auto runLateness = probe.lateness();
        probe.reset();
        waitFor([] { return false; }, 1500); // the report is shown
        std::printf("risk run                     %s in %.1f s, %ld progress signals "
                    "(last %lld/%lld)\n",
            ok ? "ok" : qPrintable(QStringLiteral("failed: ") + view->statusText()),
            (finishedAt - t0) / 1000.0, progressSignals, static_cast<long long>(lastDone),
            static_cast<long long>(lastTotal));
        std::printf("holdings in the report       %zu\n",
            view->hasReport() ? view->report().instruments.size() : std::size_t(0));
        printLatency("latency while running", runLateness);
        printLatency("latency showing the report", probe.lateness());
        std::printf("peak RSS before / after run  %.0f / %.0f MB\n", rss0, peakRssMb());
        if (!pngDir.isEmpty())
            w.grab().save(pngDir + QStringLiteral("/load_risk.png"));
    } else {
        std::printf("full run skipped (--full runs one to its end first)\n");
    }

    finished = false;
    progressSignals = 0;
    probe.reset();
    if (!view->run()) {
        std::fprintf(stderr, "second run did not start\n");
        return 1;
    }
    waitFor([] { return false; }, int(cancelAfterS * 1000));
    printLatency("latency while running", probe.lateness());
    std::printf("progress signals             %ld in %.0f s (last %lld/%lld)\n", progressSignals,
        cancelAfterS, static_cast<long long>(lastDone), static_cast<long long>(lastTotal));
    probe.reset();
    const double cancelAt = probe.nowMs();
    view->cancelRun();
    const bool ended = waitFor([&] { return finished; }, 600000);
    std::printf("cancel after %.0f s             %s, finished %.0f ms after Cancel (%ld progress "
                "signals before)\n",
        cancelAfterS, ended && !ok ? "stopped" : (ok ? "completed anyway" : "no finish"),
        finishedAt - cancelAt, progressSignals);
    printLatency("latency around the cancel", probe.lateness());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines survive a timeout's kill
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings of the bench, not the user's
    QString path, mode = QStringLiteral("browse"), pngDir;
    double cancelAfter = 5.0;
    bool full = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const bool more = i + 1 < args.size();
        if (args[i] == QLatin1String("--mode") && more)
            mode = args[++i];
        else if (args[i] == QLatin1String("--cancel-after") && more)
            cancelAfter = args[++i].toDouble();
        else if (args[i] == QLatin1String("--full"))
            full = true;
        else if (args[i] == QLatin1String("--png") && more)
            pngDir = args[++i];
        else if (path.isEmpty() && !args[i].startsWith(QLatin1Char('-')))
            path = args[i];
        else {
            std::fprintf(stderr, "usage: bench_load_gui PROJECT [--mode browse|risk|open|stored] "
                                 "[--cancel-after S] [--full] [--png DIR]\n");
            return 2;
        }
    }
    if (path.isEmpty()
        || (mode != QLatin1String("browse") && mode != QLatin1String("risk")
            && mode != QLatin1String("open") && mode != QLatin1String("stored"))) {
        std::fprintf(stderr, "usage: bench_load_gui PROJECT [--mode browse|risk|open|stored]\n");
        return 2;
    }
    LatencyProbe probe;
    probe.start();
    ui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    waitFor([] { return false; }, 300);
    PaintWatch paint(probe);
    w.pricesTab()->chart()->viewport()->installEventFilter(&paint);
    probe.reset();
    const double openStart = probe.nowMs();
    paint.armed = true;
    // A large file opens on a worker (ProjectController::openProjectInBackground()): the call
    // returns at once and openFinished() tells the end; a small one opens in the call.
    bool finished = false;
    QString openError;
    double adoptedMs = 1e300; // when the finished open was handed to the window
    QObject::connect(w.projectController(), &ui::ProjectController::openFinished,
        [&](const QString&, const QString& error) {
            finished = true;
            adoptedMs = probe.nowMs();
            openError = error;
        });
    const bool background = w.projectController()->opensInBackground(path);
    if (!w.openProject(path)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    std::printf("open call (MainWindow::openProject) %.0f ms, %s\n", probe.nowMs() - openStart,
        background ? "in the background" : "in the call");
    if (background && !waitFor([&] { return finished; }, 600000)) {
        std::fprintf(stderr, "the open did not finish\n");
        return 1;
    }
    if (!openError.isEmpty()) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(openError));
        return 1;
    }
    std::printf("project open                 %.0f ms after the call\n", probe.nowMs() - openStart);
    waitFor([] { return false; }, 200);
    printLatency("latency during open", probe.lateness());
    printStalls(probe, openStart, [&](double began) {
        return std::string(began < adoptedMs ? "the open call" : "the project's adoption");
    });
    std::printf("peak RSS after open          %.0f MB\n", peakRssMb());
    if (mode == QLatin1String("open"))
        return 0;
    const int rc = mode == QLatin1String("browse") ? browse(w, probe, openStart, paint, pngDir)
        : mode == QLatin1String("stored")           ? stored(w, probe)
                                                    : risk(w, probe, cancelAfter, full, pngDir);
    std::printf("peak RSS                     %.0f MB\n", peakRssMb());
    return rc;
}
