// Training speed against PyTorch (Debian's python3-torch, eager nn.LSTM / nn.TransformerEncoder),
// same shapes, same step, same thread count, in one run: an LSTM (hidden 64, 1 layer) and a
// pre-LN Transformer encoder (model dimension 64, 4 heads, 2 layers, feed-forward 256), window 60,
// 5 features, batch 64, pinball loss over 5 quantiles x 5 horizons, AdamW, clipping.
// A step is what the trainer does per batch: gather a shuffled batch, forward, loss, backward,
// clip, optimiser step, read the loss. Both sides time `--steps` steps after `--warm` warm-up
// steps; repetitions alternate MarketLens and PyTorch (the 2-core box is noisy) and the medians
// are compared, by wall-clock time and by process CPU time (steadier when other work shares the
// cores). Usage: bench_train [--threads N] [--steps S] [--warm W] [--reps R] [--no-peer]
#include "models/torch_runtime.h"
#include "models/trainer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace marketlens::models;

namespace {

constexpr int kWindow = 60, kFeatures = 5, kHorizon = 5, kBatch = 64, kHidden = 64;

NetworkSpec benchSpec(ModelKind kind)
{
    NetworkSpec s;
    s.kind = kind;
    s.window = kWindow;
    s.features = kFeatures;
    s.horizon = kHorizon;
    s.hidden = kHidden;
    s.layers = kind == ModelKind::Lstm ? 1 : 2;
    s.heads = 4;
    s.dropout = 0.1;
    return s;
}

struct Rate {
    double wall = 0, cpu = 0; // steps per second of wall-clock time and of process CPU time
};

double cpuSeconds()
{
    return double(std::clock()) / double(CLOCKS_PER_SEC);
}

// Steps per second of the real trainer between the progress calls after batch `warm` and after
// batch `warm + steps` (one epoch of warm + steps + 1 batches; no validation set).
Rate ourRate(ModelKind kind, const TrainData& data, int warm, int steps)
{
    TrainOptions o;
    o.epochs = 1;
    o.batchSize = kBatch;
    o.patience = 0;
    o.device = Device::Cpu;
    o.progressIntervalMs = 0;
    double t0 = 0, t1 = 0, c0 = 0, c1 = 0;
    auto r
        = trainNetwork(benchSpec(kind), data, o, Objective::Pinball, [&](const TrainProgress& p) {
              if (p.batch == warm) {
                  t0 = p.elapsedSeconds;
                  c0 = cpuSeconds();
              }
              if (p.batch == warm + steps) {
                  t1 = p.elapsedSeconds;
                  c1 = cpuSeconds();
              }
          });
    if (!r) {
        std::printf("training failed: %s\n", r.error().message.c_str());
        return {};
    }
    return {double(steps) / (t1 - t0), double(steps) / (c1 - c0)};
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines show while it runs
    const QStringList args = app.arguments();
    auto intArg = [&](const char* name, int fallback) {
        const int i = int(args.indexOf(QString::fromLatin1(name)));
        return i > 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const int threads = intArg("--threads", int(std::max(1u, std::thread::hardware_concurrency())));
    const int steps = intArg("--steps", 40), warm = intArg("--warm", 10);
    const int reps = intArg("--reps", 5);
    const bool peer = !args.contains(QStringLiteral("--no-peer"));
    const auto info = initTorchRuntime(threads);
    std::printf("bench_train: window %d, %d features, batch %d, hidden %d, 5 quantiles x %d "
                "horizons; %d torch threads (LibTorch %s); %d warm-up + %d timed steps, %d reps\n",
        kWindow, kFeatures, kBatch, kHidden, kHorizon, info.intraOpThreads, info.version.c_str(),
        warm, steps, reps);

    TrainData data;
    data.nTrain = std::size_t(kBatch) * std::size_t(warm + steps + 1);
    std::mt19937_64 rng(7);
    std::normal_distribution<float> n01(0.f, 1.f);
    data.xTrain.resize(data.nTrain * kWindow * kFeatures);
    data.yTrain.resize(data.nTrain * kHorizon);
    for (float& v : data.xTrain)
        v = n01(rng);
    for (float& v : data.yTrain)
        v = n01(rng);

    const std::vector<std::pair<std::string, ModelKind>> models {
        {"lstm", ModelKind::Lstm}, {"transformer", ModelKind::Transformer}};
    std::map<std::string, std::vector<double>> ours, theirs, oursCpu, theirsCpu;
    const QString script = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath()
        + QStringLiteral("/peers/train_pytorch.py");
    for (int rep = 0; rep < reps; ++rep) {
        for (const auto& [name, kind] : models) {
            const Rate r = ourRate(kind, data, warm, steps);
            ours[name].push_back(r.wall);
            oursCpu[name].push_back(r.cpu);
            std::printf("  rep %d %-12s MarketLens %7.2f steps/s (%7.2f per CPU second)\n", rep + 1,
                name.c_str(), r.wall, r.cpu);
        }
        if (!peer)
            continue;
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
            {script, QStringLiteral("--threads"), QString::number(info.intraOpThreads),
                QStringLiteral("--warm"), QString::number(warm), QStringLiteral("--steps"),
                QString::number(steps)});
        if (!python.waitForFinished(600000) || python.exitCode() != 0) {
            std::printf("PyTorch peer failed (is python3-torch installed?): %s\n",
                python.readAllStandardError().constData());
            return 1;
        }
        std::istringstream lines(python.readAllStandardOutput().toStdString());
        std::string line;
        while (std::getline(lines, line)) {
            std::istringstream f(line);
            std::string name;
            double wall = 0, cpu = 0;
            f >> name >> wall >> cpu;
            theirs[name].push_back(wall);
            theirsCpu[name].push_back(cpu);
            std::printf("  rep %d %-12s PyTorch    %7.2f steps/s (%7.2f per CPU second)\n", rep + 1,
                name.c_str(), wall, cpu);
        }
    }

    std::printf("\n%-12s %16s %16s %8s   %s\n", "model", "MarketLens", "PyTorch", "ratio",
        "(per CPU second: MarketLens, PyTorch, ratio)");
    for (const auto& [name, kind] : models) {
        const double a = median(ours[name]), b = median(theirs[name]);
        const double ac = median(oursCpu[name]), bc = median(theirsCpu[name]);
        if (peer && b > 0 && bc > 0)
            std::printf("%-12s %10.2f st/s %10.2f st/s %7.2fx   (%.2f, %.2f, %.2fx)\n",
                name.c_str(), a, b, a / b, ac, bc, ac / bc);
        else
            std::printf("%-12s %10.2f st/s\n", name.c_str(), a);
    }
    std::printf("medians of %d interleaved repetitions; target: ratio >= 1.0 (CPU-time rates are "
                "steadier on a busy machine)\n",
        reps);
    return 0;
}
