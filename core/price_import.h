#pragma once
// Import of price and holdings CSV files into a project.
//
// Formats (detected per file unless ImportOptions::kind says otherwise):
//  - PricesLong:  date, ticker, open, high, low, close[, adj close][, volume], any column order
//  - PricesWide:  a date column plus one close-price column per ticker (e.g. DowJones30)
//  - Ohlcv:       one instrument's date/open/high/low/close[/adj close]/volume; the ticker comes
//                 from ImportOptions::ticker or the file name ("msft_ohlcv.csv" -> "MSFT_OHLCV",
//                 "MSFT.csv" -> "MSFT")
//  - Holdings:    ticker plus quantity or weight, optional cost basis and currency
// Reading: RFC 4180 quoting, UTF-8 with or without BOM, delimiter sniffing (, ; TAB |), decimal
// comma, thousands separators, header synonyms in any case, several date formats (with an
// override when ambiguous), NA/null/empty as missing. Files are streamed in blocks, so memory
// does not grow with file size.
//
// Guarantees: every bad row is reported (file, 1-based line, reason), never silently dropped;
// an import is one transaction: an error, Cancel or a crash leaves the project as it was.
// Re-importing prices updates existing (ticker, date) rows: values present in the file replace
// stored ones, missing values in the file keep what was stored. A holdings file replaces the
// holdings of the portfolio of the same name.
//
// Row rules (each rejected row is reported with its file, line and reason):
//  - a record whose field count differs from the header's is rejected (extra empty trailing
//    fields are tolerated); blank lines are not records;
//  - an unparsable date or number, a negative price or volume, high < low: the row is rejected;
//  - a long/OHLCV row with no value at all is rejected ("no values");
//  - wide layout: a bad cell is reported on its own (line, column, value) and counted in
//    rowsRejected, while the row's good cells are kept; a bad date rejects the whole row;
//  - the same (ticker, date) twice in one file: the later row wins (present values replace,
//    missing ones keep the earlier) and a warning says so;
//  - holdings: a row needs a ticker and a quantity or weight; weights in percent (a '%' or
//    "pct" header, a '%' cell, or weights summing to between 50 and 150) are divided by 100,
//    with a warning; the same ticker twice: the later row wins, with a warning. A holdings file
//    with no accepted row leaves the portfolio unchanged.
//  - an unterminated quote swallows the rest of the file: reported as one rejected row at the
//    line where the quote opens.
// Auto detection: holdings = ticker + quantity/weight and no date column; long = date + ticker +
// a price column; OHLCV = date + price columns without a ticker column; wide = date + columns
// that are not price headers (each is a ticker). A file matching none is an Error.
// Dates (DateFormat::Auto): decided from the values; slash or dash dates whose day and month
// cannot be told apart anywhere in the file make the import fail (BadData, asking for
// --date-format), except dotted ones, which are DD.MM.YYYY. The decimal separator is sniffed
// from the first 2000 rows unless ImportOptions::decimalSeparator is set.
// Each file imported adds one import_log row: file name, sha256 of its bytes, kind, counts.
// Excel workbooks (.xlsx/.xlsm by name, or any zip file) are read too: the first worksheet's cells
// (xlsx_reader.h: date cells as YYYY-MM-DD, numbers exactly, '.' decimal point) go through the
// same rules as a CSV file, and "line" in every message is the sheet's row number.

#include "progress.h"
#include "project_store.h"
#include "result.h"
#include "text_parse.h" // DateFormat

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace marketlens::core {

enum class ImportKind { Auto, PricesLong, PricesWide, Ohlcv, Holdings };
// "auto", "prices", "long", "wide", "ohlcv", "holdings" -> kind ("prices" means auto among the
// three price layouts); false when unknown.
bool parseImportKind(const std::string& text, ImportKind& kind, bool& pricesOnly);
// "auto", "iso", "ymd", "mdy", "dmy", or a pattern: "YYYY-MM-DD", "MM/DD/YYYY", "DD.MM.YYYY", ...
bool parseDateFormat(const std::string& text, DateFormat& format);
const char* importKindName(ImportKind kind); // "prices-long", ..., "holdings"

struct ImportOptions {
    ImportKind kind = ImportKind::Auto;
    bool pricesOnly = false;      // --kind prices: auto-detect among the price layouts only
    std::string ticker;           // single-instrument files; default from the file name
    std::string portfolio;        // holdings files; default from the file name
    DateFormat dateFormat = DateFormat::Auto;
    char delimiter = 0;           // 0 = sniff
    char decimalSeparator = 0;    // 0 = sniff from the data ('.' or ',')
    bool strict = false;          // any rejected row fails the import (nothing is written)
};

struct RejectedRow {
    std::string file;
    std::int64_t line = 0; // 1-based physical line where the record starts
    std::string reason;
};

struct FileImportResult {
    std::string file;
    ImportKind kind = ImportKind::Auto; // the layout used
    char delimiter = ',';
    char decimalSeparator = '.';
    DateFormat dateFormat = DateFormat::Iso;
    std::int64_t rowsAccepted = 0;
    std::int64_t rowsRejected = 0;  // may exceed rejected.size() (details are capped)
    std::int64_t valuesWritten = 0; // price rows (ticker, date) or holdings written
    std::vector<std::string> tickers;
    std::string portfolio;          // holdings files: the portfolio written
    std::vector<RejectedRow> rejected; // at most kMaxRejectedDetails per file
    std::vector<std::string> warnings; // e.g. duplicate dates replaced
    std::string sha256;
};

struct ImportResult {
    std::vector<FileImportResult> files;
    std::int64_t newsRelinked = 0; // stored news items whose ticker links changed (new instruments)
    std::int64_t rowsAccepted() const;
    std::int64_t rowsRejected() const;
};

inline constexpr std::size_t kMaxRejectedDetails = 10000;

// An import in progress on its own connection to the project file, inside one transaction that
// stays open until commit() or rollback() (the destructor rolls back). This lets the GUI show the
// import report and let the user accept or abort before anything becomes visible.
class ImportSession {
public:
    ImportSession();
    ~ImportSession();
    ImportSession(ImportSession&&) noexcept;
    ImportSession& operator=(ImportSession&&) noexcept;

    static Result<ImportSession> begin(const std::string& projectPath);

    // Parses and writes `files` in order. Returns Cancelled when `progress` returns false, and an
    // Error for a file that cannot be read or recognised at all (or, with options.strict, for
    // the first rejected row); in every such case the session has already rolled back and
    // commit() fails. Progress is reported in bytes over all files. Not thread-safe: one
    // thread drives a session (it may be another thread than the one that began it).
    Result<ImportResult> run(const std::vector<std::string>& files, const ImportOptions& options,
                             const Progress& progress = {});
    Status commit();
    void rollback();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// begin + run + commit; with options.strict a rejected row makes it roll back and return
// BadData (the error names the first bad row). Other rejected rows are reported in the result.
Result<ImportResult> importFiles(const std::string& projectPath, const std::vector<std::string>& files,
                                 const ImportOptions& options, const Progress& progress = {});

} // namespace marketlens::core
