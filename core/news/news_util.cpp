#include "news_util.h"

#include "core/news/html_text.h"
#include "core/news/news_dates.h"

#include <QFile>
#include <QString>

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

namespace marketlens::core {
namespace newsdetail {
namespace {

constexpr qint64 kReadBlock = qint64(1) << 20;

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}
char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string normaliseKey(std::string_view key)
{
    std::string out;
    char prev = 0;
    for (char c : key) {
        char n = c;
        if (c == '_' || c == '-' || c == '.' || isBlank(c))
            n = ' ';
        else if (c >= 'A' && c <= 'Z' && prev >= 'a' && prev <= 'z')
            out += ' '; // camelCase: "publishedAt" -> "published at"
        if (n == ' ' && (out.empty() || out.back() == ' '))
            ; // collapse
        else
            out += lower(n);
        prev = c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string shortText(std::string_view text)
{
    std::string s = collapseWhitespace(text.substr(0, 80));
    if (text.size() > 80)
        s += "...";
    return s;
}

} // namespace

Field classifyKey(std::string_view key)
{
    struct Synonym {
        std::string_view name;
        Field field;
    };
    static constexpr std::array<Synonym, 68> kSynonyms = {{
        {"date", Field::Date},
        {"datetime", Field::Date},
        {"date time", Field::Date},
        {"published", Field::Date},
        {"published at", Field::Date},
        {"published date", Field::Date},
        {"publish date", Field::Date},
        {"publication date", Field::Date},
        {"published on", Field::Date},
        {"date published", Field::Date},
        {"pubdate", Field::Date},
        {"pub date", Field::Date},
        {"timestamp", Field::Date},
        {"time stamp", Field::Date},
        {"created at", Field::Date},
        {"time", Field::Time},
        {"headline", Field::Headline},
        {"title", Field::Headline},
        {"heading", Field::Headline},
        {"head line", Field::Headline},
        {"subject", Field::Headline},
        {"body", Field::Body},
        {"text", Field::Body},
        {"content", Field::Body},
        {"contents", Field::Body},
        {"summary", Field::Body},
        {"description", Field::Body},
        {"article", Field::Body},
        {"story", Field::Body},
        {"article text", Field::Body},
        {"full text", Field::Body},
        {"abstract", Field::Body},
        {"snippet", Field::Body},
        {"content html", Field::Body},
        {"content text", Field::Body},
        {"ticker", Field::Tickers},
        {"tickers", Field::Tickers},
        {"symbol", Field::Tickers},
        {"symbols", Field::Tickers},
        {"stock", Field::Tickers},
        {"stocks", Field::Tickers},
        {"ticker symbol", Field::Tickers},
        {"stock symbol", Field::Tickers},
        {"source", Field::Source},
        {"publisher", Field::Source},
        {"provider", Field::Source},
        {"outlet", Field::Source},
        {"news source", Field::Source},
        {"source name", Field::Source},
        {"label", Field::Label},
        {"sentiment", Field::Label},
        {"sentiment label", Field::Label},
        {"polarity", Field::Label},
        {"class", Field::Label},
        {"url", Field::Url},
        {"link", Field::Url},
        {"href", Field::Url},
        {"article url", Field::Url},
        {"permalink", Field::Url},
        {"id", Field::Id},
        {"guid", Field::Id},
        {"uuid", Field::Id},
        {"article id", Field::Id},
        {"news id", Field::Id},
        {"item id", Field::Id},
        {"story id", Field::Id},
        {"date time utc", Field::Date},
        {"datetime utc", Field::Date},
    }};
    const std::string k = normaliseKey(key);
    for (const auto& s : kSynonyms)
        if (s.name == k)
            return s.field;
    return Field::Unknown;
}

const char* fieldName(Field field)
{
    switch (field) {
    case Field::Date:
        return "date";
    case Field::Time:
        return "time";
    case Field::Headline:
        return "headline";
    case Field::Body:
        return "body";
    case Field::Tickers:
        return "tickers";
    case Field::Source:
        return "source";
    case Field::Label:
        return "label";
    case Field::Url:
        return "url";
    case Field::Id:
        return "id";
    default:
        return "unknown";
    }
}

std::string sanitizeUtf8(std::string_view s, bool* replaced)
{
    std::string out;
    out.reserve(s.size());
    bool bad = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        char32_t cp = 0, min = 0;
        if (c < 0x80) {
            out += char(c);
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, cp = c & 0x07, min = 0x10000;
        }
        bool ok = n > 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (ok) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            bad = true;
            ++i;
        }
    }
    if (replaced)
        *replaced = bad;
    return out;
}

std::string collapseWhitespace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (isBlank(c) || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string cleanHeadline(std::string_view text)
{
    return looksLikeHtml(text) ? collapseWhitespace(htmlToText(text)) : collapseWhitespace(text);
}

std::string cleanBody(std::string_view text, bool isHtml)
{
    if (isHtml || looksLikeHtml(text))
        return htmlToText(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            out += text[i];
        }
    }
    std::size_t b = 0, e = out.size();
    while (b < e && isBlank(out[b]))
        ++b;
    while (e > b && isBlank(out[e - 1]))
        --e;
    return out.substr(b, e - b);
}

void appendTickers(std::vector<std::string>& out, std::string_view text)
{
    std::string cur;
    auto flush = [&] {
        std::string t = cur;
        cur.clear();
        if (const auto colon = t.rfind(':'); colon != std::string::npos)
            t.erase(0, colon + 1); // "NASDAQ:AAPL"
        while (!t.empty() && t.front() == '$')
            t.erase(0, 1);
        if (t.empty() || t.size() > 32)
            return;
        for (char& c : t)
            c = upper(c);
        if (std::find(out.begin(), out.end(), t) == out.end())
            out.push_back(std::move(t));
    };
    for (char c : text) {
        if (c == ';' || c == ',' || c == '|' || isBlank(c))
            flush();
        else
            cur += c;
    }
    flush();
}

std::vector<std::string> splitTickers(std::string_view text)
{
    std::vector<std::string> out;
    appendTickers(out, text);
    return out;
}

std::string where(std::int64_t line, std::int64_t itemNumber)
{
    if (line > 0 && itemNumber > 0)
        return "item " + std::to_string(itemNumber) + " (line " + std::to_string(line) + ")";
    if (line > 0)
        return "line " + std::to_string(line);
    return "item " + std::to_string(itemNumber);
}

void ItemSink::reject(std::int64_t line, std::int64_t itemNumber, std::string reason)
{
    ++m_result.itemsRejected;
    if (m_result.rejected.size() < kMaxNewsRejectedDetails)
        m_result.rejected.push_back({m_file, line, itemNumber, std::move(reason)});
}

void ItemSink::noteInvalidUtf8(std::int64_t line, std::int64_t itemNumber)
{
    if (m_warnedUtf8)
        return;
    m_warnedUtf8 = true;
    warn(m_file + ": invalid UTF-8 replaced by U+FFFD"
        + (line > 0 || itemNumber > 0 ? " (first at " + where(line, itemNumber) + ")" : ""));
}

bool ItemSink::add(RawItem raw)
{
    const std::array<std::pair<Field, std::string*>, 9> fields = {{
        {Field::Date, &raw.date},
        {Field::Time, &raw.time},
        {Field::Headline, &raw.headline},
        {Field::Body, &raw.body},
        {Field::Source, &raw.source},
        {Field::Label, &raw.label},
        {Field::Url, &raw.url},
        {Field::Id, &raw.id},
        {Field::Tickers, nullptr},
    }};
    for (const auto& [field, value] : fields) {
        if (!value)
            continue;
        if (value->size() > m_options.maxFieldBytes) {
            reject(raw.line, raw.itemNumber,
                std::string(fieldName(field)) + " is longer than the limit of "
                    + std::to_string(m_options.maxFieldBytes) + " bytes ("
                    + std::to_string(value->size()) + ")");
            return false;
        }
        bool bad = false;
        std::string clean = sanitizeUtf8(*value, &bad);
        if (bad) {
            noteInvalidUtf8(raw.line, raw.itemNumber);
            *value = std::move(clean);
        }
    }
    NewsItem item;
    item.sourceFile = m_file;
    item.itemNumber = raw.itemNumber;
    item.line = raw.line;
    item.headline = raw.headlineIsHtml ? collapseWhitespace(htmlToText(raw.headline))
                                       : cleanHeadline(raw.headline);
    if (item.headline.empty()) {
        reject(raw.line, raw.itemNumber, "no headline");
        return false;
    }
    std::string when = collapseWhitespace(raw.date);
    const std::string time = collapseWhitespace(raw.time);
    if (!time.empty())
        when = when.empty() ? time : when + ' ' + time;
    if (when.empty()) {
        reject(raw.line, raw.itemNumber, "no date");
        return false;
    }
    const auto ts = parseNewsTimestamp(when);
    if (!ts) {
        reject(raw.line, raw.itemNumber, "unrecognised date/time '" + shortText(when) + "'");
        return false;
    }
    item.timestamp = ts->utcSeconds;
    item.timestampText = when;
    item.dateOnly = ts->dateOnly;
    item.body = cleanBody(raw.body, raw.bodyIsHtml);
    for (auto& t : raw.tickers) {
        bool bad = false;
        std::string clean = sanitizeUtf8(t, &bad);
        if (!bad && clean.size() <= 32 && !clean.empty()
            && std::find(item.tickers.begin(), item.tickers.end(), clean) == item.tickers.end())
            item.tickers.push_back(std::move(clean));
    }
    item.source = collapseWhitespace(decodeHtmlEntities(raw.source));
    item.label = parseNewsLabel(raw.label);
    item.url = collapseWhitespace(raw.url);
    item.id = collapseWhitespace(raw.id);
    m_result.items.push_back(std::move(item));
    return true;
}

Result<QByteArray> readWholeFile(const std::string& path, const NewsParseOptions& options)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, "cannot open file: " + f.errorString().toStdString(), path);
    const qint64 size = f.size();
    if (size > options.maxDocumentBytes)
        return makeError(ErrorCode::BadData,
            "the file is larger than the limit of " + std::to_string(options.maxDocumentBytes)
                + " bytes",
            path);
    // Read in blocks straight into the result (QIODevice::read(n) would allocate n bytes per
    // block, a whole MiB for a small file); a file that grows meanwhile is read up to its size,
    // a pipe (no size) until its end.
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    qint64 got = 0;
    for (;;) {
        if (got == qint64(data.size())) {
            if (!f.isSequential())
                break;
            if (got > options.maxDocumentBytes)
                return makeError(ErrorCode::BadData,
                    "the file is larger than the limit of "
                        + std::to_string(options.maxDocumentBytes) + " bytes",
                    path);
            data.resize(qsizetype(got + kReadBlock));
        }
        const qint64 n = f.read(data.data() + got, std::min(kReadBlock, data.size() - got));
        if (n < 0)
            return makeError(ErrorCode::Io, "read error: " + f.errorString().toStdString(), path);
        if (n == 0)
            break;
        got += n;
        if (!reportProgress(options.progress, got / 2, size))
            return makeError(ErrorCode::Cancelled, "cancelled", path);
    }
    data.resize(qsizetype(got));
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    return data;
}

} // namespace newsdetail

std::optional<NewsLabel> parseNewsLabel(std::string_view text)
{
    const std::string t = newsdetail::collapseWhitespace(text);
    if (t.empty())
        return std::nullopt;
    NewsLabel label;
    label.text = t;
    std::string low;
    for (char c : t)
        low += newsdetail::lower(c);
    static constexpr std::array<std::string_view, 6> kNeg
        = {"negative", "neg", "bearish", "sell", "bad", "down"};
    static constexpr std::array<std::string_view, 5> kNeu
        = {"neutral", "neu", "hold", "none", "flat"};
    static constexpr std::array<std::string_view, 6> kPos
        = {"positive", "pos", "bullish", "buy", "good", "up"};
    if (std::find(kNeg.begin(), kNeg.end(), low) != kNeg.end())
        label.klass = SentimentClass::Negative;
    else if (std::find(kNeu.begin(), kNeu.end(), low) != kNeu.end())
        label.klass = SentimentClass::Neutral;
    else if (std::find(kPos.begin(), kPos.end(), low) != kPos.end())
        label.klass = SentimentClass::Positive;
    double v = 0;
    const char* b = t.data() + (t[0] == '+' ? 1 : 0);
    const auto [p, ec] = std::from_chars(b, t.data() + t.size(), v);
    if (ec == std::errc() && p == t.data() + t.size())
        label.value = v;
    return label;
}

std::string normaliseHeadline(std::string_view headline)
{
    const QString folded
        = QString::fromUtf8(headline.data(), qsizetype(headline.size())).toCaseFolded();
    QString out;
    out.reserve(folded.size());
    bool space = false;
    for (const QChar ch : folded) {
        if (ch.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (ch.isPunct() || ch.isSymbol())
            continue;
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += ch;
    }
    return out.toStdString();
}

std::string newsDuplicateKey(std::string_view headline, std::int64_t timestamp)
{
    return normaliseHeadline(headline) + '|' + std::to_string(timestamp);
}

std::string newsDuplicateKey(const NewsItem& item)
{
    return newsDuplicateKey(item.headline, item.timestamp);
}

void dropDuplicateNews(NewsParseResult& result)
{
    std::unordered_map<std::string, std::size_t> seen; // key -> index in kept
    std::vector<NewsItem> kept;
    kept.reserve(result.items.size());
    for (auto& item : result.items) {
        auto [it, fresh] = seen.emplace(newsDuplicateKey(item), kept.size());
        if (fresh) {
            kept.push_back(std::move(item));
            continue;
        }
        const NewsItem& first = kept[it->second];
        ++result.duplicatesDropped;
        result.warnings.push_back(item.sourceFile + ": "
            + newsdetail::where(item.line, item.itemNumber) + " duplicates "
            + newsdetail::where(first.line, first.itemNumber)
            + " (same headline and time); dropped");
    }
    result.items = std::move(kept);
}

} // namespace marketlens::core
