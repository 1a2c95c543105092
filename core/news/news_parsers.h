#pragma once
// Readers for news files: CSV, JSON, JSON Lines, RSS 2.0 / RSS 1.0 / Atom feeds and plain text.
// The formats, header synonyms and date formats are described in docs/news.md.
//
// Contract (every parse function):
//  - Returns BadData/Io errors only for problems with the whole file (cannot be read, no headline
//    column, not a feed); a bad item is rejected (NewsParseResult::rejected: file, line and/or
//    item number, reason) and the others are kept, also when the file is cut off or malformed
//    part way (the items before the damage and, in feeds, the items after it are kept).
//  - Fields are capped at NewsParseOptions::maxFieldBytes and JSON items / JSON Lines lines at
//    maxItemBytes (the item is rejected), JSON nesting at maxJsonDepth; invalid UTF-8 is replaced
//    by U+FFFD with a warning. Nothing throws, nothing crashes on malformed input.
//  - Progress is reported in bytes of the file; when it returns false the parser stops and
//    returns ErrorCode::Cancelled.
//  - Dates: see parseNewsTimestamp (news_dates.h); a date without a zone is UTC.
//  - Items with the same duplicate key (newsDuplicateKey) within the file: the first is kept, the
//    later ones are dropped with a warning naming both item numbers.

#include "core/news/news_item.h"
#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace marketlens::core {

enum class NewsFormat : std::uint8_t { Auto, Csv, Json, JsonLines, Feed, Text };

// "auto", "csv", "json", "jsonl", "feed", "text".
const char* newsFormatKey(NewsFormat format);

struct NewsParseOptions {
    Progress progress;
    std::size_t maxFieldBytes = std::size_t(1) << 20; // one headline/body/...: 1 MiB
    std::size_t maxItemBytes = std::size_t(4) << 20; // one JSON item or JSON Lines line: 4 MiB
    int maxJsonDepth = 64;
    // Feeds, JSON documents and text files are decoded whole; larger files are refused.
    std::int64_t maxDocumentBytes = std::int64_t(512) << 20;
};

// The format of `path` from its suffix (.csv .tsv .json .jsonl .ndjson .xml .rss .atom .txt)
// confirmed or, for other suffixes, decided by sniffing the first bytes (a '[' or '{' document,
// one JSON object per line, an <rss>/<feed>/<rdf:RDF> root, a header line with a headline
// column). BadData when the content cannot be a news file (e.g. an .xml that is no feed).
Result<NewsFormat> detectNewsFormat(const std::string& path);

// Parses `path` in `format` (Auto: detectNewsFormat first).
Result<NewsParseResult> parseNewsFile(const std::string& path, NewsFormat format = NewsFormat::Auto,
    const NewsParseOptions& options = {});

Result<NewsParseResult> parseNewsCsv(const std::string& path, const NewsParseOptions& options = {});
// A JSON array of objects, or an object with an "items"/"articles"/"data"/"entries"/"news"/
// "results"/"stories" array, or one object; items are streamed one at a time.
Result<NewsParseResult> parseNewsJson(
    const std::string& path, const NewsParseOptions& options = {});
Result<NewsParseResult> parseNewsJsonLines(
    const std::string& path, const NewsParseOptions& options = {});
Result<NewsParseResult> parseNewsFeed(
    const std::string& path, const NewsParseOptions& options = {});
// First non-empty line is the headline; "Date:", "Source:", "Tickers:", "URL:" header lines at
// the top are read; without a date the file's modification time is used (with a warning).
Result<NewsParseResult> parseNewsText(
    const std::string& path, const NewsParseOptions& options = {});

// Duplicate detection: the headline case-folded, punctuation removed, whitespace collapsed
// ("Apple's  Q3: Beats!" -> "apples q3 beats").
std::string normaliseHeadline(std::string_view headline);
// normaliseHeadline(headline) + '|' + timestamp: equal keys are the same news.
std::string newsDuplicateKey(std::string_view headline, std::int64_t timestamp);
std::string newsDuplicateKey(const NewsItem& item);
// Drops later items whose key equals an earlier one's, adding a warning with both item numbers.
void dropDuplicateNews(NewsParseResult& result);

// Label text -> NewsLabel: negative/neg/bearish/sell, neutral/neu/hold/none, positive/pos/
// bullish/buy (any case) give a class; numbers give a value. nullopt for empty text.
std::optional<NewsLabel> parseNewsLabel(std::string_view text);

} // namespace marketlens::core
