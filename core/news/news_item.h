#pragma once
// NewsItem: one news article as read from a news file (CSV, JSON, JSON Lines, RSS/Atom feed or
// plain text), before it is stored in a project. Plain values, cheap to move; text is UTF-8.
// NewsParseResult: what one file gave: the items, the items rejected (with file, line or item
// number and reason) and warnings about data that was accepted but questionable.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core {

enum class SentimentClass : std::int8_t { Negative = -1, Neutral = 0, Positive = 1 };

// A label given in the file (supervised data for the trainable sentiment models).
struct NewsLabel {
    std::string text; // as written ("positive", "-1", "0.35")
    std::optional<SentimentClass> klass; // when the text names a class (see parseNewsLabel)
    std::optional<double> value; // when the text is a number; its scheme (0/1, -1/0/1,
                                 // continuous) is the caller's to decide per file
};

struct NewsItem {
    std::string sourceFile; // path of the file the item came from
    std::int64_t itemNumber = 0; // 1-based position of the item in its file (row, entry, line)
    std::int64_t line = 0; // 1-based line where the item starts, 0 when unknown

    std::int64_t timestamp = 0; // UTC seconds since 1970-01-01T00:00:00Z
    std::string timestampText; // the date/time as written in the file
    bool dateOnly = false; // the file gave a day without a time (timestamp is 00:00 UTC)
    bool timeFromFile = false; // no date in the item: the file's modification time was used

    std::string headline; // one line, whitespace collapsed, never empty
    std::string body; // plain text (HTML converted), paragraphs separated by blank lines
    std::vector<std::string> tickers; // explicit tickers (upper-case), in the file's order
    std::string source; // publisher ("Reuters"), or the feed's title
    std::optional<NewsLabel> label;
    std::string url;
    std::string id; // the file's own id/guid of the item, when it has one
};

struct NewsRejected {
    std::string file;
    std::int64_t line = 0; // 1-based line where the item starts, 0 when unknown
    std::int64_t itemNumber = 0; // 1-based item number, 0 when unknown
    std::string reason;
};

struct NewsParseResult {
    std::vector<NewsItem> items; // no two share a duplicate key (later duplicates are dropped)
    std::vector<NewsRejected> rejected; // at most kMaxNewsRejectedDetails
    std::int64_t itemsRejected = 0; // may exceed rejected.size()
    std::int64_t duplicatesDropped = 0;
    std::vector<std::string> warnings;
};

inline constexpr std::size_t kMaxNewsRejectedDetails = 10000;

} // namespace marketlens::core
