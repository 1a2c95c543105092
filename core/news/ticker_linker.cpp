#include "ticker_linker.h"

#include <QChar>

#include <algorithm>
#include <array>
#include <map>

namespace marketlens::core {
namespace {

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
}
char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

std::string tickerKey(std::string_view ticker)
{
    std::string k;
    for (char c : ticker)
        k += (c == '-' || c == '/') ? '.' : upper(c);
    return k;
}

// Code point of the UTF-8 sequence starting at s[i] (U+FFFD when broken).
char32_t decodeAt(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = n == 3 ? (c & 0x07) : n == 2 ? (c & 0x0F) : n == 1 ? (c & 0x1F) : c;
    for (int k = 1; k <= n; ++k) {
        if (i + std::size_t(k) >= s.size())
            return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + std::size_t(k)]) & 0x3F);
    }
    return cp;
}

bool isWordCodePoint(char32_t cp)
{
    if (cp < 0x80)
        return isAsciiAlnum(char(cp));
    if (cp > 0xFFFF)
        return true;
    return QChar(char16_t(cp)).isLetterOrNumber();
}

// Whether a word character touches byte offset `at` from the left / right.
bool wordBefore(std::string_view s, std::size_t at)
{
    if (at == 0)
        return false;
    std::size_t b = at - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80)
        --b;
    return isWordCodePoint(decodeAt(s, b));
}
bool wordAfter(std::string_view s, std::size_t at)
{
    return at < s.size() && isWordCodePoint(decodeAt(s, at));
}

struct Exchange {
    std::string_view name;
    std::string_view suffix;
};
constexpr std::array<Exchange, 58> kExchanges = {{
    {"NYSE AMERICAN", ""},
    {"NYSE ARCA", ""},
    {"NYSE MKT", ""},
    {"NYSEAMERICAN", ""},
    {"NYSEARCA", ""},
    {"NYSEMKT", ""},
    {"NYSE", ""},
    {"NASDAQGS", ""},
    {"NASDAQGM", ""},
    {"NASDAQCM", ""},
    {"NASDAQ", ""},
    {"AMEX", ""},
    {"OTCQX", ""},
    {"OTCQB", ""},
    {"OTCMKTS", ""},
    {"OTC", ""},
    {"LSE", "L"},
    {"LON", "L"},
    {"AIM", "L"},
    {"TSX-V", "V"},
    {"TSXV", "V"},
    {"TSX", "TO"},
    {"CSE", "CN"},
    {"ASX", "AX"},
    {"NZX", "NZ"},
    {"HKEX", "HK"},
    {"HKG", "HK"},
    {"SEHK", "HK"},
    {"TYO", "T"},
    {"TSE", "T"},
    {"JPX", "T"},
    {"SGX", "SI"},
    {"NSE", "NS"},
    {"BSE", "BO"},
    {"XETRA", "DE"},
    {"ETR", "DE"},
    {"FRA", "F"},
    {"FWB", "F"},
    {"EPA", "PA"},
    {"EURONEXT", "PA"},
    {"AMS", "AS"},
    {"BME", "MC"},
    {"SIX", "SW"},
    {"SWX", "SW"},
    {"STO", "ST"},
    {"OMX", "ST"},
    {"OSE", "OL"},
    {"CPH", "CO"},
    {"HEL", "HE"},
    {"JSE", "JO"},
    {"BMV", "MX"},
    {"BOVESPA", "SA"},
    {"KRX", "KS"},
    {"KOSDAQ", "KQ"},
    {"TWSE", "TW"},
    {"SSE", "SS"},
    {"SZSE", "SZ"},
    {"MIL", "MI"},
}};

bool matchesNoCase(std::string_view text, std::size_t at, std::string_view upperName)
{
    if (at + upperName.size() > text.size())
        return false;
    for (std::size_t k = 0; k < upperName.size(); ++k)
        if (upper(text[at + k]) != upperName[k])
            return false;
    return true;
}

// "BRK.B", "VOD", "0700": 1-6 letters/digits, optionally '.'/'-' and 1-3 more. Returns the length
// (0 when none) ending before a non-word character.
std::size_t symbolAt(std::string_view text, std::size_t at, bool lettersOnly)
{
    std::size_t k = at;
    auto ok = [&](char c) { return lettersOnly ? isAsciiAlpha(c) : isAsciiAlnum(c); };
    while (k < text.size() && k - at < 7 && ok(text[k]))
        ++k;
    const std::size_t main = k - at;
    if (main == 0 || main > 6)
        return 0;
    if (k + 1 < text.size() && (text[k] == '.' || text[k] == '-') && ok(text[k + 1])) {
        std::size_t m = k + 1;
        while (m < text.size() && m - k - 1 < 4 && ok(text[m]))
            ++m;
        if (m - k - 1 <= (lettersOnly ? 2u : 3u) && !wordAfter(text, m))
            return m - at;
    }
    return wordAfter(text, k) || (k < text.size() && (text[k] == '$' || text[k] == '_')) ? 0 : main;
}

// Lower-case (ASCII) with blank runs as one space.
std::string foldText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += lower(c);
    }
    return out;
}

} // namespace

const char* linkReasonKey(LinkReason reason)
{
    switch (reason) {
    case LinkReason::Explicit:
        return "explicit";
    case LinkReason::Exchange:
        return "exchange";
    case LinkReason::Cashtag:
        return "cashtag";
    case LinkReason::Alias:
        return "alias";
    }
    return "explicit";
}

std::string exchangeSuffix(std::string_view exchange)
{
    for (const auto& e : kExchanges)
        if (matchesNoCase(exchange, 0, e.name) && exchange.size() == e.name.size())
            return std::string(e.suffix);
    return {};
}

std::vector<TextMention> findCashtags(std::string_view text)
{
    std::vector<TextMention> out;
    for (std::size_t i = text.find('$'); i != std::string_view::npos; i = text.find('$', i + 1)) {
        if (i > 0 && (isAsciiAlnum(text[i - 1]) || text[i - 1] == '$'))
            continue; // "US$5", "$$"
        if (i + 1 >= text.size() || !isAsciiAlpha(text[i + 1]))
            continue; // "$5", "$100m"
        const std::size_t n = symbolAt(text, i + 1, true);
        if (n == 0)
            continue;
        TextMention m;
        m.offset = i;
        m.text = std::string(text.substr(i, n + 1));
        for (char c : text.substr(i + 1, n))
            m.symbol += upper(c);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<TextMention> findExchangeMentions(std::string_view text)
{
    std::vector<TextMention> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isAsciiAlpha(text[i]) || (i > 0 && isAsciiAlnum(text[i - 1])))
            continue;
        // Cheap filter: a word followed by ':' (after blanks), or "NYSE" (multi-word names).
        std::size_t w = i;
        while (w < text.size() && (isAsciiAlnum(text[w]) || text[w] == '-'))
            ++w;
        std::size_t colon = w;
        while (colon < text.size() && text[colon] == ' ')
            ++colon;
        if (!(colon < text.size() && text[colon] == ':') && !matchesNoCase(text, i, "NYSE")) {
            i = w - 1;
            continue;
        }
        for (const auto& e : kExchanges) {
            if (!matchesNoCase(text, i, e.name))
                continue;
            std::size_t k = i + e.name.size();
            if (k < text.size() && isAsciiAlnum(text[k]))
                continue; // "NYSEG" is no exchange
            while (k < text.size() && text[k] == ' ')
                ++k;
            if (k >= text.size() || text[k] != ':')
                break;
            ++k;
            while (k < text.size() && text[k] == ' ')
                ++k;
            const std::size_t n = symbolAt(text, k, false);
            if (n == 0)
                break;
            TextMention m;
            m.offset = i;
            m.exchange = std::string(e.name);
            m.text = std::string(text.substr(i, k + n - i));
            for (char c : text.substr(k, n))
                m.symbol += upper(c);
            out.push_back(std::move(m));
            i = k + n - 1;
            break;
        }
    }
    return out;
}

TickerLinker::TickerLinker(const std::vector<InstrumentAliases>& instruments)
{
    std::map<std::string, std::vector<std::string>> aliases;
    for (const auto& in : instruments) {
        if (in.ticker.empty())
            continue;
        m_byKey.emplace(tickerKey(in.ticker), in.ticker);
        for (const auto& a : in.aliases) {
            std::string f = foldText(a);
            if (f.empty())
                continue;
            auto& list = aliases[f];
            if (std::find(list.begin(), list.end(), in.ticker) == list.end())
                list.push_back(in.ticker);
        }
    }
    for (auto& [text, tickers] : aliases)
        m_aliases.push_back({text, std::move(tickers)});
    std::stable_sort(m_aliases.begin(), m_aliases.end(),
        [](const Alias& a, const Alias& b) { return a.text.size() > b.text.size(); });
    for (std::size_t k = 0; k < m_aliases.size(); ++k) {
        const std::string& a = m_aliases[k].text;
        if (!wordAfter(a, 0)) {
            m_symbolAliases.push_back(k);
            continue;
        }
        std::size_t e = 0;
        while (e < a.size() && wordAfter(a, e))
            ++e;
        m_byFirstWord[a.substr(0, e)].push_back(k);
    }
}

std::optional<std::string> TickerLinker::knownTicker(
    std::string_view symbol, std::string_view exchange) const
{
    const std::string key = tickerKey(symbol);
    if (auto it = m_byKey.find(key); it != m_byKey.end())
        return it->second;
    const std::string suffix = exchangeSuffix(exchange);
    if (!suffix.empty())
        if (auto it = m_byKey.find(key + '.' + suffix); it != m_byKey.end())
            return it->second;
    return std::nullopt;
}

TickerLinks TickerLinker::link(const std::vector<std::string>& explicitTickers,
    std::string_view headline, std::string_view body) const
{
    TickerLinks out;
    auto warn = [&](std::string w) {
        if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
            out.warnings.push_back(std::move(w));
    };
    auto add = [&](const std::string& ticker, LinkReason reason, const std::string& evidence) {
        for (auto& l : out.links) {
            if (l.ticker == ticker) {
                ++l.mentions;
                if (reason < l.reason) {
                    l.reason = reason;
                    l.evidence = evidence;
                }
                return;
            }
        }
        out.links.push_back({ticker, reason, evidence, 1});
    };
    for (const auto& t : explicitTickers) {
        if (const auto known = knownTicker(t))
            add(*known, LinkReason::Explicit, t);
        else
            warn("ticker " + t + " is not an instrument of the project");
    }
    if (!out.links.empty())
        return out;

    std::string text(headline);
    text += '\n';
    text.append(body);
    for (const auto& m : findExchangeMentions(text)) {
        if (const auto known = knownTicker(m.symbol, m.exchange))
            add(*known, LinkReason::Exchange, m.text);
        else
            warn("'" + m.text + "' names no instrument of the project");
    }
    for (const auto& m : findCashtags(text)) {
        if (const auto known = knownTicker(m.symbol))
            add(*known, LinkReason::Cashtag, m.text);
        else
            warn("cashtag " + m.text + " names no instrument of the project");
    }
    if (!m_aliases.empty()) {
        const std::string folded = foldText(text);
        // Candidates: aliases found at word starts through the first-word index (plus the few
        // aliases that start with a symbol), then claimed longest first.
        std::vector<std::pair<std::size_t, std::size_t>> found; // alias index, position
        auto tryAt = [&](std::size_t alias, std::size_t p) {
            const std::string& a = m_aliases[alias].text;
            if (folded.compare(p, a.size(), a) == 0 && !wordBefore(folded, p)
                && !wordAfter(folded, p + a.size()))
                found.emplace_back(alias, p);
        };
        for (std::size_t p = 0; p < folded.size();) {
            if (!wordAfter(folded, p) || wordBefore(folded, p)) {
                ++p;
                continue;
            }
            std::size_t e = p;
            while (e < folded.size() && wordAfter(folded, e))
                ++e;
            if (auto it = m_byFirstWord.find(folded.substr(p, e - p)); it != m_byFirstWord.end())
                for (std::size_t alias : it->second)
                    tryAt(alias, p);
            p = e;
        }
        for (std::size_t alias : m_symbolAliases)
            for (std::size_t p = folded.find(m_aliases[alias].text); p != std::string::npos;
                 p = folded.find(m_aliases[alias].text, p + 1))
                tryAt(alias, p);
        std::sort(found.begin(), found.end()); // aliases are stored longest first
        std::vector<bool> claimed(folded.size(), false);
        std::vector<std::pair<std::size_t, std::size_t>> kept; // position, alias index
        for (const auto& [alias, p] : found) {
            const std::size_t e = p + m_aliases[alias].text.size();
            if (std::any_of(claimed.begin() + std::ptrdiff_t(p),
                    claimed.begin() + std::ptrdiff_t(e), [](bool c) { return c; }))
                continue;
            std::fill(
                claimed.begin() + std::ptrdiff_t(p), claimed.begin() + std::ptrdiff_t(e), true);
            kept.emplace_back(p, alias);
        }
        std::sort(kept.begin(), kept.end()); // links in the order of their first mention
        for (const auto& [p, alias] : kept)
            for (const auto& t : m_aliases[alias].tickers)
                add(t, LinkReason::Alias, m_aliases[alias].text);
    }
    std::stable_sort(out.links.begin(), out.links.end(),
        [](const TickerLink& a, const TickerLink& b) { return a.reason < b.reason; });
    return out;
}

} // namespace marketlens::core
