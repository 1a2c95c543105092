// Models in the project file (schema v4, table `models`): every field of a record survives a
// save/load round trip (including weights with zero bytes), listing is newest first and without
// weights, rename/delete/replace and NotFound, scaler JSON, and a v3 project migrated to v4 keeps
// its data and gains the table.
#include "core/forecast/model_store.h"
#include "core/project_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::forecast;

namespace {

ModelRecord sampleRecord()
{
    ModelRecord r;
    r.name = "MSFT lstm h5";
    r.kind = "lstm";
    r.origin = "trained";
    r.ticker = "MSFT";
    r.createdUtc = "2026-11-29T10:00:00Z";
    r.features = {"logret", "vol20", "volume", "dow"};
    r.window = 60;
    r.horizon = 5;
    r.quantiles = {0.025, 0.10, 0.50, 0.90, 0.975};
    // Values that need all 17 significant digits to round-trip.
    r.featureScaler.mean = {1.0 / 3.0, -2.5e-4, 13.815510557964274, 0.5};
    r.featureScaler.std = {0.1 / 7.0, 1e-300, 1.0, 0.35355339059327373};
    r.targetScaler.mean = {1e-4, 2e-4, 3e-4, 4e-4, 5e-4};
    r.targetScaler.std
        = {0.01, 0.014142135623730951, 0.017320508075688773, 0.02, 0.0223606797749979};
    r.hyperParamsJson = R"({"epochs":30,"hidden":64,"kind":"lstm","lr":0.001})";
    r.seed = 18446744073709551557ULL; // largest 64-bit prime: does not fit a double
    r.trainFirst = Date::fromIso("2000-03-28");
    r.trainLast = Date::fromIso("2005-12-30");
    r.dataHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    r.metricsJson = R"({"lstm":{"mae":1.5},"naive":{"mae":1.6}})";
    r.historyJson = R"([{"epoch":1,"train":0.9,"val":1.0}])";
    r.trainSeconds = 12.25;
    r.device = "cpu";
    // Binary weights with zero bytes, bytes >= 0x80 and a TorchScript-like zip header.
    r.weights = std::string("PK\x03\x04\x00\x00\x00\xff\x80\x01", 10);
    for (int i = 0; i < 5000; ++i)
        r.weights.push_back(static_cast<char>((i * 131) & 0xff));
    return r;
}

void compareRecords(const ModelRecord& a, const ModelRecord& b, bool withWeights)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.origin, b.origin);
    QCOMPARE(a.ticker, b.ticker);
    QCOMPARE(a.createdUtc, b.createdUtc);
    QVERIFY(a.features == b.features);
    QCOMPARE(a.window, b.window);
    QCOMPARE(a.horizon, b.horizon);
    QVERIFY(a.quantiles == b.quantiles);
    // Exact equality: the JSON form keeps every bit of a double.
    QVERIFY(a.featureScaler.mean == b.featureScaler.mean);
    QVERIFY(a.featureScaler.std == b.featureScaler.std);
    QVERIFY(a.targetScaler.mean == b.targetScaler.mean);
    QVERIFY(a.targetScaler.std == b.targetScaler.std);
    QCOMPARE(a.hyperParamsJson, b.hyperParamsJson);
    QCOMPARE(a.seed, b.seed);
    QVERIFY(a.trainFirst == b.trainFirst);
    QVERIFY(a.trainLast == b.trainLast);
    QCOMPARE(a.dataHash, b.dataHash);
    QCOMPARE(a.metricsJson, b.metricsJson);
    QCOMPARE(a.historyJson, b.historyJson);
    QCOMPARE(a.trainSeconds, b.trainSeconds);
    QCOMPARE(a.device, b.device);
    if (withWeights)
        QVERIFY(a.weights == b.weights);
}

} // namespace

class TestModelStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    std::string newPath()
    {
        return m_dir.filePath(QStringLiteral("m%1.mlens").arg(++m_counter)).toStdString();
    }

private Q_SLOTS:
    void roundTripsEveryField()
    {
        const std::string path = newPath();
        const ModelRecord original = sampleRecord();
        std::int64_t id = 0;
        {
            auto store = ProjectStore::create(path);
            QVERIFY(store);
            QCOMPARE(*store->schemaVersion(), 5);
            auto saved = saveModel(*store, original);
            QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
            id = *saved;
            QVERIFY(id > 0);
        }
        // Reopened from disk: nothing is cached in the store.
        auto store = ProjectStore::open(path);
        QVERIFY(store);
        auto loaded = loadModel(*store, id);
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(loaded->id, id);
        compareRecords(*loaded, original, true);
        QCOMPARE(loaded->weights.size(), std::size_t(5010));
        QCOMPARE(loaded->weights[4], '\0');
        QCOMPARE(int(static_cast<unsigned char>(loaded->weights[7])), 0xff);
        // The BLOB is stored as it is (what torch.jit.load reads from Python).
        QCOMPARE(*store->db().queryInt("SELECT length(weights) FROM models"), std::int64_t {5010});
        QCOMPARE(*store->db().queryText("SELECT typeof(weights) FROM models"), std::string("blob"));
        // spec_json is readable JSON with the seed as a string and the scalers as arrays.
        const std::string spec = *store->db().queryText(
            "SELECT json_extract(spec_json, '$.seed') || '|' || "
            "json_extract(spec_json, '$.hyperParams.hidden') || '|' || "
            "json_extract(spec_json, '$.trainLast') || '|' || "
            "json_array_length(spec_json, '$.targetScaler.std') FROM models");
        QCOMPARE(spec, std::string("18446744073709551557|64|2005-12-30|5"));
    }

    void emptyOptionalFields()
    {
        auto store = ProjectStore::create(newPath());
        QVERIFY(store);
        ModelRecord r;
        r.kind = "imported";
        r.origin = "imported";
        r.window = 20;
        r.horizon = 1;
        r.hyperParamsJson = "not json";
        auto id = saveModel(*store, r);
        QVERIFY(id);
        auto loaded = loadModel(*store, *id);
        QVERIFY(loaded);
        QVERIFY(!loaded->trainFirst && !loaded->trainLast);
        QVERIFY(loaded->weights.empty());
        QVERIFY(loaded->quantiles.empty());
        QCOMPARE(loaded->hyperParamsJson, std::string("not json"));
        QCOMPARE(loaded->metricsJson, std::string("{}"));
        QCOMPARE(loaded->historyJson, std::string("[]"));
        QCOMPARE(loaded->createdUtc.size(), std::size_t(20)); // filled in: YYYY-MM-DDTHH:MM:SSZ
        QCOMPARE(loaded->createdUtc.back(), 'Z');
    }

    void listsNewestFirstWithoutWeights()
    {
        auto store = ProjectStore::create(newPath());
        QVERIFY(store);
        ModelRecord r = sampleRecord();
        r.name = "old";
        r.createdUtc = "2026-01-01T00:00:00Z";
        const std::int64_t oldId = *saveModel(*store, r);
        r.name = "new";
        r.createdUtc = "2026-06-01T00:00:00Z";
        const std::int64_t newId = *saveModel(*store, r);
        r.name = "middle";
        r.createdUtc = "2026-03-01T00:00:00Z";
        const std::int64_t midId = *saveModel(*store, r);
        auto list = listModels(*store);
        QVERIFY(list);
        QCOMPARE(list->size(), std::size_t(3));
        QCOMPARE((*list)[0].id, newId);
        QCOMPARE((*list)[1].id, midId);
        QCOMPARE((*list)[2].id, oldId);
        QCOMPARE((*list)[0].name, std::string("new"));
        for (const ModelRecord& m : *list) {
            QVERIFY(m.weights.empty());
            QVERIFY(m.targetScaler.std == r.targetScaler.std); // metadata is complete
        }
        r.name = "middle";
        compareRecords((*list)[1], r, false);
    }

    void renameReplaceDelete()
    {
        auto store = ProjectStore::create(newPath());
        QVERIFY(store);
        ModelRecord r = sampleRecord();
        const std::int64_t id = *saveModel(*store, r);
        QVERIFY(renameModel(*store, id, "renamed"));
        QCOMPARE(loadModel(*store, id)->name, std::string("renamed"));

        // Replace: same id, new contents.
        r.id = id;
        r.name = "retrained";
        r.weights = std::string("\0\0\0", 3);
        r.window = 30;
        auto replaced = saveModel(*store, r);
        QVERIFY(replaced);
        QCOMPARE(*replaced, id);
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM models"), std::int64_t {1});
        auto loaded = loadModel(*store, id);
        QVERIFY(loaded);
        QCOMPARE(loaded->window, 30);
        QVERIFY(loaded->weights == std::string("\0\0\0", 3));

        QVERIFY(deleteModel(*store, id));
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM models"), std::int64_t {0});
    }

    void notFound()
    {
        auto store = ProjectStore::create(newPath());
        QVERIFY(store);
        auto loaded = loadModel(*store, 42);
        QVERIFY(!loaded);
        QCOMPARE(int(loaded.error().code), int(ErrorCode::NotFound));
        QCOMPARE(int(deleteModel(*store, 42).error().code), int(ErrorCode::NotFound));
        QCOMPARE(int(renameModel(*store, 42, "x").error().code), int(ErrorCode::NotFound));
        ModelRecord r = sampleRecord();
        r.id = 42;
        auto saved = saveModel(*store, r);
        QVERIFY(!saved);
        QCOMPARE(int(saved.error().code), int(ErrorCode::NotFound));
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM models"), std::int64_t {0});
    }

    void rejectsInvalidRecords()
    {
        auto store = ProjectStore::create(newPath());
        QVERIFY(store);
        ModelRecord r = sampleRecord();
        r.origin = "downloaded";
        QCOMPARE(int(saveModel(*store, r).error().code), int(ErrorCode::InvalidArgument));
        r = sampleRecord();
        r.featureScaler.std[1] = 0;
        QCOMPARE(int(saveModel(*store, r).error().code), int(ErrorCode::InvalidArgument));
        r = sampleRecord();
        r.targetScaler.mean.pop_back();
        QCOMPARE(int(saveModel(*store, r).error().code), int(ErrorCode::InvalidArgument));
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM models"), std::int64_t {0});
    }

    void damagedSpecIsCorrupt()
    {
        auto store = ProjectStore::create(newPath());
        QVERIFY(store);
        const std::int64_t id = *saveModel(*store, sampleRecord());
        QVERIFY(store->db().exec("UPDATE models SET spec_json = '{\"window\": 3'"));
        auto loaded = loadModel(*store, id);
        QVERIFY(!loaded);
        QCOMPARE(int(loaded.error().code), int(ErrorCode::Corrupt));
        auto list = listModels(*store);
        QVERIFY(!list);
        QCOMPARE(int(list.error().code), int(ErrorCode::Corrupt));
    }

    void scalerJson()
    {
        Scaler s;
        s.mean = {0.1, -3.0, 1.0 / 3.0};
        s.std = {1.0, 2.0, 1e-12};
        const std::string json = scalerToJson(s);
        QCOMPARE(json.substr(0, 20), std::string("{\"mean\":[0.1,-3,0.33"));
        auto back = scalerFromJson(json);
        QVERIFY(back);
        QVERIFY(back->mean == s.mean);
        QVERIFY(back->std == s.std);
        // Hand-written side-file form.
        auto hand = scalerFromJson(R"({"mean": [0.5, 1], "std": [2, 0.25]})");
        QVERIFY(hand);
        QCOMPARE(hand->apply(0, 4.5), 2.0);
        QCOMPARE(hand->invert(1, -4.0), 0.0);
        for (const char* bad : {"", "[1,2]", R"({"mean":[1],"std":[1,2]})",
                 R"({"mean":[1],"std":[0]})", R"({"mean":["a"],"std":[1]})", R"({"mean":[1]})"}) {
            auto r = scalerFromJson(bad);
            QVERIFY2(!r, bad);
            QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        }
    }

    // A version-3 project (risk runs era) migrates to 4: data kept, models table added and usable.
    void migratesVersion3()
    {
        const std::string path = newPath();
        {
            auto v3 = ProjectStore::createAtVersion(path, 3);
            QVERIFY(v3);
            QCOMPARE(*v3->schemaVersion(), 3);
            QVERIFY(v3->db().exec(
                "INSERT INTO instruments (id, ticker, created_at) VALUES (5, 'KO', 'x');"
                "INSERT INTO prices (instrument_id, date, close) VALUES (5, '1990-12-31', 40.25);"
                "INSERT INTO risk_runs (created_at, name, parameters, results, data_hash) "
                "VALUES ('2026-01-01T00:00:00Z', 'r', '{}', '{}', 'h');"));
            QCOMPARE(*v3->db().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'models'"),
                std::int64_t {0});
            QVERIFY(!listModels(*v3)); // no table before the migration
        }
        auto store = ProjectStore::open(path);
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        QCOMPARE(*store->schemaVersion(), 5);
        QCOMPARE(store->prices("KO")->close[0], 40.25);
        QCOMPARE(
            *store->db().queryText("SELECT name || data_hash FROM risk_runs"), std::string("rh"));
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                       "AND name = 'models_by_time'"),
            std::int64_t {1});
        auto list = listModels(*store);
        QVERIFY(list);
        QVERIFY(list->empty());
        auto id = saveModel(*store, sampleRecord());
        QVERIFY(id);
        compareRecords(*loadModel(*store, *id), sampleRecord(), true);
    }
};

QTEST_GUILESS_MAIN(TestModelStore)
#include "test_model_store.moc"
