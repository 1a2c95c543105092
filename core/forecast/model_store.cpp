// Models in the project file (table `models`, schema version 4, docs/project-file.md).
// Everything but the weights, metrics and history lives in one JSON document, spec_json, so that a
// reader in another language (Python, the sqlite3 shell) finds the model's metadata in one place;
// the weights are the TorchScript module bytes as a BLOB (torch.jit.load reads them as they are).
#include "core/forecast/model_store.h"

#include "core/project_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <cmath>

namespace marketlens::core::forecast {
namespace {

std::string noModel(std::int64_t id)
{
    return "no model with id " + std::to_string(id);
}

QString k(const char* key)
{
    return QString::fromLatin1(key);
}

std::string compact(const QJsonDocument& doc)
{
    return doc.toJson(QJsonDocument::Compact).toStdString();
}

QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray a;
    for (double v : values)
        a.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null));
    return a;
}

QJsonArray strings(const std::vector<std::string>& values)
{
    QJsonArray a;
    for (const std::string& v : values)
        a.append(QString::fromStdString(v));
    return a;
}

// A JSON array of finite numbers; false for anything else.
bool readNumbers(const QJsonValue& value, std::vector<double>& out)
{
    if (!value.isArray())
        return false;
    out.clear();
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isDouble())
            return false;
        out.push_back(v.toDouble());
    }
    return true;
}

QJsonObject scalerObject(const Scaler& scaler)
{
    QJsonObject o;
    o[k("mean")] = numbers(scaler.mean);
    o[k("std")] = numbers(scaler.std);
    return o;
}

Result<Scaler> scalerFromValue(const QJsonValue& value)
{
    if (!value.isObject())
        return makeError(ErrorCode::BadData, "scaler is not a JSON object");
    const QJsonObject o = value.toObject();
    Scaler s;
    if (!readNumbers(o.value(k("mean")), s.mean) || !readNumbers(o.value(k("std")), s.std))
        return makeError(ErrorCode::BadData, "scaler needs arrays of numbers 'mean' and 'std'");
    if (s.mean.size() != s.std.size())
        return makeError(ErrorCode::BadData,
            "scaler has " + std::to_string(s.mean.size()) + " means but "
                + std::to_string(s.std.size()) + " standard deviations");
    for (double sd : s.std) {
        if (!(sd > 0) || !std::isfinite(sd))
            return makeError(ErrorCode::BadData, "scaler standard deviation must be positive");
    }
    return s;
}

// The hyper-parameters are kept as a nested JSON value when they are JSON (readable from other
// tools without parsing twice), as a string otherwise.
QJsonValue embedJson(const std::string& text)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &e);
    if (e.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    if (e.error == QJsonParseError::NoError && doc.isArray())
        return doc.array();
    return QString::fromStdString(text);
}

std::string unembedJson(const QJsonValue& value)
{
    if (value.isObject())
        return compact(QJsonDocument(value.toObject()));
    if (value.isArray())
        return compact(QJsonDocument(value.toArray()));
    return value.toString().toStdString();
}

std::string specJson(const ModelRecord& r)
{
    QJsonObject o;
    o[k("format")] = k("marketlens-model-spec");
    o[k("formatVersion")] = 1;
    o[k("features")] = strings(r.features);
    o[k("window")] = r.window;
    o[k("horizon")] = r.horizon;
    o[k("quantiles")] = numbers(r.quantiles);
    o[k("featureScaler")] = scalerObject(r.featureScaler);
    o[k("targetScaler")] = scalerObject(r.targetScaler);
    o[k("hyperParams")] = embedJson(r.hyperParamsJson);
    // A string: JSON numbers are doubles and would round a 64-bit seed.
    o[k("seed")] = QString::number(r.seed);
    o[k("trainFirst")] = r.trainFirst ? QJsonValue(QString::fromStdString(r.trainFirst->toIso()))
                                      : QJsonValue(QJsonValue::Null);
    o[k("trainLast")] = r.trainLast ? QJsonValue(QString::fromStdString(r.trainLast->toIso()))
                                    : QJsonValue(QJsonValue::Null);
    o[k("dataHash")] = QString::fromStdString(r.dataHash);
    return compact(QJsonDocument(o));
}

Status readSpec(const std::string& text, ModelRecord& r)
{
    const auto bad = [&r](const std::string& what) {
        return makeError(ErrorCode::Corrupt, "model " + std::to_string(r.id) + ": " + what);
    };
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return bad("spec_json is not a JSON object (" + e.errorString().toStdString() + ")");
    const QJsonObject o = doc.object();
    r.features.clear();
    for (const QJsonValue& f : o.value(k("features")).toArray())
        r.features.push_back(f.toString().toStdString());
    r.window = o.value(k("window")).toInt();
    r.horizon = o.value(k("horizon")).toInt();
    if (!readNumbers(o.value(k("quantiles")), r.quantiles))
        return bad("spec_json has no quantile list");
    for (auto [key, scaler] : {std::pair {"featureScaler", &r.featureScaler},
             std::pair {"targetScaler", &r.targetScaler}}) {
        auto s = scalerFromValue(o.value(k(key)));
        if (!s)
            return bad(std::string(key) + ": " + s.error().message);
        *scaler = std::move(*s);
    }
    r.hyperParamsJson = unembedJson(o.value(k("hyperParams")));
    bool seedOk = false;
    r.seed = o.value(k("seed")).toString().toULongLong(&seedOk);
    if (!seedOk)
        return bad("spec_json has no valid seed");
    const auto date
        = [&o](const char* key) { return Date::fromIso(o.value(k(key)).toString().toStdString()); };
    r.trainFirst = date("trainFirst");
    r.trainLast = date("trainLast");
    r.dataHash = o.value(k("dataHash")).toString().toStdString();
    return {};
}

// Statement has no BLOB accessors; these use its raw handle.
void bindBlob(Statement& st, int index, const std::string& bytes)
{
    // A zero-length BLOB would be bound as NULL with a null pointer; the column is NOT NULL.
    static const char kEmpty = 0;
    sqlite3_bind_blob64(st.handle(), index, bytes.empty() ? &kEmpty : bytes.data(),
        static_cast<sqlite3_uint64>(bytes.size()), SQLITE_TRANSIENT);
}

std::string columnBlob(const Statement& st, int col)
{
    const void* data = sqlite3_column_blob(st.handle(), col);
    const int size = sqlite3_column_bytes(st.handle(), col);
    if (!data || size <= 0)
        return {};
    return std::string(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

constexpr const char* kColumns = "id, name, kind, origin, ticker, created_utc, spec_json, "
                                 "metrics_json, history_json, train_seconds, device";

Result<ModelRecord> recordFromRow(const Statement& st)
{
    ModelRecord r;
    r.id = st.columnInt(0);
    r.name = st.columnText(1);
    r.kind = st.columnText(2);
    r.origin = st.columnText(3);
    r.ticker = st.columnText(4);
    r.createdUtc = st.columnText(5);
    if (auto s = readSpec(st.columnText(6), r); !s)
        return s.error();
    r.metricsJson = st.columnText(7);
    r.historyJson = st.columnText(8);
    r.trainSeconds = st.columnDouble(9);
    r.device = st.columnText(10);
    return r;
}

Status checkRecord(const ModelRecord& r)
{
    if (r.kind.empty())
        return makeError(ErrorCode::InvalidArgument, "a model needs a kind");
    if (r.origin != "trained" && r.origin != "imported")
        return makeError(ErrorCode::InvalidArgument,
            "model origin must be 'trained' or 'imported', not '" + r.origin + "'");
    if (r.window < 1 || r.horizon < 1)
        return makeError(ErrorCode::InvalidArgument, "model window and horizon must be >= 1");
    if (r.featureScaler.mean.size() != r.featureScaler.std.size()
        || r.targetScaler.mean.size() != r.targetScaler.std.size())
        return makeError(ErrorCode::InvalidArgument, "model scaler means and stds differ in size");
    for (const Scaler* s : {&r.featureScaler, &r.targetScaler}) {
        for (std::size_t i = 0; i < s->mean.size(); ++i) {
            if (!std::isfinite(s->mean[i]) || !std::isfinite(s->std[i]) || !(s->std[i] > 0))
                return makeError(ErrorCode::InvalidArgument,
                    "model scaler needs finite means and positive standard deviations");
        }
    }
    return {};
}

} // namespace

std::string scalerToJson(const Scaler& scaler)
{
    return compact(QJsonDocument(scalerObject(scaler)));
}

Result<Scaler> scalerFromJson(const std::string& json)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &e);
    if (e.error != QJsonParseError::NoError)
        return makeError(
            ErrorCode::BadData, "scaler is not valid JSON (" + e.errorString().toStdString() + ")");
    if (!doc.isObject())
        return makeError(ErrorCode::BadData, "scaler is not a JSON object");
    return scalerFromValue(doc.object());
}

Result<std::int64_t> saveModel(ProjectStore& store, const ModelRecord& record)
{
    if (auto s = checkRecord(record); !s)
        return s.error();
    Database& db = store.db();
    Transaction tx(db);
    if (auto s = tx.begin(); !s)
        return s.error();
    const bool insert = record.id == 0;
    auto st = db.prepare(insert
            ? "INSERT INTO models (name, kind, origin, ticker, created_utc, spec_json, "
              "metrics_json, history_json, train_seconds, device, weights) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
            : "UPDATE models SET name = ?1, kind = ?2, origin = ?3, ticker = ?4, "
              "created_utc = ?5, spec_json = ?6, metrics_json = ?7, history_json = ?8, "
              "train_seconds = ?9, device = ?10, weights = ?11 WHERE id = ?12");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(record.name));
    st->bind(2, std::string_view(record.kind));
    st->bind(3, std::string_view(record.origin));
    st->bind(4, std::string_view(record.ticker));
    st->bind(5, std::string_view(record.createdUtc.empty() ? utcNowIso() : record.createdUtc));
    st->bind(6, std::string_view(specJson(record)));
    st->bind(7, std::string_view(record.metricsJson.empty() ? "{}" : record.metricsJson));
    st->bind(8, std::string_view(record.historyJson.empty() ? "[]" : record.historyJson));
    st->bind(9, record.trainSeconds);
    st->bind(10, std::string_view(record.device));
    bindBlob(*st, 11, record.weights);
    if (!insert)
        st->bind(12, record.id);
    if (auto s = insert ? st->run() : st->runOnExistingRow(noModel(record.id)); !s)
        return s.error();
    const std::int64_t id = insert ? db.lastInsertRowId() : record.id;
    if (auto s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<std::vector<ModelRecord>> listModels(ProjectStore& store)
{
    auto st = store.db().prepare(
        std::string("SELECT ") + kColumns + " FROM models ORDER BY created_utc DESC, id DESC");
    if (!st)
        return st.error();
    std::vector<ModelRecord> out;
    const Status rows = st->forEachRow([&]() -> Status {
        auto r = recordFromRow(*st);
        if (!r)
            return r.error();
        out.push_back(std::move(*r));
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Result<ModelRecord> loadModel(ProjectStore& store, std::int64_t id)
{
    auto st = store.db().prepare(
        std::string("SELECT ") + kColumns + ", weights FROM models WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind(1, id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, noModel(id));
    auto r = recordFromRow(*st);
    if (!r)
        return r.error();
    r->weights = columnBlob(*st, 11);
    return r;
}

Status deleteModel(ProjectStore& store, std::int64_t id)
{
    auto st = store.db().prepare("DELETE FROM models WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind(1, id);
    return st->runOnExistingRow(noModel(id));
}

Status renameModel(ProjectStore& store, std::int64_t id, const std::string& name)
{
    auto st = store.db().prepare("UPDATE models SET name = ?1 WHERE id = ?2");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(name));
    st->bind(2, id);
    return st->runOnExistingRow(noModel(id));
}

} // namespace marketlens::core::forecast
