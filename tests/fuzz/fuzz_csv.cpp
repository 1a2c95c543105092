// Fuzz target "csv": the parsing half of the price and holdings import, without a project (the
// whole import with SQLite is the slower target "csv_import"). The input goes through what
// core/import_file.cpp does before it writes anything: CsvReader (BOM, delimiter sniffing, RFC
// 4180 quoting), layout detection from the header (import_detect), decimal separator and date
// format sniffing on the first rows (DecimalSniffer, DateSniffer), then every row's cells parsed
// as the layout says (parseDate, parseNumber with percent for a weight column, isMissingToken,
// trimBlanks), plus tickerFromFileName and classifyHeader on the header cells.
//
// A second check is differential: CsvReader must return the same records (fields, lines, status)
// whether it reads the file in its default block or in blocks of 64..127 bytes, so that a record
// split across a block boundary is never read differently.
#include "fuzz_support.h"

#include "core/csv_reader.h"
#include "core/import_detect.h"
#include "core/text_parse.h"

#include <cstdlib>
#include <string>
#include <vector>

using namespace marketlens;

namespace {

struct Record {
    std::vector<std::string> fields;
    std::int64_t line = 0;
};

struct Reading {
    std::vector<Record> records;
    bool ok = false;
    core::ErrorCode code = core::ErrorCode::Ok;
    char delimiter = 0;
};

// Reads `path` with the default block (sniffing the delimiter) and, in lockstep, with a reader
// of `smallBlock`-byte blocks and the same delimiter; aborts when the two readings differ.
Reading readBoth(const std::string& path, std::size_t smallBlock)
{
    Reading out;
    auto big = core::CsvReader::open(path);
    if (!big)
        return out;
    out.delimiter = big->delimiter();
    core::CsvOptions o;
    o.delimiter = out.delimiter;
    o.blockSize = smallBlock;
    auto small = core::CsvReader::open(path, o);
    if (!small)
        std::abort(); // the same file opened a moment ago
    for (;;) {
        const bool a = big->next();
        const bool b = small->next();
        if (a != b)
            std::abort();
        if (!a)
            break;
        if (big->line() != small->line() || big->fields() != small->fields())
            std::abort();
        Record r;
        r.fields.assign(big->fields().begin(), big->fields().end());
        r.line = big->line();
        out.records.push_back(std::move(r));
    }
    out.ok = big->status().ok();
    if (out.ok != small->status().ok())
        std::abort();
    if (!out.ok) {
        out.code = big->status().error().code;
        if (out.code != small->status().error().code)
            std::abort();
    }
    return out;
}

std::string_view cell(const std::vector<std::string>& row, int col)
{
    return col >= 0 && std::size_t(col) < row.size() ? std::string_view(row[std::size_t(col)])
                                                     : std::string_view();
}

// What FileImporter does with the records before it writes: layout, sniffing, row parsing.
void parseLikeTheImport(const Reading& reading, char delimiter)
{
    if (reading.records.empty())
        return;
    std::vector<std::string> header;
    for (const std::string& f : reading.records.front().fields) {
        header.emplace_back(core::trimBlanks(f));
        bool percent = false;
        (void)core::classifyHeader(header.back(), &percent);
    }
    (void)core::tickerFromFileName(header.empty() ? std::string() : header.front() + ".csv");
    auto layout = core::detectLayout(header, core::ImportKind::Auto, false);
    if (!layout) {
        if (layout.error().message.empty())
            std::abort(); // every refusal must say why
        return;
    }
    const std::vector<int> numeric = layout->numericColumns();
    for (int c : numeric)
        if (c < 0 || std::size_t(c) >= layout->fieldCount)
            std::abort(); // a column the header does not have
    const int dateCol = layout->col(core::ColumnRole::Date);
    const int weightCol = layout->col(core::ColumnRole::Weight);
    core::DecimalSniffer decimals;
    core::DateSniffer dates;
    for (std::size_t i = 1; i < reading.records.size() && i <= 2000; ++i) {
        const auto& row = reading.records[i].fields;
        for (int c : numeric)
            decimals.add(cell(row, c));
        if (dateCol >= 0)
            dates.add(cell(row, dateCol));
    }
    const char decimal = decimals.decide(delimiter);
    if (decimal != '.' && decimal != ',')
        std::abort();
    core::DateFormat format = core::DateFormat::Iso;
    if (dateCol >= 0) {
        std::string why;
        const auto decided = dates.decide(why);
        if (!decided && why.empty())
            std::abort(); // an undecided date format must say why
        format = decided.value_or(core::DateFormat::Auto);
    }
    for (std::size_t i = 1; i < reading.records.size(); ++i) {
        const auto& row = reading.records[i].fields;
        if (dateCol >= 0) {
            const auto date = core::parseDate(cell(row, dateCol), format);
            (void)date;
        }
        for (int c : numeric) {
            double v = 0;
            bool percent = false;
            const std::string_view text = cell(row, c);
            (void)core::isMissingToken(text);
            const auto st = core::parseNumber(text, decimal, v, c == weightCol ? &percent : nullptr);
            if (st == core::ParseStatus::Ok && !(v == v && v - v == 0))
                std::abort(); // NaN or infinity accepted as a number
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile input("prices.csv");
    if (!input.write(data, size))
        std::abort();

    // The delimiter is sniffed by the first reader only (sniffing looks at its first block) and
    // given to the small-block one. The reader's minimum block is 64 bytes.
    const Reading a = readBoth(input.path(), 64 + (size > 0 ? data[0] % 64 : 0));
    parseLikeTheImport(a, a.delimiter);
    return 0;
}
