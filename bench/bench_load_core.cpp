// Load benchmark without a window (issue 8, "Load"), on a project from bench_load_make:
//
//   bench_load_core PROJECT.mlens parts
//     times, one by one, the reads an open does on the GUI thread: the old ones (every
//     instrument's row count, every holding's whole series for its last close, every news item)
//     beside the new ones (first/last dates only, one seek per last close, the newest 20,000
//     news items), with the peak RSS after each.
//   bench_load_core PROJECT.mlens risk [--cancel-after S]
//     computeRiskReport() on the first portfolio, as `marketlens risk` and the Risk tab's worker
//     run it: wall time, progress callbacks, peak RSS; then the same run cancelled after S
//     seconds (default 5) from another thread: time from the cancel to the return.
// docs/performance-load.md has the numbers.

#include "core/news/news_store.h"
#include "core/price_queries.h"
#include "core/project_store.h"
#include "core/risk/risk_report.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace marketlens;

namespace {

constexpr int kNewestNews = 20000; // ui::NewsModel::kMaxLoaded

double peakRssMb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

int parts(core::ProjectStore& store)
{
    QElapsedTimer t;
    auto report = [&](const char* what, long long n) {
        std::printf("%-46s %8.0f ms  (%lld)  peak RSS %.0f MB\n", what, t.nsecsElapsed() / 1e6, n,
            peakRssMb());
        std::fflush(stdout);
    };
    t.start();
    auto uncounted = core::instrumentsUncounted(store);
    report("instrumentsUncounted (new, GUI thread)", uncounted ? (long long)uncounted->size() : -1);
    t.restart();
    auto all = store.instruments();
    report("ProjectStore::instruments (counts; now a worker)", all ? (long long)all->size() : -1);
    t.restart();
    auto portfolios = store.portfolios();
    report("ProjectStore::portfolios", portfolios ? (long long)portfolios->size() : -1);
    if (!portfolios || portfolios->empty() || !all)
        return 1;
    t.restart();
    long long n = 0;
    for (const auto& h : portfolios->front().holdings) {
        auto close = core::latestClose(store, h.ticker);
        n += close && !core::isMissing(*close) ? 1 : 0;
    }
    report("latestClose of every holding (new)", n);
    t.restart();
    auto count = core::news::newsCount(store);
    report("newsCount (project tree)", count ? *count : -1);
    t.restart();
    core::news::NewsQuery newest;
    newest.limit = kNewestNews + 1;
    auto some = core::news::listNews(store, newest);
    report("listNews newest 20,001 with bodies (new)", some ? (long long)some->size() : -1);
    t.restart();
    core::news::NewsQuery ticker;
    ticker.ticker = all->front().ticker;
    auto one = core::news::listNews(store, ticker);
    report("listNews of one ticker (chart markers)", one ? (long long)one->size() : -1);
    t.restart();
    n = 0;
    for (const auto& h : portfolios->front().holdings) {
        auto series = store.prices(h.ticker); // the old lastClose: the whole series, cached
        n += series ? (long long)series->dates.size() : 0;
    }
    report("prices() of every holding (old lastClose)", n);
    t.restart();
    auto every = core::news::listNews(store);
    report("listNews all with bodies (old News tab)", every ? (long long)every->size() : -1);
    return 0;
}

int risk(core::ProjectStore& store, double cancelAfter)
{
    auto portfolios = store.portfolios();
    if (!portfolios || portfolios->empty())
        return 1;
    core::risk::RiskRunOptions o;
    o.portfolio = portfolios->front().name;
    long calls = 0;
    std::int64_t lastDone = 0, lastTotal = 0;
    QElapsedTimer t;
    t.start();
    auto report = core::risk::computeRiskReport(store, o, [&](std::int64_t d, std::int64_t total) {
        ++calls;
        lastDone = d;
        lastTotal = total;
        return true;
    });
    std::printf("risk run: %s in %.1f s, %zu holdings, %ld progress calls (last %lld/%lld), "
                "peak RSS %.0f MB\n",
        report ? "ok" : report.error().message.c_str(), t.elapsed() / 1000.0,
        report ? report->instruments.size() : std::size_t(0), calls,
        static_cast<long long>(lastDone), static_cast<long long>(lastTotal), peakRssMb());
    if (report) {
        const auto* mc = report->portfolio.figures.tail(core::risk::RiskMethod::MonteCarlo, 0.95);
        const auto* g = report->portfolio.figures.tail(core::risk::RiskMethod::Gaussian, 0.95);
        std::printf("portfolio 95%% VaR: Gaussian %.5f, Monte Carlo %.5f; %zu warnings\n",
            g ? g->var : 0.0, mc ? mc->var : 0.0, report->warnings.size());
        t.restart();
        auto id = core::risk::saveRiskRun(store, *report);
        std::printf("saveRiskRun: %s in %.1f s\n", id ? "ok" : id.error().message.c_str(),
            t.elapsed() / 1000.0);
    }
    std::fflush(stdout);

    std::atomic_bool cancel {false};
    std::atomic<long> seen {0};
    QElapsedTimer cancelClock;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(long(cancelAfter * 1000)));
        cancelClock.start();
        cancel = true;
    });
    t.restart();
    auto cancelled = core::risk::computeRiskReport(store, o, [&](std::int64_t, std::int64_t) {
        ++seen;
        return !cancel.load();
    });
    const double afterCancelMs = cancel ? cancelClock.nsecsElapsed() / 1e6 : -1.0;
    canceller.join();
    std::printf("cancel after %.0f s: %s, returned %.0f ms after the cancel (%ld progress calls)\n",
        cancelAfter,
        cancelled ? "completed anyway"
                  : (cancelled.error().code == core::ErrorCode::Cancelled ? "cancelled"
                                                                           : "failed"),
        afterCancelMs, seen.load());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_load_core PROJECT parts|risk [--cancel-after S]\n");
        return 2;
    }
    double cancelAfter = 5.0;
    if (argc >= 5 && std::string(argv[3]) == "--cancel-after")
        cancelAfter = std::atof(argv[4]);
    QElapsedTimer t;
    t.start();
    auto store = core::ProjectStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    std::printf("ProjectStore::open %.0f ms\n", t.nsecsElapsed() / 1e6);
    const std::string mode = argv[2];
    if (mode == "parts")
        return parts(*store);
    if (mode == "risk")
        return risk(*store, cancelAfter);
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
}
