#include "text_parse.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace marketlens::core {
namespace {

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != b[i])
            return false;
    }
    return true;
}

// Length of a thousands separator at s[i] for a file whose decimal separator is `decimal`;
// 0 when there is none.
std::size_t thousandsSeparator(std::string_view s, std::size_t i, char decimal)
{
    const char c = s[i];
    if (c == '\'' || c == ' ')
        return 1;
    if ((c == ',' && decimal == '.') || (c == '.' && decimal == ','))
        return 1;
    const std::string_view rest = s.substr(i);
    // no-break space, narrow no-break space, right single quotation mark (Swiss style)
    for (std::string_view sep : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x99"}) {
        if (rest.substr(0, sep.size()) == sep)
            return sep.size();
    }
    return 0;
}

// The slow path of parseNumber: separators, signs, percent, quotes, missing tokens.
ParseStatus parseNumberSlow(std::string_view s, char decimal, double& out, bool* percent)
{
    s = trimBlanks(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = trimBlanks(s.substr(1, s.size() - 2));
    if (isMissingToken(s))
        return ParseStatus::Missing;
    if (s.back() == '%') {
        if (!percent)
            return ParseStatus::Bad;
        *percent = true;
        s = trimBlanks(s.substr(0, s.size() - 1));
        if (s.empty())
            return ParseStatus::Bad;
    }
    char buf[128];
    std::size_t n = 0;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        if (s[0] == '-')
            buf[n++] = '-';
        ++i;
    }
    int group = 0;
    int intDigits = 0;
    bool grouped = false;
    char sepUsed = 0;
    while (i < s.size() && n < sizeof(buf) - 8) {
        if (isDigit(s[i])) {
            buf[n++] = s[i++];
            ++group;
            ++intDigits;
            continue;
        }
        const std::size_t sepLen = thousandsSeparator(s, i, decimal);
        if (sepLen == 0)
            break;
        // Groups: the first one 1..3 digits, every later one exactly 3.
        if (group == 0 || group > 3 || (grouped && group != 3) || (sepUsed && sepUsed != s[i]))
            return ParseStatus::Bad;
        sepUsed = s[i];
        grouped = true;
        group = 0;
        i += sepLen;
    }
    if (grouped && group != 3)
        return ParseStatus::Bad;
    int fracDigits = 0;
    if (i < s.size() && s[i] == decimal) {
        buf[n++] = '.';
        ++i;
        while (i < s.size() && isDigit(s[i]) && n < sizeof(buf) - 8) {
            buf[n++] = s[i++];
            ++fracDigits;
        }
    }
    if (intDigits + fracDigits == 0)
        return ParseStatus::Bad;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        buf[n++] = 'e';
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            buf[n++] = s[i++];
        int expDigits = 0;
        while (i < s.size() && isDigit(s[i]) && n < sizeof(buf) - 1) {
            buf[n++] = s[i++];
            ++expDigits;
        }
        if (expDigits == 0)
            return ParseStatus::Bad;
    }
    if (i != s.size())
        return ParseStatus::Bad;
    const auto [ptr, ec] = std::from_chars(buf, buf + n, out);
    if (ec != std::errc() || ptr != buf + n || !std::isfinite(out))
        return ParseStatus::Bad;
    return ParseStatus::Ok;
}

struct DateParts {
    int v[3] = {0, 0, 0};
    int len[3] = {0, 0, 0};
    char sep = 0;
};

// The time part after a date: "T16:00:00", " 16:00", "T00:00:00Z", "T09:30:00.000+01:00".
bool isTimePart(std::string_view rest)
{
    if (rest.empty())
        return true;
    if (rest[0] != 'T' && rest[0] != ' ')
        return false;
    if (rest.size() < 2 || !isDigit(rest[1]))
        return false;
    for (char c : rest.substr(1)) {
        if (!isDigit(c) && c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z' && c != ' ')
            return false;
    }
    return true;
}

// Splits "a<sep>b<sep>c[time]" (or 8 digits "YYYYMMDD") into three numbers.
bool splitDate(std::string_view s, DateParts& p)
{
    if (s.size() == 8 && std::all_of(s.begin(), s.end(), isDigit)) {
        p.v[0] = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        p.v[1] = (s[4] - '0') * 10 + (s[5] - '0');
        p.v[2] = (s[6] - '0') * 10 + (s[7] - '0');
        p.len[0] = 4;
        p.len[1] = p.len[2] = 2;
        p.sep = '-';
        return true;
    }
    std::size_t i = 0;
    for (int f = 0; f < 3; ++f) {
        if (f > 0) {
            if (i >= s.size())
                return false;
            if (f == 1 && s[i] != '-' && s[i] != '/' && s[i] != '.')
                return false;
            if (f == 1)
                p.sep = s[i];
            else if (s[i] != p.sep)
                return false;
            ++i;
        }
        while (i < s.size() && isDigit(s[i]) && p.len[f] < 4) {
            p.v[f] = p.v[f] * 10 + (s[i++] - '0');
            ++p.len[f];
        }
        if (p.len[f] == 0 || (i < s.size() && isDigit(s[i])))
            return false;
    }
    return isTimePart(s.substr(i));
}

bool yearFirst(const DateParts& p)
{
    return p.len[0] == 4 && p.len[1] <= 2 && p.len[2] <= 2;
}
bool yearLast(const DateParts& p)
{
    return p.len[2] == 4 && p.len[0] <= 2 && p.len[1] <= 2;
}

} // namespace

const char* dateFormatKey(DateFormat format)
{
    switch (format) {
    case DateFormat::Auto: return "auto";
    case DateFormat::Iso: return "iso";
    case DateFormat::YmdSlash: return "ymd";
    case DateFormat::Mdy: return "mdy";
    case DateFormat::Dmy: return "dmy";
    }
    return "auto";
}

std::string_view trimBlanks(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool isMissingToken(std::string_view text)
{
    const std::string_view s = trimBlanks(text);
    if (s.empty() || s == "-")
        return true;
    for (std::string_view t : {"na", "n/a", "#n/a", "null", "nan", "none"}) {
        if (equalsNoCase(s, t))
            return true;
    }
    return false;
}

ParseStatus parseNumber(std::string_view text, char decimal, double& out, bool* percent)
{
    if (percent)
        *percent = false;
    // Fast path: a plain number that from_chars takes whole ("123.45", "-1e-3", "1000").
    if (!text.empty() && (isDigit(text[0]) || text[0] == '-')) {
        const char* b = text.data();
        const char* e = b + text.size();
        const auto [ptr, ec] = std::from_chars(b, e, out);
        if (ec == std::errc() && ptr == e && std::isfinite(out)
            && (decimal == '.' || std::memchr(b, '.', text.size()) == nullptr))
            return ParseStatus::Ok;
    }
    if (text.empty())
        return ParseStatus::Missing;
    return parseNumberSlow(text, decimal, out, percent);
}

void DecimalSniffer::add(std::string_view text)
{
    const std::string_view s = trimBlanks(text);
    const auto dot = s.rfind('.');
    const auto comma = s.rfind(',');
    if (dot == std::string_view::npos && comma == std::string_view::npos)
        return;
    if (dot != std::string_view::npos && comma != std::string_view::npos) {
        ++(dot > comma ? m_dot : m_comma); // the last one is the decimal separator
        return;
    }
    const bool isDot = dot != std::string_view::npos;
    const std::size_t at = isDot ? dot : comma;
    const char c = isDot ? '.' : ',';
    std::size_t digitsAfter = 0;
    while (at + 1 + digitsAfter < s.size() && isDigit(s[at + 1 + digitsAfter]))
        ++digitsAfter;
    if (s.find(c) != at) { // the separator appears twice: thousands
        ++(isDot ? m_comma : m_dot);
    } else if (digitsAfter != 3) {
        ++(isDot ? m_dot : m_comma);
    } else if (!isDot) {
        ++m_ambiguousComma; // "1,234": 1234 or 1.234
    }
}

char DecimalSniffer::decide(char delimiter) const
{
    if (m_comma > m_dot)
        return ',';
    if (m_dot > 0)
        return '.';
    if (m_ambiguousComma > 0 && delimiter != ',')
        return ',';
    return '.';
}

std::optional<Date> parseDate(std::string_view text, DateFormat format)
{
    const std::string_view s = trimBlanks(text);
    // Fast path for ISO dates.
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && format != DateFormat::Mdy
        && format != DateFormat::Dmy) {
        int v[3] = {0, 0, 0};
        const int start[3] = {0, 5, 8};
        const int len[3] = {4, 2, 2};
        bool ok = true;
        for (int f = 0; f < 3 && ok; ++f) {
            for (int i = 0; i < len[f]; ++i) {
                const char c = s[static_cast<std::size_t>(start[f] + i)];
                ok = ok && isDigit(c);
                v[f] = v[f] * 10 + (c - '0');
            }
        }
        if (ok && (s.size() == 10 || isTimePart(s.substr(10))))
            return Date::fromYmd(v[0], v[1], v[2]);
    }
    DateParts p;
    if (!splitDate(s, p))
        return std::nullopt;
    if (yearFirst(p))
        return Date::fromYmd(p.v[0], p.v[1], p.v[2]); // unambiguous whatever the format
    if (!yearLast(p))
        return std::nullopt;
    if (format == DateFormat::Mdy)
        return Date::fromYmd(p.v[2], p.v[0], p.v[1]);
    if (format == DateFormat::Dmy)
        return Date::fromYmd(p.v[2], p.v[1], p.v[0]);
    return std::nullopt;
}

void DateSniffer::add(std::string_view text)
{
    DateParts p;
    if (!splitDate(trimBlanks(text), p))
        return;
    if (yearFirst(p)) {
        m_yearFirst = true;
        m_isoDash = m_isoDash || p.sep == '-';
    } else if (yearLast(p)) {
        if (p.v[0] > 12 && p.v[1] <= 12) {
            m_dayFirst = true;
        } else if (p.v[1] > 12 && p.v[0] <= 12) {
            m_monthFirst = true;
        } else {
            m_ambiguous = true;
            m_dotted = m_dotted || p.sep == '.';
            if (m_example.empty())
                m_example = std::string(trimBlanks(text));
        }
    }
}

std::optional<DateFormat> DateSniffer::decide(std::string& why) const
{
    if (m_yearFirst)
        return m_isoDash ? DateFormat::Iso : DateFormat::YmdSlash;
    if (m_dayFirst && m_monthFirst) {
        why = "dates mix day-first and month-first order; give the format explicitly "
              "(--date-format dmy or mdy)";
        return std::nullopt;
    }
    if (m_dayFirst)
        return DateFormat::Dmy;
    if (m_monthFirst)
        return DateFormat::Mdy;
    if (m_ambiguous) {
        if (m_dotted)
            return DateFormat::Dmy; // DD.MM.YYYY is the convention wherever dots are used
        why = "ambiguous dates: every value (e.g. '" + m_example
              + "') could be MM/DD/YYYY or DD/MM/YYYY; give the format explicitly "
                "(--date-format mdy or dmy)";
        return std::nullopt;
    }
    return DateFormat::Iso; // no date values at all: rows are rejected one by one
}

} // namespace marketlens::core
