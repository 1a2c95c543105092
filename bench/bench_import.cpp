// Benchmark (a): import a generated long-format CSV (default 1,000,000 rows = 500 tickers x
// 2,000 days) into a new project with core::importFiles, against two peers measured in the same
// run: pandas read_csv + to_sql into SQLite, and the sqlite3 shell's `.import --csv` into an
// untyped table. Prints wall and CPU times and ratios (peer time / our time; targets: >= 3 vs
// pandas, >= 2 vs the shell, on wall time; CPU ratios are printed too because they stay
// meaningful on a loaded machine, while our import overlaps parsing and writing on 2 threads), and the peak RSS of our import measured in a child process so that nothing else
// of this process counts. --with-10m also imports a 10,000,000-row file (the same 500 tickers
// over 20,000 days) and
// checks that its peak RSS is not above the 1,000,000-row one.
//
//   bench_import [--tickers 500] [--days 2000] [--with-10m] [--no-peers] [--work DIR]
//                [--peers DIR] [--keep-csv] [--repeat 3]
// Our import runs --repeat times (median reported); each peer runs once.
// The project of the 1M-row run is kept as DIR/ours.mlens for bench_read.

#include "bench/bench_data.h"
#include "core/price_import.h"
#include "core/project_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>
#include <filesystem>
#include <string>

using namespace marketlens;

namespace {

struct Measure {
    double seconds = -1; // wall
    double cpu = -1;     // user + system
    long maxRssKb = 0;
    long long rows = 0;
};

double cpuSeconds(const rusage& u)
{
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec
           + u.ru_stime.tv_usec / 1e6;
}

// Child mode: import `csv` into a new project `project`, print "seconds rss rows".
int childImport(const std::string& csv, const std::string& project)
{
    std::error_code ec;
    std::filesystem::remove(project, ec);
    if (!core::ProjectStore::create(project)) {
        std::fprintf(stderr, "cannot create %s\n", project.c_str());
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    auto r = core::importFiles(project, {csv}, {});
    const double secs = timer.nsecsElapsed() / 1e9;
    if (!r) {
        std::fprintf(stderr, "import failed: %s\n", r.error().toString().c_str());
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%.6f %ld %lld %.6f\n", secs, usage.ru_maxrss,
                static_cast<long long>(r->rowsAccepted()), cpuSeconds(usage));
    return r->rowsRejected() == 0 ? 0 : 1;
}

Measure runOurs(const QString& self, const std::string& csv, const std::string& project)
{
    QProcess p;
    p.start(self, {"--child-import", QString::fromStdString(csv), QString::fromStdString(project)});
    p.waitForFinished(-1);
    Measure m;
    const QStringList parts = QString::fromUtf8(p.readAllStandardOutput()).split(' ');
    if (p.exitCode() != 0 || parts.size() < 4) {
        std::fprintf(stderr, "our import failed: %s\n", p.readAllStandardError().constData());
        return m;
    }
    m.seconds = parts[0].toDouble();
    m.maxRssKb = parts[1].toLong();
    m.rows = parts[2].toLongLong();
    m.cpu = parts[3].trimmed().toDouble();
    return m;
}

// Our import `repeat` times in fresh child processes; the median of each measure (peak RSS
// varies by a few MB from run to run with thread timing and the kernel).
Measure runOursMedian(const QString& self, const std::string& csv, const std::string& project,
                      int repeat)
{
    std::vector<Measure> runs;
    for (int i = 0; i < repeat; ++i) {
        runs.push_back(runOurs(self, csv, project));
        if (runs.back().seconds < 0)
            return runs.back();
    }
    auto med = [&](auto field) {
        std::vector<double> v;
        for (const auto& r : runs)
            v.push_back(static_cast<double>(r.*field));
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    Measure m = runs.front();
    m.seconds = med(&Measure::seconds);
    m.cpu = med(&Measure::cpu);
    m.maxRssKb = static_cast<long>(med(&Measure::maxRssKb));
    return m;
}

// Runs a peer command. Wall and CPU time are the peer's own when it prints "wall cpu" (pandas:
// leaves out Python start-up and `import pandas`), else those of the whole process.
Measure runPeer(const QString& program, const QStringList& args)
{
    rusage before{};
    getrusage(RUSAGE_CHILDREN, &before);
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(program, args);
    Measure m;
    if (!p.waitForStarted()) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(program));
        return m;
    }
    p.waitForFinished(-1);
    const double wall = timer.nsecsElapsed() / 1e9;
    rusage after{};
    getrusage(RUSAGE_CHILDREN, &after);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     p.readAllStandardError().constData());
        return m;
    }
    const QStringList own = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(' ');
    if (own.size() == 2 && own[0].toDouble() > 0) {
        m.seconds = own[0].toDouble();
        m.cpu = own[1].toDouble();
    } else {
        m.seconds = wall;
        m.cpu = cpuSeconds(after) - cpuSeconds(before);
    }
    return m;
}

QString findPeers(const QStringList& args)
{
    const int i = args.indexOf("--peers");
    if (i >= 0 && i + 1 < args.size())
        return args[i + 1];
    for (const QString& c : {QDir::currentPath() + "/bench/peers",
                             QCoreApplication::applicationDirPath() + "/../../bench/peers"}) {
        if (QFileInfo::exists(c + "/pandas_import.py"))
            return QDir(c).canonicalPath();
    }
    return {};
}

int argInt(const QStringList& args, const QString& name, int fallback)
{
    const int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines appear as they are measured
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == "--child-import")
        return childImport(args[2].toStdString(), args[3].toStdString());

    const int tickers = argInt(args, "--tickers", 500);
    const int days = argInt(args, "--days", 2000);
    const bool peers = !args.contains("--no-peers");
    const bool with10m = args.contains("--with-10m");
    const int wi = args.indexOf("--work");
    const QString work = wi >= 0 && wi + 1 < args.size()
                             ? args[wi + 1]
                             : QDir::tempPath() + "/marketlens-bench";
    QDir().mkpath(work);
    const std::string csv = (work + "/long_1m.csv").toStdString();
    const std::string ours = (work + "/ours.mlens").toStdString();
    const long long rows = static_cast<long long>(tickers) * days;

    std::printf("bench_import: %lld rows (%d tickers x %d days), work dir %s\n", rows, tickers,
                days, qPrintable(work));
    if (!bench::writeLongCsv(csv, tickers, days)) {
        std::fprintf(stderr, "cannot write %s\n", csv.c_str());
        return 1;
    }
    std::printf("  csv: %.1f MB\n", std::filesystem::file_size(csv) / 1e6);

    const int repeat = std::max(1, argInt(args, "--repeat", 3));
    const Measure m = runOursMedian(app.applicationFilePath(), csv, ours, repeat);
    if (m.seconds < 0 || m.rows != rows)
        return 1;
    std::printf("  %-23s: %8.3f s wall, %6.3f s CPU (%.0f rows/s, peak RSS %.1f MB)\n",
                "marketlens importFiles", m.seconds, m.cpu, rows / m.seconds,
                m.maxRssKb / 1024.0);

    int status = 0;
    if (peers) {
        const QString peerDir = findPeers(args);
        if (peerDir.isEmpty()) {
            std::fprintf(stderr, "peer scripts not found (give --peers DIR)\n");
            return 1;
        }
        const QString pandasDb = work + "/pandas.sqlite";
        const QString shellDb = work + "/shell.sqlite";
        QFile::remove(pandasDb);
        QFile::remove(shellDb);
        const Measure pandas = runPeer("/usr/bin/python3",
                                       {peerDir + "/pandas_import.py", QString::fromStdString(csv),
                                        pandasDb});
        const Measure shell = runPeer("bash", {peerDir + "/sqlite3_import.sh",
                                               QString::fromStdString(csv), shellDb});
        auto line = [&](const char* name, const Measure& p, double target) {
            if (p.seconds < 0)
                return;
            std::printf("  %-23s: %8.3f s wall, %6.3f s CPU; ratio %.2fx wall, %.2fx CPU "
                        "(target >= %.0f)\n",
                        name, p.seconds, p.cpu, p.seconds / m.seconds, p.cpu / m.cpu, target);
        };
        line("pandas read_csv+to_sql", pandas, 3);
        line("sqlite3 shell .import", shell, 2);
        if (pandas.seconds < 0 || shell.seconds < 0)
            status = 1;
        QFile::remove(pandasDb);
        QFile::remove(shellDb);
    }

    if (with10m) {
        const std::string csv10 = (work + "/long_10m.csv").toStdString();
        const std::string project10 = (work + "/ours_10m.mlens").toStdString();
        // Same instruments, ten times the history: the file grows, the universe does not.
        if (!bench::writeLongCsv(csv10, tickers, days * 10))
            return 1;
        const Measure m10 = runOursMedian(app.applicationFilePath(), csv10, project10, repeat);
        std::filesystem::remove(csv10);
        std::filesystem::remove(project10);
        if (m10.seconds < 0)
            return 1;
        std::printf("  10M rows: %8.3f s wall, %.3f s CPU (%.0f rows/s), peak RSS %.1f MB vs "
                    "%.1f MB for 1M: %s\n",
                    m10.seconds, m10.cpu, m10.rows / m10.seconds, m10.maxRssKb / 1024.0,
                    m.maxRssKb / 1024.0,
                    m10.maxRssKb <= m.maxRssKb ? "not larger (ok)"
                    : m10.maxRssKb <= m.maxRssKb * 101 / 100
                        ? "LARGER by under 1% (run-to-run spread is ~0.2 MB)"
                        : "LARGER");
    }
    if (!args.contains("--keep-csv"))
        std::filesystem::remove(csv);
    std::printf("  project kept for bench_read: %s\n", ours.c_str());
    return status;
}
