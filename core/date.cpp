#include "date.h"

namespace marketlens::core {
namespace {

// Days from civil and civil from days: Howard Hinnant's public-domain algorithms
// (http://howardhinnant.github.io/date_algorithms.html), exact over the whole proleptic calendar.
constexpr std::int32_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Ymd {
    int y;
    unsigned m;
    unsigned d;
};

constexpr Ymd civilFromDays(std::int32_t z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

constexpr bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int daysInMonth(int y, int m)
{
    constexpr int table[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : table[m - 1];
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);

} // namespace

std::optional<Date> Date::fromYmd(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month))
        return std::nullopt;
    return Date(daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::fromIso(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    int v[3] = {0, 0, 0};
    const int start[3] = {0, 5, 8};
    const int len[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (int i = 0; i < len[f]; ++i) {
            const char c = s[static_cast<size_t>(start[f] + i)];
            if (c < '0' || c > '9')
                return std::nullopt;
            v[f] = v[f] * 10 + (c - '0');
        }
    }
    return fromYmd(v[0], v[1], v[2]);
}

int Date::year() const { return civilFromDays(m_days).y; }
int Date::month() const { return static_cast<int>(civilFromDays(m_days).m); }
int Date::day() const { return static_cast<int>(civilFromDays(m_days).d); }

int Date::dayOfWeek() const
{
    // 1970-01-01 was a Thursday (ISO 4).
    const int r = ((m_days % 7) + 7) % 7;
    return (r + 3) % 7 + 1;
}

void Date::writeIso(char* out) const
{
    const Ymd c = civilFromDays(m_days);
    int y = c.y;
    for (int i = 3; i >= 0; --i) {
        out[i] = static_cast<char>('0' + y % 10);
        y /= 10;
    }
    out[4] = '-';
    out[5] = static_cast<char>('0' + c.m / 10);
    out[6] = static_cast<char>('0' + c.m % 10);
    out[7] = '-';
    out[8] = static_cast<char>('0' + c.d / 10);
    out[9] = static_cast<char>('0' + c.d % 10);
}

std::string Date::toIso() const
{
    std::string s(10, '0');
    writeIso(s.data());
    return s;
}

} // namespace marketlens::core
