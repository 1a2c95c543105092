// Every architecture builds as a TorchScript module, runs with the contract's output shape,
// survives bytes and file round trips with identical outputs, is read by PyTorch's
// torch.jit.load with the same outputs, and bad model files give errors, not crashes.
#include "models/network.h"
#include "models/script_model.h"
#include "models/torch_runtime.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using namespace marketlens::models;
using marketlens::core::ErrorCode;

Q_DECLARE_METATYPE(marketlens::models::ModelKind)

namespace {

constexpr int kBatch = 5, kWindow = 12, kFeatures = 3, kHorizon = 4;

NetworkSpec smallSpec(ModelKind kind)
{
    NetworkSpec s;
    s.kind = kind;
    s.window = kWindow;
    s.features = kFeatures;
    s.horizon = kHorizon;
    s.hidden = 16;
    s.layers = 2;
    s.heads = 4;
    s.dropout = 0.2; // must be off in inference
    return s;
}

std::vector<float> input(int batch = kBatch, int window = kWindow, int features = kFeatures)
{
    std::vector<float> x(std::size_t(batch) * std::size_t(window) * std::size_t(features));
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = float(std::sin(0.37 * double(i)) + 0.01 * double(i % 7));
    return x;
}

std::vector<float> runOrFail(const ScriptModel& m, std::vector<std::int64_t>* shape = nullptr)
{
    auto r = m.run(input(), kBatch, kWindow, kFeatures, shape);
    if (!r)
        qWarning("%s", r.error().message.c_str());
    return r ? *r : std::vector<float> {};
}

void addKinds()
{
    QTest::addColumn<ModelKind>("kind");
    for (ModelKind k : allModelKinds())
        QTest::newRow(modelKindName(k).c_str()) << k;
}

} // namespace

class TestNetworks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One torch thread: on a busy 2-core machine OpenMP's second thread makes small steps
    // 10x slower (the thread count itself is tested in test_torch_runtime).
    void initTestCase() { initTorchRuntime(1); }

    void kindNames()
    {
        QCOMPARE(allModelKinds().size(), std::size_t(5));
        for (ModelKind k : allModelKinds())
            QCOMPARE(parseModelKind(modelKindName(k)), std::optional<ModelKind>(k));
        QCOMPARE(modelKindName(ModelKind::Transformer), std::string("transformer"));
        QVERIFY(!parseModelKind("rnn"));
        QCOMPARE(defaultQuantiles(), (std::vector<double> {0.025, 0.10, 0.50, 0.90, 0.975}));
    }

    void buildRunRoundTrip_data() { addKinds(); }
    void buildRunRoundTrip()
    {
        QFETCH(ModelKind, kind);
        auto built = ScriptModel::build(smallSpec(kind), 7);
        QVERIFY2(built, built ? "" : built.error().message.c_str());
        QVERIFY(!built->isNull());
        QVERIFY(built->parameterCount() > 100);

        std::vector<std::int64_t> shape;
        const auto out = runOrFail(*built, &shape);
        QCOMPARE(shape, (std::vector<std::int64_t> {kBatch, kHorizon, 5}));
        QCOMPARE(out.size(), std::size_t(kBatch * kHorizon * 5));
        for (float v : out)
            QVERIFY(std::isfinite(v));
        QCOMPARE(runOrFail(*built), out); // eval mode: dropout off, repeatable
        // Rows differ (the network looks at its input).
        QVERIFY(out[0] != out[kHorizon * 5]);

        auto bytes = built->toBytes();
        QVERIFY(bytes && bytes->size() > 1000);
        auto again = ScriptModel::fromBytes(*bytes);
        QVERIFY2(again, again ? "" : again.error().message.c_str());
        QCOMPARE(again->parameterCount(), built->parameterCount());
        QCOMPARE(runOrFail(*again), out);

        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("m.pt")).toStdString();
        QVERIFY(built->save(path));
        auto loaded = ScriptModel::load(path);
        QVERIFY(loaded);
        QCOMPARE(runOrFail(*loaded), out);

        // Same seed, same weights; another seed, other weights.
        QCOMPARE(runOrFail(*ScriptModel::build(smallSpec(kind), 7)), out);
        QVERIFY(runOrFail(*ScriptModel::build(smallSpec(kind), 8)) != out);
    }

    void classifierOutputsOneLogit_data() { addKinds(); }
    void classifierOutputsOneLogit()
    {
        QFETCH(ModelKind, kind);
        auto spec = smallSpec(kind);
        spec.quantiles.clear();
        auto m = ScriptModel::build(spec, 1);
        QVERIFY(m);
        std::vector<std::int64_t> shape;
        const auto out = runOrFail(*m, &shape);
        QCOMPARE(shape, (std::vector<std::int64_t> {kBatch, 1, 1}));
        QCOMPARE(out.size(), std::size_t(kBatch));
    }

    void transformerVariants()
    {
        auto spec = smallSpec(ModelKind::Transformer);
        spec.learnedPositions = true;
        auto learned = ScriptModel::build(spec, 3);
        QVERIFY(learned);
        auto sinusoidal = ScriptModel::build(smallSpec(ModelKind::Transformer), 3);
        // The learned position table adds window x hidden parameters.
        QCOMPARE(
            learned->parameterCount() - sinusoidal->parameterCount(), std::int64_t(kWindow * 16));
        // A shorter window than the spec's runs (positions are sliced); a longer one is an error.
        std::vector<std::int64_t> shape;
        auto shorter = sinusoidal->run(input(2, 6), 2, 6, kFeatures, &shape);
        QVERIFY(shorter);
        QCOMPARE(shape, (std::vector<std::int64_t> {2, kHorizon, 5}));
        auto longer = sinusoidal->run(input(2, 20), 2, 20, kFeatures, &shape);
        QVERIFY(!longer);
        QCOMPARE(longer.error().code, ErrorCode::InvalidArgument);
    }

    void invalidSpecsAreErrors()
    {
        auto spec = smallSpec(ModelKind::Transformer);
        spec.heads = 3; // 16 % 3 != 0
        auto r = ScriptModel::build(spec, 1);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        spec = smallSpec(ModelKind::Lstm);
        spec.window = 0;
        QVERIFY(!ScriptModel::build(spec, 1));
        spec = smallSpec(ModelKind::Mlp);
        spec.quantiles = {0.5, 1.5};
        QVERIFY(!ScriptModel::build(spec, 1));
    }

    void wrongInputsAreErrors()
    {
        auto mlp = ScriptModel::build(smallSpec(ModelKind::Mlp), 1);
        QVERIFY(mlp);
        // An MLP reads exactly window x features values per row.
        auto r = mlp->run(input(2, kWindow, kFeatures + 1), 2, kWindow, kFeatures + 1, nullptr);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        // The array does not hold batch x window x features values.
        r = mlp->run(std::vector<float>(10, 0.f), 2, kWindow, kFeatures, nullptr);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        ScriptModel empty;
        QVERIFY(empty.isNull());
        QVERIFY(!empty.run(input(), kBatch, kWindow, kFeatures, nullptr));
        QVERIFY(!empty.toBytes());
        QCOMPARE(empty.parameterCount(), std::int64_t(0));
    }

    void badBytesAreErrors()
    {
        for (const std::string& bytes : {std::string(), std::string("not a model"),
                 std::string("PK\x03\x04 truncated zip", 20)}) {
            auto r = ScriptModel::fromBytes(bytes);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::BadData);
            QVERIFY(!r.error().message.empty());
        }
        auto good = ScriptModel::build(smallSpec(ModelKind::Gru), 1)->toBytes();
        QVERIFY(good);
        // Truncated and corrupted copies of a real model.
        auto truncated = ScriptModel::fromBytes(good->substr(0, good->size() / 2));
        QVERIFY(!truncated);
        QCOMPARE(truncated.error().code, ErrorCode::BadData);
        std::string corrupt = *good;
        for (std::size_t i = corrupt.size() / 3; i < corrupt.size() / 3 + 64; ++i)
            corrupt[i] = char(~corrupt[i]);
        auto c = ScriptModel::fromBytes(corrupt);
        if (c) // a flipped payload byte may still parse: then it must still run or fail cleanly
            (void)c->run(input(), kBatch, kWindow, kFeatures, nullptr);

        auto missing = ScriptModel::load("/nonexistent/model.pt");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.pt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("garbage");
        f.close();
        auto bad = ScriptModel::load(path.toStdString());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::BadData);
        QCOMPARE(bad.error().file, path.toStdString());
    }

    // PyTorch (Debian's python3-torch) loads every saved network with torch.jit.load and gives
    // the same outputs for the same input.
    void pytorchLoadsModels()
    {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
            QSKIP("python3-torch is not installed (/usr/bin/python3 cannot import torch)");
        QTemporaryDir dir;
        const auto x = input();
        {
            std::ofstream in(dir.filePath(QStringLiteral("x.bin")).toStdString(), std::ios::binary);
            in.write(reinterpret_cast<const char*>(x.data()), std::streamsize(x.size() * 4));
        }
        std::vector<std::vector<float>> expected;
        for (ModelKind k : allModelKinds()) {
            auto m = ScriptModel::build(smallSpec(k), 11);
            QVERIFY(m);
            const QString name = QString::fromStdString(modelKindName(k));
            QVERIFY(m->save(dir.filePath(name + QStringLiteral(".pt")).toStdString()));
            expected.push_back(runOrFail(*m));
        }
        const QString script = QStringLiteral(
            "import sys, torch\n"
            "d = sys.argv[1]\n"
            "raw = open(d + '/x.bin', 'rb').read()\n"
            "x = torch.frombuffer(bytearray(raw), dtype=torch.float32).reshape(%1, %2, %3)\n"
            "for k in ['mlp', 'cnn', 'lstm', 'gru', 'transformer']:\n"
            "    m = torch.jit.load(d + '/' + k + '.pt')\n"
            "    m.eval()\n"
            "    with torch.no_grad():\n"
            "        y = m(x)\n"
            "    open(d + '/' + k + '.out', 'wb').write(y.contiguous().numpy().tobytes())\n")
                                   .arg(kBatch)
                                   .arg(kWindow)
                                   .arg(kFeatures);
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, dir.path()});
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        for (std::size_t i = 0; i < allModelKinds().size(); ++i) {
            QFile out(dir.filePath(QString::fromStdString(modelKindName(allModelKinds()[i]))
                + QStringLiteral(".out")));
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray raw = out.readAll();
            QCOMPARE(std::size_t(raw.size()), expected[i].size() * 4);
            const auto* y = reinterpret_cast<const float*>(raw.constData());
            for (std::size_t j = 0; j < expected[i].size(); ++j)
                QVERIFY(std::abs(y[j] - expected[i][j]) <= 1e-5f * (1.f + std::abs(y[j])));
        }
    }
};

QTEST_GUILESS_MAIN(TestNetworks)
#include "test_networks.moc"
