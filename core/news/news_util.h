#pragma once
// Internal helpers shared by the news readers (news_csv/json/feed/text.cpp): field names and
// their synonyms, text clean-up, and the one place where raw fields become a NewsItem or a
// rejection. Not part of the public contract; see news_parsers.h.

#include "core/news/news_item.h"
#include "core/news/news_parsers.h"

#include "core/result.h"

#include <QByteArray>

#include <string>
#include <string_view>
#include <vector>

namespace marketlens::core::newsdetail {

enum class Field : std::uint8_t {
    Unknown,
    Date,
    Time,
    Headline,
    Body,
    Tickers,
    Source,
    Label,
    Url,
    Id,
    Count
};

// The field a column header or JSON key names (case-insensitive; '_', '-', '.' and blank runs
// read as one blank; "publishedAt" == "published at"). `Time` only for a bare "time" column; the
// caller treats it as the date when there is no date column.
Field classifyKey(std::string_view key);
const char* fieldName(Field field);

// Invalid UTF-8 sequences replaced by U+FFFD; `replaced` (optional) set when any was.
std::string sanitizeUtf8(std::string_view text, bool* replaced = nullptr);
// Blank runs (including line breaks) to one space, trimmed.
std::string collapseWhitespace(std::string_view text);
// Headline: HTML converted when it evidently is HTML, then collapsed to one line.
std::string cleanHeadline(std::string_view text);
// Body: CRLF/CR to LF, HTML converted when it evidently is HTML (or `isHtml`), trimmed.
std::string cleanBody(std::string_view text, bool isHtml = false);
// "AAPL; msft | $IBM,BRK.B" -> AAPL MSFT IBM BRK.B (upper-case, '$' dropped, no repeats).
std::vector<std::string> splitTickers(std::string_view text);
void appendTickers(std::vector<std::string>& out, std::string_view text);

// An item's fields as read, before checks and clean-up.
struct RawItem {
    std::int64_t line = 0;
    std::int64_t itemNumber = 0;
    std::string date, time, headline, body, source, label, url, id;
    std::vector<std::string> tickers;
    bool bodyIsHtml = false; // feeds: description/content are HTML by definition
    bool headlineIsHtml = false; // Atom title type="html"
};

class ItemSink {
public:
    ItemSink(NewsParseResult& result, std::string file, const NewsParseOptions& options)
        : m_result(result)
        , m_file(std::move(file))
        , m_options(options)
    {
    }

    // Checks and cleans `raw`; appends an item or a rejection. False when rejected.
    bool add(RawItem raw);
    void reject(std::int64_t line, std::int64_t itemNumber, std::string reason);
    void warn(std::string message) { m_result.warnings.push_back(std::move(message)); }
    // A warning at most once per reader for invalid UTF-8 (with the first place it was seen).
    void noteInvalidUtf8(std::int64_t line, std::int64_t itemNumber);
    const std::string& file() const { return m_file; }

private:
    NewsParseResult& m_result;
    std::string m_file;
    const NewsParseOptions& m_options;
    bool m_warnedUtf8 = false;
};

// The whole file (BOM removed), refused above options.maxDocumentBytes; progress reports the
// reading as the first half of the job. Io, BadData (too large) or Cancelled errors.
Result<QByteArray> readWholeFile(const std::string& path, const NewsParseOptions& options);

// Json or JsonLines for a sample that starts (after blanks) with '[' or '{': JsonLines when a
// complete first object is followed by another '{'. Auto when the sample is no JSON.
NewsFormat sniffJsonFormat(std::string_view sample);

// "line 12" / "item 3" / "item 3 (line 12)" for messages.
std::string where(std::int64_t line, std::int64_t itemNumber);

} // namespace marketlens::core::newsdetail
