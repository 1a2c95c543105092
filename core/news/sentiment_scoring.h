#pragma once
// Scoring the project's news with a sentiment model and keeping the daily index up to date.
//
// SentimentScorer is the one interface every model kind implements: the lexicon here (core), the
// trainable text classifiers and BERT-style TorchScript models in models/ (torch-free headers
// there). A scorer turns texts into StoredScore values (score in [-1, 1], label, probabilities,
// word weights); scoreProjectNews runs one over the stored news, writes the scores under the
// scorer's model key (other models' scores are kept) and rebuilds that model's daily index for
// every ticker and portfolio (sentiment_index.h).

#include "core/news/lexicon_sentiment.h"
#include "core/news/news_store.h"
#include "core/progress.h"
#include "core/result.h"

#include <QString>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::core::news {

class SentimentScorer {
public:
    virtual ~SentimentScorer() = default;
    // The key scores are stored under ("lexicon", "lexicon:vader", "model:12").
    virtual std::string modelKey() const = 0;
    // Human-readable name for the UI and reports ("Lexicon (market news)", "FinBERT-mini").
    virtual std::string displayName() const = 0;
    // Scores `texts` (one StoredScore per text, newsId left 0, explanation positions index the
    // text). `explain`: fill explanation (slower for neural models). Never throws; an error for
    // the batch (e.g. a model that fails to run).
    virtual Result<std::vector<StoredScore>> scoreTexts(
        const std::vector<QString>& texts, bool explain) const = 0;
    // Texts per scoreTexts call that keep memory bounded and progress fluid.
    virtual int preferredBatch() const { return 64; }
};

// The lexicon as a SentimentScorer: score = compound, label by the thresholds of
// lexicon_sentiment.h, probabilities empty, explanation = the token contributions.
class LexiconScorer final : public SentimentScorer {
public:
    // Built-in lexicon; key "lexicon" (MarketNews) or "lexicon:vader".
    static Result<std::unique_ptr<LexiconScorer>> builtIn(
        SentimentLexicon lexicon = SentimentLexicon::MarketNews);
    explicit LexiconScorer(LexiconSentiment lexicon, std::string key);

    std::string modelKey() const override { return m_key; }
    std::string displayName() const override;
    Result<std::vector<StoredScore>> scoreTexts(
        const std::vector<QString>& texts, bool explain) const override;
    int preferredBatch() const override { return 512; }

    const LexiconSentiment& lexicon() const { return m_lexicon; }

private:
    LexiconSentiment m_lexicon;
    std::string m_key;
};

// "lexicon" or "lexicon:vader" -> built-in lexicon scorer; NotFound for anything else (model keys
// "model:<id>" are opened by models::openSentimentScorer).
Result<std::unique_ptr<SentimentScorer>> openLexiconScorer(const std::string& modelKey);

// The built-in lexicon scorers as (key, display name), without loading their lexicons (a
// model list is rebuilt at every project open; parsing a lexicon takes milliseconds).
std::vector<std::pair<std::string, std::string>> builtInLexiconScorers();

struct ScoreRunOptions {
    bool explain = true;
    bool onlyUnscored = false; // skip items that already have a score of this model
    double halfLifeDays = 5.0; // of the decayed index (sentiment_index.h)
};

struct ScoreRunResult {
    std::string modelKey;
    std::int64_t itemsScored = 0;
    std::int64_t positive = 0, neutral = 0, negative = 0;
    std::int64_t indexScopes = 0; // tickers + portfolios whose index was rebuilt
    double seconds = 0.0;
};

// Scores the project's news (all, or those without a score of this model), writes scores and
// rebuilds the index of this model in one transaction. Progress counts items; Cancel rolls back.
Result<ScoreRunResult> scoreProjectNews(ProjectStore& store, const SentimentScorer& scorer,
    const ScoreRunOptions& options = {}, const Progress& progress = {});

// Rebuilds (from stored scores) the daily index of `modelKey` for every linked ticker and every
// portfolio; returns the number of scopes written. No transaction of its own.
Result<std::int64_t> rebuildSentimentIndex(
    ProjectStore& store, const std::string& modelKey, double halfLifeDays = 5.0);

} // namespace marketlens::core::news
