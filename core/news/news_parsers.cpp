// Format detection and dispatch for the news readers.
#include "core/news/news_parsers.h"

#include "core/csv_reader.h"
#include "core/news/news_util.h"

#include <QFile>

#include <algorithm>

namespace marketlens::core {
namespace {

std::string lowerSuffix(const std::string& path)
{
    const auto slash = path.find_last_of("/\\");
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string s = path.substr(dot + 1);
    std::transform(
        s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool containsNoCase(std::string_view text, std::string_view needle)
{
    const auto it
        = std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
              return std::tolower(static_cast<unsigned char>(a))
                  == std::tolower(static_cast<unsigned char>(b));
          });
    return it != text.end();
}

bool isFeedSample(std::string_view sample)
{
    return containsNoCase(sample, "<rss") || containsNoCase(sample, "<feed")
        || containsNoCase(sample, "<rdf:rdf");
}

// A header line with a headline column and a date column.
bool isCsvSample(std::string_view sample)
{
    const std::string_view first = sample.substr(0, sample.find('\n'));
    const char delimiter = CsvReader::sniffDelimiter(sample);
    bool headline = false, date = false;
    std::size_t b = 0;
    while (b <= first.size()) {
        std::size_t e = first.find(delimiter, b);
        if (e == std::string_view::npos)
            e = first.size();
        std::string_view name = first.substr(b, e - b);
        while (!name.empty() && (name.front() == '"' || name.front() == ' '))
            name.remove_prefix(1);
        while (!name.empty() && (name.back() == '"' || name.back() == ' ' || name.back() == '\r'))
            name.remove_suffix(1);
        const auto f = newsdetail::classifyKey(name);
        headline = headline || f == newsdetail::Field::Headline;
        date = date || f == newsdetail::Field::Date || f == newsdetail::Field::Time;
        b = e + 1;
    }
    return headline && date;
}

} // namespace

const char* newsFormatKey(NewsFormat format)
{
    switch (format) {
    case NewsFormat::Csv:
        return "csv";
    case NewsFormat::Json:
        return "json";
    case NewsFormat::JsonLines:
        return "jsonl";
    case NewsFormat::Feed:
        return "feed";
    case NewsFormat::Text:
        return "text";
    default:
        return "auto";
    }
}

Result<NewsFormat> detectNewsFormat(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, "cannot open file: " + f.errorString().toStdString(), path);
    QByteArray head = f.read(64 * 1024);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    const std::string_view sample(head.constData(), std::size_t(head.size()));
    const auto firstChar = sample.find_first_not_of(" \t\r\n");
    const char c = firstChar == std::string_view::npos ? '\0' : sample[firstChar];
    const std::string suffix = lowerSuffix(path);

    if (suffix == "csv" || suffix == "tsv")
        return NewsFormat::Csv;
    if (suffix == "jsonl" || suffix == "ndjson")
        return NewsFormat::JsonLines;
    if (suffix == "txt" || suffix == "text")
        return NewsFormat::Text;
    if (suffix == "json") {
        const NewsFormat j = newsdetail::sniffJsonFormat(sample);
        if (j == NewsFormat::Auto)
            return makeError(
                ErrorCode::BadData, "not a JSON file: it does not start with [ or {", path, 1);
        return j;
    }
    if (suffix == "xml" || suffix == "rss" || suffix == "atom") {
        if (c == '<' && isFeedSample(sample))
            return NewsFormat::Feed;
        return makeError(ErrorCode::BadData,
            "not an RSS or Atom feed: no <rss>, <feed> or <rdf:RDF> element", path);
    }
    if (c == '[' || c == '{') {
        const NewsFormat j = newsdetail::sniffJsonFormat(sample);
        if (j != NewsFormat::Auto)
            return j;
    }
    if (c == '<' && isFeedSample(sample))
        return NewsFormat::Feed;
    if (isCsvSample(sample))
        return NewsFormat::Csv;
    return NewsFormat::Text;
}

Result<NewsParseResult> parseNewsFile(
    const std::string& path, NewsFormat format, const NewsParseOptions& options)
{
    if (format == NewsFormat::Auto) {
        auto detected = detectNewsFormat(path);
        if (!detected)
            return detected.error();
        format = *detected;
    }
    switch (format) {
    case NewsFormat::Csv:
        return parseNewsCsv(path, options);
    case NewsFormat::Json:
        return parseNewsJson(path, options);
    case NewsFormat::JsonLines:
        return parseNewsJsonLines(path, options);
    case NewsFormat::Feed:
        return parseNewsFeed(path, options);
    case NewsFormat::Text:
        return parseNewsText(path, options);
    default:
        break;
    }
    return makeError(ErrorCode::InvalidArgument, "unknown news format", path);
}

} // namespace marketlens::core
