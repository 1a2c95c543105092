#pragma once
// Date/time parsing for news files: the formats feeds and news exports really use. Pure functions,
// never throw, no locale. Written here because Qt's RFC 2822 parser knows no named zones.
//
// Accepted (surrounding blanks ignored, names case-insensitive, "(comments)" skipped):
//  - RFC 822/2822: "[Tue,] 10 Jun 2003 04:00[:00] ZONE": weekday optional, 1- or 2-digit day,
//    month names (Jun, June, Sept), 4-digit years, 2-digit years (00-49 -> 20xx, 50-99 -> 19xx),
//    3-digit years (+1900). ZONE: +HHMM, -HHMM, +HH:MM, or a name: UT UTC GMT Z EST EDT CST CDT
//    MST MDT PST PDT AKST AKDT HST AST ADT NST NDT WET WEST BST CET CEST MET MEST EET EEST MSK JST
//    KST HKT SGT AWST ACST AEST AEDT NZST NZDT, "GMT+1" style offsets, and the military letters
//    A-I, K-Y, which RFC 2822 says to read as -0000 (UTC). Without a zone: UTC.
//  - "Jun 10, 2003 [4:00 PM] [ZONE]", "Tue Jun 10 04:00:00 [+0000] 2003" (asctime, Twitter),
//    "26-FEB-1987 15:01:01.79" (Reuters).
//  - ISO 8601 / RFC 3339: "2003-06-10", "2003-06-10T04:00:00Z", "2003-06-10 04:00",
//    "2003-06-10T04:00:00.123456+02:00", "+0200", "+02", " EST"; also "2003/06/10 ...".
//  - "MM/DD/YYYY [HH:MM[:SS]] [AM|PM]" (US order: a first number above 12 is refused, since the
//    file is then day-first and reading some rows one way and others the other would be wrong),
//    "DD.MM.YYYY [HH:MM[:SS]]".
//  - Epoch numbers: 9-11 digits are seconds, 13 digits milliseconds (fractions truncated); 8
//    digits "YYYYMMDD", 12 or 14 digits "YYYYMMDDHHMM[SS]".
// Times: hours 0-23 (with AM/PM 1-12), seconds up to 60 (a leap second runs into the next
// minute); fractions of a second are dropped (floor).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marketlens::core {

struct NewsTimestamp {
    std::int64_t utcSeconds = 0; // seconds since 1970-01-01T00:00:00Z
    bool dateOnly = false; // a day without a time: 00:00 UTC
    bool hasZone = false; // the text gave a zone or offset (otherwise UTC was assumed)
    int offsetSeconds = 0; // that zone's offset east of UTC
};

// Any of the formats above; nullopt when the text fits none or names an impossible time.
std::optional<NewsTimestamp> parseNewsTimestamp(std::string_view text);

// Offset east of UTC in seconds of a zone name ("EST" -> -18000), nullopt when unknown.
std::optional<int> namedZoneOffset(std::string_view name);

// UTC seconds of a proleptic Gregorian civil time; nullopt for an impossible day or time.
std::optional<std::int64_t> utcSecondsFromCivil(
    int year, int month, int day, int hour = 0, int minute = 0, int second = 0);

// "2003-06-10T04:00:00Z" (for messages and tests).
std::string formatUtcIso(std::int64_t utcSeconds);

} // namespace marketlens::core
