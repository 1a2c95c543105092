// The tail-risk result as a project record and its metrics JSON (written by the CLI and the GUI,
// read back by the Risk tab). Torch-free.
#include "models/tail_risk.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>
#include <limits>

namespace marketlens::models {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// JSON has no NaN: a missing number is null.
QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

double numOf(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QJsonObject calibrationJson(const TailRiskCalibration& c)
{
    QJsonArray bins;
    for (const ReliabilityBin& b : c.reliability) {
        bins.append(QJsonObject {{QStringLiteral("lower"), b.lower},
            {QStringLiteral("upper"), b.upper}, {QStringLiteral("count"), double(b.count)},
            {QStringLiteral("meanPredicted"), b.meanPredicted},
            {QStringLiteral("observedRate"), b.observedRate}});
    }
    return QJsonObject {{QStringLiteral("testCount"), double(c.testCount)},
        {QStringLiteral("baseRate"), num(c.baseRate)},
        {QStringLiteral("testRate"), num(c.testRate)}, {QStringLiteral("brier"), num(c.brier)},
        {QStringLiteral("brierBaseRate"), num(c.brierBaseRate)},
        {QStringLiteral("brierSkill"), num(c.brierSkill)}, {QStringLiteral("lift"), num(c.lift)},
        {QStringLiteral("auc"), num(c.auc)}, {QStringLiteral("reliability"), bins}};
}

QJsonObject metricsObject(
    const TailRiskResult& r, const TailRiskConfig& config, const std::string& portfolio)
{
    QJsonArray scores;
    for (const TailRiskScore& s : r.scores) {
        scores.append(QJsonObject {{QStringLiteral("ticker"), q(s.ticker)},
            {QStringLiteral("asOf"), q(s.asOf.toIso())},
            {QStringLiteral("probability"), num(s.probability)},
            {QStringLiteral("baseRate"), num(s.baseRate)}});
    }
    return QJsonObject {{QStringLiteral("portfolio"), q(portfolio)},
        {QStringLiteral("horizonDays"), config.horizonDays},
        {QStringLiteral("varLevel"), config.varLevel}, {QStringLiteral("window"), config.window},
        {QStringLiteral("trainLast"), q(r.trainLast.toIso())},
        {QStringLiteral("validationLast"), q(r.validationLast.toIso())},
        {QStringLiteral("trainCount"), double(r.trainCount)},
        {QStringLiteral("validationCount"), double(r.validationCount)},
        {QStringLiteral("positiveWeight"), num(r.positiveWeight)},
        {QStringLiteral("calibration"), calibrationJson(r.calibration)},
        {QStringLiteral("scores"), scores}};
}

std::string compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

std::string tailRiskMetricsJson(
    const TailRiskResult& result, const TailRiskConfig& config, const std::string& portfolio)
{
    return compact(metricsObject(result, config, portfolio));
}

core::Result<core::forecast::ModelRecord> tailRiskRecord(
    const TailRiskResult& result, const TailRiskConfig& config, const std::string& portfolio)
{
    auto bytes = result.outcome.model.toBytes();
    if (!bytes)
        return bytes.error();
    core::forecast::ModelRecord rec;
    rec.name = "Tail risk " + portfolio;
    rec.kind = kTailRiskKind;
    rec.origin = "trained";
    rec.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    rec.features = {"logret", "vol20"};
    rec.window = config.window;
    rec.horizon = config.horizonDays;
    rec.seed = config.training.seed;
    rec.trainFirst = result.trainFirst;
    rec.trainLast = result.trainLast;
    rec.dataHash = result.dataHash;
    // The per-holding input scalers and the network/training settings.
    QJsonArray scalers;
    for (std::size_t i = 0; i < result.scalers.size() && i < result.scores.size(); ++i) {
        const core::risk::TailScaler& s = result.scalers[i];
        scalers.append(QJsonObject {{QStringLiteral("ticker"), q(result.scores[i].ticker)},
            {QStringLiteral("mean"), QJsonArray {s.mean[0], s.mean[1]}},
            {QStringLiteral("std"), QJsonArray {s.std[0], s.std[1]}}});
    }
    const TrainOptions& t = config.training;
    rec.hyperParamsJson = compact(QJsonObject {
        {QStringLiteral("network"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("cnn")},
                {QStringLiteral("window"), result.spec.window},
                {QStringLiteral("features"), result.spec.features}, {QStringLiteral("outputs"), 1},
                {QStringLiteral("hidden"), result.spec.hidden},
                {QStringLiteral("layers"), result.spec.layers},
                {QStringLiteral("dropout"), result.spec.dropout}}},
        {QStringLiteral("training"),
            QJsonObject {{QStringLiteral("epochs"), t.epochs},
                {QStringLiteral("batchSize"), t.batchSize},
                {QStringLiteral("learningRate"), t.learningRate},
                {QStringLiteral("weightDecay"), t.weightDecay},
                {QStringLiteral("clipNorm"), t.clipNorm}, {QStringLiteral("patience"), t.patience},
                {QStringLiteral("positiveWeight"), result.positiveWeight},
                {QStringLiteral("objective"), QStringLiteral("bce")}}},
        {QStringLiteral("probability"), QStringLiteral("sigmoid(logit - log(positiveWeight))")},
        {QStringLiteral("scalers"), scalers}});
    rec.metricsJson = tailRiskMetricsJson(result, config, portfolio);
    QJsonArray history;
    for (const EpochRecord& e : result.outcome.history) {
        history.append(QJsonObject {{QStringLiteral("epoch"), e.epoch},
            {QStringLiteral("trainLoss"), num(e.trainLoss)},
            {QStringLiteral("valLoss"), num(e.valLoss)},
            {QStringLiteral("learningRate"), num(e.learningRate)},
            {QStringLiteral("seconds"), num(e.seconds)}});
    }
    rec.historyJson = QJsonDocument(history).toJson(QJsonDocument::Compact).toStdString();
    rec.trainSeconds = result.outcome.seconds;
    rec.device = result.outcome.device;
    rec.weights = std::move(*bytes);
    return rec;
}

core::Result<StoredTailRisk> parseTailRiskMetrics(const std::string& metricsJson)
{
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromStdString(metricsJson), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return core::makeError(core::ErrorCode::BadData,
            "tail-risk metrics are not a JSON object: " + error.errorString().toStdString());
    const QJsonObject o = doc.object();
    StoredTailRisk out;
    out.portfolio = o.value(QStringLiteral("portfolio")).toString().toStdString();
    const QJsonObject c = o.value(QStringLiteral("calibration")).toObject();
    out.calibration.testCount = std::size_t(c.value(QStringLiteral("testCount")).toDouble());
    out.calibration.baseRate = numOf(c.value(QStringLiteral("baseRate")));
    out.calibration.testRate = numOf(c.value(QStringLiteral("testRate")));
    out.calibration.brier = numOf(c.value(QStringLiteral("brier")));
    out.calibration.brierBaseRate = numOf(c.value(QStringLiteral("brierBaseRate")));
    out.calibration.brierSkill = numOf(c.value(QStringLiteral("brierSkill")));
    out.calibration.lift = numOf(c.value(QStringLiteral("lift")));
    out.calibration.auc = numOf(c.value(QStringLiteral("auc")));
    for (const QJsonValue& v : c.value(QStringLiteral("reliability")).toArray()) {
        const QJsonObject b = v.toObject();
        ReliabilityBin bin;
        bin.lower = b.value(QStringLiteral("lower")).toDouble();
        bin.upper = b.value(QStringLiteral("upper")).toDouble();
        bin.count = std::size_t(b.value(QStringLiteral("count")).toDouble());
        bin.meanPredicted = b.value(QStringLiteral("meanPredicted")).toDouble();
        bin.observedRate = b.value(QStringLiteral("observedRate")).toDouble();
        out.calibration.reliability.push_back(bin);
    }
    for (const QJsonValue& v : o.value(QStringLiteral("scores")).toArray()) {
        const QJsonObject s = v.toObject();
        TailRiskScore score;
        score.ticker = s.value(QStringLiteral("ticker")).toString().toStdString();
        if (auto d = core::Date::fromIso(s.value(QStringLiteral("asOf")).toString().toStdString()))
            score.asOf = *d;
        score.probability = numOf(s.value(QStringLiteral("probability")));
        score.baseRate = numOf(s.value(QStringLiteral("baseRate")));
        out.scores.push_back(std::move(score));
    }
    if (out.scores.empty())
        return core::makeError(core::ErrorCode::BadData, "tail-risk metrics hold no scores");
    return out;
}

} // namespace marketlens::models
