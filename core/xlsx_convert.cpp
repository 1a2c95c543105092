// Conversions around the xlsx reader (xlsx_reader.h): cell text, Excel date serials, the
// workbook test, and a sheet written as CSV text so that workbooks go through the CSV import.
#include "xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace marketlens::core {
namespace {

const Date kEpoch1900 = *Date::fromYmd(1899, 12, 31); // serial 0 (Excel's "1900-01-00")
const Date kEpoch1900Late = *Date::fromYmd(1899, 12, 30); // serials after the phantom 29 Feb
const Date kEpoch1904 = *Date::fromYmd(1904, 1, 1);
const Date kMarch1900 = *Date::fromYmd(1900, 3, 1);

} // namespace

std::string XlsxCell::toText() const
{
    switch (type) {
    case XlsxCellType::Empty:
        return {};
    case XlsxCellType::Text:
    case XlsxCellType::Error:
        return text;
    case XlsxCellType::Boolean:
        return number != 0 ? "TRUE" : "FALSE";
    case XlsxCellType::Number: {
        char buf[40];
        const auto r = std::to_chars(buf, buf + sizeof buf, number);
        return std::string(buf, r.ptr);
    }
    case XlsxCellType::Date: {
        std::string out = date.toIso();
        if (timeOfDay) {
            const double frac = number - std::floor(number);
            const int secs = std::clamp(static_cast<int>(std::lround(frac * 86400.0)), 0, 86399);
            char buf[32];
            std::snprintf(
                buf, sizeof buf, " %02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
            out += buf;
        }
        return out;
    }
    }
    return {};
}

bool looksLikeXlsx(const std::string& path)
{
    auto endsWith = [&](const char* ext) {
        const std::size_t n = std::strlen(ext);
        if (path.size() < n)
            return false;
        for (std::size_t i = 0; i < n; ++i) {
            const char c = static_cast<char>(path[path.size() - n + i] | 0x20);
            if (c != ext[i])
                return false;
        }
        return true;
    };
    if (endsWith(".xlsx") || endsWith(".xlsm"))
        return true;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return false;
    unsigned char magic[4] = {};
    const bool zip = std::fread(magic, 1, 4, f) == 4 && magic[0] == 'P' && magic[1] == 'K'
        && magic[2] == 3 && magic[3] == 4;
    std::fclose(f);
    return zip;
}

std::optional<Date> excelSerialToDate(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466.0) // 9999-12-31 is 2958465
        return std::nullopt;
    const auto s = static_cast<std::int32_t>(std::floor(serial));
    if (date1904)
        return Date(kEpoch1904.days() + s);
    if (s < 60)
        return Date(kEpoch1900.days() + s);
    if (s == 60)
        return Date(kEpoch1900.days() + 59); // the phantom 1900-02-29: read as 28 February
    return Date(kEpoch1900Late.days() + s);
}

double excelSerialFromDate(Date date, bool date1904)
{
    if (date1904)
        return date.days() - kEpoch1904.days();
    if (date < kMarch1900)
        return date.days() - kEpoch1900.days();
    return date.days() - kEpoch1900Late.days();
}

Status xlsxSheetToCsv(const std::string& xlsxPath, std::size_t sheet, const std::string& csvPath,
    std::string* sheetName, const Progress& progress)
{
    auto reader = XlsxReader::open(xlsxPath);
    if (!reader)
        return reader.error();
    if (sheet >= reader->sheetNames().size())
        return makeError(ErrorCode::InvalidArgument,
            "the workbook has no sheet " + std::to_string(sheet + 1), xlsxPath);
    if (sheetName)
        *sheetName = reader->sheetNames()[sheet];
    std::FILE* out = std::fopen(csvPath.c_str(), "wb");
    if (!out)
        return makeError(ErrorCode::Io, "cannot write a temporary file", csvPath);
    std::int64_t lastRow = 0;
    std::size_t width = 0; // the first non-empty row's (the header's) cell count
    std::string line;
    bool writeOk = true;
    const Status s = reader->readSheet(
        sheet,
        [&](const XlsxRow& row) {
            line.clear();
            for (std::int64_t r = lastRow + 1; r < row.row; ++r)
                line += '\n'; // skipped rows stay blank lines: CSV line = sheet row
            lastRow = row.row;
            bool any = false;
            for (const auto& c : row.cells)
                any = any || c.type != XlsxCellType::Empty;
            if (any) {
                if (width == 0)
                    width = row.cells.size();
                const std::size_t n = std::max(width, row.cells.size());
                for (std::size_t i = 0; i < n; ++i) {
                    if (i > 0)
                        line += ',';
                    if (i >= row.cells.size())
                        continue;
                    std::string text = row.cells[i].toText();
                    for (char& ch : text) {
                        if (ch == '\n' || ch == '\r')
                            ch = ' ';
                    }
                    if (text.find_first_of(",\"") != std::string::npos) {
                        line += '"';
                        for (char ch : text) {
                            if (ch == '"')
                                line += '"';
                            line += ch;
                        }
                        line += '"';
                    } else {
                        line += text;
                    }
                }
            }
            line += '\n';
            writeOk = std::fwrite(line.data(), 1, line.size(), out) == line.size();
            return writeOk;
        },
        progress);
    const bool closed = std::fclose(out) == 0;
    if (!writeOk || !closed)
        return makeError(ErrorCode::Io, "cannot write a temporary file", csvPath);
    return s;
}

} // namespace marketlens::core
