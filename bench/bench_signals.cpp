// Walk-forward evaluation of gradient boosting for trading signals against scikit-learn's
// HistGradientBoostingClassifier (Debian python3-sklearn) in the same run.
// Data: TICKERS synthetic daily return series of DAYS days (deterministic: a market factor, a
// GARCH(1,1) idiosyncratic part and a small short-term reversal, so next-day direction is a
// little predictable), turned into 10 features per ticker and day (lagged returns, volatility,
// distances to moving averages, market returns) and the label "next day up". The matrices are
// written once to a temporary file that both sides read, so feature computation is not timed.
// Per ticker (as the product trains: one model per ticker), walk-forward folds with
// core::signals::walkForwardSplits' contract: 5 test parts tiling the last 30 % of the rows,
// each trained on everything before it less a one-row gap (horizon 1). Each fold is a fit and a
// prediction of the test part: MarketLens through SignalClassifier (XGBoost gbtree, hist) and
// sklearn with the same settings: 100 rounds, depth 3, learning rate 0.1, 256 bins (XGBoost's
// max_bin 256; sklearn's max_bins 255 plus its missing-value bin), no subsampling, no early
// stopping, the same thread count. The two libraries regularise differently (XGBoost lambda 1,
// min_child_weight 1; sklearn l2 0, min_samples_leaf 20): mean accuracies agree roughly, not
// exactly. Repetitions alternate MarketLens and sklearn; medians are compared.
// Usage: bench_signals [--full] [--tickers N] [--days D] [--threads T] [--reps R] [--no-peer]
//   default 20 tickers x 5,000 days (a short run); --full: 100 tickers x 5,000 days.
#include "core/signals/signal_metrics.h"
#include "models/signals/signal_classifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace marketlens;
using namespace marketlens::models::signals;

namespace {

constexpr int kCols = 10;
constexpr double kTestFraction = 0.3;
constexpr int kFolds = 5, kHorizon = 1;

struct Ticker {
    std::vector<double> values; // rows x kCols
    std::vector<std::int32_t> labels;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Features of day t use returns up to t only; the label is the sign of day t+1's return.
std::vector<Ticker> makeData(int tickers, int days)
{
    std::mt19937_64 gen(20261130);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<double> market(static_cast<std::size_t>(days));
    for (double& m : market)
        m = 0.0003 + 0.01 * normal(gen);
    std::vector<Ticker> out(static_cast<std::size_t>(tickers));
    for (Ticker& tk : out) {
        const double beta = 0.6 + 0.8 * (normal(gen) * 0.25 + 0.5);
        const double omega = 2e-6, alpha = 0.08, garch = 0.9;
        double h = omega / (1 - alpha - garch), idio = 0;
        std::vector<double> r(static_cast<std::size_t>(days)), logPrice(r.size() + 1, 0.0);
        for (int t = 0; t < days; ++t) {
            const double previous = t > 0 ? r[std::size_t(t - 1)] : 0.0;
            h = omega + alpha * idio * idio + garch * h;
            idio = std::sqrt(h) * normal(gen);
            r[std::size_t(t)] = beta * market[std::size_t(t)] + idio - 0.15 * previous;
            logPrice[std::size_t(t) + 1] = logPrice[std::size_t(t)] + r[std::size_t(t)];
        }
        auto sum = [&](int t, int k) { // log return over the k days up to t
            return logPrice[std::size_t(t) + 1] - logPrice[std::size_t(t + 1 - k)];
        };
        auto maDist = [&](int t, int n) {
            double s = 0;
            for (int i = t - n + 1; i <= t; ++i)
                s += std::exp(logPrice[std::size_t(i) + 1]);
            return std::exp(logPrice[std::size_t(t) + 1]) / (s / n) - 1;
        };
        for (int t = 50; t + 1 < days; ++t) {
            double mean = sum(t, 20) / 20, var = 0;
            for (int i = t - 19; i <= t; ++i)
                var += (r[std::size_t(i)] - mean) * (r[std::size_t(i)] - mean);
            double mkt5 = 0;
            for (int i = t - 4; i <= t; ++i)
                mkt5 += market[std::size_t(i)];
            const double row[kCols] = {sum(t, 1), sum(t, 2), sum(t, 5), sum(t, 10), sum(t, 20),
                std::sqrt(var / 19), maDist(t, 20), maDist(t, 50), market[std::size_t(t)], mkt5};
            tk.values.insert(tk.values.end(), row, row + kCols);
            tk.labels.push_back(r[std::size_t(t) + 1] > 0 ? 1 : 0);
        }
    }
    return out;
}

// The contract of core::signals::walkForwardSplits (expanding), computed here as well: the
// bench then does not depend on that function being finished, and checks it when it is.
std::vector<core::signals::SignalSplit> folds(std::size_t n)
{
    const std::size_t test = std::size_t(std::floor(double(n) * kTestFraction));
    const std::size_t start = n - test;
    std::vector<core::signals::SignalSplit> out;
    std::size_t begin = start;
    for (int f = 0; f < kFolds; ++f) {
        // Earlier parts are the smaller ones: the remainder goes to the last folds.
        const std::size_t size = test / kFolds + (std::size_t(f) >= kFolds - test % kFolds);
        core::signals::SignalSplit s;
        s.trainBegin = 0;
        s.trainEnd = begin - kHorizon;
        s.testBegin = begin;
        s.testEnd = begin + size;
        out.push_back(s);
        begin += size;
    }
    return out;
}

bool writeData(const QString& path, const std::vector<Ticker>& data,
    const std::vector<core::signals::SignalSplit>& splits)
{
    std::FILE* f = std::fopen(path.toLocal8Bit().constData(), "wb");
    if (!f)
        return false;
    const std::int64_t header[4] = {std::int64_t(data.size()),
        std::int64_t(data.front().labels.size()), kCols, std::int64_t(splits.size())};
    bool ok = std::fwrite(header, sizeof header, 1, f) == 1;
    for (const auto& s : splits) {
        const std::int64_t row[4] = {std::int64_t(s.trainBegin), std::int64_t(s.trainEnd),
            std::int64_t(s.testBegin), std::int64_t(s.testEnd)};
        ok = ok && std::fwrite(row, sizeof row, 1, f) == 1;
    }
    for (const Ticker& t : data) {
        ok = ok && std::fwrite(t.values.data(), sizeof(double), t.values.size(), f)
                == t.values.size();
        ok = ok && std::fwrite(t.labels.data(), sizeof(std::int32_t), t.labels.size(), f)
                == t.labels.size();
    }
    return std::fclose(f) == 0 && ok;
}

struct RunResult {
    double wall = 0, cpu = 0, accuracy = 0;
    bool ok = false;
};

RunResult runOurs(const std::vector<Ticker>& data,
    const std::vector<core::signals::SignalSplit>& splits, int threads)
{
    ClassifierParams p;
    p.trees = 100;
    p.maxDepth = 3;
    p.learningRate = 0.1;
    p.subsample = 1.0;
    p.colsample = 1.0;
    p.minChildWeight = 1.0;
    p.threads = threads;
    p.seed = 0;
    RunResult out;
    QElapsedTimer timer;
    timer.start();
    const std::clock_t c0 = std::clock();
    double accuracySum = 0;
    int count = 0;
    for (const Ticker& t : data) {
        for (const auto& s : splits) {
            FeatureRows train, test;
            train.rows = s.trainEnd - s.trainBegin;
            test.rows = s.testEnd - s.testBegin;
            train.cols = test.cols = kCols;
            train.values.assign(t.values.begin() + std::ptrdiff_t(s.trainBegin * kCols),
                t.values.begin() + std::ptrdiff_t(s.trainEnd * kCols));
            test.values.assign(t.values.begin() + std::ptrdiff_t(s.testBegin * kCols),
                t.values.begin() + std::ptrdiff_t(s.testEnd * kCols));
            const std::vector<int> y(t.labels.begin() + std::ptrdiff_t(s.trainBegin),
                t.labels.begin() + std::ptrdiff_t(s.trainEnd));
            auto model = makeClassifier(ClassifierKind::GradientBoosting, p);
            const auto fitted = model->fit(train, y, 2);
            if (!fitted.ok()) {
                std::printf("fit failed: %s\n", fitted.error().toString().c_str());
                return out;
            }
            auto proba = model->predictProba(test);
            if (!proba) {
                std::printf("predict failed: %s\n", proba.error().toString().c_str());
                return out;
            }
            std::size_t right = 0;
            for (std::size_t r = 0; r < test.rows; ++r)
                right += ((*proba)[2 * r + 1] > 0.5 ? 1 : 0) == t.labels[s.testBegin + r];
            accuracySum += double(right) / double(test.rows);
            ++count;
        }
    }
    out.wall = double(timer.nsecsElapsed()) / 1e9;
    out.cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    out.accuracy = accuracySum / count;
    out.ok = true;
    return out;
}

RunResult runPeer(const QString& script, const QString& file, int threads)
{
    RunResult out;
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QString::number(threads));
    python.setProcessEnvironment(env);
    python.start(QStringLiteral("/usr/bin/python3"),
        {script, file, QStringLiteral("--threads"), QString::number(threads)});
    if (!python.waitForFinished(3600000) || python.exitCode() != 0) {
        std::printf("scikit-learn peer failed (is python3-sklearn installed?): %s\n",
            python.readAllStandardError().constData());
        return out;
    }
    std::istringstream lines(python.readAllStandardOutput().toStdString());
    std::string key;
    while (lines >> key) {
        if (key == "time")
            lines >> out.wall >> out.cpu;
        else if (key == "accuracy")
            lines >> out.accuracy;
    }
    out.ok = out.wall > 0;
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments();
    auto intArg = [&](const char* name, int fallback) {
        const int i = int(args.indexOf(QString::fromLatin1(name)));
        return i > 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const bool full = args.contains(QStringLiteral("--full"));
    const int tickers = intArg("--tickers", full ? 100 : 20);
    const int days = intArg("--days", 5000);
    const int threads = std::max(1, intArg("--threads", 1));
    const int reps = std::max(1, intArg("--reps", 2));
    const bool peer = !args.contains(QStringLiteral("--no-peer"));
    if (tickers < 1 || days < 200) {
        std::printf("need at least 1 ticker and 200 days\n");
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    const std::vector<Ticker> data = makeData(tickers, days);
    const std::size_t rows = data.front().labels.size();
    const auto splits = folds(rows);
    std::printf("bench_signals: %d tickers x %d days (%zu labelled rows each, %d features), "
                "%d walk-forward folds over the last %.0f %% (%d fits per run), 100 rounds, "
                "depth 3, learning rate 0.1, 256 bins, %d thread(s), %d reps\n",
        tickers, days, rows, kCols, kFolds, 100 * kTestFraction, tickers * kFolds, threads,
        reps);
    const auto core = core::signals::walkForwardSplits(rows, kTestFraction, kFolds, kHorizon);
    bool same = core.ok() && core->size() == splits.size();
    for (std::size_t i = 0; same && i < splits.size(); ++i)
        same = (*core)[i].trainBegin == splits[i].trainBegin
            && (*core)[i].trainEnd == splits[i].trainEnd
            && (*core)[i].testBegin == splits[i].testBegin
            && (*core)[i].testEnd == splits[i].testEnd;
    std::printf("folds (test rows %zu-%zu ... %zu-%zu): %s\n", splits.front().testBegin,
        splits.front().testEnd, splits.back().testBegin, splits.back().testEnd,
        same ? "the same as core::signals::walkForwardSplits"
             : "core::signals::walkForwardSplits not available or different; the bench's own");

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("signals.bin"));
    if (!dir.isValid() || !writeData(file, data, splits)) {
        std::printf("cannot write the feature file\n");
        return 1;
    }
    std::printf("data and features made and written in %.1f s (%.0f MB; not timed below)\n",
        clock.elapsed() / 1000.0, QFileInfo(file).size() / 1e6);
    const QString script = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath()
        + QStringLiteral("/bench_signals_peer.py");

    std::vector<double> oursWall, oursCpu, peerWall, peerCpu, oursAcc, peerAcc;
    for (int rep = 0; rep < reps; ++rep) {
        const RunResult a = runOurs(data, splits, threads);
        if (!a.ok)
            return 1;
        oursWall.push_back(a.wall);
        oursCpu.push_back(a.cpu);
        oursAcc.push_back(a.accuracy);
        std::printf("  rep %d MarketLens (XGBoost) %8.2f s (CPU %8.2f s), mean accuracy %.4f\n",
            rep + 1, a.wall, a.cpu, a.accuracy);
        if (!peer)
            continue;
        const RunResult b = runPeer(script, file, threads);
        if (!b.ok)
            return 1;
        peerWall.push_back(b.wall);
        peerCpu.push_back(b.cpu);
        peerAcc.push_back(b.accuracy);
        std::printf("  rep %d scikit-learn HGB     %8.2f s (CPU %8.2f s), mean accuracy %.4f\n",
            rep + 1, b.wall, b.cpu, b.accuracy);
    }
    const double ow = median(oursWall), oc = median(oursCpu);
    std::printf("\n%-24s %12s %12s %14s\n", "", "wall s", "CPU s", "mean accuracy");
    std::printf("%-24s %12.2f %12.2f %14.4f\n", "MarketLens (XGBoost)", ow, oc, median(oursAcc));
    if (peer) {
        const double pw = median(peerWall), pc = median(peerCpu);
        std::printf("%-24s %12.2f %12.2f %14.4f\n", "scikit-learn HGB", pw, pc, median(peerAcc));
        std::printf("ratio sklearn / MarketLens: %.2fx wall, %.2fx CPU (medians of %d interleaved "
                    "repetitions; target >= 1.0)\n",
            pw / ow, pc / oc, reps);
    }
    return 0;
}
