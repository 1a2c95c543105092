#pragma once
// Parsing of number and date cells of imported text files. Pure functions, no allocation, never
// throw; numbers go through std::from_chars (locale-independent, exact round-trip).
//
// Numbers: surrounding blanks ignored, optional leading + or -, decimal separator '.' or ','
// (chosen by the caller, usually sniffed per file with DecimalSniffer), thousands separators
// (',' '.' apostrophe, space, no-break space) accepted only in valid groups of three ("1,234.56",
// "1.234,56", "1 234,56", "1'234.5"), exponents ("1.5e3"). NA, N/A, #N/A, null, NaN, none, "-" and
// empty text are Missing. Anything else is Bad; infinities are Bad.
//
// Dates: ISO "YYYY-MM-DD" (also "YYYYMMDD" and with a time part "2020-01-02T16:00:00" or
// "2020-01-02 16:00", which is ignored), "YYYY/MM/DD", "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY",
// "DD-MM-YYYY"; one-digit day and month are fine. DateSniffer decides a file's format from its
// values and refuses to guess when day and month order cannot be told apart.

#include "date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marketlens::core {

enum class DateFormat {
    Auto,     // decide from the file's values; ambiguous day/month order is an error
    Iso,      // YYYY-MM-DD (also YYYYMMDD)
    YmdSlash, // YYYY/MM/DD (also YYYY.MM.DD)
    Mdy,      // MM/DD/YYYY (also with - or .)
    Dmy,      // DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY
};

// "iso", "ymd", "mdy", "dmy" or "auto".
const char* dateFormatKey(DateFormat format);

enum class ParseStatus : std::uint8_t { Ok, Missing, Bad };

// Blanks (space, tab) trimmed from both ends.
std::string_view trimBlanks(std::string_view text);
// NA, N/A, #N/A, null, NaN, none, "-" or empty (case-insensitive, after trimming).
bool isMissingToken(std::string_view text);

// Parses `text` with `decimal` ('.' or ',') as the decimal separator. With `percent` non-null a
// trailing '%' is accepted and reported there; otherwise it is Bad.
ParseStatus parseNumber(std::string_view text, char decimal, double& out, bool* percent = nullptr);

// Collects evidence about a file's decimal separator from its number cells.
class DecimalSniffer {
public:
    void add(std::string_view text);
    // '.' or ','; `delimiter` breaks a tie: a ';' or TAB file whose commas could be either is
    // taken as decimal comma, any other as decimal point.
    char decide(char delimiter) const;

private:
    int m_dot = 0, m_comma = 0, m_ambiguousComma = 0;
};

// Parses a date in `format` (Auto tries ISO, then year-first). nullopt when it does not fit.
std::optional<Date> parseDate(std::string_view text, DateFormat format);

// Decides DateFormat::Auto from sample values.
class DateSniffer {
public:
    void add(std::string_view text);
    // True once the values decide the format (or conflict).
    bool decided() const { return m_yearFirst || m_dayFirst || m_monthFirst; }
    // The format; nullopt with `why` when the values are ambiguous or contradict each other.
    std::optional<DateFormat> decide(std::string& why) const;

private:
    bool m_yearFirst = false, m_isoDash = false;
    bool m_dayFirst = false, m_monthFirst = false;
    bool m_ambiguous = false, m_dotted = false;
    std::string m_example;
};

} // namespace marketlens::core
