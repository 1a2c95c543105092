// RiskView on a project imported from tests/data/dowjones30_prices.csv with a small portfolio:
// Run computes off the GUI thread and fills the table (VaR equal to PerformanceAnalytics' figures
// in tests/data/risk/oracle_dowjones30.csv and to a hand-computed quantile for 97.5 %) and the
// charts; a new confidence recomputes; the run is stored and a new view shows it without
// recomputing; a newer request supersedes an older one; no run starts while an import is busy.
// With MARKETLENS_RISK_SHOTS=<dir> the view and each chart are written there as PNG.
#include "core/price_import.h"
#include "core/project_store.h"
#include "core/risk/risk_report.h"
#include "ui/jobs_bar.h"
#include "ui/main_window.h"
#include "ui/project_controller.h"
#include "ui/risk/backtest_view.h"
#include "ui/risk/correlation_heatmap.h"
#include "ui/risk/holdings_risk_model.h"
#include "ui/risk/return_histogram_view.h"
#include "ui/risk/risk_run_controller.h"
#include "ui/risk/risk_view.h"
#include "ui/risk/rolling_vol_view.h"
#include "ui/risk/underwater_view.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace marketlens;
using marketlens::ui::HoldingsRiskModel;
using marketlens::ui::RiskView;
namespace cr = marketlens::core::risk;

namespace {
constexpr int kRunTimeoutMs = 120000;

bool closeRel(double a, double b, double tol)
{
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

// One column of a quoted CSV with a header row: the value of `ticker` in each row.
std::vector<double> csvColumn(
    const QString& path, const QString& ticker, QString* firstCell = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines
        = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList header = lines.first().split(QLatin1Char(','));
    for (QString& h : header)
        h.remove(QLatin1Char('"'));
    const int col = int(header.indexOf(ticker));
    std::vector<double> out;
    for (int i = 1; i < lines.size() && col > 0; ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        out.push_back(cells[col].toDouble());
        if (firstCell && i == 1)
            *firstCell = cells[0];
    }
    return out;
}

std::map<QString, double> oracleRow(const QString& metric)
{
    std::map<QString, double> out;
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/risk/oracle_dowjones30.csv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    const QStringList lines
        = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList header = lines.first().split(QLatin1Char(','));
    for (const QString& line : lines) {
        QStringList cells = line.split(QLatin1Char(','));
        if (cells.first().remove(QLatin1Char('"')) != metric)
            continue;
        for (int c = 1; c < cells.size(); ++c)
            out[header[c].remove(QLatin1Char('"'))] = cells[c].toDouble();
    }
    return out;
}

// R's type-7 quantile of the simple returns of `prices` at probability q (by hand).
double type7Quantile(const std::vector<double>& prices, double q)
{
    std::vector<double> r;
    for (std::size_t i = 1; i < prices.size(); ++i)
        r.push_back(prices[i] / prices[i - 1] - 1.0);
    std::sort(r.begin(), r.end());
    const double h = double(r.size() - 1) * q;
    const auto lo = std::size_t(std::floor(h));
    return r[lo] + (h - double(lo)) * (r[std::min(lo + 1, r.size() - 1)] - r[lo]);
}

double tableValue(const RiskView& view, const QString& ticker, int column)
{
    const HoldingsRiskModel* m = view.holdingsModel();
    return m->index(m->rowOf(ticker), column).data(HoldingsRiskModel::RawValueRole).toDouble();
}

int varColumnFor(const HoldingsRiskModel* m, double p)
{
    for (std::size_t k = 0; k < m->table().confidences.size(); ++k) {
        if (std::abs(m->table().confidences[k] - p) < 1e-9)
            return m->varColumn(int(k));
    }
    return -1;
}
} // namespace

class TestRiskView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_csv = QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv");

    void shoot(QWidget* w, const QString& name)
    {
        const QString dir = qEnvironmentVariable("MARKETLENS_RISK_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("dj.mlens"));
        QVERIFY(core::ProjectStore::create(m_path.toStdString()));
        auto imported = core::importFiles(
            m_path.toStdString(), {m_csv.toStdString()}, core::ImportOptions {});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        core::Portfolio p;
        p.name = "Core";
        for (auto [t, w] : {std::pair {"AA", 0.3}, {"IBM", 0.3}, {"KO", 0.2}, {"MSFT", 0.2}})
            p.holdings.push_back({t, std::nullopt, w, std::nullopt, ""});
        QVERIFY(store->writePortfolio(p));
    }

    void runFillsTableAndCharts()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Nothing stored yet: the view says so and shows nothing.
        QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning(), kRunTimeoutMs);
        QVERIFY(!view.hasReport());
        QCOMPARE(view.holdingsModel()->rowCount(), 0);
        QVERIFY(!view.conventionsText().isEmpty());
        shoot(&view, QStringLiteral("risk_view_empty"));

        QSignalSpy shown(&view, &RiskView::reportShown);
        QSignalSpy failed(&view, &RiskView::runFailed);
        QVERIFY(view.run());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + failed.count() > 0, kRunTimeoutMs);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
        QCOMPARE(shown.first().first().toBool(), true);
        QVERIFY(view.reportWasComputed());
        const cr::RiskReport& r = view.report();
        QCOMPARE(r.observations, std::size_t(2528));

        // Table: the four holdings, each with a score, VaR equal to PerformanceAnalytics.
        const HoldingsRiskModel* m = view.holdingsModel();
        QCOMPARE(m->rowCount(), 4);
        const auto var95 = oracleRow(QStringLiteral("VaR_hist_95"));
        const auto var99 = oracleRow(QStringLiteral("VaR_hist_99"));
        for (const char* t : {"AA", "IBM", "KO", "MSFT"}) {
            const QString ticker = QString::fromLatin1(t);
            QVERIFY(m->rowOf(ticker) >= 0);
            const double score = tableValue(view, ticker, m->scoreColumn());
            QVERIFY(score >= 0.0 && score <= 100.0);
            QVERIFY(
                closeRel(tableValue(view, ticker, varColumnFor(m, 0.95)), var95.at(ticker), 1e-9));
            QVERIFY(
                closeRel(tableValue(view, ticker, varColumnFor(m, 0.99)), var99.at(ticker), 1e-9));
            QVERIFY(!m->index(m->rowOf(ticker), m->scoreColumn())
                         .data(Qt::ToolTipRole)
                         .toString()
                         .isEmpty());
        }
        // Component VaR shares add up to 1.
        double share = 0.0;
        for (int row = 0; row < 4; ++row)
            share += m->index(row, m->componentShareColumn())
                         .data(HoldingsRiskModel::RawValueRole)
                         .toDouble();
        QVERIFY(std::abs(share - 1.0) < 1e-9);
        // Each row's weight and component VaR are the report's entries for that ticker (the
        // portfolio's lists are in the portfolio's order, not the table's).
        const cr::ComponentFigure* component = nullptr;
        for (const cr::ComponentFigure& c : r.portfolio.components)
            if (c.method == cr::RiskMethod::Historical && std::abs(c.confidence - 0.95) < 1e-12)
                component = &c;
        QVERIFY(component);
        QCOMPARE(r.portfolio.tickers.size(), std::size_t(4));
        for (std::size_t i = 0; i < r.portfolio.tickers.size(); ++i) {
            const QString ticker = QString::fromStdString(r.portfolio.tickers[i]);
            QCOMPARE(tableValue(view, ticker, m->weightColumn()), r.portfolio.weights[i]);
            QCOMPARE(tableValue(view, ticker, m->componentVarColumn()), component->component[i]);
        }

        // Charts show the portfolio series of the run.
        int total = 0;
        for (int c : view.histogram()->binCounts())
            total += c;
        QCOMPARE(total, 2528);
        const cr::TailFigure* tail = r.portfolio.figures.tail(cr::RiskMethod::Historical, 0.95);
        QVERIFY(tail);
        QVERIFY(std::abs(view.histogram()->varLineX() - tail->var) < 1e-15);
        QVERIFY(std::abs(view.histogram()->esLineX() - tail->es) < 1e-15);
        QVERIFY(
            std::abs(view.underwater()->minimumValue() + r.portfolio.figures.maxDrawdown) < 1e-15);
        QVERIFY(view.volatility()->lineCount() >= 2);
        QCOMPARE(view.heatmap()->tickers().size(), 4);
        QCOMPARE(view.heatmap()->value(1, 1), 1.0);
        std::size_t exceedances = 0;
        for (const auto& b : r.portfolio.backtests) {
            if (std::abs(b.confidence - 0.95) < 1e-9)
                exceedances = b.result.exceedances;
        }
        QVERIFY(exceedances > 0);
        QCOMPARE(view.backtest()->exceedanceMarkerCount(), int(exceedances));

        // Table selection outlines the holding in the heatmap.
        view.selectHolding(QStringLiteral("KO"));
        QCOMPARE(view.heatmap()->highlightedTicker(), QStringLiteral("KO"));

        // CSV export of what the table shows.
        const QString csv = m_dir.filePath(QStringLiteral("holdings.csv"));
        QVERIFY(view.exportHoldingsCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()).count(QLatin1Char('\n')), 5);

        shoot(&view, QStringLiteral("risk_view"));
        for (int i = 0; i < view.chartTabs()->count(); ++i) {
            view.chartTabs()->setCurrentIndex(i);
            QTest::qWait(50);
            shoot(&view, QStringLiteral("risk_view_tab%1").arg(i));
        }
    }

    void confidenceChangeRecomputes()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        view.resize(1400, 900);
        QSignalSpy shown(&view, &RiskView::reportShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kRunTimeoutMs); // the stored run
        QCOMPARE(shown.first().first().toBool(), false);
        const HoldingsRiskModel* m = view.holdingsModel();
        QCOMPARE(varColumnFor(m, 0.975), -1);

        view.setConfidenceText(QStringLiteral("0.975"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, kRunTimeoutMs);
        QCOMPARE(shown.last().first().toBool(), true);
        const int col = varColumnFor(m, 0.975);
        QVERIFY(col >= 0);
        QCOMPARE(m->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("VaR\n97.5 %"));
        const double hand = type7Quantile(csvColumn(m_csv, QStringLiteral("AA")), 0.025);
        const double shownVar = tableValue(view, QStringLiteral("AA"), col);
        QVERIFY2(closeRel(shownVar, hand, 1e-9),
            qPrintable(QStringLiteral("%1 vs %2").arg(shownVar).arg(hand)));
        QVERIFY(std::abs(shownVar - tableValue(view, QStringLiteral("AA"), varColumnFor(m, 0.95)))
            > 1e-4);
        const cr::TailFigure* t975
            = view.report().portfolio.figures.tail(cr::RiskMethod::Historical, 0.975);
        QVERIFY(t975);
        QVERIFY(std::abs(view.histogram()->varLineX() - t975->var) < 1e-15);

        // 0.99 is in the run already: drawn at once, nothing recomputed.
        view.setConfidenceText(QStringLiteral("0.99"));
        QVERIFY(!view.isRunning());
        QCOMPARE(shown.count(), 2);
        const cr::TailFigure* t99
            = view.report().portfolio.figures.tail(cr::RiskMethod::Historical, 0.99);
        QVERIFY(std::abs(view.histogram()->varLineX() - t99->var) < 1e-15);

        // Gaussian is computed with every run: switching method is immediate as well.
        view.setMethod(cr::RiskMethod::Gaussian);
        QVERIFY(!view.isRunning());
        const auto gauss = oracleRow(QStringLiteral("VaR_gauss_99"));
        QVERIFY(closeRel(tableValue(view, QStringLiteral("KO"), varColumnFor(m, 0.99)),
            gauss.at(QStringLiteral("KO")), 1e-9));
        view.setMethod(cr::RiskMethod::Historical);
        view.setConfidenceText(QStringLiteral("0.975"));
        QVERIFY(!view.isRunning());
    }

    void storedRunShownWithoutRecomputing()
    {
        {
            auto store = core::ProjectStore::open(m_path.toStdString());
            QVERIFY(store);
            auto count = cr::riskRunCount(*store);
            QVERIFY(count);
            QCOMPARE(*count, std::int64_t(2)); // the two computed runs above
        }
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        QSignalSpy shown(&view, &RiskView::reportShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kRunTimeoutMs);
        QCOMPARE(shown.first().first().toBool(), false);
        QVERIFY(!view.reportWasComputed());
        QVERIFY(std::abs(view.selectedConfidence() - 0.975) < 1e-12); // the run's selection
        const HoldingsRiskModel* m = view.holdingsModel();
        QCOMPARE(m->rowCount(), 4);
        const double hand = type7Quantile(csvColumn(m_csv, QStringLiteral("AA")), 0.025);
        QVERIFY(
            closeRel(tableValue(view, QStringLiteral("AA"), varColumnFor(m, 0.975)), hand, 1e-9));
        QTest::qWait(500); // longer than the debounce: nothing is recomputed behind our back
        QVERIFY(!view.isRunning());
        QCOMPARE(shown.count(), 1);
        QVERIFY(view.statusText().contains(QStringLiteral("not recomputed")));
    }

    void newerRequestSupersedesOlder()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        QSignalSpy shown(&view, &RiskView::reportShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kRunTimeoutMs);
        view.setWindow(100);
        QVERIFY(view.run()); // request with window 100
        view.setWindow(120);
        QVERIFY(view.run()); // supersedes it
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, kRunTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(view.runner()->ignoredResults(), 1, kRunTimeoutMs);
        QCOMPARE(shown.count(), 2); // the older one never reached the view
        QCOMPARE(view.report().options.window, std::size_t(120));
        QVERIFY(view.volatility()->lineName(0).contains(QStringLiteral("120")));
    }

    void noRunWhileImportHoldsTheFile()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        QTRY_VERIFY_WITH_TIMEOUT(view.hasReport(), kRunTimeoutMs);
        project.setBusy(true);
        QVERIFY(!view.run());
        QVERIFY(view.statusText().contains(QStringLiteral("import")));
        project.setBusy(false);
        // The import's reload runs the deferred analysis.
        QSignalSpy shown(&view, &RiskView::reportShown);
        QVERIFY(project.reload());
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kRunTimeoutMs);
        QCOMPARE(shown.first().first().toBool(), true);
    }

    // The main window has a Risk tab that shows the project's stored run when it is opened.
    void mainWindowRiskTab()
    {
        ui::MainWindow window;
        window.resize(1500, 950);
        window.show();
        QVERIFY(window.openProject(m_path));
        auto* tabs = window.findChild<QTabWidget*>();
        QVERIFY(tabs);
        auto* view = window.findChild<RiskView*>();
        QVERIFY(view);
        QCOMPARE(tabs->tabText(tabs->indexOf(view)), QStringLiteral("Risk"));
        tabs->setCurrentWidget(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->hasReport(), kRunTimeoutMs);
        QVERIFY(!view->reportWasComputed());
        QCOMPARE(view->holdingsModel()->rowCount(), 4);
        // A run started here reports progress in the window's jobs bar and ends there.
        QSignalSpy shown(view, &RiskView::reportShown);
        view->setMethod(cr::RiskMethod::MonteCarlo);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kRunTimeoutMs);
        QVERIFY(view->report().portfolio.figures.tail(cr::RiskMethod::MonteCarlo, 0.975));
        QTRY_COMPARE(window.jobsBar()->jobCount(), 0);
        view->selectHolding(QStringLiteral("MSFT"));
        QTest::qWait(50);
        shoot(&window, QStringLiteral("main_window_risk"));
    }

    void invalidConfidenceIsRefused()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        QTRY_VERIFY_WITH_TIMEOUT(view.hasReport(), kRunTimeoutMs);
        view.setConfidenceText(QStringLiteral("1.5"));
        QVERIFY(std::isnan(view.selectedConfidence()));
        QVERIFY(!view.run());
        QVERIFY(view.statusText().contains(QStringLiteral("confidence")));
        view.setConfidenceText(QStringLiteral("97.5 %"));
        QVERIFY(std::abs(view.selectedConfidence() - 0.975) < 1e-12);
    }

    // New prices after the stored run: the view shows the run and says it is out of date.
    void staleStoredRunIsFlagged()
    {
        const QString extra = m_dir.filePath(QStringLiteral("extra.csv"));
        QFile f(extra);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("date,ticker,close\n2001-01-03,AA,32.5\n2001-01-03,IBM,90.1\n"
                "2001-01-03,KO,60.2\n2001-01-03,MSFT,48.3\n");
        f.close();
        auto imported = core::importFiles(
            m_path.toStdString(), {extra.toStdString()}, core::ImportOptions {});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        QSignalSpy shown(&view, &RiskView::reportShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kRunTimeoutMs);
        QCOMPARE(shown.first().first().toBool(), false);
        QVERIFY2(view.statusText().contains(QStringLiteral("prices have changed")),
            qPrintable(view.statusText()));
    }
};

QTEST_MAIN(TestRiskView)
#include "test_risk_view.moc"
