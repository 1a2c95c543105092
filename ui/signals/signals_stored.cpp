#include "signals_stored.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace cs = core::signals;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double num(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : kNaN;
}

cs::ClassificationMetrics metricsOf(const QJsonObject& o, int classes)
{
    cs::ClassificationMetrics m;
    m.name = o.value(QLatin1String("name")).toString().toStdString();
    m.classes = classes;
    m.count = std::size_t(std::max<qint64>(0, o.value(QLatin1String("count")).toInteger()));
    m.accuracy = num(o, "accuracy");
    m.precision = num(o, "precision");
    m.recall = num(o, "recall");
    m.f1 = num(o, "f1");
    m.rocAuc = num(o, "rocAuc");
    for (const QJsonValue& row : o.value(QLatin1String("confusion")).toArray()) {
        std::vector<long> r;
        for (const QJsonValue& v : row.toArray())
            r.push_back(long(v.toInteger()));
        m.confusion.push_back(std::move(r));
    }
    return m;
}

cs::StrategyStats statsOf(const QJsonObject& o)
{
    cs::StrategyStats s;
    s.name = o.value(QLatin1String("name")).toString().toStdString();
    s.totalReturn = num(o, "totalReturn");
    s.annualReturn = num(o, "annualReturn");
    s.annualVolatility = num(o, "annualVolatility");
    s.sharpe = num(o, "sharpe");
    s.maxDrawdown = num(o, "maxDrawdown");
    s.turnover = num(o, "turnover");
    s.hitRate = num(o, "hitRate");
    s.exposure = num(o, "exposure");
    s.trades = long(o.value(QLatin1String("trades")).toInteger());
    const double costs = num(o, "costsPaid");
    s.costsPaid = std::isfinite(costs) ? costs : 0.0;
    return s;
}

std::optional<core::Date> dateOf(const QJsonObject& o, const char* key)
{
    return core::Date::fromIso(o.value(QLatin1String(key)).toString().toStdString());
}

} // namespace

StoredSignalSummary parseStoredSignalMetrics(const std::string& metricsJson)
{
    StoredSignalSummary out;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(metricsJson));
    if (!doc.isObject())
        return out;
    const QJsonObject root = doc.object();
    const int classes = root.value(QLatin1String("classes")).toInt(2);
    auto& ev = out.evaluation;
    if (root.value(QLatin1String("model")).isObject()) {
        ev.metrics.model = metricsOf(root.value(QLatin1String("model")).toObject(), classes);
        ev.metrics.majority = metricsOf(root.value(QLatin1String("majority")).toObject(), classes);
        ev.metrics.alwaysUp = metricsOf(root.value(QLatin1String("alwaysUp")).toObject(), classes);
        ev.metrics.beatsBaselines = root.value(QLatin1String("beatsBaselines")).toBool();
        ev.metrics.verdict = root.value(QLatin1String("verdict")).toString().toStdString();
        if (root.value(QLatin1String("pValue")).isDouble())
            ev.metrics.pValue = root.value(QLatin1String("pValue")).toDouble();
        out.hasMetrics = std::isfinite(ev.metrics.model.accuracy);
    }
    const QJsonObject bt = root.value(QLatin1String("backtest")).toObject();
    if (bt.value(QLatin1String("signal")).isObject()) {
        ev.backtest.strategy = statsOf(bt.value(QLatin1String("signal")).toObject());
        ev.backtest.buyAndHold = statsOf(bt.value(QLatin1String("buyAndHold")).toObject());
        ev.backtest.beatsBuyAndHold = bt.value(QLatin1String("beatsBuyAndHold")).toBool();
        ev.backtest.verdict = bt.value(QLatin1String("verdict")).toString().toStdString();
        out.longShort = bt.value(QLatin1String("mode")).toString() == QLatin1String("long/short");
        out.hasBacktest = std::isfinite(ev.backtest.strategy.totalReturn);
    }
    for (const QJsonValue& v : root.value(QLatin1String("importance")).toArray()) {
        const QJsonObject f = v.toObject();
        models::signals::FeatureImportance fi;
        fi.feature = f.value(QLatin1String("feature")).toString().toStdString();
        fi.permutation = num(f, "permutation");
        fi.permutationStd = num(f, "permutationStd");
        const double a = num(f, "meanAbsAttribution");
        fi.meanAbsAttribution = std::isfinite(a) ? a : -1.0;
        if (!fi.feature.empty())
            ev.importance.push_back(std::move(fi));
    }
    ev.attributionMethod = root.value(QLatin1String("attributionMethod")).toString().toStdString();
    out.testFirst = dateOf(root, "testFirst");
    out.testLast = dateOf(root, "testLast");
    return out;
}

} // namespace marketlens::ui
