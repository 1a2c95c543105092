// News from plain text files: one article per file.
#include "core/news/news_dates.h"
#include "core/news/news_parsers.h"
#include "core/news/news_util.h"

#include <QDateTime>
#include <QFileInfo>

namespace marketlens::core {
namespace {

using newsdetail::Field;

constexpr int kHeaderZone = 20; // header lines are looked for in the first lines only

// "Date: Tue, 10 Jun 2003 ..." -> (Date, "Tue, 10 Jun 2003 ..."); Unknown when no header line.
std::pair<Field, std::string_view> headerLine(std::string_view line)
{
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30)
        return {Field::Unknown, {}};
    for (std::size_t k = 0; k < colon; ++k) {
        const char c = line[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '_'))
            return {Field::Unknown, {}};
    }
    const Field f = newsdetail::classifyKey(line.substr(0, colon));
    if (f == Field::Unknown || f == Field::Body)
        return {Field::Unknown, {}};
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    return {f == Field::Time ? Field::Date : f, value};
}

bool isBlankLine(std::string_view line)
{
    return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
}

} // namespace

Result<NewsParseResult> parseNewsText(const std::string& path, const NewsParseOptions& options)
{
    auto data = newsdetail::readWholeFile(path, options);
    if (!data)
        return data.error();
    std::string text;
    text.reserve(std::size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) { // CRLF and CR to LF
        const char c = data->at(i);
        if (c == '\r') {
            text += '\n';
            if (i + 1 < data->size() && data->at(i + 1) == '\n')
                ++i;
        } else {
            text += c;
        }
    }
    NewsParseResult result;
    newsdetail::ItemSink sink(result, path, options);
    std::vector<std::string_view> lines;
    for (std::size_t b = 0; b <= text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos)
            e = text.size();
        lines.push_back(std::string_view(text).substr(b, e - b));
        b = e + 1;
    }
    newsdetail::RawItem raw;
    raw.itemNumber = 1;
    std::size_t i = 0;
    std::int64_t dateLine = 0;
    auto takeHeader = [&](std::size_t k) {
        const auto [field, value] = headerLine(lines[k]);
        switch (field) {
        case Field::Date:
            raw.date = value;
            dateLine = std::int64_t(k) + 1;
            break;
        case Field::Headline:
            raw.headline = value;
            break;
        case Field::Source:
            raw.source = value;
            break;
        case Field::Tickers:
            newsdetail::appendTickers(raw.tickers, value);
            break;
        case Field::Label:
            raw.label = value;
            break;
        case Field::Url:
            raw.url = value;
            break;
        case Field::Id:
            raw.id = value;
            break;
        default:
            return false;
        }
        return true;
    };
    // Header lines and blank lines before the headline, then the headline line.
    for (; i < lines.size() && i < std::size_t(kHeaderZone); ++i) {
        if (isBlankLine(lines[i]) || takeHeader(i))
            continue;
        break;
    }
    if (raw.headline.empty()) {
        while (i < lines.size() && isBlankLine(lines[i]))
            ++i;
        if (i < lines.size()) {
            raw.headline = lines[i];
            raw.line = std::int64_t(i) + 1;
            ++i;
        }
        // Header lines straight after the headline.
        while (i < lines.size() && i < std::size_t(kHeaderZone) && takeHeader(i))
            ++i;
    }
    if (raw.line == 0)
        raw.line = std::int64_t(i) + 1;
    std::string body;
    for (; i < lines.size(); ++i) {
        body.append(lines[i]);
        body += '\n';
    }
    raw.body = std::move(body);
    const bool fromFile = raw.date.empty();
    if (fromFile) {
        const QDateTime modified = QFileInfo(QString::fromStdString(path)).lastModified();
        raw.date = std::to_string(modified.toSecsSinceEpoch());
    } else if (!parseNewsTimestamp(raw.date)) {
        sink.reject(dateLine, 1,
            "unrecognised date/time '" + newsdetail::collapseWhitespace(raw.date) + "'");
        return result;
    }
    if (sink.add(std::move(raw)) && fromFile) {
        NewsItem& item = result.items.back();
        item.timeFromFile = true;
        item.timestampText.clear();
        sink.warn(path + ": no Date: line; the file's modification time ("
            + formatUtcIso(item.timestamp) + ") was used as the news time");
    }
    if (!reportProgress(options.progress, 1, 1))
        return makeError(ErrorCode::Cancelled, "cancelled", path);
    return result;
}

} // namespace marketlens::core
