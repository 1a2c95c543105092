#pragma once
// Date: a calendar day as a count of days since 1970-01-01 (proleptic Gregorian), the time axis of
// every series. Cheap to copy and compare; converts to and from ISO-8601 "YYYY-MM-DD", the form in
// which dates are stored in the project file.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marketlens::core {

class Date {
public:
    constexpr Date() = default;
    constexpr explicit Date(std::int32_t daysSinceEpoch) : m_days(daysSinceEpoch) {}

    // Returns nullopt for an impossible day (month 13, 30 February, year outside 1..9999).
    static std::optional<Date> fromYmd(int year, int month, int day);
    // Strict "YYYY-MM-DD"; nullopt otherwise.
    static std::optional<Date> fromIso(std::string_view text);

    constexpr std::int32_t days() const { return m_days; }
    int year() const;
    int month() const;
    int day() const;
    // 1 = Monday .. 7 = Sunday (ISO).
    int dayOfWeek() const;

    std::string toIso() const;
    // Writes exactly 10 characters "YYYY-MM-DD" to `out` (no terminator).
    void writeIso(char* out) const;

    // Milliseconds since the Unix epoch at 00:00 UTC, the x value of chart series.
    constexpr std::int64_t toMsecsSinceEpoch() const { return std::int64_t(m_days) * 86400000LL; }

    friend constexpr auto operator<=>(Date, Date) = default;

private:
    std::int32_t m_days = 0;
};

} // namespace marketlens::core
