// The forecasts section (each stored forecasting model's test errors next to every baseline and
// the verdict) and the model cards (data, parameters, seed, metrics) of every stored model.
//
// Stored test metrics are read by core::forecast::parseStoredMetrics. Tail-risk models (kind
// tailrisk_cnn) carry a calibration instead and only get a model card, and so do signal models
// (kind signal_*, whose metrics are the signals section's).
#include "core/report/report_sections.h"

#include "core/forecast/model_store.h"
#include "core/forecast/stored_metrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace marketlens::core::report {

namespace {

namespace fc = core::forecast;

constexpr std::size_t kMaxParamsText = 600; // hyper-parameters beyond this are cut

TableCell cell(std::string text, Tone tone = Tone::Normal)
{
    return TableCell {std::move(text), tone};
}

// A calibration figure (NaN when absent).
double number(const QJsonObject& o, const char* name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

using Score = fc::ScoredForecaster;
using Metrics = fc::StoredMetrics;

Metrics parseMetrics(const fc::ModelRecord& r)
{
    return fc::parseStoredMetrics(r.metricsJson, r.kind);
}

std::string forecasterTitle(const Score& s, const fc::ModelRecord& r)
{
    if (s.isModel)
        return r.kind + " (model)";
    if (s.name == "naive")
        return "Naive";
    if (s.name == "drift")
        return "Drift";
    if (s.name == "seasonal_naive")
        return "Seasonal naive";
    if (s.name == "moving_average")
        return "Moving average";
    if (s.name == "linear_ar")
        return "Linear AR";
    return s.name;
}

std::string verdictText(const std::optional<bool>& beats)
{
    return beats ? (*beats ? "yes" : "no") : kMissingText;
}

Tone verdictTone(const std::optional<bool>& beats)
{
    return beats ? (*beats ? Tone::Good : Tone::Bad) : Tone::Muted;
}

std::string mapePercent(double v)
{
    return std::isfinite(v) ? fixed(v, 2) + " %" : std::string(kMissingText);
}

Table errorsTable(const fc::ModelRecord& r, const Metrics& m)
{
    Table t;
    t.caption = r.name + ": errors on the test part";
    if (!m.testFirst.empty())
        t.caption += " (" + m.testFirst + " to " + m.testLast + ", " + integerText(m.origins)
            + " origins, horizon " + integerText(r.horizon) + ")";
    t.columns = {"Forecaster", "MAE", "RMSE", "MAPE", "sMAPE", "MASE", "Direction", "80 % cover",
        "95 % cover"};
    t.numeric = {false, true, true, true, true, true, true, true, true};
    double bestMae = std::numeric_limits<double>::infinity();
    for (const Score& s : m.scores)
        if (std::isfinite(s.errors.mae))
            bestMae = std::min(bestMae, s.errors.mae);
    for (const Score& s : m.scores) {
        const fc::ForecastErrors& e = s.errors;
        t.rows.push_back({cell(forecasterTitle(s, r), s.isModel ? Tone::Normal : Tone::Muted),
            cell(fixed(e.mae, 3), e.mae == bestMae ? Tone::Good : Tone::Normal),
            cell(fixed(e.rmse, 3)), cell(mapePercent(e.mape)), cell(mapePercent(e.smape)),
            cell(fixed(e.mase, 3)), cell(percent(e.directional, 1)), cell(percent(e.coverage80, 1)),
            cell(percent(e.coverage95, 1))});
    }
    std::string note = m.verdict.empty() ? std::string() : m.verdict + " ";
    note += "MAE and RMSE in price units; MASE = MAE / mean one-day price change of the training "
            "part; the lowest MAE is marked.";
    t.footnote = note;
    return t;
}

// Hyper-parameters as "group: key=value, ...; group: ..." (nested objects one level deep).
std::string flatten(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().toStdString();
    if (v.isBool())
        return v.toBool() ? "true" : "false";
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? integerText(std::int64_t(d))
                                                        : QString::number(d, 'g', 6).toStdString();
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.size() > 8 || (!a.isEmpty() && (a.first().isObject() || a.first().isArray())))
            return integerText(a.size()) + " entries";
        std::vector<std::string> items;
        for (const QJsonValue& x : a)
            items.push_back(flatten(x));
        return "[" + joinText(items) + "]";
    }
    if (v.isObject()) {
        std::vector<std::string> items;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            items.push_back(it.key().toStdString() + "=" + flatten(it.value()));
        return joinText(items);
    }
    return kMissingText;
}

std::string hyperParamsText(const std::string& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject() || doc.object().isEmpty())
        return kMissingText;
    std::vector<std::string> groups;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        groups.push_back(
            it.key().toStdString() + (it.value().isObject() ? ": " : " = ") + flatten(it.value()));
    std::string s = joinText(groups, "; ");
    if (s.size() > kMaxParamsText)
        s = s.substr(0, kMaxParamsText) + "...";
    return s;
}

std::string metricsSummary(const fc::ModelRecord& r, const Metrics& m)
{
    if (isSignalKind(r.kind))
        return signalMetricsSummary(r.metricsJson);
    if (const Score* model = m.model()) {
        std::string s
            = "test MAE " + fixed(model->errors.mae, 3) + ", MASE " + fixed(model->errors.mase, 3);
        if (const Score* naive = m.find("naive"))
            s += " (naive: MAE " + fixed(naive->errors.mae, 3) + ", MASE "
                + fixed(naive->errors.mase, 3) + ")";
        s += "; beats naive: " + verdictText(m.beatsNaive);
        return s;
    }
    const QJsonObject root
        = QJsonDocument::fromJson(QByteArray::fromStdString(r.metricsJson)).object();
    const QJsonObject cal = root.value(QLatin1String("calibration")).toObject();
    if (!cal.isEmpty())
        return "Brier " + fixed(number(cal, "brier"), 4) + " (base rate "
            + fixed(number(cal, "brierBaseRate"), 4) + "), Brier skill "
            + fixed(number(cal, "brierSkill"), 3) + ", AUC " + fixed(number(cal, "auc"), 3)
            + ", lift " + fixed(number(cal, "lift"), 2) + " on "
            + integerText(std::int64_t(number(cal, "testCount"))) + " test windows";
    return kMissingText;
}

bool isForecaster(const fc::ModelRecord& r, const Metrics& m)
{
    return r.kind != "tailrisk_cnn" && !isSignalKind(r.kind) && m.model() != nullptr;
}

} // namespace

Result<bool> buildForecasts(ReportContext& ctx, Section& section)
{
    auto records = fc::listModels(ctx.store);
    if (!records)
        return records.error();
    std::vector<std::pair<const fc::ModelRecord*, Metrics>> models;
    for (const fc::ModelRecord& r : *records) {
        Metrics m = parseMetrics(r);
        if (isForecaster(r, m))
            models.emplace_back(&r, std::move(m));
    }
    if (models.empty()) {
        section.blocks.emplace_back(Paragraph {
            "The project has no forecasting model with test metrics (train one in the Forecasts "
            "tab or with 'marketlens train').",
            false});
        return false;
    }
    Table overview;
    overview.caption = "Forecasting models against the naive forecast (test part)";
    overview.columns = {"Model", "Ticker", "Horizon", "Model MAE", "Naive MAE", "Model MASE",
        "Naive MASE", "Beats naive"};
    overview.numeric = {false, false, true, true, true, true, true, false};
    for (const auto& [r, m] : models) {
        const Score* model = m.model();
        const Score* naive = m.find("naive");
        overview.rows.push_back({cell(r->name), cell(r->ticker.empty() ? kMissingText : r->ticker),
            cell(integerText(r->horizon)), cell(fixed(model->errors.mae, 3)),
            cell(naive ? fixed(naive->errors.mae, 3) : kMissingText),
            cell(fixed(model->errors.mase, 3)),
            cell(naive ? fixed(naive->errors.mase, 3) : kMissingText),
            cell(verdictText(m.beatsNaive), verdictTone(m.beatsNaive))});
    }
    overview.footnote = "A model beats naive when its MAE and MASE are both below the naive "
                        "(last price) forecast's on the same test origins.";
    section.blocks.emplace_back(std::move(overview));
    for (const auto& [r, m] : models)
        section.blocks.emplace_back(errorsTable(*r, m));
    return true;
}

Result<bool> buildModels(ReportContext& ctx, Section& section)
{
    auto records = fc::listModels(ctx.store);
    if (!records)
        return records.error();
    if (records->empty()) {
        section.blocks.emplace_back(Paragraph {"The project has no stored models.", false});
        return false;
    }
    for (const fc::ModelRecord& r : *records) {
        const Metrics m = parseMetrics(r);
        std::vector<std::string> quantiles;
        for (double q : r.quantiles)
            quantiles.push_back(quantityText(q));
        std::string training = dateText(r.trainFirst) + " to " + dateText(r.trainLast);
        if (m.epochsRun > 0)
            training += " (" + integerText(m.epochsRun) + " epochs, best "
                + integerText(m.bestEpoch) + ", " + fixed(r.trainSeconds, 1) + " s)";
        KeyValues card;
        card.items = {
            {"Model", r.name},
            {"Kind", r.kind + (r.origin.empty() ? std::string() : ", " + r.origin)},
            {"Ticker", r.ticker.empty() ? std::string("portfolio-wide") : r.ticker},
            {"Training range", training},
            {"Data hash (SHA-256)", r.dataHash.empty() ? std::string(kMissingText) : r.dataHash},
            {"Seed", std::to_string(r.seed)},
            {"Window / horizon",
                integerText(r.window) + " rows / " + integerText(r.horizon) + " days"},
            {"Features", r.features.empty() ? std::string(kMissingText) : joinText(r.features)},
            {"Quantiles", quantiles.empty() ? std::string(kMissingText) : joinText(quantiles)},
            {"Hyper-parameters", hyperParamsText(r.hyperParamsJson)},
            {"Metrics", metricsSummary(r, m)},
            {"Created (UTC)", r.createdUtc},
            {"Device", r.device.empty() ? std::string(kMissingText) : r.device},
        };
        section.blocks.emplace_back(std::move(card));
    }
    return true;
}

} // namespace marketlens::core::report
