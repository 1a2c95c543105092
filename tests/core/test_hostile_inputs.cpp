// Hostile spreadsheets, CSV and JSON files (issue 8): .xlsx zip bombs (a 1 GiB sheet deflated to
// about 1 MB, made here with minizip; a 100 MiB sheet that expands 1000 times; a zip directory
// that understates a size; entries that share their data; too many entries; a zip nested in a
// sheet), price and news CSV with a 10-million-character field or line, and JSON nested 100,000
// levels deep or too large. Each gets a clear error naming the file (or a correct import of the
// good rows with the bad one reported), in bounded memory: the process runs under a 4 GiB
// address-space limit and the CSV cases check the peak resident size. The bomb is built once per
// run in a temporary folder (about 6 s of deflate), never committed.
#include "core/news/news_parsers.h"
#include "core/price_import.h"
#include "core/project_store.h"
#include "core/xlsx_reader.h"

#include <QTemporaryDir>
#include <QTest>

#include <minizip/zip.h>
#include <sys/resource.h>

#include <array>
#include <cstring>
#include <fstream>

using namespace marketlens::core;

namespace {

constexpr const char* kRootRels
    = R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr const char* kWorkbook
    = R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Prices" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr const char* kWorkbookRels
    = R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
constexpr const char* kSheetHead
    = R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
constexpr const char* kSheetTail = "</sheetData></worksheet>";
constexpr const char* kSheetName = "xl/worksheets/sheet1.xml";

std::uint32_t crc32Of(const std::string& data)
{
    static const auto table = [] {
        std::array<std::uint32_t, 256> t {};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data)
        c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(std::string& s, std::uint32_t v)
{
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v)
{
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}

struct Entry {
    std::string name;
    std::string data;
};

// A zip of stored (uncompressed) entries. `aliases` adds central directory entries named
// aliases[i].first that point at the local header of entry aliases[i].second: entries that
// share their data, as in overlapping-entry zip bombs.
std::string storedZip(const std::vector<Entry>& entries,
    const std::vector<std::pair<std::string, std::size_t>>& aliases = {})
{
    std::string out, central;
    std::vector<std::uint32_t> offsets;
    auto centralEntry = [&](const std::string& name, const Entry& e, std::uint32_t offset) {
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0);
        put16(central, 0); // stored
        put32(central, 0);
        put32(central, crc32Of(e.data));
        put32(central, static_cast<std::uint32_t>(e.data.size()));
        put32(central, static_cast<std::uint32_t>(e.data.size()));
        put16(central, static_cast<std::uint32_t>(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    };
    for (const Entry& e : entries) {
        offsets.push_back(static_cast<std::uint32_t>(out.size()));
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0);
        put16(out, 0);
        put32(out, 0);
        put32(out, crc32Of(e.data));
        put32(out, static_cast<std::uint32_t>(e.data.size()));
        put32(out, static_cast<std::uint32_t>(e.data.size()));
        put16(out, static_cast<std::uint32_t>(e.name.size()));
        put16(out, 0);
        out += e.name;
        out += e.data;
    }
    for (std::size_t i = 0; i < entries.size(); ++i)
        centralEntry(entries[i].name, entries[i], offsets[i]);
    for (const auto& [name, of] : aliases)
        centralEntry(name, entries[of], offsets[of]);
    const auto count = static_cast<std::uint32_t>(entries.size() + aliases.size());
    const auto centralOffset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, count);
    put16(out, count);
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}

std::vector<Entry> workbookParts(std::string sheet)
{
    return {{"_rels/.rels", kRootRels}, {"xl/workbook.xml", kWorkbook},
        {"xl/_rels/workbook.xml.rels", kWorkbookRels}, {kSheetName, std::move(sheet)}};
}

void writeAll(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A workbook whose sheet is kSheetHead, `spaces` blanks and kSheetTail, deflated at level 9
// (blanks between elements are valid XML, and deflate packs them about 1000 to 1).
bool writeBomb(const std::string& path, std::uint64_t spaces)
{
    zipFile zip = zipOpen64(path.c_str(), 0);
    if (!zip)
        return false;
    zip_fileinfo info {};
    auto add = [&](const char* name, const std::string& data, int level) {
        return zipOpenNewFileInZip64(zip, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                   level, spaces > 0xFFFFFFF0u ? 1 : 0)
            == ZIP_OK
            && zipWriteInFileInZip(zip, data.data(), static_cast<unsigned>(data.size())) == ZIP_OK
            && zipCloseFileInZip(zip) == ZIP_OK;
    };
    bool ok = add("_rels/.rels", kRootRels, 6) && add("xl/workbook.xml", kWorkbook, 6)
        && add("xl/_rels/workbook.xml.rels", kWorkbookRels, 6);
    ok = ok
        && zipOpenNewFileInZip64(
               zip, kSheetName, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 0)
            == ZIP_OK;
    const std::string block(std::size_t(1) << 20, ' ');
    ok = ok && zipWriteInFileInZip(zip, kSheetHead, unsigned(std::strlen(kSheetHead))) == ZIP_OK;
    for (std::uint64_t left = spaces; ok && left > 0;) {
        const auto n = static_cast<unsigned>(std::min<std::uint64_t>(left, block.size()));
        ok = zipWriteInFileInZip(zip, block.data(), n) == ZIP_OK;
        left -= n;
    }
    ok = ok && zipWriteInFileInZip(zip, kSheetTail, unsigned(std::strlen(kSheetTail))) == ZIP_OK
        && zipCloseFileInZip(zip) == ZIP_OK;
    return zipClose(zip, nullptr) == ZIP_OK && ok;
}

// Sets the uncompressed size of entry `name` to `size` in both its local and central headers.
bool patchDeclaredSize(std::string& zip, const std::string& name, std::uint32_t size)
{
    auto set32 = [&](std::size_t at, std::uint32_t v) {
        for (int k = 0; k < 4; ++k)
            zip[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
    };
    auto get = [&](std::size_t at, int n) {
        std::uint32_t v = 0;
        for (int k = n - 1; k >= 0; --k)
            v = (v << 8) | static_cast<unsigned char>(zip[at + k]);
        return v;
    };
    for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
         at = zip.find("PK\x01\x02", at + 4)) {
        const std::uint32_t nameLen = get(at + 28, 2);
        if (zip.compare(at + 46, nameLen, name) != 0)
            continue;
        set32(at + 24, size);
        set32(get(at + 42, 4) + 22, size);
        return true;
    }
    return false;
}

// Peak resident size since the last resetPeakRss() (Linux: VmHWM, reset through clear_refs).
long peakRssMiB()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6)) / 1024;
    return 0;
}

void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

bool names(const Error& e, const std::string& path)
{
    return e.file == path && e.toString().find(path) != std::string::npos;
}

} // namespace

class TestHostileInputs : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string file(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

    void expectXlsxRefused(const std::string& path, const char* says)
    {
        auto r = XlsxReader::open(path);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(r.error(), path), r.error().toString().c_str());
        QVERIFY2(r.error().message.find(says) != std::string::npos, r.error().message.c_str());
        // The same through a price import into a project: refused, nothing imported.
        const std::string project = file("xlsx_" + std::to_string(m_projects++) + ".mlens");
        QVERIFY(ProjectStore::create(project));
        auto imported = importFiles(project, {path}, ImportOptions {});
        QVERIFY(!imported);
        QVERIFY2(names(imported.error(), path), imported.error().toString().c_str());
        auto store = ProjectStore::open(project);
        QVERIFY(store);
        QCOMPARE(int(store->instruments()->size()), 0);
    }
    int m_projects = 0;

private Q_SLOTS:
    void initTestCase()
    {
        const rlimit limit {rlim_t(4) << 30, rlim_t(4) << 30};
        setrlimit(RLIMIT_AS, &limit);
        QVERIFY(m_dir.isValid());
    }

    // The writer makes files the reader accepts, so the refusals below are about the limits.
    void storedZipIsAValidWorkbook()
    {
        const std::string path = file("ok.xlsx");
        writeAll(path,
            storedZip(
                workbookParts(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c></row>)"
                              R"(<row r="2"><c r="A2"><v>42.5</v></c></row>)"
                    + std::string(kSheetTail))));
        auto r = XlsxReader::open(path);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        auto rows = r->readRows(0);
        QVERIFY(!rows); // the sheet part lacks its head: not valid XML, a clear error
        writeAll(path,
            storedZip(workbookParts(std::string(kSheetHead)
                + R"(<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c></row>)"
                  R"(<row r="2"><c r="A2"><v>42.5</v></c></row>)"
                + kSheetTail)));
        auto again = XlsxReader::open(path);
        QVERIFY(again);
        rows = again->readRows(0);
        QVERIFY(rows);
        QCOMPARE(int(rows->size()), 2);
        QCOMPARE(rows->at(0).cells.at(0).text, std::string("date"));
        QCOMPARE(rows->at(1).cells.at(0).number, 42.5);
    }

    void gigabyteSheetBomb()
    {
        const std::string path = file("bomb_1g.xlsx");
        QVERIFY(writeBomb(path, std::uint64_t(1) << 30));
        const auto size = readAll(path).size();
        qInfo("1 GiB sheet deflated to %zu bytes", size);
        QVERIFY(size < (std::size_t(3) << 20));
        expectXlsxRefused(path, "a zip bomb?");
        auto part = readXlsxPart(path, kSheetName);
        QVERIFY(!part);
        QVERIFY(names(part.error(), path));
        QVERIFY(peakRssMiB() < 1024);
    }

    void ratioBomb()
    {
        const std::string path = file("bomb_ratio.xlsx");
        QVERIFY(writeBomb(path, std::uint64_t(100) << 20)); // under the 512 MiB entry limit
        expectXlsxRefused(path, "times");
    }

    // The directory says 1000 bytes for a sheet that inflates to 100 MiB: the reader never
    // inflates more than the directory declares.
    void understatedSize()
    {
        const std::string path = file("bomb_liar.xlsx");
        QVERIFY(writeBomb(path, std::uint64_t(100) << 20));
        std::string bytes = readAll(path);
        QVERIFY(patchDeclaredSize(bytes, kSheetName, 1000));
        writeAll(path, bytes);
        auto r = XlsxReader::open(path);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        std::int64_t rows = 0;
        const Status s = r->readSheet(0, [&](const XlsxRow&) { return ++rows, true; });
        QVERIFY(!s);
        QCOMPARE(int(s.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(s.error(), path), s.error().toString().c_str());
        QCOMPARE(rows, std::int64_t(0));
    }

    void overlappingEntries()
    {
        const std::string sheet = std::string(kSheetHead) + kSheetTail;
        std::vector<std::pair<std::string, std::size_t>> aliases;
        for (int i = 0; i < 100; ++i) // same name length as the sheet: minizip compares it
            aliases.emplace_back("xl/worksheets/sh" + std::to_string(1000 + i) + ".xml", 3);
        const std::string path = file("overlap.xlsx");
        writeAll(path, storedZip(workbookParts(sheet), aliases));
        expectXlsxRefused(path, "share their data");
    }

    void tooManyEntries()
    {
        auto parts = workbookParts(std::string(kSheetHead) + kSheetTail);
        for (int i = 0; i < 10000; ++i)
            parts.push_back({"junk/" + std::to_string(i), ""});
        const std::string path = file("many.xlsx");
        writeAll(path, storedZip(parts));
        expectXlsxRefused(path, "more than the 10000");
    }

    // A zip where the sheet should be (a bomb at that): read as the sheet's bytes, never opened.
    void nestedZip()
    {
        const std::string inner = file("inner.xlsx");
        QVERIFY(writeBomb(inner, std::uint64_t(64) << 20));
        const std::string path = file("nested.xlsx");
        writeAll(path, storedZip(workbookParts(readAll(inner))));
        auto r = XlsxReader::open(path);
        QVERIFY(r);
        auto rows = r->readRows(0);
        QVERIFY(!rows);
        QCOMPARE(int(rows.error().code), int(ErrorCode::BadData));
        QVERIFY2(names(rows.error(), path), rows.error().toString().c_str());
        QVERIFY2(rows.error().message.find("not valid XML") != std::string::npos,
            rows.error().message.c_str());
    }

    void priceCsvHugeField_data()
    {
        QTest::addColumn<QByteArray>("bad");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("resumes"); // the rows after the bad record are read too
        const QByteArray x(10'000'000, 'x');
        // A record whose end is known (its field is over the 1 MiB limit) is skipped; the reader
        // cannot find the end of one over 4 MiB, so it stops and says the rest was not read.
        QTest::newRow("2M-character quoted field")
            << "2024-01-04,\"" + QByteArray(2'000'000, 'q') + "\",3\n"
            << "longer than 1 MiB" << true;
        QTest::newRow("10M-character quoted field") << "2024-01-04,\"" + x + "\",3\n"
                                                    << "longer than 4 MiB" << false;
        QTest::newRow("10M-character field") << "2024-01-04,AAA," + x + "\n"
                                             << "longer than 4 MiB" << false;
        QByteArray ones;
        for (int i = 0; i < 5'000'000; ++i)
            ones += "1,";
        QTest::newRow("10M-character line of fields")
            << ones + "\n" << "more than 16384 fields" << false;
        QTest::newRow("10M characters without a line break") << x << "longer than 4 MiB" << false;
    }

    // The rows before the bad record are imported; the bad record is reported with its line and
    // the reason; a skipped record does not stop the rows after it, and a stop says that the rest
    // of the file was not read. Memory stays near the 4 MiB record limit.
    void priceCsvHugeField()
    {
        QFETCH(QByteArray, bad);
        QFETCH(QString, says);
        QFETCH(bool, resumes);
        const std::string path = file("huge.csv");
        writeAll(path,
            "date,ticker,close\n2024-01-02,AAA,1\n2024-01-03,AAA,2\n" + bad.toStdString()
                + "2024-01-05,AAA,5\n2024-01-08,AAA,6\n");
        const std::string project = file("csv_" + std::to_string(m_projects++) + ".mlens");
        QVERIFY(ProjectStore::create(project));
        resetPeakRss();
        const long before = peakRssMiB();
        auto r = importFiles(project, {path}, ImportOptions {});
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QCOMPARE(r->files.at(0).rowsAccepted, std::int64_t(resumes ? 4 : 2));
        QCOMPARE(r->files.at(0).rowsRejected, std::int64_t(1));
        const RejectedRow& row = r->files.at(0).rejected.at(0);
        QCOMPARE(row.line, std::int64_t(4));
        QCOMPARE(QString::fromStdString(row.file), QString::fromStdString(path));
        QVERIFY2(row.reason.find(says.toStdString()) != std::string::npos, row.reason.c_str());
        const bool saysStopped = row.reason.find("the rest of the file was not read") != std::string::npos;
        QVERIFY2(saysStopped == !resumes, row.reason.c_str());
        qInfo("peak RSS %ld MiB before, %ld MiB after", before, peakRssMiB());
        // The whole process, 10 MB of test data included, stays small (the reader holds at most
        // a 2 MiB block plus a 4 MiB record).
        QVERIFY2(peakRssMiB() - before < 64 && peakRssMiB() < 256,
            qPrintable(QString::number(peakRssMiB())));
        auto store = ProjectStore::open(project);
        QVERIFY(store);
        auto prices = store->prices("AAA");
        QVERIFY(prices);
        QCOMPARE(prices->close, resumes ? (std::vector<double> {1, 2, 5, 6}) : (std::vector<double> {1, 2}));
    }

    // A header with a field over the limit cannot be skipped (the next line is no header):
    // the file is refused, naming it and line 1, and nothing is imported.
    void csvHugeHeaderFieldIsRefused()
    {
        const std::string path = file("huge_header.csv");
        writeAll(path, "date,ticker," + std::string(2'000'000, 'c') + "\n2024-01-02,AAA,1\n");
        const std::string project = file("csv_" + std::to_string(m_projects++) + ".mlens");
        QVERIFY(ProjectStore::create(project));
        auto r = importFiles(project, {path}, ImportOptions {});
        const Error e = r ? Error {} : r.error();
        QVERIFY2(!r, "the import should have been refused");
        QCOMPARE(int(e.code), int(ErrorCode::BadData));
        QCOMPARE(e.line, std::int64_t(1));
        QVERIFY2(names(e, path), e.toString().c_str());
        QVERIFY2(e.message.find("longer than 1 MiB") != std::string::npos, e.message.c_str());
        auto store = ProjectStore::open(project);
        QVERIFY(store);
        QVERIFY(store->instruments() && store->instruments()->empty());
        auto news = parseNewsCsv(path);
        QVERIFY(!news);
        QCOMPARE(news.error().line, std::int64_t(1));
    }

    void newsCsvHugeField_data() { priceCsvHugeField_data(); }

    void newsCsvHugeField()
    {
        QFETCH(QByteArray, bad);
        QFETCH(QString, says);
        QFETCH(bool, resumes);
        const std::string path = file("news.csv");
        writeAll(path,
            "date,headline\n2024-01-02,Profits rise\n2024-01-03,Shares fall\n" + bad.toStdString()
                + "2024-01-05,Sales grow\n");
        resetPeakRss();
        const long before = peakRssMiB();
        auto r = parseNewsCsv(path);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QCOMPARE(int(r->items.size()), resumes ? 3 : 2);
        QCOMPARE(r->itemsRejected, std::int64_t(1));
        QCOMPARE(r->rejected.at(0).line, std::int64_t(4));
        QVERIFY2(r->rejected.at(0).reason.find(says.toStdString()) != std::string::npos,
            r->rejected.at(0).reason.c_str());
        const bool saysStopped
            = r->rejected.at(0).reason.find("the rest of the file was not read") != std::string::npos;
        QVERIFY2(saysStopped == !resumes, r->rejected.at(0).reason.c_str());
        if (resumes)
            QCOMPARE(QString::fromStdString(r->items.back().headline), QStringLiteral("Sales grow"));
        // The whole process, 10 MB of test data included, stays small (the reader holds at most
        // a 2 MiB block plus a 4 MiB record).
        QVERIFY2(peakRssMiB() - before < 64 && peakRssMiB() < 256,
            qPrintable(QString::number(peakRssMiB())));
    }

    void deeplyNestedNewsJson_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        const QByteArray deep(100'000, '[');
        QTest::newRow("json") << "deep.json" << deep;
        QTest::newRow("json closed") << "closed.json" << deep + QByteArray(100'000, ']');
        QTest::newRow("json in an item")
            << "item.json"
            << "[{\"headline\":\"a\",\"date\":\"2024-01-02\",\"x\":" + deep + "}]";
        QTest::newRow("jsonl") << "deep.jsonl"
                               << "{\"headline\":\"a\",\"date\":\"2024-01-02\"}\n{\"x\":" + deep
                + QByteArray(100'000, ']') + "}\n";
        QTest::newRow("huge string")
            << "huge.jsonl"
            << "{\"headline\":\"a\",\"date\":\"2024-01-02\"}\n{\"headline\":\""
                + QByteArray(20'000'000, 'h') + "\",\"date\":\"2024-01-03\"}\n";
    }

    // Either the file is refused (BadData naming it) or the bad item is rejected with a reason;
    // the scanner never recurses, so 100,000 levels cannot overflow the stack.
    void deeplyNestedNewsJson()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        const std::string path = file(name.toStdString());
        writeAll(path, text.toStdString());
        auto r = parseNewsFile(path);
        if (!r) {
            QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
            QVERIFY2(names(r.error(), path), r.error().toString().c_str());
            return;
        }
        QVERIFY(r->itemsRejected >= 1);
        const std::string& why = r->rejected.at(0).reason;
        QVERIFY2(why.find("deeper") != std::string::npos || why.find("limit") != std::string::npos
                || why.find("nested") != std::string::npos
                || why.find("unterminated") != std::string::npos,
            why.c_str());
        QVERIFY(int(r->items.size()) <= 1);
    }
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "test_hostile_inputs.moc"
