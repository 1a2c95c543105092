#pragma once
// Internal to the .xlsx reader (xlsx_reader.cpp): cell references, number formats and part names
// of an Office Open XML workbook, free of zip and XML reading so that they are tested and fuzzed
// through the reader alone.

#include <QStringView>

#include <cstdint>
#include <string>
#include <string_view>

namespace marketlens::core::xlsx_detail {

inline constexpr int kMaxColumns = 16384;       // XFD
inline constexpr std::int64_t kMaxRow = 1048576; // Excel's last row

std::string toStd(QStringView s);
// A cell's numeric text ("1.5", "4.2E-3"); false for anything else.
bool parseDouble(std::string_view text, double& out);
// "B12" -> column 1 (0-based), row 12 (1-based); false for a malformed or out-of-range reference.
bool parseCellRef(std::string_view ref, int& column, std::int64_t& row);
// 0 -> "A", 26 -> "AA".
std::string columnName(int column);

enum class FormatKind : std::uint8_t { Number, Date, DateTime };
// The kind of a built-in number format id (ECMA-376 18.8.30).
FormatKind builtinFormat(int id);
// A custom number format is a date when a y, m, d, h or s token appears outside quoted text,
// [colour/condition] brackets and backslash escapes ("0.00" is a number, "yyyy-mm-dd" a date).
FormatKind customFormat(std::string_view code);

// Resolves a relationship target against the directory of the part that owns it.
std::string resolvePart(const std::string& baseDir, const std::string& target);
// "xl/worksheets/sheet1.xml" -> "xl/worksheets/".
std::string dirOf(const std::string& part);
// The relationships part of `part`: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string relsOf(const std::string& part);

} // namespace marketlens::core::xlsx_detail
