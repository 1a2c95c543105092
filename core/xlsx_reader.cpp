#include "xlsx_reader.h"
#include "xlsx_cells.h"

#include <QByteArray>
#include <QXmlStreamReader>

#include <unzip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string_view>

namespace marketlens::core {
using namespace xlsx_detail;
namespace {

// Limits against zip bombs (docs/hostile-files.md). A workbook is refused at open when its zip
// directory declares more than these, before anything is inflated: kMaxEntryBytes for one entry
// (a sheet of 1,048,576 rows x 7 price columns is about 330 MB), kMaxPartBytes for the parts read
// into memory whole (workbook, relationships, styles, shared strings), kMaxTotalBytes for all
// entries together (overlapping entries count once per entry), a compression ratio above kMaxRatio
// for an entry over 1 MiB (real sheets compress 5-20 times; deflate's maximum is about 1032), more
// than kMaxEntries entries or entries whose data overlap. While reading, the inflated bytes are
// counted against the declared sizes, and a sheet may hold at most kMaxCells cells and the
// workbook kMaxSharedStrings shared strings.
constexpr std::uint64_t kMaxEntryBytes = std::uint64_t(512) << 20;
constexpr std::uint64_t kMaxPartBytes = std::uint64_t(256) << 20;
constexpr std::uint64_t kMaxTotalBytes = std::uint64_t(1) << 30;
constexpr std::uint64_t kRatioFloorBytes = std::uint64_t(1) << 20;
constexpr std::uint64_t kMaxRatio = 200;
constexpr std::uint64_t kMaxEntries = 10000;
constexpr std::int64_t kMaxCells = 50'000'000;
constexpr std::size_t kMaxSharedStrings = 5'000'000;
constexpr unsigned kBlock = 1u << 16;

} // namespace

struct XlsxReader::Impl {
    std::string path;
    unzFile zip = nullptr;
    std::vector<std::string> sheetNames;
    std::vector<std::string> sheetParts;
    std::vector<std::string> sharedStrings;
    std::vector<FormatKind> cellFormats; // per cellXfs index
    bool date1904 = false;

    ~Impl()
    {
        if (zip)
            unzClose(zip);
    }

    Error bad(std::string message, std::int64_t line = 0) const
    {
        return makeError(ErrorCode::BadData, std::move(message), path, line);
    }
    bool hasPart(const std::string& name) { return unzLocateFile(zip, name.c_str(), 1) == UNZ_OK; }
    Result<QByteArray> readPart(const std::string& name);
    Status checkArchive();
    Status readWorkbook();
    Status readSharedStrings(const std::string& part);
    Status readStyles(const std::string& part);
    Result<std::map<std::string, std::pair<std::string, std::string>>> readRels(
        const std::string& part); // id -> (type, resolved target)
};

Status XlsxReader::Impl::checkArchive()
{
    unz_global_info64 global {};
    if (unzGetGlobalInfo64(zip, &global) != UNZ_OK)
        return bad("not an Excel .xlsx workbook (the zip directory cannot be read)");
    if (global.number_entry > kMaxEntries)
        return bad("the zip archive has " + std::to_string(global.number_entry)
            + " entries, more than the " + std::to_string(kMaxEntries) + " an .xlsx may have");
    std::uint64_t total = 0;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges; // [begin, end) of entry data
    for (int rc = unzGoToFirstFile(zip); rc != UNZ_END_OF_LIST_OF_FILE; rc = unzGoToNextFile(zip)) {
        unz_file_info64 info {};
        char nameBuf[512] = {}; // a longer name is cut: it only appears in messages
        if (rc != UNZ_OK
            || unzGetCurrentFileInfo64(zip, &info, nameBuf, sizeof nameBuf - 1, nullptr, 0, nullptr, 0)
                != UNZ_OK)
            return bad("the zip directory is damaged");
        const std::string name(nameBuf);
        const std::uint64_t size = info.uncompressed_size;
        if (size > kMaxEntryBytes)
            return bad("the zip entry " + name + " expands to " + std::to_string(size)
                + " bytes, more than the limit of " + std::to_string(kMaxEntryBytes >> 20)
                + " MiB (a zip bomb?)");
        if (size > kRatioFloorBytes && size / std::max<std::uint64_t>(info.compressed_size, 1)
                > kMaxRatio)
            return bad("the zip entry " + name + " expands " + std::to_string(size
                / std::max<std::uint64_t>(info.compressed_size, 1)) + " times (" + std::to_string(
                info.compressed_size) + " to " + std::to_string(size)
                + " bytes), more than the limit of " + std::to_string(kMaxRatio)
                + " (a zip bomb?)");
        total += size;
        if (total > kMaxTotalBytes)
            return bad("the zip entries expand to more than " + std::to_string(kMaxTotalBytes >> 20)
                + " MiB together (a zip bomb?)");
        // Where the entry's data starts (after its local header): entries sharing data are the
        // trick of overlapping-entry zip bombs.
        if (unzOpenCurrentFile(zip) != UNZ_OK)
            return bad("cannot open the zip entry " + name);
        const std::uint64_t begin = unzGetCurrentFileZStreamPos64(zip);
        unzCloseCurrentFile(zip);
        ranges.emplace_back(begin, begin + info.compressed_size);
    }
    std::sort(ranges.begin(), ranges.end());
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first < ranges[i - 1].second)
            return bad("zip entries share their data (an overlapping-entry zip bomb?)");
    return {};
}

Result<QByteArray> XlsxReader::Impl::readPart(const std::string& name)
{
    if (!hasPart(name))
        return bad("the workbook has no part " + name);
    unz_file_info64 info {};
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return bad("cannot read the zip entry " + name);
    if (info.uncompressed_size > kMaxPartBytes)
        return bad(name + " is too large (" + std::to_string(info.uncompressed_size) + " bytes)");
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return bad("cannot open the zip entry " + name);
    QByteArray out;
    out.reserve(static_cast<qsizetype>(info.uncompressed_size));
    char buf[kBlock];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0) {
        if (static_cast<std::uint64_t>(out.size()) + static_cast<std::uint64_t>(n)
            > info.uncompressed_size) { // more than the directory said: never trusted
            unzCloseCurrentFile(zip);
            return bad("the zip entry " + name + " is damaged (longer than declared)");
        }
        out.append(buf, n);
    }
    const int closed = unzCloseCurrentFile(zip); // UNZ_CRCERROR when the data is damaged
    if (n < 0 || closed != UNZ_OK)
        return bad("the zip entry " + name + " is damaged");
    return out;
}

Result<std::map<std::string, std::pair<std::string, std::string>>> XlsxReader::Impl::readRels(
    const std::string& part)
{
    std::map<std::string, std::pair<std::string, std::string>> out;
    const std::string rels = relsOf(part);
    if (!hasPart(rels))
        return out;
    auto data = readPart(rels);
    if (!data)
        return data.error();
    QXmlStreamReader xml(*data);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        const auto a = xml.attributes();
        if (a.value(QLatin1String("TargetMode")) == u"External")
            continue;
        out[toStd(a.value(QLatin1String("Id")))] = {toStd(a.value(QLatin1String("Type"))),
            resolvePart(dirOf(part), toStd(a.value(QLatin1String("Target"))))};
    }
    if (xml.hasError())
        return bad(rels + " is not valid XML: " + xml.errorString().toStdString());
    return out;
}

Status XlsxReader::Impl::readWorkbook()
{
    std::string workbook = "xl/workbook.xml";
    auto root = readRels("");
    if (!root)
        return root.error();
    for (const auto& [id, rel] : *root) {
        if (rel.first.ends_with("/officeDocument"))
            workbook = rel.second;
    }
    if (!hasPart(workbook))
        return bad("not an Excel workbook: the zip archive has no " + workbook);
    auto rels = readRels(workbook);
    if (!rels)
        return rels.error();
    auto data = readPart(workbook);
    if (!data)
        return data.error();
    QXmlStreamReader xml(*data);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == u"workbookPr") {
            const auto v = a.value(QLatin1String("date1904"));
            date1904 = v == u"1" || v == u"true";
        } else if (xml.name() == u"sheet") {
            // r:id lives in the relationships namespace; match the local name.
            std::string rid;
            for (const auto& attr : a) {
                if (attr.name() == u"id")
                    rid = toStd(attr.value());
            }
            const auto it = rels->find(rid);
            if (it == rels->end())
                return bad("sheet '" + toStd(a.value(QLatin1String("name"))) + "' has no part in "
                    + workbook);
            sheetNames.push_back(toStd(a.value(QLatin1String("name"))));
            sheetParts.push_back(it->second.second);
        }
    }
    if (xml.hasError())
        return bad(workbook + " is not valid XML: " + xml.errorString().toStdString());
    if (sheetNames.empty())
        return bad("the workbook has no sheets");
    for (const auto& [id, rel] : *rels) {
        if (rel.first.ends_with("/sharedStrings")) {
            if (auto s = readSharedStrings(rel.second); !s)
                return s;
        } else if (rel.first.ends_with("/styles")) {
            if (auto s = readStyles(rel.second); !s)
                return s;
        }
    }
    return {};
}

Status XlsxReader::Impl::readSharedStrings(const std::string& part)
{
    auto data = readPart(part);
    if (!data)
        return data.error();
    QXmlStreamReader xml(*data);
    QString current;
    int depthPhonetic = 0;
    bool inText = false, inItem = false;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            if (xml.name() == u"si") {
                inItem = true;
                current.clear();
            } else if (xml.name() == u"rPh") {
                ++depthPhonetic; // phonetic guide (furigana): not part of the text
            } else if (xml.name() == u"t") {
                inText = inItem && depthPhonetic == 0;
            }
            break;
        case QXmlStreamReader::EndElement:
            if (xml.name() == u"si") {
                if (sharedStrings.size() >= kMaxSharedStrings)
                    return bad(part + " has more than " + std::to_string(kMaxSharedStrings)
                        + " shared strings");
                sharedStrings.push_back(current.toStdString());
                inItem = false;
            } else if (xml.name() == u"rPh") {
                --depthPhonetic;
            } else if (xml.name() == u"t") {
                inText = false;
            }
            break;
        case QXmlStreamReader::Characters:
            if (inText)
                current += xml.text();
            break;
        default:
            break;
        }
    }
    if (xml.hasError())
        return bad(part + " is not valid XML: " + xml.errorString().toStdString());
    return {};
}

Status XlsxReader::Impl::readStyles(const std::string& part)
{
    auto data = readPart(part);
    if (!data)
        return data.error();
    QXmlStreamReader xml(*data);
    std::map<int, FormatKind> custom;
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs")
            inCellXfs = false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == u"numFmt") {
            custom[a.value(QLatin1String("numFmtId")).toInt()]
                = customFormat(toStd(a.value(QLatin1String("formatCode"))));
        } else if (xml.name() == u"cellXfs") {
            inCellXfs = true;
        } else if (xml.name() == u"xf" && inCellXfs) {
            const int id = a.value(QLatin1String("numFmtId")).toInt();
            const auto it = custom.find(id);
            cellFormats.push_back(it != custom.end() ? it->second : builtinFormat(id));
        }
    }
    if (xml.hasError())
        return bad(part + " is not valid XML: " + xml.errorString().toStdString());
    return {};
}

XlsxReader::XlsxReader() = default;
XlsxReader::~XlsxReader() = default;
XlsxReader::XlsxReader(XlsxReader&&) noexcept = default;
XlsxReader& XlsxReader::operator=(XlsxReader&&) noexcept = default;

Result<XlsxReader> XlsxReader::open(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError(ErrorCode::Io, "cannot open the file", path);
    unsigned char magic[4] = {};
    const std::size_t got = std::fread(magic, 1, 4, f);
    std::fclose(f);
    if (got < 4 || magic[0] != 'P' || magic[1] != 'K')
        return makeError(ErrorCode::BadData,
            "not an Excel .xlsx workbook (the file is not a zip archive)", path);
    XlsxReader r;
    r.m_impl = std::make_unique<Impl>();
    r.m_impl->path = path;
    r.m_impl->zip = unzOpen64(path.c_str());
    if (!r.m_impl->zip)
        return makeError(ErrorCode::BadData,
            "not an Excel .xlsx workbook (the zip archive cannot be read)", path);
    if (auto s = r.m_impl->checkArchive(); !s)
        return s.error();
    if (auto s = r.m_impl->readWorkbook(); !s)
        return s.error();
    return r;
}

const std::vector<std::string>& XlsxReader::sheetNames() const
{
    return m_impl->sheetNames;
}

bool XlsxReader::date1904() const
{
    return m_impl->date1904;
}

const std::string& XlsxReader::path() const
{
    return m_impl->path;
}

namespace {

// Streams one sheet part through QXmlStreamReader, block by block, and assembles rows.
class SheetParser {
public:
    SheetParser(const std::string& sheet, const std::vector<std::string>& shared,
        const std::vector<FormatKind>& formats, bool date1904, const std::string& file)
        : m_sheet(sheet)
        , m_shared(shared)
        , m_formats(formats)
        , m_date1904(date1904)
        , m_file(file)
    {
    }
    // Parses what has been added so far; false on an error (error()) or when onRow stops.
    bool parse(const std::function<bool(const XlsxRow&)>& onRow);
    void addData(const char* data, int size) { m_xml.addData(QByteArray(data, size)); }
    bool finished() const { return m_done; }
    bool stopped() const { return m_stopped; }
    const Status& error() const { return m_error; }
    bool incomplete() const
    {
        return m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
    }

private:
    bool finishCell();
    bool fail(std::string message)
    {
        m_error = makeError(ErrorCode::BadData,
            m_sheet + "!" + columnName(m_col) + std::to_string(m_row.row) + ": "
                + std::move(message),
            m_file, m_row.row);
        return false;
    }

    QXmlStreamReader m_xml;
    const std::string& m_sheet;
    const std::vector<std::string>& m_shared;
    const std::vector<FormatKind>& m_formats;
    bool m_date1904;
    const std::string& m_file;
    XlsxRow m_row;
    int m_col = -1;
    QString m_type, m_value, m_inline;
    int m_style = 0;
    enum class Capture : std::uint8_t { None, Value, Inline } m_capture = Capture::None;
    int m_phonetic = 0;
    std::int64_t m_cells = 0;
    bool m_inRow = false, m_done = false, m_stopped = false;
    Status m_error;
};

bool SheetParser::finishCell()
{
    XlsxCell cell;
    const std::string v = m_value.trimmed().toStdString();
    if (m_type == u"s") {
        int index = -1;
        const auto r = std::from_chars(v.data(), v.data() + v.size(), index);
        if (r.ec != std::errc() || r.ptr != v.data() + v.size() || index < 0)
            return fail("shared string index '" + v + "' is not a number");
        if (static_cast<std::size_t>(index) >= m_shared.size())
            return fail("shared string index " + v + " is out of range (the workbook has "
                + std::to_string(m_shared.size()) + ")");
        cell.type = XlsxCellType::Text;
        cell.text = m_shared[static_cast<std::size_t>(index)];
    } else if (m_type == u"inlineStr") {
        cell.type = XlsxCellType::Text;
        cell.text = m_inline.toStdString();
    } else if (m_type == u"str") {
        cell.type = XlsxCellType::Text;
        cell.text = m_value.toStdString();
    } else if (m_type == u"e") {
        cell.type = XlsxCellType::Error;
        cell.text = v;
    } else if (m_type == u"b") {
        if (v != "0" && v != "1")
            return fail("boolean cell '" + v + "' is neither 0 nor 1");
        cell.type = XlsxCellType::Boolean;
        cell.number = v == "1" ? 1 : 0;
    } else if (m_type == u"d") {
        const auto d
            = v.size() >= 10 ? Date::fromIso(std::string_view(v).substr(0, 10)) : std::nullopt;
        if (!d)
            return fail("date cell '" + v + "' is not an ISO 8601 date");
        cell.type = XlsxCellType::Date;
        cell.date = *d;
        cell.number = excelSerialFromDate(*d, m_date1904);
    } else if (m_type.isEmpty() || m_type == u"n") {
        if (v.empty())
            return true; // a styled empty cell
        double x = 0;
        if (!parseDouble(v, x))
            return fail("number cell '" + v + "' is not a number");
        const FormatKind kind = m_style >= 0 && static_cast<std::size_t>(m_style) < m_formats.size()
            ? m_formats[static_cast<std::size_t>(m_style)]
            : FormatKind::Number;
        cell.number = x;
        if (kind == FormatKind::Number) {
            cell.type = XlsxCellType::Number;
        } else {
            const auto d = excelSerialToDate(x, m_date1904);
            if (!d)
                return fail("date serial number " + v + " is out of range");
            cell.type = XlsxCellType::Date;
            cell.date = *d;
            cell.timeOfDay = kind == FormatKind::DateTime && x != std::floor(x);
        }
    } else {
        return fail("unknown cell type '" + m_type.toStdString() + "'");
    }
    if (cell.type == XlsxCellType::Empty)
        return true;
    auto& cells = m_row.cells;
    if (cells.size() <= static_cast<std::size_t>(m_col))
        cells.resize(static_cast<std::size_t>(m_col) + 1);
    cells[static_cast<std::size_t>(m_col)] = std::move(cell);
    return true;
}

bool SheetParser::parse(const std::function<bool(const XlsxRow&)>& onRow)
{
    while (!m_done) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::Invalid) {
            if (incomplete())
                return true; // needs more data
            m_error = makeError(ErrorCode::BadData,
                m_sheet + " is not valid XML: " + m_xml.errorString().toStdString() + " (XML line "
                    + std::to_string(m_xml.lineNumber()) + ")",
                m_file, m_row.row);
            return false;
        }
        const auto name = m_xml.name();
        if (token == QXmlStreamReader::StartElement) {
            if (name == u"row") {
                const auto r = m_xml.attributes().value(QLatin1String("r"));
                std::int64_t number = m_row.row + 1;
                if (!r.isEmpty()) {
                    bool ok = false;
                    number = r.toLongLong(&ok);
                    if (!ok || number < 1 || number > kMaxRow)
                        return fail("bad row number '" + r.toString().toStdString() + "'");
                }
                if (number <= m_row.row)
                    return fail("row " + std::to_string(number) + " comes after row "
                        + std::to_string(m_row.row));
                m_row.row = number;
                m_row.cells.clear();
                m_col = -1;
                m_inRow = true;
            } else if (name == u"c" && m_inRow) {
                if (++m_cells > kMaxCells)
                    return fail("the sheet has more than " + std::to_string(kMaxCells) + " cells");
                const auto a = m_xml.attributes();
                const auto ref = a.value(QLatin1String("r"));
                if (ref.isEmpty()) {
                    ++m_col;
                } else {
                    int col = 0;
                    std::int64_t row = 0;
                    if (!parseCellRef(ref.toString().toStdString(), col, row) || row != m_row.row
                        || col <= m_col) {
                        ++m_col;
                        return fail("bad cell reference '" + ref.toString().toStdString() + "'");
                    }
                    m_col = col;
                }
                if (m_col >= kMaxColumns)
                    return fail("more than 16384 columns");
                m_type = a.value(QLatin1String("t")).toString();
                m_style
                    = a.hasAttribute(QLatin1String("s")) ? a.value(QLatin1String("s")).toInt() : 0;
                m_value.clear();
                m_inline.clear();
            } else if (name == u"v") {
                m_capture = Capture::Value;
            } else if (name == u"rPh") {
                ++m_phonetic;
            } else if (name == u"t" && m_phonetic == 0) {
                m_capture = Capture::Inline;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (name == u"v" || name == u"t") {
                m_capture = Capture::None;
            } else if (name == u"rPh") {
                --m_phonetic;
            } else if (name == u"c" && m_inRow) {
                if (!finishCell())
                    return false;
            } else if (name == u"row") {
                m_inRow = false;
                if (!onRow(m_row)) {
                    m_stopped = true;
                    return false;
                }
            } else if (name == u"sheetData") {
                m_done = true;
            }
        } else if (token == QXmlStreamReader::Characters) {
            if (m_capture == Capture::Value)
                m_value += m_xml.text();
            else if (m_capture == Capture::Inline)
                m_inline += m_xml.text();
        } else if (token == QXmlStreamReader::EndDocument) {
            m_done = true;
        }
    }
    return true;
}

} // namespace

Status XlsxReader::readSheet(
    std::size_t index, const std::function<bool(const XlsxRow&)>& onRow, const Progress& progress)
{
    if (!m_impl || index >= m_impl->sheetParts.size())
        return makeError(ErrorCode::InvalidArgument, "no sheet " + std::to_string(index + 1),
            m_impl ? m_impl->path : std::string());
    Impl& d = *m_impl;
    const std::string& part = d.sheetParts[index];
    const std::string& name = d.sheetNames[index];
    if (!d.hasPart(part))
        return d.bad("sheet '" + name + "': the workbook has no part " + part);
    unz_file_info64 info {};
    unzGetCurrentFileInfo64(d.zip, &info, nullptr, 0, nullptr, 0, nullptr, 0);
    if (unzOpenCurrentFile(d.zip) != UNZ_OK)
        return d.bad("cannot open the zip entry " + part);
    SheetParser parser(name, d.sharedStrings, d.cellFormats, d.date1904, d.path);
    std::vector<char> buf(kBlock);
    std::int64_t done = 0;
    Status result;
    while (!parser.finished()) {
        const int n = unzReadCurrentFile(d.zip, buf.data(), kBlock);
        if (n < 0) {
            result = d.bad("the zip entry " + part + " is damaged");
            break;
        }
        if (n == 0) {
            if (!parser.finished())
                result = d.bad("sheet '" + name + "' ends before its data does");
            break;
        }
        done += n;
        if (static_cast<std::uint64_t>(done) > info.uncompressed_size) {
            result = d.bad("the zip entry " + part + " is damaged (longer than declared)");
            break;
        }
        parser.addData(buf.data(), n);
        if (!parser.parse(onRow)) {
            result = parser.stopped() ? Status(makeError(ErrorCode::Cancelled, "cancelled"))
                                      : parser.error();
            break;
        }
        if (!reportProgress(progress, done, static_cast<std::int64_t>(info.uncompressed_size))) {
            result = makeError(ErrorCode::Cancelled, "cancelled");
            break;
        }
    }
    unzCloseCurrentFile(d.zip);
    return result;
}

Result<std::vector<XlsxRow>> XlsxReader::readRows(std::size_t index)
{
    std::vector<XlsxRow> rows;
    const Status s = readSheet(index, [&](const XlsxRow& row) {
        rows.push_back(row);
        return true;
    });
    if (!s)
        return s.error();
    return rows;
}

Result<std::string> readXlsxPart(const std::string& xlsxPath, const std::string& part)
{
    XlsxReader::Impl d;
    d.path = xlsxPath;
    d.zip = unzOpen64(xlsxPath.c_str());
    if (!d.zip)
        return makeError(ErrorCode::BadData, "not a zip archive", xlsxPath);
    if (auto s = d.checkArchive(); !s)
        return s.error();
    auto data = d.readPart(part);
    if (!data)
        return data.error();
    return data->toStdString();
}

} // namespace marketlens::core
