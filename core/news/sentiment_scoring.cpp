// Scoring stored news with a SentimentScorer and rebuilding that model's daily index
// (sentiment_scoring.h). The run holds one transaction: scores are written batch by batch inside
// it (saveScores then uses a savepoint), so a Cancel or an error leaves the project as it was.
#include "core/news/sentiment_scoring.h"

#include "core/news/sentiment_index.h"
#include "core/project_store.h"
#include "core/sqlite_db.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace marketlens::core::news {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::size_t kMaxExplanation = 32;
constexpr const char* kVaderKey = "lexicon:vader";

SentimentClass toClass(SentimentLabel label)
{
    switch (label) {
    case SentimentLabel::Negative:
        return SentimentClass::Negative;
    case SentimentLabel::Positive:
        return SentimentClass::Positive;
    case SentimentLabel::Neutral:
        break;
    }
    return SentimentClass::Neutral;
}

std::string upper(std::string s)
{
    for (char& c : s)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

Date utcDay(std::int64_t timestamp)
{
    std::int64_t d = timestamp / kSecondsPerDay;
    if (timestamp % kSecondsPerDay < 0)
        --d;
    return Date(static_cast<std::int32_t>(d));
}

// The last price of `ticker` (0 when it has none).
Result<double> lastPrice(ProjectStore& store, const std::string& ticker)
{
    auto series = store.prices(ticker);
    if (!series)
        return series.error().code == ErrorCode::NotFound ? Result<double>(0.0)
                                                          : Result<double>(series.error());
    for (std::size_t i = series->size(); i-- > 0;) {
        const double p = series->valueAt(i);
        if (std::isfinite(p))
            return p;
    }
    return 0.0;
}

// Holding weights of a portfolio by upper-case ticker: |quantity x last price| when every
// holding has a quantity (as the risk run values them), otherwise |weight| (0 when missing).
Result<std::map<std::string, double>> holdingWeights(ProjectStore& store, const Portfolio& p)
{
    const bool byQuantity = !p.holdings.empty()
        && std::all_of(p.holdings.begin(), p.holdings.end(),
            [](const Holding& h) { return h.quantity.has_value(); });
    std::map<std::string, double> weights;
    for (const Holding& h : p.holdings) {
        double w = 0.0;
        if (byQuantity) {
            auto price = lastPrice(store, upper(h.ticker));
            if (!price)
                return price.error();
            w = std::abs(*h.quantity * *price);
        } else if (h.weight) {
            w = std::abs(*h.weight);
        }
        if (std::isfinite(w))
            weights[upper(h.ticker)] += w;
    }
    return weights;
}

} // namespace

// --- LexiconScorer ---

LexiconScorer::LexiconScorer(LexiconSentiment lexicon, std::string key)
    : m_lexicon(std::move(lexicon))
    , m_key(std::move(key))
{
}

Result<std::unique_ptr<LexiconScorer>> LexiconScorer::builtIn(SentimentLexicon lexicon)
{
    auto lex = LexiconSentiment::builtIn(lexicon);
    if (!lex)
        return lex.error();
    return std::make_unique<LexiconScorer>(std::move(*lex),
        lexicon == SentimentLexicon::Vader ? std::string(kVaderKey)
                                           : std::string(kLexiconModelKey));
}

namespace {
constexpr const char* kMarketNewsName = "Lexicon (market news)";
constexpr const char* kVaderName = "Lexicon (VADER)";
} // namespace

std::string LexiconScorer::displayName() const
{
    if (m_key == kLexiconModelKey && m_lexicon.kind() == SentimentLexicon::MarketNews)
        return kMarketNewsName;
    if (m_key == kVaderKey && m_lexicon.kind() == SentimentLexicon::Vader)
        return kVaderName;
    return "Lexicon (" + m_lexicon.name().toStdString() + ")";
}

std::vector<std::pair<std::string, std::string>> builtInLexiconScorers()
{
    return {{kLexiconModelKey, kMarketNewsName}, {kVaderKey, kVaderName}};
}

Result<std::vector<StoredScore>> LexiconScorer::scoreTexts(
    const std::vector<QString>& texts, bool explain) const
{
    std::vector<StoredScore> out;
    out.reserve(texts.size());
    for (const QString& text : texts) {
        const SentimentScore s = m_lexicon.score(text);
        StoredScore score;
        score.score = std::clamp(s.compound, -1.0, 1.0);
        score.label = toClass(s.label);
        if (explain) {
            for (const TokenContribution& c : s.contributions)
                score.explanation.push_back({c.position, c.length, c.contribution});
            std::stable_sort(score.explanation.begin(), score.explanation.end(),
                [](const WordWeight& a, const WordWeight& b) {
                    return std::abs(a.weight) > std::abs(b.weight);
                });
            if (score.explanation.size() > kMaxExplanation)
                score.explanation.resize(kMaxExplanation);
        }
        out.push_back(std::move(score));
    }
    return out;
}

Result<std::unique_ptr<SentimentScorer>> openLexiconScorer(const std::string& modelKey)
{
    SentimentLexicon lexicon = SentimentLexicon::MarketNews;
    if (modelKey == kVaderKey)
        lexicon = SentimentLexicon::Vader;
    else if (modelKey != kLexiconModelKey)
        return makeError(ErrorCode::NotFound,
            "'" + modelKey + "' is not a built-in lexicon (use 'lexicon' or 'lexicon:vader')");
    auto scorer = LexiconScorer::builtIn(lexicon);
    if (!scorer)
        return scorer.error();
    return std::unique_ptr<SentimentScorer>(std::move(*scorer));
}

// --- runs over the project ---

Result<ScoreRunResult> scoreProjectNews(ProjectStore& store, const SentimentScorer& scorer,
    const ScoreRunOptions& options, const Progress& progress)
{
    const auto started = std::chrono::steady_clock::now();
    if (!(options.halfLifeDays > 0.0) || !std::isfinite(options.halfLifeDays))
        return makeError(ErrorCode::InvalidArgument,
            "the half-life of the sentiment index must be a positive number of days");
    if (!store.isOpen())
        return makeError(ErrorCode::InvalidArgument, "the project is not open");
    ScoreRunResult result;
    result.modelKey = scorer.modelKey();
    if (result.modelKey.empty())
        return makeError(ErrorCode::InvalidArgument, "the sentiment model has no key");

    Transaction tx(store.db());
    if (Status s = tx.begin(); !s)
        return s.error();
    NewsQuery query;
    query.withBody = true;
    auto items = listNews(store, query);
    if (!items)
        return items.error();
    if (options.onlyUnscored) {
        auto scored = loadScores(store, result.modelKey);
        if (!scored)
            return scored.error();
        std::set<std::int64_t> done;
        for (const StoredScore& s : *scored)
            done.insert(s.newsId);
        std::erase_if(*items, [&](const StoredNews& n) { return done.count(n.id) > 0; });
    }

    const std::int64_t total = static_cast<std::int64_t>(items->size());
    const auto cancelled
        = [] { return makeError(ErrorCode::Cancelled, "sentiment scoring cancelled"); };
    if (!reportProgress(progress, 0, total))
        return cancelled(); // the transaction rolls back in its destructor
    const std::size_t batch = std::size_t(std::max(1, scorer.preferredBatch()));
    std::vector<QString> texts;
    for (std::size_t first = 0; first < items->size(); first += batch) {
        const std::size_t n = std::min(batch, items->size() - first);
        texts.clear();
        for (std::size_t i = first; i < first + n; ++i)
            texts.push_back(QString::fromStdString(scoringText((*items)[i])));
        auto scores = scorer.scoreTexts(texts, options.explain);
        if (!scores)
            return scores.error();
        if (scores->size() != n)
            return makeError(ErrorCode::InvalidArgument,
                "the sentiment model returned " + std::to_string(scores->size()) + " scores for "
                    + std::to_string(n) + " texts");
        for (std::size_t i = 0; i < n; ++i) {
            StoredScore& s = (*scores)[i];
            if (!std::isfinite(s.score))
                return makeError(ErrorCode::BadData,
                    "the sentiment model gave a score that is not a number (news item "
                        + std::to_string((*items)[first + i].id) + ")");
            s.newsId = (*items)[first + i].id;
            s.score = std::clamp(s.score, -1.0, 1.0);
            switch (s.label) {
            case SentimentClass::Positive:
                ++result.positive;
                break;
            case SentimentClass::Negative:
                ++result.negative;
                break;
            case SentimentClass::Neutral:
                ++result.neutral;
                break;
            }
        }
        if (Status s = saveScores(store, result.modelKey, *scores); !s)
            return s.error();
        result.itemsScored += static_cast<std::int64_t>(n);
        if (!reportProgress(progress, result.itemsScored, total))
            return cancelled();
    }

    auto scopes = rebuildSentimentIndex(store, result.modelKey, options.halfLifeDays);
    if (!scopes)
        return scopes.error();
    result.indexScopes = *scopes;
    if (Status s = tx.commit(); !s)
        return s.error();
    result.seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

Result<std::int64_t> rebuildSentimentIndex(
    ProjectStore& store, const std::string& modelKey, double halfLifeDays)
{
    if (!(halfLifeDays > 0.0) || !std::isfinite(halfLifeDays))
        return makeError(ErrorCode::InvalidArgument,
            "the half-life of the sentiment index must be a positive number of days");
    auto scores = loadScores(store, modelKey);
    if (!scores)
        return scores.error();
    std::map<std::int64_t, double> scoreById;
    for (const StoredScore& s : *scores)
        scoreById[s.newsId] = s.score;
    NewsQuery query;
    query.withBody = false;
    auto items = listNews(store, query);
    if (!items)
        return items.error();

    // Events per linked ticker; every ticker's index runs to the day of the latest scored item,
    // so all scopes end on the same day.
    std::map<std::string, std::vector<ScoredEvent>> events;
    std::optional<Date> lastDay;
    for (const StoredNews& n : *items) {
        const auto it = scoreById.find(n.id);
        if (it == scoreById.end())
            continue;
        if (!lastDay || utcDay(n.timestamp) > *lastDay)
            lastDay = utcDay(n.timestamp);
        std::set<std::string> seen; // one event per ticker even when a link is listed twice
        for (const StoredTickerLink& link : n.tickers)
            if (seen.insert(link.ticker).second)
                events[link.ticker].push_back({n.timestamp, it->second});
    }

    std::map<std::string, std::vector<DailySentiment>> perTicker;
    for (auto& [ticker, list] : events) {
        auto index = dailySentimentIndex(std::move(list), halfLifeDays, lastDay);
        if (!index)
            return index.error();
        perTicker[ticker] = std::move(*index);
    }
    std::map<std::string, std::vector<DailySentiment>> scopes = perTicker;
    auto portfolios = store.portfolios();
    if (!portfolios)
        return portfolios.error();
    for (const Portfolio& p : *portfolios) {
        auto weights = holdingWeights(store, p);
        if (!weights)
            return weights.error();
        auto index = portfolioSentimentIndex(perTicker, *weights);
        if (!index)
            return index.error();
        if (!index->empty())
            scopes["portfolio:" + p.name] = std::move(*index);
    }

    // Scopes of this model that no longer have news (deleted items, renamed portfolios) go.
    auto existing = sentimentIndexScopes(store, modelKey);
    if (!existing)
        return existing.error();
    for (const std::string& scope : *existing) {
        if (scopes.count(scope) == 0) {
            if (Status s = saveSentimentIndex(store, scope, modelKey, {}); !s)
                return s.error();
        }
    }
    for (const auto& [scope, days] : scopes) {
        if (Status s = saveSentimentIndex(store, scope, modelKey, days); !s)
            return s.error();
    }
    return static_cast<std::int64_t>(scopes.size());
}

} // namespace marketlens::core::news
