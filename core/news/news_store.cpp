// News, ticker links and aliases in the project file (schema v5, see project_schema.cpp and
// docs/project-file.md); scores and the daily index are in news_store_sentiment.cpp.
#include "core/news/news_store.h"

#include "core/news/news_parsers.h"
#include "core/news/news_store_internal.h"
#include "core/project_store.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace marketlens::core::news {
namespace {

using detail::classFromInt;
using detail::Savepoint;

std::string upperAscii(std::string s)
{
    for (char& c : s) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

std::string lowerAscii(std::string s)
{
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

std::string trimBlanks(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

LinkReason reasonFromKey(std::string_view key)
{
    for (LinkReason r :
        {LinkReason::Explicit, LinkReason::Exchange, LinkReason::Cashtag, LinkReason::Alias}) {
        if (key == linkReasonKey(r))
            return r;
    }
    return LinkReason::Explicit;
}

std::string joinTickers(const std::vector<std::string>& tickers)
{
    std::string out;
    for (const auto& t : tickers) {
        if (t.empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += t;
    }
    return out;
}

std::vector<std::string> splitTickers(std::string_view text)
{
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b < text.size()) {
        auto e = text.find(' ', b);
        if (e == std::string_view::npos)
            e = text.size();
        if (e > b)
            out.emplace_back(text.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

void addUnique(std::vector<std::string>& list, const std::string& value)
{
    const std::string u = upperAscii(value);
    if (!u.empty() && std::find(list.begin(), list.end(), u) == list.end())
        list.push_back(u);
}

// Links of one item, in stored order.
class LinkReader {
public:
    static Result<LinkReader> prepare(Database& db)
    {
        auto st
            = db.prepare("SELECT i.ticker, t.reason, t.evidence, t.mentions FROM news_tickers t "
                         "JOIN instruments i ON i.id = t.instrument_id WHERE t.news_id = ?1 "
                         "ORDER BY t.position, i.ticker");
        if (!st)
            return st.error();
        LinkReader r;
        r.m_st = std::move(st).value();
        return r;
    }
    Result<std::vector<StoredTickerLink>> read(std::int64_t newsId)
    {
        m_st.reset();
        m_st.bind(1, newsId);
        std::vector<StoredTickerLink> out;
        const Status rows = m_st.forEachRow([&]() -> Status {
            out.push_back(
                StoredTickerLink {m_st.columnText(0), reasonFromKey(m_st.columnTextView(1)),
                    m_st.columnText(2), static_cast<int>(m_st.columnInt(3))});
            return {};
        });
        m_st.reset();
        if (!rows)
            return rows.error();
        return out;
    }

private:
    Statement m_st;
};

// Writes `links` of `newsId` (instruments created when missing; a second link to the same
// instrument is dropped).
Status writeLinks(
    ProjectStore& store, std::int64_t newsId, const std::vector<StoredTickerLink>& links)
{
    if (links.empty())
        return {};
    auto ins
        = store.db().prepare("INSERT INTO news_tickers (news_id, instrument_id, position, reason, "
                             "evidence, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                             "ON CONFLICT(news_id, instrument_id) DO NOTHING");
    if (!ins)
        return ins.error();
    int position = 0;
    for (const StoredTickerLink& l : links) {
        if (trimBlanks(l.ticker).empty())
            continue;
        auto iid = store.instrumentId(trimBlanks(l.ticker), true);
        if (!iid)
            return iid.error();
        ins->bind(1, newsId);
        ins->bind(2, *iid);
        ins->bind(3, position++);
        ins->bind(4, std::string_view(linkReasonKey(l.reason)));
        ins->bind(5, std::string_view(l.evidence));
        ins->bind(6, std::max(1, l.mentions));
        if (auto s = ins->run(); !s)
            return s;
    }
    return {};
}

constexpr const char* kNewsColumns
    = "n.id, n.time, n.date_only, n.headline, %BODY%, n.source, n.url, n.external_id, n.label, "
      "n.label_class, n.source_file, n.item_number, n.explicit_tickers";

std::string newsSelect(bool withBody)
{
    std::string cols = kNewsColumns;
    cols.replace(cols.find("%BODY%"), 6, withBody ? "n.body" : "''");
    return "SELECT " + cols + " FROM news n";
}

StoredNews readNewsRow(const Statement& st)
{
    StoredNews n;
    n.id = st.columnInt(0);
    n.timestamp = st.columnInt(1);
    n.dateOnly = st.columnInt(2) != 0;
    n.headline = st.columnText(3);
    n.body = st.columnText(4);
    n.source = st.columnText(5);
    n.url = st.columnText(6);
    n.externalId = st.columnText(7);
    n.labelText = st.columnText(8);
    if (!st.isNull(9))
        n.labelClass = classFromInt(st.columnInt(9));
    n.sourceFile = st.columnText(10);
    n.itemNumber = st.columnInt(11);
    n.explicitTickers = splitTickers(st.columnTextView(12));
    return n;
}

// Attaches the links of each item: one query per item for short lists, one pass over the
// whole links table for long ones.
Status attachLinks(ProjectStore& store, std::vector<StoredNews>& items)
{
    // One seek per item, unless the items are a large part of the project's news: then one pass
    // over every link is cheaper. max(id) (a rowid, O(1)) stands for the number of items; the
    // newest 20,000 of a million news items take 0.2 s this way, several seconds by the pass.
    auto maxId = store.db().queryInt("SELECT coalesce(max(id), 0) FROM news");
    if (!maxId)
        return maxId.error();
    if (items.size() <= 2000 || std::int64_t(items.size()) * 4 < *maxId) {
        auto reader = LinkReader::prepare(store.db());
        if (!reader)
            return reader.error();
        for (StoredNews& n : items) {
            auto links = reader->read(n.id);
            if (!links)
                return links.error();
            n.tickers = std::move(links).value();
        }
        return {};
    }
    std::unordered_map<std::int64_t, std::size_t> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        index.emplace(items[i].id, i);
    auto st = store.db().prepare("SELECT t.news_id, i.ticker, t.reason, t.evidence, t.mentions "
                                 "FROM news_tickers t JOIN instruments i ON i.id = t.instrument_id "
                                 "ORDER BY t.news_id, t.position, i.ticker");
    if (!st)
        return st.error();
    return st->forEachRow([&]() -> Status {
        const auto it = index.find(st->columnInt(0));
        if (it != index.end())
            items[it->second].tickers.push_back(
                StoredTickerLink {st->columnText(1), reasonFromKey(st->columnTextView(2)),
                    st->columnText(3), static_cast<int>(st->columnInt(4))});
        return {};
    });
}

bool sameLinks(const std::vector<StoredTickerLink>& a, const std::vector<TickerLink>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        // An explicit link's evidence is only the ticker as spelt: not a change worth a rewrite.
        if (upperAscii(a[i].ticker) != upperAscii(b[i].ticker) || a[i].reason != b[i].reason
            || a[i].mentions != b[i].mentions
            || (a[i].reason != LinkReason::Explicit && a[i].evidence != b[i].evidence))
            return false;
    }
    return true;
}

} // namespace

std::string scoringText(const StoredNews& item)
{
    if (item.body.empty())
        return item.headline;
    return item.headline + "\n\n" + item.body;
}

// ---- news ----

Result<std::vector<StoredNews>> listNews(ProjectStore& store, const NewsQuery& query)
{
    std::string sql = newsSelect(query.withBody);
    if (!query.ticker.empty())
        sql += " JOIN news_tickers t ON t.news_id = n.id JOIN instruments i ON i.id = "
               "t.instrument_id AND i.ticker = ?3";
    sql += " WHERE n.time >= ?1 AND n.time <= ?2";
    if (query.limit >= 0)
        sql += " ORDER BY n.time DESC, n.id DESC LIMIT ?4";
    else
        sql += " ORDER BY n.time, n.id";
    auto st = store.db().prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, query.from.value_or(std::numeric_limits<std::int64_t>::min()));
    st->bind(2, query.to.value_or(std::numeric_limits<std::int64_t>::max()));
    if (!query.ticker.empty())
        st->bind(3, std::string_view(upperAscii(trimBlanks(query.ticker))));
    if (query.limit >= 0)
        st->bind(4, query.limit);
    std::vector<StoredNews> out;
    const Status rows = st->forEachRow([&]() -> Status {
        out.push_back(readNewsRow(*st));
        return {};
    });
    if (!rows)
        return rows.error();
    if (auto s = attachLinks(store, out); !s)
        return s.error();
    return out;
}

Result<StoredNews> newsById(ProjectStore& store, std::int64_t id)
{
    auto st = store.db().prepare(newsSelect(true) + " WHERE n.id = ?1");
    if (!st)
        return st.error();
    st->bind(1, id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, "no news item with id " + std::to_string(id));
    std::vector<StoredNews> one {readNewsRow(*st)};
    if (auto s = attachLinks(store, one); !s)
        return s.error();
    return std::move(one.front());
}

Result<std::int64_t> newsCount(ProjectStore& store)
{
    return store.db().queryInt("SELECT count(*) FROM news");
}

Result<std::int64_t> insertNews(ProjectStore& store, const StoredNews& item)
{
    if (trimBlanks(item.headline).empty())
        return makeError(ErrorCode::InvalidArgument, "a news item needs a headline");
    std::vector<std::string> explicitTickers;
    for (const auto& t : item.explicitTickers)
        addUnique(explicitTickers, trimBlanks(t));
    for (const auto& l : item.tickers) {
        if (l.reason == LinkReason::Explicit)
            addUnique(explicitTickers, trimBlanks(l.ticker));
    }
    auto st = store.db().prepare(
        "INSERT INTO news (time, date_only, headline, body, source, url, external_id, label, "
        "label_class, source_file, item_number, explicit_tickers, dup_key, imported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT(dup_key) DO NOTHING");
    if (!st)
        return st.error();
    st->bind(1, item.timestamp);
    st->bind(2, item.dateOnly ? 1 : 0);
    st->bind(3, std::string_view(item.headline));
    st->bind(4, std::string_view(item.body));
    st->bind(5, std::string_view(item.source));
    st->bind(6, std::string_view(item.url));
    st->bind(7, std::string_view(item.externalId));
    st->bind(8, std::string_view(item.labelText));
    if (item.labelClass)
        st->bind(9, static_cast<int>(*item.labelClass));
    else
        st->bindNull(9);
    st->bind(10, std::string_view(item.sourceFile));
    st->bind(11, item.itemNumber);
    st->bind(12, std::string_view(joinTickers(explicitTickers)));
    st->bind(13, std::string_view(newsDuplicateKey(item.headline, item.timestamp)));
    st->bind(14, std::string_view(utcNowIso()));
    if (auto s = st->run(); !s)
        return s.error();
    if (store.db().changes() == 0)
        return std::int64_t {0}; // the same news is already stored
    const std::int64_t id = store.db().lastInsertRowId();
    if (auto s = writeLinks(store, id, item.tickers); !s)
        return s.error();
    return id;
}

Status deleteNews(ProjectStore& store, const std::vector<std::int64_t>& ids)
{
    Savepoint sp(store.db(), "delete_news");
    if (auto s = sp.begin(); !s)
        return s;
    auto st = store.db().prepare("DELETE FROM news WHERE id = ?1");
    if (!st)
        return st.error();
    for (std::int64_t id : ids) {
        st->bind(1, id);
        if (auto s = st->run(); !s)
            return s;
    }
    return sp.release();
}

// ---- aliases ----

Result<std::vector<InstrumentAliases>> instrumentAliases(ProjectStore& store)
{
    auto st = store.db().prepare(
        "SELECT i.ticker, a.alias FROM instruments i LEFT JOIN instrument_aliases a "
        "ON a.instrument_id = i.id ORDER BY i.ticker, a.alias COLLATE NOCASE");
    if (!st)
        return st.error();
    std::vector<InstrumentAliases> out;
    const Status rows = st->forEachRow([&]() -> Status {
        std::string ticker = st->columnText(0);
        if (out.empty() || out.back().ticker != ticker)
            out.push_back(InstrumentAliases {std::move(ticker), {}});
        if (!st->isNull(1))
            out.back().aliases.push_back(st->columnText(1));
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Status setInstrumentAliases(
    ProjectStore& store, const std::string& ticker, const std::vector<std::string>& aliases)
{
    auto iid = store.instrumentId(trimBlanks(ticker), false);
    if (!iid)
        return iid.error();
    std::vector<std::string> kept;
    std::vector<std::string> seen; // lower-case, as the NOCASE column compares
    for (const auto& raw : aliases) {
        std::string a = trimBlanks(raw);
        if (a.empty() || std::find(seen.begin(), seen.end(), lowerAscii(a)) != seen.end())
            continue;
        seen.push_back(lowerAscii(a));
        kept.push_back(std::move(a));
    }
    Savepoint sp(store.db(), "set_aliases");
    if (auto s = sp.begin(); !s)
        return s;
    auto del = store.db().prepare("DELETE FROM instrument_aliases WHERE instrument_id = ?1");
    if (!del)
        return del.error();
    del->bind(1, *iid);
    if (auto s = del->run(); !s)
        return s;
    auto ins = store.db().prepare(
        "INSERT INTO instrument_aliases (instrument_id, alias) VALUES (?1, ?2)");
    if (!ins)
        return ins.error();
    for (const auto& a : kept) {
        ins->bind(1, *iid);
        ins->bind(2, std::string_view(a));
        if (auto s = ins->run(); !s)
            return s;
    }
    return sp.release();
}

Result<std::int64_t> relinkNews(ProjectStore& store)
{
    auto aliases = instrumentAliases(store);
    if (!aliases)
        return aliases.error();
    const TickerLinker linker(*aliases);
    Savepoint sp(store.db(), "relink_news");
    if (auto s = sp.begin(); !s)
        return s.error();
    auto reader = LinkReader::prepare(store.db());
    if (!reader)
        return reader.error();
    auto del = store.db().prepare("DELETE FROM news_tickers WHERE news_id = ?1");
    if (!del)
        return del.error();
    // Reading news while writing news_tickers on the same connection is safe: the news table
    // itself is not modified.
    auto st
        = store.db().prepare("SELECT id, headline, body, explicit_tickers FROM news ORDER BY id");
    if (!st)
        return st.error();
    std::int64_t changed = 0;
    const Status rows = st->forEachRow([&]() -> Status {
        const std::int64_t id = st->columnInt(0);
        auto stored = reader->read(id);
        if (!stored)
            return stored.error();
        std::vector<std::string> explicitTickers = splitTickers(st->columnTextView(3));
        for (const auto& l : *stored) {
            if (l.reason == LinkReason::Explicit)
                addUnique(explicitTickers, l.ticker);
        }
        const TickerLinks links
            = linker.link(explicitTickers, st->columnTextView(1), st->columnTextView(2));
        if (sameLinks(*stored, links.links))
            return {};
        ++changed;
        del->bind(1, id);
        if (auto s = del->run(); !s)
            return s;
        std::vector<StoredTickerLink> fresh;
        for (const TickerLink& l : links.links)
            fresh.push_back(StoredTickerLink {l.ticker, l.reason, l.evidence, l.mentions});
        return writeLinks(store, id, fresh);
    });
    if (!rows)
        return rows.error();
    if (auto s = sp.release(); !s)
        return s.error();
    return changed;
}

} // namespace marketlens::core::news
