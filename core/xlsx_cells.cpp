// Cell references, number formats and part names of an .xlsx workbook (xlsx_cells.h).
#include "xlsx_cells.h"

#include <QString>

#include <charconv>
#include <cmath>
#include <vector>

namespace marketlens::core::xlsx_detail {

std::string toStd(QStringView s)
{
    return s.toString().toStdString();
}

bool parseDouble(std::string_view text, double& out)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size() && std::isfinite(out);
}

// "B5" -> column 1 (0-based), row 5. False for anything else.
bool parseCellRef(std::string_view ref, int& column, std::int64_t& row)
{
    std::size_t i = 0;
    int col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
        col = col * 26 + (ref[i++] - 'A' + 1);
    if (col == 0 || col > kMaxColumns || i == ref.size())
        return false;
    std::int64_t r = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9' || r > kMaxRow)
            return false;
        r = r * 10 + (ref[i] - '0');
    }
    if (r < 1 || r > kMaxRow)
        return false;
    column = col - 1;
    row = r;
    return true;
}

std::string columnName(int column)
{
    std::string out;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
    return out;
}

FormatKind builtinFormat(int id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36)
        || (id >= 50 && id <= 58))
        return FormatKind::Date;
    if (id == 22 || (id >= 18 && id <= 21) || id == 32 || id == 33 || (id >= 45 && id <= 47))
        return FormatKind::DateTime;
    return FormatKind::Number;
}

// A custom number format is a date when a y, m, d, h or s token appears outside quoted text,
// [colour/condition] brackets and backslash escapes ("0.00" is a number, "yyyy-mm-dd" a date).
FormatKind customFormat(std::string_view code)
{
    bool date = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string_view::npos)
                break;
        } else if (c == '[') {
            i = code.find(']', i + 1);
            if (i == std::string_view::npos)
                break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == ';') {
            break; // the first section decides
        } else {
            const char l = static_cast<char>(c | 0x20);
            date = date || l == 'y' || l == 'd' || l == 'm';
            time = time || l == 'h' || l == 's';
        }
    }
    if (time)
        return FormatKind::DateTime;
    return date ? FormatKind::Date : FormatKind::Number;
}

// Resolves a relationship target against the directory of the part that owns it.
std::string resolvePart(const std::string& baseDir, const std::string& target)
{
    std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : baseDir + target;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string piece = path.substr(start, end - start);
        if (piece == "..") {
            if (!parts.empty())
                parts.pop_back();
        } else if (!piece.empty() && piece != ".") {
            parts.push_back(piece);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string dirOf(const std::string& part)
{
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string relsOf(const std::string& part)
{
    const auto slash = part.rfind('/');
    if (slash == std::string::npos)
        return "_rels/" + part + ".rels";
    return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

} // namespace marketlens::core::xlsx_detail
