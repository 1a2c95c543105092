#include "models/interchange.h"

#include "core/forecast/forecast_data.h"
#include "models/script_model.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace marketlens::models {
namespace {

using core::ErrorCode;
using core::makeError;
using core::forecast::ModelRecord;
using core::forecast::Scaler;

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QJsonArray doubles(const std::vector<double>& v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

// A JSON text stored in the record (metrics, hyper-parameters) as a value of the side file; text
// that is not JSON travels as a string rather than being lost.
QJsonValue embedded(const std::string& text, QJsonValue empty)
{
    if (text.empty())
        return empty;
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &e);
    if (e.error != QJsonParseError::NoError)
        return qs(text);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

core::Status writeAtomically(const std::string& path, const QByteArray& bytes)
{
    QSaveFile f(qs(path));
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, "cannot write: " + f.errorString().toStdString(), path);
    if (f.write(bytes) != bytes.size() || !f.commit())
        return makeError(ErrorCode::Io, "cannot write: " + f.errorString().toStdString(), path);
    return {};
}

} // namespace

std::string metaPathFor(const std::string& ptPath)
{
    const std::string ext = ".pt";
    if (ptPath.size() > ext.size()
        && ptPath.compare(ptPath.size() - ext.size(), ext.size(), ext) == 0)
        return ptPath.substr(0, ptPath.size() - ext.size()) + ".json";
    return ptPath + ".json";
}

core::Result<std::string> modelMetaJson(const ModelRecord& record)
{
    if (record.quantiles.empty())
        return makeError(ErrorCode::InvalidArgument,
            "only forecasters can be exported (\"" + record.kind
                + "\" is a classifier without quantiles)");
    if (record.features.empty() || record.window < 1 || record.horizon < 1
        || record.featureScaler.mean.size() != record.features.size()
        || record.featureScaler.std.size() != record.features.size()
        || record.targetScaler.mean.size() != std::size_t(record.horizon)
        || record.targetScaler.std.size() != std::size_t(record.horizon))
        return makeError(ErrorCode::InvalidArgument,
            "the model record is incomplete (features, window, horizon or scalers)");
    QJsonObject o;
    o[QStringLiteral("format")] = QLatin1String(kInterchangeFormat);
    o[QStringLiteral("format_version")] = kInterchangeVersion;
    o[QStringLiteral("name")] = qs(record.name);
    o[QStringLiteral("kind")] = qs(record.kind);
    o[QStringLiteral("ticker")] = qs(record.ticker);
    o[QStringLiteral("created_utc")] = qs(record.createdUtc);
    QJsonArray features;
    for (const std::string& f : record.features)
        features.append(qs(f));
    o[QStringLiteral("features")] = features;
    o[QStringLiteral("window")] = record.window;
    o[QStringLiteral("horizon")] = record.horizon;
    o[QStringLiteral("quantiles")] = doubles(record.quantiles);
    auto scaler = [](const Scaler& s) {
        QJsonObject j;
        j[QStringLiteral("mean")] = doubles(s.mean);
        j[QStringLiteral("std")] = doubles(s.std);
        return j;
    };
    o[QStringLiteral("feature_scaler")] = scaler(record.featureScaler);
    o[QStringLiteral("target_scaler")] = scaler(record.targetScaler);
    const int nq = int(record.quantiles.size());
    QJsonObject input;
    input[QStringLiteral("shape")]
        = QJsonArray {QStringLiteral("batch"), record.window, int(record.features.size())};
    input[QStringLiteral("dtype")] = QStringLiteral("float32");
    input[QStringLiteral("meaning")]
        = QStringLiteral("the last `window` rows of the features, oldest first, each scaled as "
                         "(x - feature_scaler.mean) / feature_scaler.std");
    o[QStringLiteral("input")] = input;
    QJsonObject output;
    output[QStringLiteral("shape")] = QJsonArray {QStringLiteral("batch"), record.horizon, nq};
    output[QStringLiteral("dtype")] = QStringLiteral("float32");
    output[QStringLiteral("meaning")] = QStringLiteral(
        "quantiles of the scaled cumulative log return log(P[t+h]/P[t]) for h = 1..horizon; "
        "price = P[t] * exp(z * target_scaler.std[h] + target_scaler.mean[h])");
    o[QStringLiteral("output")] = output;
    QJsonObject training;
    training[QStringLiteral("first")] = record.trainFirst
        ? QJsonValue(qs(record.trainFirst->toIso()))
        : QJsonValue(QJsonValue::Null);
    training[QStringLiteral("last")] = record.trainLast ? QJsonValue(qs(record.trainLast->toIso()))
                                                        : QJsonValue(QJsonValue::Null);
    training[QStringLiteral("data_hash")] = qs(record.dataHash);
    training[QStringLiteral("seed")] = double(record.seed);
    training[QStringLiteral("device")] = qs(record.device);
    training[QStringLiteral("seconds")] = record.trainSeconds;
    o[QStringLiteral("training")] = training;
    o[QStringLiteral("metrics")] = embedded(record.metricsJson, QJsonObject());
    o[QStringLiteral("hyper_params")] = embedded(record.hyperParamsJson, QJsonObject());
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

core::Status exportModel(const ModelRecord& record, const std::string& ptPath)
{
    if (record.weights.empty())
        return makeError(ErrorCode::InvalidArgument, "the model record has no weights");
    auto meta = modelMetaJson(record);
    if (!meta)
        return meta.error();
    if (auto s = writeAtomically(ptPath, QByteArray::fromStdString(record.weights)); !s)
        return s;
    return writeAtomically(metaPathFor(ptPath), QByteArray::fromStdString(*meta));
}

core::Result<ModelRecord> importModel(const std::string& ptPath, const std::string& metaPath)
{
    QFile metaFile(qs(metaPath));
    if (!metaFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            "cannot read the model side file: " + metaFile.errorString().toStdString(), metaPath);
    if (metaFile.size() > (qint64(16) << 20)) // read whole: a side file is about 1 KB
        return makeError(ErrorCode::BadData, "the model side file is larger than 16 MiB", metaPath);
    auto parsed = parseModelMeta(metaFile.readAll().toStdString(), metaPath);
    if (!parsed)
        return parsed.error();
    ModelRecord m = std::move(parsed).value();

    QFile ptFile(qs(ptPath));
    if (!ptFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            "cannot read the model file: " + ptFile.errorString().toStdString(), ptPath);
    if (ptFile.size() > (qint64(2) << 30)) // the limit of ScriptModel, before reading it whole
        return makeError(ErrorCode::BadData, "the model file is larger than 2 GiB", ptPath);
    m.weights = ptFile.readAll().toStdString();
    auto model = ScriptModel::fromBytes(m.weights);
    if (!model) {
        // ScriptModel says "model bytes: not a readable TorchScript model (why)"; the file is
        // named by the error's location instead.
        std::string why = model.error().message;
        const std::string prefix = "model bytes: ";
        if (why.rfind(prefix, 0) == 0)
            why = why.substr(prefix.size());
        if (why.find("TorchScript") == std::string::npos)
            why = "not a readable TorchScript model (" + why + ")";
        return makeError(ErrorCode::BadData, why, ptPath);
    }

    // Batch 2: the batch dimension must be free (a traced model with a hard-coded batch of one
    // would fail later, when a backtest forecasts many origins at once).
    const int batch = 2, nf = int(m.features.size()), nq = int(m.quantiles.size());
    const std::vector<float> zeros(std::size_t(batch) * m.window * nf, 0.0f);
    std::vector<std::int64_t> shape;
    auto out = model->run(zeros, batch, m.window, nf, &shape);
    if (!out)
        return makeError(ErrorCode::BadData,
            "the model fails on an input of shape [" + std::to_string(batch) + ", "
                + std::to_string(m.window) + ", " + std::to_string(nf)
                + "] (batch, window, features from "
                + QFileInfo(qs(metaPath)).fileName().toStdString() + "): " + out.error().message,
            ptPath);
    const std::vector<std::int64_t> expected = {batch, m.horizon, nq};
    if (shape != expected) {
        std::string got;
        for (std::int64_t d : shape)
            got += (got.empty() ? "" : ", ") + std::to_string(d);
        return makeError(ErrorCode::BadData,
            "the model's output has shape [" + got + "] but its side file promises ["
                + std::to_string(batch) + ", " + std::to_string(m.horizon) + ", "
                + std::to_string(nq) + "] (batch, horizon, quantiles)",
            ptPath);
    }
    if (std::any_of(out->begin(), out->end(), [](float v) { return !std::isfinite(v); }))
        return makeError(ErrorCode::BadData,
            "the model's output on an all-zero input is not finite (NaN or "
            "infinity)",
            ptPath);
    if (m.name.empty())
        m.name = QFileInfo(qs(ptPath)).completeBaseName().toStdString();
    m.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    m.device.clear();
    return m;
}

} // namespace marketlens::models
