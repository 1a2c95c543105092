// Table export: exact RFC 4180 CSV text whatever the locale, and .xlsx workbooks read back by the
// project's own xlsx reader, whose sheet XML holds numbers with the display's number format and
// dates as serial numbers (hand-computed: 2020-01-02 = 43832, 1900-03-01 = 61).
#include "core/xlsx_reader.h"
#include "ui/instruments_model.h"
#include "ui/table_export.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>

using namespace marketlens;
using ui::TableExportOptions;

namespace {

constexpr int kRaw = Qt::UserRole + 1;

void setCell(QStandardItemModel& m, int row, int col, const QVariant& raw, const QString& display)
{
    auto* item = new QStandardItem(display);
    item->setData(raw, kRaw);
    m.setItem(row, col, item);
}

// Ticker, Close, Weight, Date, Count, Missing, Note with hand-chosen values and displays.
void fill(QStandardItemModel& m)
{
    m.setHorizontalHeaderLabels(
        {"Ticker", "Close", "Weight", "Date", "Count", "Missing", "Note\n(free text)"});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    setCell(m, 0, 0, "AAA", "AAA");
    setCell(m, 0, 1, 1234.5678, "1,234.57");
    setCell(m, 0, 2, 0.1234, "12.34 %");
    setCell(m, 0, 3, QDate(2020, 1, 2), "02/01/2020");
    setCell(m, 0, 4, 42, "42");
    setCell(m, 0, 5, QVariant(), "–");
    setCell(m, 0, 6, "plain", "plain");
    setCell(m, 1, 0, "B,B", "B,B");
    setCell(m, 1, 1, 0.1, "0.10");
    setCell(m, 1, 2, nan, "–");
    setCell(m, 1, 3, QDate(1900, 3, 1), "01/03/1900");
    setCell(m, 1, 4, 0, "0");
    setCell(m, 1, 5, QVariant(), "");
    setCell(m, 1, 6, "say \"hi\"\nthere", "say \"hi\" there");
    setCell(m, 2, 0, "CCC", "CCC");
    setCell(m, 2, 1, 1e-7, "0.0000001");
    setCell(m, 2, 2, 1.0, "100.00 %");
    setCell(m, 2, 3, QDate(), "");
    setCell(m, 2, 4, -3, "-3");
    setCell(m, 2, 5, QVariant(), "");
    setCell(m, 2, 6, "", "");
}

const QString kCsv = QStringLiteral("Ticker,Close,Weight,Date,Count,Missing,Note (free text)\r\n"
                                    "AAA,1234.5678,0.1234,2020-01-02,42,,plain\r\n"
                                    "\"B,B\",0.1,,1900-03-01,0,,\"say \"\"hi\"\"\nthere\"\r\n"
                                    "CCC,1e-07,1,,-3,,\r\n");

// cell reference -> (style index, value text) from a sheet part.
std::map<QString, std::pair<int, QString>> sheetCells(const QString& xml)
{
    std::map<QString, std::pair<int, QString>> out;
    static const QRegularExpression cell(
        QStringLiteral("<c r=\"([A-Z]+[0-9]+)\"(?: s=\"([0-9]+)\")?(?: t=\"([a-z]+)\")?>"
                       "<v>([^<]*)</v></c>"));
    for (auto it = cell.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        out[m.captured(1)] = {m.captured(2).toInt(), m.captured(3) + ":" + m.captured(4)};
    }
    return out;
}

// cellXfs index -> format code (built-in 0 = "General").
QStringList styleFormats(const QString& xml)
{
    std::map<int, QString> custom;
    static const QRegularExpression fmt(
        QStringLiteral("<numFmt numFmtId=\"([0-9]+)\" formatCode=\"([^\"]*)\"/>"));
    for (auto it = fmt.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        custom[m.captured(1).toInt()] = m.captured(2).replace("&quot;", "\"");
    }
    const int at = xml.indexOf("<cellXfs");
    const QString xfs = xml.mid(at, xml.indexOf("</cellXfs>") - at);
    static const QRegularExpression xf(QStringLiteral("<xf numFmtId=\"([0-9]+)\""));
    QStringList out;
    for (auto it = xf.globalMatch(xfs); it.hasNext();) {
        const int id = it.next().captured(1).toInt();
        out << (custom.count(id) ? custom[id] : QStringLiteral("builtin %1").arg(id));
    }
    return out;
}

QString part(const QString& xlsx, const char* name)
{
    auto r = core::readXlsxPart(xlsx.toStdString(), name);
    if (!r)
        qFatal("%s", r.error().toString().c_str());
    return QString::fromStdString(*r);
}

} // namespace

class TestTableExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void csvIsExactAndLocaleIndependent()
    {
        QStandardItemModel m;
        fill(m);
        TableExportOptions o;
        o.valueRole = kRaw;
        QCOMPARE(ui::tableToCsv(m, o), kCsv);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(ui::tableToCsv(m, o), kCsv);
        QLocale::setDefault(before);

        QTemporaryDir dir;
        const QString path = dir.filePath("t.csv");
        QVERIFY(ui::writeTableCsv(m, path, o));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), kCsv);
        QString error;
        QVERIFY(!ui::writeTableCsv(m, dir.filePath("missing/dir/t.csv"), o, &error));
        QVERIFY(!error.isEmpty());
    }

    void displayRoleTextBecomesNumbersAndDates()
    {
        QStandardItemModel m(1, 3);
        m.setHorizontalHeaderLabels({"a", "b", "c"});
        m.setItem(0, 0, new QStandardItem("2021-06-30"));
        m.setItem(0, 1, new QStandardItem("-12.5"));
        m.setItem(0, 2, new QStandardItem("1,234.5")); // grouped: stays text (quoted)
        QCOMPARE(
            ui::tableToCsv(m, {}), QStringLiteral("a,b,c\r\n2021-06-30,-12.5,\"1,234.5\"\r\n"));
    }

    void xlsxReadsBackWithFormatsAndDateSerials()
    {
        QStandardItemModel m;
        fill(m);
        TableExportOptions o;
        o.valueRole = kRaw;
        o.sheetName = "Holdings";
        QTemporaryDir dir;
        const QString path = dir.filePath("t.xlsx");
        QString error;
        QVERIFY2(ui::writeTableXlsx(m, path, o, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path + ".part"));

        auto reader = core::XlsxReader::open(path.toStdString());
        QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().toString().c_str());
        QCOMPARE(reader->sheetNames(), std::vector<std::string> {"Holdings"});
        auto rows = reader->readRows(0);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), std::size_t(4));
        const auto& h = (*rows)[0].cells;
        QCOMPARE(h[6].text, std::string("Note (free text)"));
        const auto& r1 = (*rows)[1].cells;
        using core::XlsxCellType;
        QCOMPARE(r1[0].text, std::string("AAA"));
        QCOMPARE(r1[1].type, XlsxCellType::Number);
        QCOMPARE(r1[1].number, 1234.5678);
        QCOMPARE(r1[2].number, 0.1234);
        QCOMPARE(r1[3].type, XlsxCellType::Date);
        QCOMPARE(r1[3].date.toIso(), std::string("2020-01-02"));
        QCOMPARE(r1[4].number, 42.0);
        QCOMPARE(r1[5].type, XlsxCellType::Empty);
        const auto& r2 = (*rows)[2].cells;
        QCOMPARE(r2[0].text, std::string("B,B"));
        QCOMPARE(r2[1].number, 0.1);
        QCOMPARE(r2[2].type, XlsxCellType::Empty); // NaN
        QCOMPARE(r2[3].date.toIso(), std::string("1900-03-01"));
        QCOMPARE(r2[6].text, std::string("say \"hi\"\nthere"));
        const auto& r3 = (*rows)[3].cells;
        QCOMPARE(r3[1].number, 1e-7);
        QCOMPARE(r3[3].type, XlsxCellType::Empty); // invalid QDate
        QCOMPARE(r3[4].number, -3.0);

        // The sheet XML itself: number cells (no t=) with their formats, dates as serials.
        const auto cells = sheetCells(part(path, "xl/worksheets/sheet1.xml"));
        const QStringList formats = styleFormats(part(path, "xl/styles.xml"));
        auto formatOf = [&](const char* ref) {
            const auto it = cells.find(QString::fromLatin1(ref));
            return it == cells.end() ? QStringLiteral("<none>") : formats.value(it->second.first);
        };
        auto valueOf = [&](const char* ref) { return cells.at(QString::fromLatin1(ref)).second; };
        QCOMPARE(valueOf("B2"), QStringLiteral(":1234.5678"));
        QCOMPARE(formatOf("B2"), QStringLiteral("#,##0.00"));
        QCOMPARE(valueOf("C2"), QStringLiteral(":0.1234"));
        QCOMPARE(formatOf("C2"), QStringLiteral("#,##0.00%"));
        QCOMPARE(valueOf("D2"), QStringLiteral(":43832"));
        QCOMPARE(formatOf("D2"), QStringLiteral("yyyy-mm-dd"));
        QCOMPARE(valueOf("D3"), QStringLiteral(":61"));
        QCOMPARE(valueOf("E2"), QStringLiteral(":42"));
        QCOMPARE(formatOf("E2"), QStringLiteral("#,##0"));
        QCOMPARE(formatOf("B4"), QStringLiteral("#,##0.0000000"));
        QCOMPARE(valueOf("A2"), QStringLiteral("s:%1").arg(valueOf("A2").mid(2))); // shared str
        QVERIFY(cells.find("F2") == cells.end()); // missing value: no cell at all
        QVERIFY(cells.find("C3") == cells.end()); // NaN: no cell
    }

    void applicationModelsExportRawValues()
    {
        ui::InstrumentsModel model;
        core::InstrumentInfo info;
        info.ticker = "MSFT";
        info.priceCount = 249;
        info.firstDate = core::Date::fromYmd(2000, 9, 27);
        info.lastDate = core::Date::fromYmd(2001, 9, 27);
        model.setInstruments({info});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        const TableExportOptions o = ui::tableExportOptionsFor(proxy);
        QCOMPARE(o.valueRole, int(ui::InstrumentsModel::SortRole));
        const QStringList lines = ui::tableToCsv(proxy, o).split("\r\n");
        QCOMPARE(lines.value(1), QStringLiteral("MSFT,249,2000-09-27,2001-09-27"));

        QTemporaryDir dir;
        const QString path = dir.filePath("instruments.xlsx");
        QVERIFY(ui::writeTableXlsx(proxy, path, o));
        auto reader = core::XlsxReader::open(path.toStdString());
        QVERIFY(reader.ok());
        auto rows = reader->readRows(0);
        QVERIFY(rows.ok());
        QCOMPARE((*rows)[1].cells[1].number, 249.0);
        QCOMPARE((*rows)[1].cells[2].type, core::XlsxCellType::Date);
        QCOMPARE((*rows)[1].cells[3].date.toIso(), std::string("2001-09-27"));
    }

    void failedXlsxKeepsTheOldFile()
    {
        QStandardItemModel m;
        fill(m);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!ui::writeTableXlsx(m, dir.filePath("no/such/dir/t.xlsx"), {}, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestTableExport)
#include "test_table_export.moc"
