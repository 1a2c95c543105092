// News from JSON documents and JSON Lines. A small scanner finds each item's extent (strings,
// escapes, nesting depth, size) before Qt parses it, so one bad item is rejected on its own and
// deep or huge items never reach the parser.
#include "core/news/news_parsers.h"
#include "core/news/news_util.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace marketlens::core {
namespace {

using newsdetail::Field;
using newsdetail::RawItem;

constexpr std::int64_t kProgressStep = std::int64_t(1) << 20;

struct Scanner {
    std::string_view s;
    std::size_t i = 0;
    std::int64_t line = 1;

    void ws()
    {
        for (; i < s.size(); ++i) {
            if (s[i] == '\n')
                ++line;
            else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
                break;
        }
    }
    // At a '"': skips the string. False when the text ends inside it.
    bool string()
    {
        for (++i; i < s.size();) {
            const char c = s[i++];
            if (c == '\\' && i < s.size()) {
                if (s[i] == '\n')
                    ++line;
                ++i;
            } else if (c == '"') {
                return true;
            } else if (c == '\n') {
                ++line;
            }
        }
        return false;
    }
    enum class Out { Ok, Eof, Syntax };
    // Skips one value; `maxDepth` is the deepest nesting of {} [] inside it.
    Out value(int& maxDepth)
    {
        ws();
        if (i >= s.size())
            return Out::Eof;
        const char c = s[i];
        if (c == '"')
            return string() ? Out::Ok : Out::Eof;
        if (c == '{' || c == '[') {
            int depth = 0;
            while (i < s.size()) {
                const char d = s[i];
                if (d == '"') {
                    if (!string())
                        return Out::Eof;
                    continue;
                }
                if (d == '{' || d == '[') {
                    maxDepth = std::max(maxDepth, ++depth);
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++i;
                        return Out::Ok;
                    }
                } else if (d == '\n') {
                    ++line;
                }
                ++i;
            }
            return Out::Eof;
        }
        const std::size_t b = i;
        while (i < s.size() && !std::strchr(",]}: \t\r\n", s[i]))
            ++i;
        return i > b ? Out::Ok : Out::Syntax;
    }
};

std::string jsonText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().toStdString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 1e15)
            return std::to_string(static_cast<std::int64_t>(d));
        return QByteArray::number(d, 'g', 17).toStdString();
    }
    if (v.isBool())
        return v.toBool() ? "true" : "false";
    return {};
}

void addJsonTickers(std::vector<std::string>& out, const QJsonValue& v)
{
    if (v.isString()) {
        newsdetail::appendTickers(out, v.toString().toStdString());
    } else if (v.isArray()) {
        for (const QJsonValue e : v.toArray()) {
            if (e.isObject()) {
                const QJsonObject o = e.toObject();
                for (const char* k : {"ticker", "symbol", "code"})
                    if (o.contains(QLatin1String(k))) {
                        addJsonTickers(out, o.value(QLatin1String(k)));
                        break;
                    }
            } else if (e.isString()) {
                addJsonTickers(out, e);
            }
        }
    }
}

void rawFromObject(const QJsonObject& o, RawItem& raw)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const Field f = newsdetail::classifyKey(it.key().toStdString());
        const QJsonValue v = it.value();
        std::string* target = nullptr;
        switch (f) {
        case Field::Tickers:
            addJsonTickers(raw.tickers, v);
            continue;
        case Field::Date:
            target = &raw.date;
            break;
        case Field::Time:
            target = &raw.time;
            break;
        case Field::Headline:
            target = &raw.headline;
            break;
        case Field::Body: {
            std::string t = jsonText(v); // several body keys (summary, content): the longest
            if (t.size() > raw.body.size())
                raw.body = std::move(t);
            continue;
        }
        case Field::Source:
            if (v.isObject()) { // NewsAPI style: "source": {"id": ..., "name": "Reuters"}
                const QJsonObject so = v.toObject();
                if (raw.source.empty())
                    raw.source = jsonText(so.value(
                        QLatin1String(so.contains(QLatin1String("name")) ? "name" : "title")));
                continue;
            }
            target = &raw.source;
            break;
        case Field::Label:
            target = &raw.label;
            break;
        case Field::Url:
            target = &raw.url;
            break;
        case Field::Id:
            target = &raw.id;
            break;
        default:
            continue;
        }
        if (target->empty())
            *target = jsonText(v);
    }
    if (raw.date.empty() && !raw.time.empty())
        std::swap(raw.date, raw.time);
}

// Parses one item's text; rejects it with the JSON error's line when it is not a valid object.
void parseItem(
    std::string_view text, std::int64_t line, std::int64_t itemNumber, newsdetail::ItemSink& sink)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] != '{') {
        sink.reject(line, itemNumber, "item is not a JSON object");
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(text.data(), qsizetype(text.size())), &error);
    if (error.error != QJsonParseError::NoError) {
        const auto upTo = text.substr(0, std::min<std::size_t>(text.size(), error.offset));
        const std::int64_t errLine = line + std::count(upTo.begin(), upTo.end(), '\n');
        sink.reject(errLine, itemNumber,
            "invalid JSON: " + error.errorString().toStdString() + " (item starts at line "
                + std::to_string(line) + ")");
        return;
    }
    if (!doc.isObject()) {
        sink.reject(line, itemNumber, "item is not a JSON object");
        return;
    }
    RawItem raw;
    raw.line = line;
    raw.itemNumber = itemNumber;
    rawFromObject(doc.object(), raw);
    sink.add(std::move(raw));
}

bool isItemsKey(std::string_view key)
{
    for (const char* k : {"items", "articles", "data", "entries", "news", "results", "stories"})
        if (key == k)
            return true;
    return false;
}

// The array at sc.i ('['), item by item. False when cancelled.
bool readArray(Scanner& sc, int containerDepth, std::int64_t& itemNumber,
    newsdetail::ItemSink& sink, const NewsParseOptions& options)
{
    ++sc.i;
    sc.ws();
    if (sc.i < sc.s.size() && sc.s[sc.i] == ']') {
        ++sc.i;
        return true;
    }
    std::size_t lastReport = 0;
    while (true) {
        sc.ws();
        const std::size_t start = sc.i;
        const std::int64_t line = sc.line;
        ++itemNumber;
        int depth = 0;
        const auto out = sc.value(depth);
        if (out == Scanner::Out::Eof) {
            sink.reject(line, itemNumber, "the file ends inside this item (unterminated JSON)");
            return true;
        }
        const std::size_t size = sc.i - start;
        if (out == Scanner::Out::Syntax)
            sink.reject(line, itemNumber, "invalid JSON: a value was expected");
        else if (size > options.maxItemBytes)
            sink.reject(line, itemNumber,
                "item is larger than the limit of " + std::to_string(options.maxItemBytes)
                    + " bytes (" + std::to_string(size) + ")");
        else if (depth + containerDepth > options.maxJsonDepth)
            sink.reject(line, itemNumber,
                "JSON nested deeper than " + std::to_string(options.maxJsonDepth) + " levels");
        else
            parseItem(sc.s.substr(start, size), line, itemNumber, sink);
        if (sc.i - lastReport > std::size_t(kProgressStep)) {
            lastReport = sc.i;
            const auto total = std::int64_t(sc.s.size());
            if (!reportProgress(options.progress, total / 2 + std::int64_t(sc.i) / 2, total))
                return false;
        }
        if (out == Scanner::Out::Syntax)
            return true;
        sc.ws();
        if (sc.i < sc.s.size() && sc.s[sc.i] == ',') {
            ++sc.i;
            continue;
        }
        if (sc.i < sc.s.size() && sc.s[sc.i] == ']') {
            ++sc.i;
            return true;
        }
        sink.reject(sc.line, 0,
            "invalid JSON: ',' or ']' expected after item " + std::to_string(itemNumber)
                + "; the rest of the file was not read");
        return true;
    }
}

} // namespace

NewsFormat newsdetail::sniffJsonFormat(std::string_view sample)
{
    Scanner sc {sample};
    sc.ws();
    if (sc.i >= sample.size())
        return NewsFormat::Auto;
    if (sample[sc.i] == '[')
        return NewsFormat::Json;
    if (sample[sc.i] != '{')
        return NewsFormat::Auto;
    int depth = 0;
    if (sc.value(depth) != Scanner::Out::Ok)
        return NewsFormat::Json; // one large object (or a broken one): a JSON document
    sc.ws();
    return sc.i < sample.size() && sample[sc.i] == '{' ? NewsFormat::JsonLines : NewsFormat::Json;
}

Result<NewsParseResult> parseNewsJson(const std::string& path, const NewsParseOptions& options)
{
    auto data = newsdetail::readWholeFile(path, options);
    if (!data)
        return data.error();
    NewsParseResult result;
    newsdetail::ItemSink sink(result, path, options);
    Scanner sc {std::string_view(data->constData(), std::size_t(data->size()))};
    sc.ws();
    if (sc.i >= sc.s.size())
        return makeError(ErrorCode::BadData, "the file is empty", path);
    std::int64_t itemNumber = 0;
    bool cancelled = false;
    if (sc.s[sc.i] == '[') {
        cancelled = !readArray(sc, 1, itemNumber, sink, options);
    } else if (sc.s[sc.i] == '{') {
        const std::size_t objectStart = sc.i;
        bool found = false;
        ++sc.i;
        while (!cancelled) { // the wrapper's members: find the items array, skip the rest
            sc.ws();
            if (sc.i >= sc.s.size() || sc.s[sc.i] == '}')
                break;
            if (sc.s[sc.i] == ',') {
                ++sc.i;
                continue;
            }
            if (sc.s[sc.i] != '"')
                return makeError(
                    ErrorCode::BadData, "invalid JSON: a member name was expected", path, sc.line);
            const std::size_t keyStart = sc.i + 1;
            if (!sc.string())
                return makeError(
                    ErrorCode::BadData, "invalid JSON: unterminated string", path, sc.line);
            const std::string_view key = sc.s.substr(keyStart, sc.i - 1 - keyStart);
            sc.ws();
            if (sc.i >= sc.s.size() || sc.s[sc.i] != ':')
                return makeError(ErrorCode::BadData, "invalid JSON: ':' expected", path, sc.line);
            ++sc.i;
            sc.ws();
            if (!found && isItemsKey(key) && sc.i < sc.s.size() && sc.s[sc.i] == '[') {
                found = true;
                cancelled = !readArray(sc, 2, itemNumber, sink, options);
                continue;
            }
            int depth = 0;
            const std::int64_t line = sc.line;
            if (sc.value(depth) != Scanner::Out::Ok)
                return makeError(ErrorCode::BadData, "invalid JSON value", path, line);
            if (depth + 1 > options.maxJsonDepth)
                return makeError(ErrorCode::BadData,
                    "JSON nested deeper than " + std::to_string(options.maxJsonDepth) + " levels",
                    path, line);
        }
        if (!found && !cancelled) { // one object: a single news item?
            sc.i = objectStart;
            sc.line = 1;
            int depth = 0;
            if (sc.value(depth) != Scanner::Out::Ok || depth > options.maxJsonDepth
                || sc.i - objectStart > options.maxItemBytes)
                return makeError(
                    ErrorCode::BadData, "no items/articles/data array and not one news item", path);
            parseItem(sc.s.substr(objectStart, sc.i - objectStart), 1, ++itemNumber, sink);
        }
    } else {
        return makeError(ErrorCode::BadData, "not a JSON news file: expected an array or an object",
            path, sc.line);
    }
    if (cancelled
        || !reportProgress(options.progress, std::int64_t(sc.s.size()), std::int64_t(sc.s.size())))
        return makeError(ErrorCode::Cancelled, "cancelled", path);
    dropDuplicateNews(result);
    return result;
}

Result<NewsParseResult> parseNewsJsonLines(const std::string& path, const NewsParseOptions& options)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, "cannot open file: " + f.errorString().toStdString(), path);
    const std::int64_t total = f.size();
    NewsParseResult result;
    newsdetail::ItemSink sink(result, path, options);
    std::int64_t lineNo = 0, itemNumber = 0, lastReport = 0;
    QByteArray line;
    // Lines are read in pieces into one buffer, so that a huge line never sits in memory whole
    // and a short line costs no allocation (QIODevice::readLine(n) allocates n bytes per call).
    std::vector<char> piece(std::size_t(64) << 10);
    while (!f.atEnd()) {
        ++lineNo;
        line.clear();
        bool tooLong = false, complete = false;
        while (!complete && !f.atEnd()) {
            const qint64 n = f.readLine(piece.data(), qint64(piece.size()));
            if (n <= 0)
                break;
            complete = piece[std::size_t(n) - 1] == '\n';
            if (!tooLong && std::size_t(line.size() + n) > options.maxItemBytes + 2) {
                tooLong = true;
                line.clear();
            }
            if (!tooLong)
                line.append(piece.data(), qsizetype(n));
        }
        if (lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (f.pos() - lastReport > kProgressStep) {
            lastReport = f.pos();
            if (!reportProgress(options.progress, f.pos(), total))
                return makeError(ErrorCode::Cancelled, "cancelled", path);
        }
        const std::string_view text = line.trimmed().isEmpty()
            ? std::string_view()
            : std::string_view(line.constData(), std::size_t(line.size()));
        if (!tooLong && text.empty())
            continue; // blank line
        ++itemNumber;
        if (tooLong) {
            sink.reject(lineNo, itemNumber,
                "line is longer than the limit of " + std::to_string(options.maxItemBytes)
                    + " bytes");
            continue;
        }
        Scanner sc {text};
        int depth = 0;
        const auto out = sc.value(depth);
        if (out == Scanner::Out::Ok && depth > options.maxJsonDepth) {
            sink.reject(lineNo, itemNumber,
                "JSON nested deeper than " + std::to_string(options.maxJsonDepth) + " levels");
            continue;
        }
        parseItem(text, lineNo, itemNumber, sink);
    }
    if (!reportProgress(options.progress, total, total))
        return makeError(ErrorCode::Cancelled, "cancelled", path);
    dropDuplicateNews(result);
    return result;
}

} // namespace marketlens::core
