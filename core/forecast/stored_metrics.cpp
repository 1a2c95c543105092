#include "core/forecast/stored_metrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace marketlens::core::forecast {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QLatin1String key(const char* k)
{
    return QLatin1String(k);
}

// The first numeric member among `keys` (NaN when none).
double number(const QJsonObject& o, std::initializer_list<const char*> keys)
{
    for (const char* k : keys) {
        const QJsonValue v = o.value(key(k));
        if (v.isDouble())
            return v.toDouble();
    }
    return kNaN;
}

// Errors read from an object holding them directly or under "errors"/"metrics"/"test".
bool readErrors(QJsonObject o, ForecastErrors& e)
{
    for (const char* nested : {"errors", "metrics", "test"})
        if (!o.contains(key("mae")) && o.value(key(nested)).isObject())
            o = o.value(key(nested)).toObject();
    if (!o.contains(key("mae")))
        return false;
    const double n = number(o, {"count", "n"});
    e.count = std::isfinite(n) && n > 0 ? std::size_t(n) : 0;
    e.mae = number(o, {"mae"});
    e.rmse = number(o, {"rmse"});
    e.mape = number(o, {"mape"});
    e.smape = number(o, {"smape"});
    e.mase = number(o, {"mase"});
    e.directional = number(o, {"directional", "direction", "directional_accuracy"});
    e.coverage80 = number(o, {"coverage80", "coverage_80", "cov80"});
    e.coverage95 = number(o, {"coverage95", "coverage_95", "cov95"});
    return true;
}

bool isModelEntry(const QString& name, const QJsonObject& o, const QString& kind)
{
    for (const char* k : {"isModel", "is_model", "model"})
        if (o.value(key(k)).isBool())
            return o.value(key(k)).toBool();
    return name == QLatin1String("model") || (!kind.isEmpty() && name == kind);
}

constexpr int kUnknownBaseline = 5;

// Position in the tables: the model first, then the baselines in allBaselines order.
int baselineOrder(const ScoredForecaster& s)
{
    static const char* const order[]
        = {"naive", "drift", "seasonal_naive", "moving_average", "linear_ar"};
    if (s.isModel)
        return -1;
    for (int i = 0; i < kUnknownBaseline; ++i)
        if (s.name == order[i])
            return i;
    return kUnknownBaseline;
}

void collect(const QJsonObject& root, const QString& kind, std::vector<ScoredForecaster>& out)
{
    QJsonValue list = root.value(key("forecasters"));
    if (!list.isArray())
        list = root.value(key("scores"));
    if (list.isArray()) {
        for (const QJsonValue& v : list.toArray()) {
            const QJsonObject o = v.toObject();
            ScoredForecaster s;
            s.name = o.value(key("name")).toString().toStdString();
            s.isModel = isModelEntry(QString::fromStdString(s.name), o, kind);
            if (readErrors(o, s.errors))
                out.push_back(std::move(s));
        }
        return;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it.value().isObject() || it.key() == QLatin1String("training"))
            continue;
        const QJsonObject o = it.value().toObject();
        ScoredForecaster s;
        s.name = o.value(key("name")).isString() ? o.value(key("name")).toString().toStdString()
                                                 : it.key().toStdString();
        s.isModel = isModelEntry(it.key(), o, kind);
        if (readErrors(o, s.errors))
            out.push_back(std::move(s));
        else if (out.empty() && it.key() == QLatin1String("test"))
            collect(o, kind, out); // {"test": {"lstm": {...}, "naive": {...}}}
    }
}

} // namespace

const ScoredForecaster* StoredMetrics::model() const
{
    for (const ScoredForecaster& s : scores)
        if (s.isModel)
            return &s;
    return nullptr;
}

const ScoredForecaster* StoredMetrics::find(const std::string& baseline) const
{
    for (const ScoredForecaster& s : scores)
        if (!s.isModel && s.name == baseline)
            return &s;
    return nullptr;
}

StoredMetrics parseStoredMetrics(const std::string& json, const std::string& modelKind)
{
    StoredMetrics m;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject())
        return m;
    const QJsonObject root = doc.object();
    collect(root, QString::fromStdString(modelKind), m.scores);
    // An imported model's side file names the model by its architecture ("lstm") while the
    // record's kind may be "imported": the one entry that is not a baseline is the model.
    if (!m.model()) {
        ScoredForecaster* only = nullptr;
        int others = 0;
        for (ScoredForecaster& s : m.scores)
            if (baselineOrder(s) == kUnknownBaseline) {
                only = &s;
                ++others;
            }
        if (others == 1)
            only->isModel = true;
    }
    std::stable_sort(m.scores.begin(), m.scores.end(),
        [](const auto& a, const auto& b) { return baselineOrder(a) < baselineOrder(b); });
    for (const char* k : {"beatsNaive", "beats_naive"})
        if (root.value(key(k)).isBool())
            m.beatsNaive = root.value(key(k)).toBool();
    const ScoredForecaster* model = m.model();
    const ScoredForecaster* naive = m.find("naive");
    if (!m.beatsNaive && model && naive && std::isfinite(model->errors.mae)
        && std::isfinite(naive->errors.mae)) {
        // models::Evaluation's rule: MAE (and MASE where known) below the naive forecast's.
        const bool mase = !std::isfinite(model->errors.mase) || !std::isfinite(naive->errors.mase)
            || model->errors.mase < naive->errors.mase;
        m.beatsNaive = mase && model->errors.mae < naive->errors.mae;
    }
    m.verdict = root.value(key("verdict")).toString().toStdString();
    const QJsonObject test = root.value(key("test")).toObject();
    m.testFirst = test.value(key("first")).toString().toStdString();
    m.testLast = test.value(key("last")).toString().toStdString();
    m.origins = test.value(key("origins")).toInteger();
    const QJsonObject training = root.value(key("training")).toObject();
    m.epochsRun = training.value(key("epochsRun")).toInteger();
    m.bestEpoch = training.value(key("bestEpoch")).toInteger();
    return m;
}

} // namespace marketlens::core::forecast
