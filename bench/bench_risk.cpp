// Risk engine against numpy (Debian python3-numpy on OpenBLAS), same data, same run:
//  (a) every single-series measure (VaR/ES historical, Gaussian, modified at 95 % and 99 %,
//      moments, drawdowns, Sharpe, Sortino, EWMA, beta) for 500 instruments x 5,000 days, and the
//      500 x 500 correlation matrix;
//  (b) Monte Carlo VaR/ES (99 %) of a 50-asset portfolio with 1,000,000 scenarios.
// The data are generated here (seeded) and written to binary files the peer reads; both sides
// time only the computation, best of 3. Usage: bench_risk [--threads N] [--no-peer]
#include "core/risk/measure_set.h"
#include "core/risk/monte_carlo.h"
#include "core/risk/risk_measures.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace marketlens::core::risk;

namespace {

constexpr std::size_t kSeries = 500, kDays = 5000, kAssets = 50, kScenarios = 1000000;

template <typename F> double bestOf(int repeat, F&& f)
{
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

// One market factor plus idiosyncratic noise with occasional jumps (fat tails).
std::vector<std::vector<double>> generate()
{
    std::mt19937_64 rng(20240611);
    std::normal_distribution<double> n01(0.0, 1.0);
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    std::vector<double> factor(kDays);
    for (double& f : factor)
        f = 0.0003 + 0.01 * n01(rng);
    std::vector<std::vector<double>> r(kSeries, std::vector<double>(kDays));
    for (std::size_t i = 0; i < kSeries; ++i) {
        const double beta = 0.5 + u01(rng);
        const double sd = 0.005 + 0.02 * u01(rng);
        for (std::size_t t = 0; t < kDays; ++t) {
            double e = sd * n01(rng);
            if (u01(rng) < 0.01)
                e *= 4.0;
            r[i][t] = beta * factor[t] + e;
        }
    }
    return r;
}

void writeInt(std::ofstream& out, std::int64_t v)
{
    out.write(reinterpret_cast<char*>(&v), 8);
}
void writeDoubles(std::ofstream& out, const std::vector<double>& v)
{
    out.write(reinterpret_cast<const char*>(v.data()), std::streamsize(v.size() * sizeof(double)));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    const int ti = int(args.indexOf(QStringLiteral("--threads")));
    if (ti > 0 && ti + 1 < args.size())
        threads = args[ti + 1].toUInt();
    const bool peer = !args.contains(QStringLiteral("--no-peer"));
    std::printf("bench_risk: %zu series x %zu days; MC %zu assets x %zu scenarios; %u threads\n",
        kSeries, kDays, kAssets, kScenarios, threads);

    const auto returns = generate();
    std::vector<double> benchmark(kDays, 0.0);
    for (const auto& c : returns)
        for (std::size_t t = 0; t < kDays; ++t)
            benchmark[t] += c[t] / double(kSeries);

    // (b) inputs: mean and sample covariance of the first 50 series, equal weights.
    std::vector<std::vector<double>> assets(returns.begin(), returns.begin() + kAssets);
    auto cov = covarianceMatrix(assets);
    std::vector<double> mu(kAssets), w(kAssets, 1.0 / double(kAssets));
    for (std::size_t i = 0; i < kAssets; ++i)
        mu[i] = *mean(assets[i]);

    QTemporaryDir dir;
    const std::string dataPath = dir.filePath(QStringLiteral("data.bin")).toStdString();
    const std::string mcPath = dir.filePath(QStringLiteral("mc.bin")).toStdString();
    {
        std::ofstream out(dataPath, std::ios::binary);
        writeInt(out, std::int64_t(kSeries));
        writeInt(out, std::int64_t(kDays));
        for (const auto& c : returns)
            writeDoubles(out, c);
        std::ofstream mc(mcPath, std::ios::binary);
        writeInt(mc, std::int64_t(kAssets));
        writeInt(mc, std::int64_t(kScenarios));
        writeDoubles(mc, mu);
        writeDoubles(mc, *cov);
        writeDoubles(mc, w);
    }

    std::map<std::string, double> ours;
    const std::vector<double> levels {0.95, 0.99};
    double checksum = 0.0;
    ours["measures"] = bestOf(3, [&] {
        auto sets = computeMeasureSets(returns, levels, {}, benchmark, threads);
        checksum = 0.0;
        for (const auto& s : *sets)
            checksum += s.tails[1].varHistorical;
    });
    std::printf("  measures      MarketLens %8.4f s   (sum of VaR hist 99 %%: %.12g)\n",
        ours["measures"], checksum);
    double corrSum = 0.0;
    ours["correlation"] = bestOf(3, [&] {
        auto c = correlationMatrixParallel(returns, threads);
        corrSum = 0.0;
        for (double v : *c)
            corrSum += v;
    });
    std::printf("  correlation   MarketLens %8.4f s   (sum %.12g)\n", ours["correlation"], corrSum);

    SimulationOptions o;
    o.scenarios = kScenarios;
    o.threads = threads;
    o.seed = 42;
    for (bool project : {false, true}) {
        o.projectPortfolio = project;
        SimulationResult res;
        const double t = bestOf(3, [&] { res = *monteCarloVar(mu, *cov, w, 0.99, o); });
        const char* name = project ? "mc_projected" : "mc_full";
        ours[name] = t;
        std::printf("  %-13s MarketLens %8.4f s   (VaR %.6g ES %.6g)\n", name, t, res.var, res.es);
    }
    if (!peer)
        return 0;

    const QString script = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath()
        + QStringLiteral("/peers/risk_numpy.py");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
        {script, QString::fromStdString(dataPath), QString::fromStdString(mcPath)});
    if (!python.waitForFinished(600000) || python.exitCode() != 0) {
        std::printf("numpy peer failed: %s\n", python.readAllStandardError().constData());
        return 1;
    }
    std::istringstream lines(python.readAllStandardOutput().toStdString());
    std::string line;
    std::printf("\n%-13s %12s %12s %8s   peer check\n", "task", "MarketLens", "numpy", "ratio");
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string name, rest;
        double t = 0;
        f >> name >> t;
        std::getline(f, rest);
        if (!ours.count(name))
            continue;
        std::printf("%-13s %10.4f s %10.4f s %7.1fx  %s\n", name.c_str(), ours[name], t,
            t / ours[name], rest.c_str());
    }
    std::printf("targets: measures >= 3x, Monte Carlo >= 5x (numpy uses OpenBLAS threads)\n");
    return 0;
}
