// The trainer on small synthetic problems with known answers: every architecture learns a noisy
// sine far better than the best constant quantiles, a seed repeats a run exactly, cancel stops
// within one batch, early stopping restores the best epoch's weights, progress is throttled,
// and a BCE classifier separates two classes.
#include "models/torch_runtime.h"
#include "models/trainer.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace marketlens::models;
using marketlens::core::ErrorCode;

Q_DECLARE_METATYPE(marketlens::models::ModelKind)

namespace {

constexpr int kWindow = 16, kHorizon = 3;

// Windows of a sine (period 20) plus Gaussian noise (sd 0.1): x = last 16 values, y = the next 3.
// The first `nTrain` windows train, the next `nVal` validate (chronological, no overlap of
// targets with later inputs is needed for this test).
TrainData noisySine(
    std::size_t nTrain, std::size_t nVal, std::uint64_t seed, bool noiseOnly = false)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, noiseOnly ? 1.0 : 0.1);
    const std::size_t n = nTrain + nVal, len = n + kWindow + kHorizon;
    std::vector<float> s(len);
    for (std::size_t t = 0; t < len; ++t)
        s[t] = float(
            (noiseOnly ? 0.0 : std::sin(2.0 * std::numbers::pi * double(t) / 20.0)) + noise(rng));
    TrainData d;
    d.nTrain = nTrain;
    d.nVal = nVal;
    for (std::size_t i = 0; i < n; ++i) {
        auto& x = i < nTrain ? d.xTrain : d.xVal;
        auto& y = i < nTrain ? d.yTrain : d.yVal;
        x.insert(x.end(), s.begin() + long(i), s.begin() + long(i + kWindow));
        y.insert(y.end(), s.begin() + long(i + kWindow), s.begin() + long(i + kWindow + kHorizon));
    }
    return d;
}

NetworkSpec sineSpec(ModelKind kind)
{
    NetworkSpec s;
    s.kind = kind;
    s.window = kWindow;
    s.features = 1;
    s.horizon = kHorizon;
    s.hidden = 16;
    s.layers = kind == ModelKind::Cnn ? 3 : 1;
    s.heads = 2;
    s.dropout = 0.0;
    return s;
}

// Pinball loss of predictions [n, H, Q] against targets [n, H], mean over all terms.
double pinball(const std::vector<float>& pred, const std::vector<float>& y, std::size_t n,
    const std::vector<double>& q)
{
    double sum = 0.0;
    const std::size_t nq = q.size();
    for (std::size_t i = 0; i < n * kHorizon; ++i) {
        for (std::size_t k = 0; k < nq; ++k) {
            const double diff = double(y[i]) - double(pred[i * nq + k]);
            sum += std::max(q[k] * diff, (q[k] - 1.0) * diff);
        }
    }
    return sum / double(n * kHorizon * nq);
}

// The best constant forecast: each horizon's training quantiles at each level.
double constantBaseline(const TrainData& d, const std::vector<double>& q)
{
    std::vector<float> pred(d.nVal * kHorizon * q.size());
    for (int h = 0; h < kHorizon; ++h) {
        std::vector<float> col;
        for (std::size_t i = 0; i < d.nTrain; ++i)
            col.push_back(d.yTrain[i * kHorizon + std::size_t(h)]);
        std::sort(col.begin(), col.end());
        for (std::size_t k = 0; k < q.size(); ++k) {
            const float v = col[std::size_t(q[k] * double(col.size() - 1))];
            for (std::size_t i = 0; i < d.nVal; ++i)
                pred[(i * kHorizon + std::size_t(h)) * q.size() + k] = v;
        }
    }
    return pinball(pred, d.yVal, d.nVal, q);
}

std::vector<float> predict(
    const ScriptModel& m, const std::vector<float>& x, std::size_t n, int window, int features)
{
    auto r = m.run(x, int(n), window, features, nullptr);
    return r ? *r : std::vector<float> {};
}

TrainOptions quickOptions(int epochs)
{
    TrainOptions o;
    o.epochs = epochs;
    o.batchSize = 32;
    o.learningRate = 5e-3;
    o.patience = 0;
    o.seed = 5;
    o.device = Device::Cpu;
    return o;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One torch thread: on a busy 2-core machine OpenMP's second thread makes small steps
    // 10x slower (the thread count itself is tested in test_torch_runtime).
    void initTestCase() { initTorchRuntime(1); }

    void learnsNoisySine_data()
    {
        QTest::addColumn<ModelKind>("kind");
        for (ModelKind k : allModelKinds())
            QTest::newRow(modelKindName(k).c_str()) << k;
    }
    void learnsNoisySine()
    {
        QFETCH(ModelKind, kind);
        const auto data = noisySine(640, 160, 1);
        const auto spec = sineSpec(kind);
        auto r = trainNetwork(spec, data, quickOptions(12), Objective::Pinball);
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QCOMPARE(r->device, std::string("cpu"));
        QCOMPARE(int(r->history.size()), 12);
        QVERIFY(!r->stoppedEarly);
        const double baseline = constantBaseline(data, spec.quantiles);
        const double ours = pinball(predict(r->model, data.xVal, data.nVal, kWindow, 1), data.yVal,
            data.nVal, spec.quantiles);
        qInfo("%s: validation pinball %.4f, best constant quantiles %.4f",
            modelKindName(kind).c_str(), ours, baseline);
        // A sine of amplitude 1 with noise 0.1: the best constant quantiles lose about 0.118;
        // the noise alone costs 0.1 x mean(phi(z_q)) = 0.017 (the floor); a model that learnt
        // the phase comes close to it.
        QVERIFY(baseline > 0.1 && baseline < 0.14);
        QVERIFY(ours < 0.4 * baseline);
        // The trainer's own validation loss is the same quantity.
        QVERIFY(std::abs(r->bestValLoss - ours) < 1e-4 * (1.0 + ours));
        double minVal = 1e300;
        for (const auto& e : r->history)
            minVal = std::min(minVal, e.valLoss);
        QCOMPARE(r->bestValLoss, minVal);
        QCOMPARE(r->history[std::size_t(r->bestEpoch - 1)].valLoss, r->bestValLoss);
    }

    // Same seed and data: identical losses and weights (dropout on, so its masks are seeded too).
    void seedRepeatsRun()
    {
        const auto data = noisySine(256, 64, 2);
        auto spec = sineSpec(ModelKind::Lstm);
        spec.dropout = 0.2;
        spec.layers = 2;
        const auto o = quickOptions(3);
        auto a = trainNetwork(spec, data, o, Objective::Pinball);
        auto b = trainNetwork(spec, data, o, Objective::Pinball);
        QVERIFY(a && b);
        QCOMPARE(a->history.size(), b->history.size());
        for (std::size_t i = 0; i < a->history.size(); ++i) {
            QVERIFY(std::abs(a->history[i].trainLoss - b->history[i].trainLoss) <= 1e-6);
            QVERIFY(std::abs(a->history[i].valLoss - b->history[i].valLoss) <= 1e-6);
        }
        const auto pa = predict(a->model, data.xVal, data.nVal, kWindow, 1);
        const auto pb = predict(b->model, data.xVal, data.nVal, kWindow, 1);
        QCOMPARE(pa.size(), pb.size());
        for (std::size_t i = 0; i < pa.size(); ++i)
            QVERIFY(std::abs(pa[i] - pb[i]) <= 1e-6f);
        QCOMPARE(*a->model.toBytes() == *b->model.toBytes(), pa == pb);

        auto other = o;
        other.seed = 6;
        auto c = trainNetwork(spec, data, other, Objective::Pinball);
        QVERIFY(c);
        QVERIFY(std::abs(c->history[0].trainLoss - a->history[0].trainLoss) > 1e-6);
    }

    // The callback asks to cancel during batch 3: no batch 4 runs.
    void cancelWithinOneBatch()
    {
        const auto data = noisySine(640, 64, 3);
        auto o = quickOptions(5);
        o.progressIntervalMs = 0; // a progress call after every batch
        std::atomic_bool cancel {false};
        std::vector<TrainProgress> calls;
        auto r = trainNetwork(
            sineSpec(ModelKind::Gru), data, o, Objective::Pinball,
            [&](const TrainProgress& p) {
                calls.push_back(p);
                if (p.batch == 3)
                    cancel = true;
            },
            &cancel);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(int(calls.size()), 3);
        QCOMPARE(calls.back().epoch, 1);
        QCOMPARE(calls.back().batch, 3);
        QCOMPARE(calls.back().batches, 20);
        QVERIFY(!calls.back().epochEnd);

        // Cancelled before the first batch: nothing runs.
        calls.clear();
        r = trainNetwork(
            sineSpec(ModelKind::Gru), data, o, Objective::Pinball,
            [&](const TrainProgress& p) { calls.push_back(p); }, &cancel);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(calls.empty());
    }

    // Pure-noise targets and a big MLP: validation loss rises after the first epochs; training
    // stops `patience` epochs after the best one and keeps that epoch's weights.
    void earlyStoppingRestoresBest()
    {
        const auto data = noisySine(192, 192, 4, /*noiseOnly=*/true);
        auto spec = sineSpec(ModelKind::Mlp);
        spec.hidden = 256;
        spec.layers = 2;
        auto o = quickOptions(60);
        o.learningRate = 3e-3;
        o.weightDecay = 0.0;
        o.patience = 3;
        auto r = trainNetwork(spec, data, o, Objective::Pinball);
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QVERIFY(r->stoppedEarly);
        QCOMPARE(int(r->history.size()), r->bestEpoch + 3);
        QVERIFY(r->history.back().valLoss > r->bestValLoss);
        // The returned weights are the best epoch's: their validation loss is that epoch's,
        // not the last one's.
        const double restored = pinball(predict(r->model, data.xVal, data.nVal, kWindow, 1),
            data.yVal, data.nVal, spec.quantiles);
        QVERIFY(std::abs(restored - r->history[std::size_t(r->bestEpoch - 1)].valLoss) < 1e-5);
        QVERIFY(std::abs(restored - r->history.back().valLoss) > 1e-4);
    }

    // 3 epochs of 200 tiny batches finish in well under a second per epoch here: with the
    // 100 ms throttle only a few in-epoch calls arrive, plus one per epoch end.
    void progressIsThrottled()
    {
        const auto data = noisySine(1600, 64, 5);
        auto spec = sineSpec(ModelKind::Mlp);
        spec.hidden = 8;
        auto o = quickOptions(3);
        o.batchSize = 8;
        std::vector<TrainProgress> calls;
        auto r = trainNetwork(
            spec, data, o, Objective::Pinball, [&](const TrainProgress& p) { calls.push_back(p); });
        QVERIFY(r);
        const int totalBatches = 3 * 200;
        const auto ends = std::count_if(
            calls.begin(), calls.end(), [](const TrainProgress& p) { return p.epochEnd; });
        QCOMPARE(int(ends), 3);
        QVERIFY(int(calls.size()) - 3 < totalBatches / 10);
        double previous = -1.0;
        for (const auto& p : calls) {
            if (!p.epochEnd) {
                // Consecutive in-epoch reports are at least 100 ms apart (as the trainer saw).
                if (previous >= 0.0)
                    QVERIFY(p.elapsedSeconds - previous >= 0.0999);
                QVERIFY(p.trainLoss > 0.0);
                QCOMPARE(p.batches, 200);
            }
            previous = p.epochEnd ? -1.0 : p.elapsedSeconds;
        }
        // Epoch-end reports carry that epoch's losses; the last one has nothing left to do.
        std::size_t e = 0;
        for (const auto& p : calls) {
            if (!p.epochEnd)
                continue;
            QCOMPARE(p.epoch, int(e + 1));
            QCOMPARE(p.valLoss, r->history[e].valLoss);
            QCOMPARE(p.trainLoss, r->history[e].trainLoss);
            ++e;
        }
        QCOMPARE(calls.back().etaSeconds, 0.0);
    }

    // Warm-up to the base rate over the first epoch, then cosine decay towards lr / 20.
    void learningRateSchedule()
    {
        const auto data = noisySine(320, 32, 6);
        auto o = quickOptions(6);
        o.learningRate = 1e-2;
        std::vector<double> firstEpochRates;
        o.progressIntervalMs = 0;
        auto r = trainNetwork(
            sineSpec(ModelKind::Mlp), data, o, Objective::Pinball, [&](const TrainProgress& p) {
                if (p.epoch == 1)
                    firstEpochRates.push_back(p.learningRate);
            });
        QVERIFY(r);
        QCOMPARE(firstEpochRates.front(), 1e-2 / 10.0); // batch 1 of 10
        QVERIFY(std::abs(r->history[0].learningRate - 1e-2) < 1e-12);
        for (std::size_t i = 1; i < r->history.size(); ++i)
            QVERIFY(r->history[i].learningRate < r->history[i - 1].learningRate);
        QVERIFY(r->history.back().learningRate >= 1e-2 / 20.0);
        QVERIFY(r->history.back().learningRate < 1e-2 / 10.0);
    }

    // Two classes whose windows differ in mean (0.5 vs -0.5, noise sd 1, 8 x 2 values): the
    // tail-risk style CNN classifier with BCE separates them.
    void classifierLearnsSeparableClasses()
    {
        std::mt19937_64 rng(9);
        std::normal_distribution<float> noise(0.f, 1.f);
        constexpr int w = 8, f = 2;
        TrainData d;
        d.nTrain = 600;
        d.nVal = 300;
        for (std::size_t i = 0; i < d.nTrain + d.nVal; ++i) {
            const bool positive = i % 3 == 0; // imbalanced: a third positive
            auto& x = i < d.nTrain ? d.xTrain : d.xVal;
            for (int j = 0; j < w * f; ++j)
                x.push_back((positive ? 0.5f : -0.5f) + noise(rng));
            (i < d.nTrain ? d.yTrain : d.yVal).push_back(positive ? 1.f : 0.f);
        }
        NetworkSpec spec;
        spec.kind = ModelKind::Cnn;
        spec.window = w;
        spec.features = f;
        spec.quantiles.clear();
        spec.hidden = 16;
        spec.layers = 2;
        spec.dropout = 0.0;
        auto o = quickOptions(15);
        o.positiveWeight = 2.0;
        auto r = trainNetwork(spec, d, o, Objective::BinaryCrossEntropy);
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        const auto logits = predict(r->model, d.xVal, d.nVal, w, f);
        QCOMPARE(logits.size(), d.nVal);
        int correct = 0;
        for (std::size_t i = 0; i < d.nVal; ++i)
            correct += (logits[i] > 0.f) == (d.yVal[i] > 0.5f);
        const double accuracy = double(correct) / double(d.nVal);
        qInfo("classifier accuracy %.3f", accuracy);
        QVERIFY(accuracy > 0.9);
        QVERIFY(r->bestValLoss < std::log(2.0) * 0.6);
    }

    void withoutValidationUsesTrainingLoss()
    {
        auto data = noisySine(128, 0, 7);
        auto r = trainNetwork(sineSpec(ModelKind::Mlp), data, quickOptions(2), Objective::Pinball);
        QVERIFY(r);
        for (const auto& e : r->history)
            QCOMPARE(e.valLoss, e.trainLoss);
    }

    void badInputsAreErrors()
    {
        auto data = noisySine(64, 16, 8);
        const auto spec = sineSpec(ModelKind::Lstm);
        auto wrong = data;
        wrong.yTrain.pop_back();
        auto r = trainNetwork(spec, wrong, quickOptions(1), Objective::Pinball);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        r = trainNetwork(spec, data, quickOptions(1), Objective::BinaryCrossEntropy);
        QVERIFY(!r); // a spec with quantiles is not a classifier
        auto o = quickOptions(0);
        QVERIFY(!trainNetwork(spec, data, o, Objective::Pinball));
        TrainData empty;
        QVERIFY(!trainNetwork(spec, empty, quickOptions(1), Objective::Pinball));
        if (!cudaAvailable()) {
            o = quickOptions(1);
            o.device = Device::Cuda;
            r = trainNetwork(spec, data, o, Objective::Pinball);
            QVERIFY(!r);
            QVERIFY(r.error().message.find("CUDA") != std::string::npos);
            o.device = Device::Auto; // falls back to the CPU
            r = trainNetwork(spec, data, o, Objective::Pinball);
            QVERIFY(r);
            QCOMPARE(r->device, std::string("cpu"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
