// Model interchange: TorchScript forecasters made by Debian's python3-torch (scripted and traced,
// tests/data/models/make_fixtures.py) import and give PyTorch's outputs; bad files and side files
// are refused with messages that name the problem; an exported model is read back by PyTorch
// with the same outputs.
#include "models/interchange.h"
#include "models/script_model.h"

#include "model_test_files.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace marketlens;
using namespace marketlens::models;
using core::forecast::ModelRecord;

using model_test::readJson;
using model_test::writeJson;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/models/") + name;
}

std::string path(const QString& name)
{
    return fixture(name).toStdString();
}

std::vector<float> floats(const QJsonArray& a)
{
    std::vector<float> v;
    for (const QJsonValue& x : a)
        v.push_back(float(x.toDouble()));
    return v;
}

// The deterministic input of the export test: [2, window, features], x = sin(0.37 i) / 2.
std::vector<float> sineInput(int batch, int window, int features)
{
    std::vector<float> x(std::size_t(batch) * window * features);
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = float(0.5 * std::sin(0.37 * double(i)));
    return x;
}

const char* kPythonRunner = R"(import json, sys, torch
torch.set_num_threads(1)
m = torch.jit.load(sys.argv[1])
m.eval()
d = json.load(open(sys.argv[2]))
x = torch.tensor(d["input"], dtype=torch.float32).view(d["shape"])
with torch.no_grad():
    y = m(x)
print(json.dumps({"shape": list(y.shape), "output": y.flatten().tolist()}))
)";

bool pythonTorchAvailable()
{
    QProcess p;
    p.start(
        QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch")});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestInterchange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodFixturesGivePyTorchOutputs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind");
        QTest::newRow("scripted") << QStringLiteral("scripted") << QStringLiteral("mlp");
        QTest::newRow("traced") << QStringLiteral("traced") << QStringLiteral("gru");
    }
    void goodFixturesGivePyTorchOutputs()
    {
        QFETCH(QString, name);
        QFETCH(QString, kind);
        auto r
            = importModel(path(name + QStringLiteral(".pt")), path(name + QStringLiteral(".json")));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        const ModelRecord& m = *r;
        QCOMPARE(m.origin, std::string("imported"));
        QCOMPARE(QString::fromStdString(m.kind), kind);
        QCOMPARE(m.ticker, std::string("MSFT"));
        QCOMPARE(m.features, (std::vector<std::string> {"logret", "vol20", "dow"}));
        QCOMPARE(m.window, 20);
        QCOMPARE(m.horizon, 3);
        QCOMPARE(m.quantiles, (std::vector<double> {0.025, 0.10, 0.50, 0.90, 0.975}));
        QCOMPARE(m.featureScaler.std, (std::vector<double> {0.02, 0.007, 0.35}));
        QCOMPARE(m.targetScaler.mean, (std::vector<double> {0.0004, 0.0008, 0.0012}));
        QCOMPARE(m.seed, std::uint64_t(7));
        QCOMPARE(m.trainFirst->toIso(), std::string("2000-10-25"));
        QCOMPARE(m.trainLast->toIso(), std::string("2001-06-29"));
        QCOMPARE(m.dataHash, std::string("made-by-make_fixtures.py"));
        QCOMPARE(m.id, std::int64_t(0));
        QFile pt(fixture(name + QStringLiteral(".pt")));
        QVERIFY(pt.open(QIODevice::ReadOnly));
        QVERIFY(m.weights == pt.readAll().toStdString());

        const QJsonObject expected = readJson(fixture(QStringLiteral("expected.json")));
        const std::vector<float> x = floats(expected[QStringLiteral("input")].toArray());
        const std::vector<float> want = floats(expected[name].toArray());
        QCOMPARE(x.size(), std::size_t(2 * 20 * 3));
        QCOMPARE(want.size(), std::size_t(2 * 3 * 5));
        auto model = ScriptModel::fromBytes(m.weights);
        QVERIFY(model.ok());
        std::vector<std::int64_t> shape;
        auto y = model->run(x, 2, 20, 3, &shape);
        QVERIFY2(y.ok(), y.ok() ? "" : y.error().message.c_str());
        QCOMPARE(shape, (std::vector<std::int64_t> {2, 3, 5}));
        for (std::size_t i = 0; i < want.size(); ++i)
            QVERIFY2(std::abs((*y)[i] - want[i]) <= 1e-5,
                qPrintable(QStringLiteral("output %1: %2 vs PyTorch %3")
                               .arg(i)
                               .arg((*y)[i])
                               .arg(want[i])));
    }

    // Bad module files and fixtures: the error names the file and the problem.
    void badFilesAreRefused_data()
    {
        QTest::addColumn<QString>("pt");
        QTest::addColumn<QString>("meta");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("namedFile");
        QTest::addColumn<QString>("message");
        const int bad = int(core::ErrorCode::BadData);
        QTest::newRow("truncated") << "bad_truncated.pt"
                                   << "scripted.json" << bad << "bad_truncated.pt"
                                   << "not a readable TorchScript model";
        QTest::newRow("random bytes") << "bad_random.pt"
                                      << "scripted.json" << bad << "bad_random.pt"
                                      << "not a readable TorchScript model";
        QTest::newRow("side file as module") << "scripted.json"
                                             << "scripted.json" << bad << "scripted.json"
                                             << "not a readable TorchScript model";
        QTest::newRow("output shape") << "bad_shape.pt"
                                      << "bad_shape.json" << bad << "bad_shape.pt"
                                      << "output has shape [2, 3, 4] but its side file "
                                         "promises [2, 3, 5]";
        QTest::newRow("NaN output") << "bad_nan.pt"
                                    << "bad_nan.json" << bad << "bad_nan.pt"
                                    << "not finite";
        QTest::newRow("feature name") << "scripted.pt"
                                      << "bad_feature.json" << bad << "bad_feature.json"
                                      << "unknown feature \"logreturn\"";
        QTest::newRow("missing module")
            << "no_such.pt"
            << "scripted.json" << int(core::ErrorCode::Io) << "no_such.pt"
            << "cannot read the model file";
        QTest::newRow("missing side file")
            << "scripted.pt"
            << "no_such.json" << int(core::ErrorCode::Io) << "no_such.json"
            << "cannot read the model side file";
    }
    void badFilesAreRefused()
    {
        QFETCH(QString, pt);
        QFETCH(QString, meta);
        QFETCH(int, code);
        QFETCH(QString, namedFile);
        QFETCH(QString, message);
        auto r = importModel(path(pt), path(meta));
        QVERIFY(!r.ok());
        qInfo("%s", r.error().toString().c_str());
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(QString::fromStdString(r.error().file), fixture(namedFile));
        QVERIFY2(
            QString::fromStdString(r.error().message).contains(message), r.error().message.c_str());
    }

    // Side files edited one field at a time from the good scripted one.
    void badSideFilesAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // Undefined: remove the field
        QTest::addColumn<QString>("message");
        auto row = [](const char* tag, const char* field, QJsonValue v, const char* msg) {
            QTest::newRow(tag) << QString::fromLatin1(field) << v << QString::fromLatin1(msg);
        };
        const QJsonValue removed(QJsonValue::Undefined);
        row("no window", "window", removed, "missing field \"window\"");
        row("no features", "features", removed, "missing field \"features\"");
        row("no target scaler", "target_scaler", removed, "missing field \"target_scaler\"");
        row("no format", "format", removed, "missing field \"format\"");
        row("window as text", "window", QStringLiteral("20"),
            "field \"window\" must be a whole number");
        row("fractional horizon", "horizon", 2.5, "field \"horizon\" must be a whole number");
        row("zero window", "window", 0, "field \"window\" is 0, expected 1..");
        // Found by fuzzing: a value beyond long long's range was converted for the message (UB).
        row("huge window", "window", 1e300,
            "field \"window\" is 1.0000000000000001e+300, expected 1..100000");
        row("other format", "format", QStringLiteral("onnx"),
            "field \"format\" is \"onnx\", expected \"marketlens-forecaster\"");
        row("newer version", "format_version", 2, "field \"format_version\" is 2, expected 1..1");
        row("unknown field", "windw", 20, "unknown field \"windw\"");
        row("features not strings", "features", QJsonArray {1, 2, 3},
            "field \"features\" must hold strings only");
        row("feature twice", "features",
            QJsonArray {QStringLiteral("logret"), QStringLiteral("dow"), QStringLiteral("logret")},
            "feature \"logret\" is listed twice");
        row("feature scaler size", "feature_scaler",
            QJsonObject {{QStringLiteral("mean"), QJsonArray {0.0, 0.0}},
                {QStringLiteral("std"), QJsonArray {1.0, 1.0}}},
            "\"feature_scaler.mean\" has 2 values but there are 3 features");
        row("target scaler size", "target_scaler",
            QJsonObject {{QStringLiteral("mean"), QJsonArray {0.0, 0.0, 0.0}},
                {QStringLiteral("std"), QJsonArray {1.0, 1.0, 1.0, 1.0}}},
            "\"target_scaler.std\" has 4 values but there are 3 horizons");
        row("zero std", "feature_scaler",
            QJsonObject {{QStringLiteral("mean"), QJsonArray {0.0, 0.0, 0.0}},
                {QStringLiteral("std"), QJsonArray {1.0, 0.0, 1.0}}},
            "\"feature_scaler.std\" must hold positive numbers");
        row("scaler text", "feature_scaler",
            QJsonObject {{QStringLiteral("mean"), QJsonArray {0.0, QStringLiteral("x"), 0.0}},
                {QStringLiteral("std"), QJsonArray {1.0, 1.0, 1.0}}},
            "\"feature_scaler.mean\" must hold finite numbers only");
        row("quantiles decreasing", "quantiles", QJsonArray {0.975, 0.9, 0.5, 0.1, 0.025},
            "must be strictly increasing");
        row("quantile above 1", "quantiles", QJsonArray {0.025, 0.1, 0.5, 0.9, 1.2},
            "quantile 1.2 is not between 0 and 1");
        row("no 95 % levels", "quantiles", QJsonArray {0.05, 0.1, 0.5, 0.9, 0.95},
            "lacks the level 0.025");
        row("input shape", "input",
            QJsonObject {{QStringLiteral("shape"), QJsonArray {QStringLiteral("batch"), 30, 3}}},
            "\"input.shape\" is [batch, 30, 3] but");
        row("output shape", "output",
            QJsonObject {{QStringLiteral("shape"), QJsonArray {QStringLiteral("batch"), 3, 3}}},
            "\"output.shape\" is [batch, 3, 3] but");
        row("bad training date", "training",
            QJsonObject {{QStringLiteral("first"), QStringLiteral("2001-13-01")}},
            "\"training.first\" must be a date YYYY-MM-DD");
        row("metrics not object", "metrics", QJsonArray {1}, "field \"metrics\" must be an object");
    }
    void badSideFilesAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QJsonObject meta = readJson(fixture(QStringLiteral("scripted.json")));
        if (value.isUndefined())
            meta.remove(field);
        else
            meta[field] = value;
        const QString metaPath = dir.filePath(QStringLiteral("M.json"));
        writeJson(metaPath, meta);
        auto r = importModel(path(QStringLiteral("scripted.pt")), metaPath.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::BadData);
        QCOMPARE(QString::fromStdString(r.error().file), metaPath);
        QVERIFY2(
            QString::fromStdString(r.error().message).contains(message), r.error().message.c_str());
    }

    void notJsonIsRefused()
    {
        auto r = parseModelMeta("{\"format\": ", "x.json");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, std::string("x.json"));
        QVERIFY(
            QString::fromStdString(r.error().message).contains(QLatin1String("not valid JSON")));
        auto arr = parseModelMeta("[1, 2]", "y.json");
        QVERIFY(!arr.ok());
        QVERIFY(
            QString::fromStdString(arr.error().message).contains(QLatin1String("one JSON object")));
    }

    // A side file that promises a 4th feature the module does not take: its forward fails.
    void moduleRejectingTheInput()
    {
        QTemporaryDir dir;
        QJsonObject meta = readJson(fixture(QStringLiteral("scripted.json")));
        meta[QStringLiteral("features")] = QJsonArray {QStringLiteral("logret"),
            QStringLiteral("vol20"), QStringLiteral("volume"), QStringLiteral("dow")};
        meta[QStringLiteral("feature_scaler")]
            = QJsonObject {{QStringLiteral("mean"), QJsonArray {0.0, 0.0, 0.0, 0.0}},
                {QStringLiteral("std"), QJsonArray {1.0, 1.0, 1.0, 1.0}}};
        meta.remove(QStringLiteral("input"));
        const QString metaPath = dir.filePath(QStringLiteral("M.json"));
        writeJson(metaPath, meta);
        auto r = importModel(path(QStringLiteral("scripted.pt")), metaPath.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::BadData);
        QCOMPARE(QString::fromStdString(r.error().file), fixture(QStringLiteral("scripted.pt")));
        QVERIFY2(QString::fromStdString(r.error().message)
                     .contains(QLatin1String("fails on an input of shape [2, 20, 4]")),
            r.error().message.c_str());
    }

    void metaPaths()
    {
        QCOMPARE(metaPathFor("/a/M.pt"), std::string("/a/M.json"));
        QCOMPARE(metaPathFor("model"), std::string("model.json"));
        QCOMPARE(metaPathFor("x.pth"), std::string("x.pth.json"));
    }

    void exportImportRoundTrip()
    {
        QTemporaryDir dir;
        const ModelRecord record = builtRecord();
        const std::string pt = dir.filePath(QStringLiteral("M.pt")).toStdString();
        auto s = exportModel(record, pt);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().toString().c_str());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("M.json"))));
        // Only the two files: the temporary files were renamed into place.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);

        const QJsonObject meta = readJson(dir.filePath(QStringLiteral("M.json")));
        QCOMPARE(
            meta[QStringLiteral("format")].toString(), QStringLiteral("marketlens-forecaster"));
        QCOMPARE(meta[QStringLiteral("format_version")].toInt(), 1);
        QCOMPARE(meta[QStringLiteral("input")].toObject()[QStringLiteral("shape")].toArray(),
            (QJsonArray {QStringLiteral("batch"), 12, 3}));
        QCOMPARE(meta[QStringLiteral("output")].toObject()[QStringLiteral("shape")].toArray(),
            (QJsonArray {QStringLiteral("batch"), 4, 5}));
        QCOMPARE(meta[QStringLiteral("metrics")]
                     .toObject()[QStringLiteral("naive")]
                     .toObject()[QStringLiteral("mae")]
                     .toDouble(),
            1.5);
        QCOMPARE(meta[QStringLiteral("training")].toObject()[QStringLiteral("first")].toString(),
            QStringLiteral("2001-01-02"));

        auto back = importModel(pt, metaPathFor(pt));
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QCOMPARE(back->origin, std::string("imported"));
        QCOMPARE(back->kind, record.kind);
        QCOMPARE(back->name, record.name);
        QCOMPARE(back->ticker, record.ticker);
        QCOMPARE(back->features, record.features);
        QCOMPARE(back->window, record.window);
        QCOMPARE(back->horizon, record.horizon);
        QCOMPARE(back->quantiles, record.quantiles);
        QCOMPARE(back->featureScaler.mean, record.featureScaler.mean);
        QCOMPARE(back->featureScaler.std, record.featureScaler.std);
        QCOMPARE(back->targetScaler.mean, record.targetScaler.mean);
        QCOMPARE(back->targetScaler.std, record.targetScaler.std);
        QCOMPARE(back->seed, record.seed);
        QCOMPARE(back->dataHash, record.dataHash);
        QCOMPARE(back->trainFirst, record.trainFirst);
        QCOMPARE(back->trainLast, record.trainLast);
        QCOMPARE(back->metricsJson, record.metricsJson);
        QVERIFY(back->weights == record.weights);
    }

    void exportRefusesWhatCannotTravel()
    {
        QTemporaryDir dir;
        ModelRecord classifier = builtRecord();
        classifier.quantiles.clear();
        const std::string pt = dir.filePath(QStringLiteral("C.pt")).toStdString();
        auto c = exportModel(classifier, pt);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, core::ErrorCode::InvalidArgument);
        ModelRecord empty = builtRecord();
        empty.weights.clear();
        QVERIFY(!exportModel(empty, pt).ok());
        QVERIFY(!QFile::exists(QString::fromStdString(pt)));
        // A folder that does not exist: an Io error and no file anywhere.
        auto io = exportModel(builtRecord(), dir.filePath(QStringLiteral("no/M.pt")).toStdString());
        QVERIFY(!io.ok());
        QCOMPARE(io.error().code, core::ErrorCode::Io);
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }

    // The exported file of every architecture, read by PyTorch (Debian's python3-torch), gives
    // MarketLens's outputs.
    void exportReloadedByPyTorch()
    {
        if (!pythonTorchAvailable())
            QSKIP("/usr/bin/python3 cannot import torch (install Debian's python3-torch): the "
                  "PyTorch reload of an exported model is not checked");
        for (ModelKind kind : allModelKinds()) {
            QTemporaryDir dir;
            const ModelRecord record = builtRecord(kind);
            const std::string pt = dir.filePath(QStringLiteral("M.pt")).toStdString();
            QVERIFY(exportModel(record, pt).ok());
            const int batch = 2;
            const std::vector<float> x = sineInput(batch, record.window, 3);
            auto model = ScriptModel::load(pt);
            QVERIFY(model.ok());
            std::vector<std::int64_t> shape;
            auto ours = model->run(x, batch, record.window, 3, &shape);
            QVERIFY2(ours.ok(), ours.ok() ? "" : ours.error().message.c_str());

            QJsonArray input;
            for (float v : x)
                input.append(double(v));
            const QString inputPath = dir.filePath(QStringLiteral("input.json"));
            writeJson(inputPath,
                QJsonObject {{QStringLiteral("input"), input},
                    {QStringLiteral("shape"), QJsonArray {batch, record.window, 3}}});
            QProcess p;
            p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromLatin1(kPythonRunner),
                    QString::fromStdString(pt), inputPath});
            QVERIFY(p.waitForFinished(300000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            const QJsonObject py = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
            QCOMPARE(
                py[QStringLiteral("shape")].toArray(), (QJsonArray {batch, record.horizon, 5}));
            QCOMPARE(shape, (std::vector<std::int64_t> {batch, record.horizon, 5}));
            const std::vector<float> theirs = floats(py[QStringLiteral("output")].toArray());
            QCOMPARE(theirs.size(), ours->size());
            for (std::size_t i = 0; i < theirs.size(); ++i)
                QVERIFY2(std::abs(theirs[i] - (*ours)[i]) <= 1e-6,
                    qPrintable(QStringLiteral("%1 output %2: PyTorch %3 vs MarketLens %4")
                                   .arg(QString::fromStdString(modelKindName(kind)))
                                   .arg(i)
                                   .arg(theirs[i])
                                   .arg((*ours)[i])));
        }
    }

private:
    // A forecaster record around a freshly built network (weights from a fixed seed).
    static ModelRecord builtRecord(ModelKind kind = ModelKind::Mlp)
    {
        NetworkSpec spec;
        spec.kind = kind;
        spec.window = 12;
        spec.features = 3;
        spec.horizon = 4;
        spec.hidden = 16;
        spec.layers = 1;
        auto model = ScriptModel::build(spec, 11);
        if (!model)
            qFatal("ScriptModel::build: %s", model.error().message.c_str());
        ModelRecord r;
        r.name = "test " + modelKindName(kind);
        r.kind = modelKindName(kind);
        r.origin = "trained";
        r.ticker = "IBM";
        r.createdUtc = "2026-01-02T03:04:05Z";
        r.features = {"logret", "vol20", "dow"};
        r.window = spec.window;
        r.horizon = spec.horizon;
        r.quantiles = spec.quantiles;
        r.featureScaler.mean = {0.001, 0.02, 0.5};
        r.featureScaler.std = {0.02, 0.01, 0.35};
        r.targetScaler.mean = {0.001, 0.002, 0.003, 0.004};
        r.targetScaler.std = {0.02, 0.03, 0.035, 0.04};
        r.hyperParamsJson = R"({"hidden":16,"layers":1})";
        r.seed = 11;
        r.trainFirst = core::Date::fromIso("2001-01-02");
        r.trainLast = core::Date::fromIso("2001-06-29");
        r.dataHash = "abc123";
        r.metricsJson = R"({"mlp":{"mae":1.25},"naive":{"mae":1.5}})";
        r.device = "cpu";
        r.weights = *model->toBytes();
        return r;
    }
};

QTEST_GUILESS_MAIN(TestInterchange)
#include "test_interchange.moc"
