#include "news_dates.h"

#include "core/date.h"

#include <array>
#include <cstdio>

namespace marketlens::core {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

// `word` abbreviates `full` (at least 3 letters): "Jun", "June", "Sept" of "september".
bool abbreviates(std::string_view word, std::string_view full)
{
    if (word.size() < 3 || word.size() > full.size())
        return false;
    return equalsNoCase(word, full.substr(0, word.size()));
}

int monthFromName(std::string_view word)
{
    static constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december"};
    for (std::size_t m = 0; m < kMonths.size(); ++m)
        if (abbreviates(word, kMonths[m]))
            return int(m) + 1;
    return 0;
}

bool isWeekday(std::string_view word)
{
    static constexpr std::array<std::string_view, 7> kDays
        = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (auto d : kDays)
        if (abbreviates(word, d))
            return true;
    return false;
}

// A cursor over the text with the small reads every format needs.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool atEnd() const { return i >= s.size(); }
    char peek(std::size_t ahead = 0) const { return i + ahead < s.size() ? s[i + ahead] : '\0'; }
    void skipBlanks()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
            ++i;
    }
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++i;
        return true;
    }
    // Up to `maxDigits` digits; `digits` says how many were read (0: none, nothing consumed).
    bool readInt(int& value, int& digits, int maxDigits = 9)
    {
        value = 0;
        digits = 0;
        while (i < s.size() && isDigit(s[i]) && digits < maxDigits) {
            value = value * 10 + (s[i] - '0');
            ++digits;
            ++i;
        }
        return digits > 0 && !(i < s.size() && isDigit(s[i]));
    }
    std::string_view readWord()
    {
        const std::size_t b = i;
        while (i < s.size() && isAlpha(s[i]))
            ++i;
        return s.substr(b, i - b);
    }
};

struct Parts {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    bool hasTime = false, hasZone = false;
    int offset = 0;
};

// "HH:MM[:SS[.fff]]" with an optional AM/PM after blanks.
bool readTime(Cursor& c, Parts& p)
{
    int digits = 0;
    if (!c.readInt(p.hour, digits, 2) || c.peek() != ':')
        return false;
    c.eat(':');
    if (!c.readInt(p.minute, digits, 2) || digits != 2)
        return false;
    if (c.eat(':')) {
        if (!c.readInt(p.second, digits, 2) || digits != 2)
            return false;
        if (c.peek() == '.' || (c.peek() == ',' && isDigit(c.peek(1)))) {
            ++c.i;
            int frac = 0;
            if (!c.readInt(frac, digits, 9)) {
                while (isDigit(c.peek())) // more than 9 digits of fraction: ignore the rest
                    ++c.i;
                if (digits == 0)
                    return false;
            }
        }
    }
    p.hasTime = true;
    const std::size_t save = c.i;
    c.skipBlanks();
    std::string_view w = c.readWord();
    bool pm = false;
    if (equalsNoCase(w, "am") || equalsNoCase(w, "pm")) {
        pm = equalsNoCase(w, "pm");
    } else if ((equalsNoCase(w, "a") || equalsNoCase(w, "p")) && c.peek() == '.') {
        pm = equalsNoCase(w, "p"); // "p.m."
        c.eat('.');
        if (!equalsNoCase(c.readWord(), "m"))
            return false;
        c.eat('.');
    } else {
        c.i = save;
        return true;
    }
    if (p.hour < 1 || p.hour > 12)
        return false;
    p.hour = (p.hour % 12) + (pm ? 12 : 0);
    return true;
}

// "+HHMM", "-HH:MM", "+HH" (at the cursor, sign included).
bool readNumericOffset(Cursor& c, int& offset)
{
    const char sign = c.peek();
    if (sign != '+' && sign != '-')
        return false;
    ++c.i;
    int v = 0, digits = 0;
    if (!c.readInt(v, digits, 4) && !(digits == 2 && c.peek() == ':'))
        return false;
    int h = 0, m = 0;
    if (digits == 4) {
        h = v / 100;
        m = v % 100;
    } else if (digits == 2 || digits == 1) {
        h = v;
        if (c.eat(':')) {
            if (!c.readInt(m, digits, 2) || digits != 2)
                return false;
        }
    } else {
        return false;
    }
    if (h > 23 || m > 59)
        return false;
    offset = (sign == '-' ? -1 : 1) * (h * 3600 + m * 60);
    return true;
}

// An optional zone after blanks: a numeric offset, a name, or a name with an offset ("GMT+1").
bool readZone(Cursor& c, Parts& p)
{
    c.skipBlanks();
    if (c.atEnd())
        return true;
    if (c.peek() == '+' || c.peek() == '-') {
        if (!readNumericOffset(c, p.offset))
            return false;
        p.hasZone = true;
        return true;
    }
    if (!isAlpha(c.peek()))
        return true; // not a zone: the caller decides whether what follows is allowed
    const std::size_t save = c.i;
    const std::string_view w = c.readWord();
    const auto named = namedZoneOffset(w);
    if (!named) {
        c.i = save;
        return true;
    }
    p.offset = *named;
    p.hasZone = true;
    if ((equalsNoCase(w, "gmt") || equalsNoCase(w, "utc") || equalsNoCase(w, "ut"))
        && (c.peek() == '+' || c.peek() == '-')) {
        int extra = 0;
        if (!readNumericOffset(c, extra))
            return false;
        p.offset = extra;
    }
    return true;
}

int expandYear(int year, int digits)
{
    if (digits == 2)
        return year < 50 ? 2000 + year : 1900 + year;
    if (digits == 3)
        return 1900 + year;
    return year;
}

std::optional<NewsTimestamp> finish(const Parts& p, Cursor& c)
{
    c.skipBlanks();
    while (c.peek() == '.') // a full stop after the date is harmless
        ++c.i;
    c.skipBlanks();
    if (!c.atEnd())
        return std::nullopt;
    int second = p.second;
    int carry = 0;
    if (second == 60) { // leap second: the next minute's first second
        second = 59;
        carry = 1;
    }
    const auto t = utcSecondsFromCivil(p.year, p.month, p.day, p.hour, p.minute, second);
    if (!t)
        return std::nullopt;
    NewsTimestamp out;
    out.utcSeconds = *t + carry - p.offset;
    out.dateOnly = !p.hasTime;
    out.hasZone = p.hasZone;
    out.offsetSeconds = p.offset;
    return out;
}

// Time then zone, both optional.
bool readTimeAndZone(Cursor& c, Parts& p)
{
    c.skipBlanks();
    if (isDigit(c.peek()) && !readTime(c, p))
        return false;
    return readZone(c, p);
}

// Texts that start with a letter: "[Tue,] 10 Jun 2003 ...", "Jun 10, 2003 ...",
// "Tue Jun 10 04:00:00 +0000 2003".
std::optional<NewsTimestamp> parseWordy(Cursor& c)
{
    Parts p;
    int digits = 0;
    std::string_view w;
    if (isAlpha(c.peek())) {
        const std::size_t save = c.i;
        w = c.readWord();
        if (isWeekday(w)) {
            c.eat('.');
            c.skipBlanks();
            w = {};
        } else {
            c.i = save;
        }
    }
    if (isDigit(c.peek())) { // RFC 2822: day month year
        if (!c.readInt(p.day, digits, 2))
            return std::nullopt;
        const bool dashed = c.eat('-');
        c.skipBlanks();
        p.month = monthFromName(c.readWord());
        c.eat('.');
        if (p.month == 0 || (dashed && !c.eat('-')))
            return std::nullopt;
        c.skipBlanks();
        if (!c.readInt(p.year, digits, 4))
            return std::nullopt;
        p.year = expandYear(p.year, digits);
        if (!readTimeAndZone(c, p))
            return std::nullopt;
        return finish(p, c);
    }
    p.month = monthFromName(c.readWord()); // month day[,] year, or asctime
    c.eat('.');
    c.skipBlanks();
    if (p.month == 0 || !c.readInt(p.day, digits, 2))
        return std::nullopt;
    c.skipBlanks();
    const std::size_t save = c.i;
    int first = 0;
    if (c.readInt(first, digits, 4) && c.peek() != ':') { // "Jun 10, 2003 [time] [zone]"
        p.year = expandYear(first, digits);
        if (digits != 4 && digits != 2)
            return std::nullopt;
        if (!readTimeAndZone(c, p))
            return std::nullopt;
        return finish(p, c);
    }
    c.i = save; // asctime: "Jun 10 04:00:00 [zone] 2003"
    if (!readTime(c, p) || !readZone(c, p))
        return std::nullopt;
    c.skipBlanks();
    if (!c.readInt(p.year, digits, 4) || digits != 4)
        return std::nullopt;
    return finish(p, c);
}

// "2003-06-10[T| ]HH:MM[:SS[.f]][Z|+HH:MM|+HHMM|+HH| ZONE]" and "2003/06/10 ...".
std::optional<NewsTimestamp> parseIsoLike(Cursor& c)
{
    Parts p;
    int digits = 0;
    if (!c.readInt(p.year, digits, 4) || digits != 4)
        return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && sep != '/')
        return std::nullopt;
    ++c.i;
    if (!c.readInt(p.month, digits, 2) || !c.eat(sep) || !c.readInt(p.day, digits, 2))
        return std::nullopt;
    if (c.peek() == 'T' || c.peek() == 't') {
        ++c.i;
        if (!readTime(c, p))
            return std::nullopt;
    } else {
        c.skipBlanks();
        if (isDigit(c.peek()) && !readTime(c, p))
            return std::nullopt;
    }
    if (c.peek() == 'Z' || c.peek() == 'z') {
        ++c.i;
        p.hasZone = true;
    } else if (!readZone(c, p)) {
        return std::nullopt;
    }
    return finish(p, c);
}

// "MM/DD/YYYY ..." and "DD.MM.YYYY ...".
std::optional<NewsTimestamp> parseNumericDate(Cursor& c)
{
    Parts p;
    int a = 0, b = 0, digits = 0;
    if (!c.readInt(a, digits, 2))
        return std::nullopt;
    const char sep = c.peek();
    if (sep != '/' && sep != '.')
        return std::nullopt;
    ++c.i;
    if (!c.readInt(b, digits, 2) || !c.eat(sep) || !c.readInt(p.year, digits, 4) || digits != 4)
        return std::nullopt;
    if (sep == '/') {
        p.month = a;
        p.day = b;
    } else {
        p.day = a;
        p.month = b;
    }
    if (!readTimeAndZone(c, p))
        return std::nullopt;
    return finish(p, c);
}

// All digits, maybe with a fraction: epoch seconds/milliseconds or compact dates.
std::optional<NewsTimestamp> parseDigits(std::string_view t)
{
    std::size_t n = 0;
    while (n < t.size() && isDigit(t[n]))
        ++n;
    const bool fraction = n < t.size() && t[n] == '.';
    if (fraction) {
        for (std::size_t k = n + 1; k < t.size(); ++k)
            if (!isDigit(t[k]))
                return std::nullopt;
    } else if (n != t.size()) {
        return std::nullopt;
    }
    if (n > 14)
        return std::nullopt; // no epoch number or compact date is longer (and 19 digits overflow)
    std::int64_t v = 0;
    for (std::size_t k = 0; k < n; ++k)
        v = v * 10 + (t[k] - '0');
    auto num = [&](std::size_t b, std::size_t len) {
        int x = 0;
        for (std::size_t k = b; k < b + len; ++k)
            x = x * 10 + (t[k] - '0');
        return x;
    };
    NewsTimestamp out;
    out.hasZone = true; // epoch numbers are UTC by definition
    if (n >= 9 && n <= 11) {
        out.utcSeconds = v;
        return out;
    }
    if (n == 13) {
        out.utcSeconds = v / 1000;
        return out;
    }
    if (fraction || (n != 8 && n != 12 && n != 14))
        return std::nullopt;
    const auto s = utcSecondsFromCivil(num(0, 4), num(4, 2), num(6, 2), n >= 12 ? num(8, 2) : 0,
        n >= 12 ? num(10, 2) : 0, n == 14 ? num(12, 2) : 0);
    if (!s)
        return std::nullopt;
    out.utcSeconds = *s;
    out.hasZone = false;
    out.dateOnly = n == 8;
    return out;
}

// Removes "(...)" comments (RFC 2822 "-0500 (EST)") and trims blanks.
std::string stripComments(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    int depth = 0;
    for (char ch : text) {
        if (ch == '(')
            ++depth;
        else if (ch == ')' && depth > 0)
            --depth;
        else if (depth == 0)
            out.push_back(ch == '\t' || ch == '\r' || ch == '\n' ? ' ' : ch);
    }
    std::size_t b = 0, e = out.size();
    while (b < e && out[b] == ' ')
        ++b;
    while (e > b && out[e - 1] == ' ')
        --e;
    return out.substr(b, e - b);
}

} // namespace

std::optional<int> namedZoneOffset(std::string_view name)
{
    struct Zone {
        std::string_view name;
        int minutes;
    };
    static constexpr std::array<Zone, 42> kZones = {{
        {"ut", 0},
        {"utc", 0},
        {"gmt", 0},
        {"z", 0},
        {"est", -300},
        {"edt", -240},
        {"cst", -360},
        {"cdt", -300},
        {"mst", -420},
        {"mdt", -360},
        {"pst", -480},
        {"pdt", -420},
        {"akst", -540},
        {"akdt", -480},
        {"hst", -600},
        {"ast", -240},
        {"adt", -180},
        {"nst", -210},
        {"ndt", -150},
        {"wet", 0},
        {"west", 60},
        {"bst", 60},
        {"cet", 60},
        {"cest", 120},
        {"met", 60},
        {"mest", 120},
        {"eet", 120},
        {"eest", 180},
        {"msk", 180},
        {"jst", 540},
        {"kst", 540},
        {"hkt", 480},
        {"sgt", 480},
        {"awst", 480},
        {"acst", 570},
        {"aest", 600},
        {"aedt", 660},
        {"nzst", 720},
        {"nzdt", 780},
        {"cat", 120},
        {"eat", 180},
        {"wat", 60},
    }};
    for (const auto& z : kZones)
        if (equalsNoCase(name, z.name))
            return z.minutes * 60;
    // RFC 2822 4.3: the military letters' signs were wrong in RFC 822, so they mean -0000.
    if (name.size() == 1 && isAlpha(name[0]) && lower(name[0]) != 'j')
        return 0;
    return std::nullopt;
}

std::optional<std::int64_t> utcSecondsFromCivil(
    int year, int month, int day, int hour, int minute, int second)
{
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    const auto d = Date::fromYmd(year, month, day);
    if (!d)
        return std::nullopt;
    return std::int64_t(d->days()) * 86400 + hour * 3600 + minute * 60 + second;
}

std::string formatUtcIso(std::int64_t utcSeconds)
{
    std::int64_t days = utcSeconds / 86400;
    std::int64_t rest = utcSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const Date d(static_cast<std::int32_t>(days));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.toIso().c_str(), int(rest / 3600),
        int(rest / 60 % 60), int(rest % 60));
    return buf;
}

std::optional<NewsTimestamp> parseNewsTimestamp(std::string_view text)
{
    if (text.size() > 200)
        return std::nullopt;
    const std::string clean = stripComments(text);
    if (clean.empty())
        return std::nullopt;
    if (auto d = parseDigits(clean))
        return d;
    Cursor c {clean};
    if (isAlpha(clean[0]))
        return parseWordy(c);
    std::size_t lead = 0;
    while (lead < clean.size() && isDigit(clean[lead]))
        ++lead;
    if (lead == 4)
        return parseIsoLike(c);
    if (lead == 0 || lead > 2 || lead >= clean.size())
        return std::nullopt;
    const char sep = clean[lead];
    if (sep == '/' || sep == '.')
        return parseNumericDate(c);
    return parseWordy(c); // "10 Jun 2003 ...", "26-FEB-1987 ..."
}

} // namespace marketlens::core
