// The trading signals section: per stored signal model (kind "signal_<key>", see
// docs/signals.md) its test metrics next to the majority and always-up baselines, its backtest
// next to buy-and-hold, and its most important features. Everything is read from the models'
// stored metrics JSON; nothing is retrained here (the report builder is torch-free).
#include "core/report/report_sections.h"

#include "core/forecast/model_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::core::report {

namespace {

namespace fc = core::forecast;

constexpr int kTopFeatures = 8;   // bars in each importance chart
constexpr int kMaxCharts = 4;     // importance charts (newest models first)
constexpr const char* kSignalPrefix = "signal_";

TableCell cell(std::string text, Tone tone = Tone::Normal)
{
    return TableCell {std::move(text), tone};
}

double number(const QJsonObject& o, const char* name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QJsonObject object(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toObject();
}

TableCell verdictCell(const QJsonObject& o, const char* name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isBool())
        return cell(kMissingText, Tone::Muted);
    return v.toBool() ? cell("yes", Tone::Good) : cell("no", Tone::Bad);
}

// "gbm" from "signal_gbm".
std::string modelKey(const fc::ModelRecord& r)
{
    return r.kind.substr(std::string(kSignalPrefix).size());
}

struct SignalModel {
    const fc::ModelRecord* record = nullptr;
    QJsonObject metrics;
};

Table metricsTable(const std::vector<SignalModel>& models)
{
    Table t;
    t.caption = "Signal classifiers against the baselines (chronological test rows)";
    t.columns = {"Model", "Ticker", "Horizon", "Test rows", "Accuracy", "Majority", "Always up",
        "F1", "ROC AUC", "Beats baselines"};
    t.numeric = {false, false, true, true, true, true, true, true, true, false};
    for (const SignalModel& m : models) {
        const QJsonObject model = object(m.metrics, "model");
        t.rows.push_back({cell(m.record->name), cell(m.record->ticker),
            cell(integerText(m.record->horizon) + " d"),
            cell(integerText(std::int64_t(number(m.metrics, "testRows")))),
            cell(fixed(number(model, "accuracy"), 3)),
            cell(fixed(number(object(m.metrics, "majority"), "accuracy"), 3)),
            cell(fixed(number(object(m.metrics, "alwaysUp"), "accuracy"), 3)),
            cell(fixed(number(model, "f1"), 3)), cell(fixed(number(model, "rocAuc"), 3)),
            verdictCell(m.metrics, "beatsBaselines")});
    }
    t.footnote = "Majority: always the most frequent class of the training rows; always up: "
                 "always the up class. A model beats them when its accuracy is above both and "
                 "its ROC AUC above 0.5 (macro-F1 above both for three classes).";
    return t;
}

Table backtestTable(const std::vector<SignalModel>& models)
{
    Table t;
    t.caption = "Backtest of the signal on the test rows, after costs, against buy-and-hold";
    t.columns = {"Model", "Positions", "Costs", "Total return", "Buy-and-hold", "Sharpe",
        "B&H Sharpe", "Max drawdown", "B&H max drawdown", "Turnover", "Beats buy-and-hold"};
    t.numeric = {false, false, true, true, true, true, true, true, true, true, false};
    for (const SignalModel& m : models) {
        const QJsonObject bt = object(m.metrics, "backtest");
        const QJsonObject sig = object(bt, "signal");
        const QJsonObject bh = object(bt, "buyAndHold");
        const double costs = number(bt, "costBps") + number(bt, "slippageBps");
        t.rows.push_back({cell(m.record->name),
            cell(bt.value(QLatin1String("mode")).toString().toStdString()),
            cell(std::isfinite(costs) ? fixed(costs, 1) + " bp" : std::string(kMissingText)),
            cell(percent(number(sig, "totalReturn"), 1)),
            cell(percent(number(bh, "totalReturn"), 1)), cell(fixed(number(sig, "sharpe"), 2)),
            cell(fixed(number(bh, "sharpe"), 2)), cell(percent(number(sig, "maxDrawdown"), 1)),
            cell(percent(number(bh, "maxDrawdown"), 1)), cell(fixed(number(sig, "turnover"), 1)),
            verdictCell(bt, "beatsBuyAndHold")});
    }
    t.footnote = "Costs are commission plus slippage per unit traded, charged on every change of "
                 "position; turnover is one-way per year. The signal beats buy-and-hold when its "
                 "Sharpe ratio and its total return are both higher.";
    return t;
}

// Permutation importance (drop in test accuracy when the feature is shuffled), largest first.
std::optional<Chart> importanceChart(const SignalModel& m)
{
    const QJsonArray imp = m.metrics.value(QLatin1String("importance")).toArray();
    if (imp.isEmpty())
        return std::nullopt;
    Chart c;
    c.title = m.record->name + ": permutation importance";
    c.yLabel = "drop in test accuracy";
    c.timeAxis = false;
    ChartSeries s;
    s.name = "permutation importance";
    s.style = ChartSeries::Style::Bars;
    for (qsizetype i = 0; i < imp.size() && i < kTopFeatures; ++i) {
        const QJsonObject f = imp[i].toObject();
        c.categories.push_back(f.value(QLatin1String("feature")).toString().toStdString());
        s.x.push_back(double(i));
        s.y.push_back(number(f, "permutation"));
    }
    c.series.push_back(std::move(s));
    c.aspect = 0.35;
    return c;
}

} // namespace

std::string signalMetricsSummary(const std::string& metricsJson)
{
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(metricsJson)).object();
    const QJsonObject model = object(o, "model");
    if (model.isEmpty())
        return kMissingText;
    const QJsonObject bt = object(o, "backtest");
    std::string s = "test accuracy " + fixed(number(model, "accuracy"), 3) + " (majority "
        + fixed(number(object(o, "majority"), "accuracy"), 3) + ", always up "
        + fixed(number(object(o, "alwaysUp"), "accuracy"), 3) + "), ROC AUC "
        + fixed(number(model, "rocAuc"), 3) + "; beats baselines: "
        + (o.value(QLatin1String("beatsBaselines")).toBool() ? "yes" : "no");
    if (!bt.isEmpty())
        s += "; backtest Sharpe " + fixed(number(object(bt, "signal"), "sharpe"), 2)
            + " (buy-and-hold " + fixed(number(object(bt, "buyAndHold"), "sharpe"), 2) + ")";
    return s;
}

bool isSignalKind(const std::string& kind)
{
    return kind.rfind(kSignalPrefix, 0) == 0;
}

Result<bool> buildSignals(ReportContext& ctx, Section& section)
{
    auto records = fc::listModels(ctx.store);
    if (!records)
        return records.error();
    std::vector<SignalModel> models;
    for (const fc::ModelRecord& r : *records) {
        if (!isSignalKind(r.kind))
            continue;
        QJsonObject m = QJsonDocument::fromJson(QByteArray::fromStdString(r.metricsJson)).object();
        if (!m.value(QLatin1String("model")).isObject())
            continue;
        models.push_back({&r, std::move(m)});
    }
    if (models.empty()) {
        section.blocks.emplace_back(Paragraph {
            "The project has no trading-signal model (run one in the Signals tab or with "
            "'marketlens signals').",
            false});
        return false;
    }
    section.blocks.emplace_back(metricsTable(models));
    section.blocks.emplace_back(backtestTable(models));
    int charts = 0;
    for (const SignalModel& m : models) {
        if (charts == kMaxCharts)
            break;
        if (auto c = importanceChart(m)) {
            section.blocks.emplace_back(std::move(*c));
            ++charts;
        }
    }
    const std::string first = modelKey(*models.front().record);
    section.blocks.emplace_back(Paragraph {
        "Signals are evaluated on chronological test rows only (the training rows end a horizon "
        "before them); explanations per prediction (" + std::string(first == "rf" || first == "gbm"
            ? "TreeSHAP" : "attributions")
            + ") are in the Signals tab and in 'marketlens signals --explain DATE'.",
        true});
    return true;
}

} // namespace marketlens::core::report
