// Excel .xlsx reading and import: date serials in both date systems (hand-computed), the
// hand-written workbook (tests/data/import/xlsx_hand, every cell checked), libxlsxwriter
// workbooks imported like their CSV twins (same stored rows), bad rows at their sheet row, and
// bad files (not a zip, no workbook, bad cell, truncated) failing with file and row while the
// project stays exactly as it was.
#include "core/xlsx_reader.h"
#include "import_test_support.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace import_test;

namespace {

std::string iso(std::optional<Date> d)
{
    return d ? d->toIso() : std::string("none");
}

// The table dump without the import log (file name and hash differ by design) and without the
// creation time stamps (two imports may straddle a second).
QStringList withoutImportLog(QStringList rows)
{
    rows.removeIf([](const QString& r) { return r.startsWith(QLatin1String("import_log:")); });
    static const QRegularExpression stamp(QStringLiteral("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z"));
    for (QString& r : rows)
        r.replace(stamp, QStringLiteral("<time>"));
    return rows;
}

} // namespace

class TestXlsxReader : public QObject, public ImportFixture {
    Q_OBJECT

private Q_SLOTS:
    void serialNumbers()
    {
        // 1900 system: serial 1 is 1900-01-01; Excel's phantom 1900-02-29 is serial 60.
        QCOMPARE(iso(excelSerialToDate(1, false)), std::string("1900-01-01"));
        QCOMPARE(iso(excelSerialToDate(59, false)), std::string("1900-02-28"));
        QCOMPARE(iso(excelSerialToDate(60, false)), std::string("1900-02-28"));
        QCOMPARE(iso(excelSerialToDate(61, false)), std::string("1900-03-01"));
        QCOMPARE(iso(excelSerialToDate(43831, false)), std::string("2020-01-01"));
        QCOMPARE(iso(excelSerialToDate(43832.75, false)), std::string("2020-01-02"));
        QCOMPARE(iso(excelSerialToDate(2958465, false)), std::string("9999-12-31"));
        QCOMPARE(iso(excelSerialToDate(-1, false)), std::string("none"));
        QCOMPARE(iso(excelSerialToDate(2958466, false)), std::string("none"));
        // 1904 system: serial 0 is 1904-01-01, 1462 days after the 1900 system.
        QCOMPARE(iso(excelSerialToDate(0, true)), std::string("1904-01-01"));
        QCOMPARE(iso(excelSerialToDate(42370, true)), std::string("2020-01-02"));
        QCOMPARE(excelSerialFromDate(*Date::fromYmd(2020, 1, 2), false), 43832.0);
        QCOMPARE(excelSerialFromDate(*Date::fromYmd(1900, 3, 1), false), 61.0);
        QCOMPARE(excelSerialFromDate(*Date::fromYmd(1900, 2, 28), false), 59.0);
        QCOMPARE(excelSerialFromDate(*Date::fromYmd(2020, 1, 2), true), 42370.0);
    }

    void detection()
    {
        QVERIFY(looksLikeXlsx("a/B.XLSX"));
        QVERIFY(looksLikeXlsx("prices.xlsm"));
        QVERIFY(!looksLikeXlsx(dataFile("import/tiny_long.csv")));
        // By content: a workbook under another name.
        QFile::copy(QString::fromStdString(dataFile("import/hand_1904.xlsx")),
            m_dir.filePath("renamed.dat"));
        QVERIFY(looksLikeXlsx(m_dir.filePath("renamed.dat").toStdString()));
    }

    void handWrittenWorkbook()
    {
        auto r = XlsxReader::open(dataFile("import/hand_1904.xlsx"));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->sheetNames(), (std::vector<std::string> {"Daily", "Other"}));
        QVERIFY(r->date1904());
        auto rows = r->readRows(0);
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().toString().c_str());
        QCOMPARE(rows->size(), std::size_t(5));
        const std::int64_t numbers[] = {1, 2, 3, 6, 7};
        for (std::size_t i = 0; i < 5; ++i)
            QCOMPARE((*rows)[i].row, numbers[i]);
        auto text = [&](std::size_t row) {
            QStringList out;
            for (const auto& c : (*rows)[row].cells)
                out << QString::fromStdString(c.toText());
            return out.join(QLatin1Char('|'));
        };
        QCOMPARE(text(0), QStringLiteral("Date|Ticker|Close|Volume"));
        QCOMPARE(text(1), QStringLiteral("2020-01-02|ABC|10.5|1200"));
        QCOMPARE(text(2), QStringLiteral("2020-01-03|ABC|11.25")); // D3 skipped
        QCOMPARE(text(3), QStringLiteral("2020-01-06|ABC|12|#N/A"));
        QCOMPARE(text(4), QStringLiteral("2020-01-07|ABC|13|1500")); // "day "0.00 is a number
        const XlsxCell& a2 = (*rows)[1].cells[0];
        QCOMPARE(a2.type, XlsxCellType::Date);
        QCOMPARE(a2.number, 42370.0);
        QCOMPARE((*rows)[1].cells[2].type, XlsxCellType::Number);
        QCOMPARE((*rows)[1].cells[2].number, 10.5);
        QCOMPARE((*rows)[3].cells[3].type, XlsxCellType::Error);
        QCOMPARE((*rows)[4].cells[2].type, XlsxCellType::Number);

        auto other = r->readRows(1);
        QVERIFY2(other.ok(), other.ok() ? "" : other.error().toString().c_str());
        QCOMPARE(other->size(), std::size_t(2));
        const auto& r2 = (*other)[0].cells;
        QCOMPARE((*other)[0].row, std::int64_t(2));
        QCOMPARE(r2.size(), std::size_t(6));
        QCOMPARE(r2[0].type, XlsxCellType::Boolean);
        QCOMPARE(r2[0].toText(), std::string("TRUE"));
        QCOMPARE(r2[1].toText(), std::string("FALSE"));
        QCOMPARE(r2[2].toText(), std::string("#DIV/0!"));
        QCOMPARE(r2[3].type, XlsxCellType::Empty);
        QCOMPARE(r2[4].toText(), std::string("  padded, \"quoted\"  "));
        QCOMPARE(QString::fromStdString(r2[5].toText()), QStringLiteral("東京")); // no rPh text
        const auto& r3 = (*other)[1].cells;
        QCOMPARE(r3.size(), std::size_t(27)); // AA = column 27
        QCOMPARE(r3[0].toText(), std::string("1904-01-01 18:00:00"));
        QCOMPARE(r3[1].toText(), std::string("2020-01-02 12:00:00"));
        QCOMPARE(r3[2].toText(), std::string("-0.125"));
        QCOMPARE(r3[26].toText(), std::string("0.001"));
        for (int c = 3; c < 26; ++c)
            QCOMPARE(r3[static_cast<std::size_t>(c)].type, XlsxCellType::Empty);
    }

    void sheetAsCsvKeepsRowNumbers()
    {
        const std::string csv = m_dir.filePath("daily.csv").toStdString();
        std::string name;
        const Status s = xlsxSheetToCsv(dataFile("import/hand_1904.xlsx"), 0, csv, &name);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().toString().c_str());
        QCOMPARE(name, std::string("Daily"));
        QFile f(QString::fromStdString(csv));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(),
            QByteArray("Date,Ticker,Close,Volume\n"
                       "2020-01-02,ABC,10.5,1200\n"
                       "2020-01-03,ABC,11.25,\n"
                       "\n"
                       "\n"
                       "2020-01-06,ABC,12,#N/A\n"
                       "2020-01-07,ABC,13,1500\n"));
        const std::string other = m_dir.filePath("other.csv").toStdString();
        QVERIFY(xlsxSheetToCsv(dataFile("import/hand_1904.xlsx"), 1, other).ok());
        QFile g(QString::fromStdString(other));
        QVERIFY(g.open(QIODevice::ReadOnly));
        QVERIFY(g.readAll().startsWith("\nTRUE,FALSE,#DIV/0!,,\"  padded, \"\"quoted\"\"  \","));
    }

    void importHandWorkbook()
    {
        const auto project = newProject();
        auto r = importFiles(project, {dataFile("import/hand_1904.xlsx")}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->files[0].kind, ImportKind::PricesLong);
        QCOMPARE(r->files[0].rowsAccepted, std::int64_t(4));
        QCOMPARE(r->files[0].rowsRejected, std::int64_t(0));
        const auto s = prices(project, "ABC");
        QCOMPARE(s.size(), std::size_t(4));
        QCOMPARE(s.dates[0].toIso(), std::string("2020-01-02"));
        QCOMPARE(s.dates[3].toIso(), std::string("2020-01-07"));
        QCOMPARE(s.close, (std::vector<double> {10.5, 11.25, 12, 13}));
        QCOMPARE(s.volume[0], 1200.0);
        QVERIFY(std::isnan(s.volume[1]));
        QVERIFY(std::isnan(s.volume[2])); // #N/A is missing
    }

    void xlsxImportsLikeItsCsvTwin()
    {
        const auto fromXlsx = newProject();
        const auto fromCsv = newProject();
        auto a = importFiles(fromXlsx, {dataFile("import/prices_long.xlsx")}, {});
        auto b = importFiles(fromCsv, {dataFile("import/prices_long_xlsx.csv")}, {});
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().toString().c_str());
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().toString().c_str());
        QCOMPARE(a->files[0].rowsAccepted, std::int64_t(6));
        QCOMPARE(a->files[0].rowsRejected, std::int64_t(0));
        QCOMPARE(a->files[0].tickers, (std::vector<std::string> {"AAA", "BBB"}));
        const QStringList rowsXlsx = withoutImportLog(dump(fromXlsx));
        QCOMPARE(rowsXlsx.size(), 8); // 2 instruments + 6 prices
        QCOMPARE(rowsXlsx, withoutImportLog(dump(fromCsv)));
        QCOMPARE(prices(fromXlsx, "BBB").open[1], 0.1);
        QVERIFY(std::isnan(prices(fromXlsx, "AAA").open[2]));
        // The import log names the workbook and hashes its bytes.
        QFile f(QString::fromStdString(dataFile("import/prices_long.xlsx")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray sha = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        QCOMPARE(a->files[0].sha256, sha.toHex().toStdString());
        QCOMPARE(count(fromXlsx,
                     "SELECT COUNT(*) FROM import_log WHERE file_name = "
                     "'prices_long.xlsx' AND sha256 = '"
                         + sha.toHex().toStdString() + "'"),
            std::int64_t(1));
    }

    void holdingsImportLikeTheirCsvTwin()
    {
        const auto fromXlsx = newProject();
        const auto fromCsv = newProject();
        auto a = importFiles(fromXlsx, {dataFile("import/holdings.xlsx")}, {});
        auto b = importFiles(fromCsv, {dataFile("import/holdings.csv")}, {});
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().toString().c_str());
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().toString().c_str());
        QCOMPARE(a->files[0].kind, ImportKind::Holdings);
        QCOMPARE(a->files[0].portfolio, std::string("holdings"));
        QCOMPARE(a->files[0].tickers, (std::vector<std::string> {"AAPL", "MSFT", "KO"}));
        const QStringList rows = withoutImportLog(dump(fromXlsx));
        QVERIFY(rows.filter(QStringLiteral("|1210.5|")).size() == 1);
        QCOMPARE(rows, withoutImportLog(dump(fromCsv)));
    }

    void progressAndCancel()
    {
        const std::string path = dataFile("import/prices_long.xlsx");
        const auto size = static_cast<std::int64_t>(QFileInfo(QString::fromStdString(path)).size());
        std::vector<std::int64_t> seen;
        const auto project = newProject();
        auto r = importFiles(project, {path}, {}, [&](std::int64_t done, std::int64_t total) {
            if (total != size)
                qFatal("progress total %lld, expected the workbook's size", (long long)total);
            seen.push_back(done);
            return true;
        });
        QVERIFY(r.ok());
        QVERIFY(seen.size() >= 2);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), size);
        // Cancel while the sheet is read: nothing is imported.
        const auto other = newProject();
        const QStringList before = dump(other);
        auto c = importFiles(other, {path}, {}, [](std::int64_t, std::int64_t) { return false; });
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::Cancelled);
        QCOMPARE(dump(other), before);
    }

    void badRowsNameTheirSheetRow()
    {
        const auto project = newProject();
        const std::string path = dataFile("import/bad_rows.xlsx");
        auto r = importFiles(project, {path}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        const auto& f = r->files[0];
        QCOMPARE(f.rowsAccepted, std::int64_t(2));
        QCOMPARE(f.rowsRejected, std::int64_t(3));
        QCOMPARE(f.rejected.size(), std::size_t(3));
        QCOMPARE(f.rejected[0].file, path);
        QCOMPARE(f.rejected[0].line, std::int64_t(4));
        QVERIFY(contains(f.rejected[0].reason, "'abc'"));
        QCOMPARE(f.rejected[1].line, std::int64_t(6));
        QVERIFY(contains(f.rejected[1].reason, "2020-13-45"));
        QCOMPARE(f.rejected[2].line, std::int64_t(7));
        QVERIFY(contains(f.rejected[2].reason, "below low"));
        QCOMPARE(prices(project, "XYZ").size(), std::size_t(2));

        // Strict: nothing imported, the error names the first bad row.
        const auto strictProject = newProject();
        const QStringList before = dump(strictProject);
        ImportOptions o;
        o.strict = true;
        auto s = importFiles(strictProject, {path}, o);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().file, path);
        QCOMPARE(s.error().line, std::int64_t(4));
        QCOMPARE(dump(strictProject), before);
    }

    void badFilesLeaveTheProjectUnchanged_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("line");
        QTest::newRow("not a zip") << "text"
                                   << "not a zip archive" << qint64(0);
        QTest::newRow("no workbook") << "no_workbook.xlsx"
                                     << "no xl/workbook.xml" << qint64(0);
        QTest::newRow("bad cell") << "bad_cell.xlsx"
                                  << "Daily!B6: shared string index 99 is out of range"
                                  << qint64(6);
        QTest::newRow("truncated") << "truncated"
                                   << "" << qint64(0);
    }
    void badFilesLeaveTheProjectUnchanged()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QFETCH(qint64, line);
        std::string path;
        if (kind == QLatin1String("text")) {
            path = write("prices.xlsx", "Date,Ticker,Close\n2020-01-02,A,1\n");
        } else if (kind == QLatin1String("truncated")) {
            QFile f(QString::fromStdString(dataFile("import/prices_long.xlsx")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            path = write("cut.xlsx", f.readAll().left(2000));
        } else {
            path = dataFile(("import/" + kind).toUtf8().constData());
        }
        const auto project = newProject();
        QVERIFY(importFiles(project, {dataFile("import/tiny_long.csv")}, {}).ok());
        const QStringList before = dump(project);
        // The bad workbook comes second: the good first file must be rolled back too.
        auto r = importFiles(project, {dataFile("import/prices_long_xlsx.csv"), path}, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QCOMPARE(r.error().file, path);
        QCOMPARE(r.error().line, std::int64_t(line));
        QVERIFY2(contains(r.error().message, message.toUtf8().constData()),
            r.error().toString().c_str());
        QCOMPARE(dump(project), before);
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "test_xlsx_reader.moc"
