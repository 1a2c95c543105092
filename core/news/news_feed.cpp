// News from RSS 2.0, RSS 1.0 (RDF) and Atom feeds saved as files, with QXmlStreamReader.
// A malformed item is rejected on its own: after an XML error the reader restarts at the next
// <item>/<entry> start tag, each item then read from its own fragment of the text.
#include "core/news/html_text.h"
#include "core/news/news_parsers.h"
#include "core/news/news_util.h"

#include <QString>
#include <QStringList>
#include <QXmlStreamEntityResolver>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstring>

namespace marketlens::core {
namespace {

using newsdetail::RawItem;

constexpr qsizetype kProgressStep = qsizetype(1) << 20;

// HTML named entities (&nbsp; &eacute; ...) that feeds use without declaring them.
class HtmlEntityResolver : public QXmlStreamEntityResolver {
public:
    QString resolveUndeclaredEntity(const QString& name) override
    {
        std::string ref(1, '&');
        ref += name.toStdString();
        ref += ';';
        const std::string decoded = decodeHtmlEntities(ref);
        return decoded == ref ? QString() : QString::fromStdString(decoded);
    }
};

bool is(QStringView name, const char* what)
{
    return name.compare(QLatin1String(what), Qt::CaseInsensitive) == 0;
}

bool isItemTag(QStringView name)
{
    return is(name, "item") || is(name, "entry");
}

// A category that names a ticker: domain="ticker"/"symbol"/"stock...", "NYSE:IBM", "$AAPL", or a
// short upper-case code ("AAPL", "BRK.B"). Words such as "Markets" are not.
void addCategoryTicker(
    std::vector<std::string>& tickers, const QString& text, const QString& scheme)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 40)
        return;
    const QString s = scheme.toLower();
    if (s.contains(QLatin1String("ticker")) || s.contains(QLatin1String("symbol"))
        || s.contains(QLatin1String("stock"))) {
        newsdetail::appendTickers(tickers, t.toStdString());
        return;
    }
    QString code = t;
    if (const auto colon = t.indexOf(QLatin1Char(':')); colon > 0)
        code = t.mid(colon + 1).trimmed();
    else if (t.startsWith(QLatin1Char('$')))
        code = t.mid(1);
    if (code.isEmpty() || code.size() > 10 || !code.at(0).isLetter())
        return;
    for (const QChar c : code)
        if (!((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c.isDigit()
                || c == QLatin1Char('.') || c == QLatin1Char('-')))
            return;
    newsdetail::appendTickers(tickers, code.toStdString());
}

// The content of the current element as HTML: child elements become tags again, text is kept
// as HTML source (RSS, Atom type="html") or escaped (Atom type="xhtml"). False on an XML error.
bool readMarkup(QXmlStreamReader& xml, bool escapeText, QString& out)
{
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            out += QLatin1Char('<') + xml.name().toString() + QLatin1Char('>');
            break;
        case QXmlStreamReader::EndElement:
            if (--depth > 0)
                out += QLatin1String("</") + xml.name().toString() + QLatin1Char('>');
            break;
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            out += escapeText ? xml.text().toString().toHtmlEscaped() : xml.text().toString();
            break;
        default:
            break;
        }
    }
    return !xml.hasError();
}

struct FeedInfo {
    QString title;
    QString date;
};

// Reads the item/entry element the reader is at. False on an XML error.
bool readItem(QXmlStreamReader& xml, RawItem& raw)
{
    QString published, updated, body, summary, link;
    bool haveAltLink = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && isItemTag(xml.qualifiedName()))
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.qualifiedName().toString();
        const auto attrs = xml.attributes();
        const QString type = attrs.value(QLatin1String("type")).toString().toLower();
        if (is(name, "title")) {
            QString html;
            const bool escape = type == QLatin1String("xhtml");
            if (!readMarkup(xml, escape, html))
                return false;
            raw.headline = html.toStdString();
            raw.headlineIsHtml
                = type == QLatin1String("html") || escape || type == QLatin1String("text/html");
        } else if (is(name, "description") || is(name, "summary") || is(name, "content:encoded")
            || is(name, "content")) {
            QString html;
            if (type == QLatin1String("text") || type == QLatin1String("text/plain")) {
                html = xml.readElementText(QXmlStreamReader::IncludeChildElements).toHtmlEscaped();
                if (xml.hasError())
                    return false;
            } else if (!readMarkup(xml, type == QLatin1String("xhtml"), html)) {
                return false;
            }
            const bool full = is(name, "content:encoded") || is(name, "content");
            (full ? body : summary) = html;
        } else if (is(name, "pubDate") || is(name, "published") || is(name, "dc:date")
            || is(name, "issued")) {
            const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (published.isEmpty())
                published = t;
        } else if (is(name, "updated") || is(name, "modified") || is(name, "atom:updated")
            || is(name, "a10:updated")) {
            updated = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (is(name, "link")) {
            const QString href = attrs.value(QLatin1String("href")).toString();
            const QString rel = attrs.value(QLatin1String("rel")).toString();
            if (!href.isEmpty()) {
                if (!haveAltLink && (rel.isEmpty() || rel == QLatin1String("alternate"))) {
                    link = href;
                    haveAltLink = true;
                } else if (link.isEmpty()) {
                    link = href;
                }
                xml.skipCurrentElement();
            } else {
                const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (link.isEmpty())
                    link = t.trimmed();
            }
        } else if (is(name, "guid") || is(name, "id")) {
            raw.id = xml.readElementText(QXmlStreamReader::IncludeChildElements)
                         .trimmed()
                         .toStdString();
        } else if (is(name, "category")) {
            const QString term = attrs.value(QLatin1String("term")).toString();
            const QString scheme = attrs.value(QLatin1String("domain")).toString()
                + attrs.value(QLatin1String("scheme")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            addCategoryTicker(raw.tickers, term.isEmpty() ? text : term, scheme);
        } else if (is(name, "source") && attrs.hasAttribute(QLatin1String("url"))) {
            raw.source = xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString();
        } else {
            xml.skipCurrentElement();
        }
        if (xml.hasError())
            return false;
    }
    if (xml.hasError())
        return false;
    raw.body = (body.isEmpty() ? summary : body).toStdString();
    raw.bodyIsHtml = true;
    raw.date = (published.isEmpty() ? updated : published).toStdString();
    raw.url = link.toStdString();
    return true;
}

// Start of the next "<item" / "<entry" start tag at or after `from`, -1 when none.
qsizetype nextItemStart(const QString& text, qsizetype from)
{
    for (qsizetype p = text.indexOf(QLatin1Char('<'), from); p >= 0;
         p = text.indexOf(QLatin1Char('<'), p + 1)) {
        for (const char* tag : {"item", "entry"}) {
            const qsizetype n = qsizetype(std::strlen(tag));
            if (QStringView(text).mid(p + 1, n).compare(QLatin1String(tag), Qt::CaseInsensitive)
                != 0)
                continue;
            const QChar after = p + 1 + n < text.size() ? text.at(p + 1 + n) : QChar();
            if (after == QLatin1Char('>') || after == QLatin1Char('/') || after.isSpace())
                return p;
        }
    }
    return -1;
}

class FeedReader {
public:
    FeedReader(const QString& text, std::int64_t fileBytes, newsdetail::ItemSink& sink,
        const NewsParseOptions& options)
        : m_text(text)
        , m_fileBytes(fileBytes)
        , m_sink(sink)
        , m_options(options)
    {
    }

    // BadData when the root is no feed; Cancelled.
    Status run();

private:
    void finishItem(RawItem raw)
    {
        if (raw.source.empty())
            raw.source = m_feed.title.trimmed().toStdString();
        if (raw.date.empty() && !m_feed.date.isEmpty()) {
            raw.date = m_feed.date.toStdString();
            if (!m_warnedFeedDate)
                m_sink.warn(m_sink.file() + ": items without a date were given the feed's date ("
                    + m_feed.date.trimmed().toStdString() + "), first "
                    + newsdetail::where(raw.line, raw.itemNumber));
            m_warnedFeedDate = true;
        }
        m_sink.add(std::move(raw));
    }
    void xmlError(
        const QXmlStreamReader& xml, std::int64_t baseLine, bool inItem, const RawItem& raw);
    // In bytes of the file like the reading before it: the second half of the job.
    bool progress(qsizetype offset)
    {
        if (offset - m_lastReport < kProgressStep)
            return true;
        m_lastReport = offset;
        const double share = m_text.isEmpty() ? 1.0 : double(offset) / double(m_text.size());
        return reportProgress(m_options.progress,
            m_fileBytes / 2 + std::int64_t(double(m_fileBytes / 2) * share), m_fileBytes);
    }
    Status recover(qsizetype from);

    const QString& m_text;
    std::int64_t m_fileBytes = 0;
    newsdetail::ItemSink& m_sink;
    const NewsParseOptions& m_options;
    HtmlEntityResolver m_resolver;
    FeedInfo m_feed;
    std::int64_t m_itemNumber = 0;
    qsizetype m_lastReport = 0;
    bool m_warnedFeedDate = false;
};

void FeedReader::xmlError(
    const QXmlStreamReader& xml, std::int64_t baseLine, bool inItem, const RawItem& raw)
{
    const std::int64_t line = baseLine + xml.lineNumber() - 1;
    const std::string what
        = "malformed XML at line " + std::to_string(line) + ": " + xml.errorString().toStdString();
    if (inItem)
        m_sink.reject(raw.line, raw.itemNumber, what);
    else
        m_sink.warn(m_sink.file() + ": " + what);
}

Status FeedReader::run()
{
    QXmlStreamReader xml(m_text);
    xml.setNamespaceProcessing(false);
    xml.setEntityResolver(&m_resolver);
    bool rootSeen = false;
    QStringList stack;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && !stack.isEmpty()) {
            stack.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.qualifiedName().toString();
        if (!rootSeen) {
            rootSeen = true;
            if (!is(name, "rss") && !is(name, "feed") && !is(name, "rdf:RDF"))
                return makeError(ErrorCode::BadData,
                    "not an RSS or Atom feed: the root element is <" + name.toStdString() + ">",
                    m_sink.file(), xml.lineNumber());
        }
        const QString parent = stack.isEmpty() ? QString() : stack.last();
        if (isItemTag(name)) {
            RawItem raw;
            raw.itemNumber = ++m_itemNumber;
            raw.line = xml.lineNumber();
            if (!readItem(xml, raw)) {
                xmlError(xml, 1, true, raw);
                return recover(xml.characterOffset());
            }
            finishItem(std::move(raw));
            if (!progress(xml.characterOffset()))
                return makeError(ErrorCode::Cancelled, "cancelled", m_sink.file());
            continue;
        }
        const bool feedLevel = is(parent, "channel") || is(parent, "feed");
        if (feedLevel && is(name, "title")) {
            m_feed.title = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (feedLevel
            && (is(name, "pubDate") || is(name, "lastBuildDate") || is(name, "updated")
                || is(name, "dc:date"))) {
            const QString d = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (m_feed.date.isEmpty() || is(name, "pubDate"))
                m_feed.date = d;
        } else {
            stack.append(name);
        }
    }
    if (xml.hasError()) {
        if (!rootSeen)
            return makeError(ErrorCode::BadData,
                "not an RSS or Atom feed: " + xml.errorString().toStdString(), m_sink.file(),
                xml.lineNumber());
        xmlError(xml, 1, false, RawItem());
        return recover(xml.characterOffset());
    }
    return {};
}

// After an XML error: every later item is read from its own fragment of the text.
Status FeedReader::recover(qsizetype from)
{
    std::int64_t line = 1 + std::count(m_text.cbegin(), m_text.cbegin() + from, QLatin1Char('\n'));
    qsizetype at = from;
    qsizetype start = nextItemStart(m_text, from);
    while (start >= 0) {
        line += std::count(m_text.cbegin() + at, m_text.cbegin() + start, QLatin1Char('\n'));
        at = start;
        const qsizetype next = nextItemStart(m_text, start + 1);
        const QString fragment = m_text.mid(start, next < 0 ? -1 : next - start);
        QXmlStreamReader xml(fragment);
        xml.setNamespaceProcessing(false);
        xml.setEntityResolver(&m_resolver);
        while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::StartElement) { }
        RawItem raw;
        raw.itemNumber = ++m_itemNumber;
        raw.line = line;
        if (xml.hasError() || !readItem(xml, raw))
            xmlError(xml, line, true, raw);
        else
            finishItem(std::move(raw));
        if (!progress(start))
            return makeError(ErrorCode::Cancelled, "cancelled", m_sink.file());
        start = next;
    }
    return {};
}

} // namespace

Result<NewsParseResult> parseNewsFeed(const std::string& path, const NewsParseOptions& options)
{
    auto data = newsdetail::readWholeFile(path, options);
    if (!data)
        return data.error();
    NewsParseResult result;
    newsdetail::ItemSink sink(result, path, options);
    // The declared encoding: UTF-8 unless an ISO-8859-1 / Windows-1252 / ASCII declaration.
    const QByteArray head = data->left(200).toLower();
    QString text;
    if (head.contains("encoding=\"iso-8859-1\"") || head.contains("encoding='iso-8859-1'")
        || head.contains("windows-1252") || head.contains("latin1")) {
        text = QString::fromLatin1(*data);
    } else {
        bool bad = false;
        const std::string clean
            = newsdetail::sanitizeUtf8(std::string_view(data->constData(), data->size()), &bad);
        if (bad)
            sink.noteInvalidUtf8(0, 0);
        text = QString::fromStdString(clean);
    }
    const std::int64_t fileBytes = data->size();
    data = QByteArray(); // free the bytes
    FeedReader reader(text, fileBytes, sink, options);
    if (const Status s = reader.run(); !s)
        return s.error();
    if (!reportProgress(options.progress, fileBytes, fileBytes))
        return makeError(ErrorCode::Cancelled, "cancelled", path);
    dropDuplicateNews(result);
    return result;
}

} // namespace marketlens::core
