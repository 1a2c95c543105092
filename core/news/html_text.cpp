#include "html_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace marketlens::core {
namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnum(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9');
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Latin-1 names in code point order: U+00A0..U+00FF.
constexpr std::array<std::string_view, 96> kLatin1 = {"nbsp", "iexcl", "cent", "pound", "curren",
    "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg",
    "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
    "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave",
    "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute",
    "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};

struct Named {
    std::string_view name;
    char32_t cp;
};
constexpr std::array<Named, 40> kOther = {{
    {"amp", '&'},
    {"lt", '<'},
    {"gt", '>'},
    {"quot", '"'},
    {"apos", '\''},
    {"hellip", 0x2026},
    {"mdash", 0x2014},
    {"ndash", 0x2013},
    {"lsquo", 0x2018},
    {"rsquo", 0x2019},
    {"sbquo", 0x201A},
    {"ldquo", 0x201C},
    {"rdquo", 0x201D},
    {"bdquo", 0x201E},
    {"bull", 0x2022},
    {"euro", 0x20AC},
    {"trade", 0x2122},
    {"prime", 0x2032},
    {"Prime", 0x2033},
    {"dagger", 0x2020},
    {"Dagger", 0x2021},
    {"permil", 0x2030},
    {"larr", 0x2190},
    {"rarr", 0x2192},
    {"uarr", 0x2191},
    {"darr", 0x2193},
    {"le", 0x2264},
    {"ge", 0x2265},
    {"ne", 0x2260},
    {"asymp", 0x2248},
    {"minus", 0x2212},
    {"thinsp", 0x2009},
    {"ensp", 0x2002},
    {"emsp", 0x2003},
    {"zwnj", 0x200C},
    {"zwj", 0x200D},
    {"lrm", 0x200E},
    {"rlm", 0x200F},
    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A},
}};

// Code point of `name` (case-sensitive, as HTML), 0 when unknown.
char32_t lookupEntity(std::string_view name)
{
    for (const auto& e : kOther)
        if (e.name == name)
            return e.cp;
    for (std::size_t k = 0; k < kLatin1.size(); ++k)
        if (kLatin1[k] == name)
            return char32_t(0xA0 + k);
    return 0;
}

// Decodes the reference starting at text[i] == '&'. On success sets `cp` and returns the length
// consumed; 0 when it is no (known) reference.
std::size_t decodeEntityAt(std::string_view text, std::size_t i, char32_t& cp)
{
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
        ++j;
        const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
        if (hex)
            ++j;
        std::uint32_t v = 0;
        std::size_t digits = 0;
        for (; j < text.size() && digits < 8; ++j, ++digits) {
            const char c = text[j];
            int d = -1;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
                d = lower(c) - 'a' + 10;
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + std::uint32_t(d);
        }
        if (digits == 0 || j >= text.size() || text[j] != ';')
            return 0;
        cp = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : char32_t(v);
        return j + 1 - i;
    }
    std::size_t k = j;
    while (k < text.size() && k - j < 10 && isAlnum(text[k]))
        ++k;
    if (k == j || k >= text.size() || text[k] != ';')
        return 0;
    cp = lookupEntity(text.substr(j, k - j));
    return cp ? k + 1 - i : 0;
}

bool startsWithNoCase(std::string_view text, std::size_t at, std::string_view prefix)
{
    if (at + prefix.size() > text.size())
        return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
        if (lower(text[at + k]) != prefix[k])
            return false;
    return true;
}

std::size_t findNoCase(std::string_view text, std::size_t from, std::string_view needle)
{
    for (std::size_t k = from; k + needle.size() <= text.size(); ++k)
        if (startsWithNoCase(text, k, needle))
            return k;
    return std::string_view::npos;
}

enum class Break { None, Space, Line, Paragraph };

Break breakOf(std::string_view tag)
{
    static constexpr std::array<std::string_view, 5> kLine = {"br", "li", "tr", "dt", "dd"};
    static constexpr std::array<std::string_view, 31> kBlock
        = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote",
            "pre", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
            "figcaption", "hr", "address", "form", "fieldset", "tbody", "thead", "center", "body"};
    if (tag == "td" || tag == "th")
        return Break::Space;
    if (std::find(kLine.begin(), kLine.end(), tag) != kLine.end())
        return Break::Line;
    if (std::find(kBlock.begin(), kBlock.end(), tag) != kBlock.end())
        return Break::Paragraph;
    return Break::None;
}

// Collapsing writer: blanks become one space, breaks at most one blank line, trimmed ends.
class TextSink {
public:
    void text(char c)
    {
        if (!m_out.empty()) {
            if (m_break == Break::Paragraph)
                m_out += "\n\n";
            else if (m_break == Break::Line)
                m_out += '\n';
            else if (m_break == Break::Space && m_out.back() != '\n')
                m_out += ' ';
        }
        m_break = Break::None;
        m_out += c;
    }
    void codePoint(char32_t cp)
    {
        if (cp == 0xA0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 || cp < 0x20) {
            blank();
            return;
        }
        if (cp == 0xAD) // soft hyphen: invisible
            return;
        std::string tmp;
        appendUtf8(tmp, cp);
        for (char c : tmp)
            text(c);
    }
    void blank() { brk(Break::Space); }
    void brk(Break b) { m_break = std::max(m_break, b); }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
    Break m_break = Break::None;
};

// Position of the '>' that ends the tag starting at `from` (quotes in attributes respected;
// an unclosed quote falls back to the first '>'), npos when there is none.
std::size_t tagEnd(std::string_view html, std::size_t from)
{
    char quote = 0;
    for (std::size_t k = from; k < html.size(); ++k) {
        const char c = html[k];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            if (k > from && html[k - 1] == '=')
                quote = c;
        } else if (c == '>') {
            return k;
        }
    }
    return html.find('>', from);
}

} // namespace

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string decodeHtmlEntities(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = text[i] == '&' ? decodeEntityAt(text, i, cp) : 0;
        if (n == 0) {
            out += text[i++];
            continue;
        }
        appendUtf8(out, cp == 0xA0 ? char32_t(' ') : cp);
        i += n;
    }
    return out;
}

std::string htmlToText(std::string_view html)
{
    TextSink sink;
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '&') {
            char32_t cp = 0;
            if (const std::size_t n = decodeEntityAt(html, i, cp)) {
                sink.codePoint(cp);
                i += n;
                continue;
            }
            sink.text(c);
            ++i;
            continue;
        }
        if (c == '\xC2' && i + 1 < html.size() && html[i + 1] == '\xA0') { // raw U+00A0
            sink.blank();
            i += 2;
            continue;
        }
        if (c != '<') {
            if (isBlank(c))
                sink.blank();
            else
                sink.text(c);
            ++i;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t e = html.find("-->", i + 4);
            i = e == std::string_view::npos ? html.size() : e + 3;
            continue;
        }
        if (html.compare(i, 9, "<![CDATA[") == 0) {
            std::size_t e = html.find("]]>", i + 9);
            if (e == std::string_view::npos)
                e = html.size();
            for (std::size_t k = i + 9; k < e; ++k)
                isBlank(html[k]) ? sink.blank() : sink.text(html[k]);
            i = std::min(html.size(), e + 3);
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        const std::size_t nameStart = i + (closing ? 2 : 1);
        const bool markup = nameStart < html.size()
            && (isAlpha(html[nameStart])
                || (!closing && (html[nameStart] == '!' || html[nameStart] == '?')));
        if (!markup) {
            sink.text(c); // "a < b": plain text
            ++i;
            continue;
        }
        const std::size_t end = tagEnd(html, nameStart);
        if (end == std::string_view::npos)
            break; // an unterminated tag at the end: dropped
        std::string name;
        for (std::size_t k = nameStart; k < end && (isAlnum(html[k]) || html[k] == '-'); ++k)
            name += lower(html[k]);
        i = end + 1;
        const bool selfClosing = html[end - 1] == '/';
        if (!closing && !selfClosing
            && (name == "script" || name == "style" || name == "head" || name == "template"
                || name == "title")) {
            const std::size_t close = findNoCase(html, i, "</" + name);
            if (close == std::string_view::npos) {
                i = html.size();
            } else {
                const std::size_t closeEnd = html.find('>', close);
                i = closeEnd == std::string_view::npos ? html.size() : closeEnd + 1;
            }
            continue;
        }
        sink.brk(breakOf(name));
    }
    return sink.take();
}

bool looksLikeHtml(std::string_view text)
{
    static constexpr std::array<std::string_view, 30> kTags = {"p", "br", "div", "a", "b", "i", "u",
        "em", "strong", "span", "ul", "ol", "li", "img", "table", "tr", "td", "h1", "h2", "h3",
        "h4", "h5", "h6", "script", "style", "font", "blockquote", "pre", "hr", "small"};
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            char32_t cp = 0;
            if (decodeEntityAt(text, i, cp))
                return true;
            continue;
        }
        if (text[i] != '<')
            continue;
        const bool closing = i + 1 < text.size() && text[i + 1] == '/';
        std::size_t k = i + (closing ? 2 : 1);
        std::string name;
        while (k < text.size() && isAlnum(text[k]) && name.size() < 12)
            name += lower(text[k++]);
        if (name.empty() || std::find(kTags.begin(), kTags.end(), name) == kTags.end())
            continue;
        if (k < text.size() && text[k] == '>')
            return true; // <p>, </p>, <br>
        if (closing)
            continue;
        if (text.compare(k, 2, "/>") == 0 || text.compare(k, 3, " />") == 0)
            return true; // <br/>, <br />
        if (k < text.size() && isBlank(text[k])) { // attributes: name="value" before '>'
            const std::size_t e = text.find('>', k);
            const std::string_view attrs = text.substr(k, std::min(e, k + 400) - k);
            const std::size_t eq = attrs.find('=');
            if (e != std::string_view::npos && eq != std::string_view::npos && eq + 1 < attrs.size()
                && (attrs[eq + 1] == '"' || attrs[eq + 1] == '\''))
                return true;
        }
    }
    return false;
}

} // namespace marketlens::core
