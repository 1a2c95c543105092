#pragma once
// News, their ticker links, sentiment scores and the daily sentiment index in the project file
// (schema v5, docs/project-file.md). Functions take an open ProjectStore; those that write more
// than one row run in one transaction (or a savepoint when the caller already opened one), so a
// failure leaves the project as it was.
//
// Tables (v5):
//   news            one article: time (UTC seconds), headline, body, source, url, file id, label,
//                   source file and item number, the duplicate key (UNIQUE: the same normalised
//                   headline at the same time is stored once per project)
//   news_tickers    (news_id, instrument_id, reason, evidence, mentions)
//   sentiment_scores (news_id, model_key) -> score in [-1, 1], label, class probabilities (JSON),
//                   explanation (JSON word weights), time; rescoring with another model keeps both
//   sentiment_index (scope, model_key, date) -> mean, count, decayed
// Aliases (company names per instrument, used to link news) live in instrument_aliases (v2).

#include "core/date.h"
#include "core/news/news_item.h"
#include "core/news/ticker_linker.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::core::news {

// Model keys: "lexicon" (the built-in market-news lexicon), "lexicon:vader", or "model:<id>" for
// a sentiment model stored in the models table (trained or imported).
inline constexpr const char* kLexiconModelKey = "lexicon";

struct StoredTickerLink {
    std::string ticker;
    LinkReason reason = LinkReason::Explicit;
    std::string evidence;
    int mentions = 1;
};

struct StoredNews {
    std::int64_t id = 0;
    std::int64_t timestamp = 0; // UTC seconds
    bool dateOnly = false;
    std::string headline;
    std::string body;
    std::string source;
    std::string url;
    std::string externalId; // the file's own id/guid
    std::string labelText; // label as written in the file ("" when none)
    std::optional<SentimentClass> labelClass; // from labelText (parseNewsLabel), or from a
                                              // numeric label by the import's label scheme
    std::string sourceFile; // file name (no folder) it was imported from
    std::int64_t itemNumber = 0;
    std::vector<StoredTickerLink> tickers;
    // The item's own tickers as given (file column, import options), also those that were no
    // instrument when it was stored: relinkNews starts from them. insertNews adds the tickers
    // of Explicit links.
    std::vector<std::string> explicitTickers;
};

// The text a sentiment model scores for an item: the headline, plus "\n\n" and the body when
// there is one. Explanations' positions index into this text (QString/UTF-16 units).
std::string scoringText(const StoredNews& item);

struct NewsQuery {
    std::string ticker; // "" = all news; otherwise news linked to this ticker
    std::optional<std::int64_t> from, to; // timestamp range, inclusive
    bool withBody = true; // false: body left empty (cheap listing)
    std::int64_t limit = -1; // -1 = no limit; newest first when limited
};

// Ordered by timestamp, then id.
Result<std::vector<StoredNews>> listNews(ProjectStore& store, const NewsQuery& query = {});
Result<StoredNews> newsById(ProjectStore& store, std::int64_t id);
Result<std::int64_t> newsCount(ProjectStore& store);
// Inserts one item with its links; returns its id, or 0 (and writes nothing) when an item with
// the same duplicate key is already stored. No transaction of its own (the import owns one).
Result<std::int64_t> insertNews(ProjectStore& store, const StoredNews& item);
// Deletes items (their links and scores go with them).
Status deleteNews(ProjectStore& store, const std::vector<std::int64_t>& ids);

// --- aliases (company names per instrument) ---
Result<std::vector<InstrumentAliases>> instrumentAliases(ProjectStore& store);
// Replaces the aliases of `ticker` (NotFound when it is no instrument); blanks trimmed, empty and
// repeated (case-insensitive) names dropped.
Status setInstrumentAliases(
    ProjectStore& store, const std::string& ticker, const std::vector<std::string>& aliases);
// Re-links every stored item with the current instruments and aliases (explicit tickers kept).
// Returns the number of items whose links changed.
Result<std::int64_t> relinkNews(ProjectStore& store);

// --- sentiment scores ---
struct WordWeight {
    int position = 0; // start in scoringText(item), UTF-16 units
    int length = 0;
    double weight = 0.0; // > 0 pushed towards positive, < 0 towards negative
};

struct StoredScore {
    std::int64_t newsId = 0;
    double score = 0.0; // in [-1, 1]: lexicon compound, or P(positive) - P(negative)
    SentimentClass label = SentimentClass::Neutral;
    std::vector<double> probabilities; // negative, neutral, positive (empty for the lexicon)
    std::vector<WordWeight> explanation; // largest |weight| first, at most 32
};

// Writes (replaces) the scores of `modelKey` in one transaction.
Status saveScores(ProjectStore& store, const std::string& modelKey,
    const std::vector<StoredScore>& scores);
// Scores of one model for the given items (all items when `newsIds` is empty), by news id.
Result<std::vector<StoredScore>> loadScores(ProjectStore& store, const std::string& modelKey,
    const std::vector<std::int64_t>& newsIds = {});
struct ScoredModel {
    std::string modelKey;
    std::int64_t count = 0;
    std::string lastScoredUtc;
};
// The models that have scores in the project.
Result<std::vector<ScoredModel>> scoredModels(ProjectStore& store);
Status deleteScores(ProjectStore& store, const std::string& modelKey);

// --- daily sentiment index ---
// scope: a ticker, or "portfolio:<name>" for a portfolio's index.
struct DailySentiment {
    Date date;
    double mean = 0.0; // mean score of the day's items (0 when count is 0)
    int count = 0; // items that day
    double decayed = 0.0; // exponentially decayed index (see sentiment_index.h)
};

// Replaces the index of (scope, modelKey) in one transaction.
Status saveSentimentIndex(ProjectStore& store, const std::string& scope,
    const std::string& modelKey, const std::vector<DailySentiment>& days);
// Ordered by date; empty when none stored.
Result<std::vector<DailySentiment>> loadSentimentIndex(
    ProjectStore& store, const std::string& scope, const std::string& modelKey);
// The scopes that have an index for `modelKey`.
Result<std::vector<std::string>> sentimentIndexScopes(
    ProjectStore& store, const std::string& modelKey);

} // namespace marketlens::core::news
