// Benchmark (b): read one ticker's 2,000 daily rows back from a 1,000,000-row project with
// ProjectStore::prices, repeated over different tickers; prints the median time (target <= 2 ms)
// and, as the peer, the same rows through a raw sqlite3 C API SELECT on the same connection.
// Each ticker is read once untimed first, so both measure a warm page cache.
//
//   bench_read [--project FILE] [--repeat 200]
// Without --project it uses $TMPDIR/marketlens-bench/ours.mlens (left by bench_import), and
// builds it (generate + import) when missing.

#include "bench/bench_data.h"
#include "core/price_import.h"
#include "core/project_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace marketlens;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The peer: what a hand-written reader does with the C API, no wrapper, no date parsing.
std::size_t rawSelect(sqlite3* db, const std::string& ticker, std::vector<double>& sink)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT p.date, p.open, p.high, p.low, p.close, p.adj_close, p.volume "
                       "FROM prices p JOIN instruments i ON i.id = p.instrument_id "
                       "WHERE i.ticker = ?1 ORDER BY p.date",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, ticker.c_str(), -1, SQLITE_STATIC);
    std::size_t rows = 0;
    std::vector<std::string> dates;
    dates.reserve(2048);
    sink.clear();
    while (sqlite3_step(st) == SQLITE_ROW) {
        dates.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        for (int c = 1; c < 7; ++c)
            sink.push_back(sqlite3_column_double(st, c));
        ++rows;
    }
    sqlite3_finalize(st);
    return rows;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int pi = args.indexOf("--project");
    const int ri = args.indexOf("--repeat");
    const int repeat = ri >= 0 && ri + 1 < args.size() ? args[ri + 1].toInt() : 200;
    std::string project = pi >= 0 && pi + 1 < args.size()
                              ? args[pi + 1].toStdString()
                              : (QDir::tempPath() + "/marketlens-bench/ours.mlens").toStdString();
    if (!QFileInfo::exists(QString::fromStdString(project))) {
        std::printf("bench_read: building %s (500 tickers x 2000 days)\n", project.c_str());
        QDir().mkpath(QFileInfo(QString::fromStdString(project)).absolutePath());
        const std::string csv = project + ".csv";
        if (!bench::writeLongCsv(csv, 500, 2000) || !core::ProjectStore::create(project)
            || !core::importFiles(project, {csv}, {})) {
            std::fprintf(stderr, "cannot build the project\n");
            return 1;
        }
        std::filesystem::remove(csv);
    }
    auto store = core::ProjectStore::open(project);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().toString().c_str());
        return 1;
    }
    std::vector<double> ours, raw, sink;
    std::size_t rowsOurs = 0, rowsRaw = 0;
    for (int i = 0; i < repeat; ++i) {
        std::string ticker = std::to_string((i * 37) % 500);
        ticker.insert(ticker.begin(), 'T');
        // Untimed first read: both contenders then find the pages in SQLite's cache, so the
        // order in which they run does not favour the second one.
        rawSelect(store->db().handle(), ticker, sink);
        QElapsedTimer t;
        t.start();
        auto s = store->prices(ticker);
        ours.push_back(t.nsecsElapsed() / 1e6);
        if (!s) {
            std::fprintf(stderr, "%s\n", s.error().toString().c_str());
            return 1;
        }
        rowsOurs = s->size();
        t.restart();
        rowsRaw = rawSelect(store->db().handle(), ticker, sink);
        raw.push_back(t.nsecsElapsed() / 1e6);
    }
    const double mo = median(ours), mr = median(raw);
    std::printf("bench_read: one ticker's rows from %s, median of %d\n", project.c_str(), repeat);
    std::printf("  ProjectStore::prices : %7.3f ms for %zu rows (target <= 2 ms): %s\n", mo,
                rowsOurs, mo <= 2.0 ? "ok" : "MISSED");
    std::printf("  raw sqlite3 SELECT   : %7.3f ms for %zu rows; ratio raw/ours %.2f\n", mr,
                rowsRaw, mr / mo);
    return rowsOurs == 2000 && rowsRaw == 2000 ? 0 : 1;
}
