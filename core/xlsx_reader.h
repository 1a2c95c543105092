#pragma once
// XlsxReader: the cells of an Excel .xlsx workbook (Office Open XML, ECMA-376), read with minizip
// and QXmlStreamReader, so that analysts' spreadsheets import like CSV files.
//
// Reads: the workbook's sheets in workbook order (names from xl/workbook.xml, parts found through
// the relationships), shared strings (plain and rich text, phonetic runs skipped), inline strings,
// formula string results, numbers, booleans, error values (#N/A ...), ISO date cells (t="d") and
// numbers whose cell style has a date format (built-in ids 14-22, 27-36, 45-47, 50-58, or a custom
// format with a y/m/d/h/s token outside quotes and brackets). Serial numbers become calendar days
// in the workbook's date system: 1900 (serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 at
// serial 60 read as 1900-02-28 and every later serial shifted back by one day, so 61 = 1900-03-01)
// or 1904 (<workbookPr date1904="1"/>, serial 0 = 1904-01-01). Cells and rows without an "r"
// reference follow the previous one; skipped cells are Empty, skipped rows are not reported.
//
// Errors (never throws): Io when the file cannot be read; BadData with the file and, for a cell,
// line = the sheet's 1-based row number and a message "Sheet1!B5: ..." for: not a zip archive,
// a zip without a workbook, a sheet part that is missing or not XML, a bad cell reference, a
// shared-string index out of range, a number cell that is not a number. Sheet XML is streamed in
// blocks (memory does not grow with the number of rows); shared strings are kept in memory.
// Zip bombs are BadData at open, before anything is inflated: limits on entries, each entry's and
// the total uncompressed size, the compression ratio and overlapping entries, then on cells and
// shared strings while reading (docs/hostile-files.md).

#include "date.h"
#include "progress.h"
#include "result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core {

enum class XlsxCellType : std::uint8_t { Empty, Number, Text, Boolean, Date, Error };

struct XlsxCell {
    XlsxCellType type = XlsxCellType::Empty;
    double number = 0; // Number; Boolean 0/1; Date: the serial number (fraction = time of day)
    Date date; // Date: the calendar day
    std::string text; // Text, Error ("#N/A")
    bool timeOfDay = false; // Date: the cell's format shows a time and the serial has a fraction

    // The cell as an import reads it: numbers in the shortest form that reads back to the same
    // double ('.' decimal point, no grouping), dates "YYYY-MM-DD" (plus " HH:MM:SS" when a date
    // format with a time shows a time of day), booleans TRUE/FALSE, text and errors as they are.
    std::string toText() const;
};

struct XlsxRow {
    std::int64_t row = 0; // 1-based row number in the sheet
    std::vector<XlsxCell> cells; // index 0 = column A; skipped cells are Empty
};

// True for a path ending in .xlsx/.xlsm (any case) or a file starting with the zip signature.
bool looksLikeXlsx(const std::string& path);

// Calendar day of an Excel serial number in the 1900 or 1904 date system; nullopt for a negative
// or out-of-range serial. excelSerialFromDate is the inverse (for whole days).
std::optional<Date> excelSerialToDate(double serial, bool date1904);
double excelSerialFromDate(Date date, bool date1904);

class XlsxReader {
public:
    XlsxReader();
    ~XlsxReader();
    XlsxReader(XlsxReader&&) noexcept;
    XlsxReader& operator=(XlsxReader&&) noexcept;

    // Opens the workbook and reads its sheet list, shared strings and styles.
    static Result<XlsxReader> open(const std::string& path);

    const std::vector<std::string>& sheetNames() const;
    bool date1904() const;
    const std::string& path() const;

    // Streams the rows of sheet `index` (0 = first) in order. `onRow` returns false to stop
    // (the result is then Cancelled). `progress` sees the sheet part's uncompressed bytes.
    Status readSheet(std::size_t index, const std::function<bool(const XlsxRow&)>& onRow,
        const Progress& progress = {});
    // Every row of sheet `index` (tests and small sheets).
    Result<std::vector<XlsxRow>> readRows(std::size_t index);

private:
    friend Result<std::string> readXlsxPart(const std::string& xlsxPath, const std::string& part);
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The uncompressed bytes of one part of a workbook ("xl/styles.xml"): tests and diagnostics.
Result<std::string> readXlsxPart(const std::string& xlsxPath, const std::string& part);

// Writes sheet `sheet` of `xlsxPath` to `csvPath` as RFC 4180 CSV (',' delimiter, '.' decimal
// point, values as XlsxCell::toText) with one line per sheet row: rows the sheet skips become
// blank lines and line breaks inside cells become spaces, so CSV line N is sheet row N and the
// CSV import's file:line messages name the sheet row. `sheetName` (optional) receives the name.
Status xlsxSheetToCsv(const std::string& xlsxPath, std::size_t sheet, const std::string& csvPath,
    std::string* sheetName = nullptr, const Progress& progress = {});

} // namespace marketlens::core
