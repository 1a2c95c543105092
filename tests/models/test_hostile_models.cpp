// Hostile TorchScript files and model side files (issue 8). The fixtures come from
// scripts/make-hostile-model-fixtures.py (tests/data/models/hostile, each under 100 KB); torch
// 1.13 itself crashes on several of them (deep_code.pt and long_chain.pt overflow its parser's
// stack, huge_param.pt and huge_constant.pt make forward() read far outside their data), so each
// test here reaching its assertions is the proof that the checks before and after
// torch::jit::load hold. Every case is a clear error naming the file, in bounded memory (the
// process runs under an 8 GiB address-space limit; huge_record.pt claims 2 GB).
// The signals MLP stored in a project goes through the same checks: hostile, truncated and
// wrong-shaped blobs are BadData, never a crash.
// Also: a model stored in a project is never loaded implicitly. A project whose stored model is
// garbage opens and lists its models; only an explicit forecast or scoring loads it, and fails
// with a clear error.
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/bert_sentiment.h"
#include "models/forecaster.h"
#include "models/interchange.h"
#include "models/script_model.h"
#include "models/signals/signal_classifier.h"

#include "model_test_files.h"

#include "tests/file_bytes.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>


using namespace marketlens;
using namespace marketlens::models;
using namespace marketlens::models::signals;
using core::ErrorCode;
using core::forecast::ModelRecord;

namespace {

using marketlens::test::readAll;
using marketlens::test::writeAll;

std::string data(const std::string& name)
{
    return std::string(MARKETLENS_TEST_DATA "/models/") + name;
}

// The rows (pt file under tests/data/models, what the error says) shared by the loaders that are
// not forecasters: a forecaster given to them (`wrongKind`, saying `wrongSays`) and the hostile
// fixtures that every loader refuses the same way.
void addHostileRows(const char* wrongKind, const char* wrongSays)
{
    QTest::addColumn<QString>("pt");
    QTest::addColumn<QString>("says");
    QTest::newRow(wrongKind) << "scripted.pt" << wrongSays;
    QTest::newRow("no forward()") << "hostile/no_forward.pt"
                                  << "no forward()";
    QTest::newRow("1e12-element parameter") << "hostile/huge_param.pt"
                                            << "1000000 x 1000000";
    QTest::newRow("record claims 2 GB") << "hostile/huge_record.pt"
                                        << "claims 2000000000";
    QTest::newRow("30000 nested brackets") << "hostile/deep_code.pt"
                                           << "nested too deeply";
}

bool names(const core::Error& e, const std::string& path)
{
    return e.file == path && e.toString().find(path) != std::string::npos;
}

} // namespace

class TestHostileModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string file(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const rlimit limit {rlim_t(8) << 30, rlim_t(8) << 30};
        setrlimit(RLIMIT_AS, &limit);
        QVERIFY(m_dir.isValid());
    }

    void forecasterImport_data()
    {
        QTest::addColumn<QString>("pt");
        QTest::addColumn<QString>("says");
        QTest::newRow("classifier as forecaster") << "classifier.pt"
                                                  << "fails on an input";
        QTest::newRow("no forward()") << "no_forward.pt"
                                      << "no forward()";
        QTest::newRow("1e12-element parameter") << "huge_param.pt"
                                                << "1000000 x 1000000";
        QTest::newRow("1e12-element constant") << "huge_constant.pt"
                                               << "1000000 x 1000000";
        QTest::newRow("record claims 2 GB") << "huge_record.pt"
                                            << "claims 2000000000 bytes";
        QTest::newRow("30000 nested brackets") << "deep_code.pt"
                                               << "nested too deeply";
        QTest::newRow("30000 operators in a statement") << "long_chain.pt"
                                                        << "too many operators";
    }

    void forecasterImport()
    {
        QFETCH(QString, pt);
        QFETCH(QString, says);
        const std::string ptPath = data("hostile/" + pt.toStdString());
        auto r = importModel(ptPath, data("scripted.json"));
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(r.error(), ptPath), r.error().toString().c_str());
        QVERIFY2(r.error().message.find(says.toStdString()) != std::string::npos,
            r.error().message.c_str());
        // The same through ScriptModel::load, which names the file itself.
        auto loaded = ScriptModel::load(ptPath);
        if (pt != QLatin1String("classifier.pt")) { // a classifier is a readable module
            QVERIFY(!loaded);
            QVERIFY2(names(loaded.error(), ptPath), loaded.error().toString().c_str());
        }
    }

    void truncated()
    {
        const std::string whole = readAll(data("scripted.pt"));
        QVERIFY(whole.size() > 5000);
        const std::string ptPath = file("cut.pt");
        for (std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(21), std::size_t(22),
                 std::size_t(100), std::size_t(1000), whole.size() / 3, whole.size() / 2,
                 whole.size() - 200, whole.size() - 22, whole.size() - 1}) {
            writeAll(ptPath, whole.substr(0, n));
            auto r = importModel(ptPath, data("scripted.json"));
            QVERIFY2(!r, std::to_string(n).c_str());
            QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
            QVERIFY2(names(r.error(), ptPath), r.error().toString().c_str());
        }
    }

    void storedSignalMlp_data()
    {
        addHostileRows("forecaster as signal model", "stored MLP");
        QTest::newRow("30000 operators in a statement") << "hostile/long_chain.pt"
                                                        << "too many operators";
    }

    void storedSignalMlp()
    {
        // The blob of a signals model record is read back by loadClassifier (what a stored
        // model's prediction or explanation does).
        QFETCH(QString, pt);
        QFETCH(QString, says);
        const std::string bytes = readAll(data(pt.toStdString()));
        QVERIFY(!bytes.empty());
        auto r = loadClassifier(ClassifierKind::Mlp, ClassifierParams {}, bytes, 4, 2);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        QVERIFY2(r.error().message.find(says.toStdString()) != std::string::npos,
            r.error().message.c_str());
    }

    void storedSignalMlpTruncatedOrOtherShape()
    {
        // A real MLP (3 columns, 2 classes) and its serialization.
        FeatureRows x;
        x.rows = 60;
        x.cols = 3;
        std::vector<int> y;
        for (std::size_t r = 0; r < x.rows; ++r) {
            const double a = double(r % 7) - 3.0, b = double(r % 5) - 2.0;
            x.values.insert(x.values.end(), {a, b, a * b});
            y.push_back(a + b > 0 ? 1 : 0);
        }
        ClassifierParams params;
        params.epochs = 3;
        auto model = makeClassifier(ClassifierKind::Mlp, params);
        QVERIFY(model);
        QVERIFY(model->fit(x, y, 2));
        auto blob = model->serialize();
        QVERIFY(blob);
        QVERIFY(blob->size() > 2000);
        auto back = loadClassifier(ClassifierKind::Mlp, params, *blob, 3, 2);
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QCOMPARE(*(*back)->predictProba(x), *model->predictProba(x));
        // Made for 3 columns and 2 classes: read for others, it is refused.
        for (auto [cols, classes] : {std::pair {std::size_t(5), 2}, std::pair {std::size_t(3), 3}}) {
            auto other = loadClassifier(ClassifierKind::Mlp, params, *blob, cols, classes);
            QVERIFY(!other);
            QCOMPARE(int(other.error().code), int(ErrorCode::BadData));
        }
        // Cut anywhere: BadData.
        for (std::size_t n : {std::size_t(0), std::size_t(22), blob->size() / 3,
                 blob->size() / 2, blob->size() - 22, blob->size() - 1}) {
            auto cut = loadClassifier(ClassifierKind::Mlp, params, blob->substr(0, n), 3, 2);
            QVERIFY2(!cut, std::to_string(n).c_str());
            QCOMPARE(int(cut.error().code), int(ErrorCode::BadData));
        }
    }

    void bertImport_data() { addHostileRows("forecaster as sentiment model", "argument"); }

    void bertImport()
    {
        QFETCH(QString, pt);
        QFETCH(QString, says);
        const std::string ptPath = data(pt.toStdString());
        auto r = importBertModel(ptPath, data("bert/tiny_bert.json"), data("bert/vocab.txt"));
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(r.error(), ptPath), r.error().toString().c_str());
        QVERIFY2(r.error().message.find(says.toStdString()) != std::string::npos,
            r.error().message.c_str());
    }

    // Side files nested 100,000 levels deep or of 64 MiB: Qt's JSON parser stops at 1024 levels
    // (no recursion into the depth), and the error names the side file.
    void hostileSideFiles()
    {
        const std::string deep = file("deep.json");
        writeAll(deep, std::string(100'000, '[') + std::string(100'000, ']'));
        auto r = importModel(data("scripted.pt"), deep);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(r.error(), deep), r.error().toString().c_str());
        auto b = importBertModel(data("bert/tiny_bert.pt"), deep, data("bert/vocab.txt"));
        QVERIFY(!b);
        QCOMPARE(int(b.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(b.error(), deep), b.error().toString().c_str());
        const std::string open = file("open.json");
        writeAll(open, "{\"name\":" + std::string(100'000, '['));
        r = importModel(data("scripted.pt"), open);
        QVERIFY(!r);
        QVERIFY2(names(r.error(), open), r.error().toString().c_str());
        const std::string huge = file("huge.json");
        writeAll(huge, "{\"name\":\"" + std::string(std::size_t(64) << 20, 'n') + "\"}");
        b = importBertModel(data("bert/tiny_bert.pt"), huge, data("bert/vocab.txt"));
        QVERIFY(!b);
        QCOMPARE(int(b.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(b.error(), huge), b.error().toString().c_str());
    }

    // Opening a project and listing its models reads metadata only: a stored model whose
    // TorchScript bytes are garbage lists fine, and fails clearly only when used.
    void storedGarbageModelIsNeverLoadedImplicitly()
    {
        const std::string project = file("garbage.mlens");
        {
            auto store = core::ProjectStore::create(project);
            QVERIFY(store);
            auto good = importModel(data("scripted.pt"), data("scripted.json"));
            QVERIFY2(good, good ? "" : good.error().toString().c_str());
            ModelRecord record = *good;
            record.name = "garbage forecaster";
            record.weights = "this is not a TorchScript model";
            QVERIFY(core::forecast::saveModel(*store, record));
            auto tiny = importBertModel(
                data("bert/tiny_bert.pt"), data("bert/tiny_bert.json"), data("bert/vocab.txt"));
            QVERIFY2(tiny, tiny ? "" : tiny.error().toString().c_str());
            ModelRecord bert = *tiny;
            bert.name = "garbage sentiment";
            bert.weights = std::string(4096, '\x5a');
            QVERIFY(core::forecast::saveModel(*store, bert));
        }
        auto store = core::ProjectStore::open(project);
        QVERIFY(store);
        auto list = core::forecast::listModels(*store);
        QVERIFY(list);
        QCOMPARE(int(list->size()), 2);
        for (const auto& m : *list)
            QVERIFY(m.weights.empty()); // the list never even reads the bytes
        for (const auto& m : *list) {
            auto full = core::forecast::loadModel(*store, m.id); // bytes, not a module
            QVERIFY(full);
            QVERIFY(!full->weights.empty());
            if (m.kind == "sentiment_bert") {
                auto scorer = bertScorer(*full);
                QVERIFY(!scorer);
                QCOMPARE(int(scorer.error().code), int(ErrorCode::BadData));
                QVERIFY2(scorer.error().toString().find("TorchScript") != std::string::npos,
                    scorer.error().toString().c_str());
            } else {
                core::PriceSeries series;
                series.ticker = "MSFT";
                for (int d = 0; d < 200; ++d) {
                    series.dates.push_back(core::Date(19000 + d));
                    for (auto* v :
                        {&series.open, &series.high, &series.low, &series.close, &series.adjClose})
                        v->push_back(100 + d * 0.1);
                    series.volume.push_back(1000);
                }
                auto f = forecastWith(*full, series);
                QVERIFY(!f);
                QCOMPARE(int(f.error().code), int(ErrorCode::BadData));
                QVERIFY2(f.error().message.find("TorchScript") != std::string::npos,
                    f.error().message.c_str());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileModels)
#include "test_hostile_models.moc"
