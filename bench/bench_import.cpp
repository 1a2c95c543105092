// Benchmark (a): import a generated long-format CSV (default 1,000,000 rows = 500 tickers x
// 2,000 days) into a new project with core::importFiles, against two peers measured in the same
// run: pandas read_csv + to_sql into SQLite, and the sqlite3 shell's `.import --csv` into an
// untyped table. Prints times and ratios (peer time / our time; targets: >= 3 vs pandas, >= 2 vs
// the shell), and the peak RSS of our import measured in a child process so that nothing else
// of this process counts. --with-10m also imports a 10,000,000-row file (5,000 tickers) and
// checks that its peak RSS is not above the 1,000,000-row one.
//
//   bench_import [--tickers 500] [--days 2000] [--with-10m] [--no-peers] [--work DIR]
//                [--peers DIR] [--keep-csv]
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

#include <cstdio>
#include <filesystem>
#include <string>

using namespace marketlens;

namespace {

struct Measure {
    double seconds = -1;
    long maxRssKb = 0;
    long long rows = 0;
};

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
    std::printf("%.6f %ld %lld\n", secs, usage.ru_maxrss, static_cast<long long>(r->rowsAccepted()));
    return r->rowsRejected() == 0 ? 0 : 1;
}

Measure runOurs(const QString& self, const std::string& csv, const std::string& project)
{
    QProcess p;
    p.start(self, {"--child-import", QString::fromStdString(csv), QString::fromStdString(project)});
    p.waitForFinished(-1);
    Measure m;
    const QStringList parts = QString::fromUtf8(p.readAllStandardOutput()).split(' ');
    if (p.exitCode() != 0 || parts.size() < 3) {
        std::fprintf(stderr, "our import failed: %s\n", p.readAllStandardError().constData());
        return m;
    }
    m.seconds = parts[0].toDouble();
    m.maxRssKb = parts[1].toLong();
    m.rows = parts[2].trimmed().toLongLong();
    return m;
}

// Runs a peer command; its own timing (first number it prints) is used when it gives one,
// otherwise the wall time of the process.
double runPeer(const QString& program, const QStringList& args)
{
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted()) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(program));
        return -1;
    }
    p.waitForFinished(-1);
    const double wall = timer.nsecsElapsed() / 1e9;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     p.readAllStandardError().constData());
        return -1;
    }
    bool ok = false;
    const double own = QString::fromUtf8(p.readAllStandardOutput()).trimmed().toDouble(&ok);
    return ok && own > 0 ? own : wall;
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

    const Measure m = runOurs(app.applicationFilePath(), csv, ours);
    if (m.seconds < 0 || m.rows != rows)
        return 1;
    std::printf("  marketlens importFiles : %8.3f s  (%.0f rows/s, peak RSS %.1f MB)\n", m.seconds,
                rows / m.seconds, m.maxRssKb / 1024.0);

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
        const double pandas = runPeer("/usr/bin/python3", {peerDir + "/pandas_import.py",
                                                           QString::fromStdString(csv), pandasDb});
        const double shell = runPeer("bash", {peerDir + "/sqlite3_import.sh",
                                              QString::fromStdString(csv), shellDb});
        if (pandas > 0)
            std::printf("  pandas read_csv+to_sql : %8.3f s  ratio %.2fx (target >= 3)\n", pandas,
                        pandas / m.seconds);
        if (shell > 0)
            std::printf("  sqlite3 shell .import  : %8.3f s  ratio %.2fx (target >= 2)\n", shell,
                        shell / m.seconds);
        if (pandas < 0 || shell < 0)
            status = 1;
        QFile::remove(pandasDb);
        QFile::remove(shellDb);
    }

    if (with10m) {
        const std::string csv10 = (work + "/long_10m.csv").toStdString();
        const std::string project10 = (work + "/ours_10m.mlens").toStdString();
        if (!bench::writeLongCsv(csv10, tickers * 10, days))
            return 1;
        const Measure m10 = runOurs(app.applicationFilePath(), csv10, project10);
        std::filesystem::remove(csv10);
        std::filesystem::remove(project10);
        if (m10.seconds < 0)
            return 1;
        std::printf("  10M rows: %8.3f s (%.0f rows/s), peak RSS %.1f MB vs %.1f MB for 1M: %s\n",
                    m10.seconds, m10.rows / m10.seconds, m10.maxRssKb / 1024.0,
                    m.maxRssKb / 1024.0, m10.maxRssKb <= m.maxRssKb ? "not larger (ok)" : "LARGER");
    }
    if (!args.contains("--keep-csv"))
        std::filesystem::remove(csv);
    std::printf("  project kept for bench_read: %s\n", ours.c_str());
    return status;
}
