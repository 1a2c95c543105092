// `marketlens signals FILE.mlens --ticker T --model rf|gbm|svm|logit|mlp ...` (docs/cli.md,
// docs/signals.md): builds the ticker's signal features (with the market and, when present, the
// news sentiment index), trains and evaluates a classifier (models/signals/signal_pipeline.h),
// prints its metrics next to the baselines, the backtest next to buy-and-hold, the top features
// and the latest signal with its explanation, and stores the model unless --no-save.
#include "models/cli_models.h"

#include "core/cli_support.h"
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "core/signals/signal_features.h"
#include "models/cli_models_support.h"
#include "models/signals/signal_pipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <optional>

namespace marketlens::models {

namespace {

namespace cli = core::cli;
namespace cs = core::signals;
namespace ms = models::signals;
using cli_detail::jsonNumber;
using cli_detail::num;
using cli_detail::Table;

struct Options {
    ms::SignalConfig config;
    cs::LabelSpec label;
    std::string ticker, market;
    std::optional<core::Date> explainDate;
    bool save = true;
};

// The option's value as a number in [lo, hi]; a usage message otherwise.
QString readNumber(
    const cli::Args& a, const char* name, double lo, double hi, double& target, bool whole = false)
{
    const QString key = QString::fromLatin1(name);
    if (!a.values.contains(key))
        return {};
    bool ok = false;
    const double v = a.values.value(key).toDouble(&ok);
    if (!ok || !(v >= lo && v <= hi) || (whole && v != std::floor(v)))
        return QStringLiteral("--%1 needs %2 from %3 to %4")
            .arg(key, whole ? QStringLiteral("a whole number") : QStringLiteral("a number"))
            .arg(lo)
            .arg(hi);
    target = v;
    return {};
}

QString readOptions(const cli::Args& a, Options& o)
{
    o.ticker = a.values.value(QStringLiteral("ticker")).toStdString();
    const QString model = a.values.value(QStringLiteral("model"));
    const auto kind = ms::kindFromKey(model.toStdString());
    if (!kind)
        return QStringLiteral("--model must be rf, gbm, svm, logit or mlp, not '%1'").arg(model);
    o.config.kind = *kind;
    double horizon = 1, classes = 2, threshold = -1, folds = 0;
    double cost = o.config.backtest.costBps, slip = o.config.backtest.slippageBps;
    for (const QString& e : {readNumber(a, "horizon", 1, 250, horizon, true),
             readNumber(a, "classes", 2, 3, classes, true),
             readNumber(a, "threshold", 0, 1, threshold), readNumber(a, "cost-bps", 0, 10000, cost),
             readNumber(a, "slippage-bps", 0, 10000, slip),
             readNumber(a, "folds", 0, 50, folds, true)}) {
        if (!e.isEmpty())
            return e;
    }
    o.label.horizon = int(horizon);
    o.label.classes = int(classes);
    // A flat band only means something with 3 classes; 0.5 % a day by default.
    o.label.threshold = o.label.classes == 3 ? (threshold >= 0 ? threshold : 0.005) : 0.0;
    if (o.label.classes == 2 && threshold > 0)
        return QStringLiteral("--threshold needs --classes 3 (the flat class)");
    o.config.backtest.costBps = cost;
    o.config.backtest.slippageBps = slip;
    o.config.backtest.mode = a.has(QStringLiteral("long-short")) ? cs::PositionMode::LongShort
                                                                 : cs::PositionMode::LongFlat;
    o.config.walkForwardFolds = int(folds);
    o.config.search = !a.has(QStringLiteral("no-search"));
    o.save = !a.has(QStringLiteral("no-save"));
    o.market = a.values.value(QStringLiteral("market")).toStdString();
    if (a.values.contains(QStringLiteral("seed"))) {
        bool ok = false;
        o.config.seed = a.values.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed needs a non-negative whole number");
    }
    if (a.values.contains(QStringLiteral("explain"))) {
        const QString d = a.values.value(QStringLiteral("explain"));
        o.explainDate = core::Date::fromIso(d.toStdString());
        if (!o.explainDate)
            return QStringLiteral("--explain needs a date YYYY-MM-DD, not '%1'").arg(d);
    }
    return {};
}

core::Result<core::PriceSeries> seriesOf(core::ProjectStore& store, const std::string& ticker)
{
    auto s = store.prices(ticker);
    if (!s)
        return s.error();
    if (s->empty())
        return core::makeError(
            core::ErrorCode::NotFound, "no prices of '" + ticker + "' in the project");
    return s;
}

// --market T's returns, or the equal-weighted market of the project's other instruments (none
// when there are no others).
core::Result<std::optional<cs::MarketReturns>> marketOf(core::ProjectStore& store, const Options& o)
{
    if (!o.market.empty()) {
        auto s = seriesOf(store, o.market);
        if (!s)
            return s.error();
        return std::optional<cs::MarketReturns>(cs::marketFromSeries(*s));
    }
    auto list = store.instruments();
    if (!list)
        return list.error();
    std::vector<core::PriceSeries> others;
    for (const core::InstrumentInfo& i : *list) {
        if (i.ticker == o.ticker)
            continue;
        auto s = store.prices(i.ticker);
        if (!s)
            return s.error();
        others.push_back(std::move(*s));
    }
    cs::MarketReturns m = cs::equalWeightedMarket(others, o.ticker);
    if (m.dates.empty())
        return std::optional<cs::MarketReturns>();
    return std::optional<cs::MarketReturns>(std::move(m));
}

QString className(int cls, int classes)
{
    if (cls == classes - 1)
        return QStringLiteral("up");
    if (classes == 3 && cls == 1)
        return QStringLiteral("flat");
    return cls == 0 ? QStringLiteral("down") : QStringLiteral("?");
}

QString pct(double v)
{
    return num(v * 100.0, 2);
}

void printMetrics(QTextStream& out, const ms::SignalEvaluation& ev, int classes)
{
    Table t({QStringLiteral("classifier"), QStringLiteral("accuracy"), QStringLiteral("precision"),
        QStringLiteral("recall"), QStringLiteral("F1"), QStringLiteral("ROC AUC"),
        QStringLiteral("n")});
    for (const cs::ClassificationMetrics* m :
        {&ev.metrics.model, &ev.metrics.majority, &ev.metrics.alwaysUp}) {
        t.add({cli::q(m->name) + (m == &ev.metrics.model ? QStringLiteral(" (model)") : QString()),
            num(m->accuracy, 4), num(m->precision, 4), num(m->recall, 4), num(m->f1, 4),
            num(m->rocAuc, 4), QString::number(qulonglong(m->count))});
    }
    t.print(out);
    out << "\nConfusion matrix of the model (rows: true class, columns: predicted):\n";
    QStringList header {QString()};
    for (int c = 0; c < classes; ++c)
        header << className(c, classes);
    Table cm(header);
    for (int i = 0; i < classes && std::size_t(i) < ev.metrics.model.confusion.size(); ++i) {
        QStringList row {className(i, classes)};
        for (long v : ev.metrics.model.confusion[std::size_t(i)])
            row << QString::number(v);
        cm.add(row);
    }
    cm.print(out);
    out << '\n' << cli::q(ev.metrics.verdict) << '\n';
}

void printBacktest(QTextStream& out, const ms::SignalEvaluation& ev, const ms::SignalConfig& c)
{
    out << "\nBacktest over the test rows ("
        << (c.backtest.mode == cs::PositionMode::LongShort ? "long/short" : "long/flat")
        << ", costs " << c.backtest.costBps << " bp + slippage " << c.backtest.slippageBps
        << " bp per unit traded):\n";
    Table t({QStringLiteral("strategy"), QStringLiteral("total %"), QStringLiteral("annual %"),
        QStringLiteral("volatility %"), QStringLiteral("Sharpe"), QStringLiteral("max DD %"),
        QStringLiteral("turnover/yr"), QStringLiteral("trades"), QStringLiteral("hit rate %"),
        QStringLiteral("exposure %")});
    for (const cs::StrategyStats* s : {&ev.backtest.strategy, &ev.backtest.buyAndHold})
        t.add({cli::q(s->name), pct(s->totalReturn), pct(s->annualReturn), pct(s->annualVolatility),
            num(s->sharpe, 3), pct(s->maxDrawdown), num(s->turnover, 2), QString::number(s->trades),
            pct(s->hitRate), pct(s->exposure)});
    t.print(out);
    out << '\n' << cli::q(ev.backtest.verdict) << '\n';
}

void printImportance(QTextStream& out, const ms::SignalEvaluation& ev, std::size_t top)
{
    out << "\nTop features (permutation importance: drop in test accuracy when shuffled"
        << cli::q(ev.attributionMethod.empty()
                   ? std::string()
                   : "; mean |" + ev.attributionMethod + "| attribution")
        << "):\n";
    Table t({QStringLiteral("feature"), QStringLiteral("permutation"), QStringLiteral("std"),
        QStringLiteral("mean |attribution|")});
    for (std::size_t i = 0; i < ev.importance.size() && i < top; ++i) {
        const ms::FeatureImportance& f = ev.importance[i];
        t.add({cli::q(f.feature), num(f.permutation, 4), num(f.permutationStd, 4),
            f.meanAbsAttribution >= 0 ? num(f.meanAbsAttribution, 4) : QStringLiteral("-")});
    }
    t.print(out);
}

void printExplanation(QTextStream& out, const ms::SignalExplanation& e, int classes, bool latest)
{
    out << '\n'
        << (latest ? "Latest signal" : "Signal") << " for " << cli::q(e.point.date.toIso()) << ": "
        << className(e.point.predicted, classes).toUpper() << " (P(up) " << num(e.point.probaUp, 3)
        << ')';
    if (e.point.truth >= 0)
        out << ", actual " << className(e.point.truth, classes);
    out << "\nWhy (" << cli::q(e.method) << ", in " << cli::q(e.unit) << "; base " << num(e.base, 4)
        << "):\n";
    std::vector<std::size_t> order(e.features.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&e](std::size_t a, std::size_t b) {
        return std::abs(e.contributions[a]) > std::abs(e.contributions[b]);
    });
    Table t({QStringLiteral("feature"), QStringLiteral("value"), QStringLiteral("contribution")});
    for (std::size_t i = 0; i < order.size() && i < 8; ++i)
        t.add({cli::q(e.features[order[i]]), num(e.rawValues[order[i]], 4),
            num(e.contributions[order[i]], 4)});
    t.print(out);
}

QJsonObject explanationJson(const ms::SignalExplanation& e, int classes)
{
    QJsonObject o;
    o[QStringLiteral("date")] = cli::q(e.point.date.toIso());
    o[QStringLiteral("signal")] = e.point.predicted;
    o[QStringLiteral("label")] = className(e.point.predicted, classes);
    o[QStringLiteral("probaUp")] = jsonNumber(e.point.probaUp);
    o[QStringLiteral("truth")] = e.point.truth;
    o[QStringLiteral("method")] = cli::q(e.method);
    o[QStringLiteral("unit")] = cli::q(e.unit);
    o[QStringLiteral("base")] = jsonNumber(e.base);
    QJsonArray fs;
    for (std::size_t i = 0; i < e.features.size(); ++i) {
        QJsonObject f;
        f[QStringLiteral("feature")] = cli::q(e.features[i]);
        f[QStringLiteral("value")] = jsonNumber(e.rawValues[i]);
        f[QStringLiteral("contribution")] = jsonNumber(e.contributions[i]);
        fs.append(f);
    }
    o[QStringLiteral("contributions")] = fs;
    return o;
}

QJsonArray numbers(const std::vector<double>& v)
{
    QJsonArray a;
    for (double x : v)
        a.append(jsonNumber(x));
    return a;
}

} // namespace

int cmdSignals(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    const QStringList values = {QStringLiteral("ticker"), QStringLiteral("model"),
        QStringLiteral("horizon"), QStringLiteral("classes"), QStringLiteral("threshold"),
        QStringLiteral("cost-bps"), QStringLiteral("slippage-bps"), QStringLiteral("market"),
        QStringLiteral("folds"), QStringLiteral("explain"), QStringLiteral("seed")};
    const QStringList flags = {QStringLiteral("json"), QStringLiteral("long-short"),
        QStringLiteral("no-search"), QStringLiteral("no-save")};
    if (const QString e = cli::parseArgs(args, flags, values, a); !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("signals needs exactly one project FILE"), err);
    if (!a.values.contains(QStringLiteral("ticker")) || !a.values.contains(QStringLiteral("model")))
        return cli::usage(QStringLiteral("signals needs --ticker T and --model KIND"), err);
    Options o;
    if (const QString e = readOptions(a, o); !e.isEmpty())
        return cli::usage(e, err);
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = cli_detail::openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto series = seriesOf(*store, o.ticker);
    if (!series)
        return cli::fail(series.error(), json, out, err);
    auto market = marketOf(*store, o);
    if (!market)
        return cli::fail(market.error(), json, out, err);
    std::optional<std::vector<core::news::DailySentiment>> sentiment;
    if (auto index = cli_detail::sentimentIndexOf(*store, series->ticker); index)
        sentiment = std::move(*index);
    else if (index.error().code != core::ErrorCode::NotFound)
        return cli::fail(index.error(), json, out, err);
    auto data = cs::buildSignalDataset(
        *series, o.label, {}, *market ? &**market : nullptr, sentiment ? &*sentiment : nullptr);
    if (!data)
        return cli::fail(data.error(), json, out, err);

    int lastDecile = -1;
    const core::Progress progress = [&](std::int64_t done, std::int64_t total) {
        const int decile = total > 0 ? int(done * 10 / total) : 0;
        if (!json && decile != lastDecile) {
            lastDecile = decile;
            err << "training " << decile * 10 << " %\n";
            err.flush();
        }
        return true;
    };
    auto trained = ms::trainSignalModel(*data, o.config, progress);
    if (!trained)
        return cli::fail(trained.error(), json, out, err);
    const ms::SignalEvaluation& ev = trained->evaluation;
    std::size_t explainRow = data->rows() - 1;
    if (o.explainDate) {
        const auto it = std::find(data->dates.begin(), data->dates.end(), *o.explainDate);
        if (it == data->dates.end())
            return cli::fail(
                core::makeError(core::ErrorCode::NotFound,
                    "no signal row of " + o.ticker + " on " + o.explainDate->toIso()
                        + " (rows run from " + data->dates.front().toIso() + " to "
                        + data->dates.back().toIso() + ", business days with a price)"),
                json, out, err);
        explainRow = std::size_t(it - data->dates.begin());
    }
    auto why = ms::explainSignal(trained->record, *data, explainRow);
    if (!why)
        return cli::fail(why.error(), json, out, err);
    qint64 id = 0;
    if (o.save) {
        auto saved = core::forecast::saveModel(*store, trained->record);
        if (!saved)
            return cli::fail(saved.error(), json, out, err);
        id = *saved;
    }
    const core::forecast::ModelRecord& r = trained->record;
    const int classes = o.label.classes;

    if (json) {
        // The stored metrics document (docs/signals.md) plus what is not stored.
        QJsonObject j = cli_detail::parsedObject(r.metricsJson);
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("id")] = o.save ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
        j[QStringLiteral("name")] = cli::q(r.name);
        j[QStringLiteral("kind")] = cli::q(r.kind);
        j[QStringLiteral("ticker")] = cli::q(r.ticker);
        j[QStringLiteral("market")] = cli::q(data->market);
        QJsonArray features;
        for (const std::string& f : r.features)
            features.append(cli::q(f));
        j[QStringLiteral("features")] = features;
        j[QStringLiteral("rows")] = qint64(data->rows());
        j[QStringLiteral("hyperParams")] = cli_detail::parsedObject(r.hyperParamsJson);
        j[QStringLiteral("trainFirst")] = cli_detail::dateText(r.trainFirst);
        j[QStringLiteral("trainLast")] = cli_detail::dateText(r.trainLast);
        j[QStringLiteral("trainSeconds")] = r.trainSeconds;
        QJsonObject bt = j.value(QStringLiteral("backtest")).toObject();
        QJsonArray dates;
        for (const core::Date& d : ev.backtest.dates)
            dates.append(cli::q(d.toIso()));
        bt[QStringLiteral("dates")] = dates;
        QJsonObject sig = bt.value(QStringLiteral("signal")).toObject();
        sig[QStringLiteral("equity")] = numbers(ev.backtest.strategy.equity);
        sig[QStringLiteral("positions")] = numbers(ev.backtest.strategy.positions);
        bt[QStringLiteral("signal")] = sig;
        QJsonObject bh = bt.value(QStringLiteral("buyAndHold")).toObject();
        bh[QStringLiteral("equity")] = numbers(ev.backtest.buyAndHold.equity);
        bt[QStringLiteral("buyAndHold")] = bh;
        j[QStringLiteral("backtest")] = bt;
        QJsonArray points;
        for (const ms::SignalPoint& p : ev.testPoints)
            points.append(QJsonObject {{QStringLiteral("date"), cli::q(p.date.toIso())},
                {QStringLiteral("signal"), p.predicted},
                {QStringLiteral("probaUp"), jsonNumber(p.probaUp)},
                {QStringLiteral("truth"), p.truth}});
        j[QStringLiteral("testPoints")] = points;
        j[QStringLiteral("explanation")] = explanationJson(*why, classes);
        cli::printJson(out, j);
        return core::kExitOk;
    }

    out << "Signals for " << cli::q(r.ticker) << ": " << cli::q(ms::kindLabel(o.config.kind))
        << " (" << cli::q(r.kind) << "), next " << o.label.horizon << "-day direction, " << classes
        << " classes";
    if (classes == 3)
        out << " (flat within +/-" << o.label.threshold << " log return)";
    out << "; market: " << (data->market.empty() ? QStringLiteral("none") : cli::q(data->market))
        << '\n';
    out << "Features: " << cli::q([&] {
        std::string s;
        for (const std::string& f : r.features)
            s += (s.empty() ? "" : ", ") + f;
        return s;
    }()) << '\n';
    for (const ms::SearchCandidate& c : ev.search)
        if (c.chosen)
            out << "Search: " << ev.search.size() << " candidates over " << o.config.searchFolds
                << " time-series folds of the training rows; chosen " << cli::q(c.description)
                << " (CV accuracy " << num(c.cvAccuracy, 4) << ")\n";
    const QString trainedOn = cli_detail::dateText(r.trainFirst) + QStringLiteral(" .. ")
        + cli_detail::dateText(r.trainLast);
    const QString tested = QStringLiteral("%1 rows %2 .. %3")
                               .arg(ev.testPoints.size())
                               .arg(cli::q(ev.testPoints.front().date.toIso()),
                                   cli::q(ev.testPoints.back().date.toIso()));
    if (ev.splits.size() > 1)
        out << "Tested on " << tested << " in " << ev.splits.size()
            << " walk-forward folds, each refitted on the rows before it; the stored model (last "
               "fold) was trained on "
            << trainedOn;
    else
        out << "Trained on " << trainedOn << "; tested on " << tested;
    out << " (" << num(r.trainSeconds, 1) << " s)\n\n";
    printMetrics(out, ev, classes);
    printBacktest(out, ev, o.config);
    printImportance(out, ev, 8);
    printExplanation(out, *why, classes, !o.explainDate);
    if (o.save)
        out << "\nModel " << id << " saved: " << cli::q(r.name) << '\n';
    out.flush();
    return core::kExitOk;
}

} // namespace marketlens::models
