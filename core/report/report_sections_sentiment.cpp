// The news sentiment section: the models that scored the project's news with their label
// counts, the latest decayed index and the 30-day mean per ticker, and the portfolio's index as
// a chart. Everything is read from the project (scores and index as the last scoring run stored
// them); nothing is rescored here.
#include "core/report/report_sections.h"

#include "core/forecast/model_store.h"
#include "core/news/lexicon_sentiment.h"
#include "core/news/news_store.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace marketlens::core::report {

namespace {

using namespace news;

constexpr std::int32_t kMeanDays = 30;
constexpr const char* kPortfolioPrefix = "portfolio:";

TableCell cell(std::string text, Tone tone = Tone::Normal)
{
    return TableCell {std::move(text), tone};
}

Tone scoreTone(double v)
{
    if (!std::isfinite(v))
        return Tone::Muted;
    if (v >= kPositiveThreshold)
        return Tone::Good;
    if (v <= kNegativeThreshold)
        return Tone::Bad;
    return Tone::Normal;
}

// "Lexicon (market news)", "Lexicon (VADER)", or the stored model's name for "model:<id>".
std::string modelTitle(const std::string& key, const std::map<std::int64_t, std::string>& names)
{
    if (key == kLexiconModelKey)
        return "Lexicon (market news)";
    if (key == "lexicon:vader")
        return "Lexicon (VADER)";
    if (key.rfind("model:", 0) == 0) {
        const auto it = names.find(std::atoll(key.c_str() + 6));
        if (it != names.end())
            return it->second;
    }
    return key;
}

// The model whose index the section shows: the lexicon when it scored anything (the default
// model, the one the forecasting feature reads), otherwise the model with the most scores.
const ScoredModel* primaryModel(const std::vector<ScoredModel>& models)
{
    const ScoredModel* best = nullptr;
    for (const ScoredModel& m : models) {
        if (m.modelKey == kLexiconModelKey && m.count > 0)
            return &m;
        if (!best || m.count > best->count)
            best = &m;
    }
    return best;
}

struct TickerSummary {
    std::int64_t items = 0;
    std::optional<Date> lastNews;
    double latest = std::nan("");
    double mean30 = std::nan(""); // item-weighted mean score of the last 30 days
    std::int64_t items30 = 0;
};

TickerSummary summarise(const std::vector<DailySentiment>& days)
{
    TickerSummary t;
    if (days.empty())
        return t;
    const std::int32_t last = days.back().date.days();
    double sum30 = 0.0;
    for (const DailySentiment& d : days) {
        t.items += d.count;
        if (d.count > 0)
            t.lastNews = d.date;
        if (d.count > 0 && d.date.days() > last - kMeanDays) {
            sum30 += d.mean * d.count;
            t.items30 += d.count;
        }
    }
    t.latest = days.back().decayed;
    if (t.items30 > 0)
        t.mean30 = sum30 / double(t.items30);
    return t;
}

Chart portfolioChart(
    const std::string& name, const std::string& model, const std::vector<DailySentiment>& days)
{
    Chart c;
    c.title = "Portfolio " + name + ": daily news sentiment (" + model + ")";
    c.xLabel = "Date";
    c.yLabel = "Sentiment (-1 to 1)";
    c.aspect = 0.35;
    ChartSeries decayed {"Decayed index", {}, {}, ChartSeries::Style::Line, 0};
    ChartSeries mean {"Daily mean (days with news)", {}, {}, ChartSeries::Style::Points, 1};
    for (const DailySentiment& d : days) {
        decayed.x.push_back(double(d.date.days()));
        decayed.y.push_back(d.decayed);
        if (d.count > 0) {
            mean.x.push_back(double(d.date.days()));
            mean.y.push_back(d.mean);
        }
    }
    c.series = {std::move(decayed), std::move(mean)};
    return c;
}

} // namespace

Result<bool> buildSentiment(ReportContext& ctx, Section& section)
{
    auto models = scoredModels(ctx.store);
    if (!models)
        return models.error();
    std::erase_if(*models, [](const ScoredModel& m) { return m.count <= 0; });
    if (models->empty()) {
        section.blocks.push_back(Paragraph {"The project has no scored news: import news and "
                                            "score them (marketlens sentiment) to see the daily "
                                            "sentiment here."});
        return false;
    }
    std::map<std::int64_t, std::string> names;
    if (auto stored = forecast::listModels(ctx.store)) {
        for (const forecast::ModelRecord& r : *stored)
            names[r.id] = r.name;
    }

    // Models used, with their labels.
    Table used;
    used.caption = "Sentiment models";
    used.columns
        = {"Model", "Key", "Items scored", "Positive", "Neutral", "Negative", "Last scored (UTC)"};
    used.numeric = {false, false, true, true, true, true, false};
    for (const ScoredModel& m : *models) {
        auto scores = loadScores(ctx.store, m.modelKey);
        if (!scores)
            return scores.error();
        std::int64_t pos = 0, neu = 0, neg = 0;
        for (const StoredScore& s : *scores) {
            if (s.label == SentimentClass::Positive)
                ++pos;
            else if (s.label == SentimentClass::Negative)
                ++neg;
            else
                ++neu;
        }
        used.rows.push_back({cell(modelTitle(m.modelKey, names)), cell(m.modelKey),
            cell(integerText(std::int64_t(scores->size()))), cell(integerText(pos)),
            cell(integerText(neu)), cell(integerText(neg)),
            cell(m.lastScoredUtc.empty() ? std::string(kMissingText) : m.lastScoredUtc)});
    }
    used.footnote = "Scores lie in [-1, 1]. The lexicon labels a score >= "
        + fixed(kPositiveThreshold, 2) + " positive and <= " + fixed(kNegativeThreshold, 2)
        + " negative (VADER's thresholds); neural models label by their most probable class.";
    section.blocks.push_back(std::move(used));

    // Per ticker, the primary model's index.
    const ScoredModel& primary = *primaryModel(*models);
    const std::string primaryTitle = modelTitle(primary.modelKey, names);
    auto scopes = sentimentIndexScopes(ctx.store, primary.modelKey);
    if (!scopes)
        return scopes.error();
    Table tickers;
    tickers.caption = "Daily sentiment index per ticker (" + primaryTitle + ")";
    tickers.columns
        = {"Ticker", "Items", "Last news", "Decayed index", "30-day mean", "Items in 30 days"};
    tickers.numeric = {false, true, false, true, true, true};
    std::optional<Date> indexEnd;
    std::vector<std::string> sorted = *scopes;
    std::sort(sorted.begin(), sorted.end());
    for (const std::string& scope : sorted) {
        if (scope.rfind(kPortfolioPrefix, 0) == 0)
            continue;
        auto days = loadSentimentIndex(ctx.store, scope, primary.modelKey);
        if (!days)
            return days.error();
        if (days->empty())
            continue;
        if (!indexEnd || days->back().date > *indexEnd)
            indexEnd = days->back().date;
        const TickerSummary t = summarise(*days);
        tickers.rows.push_back({cell(scope), cell(integerText(t.items)), cell(dateText(t.lastNews)),
            cell(fixed(t.latest, 3), scoreTone(t.latest)),
            cell(fixed(t.mean30, 3), scoreTone(t.mean30)), cell(integerText(t.items30))});
    }
    if (tickers.rows.empty()) {
        section.blocks.push_back(Paragraph {"No scored news item is linked to an instrument of "
                                            "the project, so there is no index per ticker."});
    } else {
        tickers.footnote = "Decayed index on " + dateText(indexEnd)
            + " (the day of the latest scored news): the exponentially weighted mean of all "
              "scores so far, each weighted 0.5^(age in days / half-life), half-life 5 days "
              "unless the scoring run chose another. 30-day mean: the mean score of the items of "
              "the last 30 days up to that day. An item linked to several tickers counts for "
              "each.";
        section.blocks.push_back(std::move(tickers));
    }

    // The report's portfolio.
    if (ctx.portfolio) {
        auto days = loadSentimentIndex(
            ctx.store, kPortfolioPrefix + ctx.portfolio->name, primary.modelKey);
        if (!days)
            return days.error();
        if (days->empty()) {
            section.blocks.push_back(Paragraph {"No scored news mentions a holding of portfolio "
                + ctx.portfolio->name + ", so it has no sentiment index."});
        } else {
            section.blocks.push_back(portfolioChart(ctx.portfolio->name, primaryTitle, *days));
            section.blocks.push_back(Paragraph {
                "Portfolio index: each day, the holdings-weighted mean of the tickers' decayed "
                "index over the holdings that have news so far (weights: quantity x last price, "
                "or the given weights); holdings without news do not dilute it.",
                true});
        }
    }
    return true;
}

} // namespace marketlens::core::report
