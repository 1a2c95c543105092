// Import formats and sniffing rules: delimiters, BOM, decimal comma, thousands separators, date
// formats and their ambiguity, header synonyms, missing values.
#include "import_test_support.h"

#include <QTest>

#include <cmath>

using namespace import_test;

Q_DECLARE_METATYPE(marketlens::core::DateFormat)

class TestImportFormats : public QObject, public ImportFixture {
    Q_OBJECT

private Q_SLOTS:
    void delimiters_data()
    {
        QTest::addColumn<QByteArray>("delimiter");
        QTest::newRow("comma") << QByteArray(",");
        QTest::newRow("semicolon") << QByteArray(";");
        QTest::newRow("tab") << QByteArray("\t");
        QTest::newRow("pipe") << QByteArray("|");
    }
    void delimiters()
    {
        QFETCH(QByteArray, delimiter);
        QByteArray text
            = "Date,Ticker,Close,Volume\n2020-01-02,\"X,Y\",12.5,100\n2020-01-03,B,13,\n";
        text.replace(',', delimiter);
        text.replace("X" + delimiter + "Y", "X,Y"); // a comma inside quotes in every variant
        const auto project = newProject();
        auto r = importFiles(project, {write("d.csv", text)}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->files[0].delimiter, delimiter[0]);
        QCOMPARE(prices(project, "X,Y").close[0], 12.5);
        QCOMPARE(prices(project, "B").close[0], 13.0);
        QVERIFY(std::isnan(prices(project, "B").volume[0]));
    }

    void decimalCommaBomDottedDates()
    {
        const auto project = newProject();
        auto r = importFiles(project, {dataFile("import/long_semicolon_dmy_bom.csv")}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        const auto& f = r->files[0];
        QCOMPARE(f.kind, ImportKind::PricesLong);
        QCOMPARE(f.delimiter, ';');
        QCOMPARE(f.decimalSeparator, ',');
        QCOMPARE(f.dateFormat, DateFormat::Dmy);
        QCOMPARE(f.rowsRejected, 0);
        const auto s = prices(project, "SIE");
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s.dates[0].toIso(), std::string("2020-01-02"));
        QCOMPARE(s.close[0], 1234.56);
        QCOMPARE(s.volume[0], 1000.0);
        QCOMPARE(s.close[1], 1240.10);
        QVERIFY(std::isnan(s.volume[1]));
        QCOMPARE(s.dates[2].toIso(), std::string("2020-01-13"));
        QCOMPARE(s.close[2], 1250.5);
    }

    void thousandsSeparatorsInQuotes()
    {
        const auto project = newProject();
        const auto file = write("MSFT.csv",
            "Date,Close,Volume\n2020-01-02,\"1,234.56\",\"12,000\"\n"
            "2020-01-03,1'240.5,\"1,000,000\"\n");
        auto r = importFiles(project, {file}, {});
        QVERIFY(r.ok());
        QCOMPARE(r->files[0].kind, ImportKind::Ohlcv);
        QCOMPARE(r->files[0].tickers, std::vector<std::string> {"MSFT"}); // from "MSFT.csv"
        const auto s = prices(project, "MSFT");
        QCOMPARE(s.close[0], 1234.56);
        QCOMPARE(s.volume[0], 12000.0);
        QCOMPARE(s.close[1], 1240.5);
        QCOMPARE(s.volume[1], 1000000.0);
    }

    void dateFormats_data()
    {
        QTest::addColumn<QByteArray>("dates"); // two values
        QTest::addColumn<DateFormat>("detected");
        QTest::addColumn<QString>("second");
        QTest::newRow("iso") << QByteArray("2020-01-02,2020-01-13") << DateFormat::Iso
                             << "2020-01-13";
        QTest::newRow("compact") << QByteArray("20200102,20200113") << DateFormat::Iso
                                 << "2020-01-13";
        QTest::newRow("iso T") << QByteArray("2020-01-02T00:00:00,2020-01-13T00:00:00")
                               << DateFormat::Iso << "2020-01-13";
        QTest::newRow("iso time") << QByteArray("2020-01-02 16:00,2020-01-13 16:00")
                                  << DateFormat::Iso << "2020-01-13";
        QTest::newRow("ymd") << QByteArray("2020/01/02,2020/01/13") << DateFormat::YmdSlash
                             << "2020-01-13";
        QTest::newRow("mdy") << QByteArray("01/02/2020,01/13/2020") << DateFormat::Mdy
                             << "2020-01-13";
        QTest::newRow("dmy") << QByteArray("02/01/2020,13/01/2020") << DateFormat::Dmy
                             << "2020-01-13";
        QTest::newRow("dmy dash") << QByteArray("02-01-2020,13-01-2020") << DateFormat::Dmy
                                  << "2020-01-13";
        QTest::newRow("dotted ambiguous")
            << QByteArray("02.01.2020,03.01.2020") << DateFormat::Dmy << "2020-01-03";
    }
    void dateFormats()
    {
        QFETCH(QByteArray, dates);
        QFETCH(DateFormat, detected);
        QFETCH(QString, second);
        const QList<QByteArray> d = dates.split(',');
        const auto project = newProject();
        const auto file = write("X.csv", "Date;Close\n" + d[0] + ";1\n" + d[1] + ";2\n");
        auto r = importFiles(project, {file}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->files[0].dateFormat, detected);
        const auto s = prices(project, "X");
        QCOMPARE(s.dates[0].toIso(), std::string("2020-01-02"));
        QCOMPARE(QString::fromStdString(s.dates[1].toIso()), second);
    }

    void ambiguousDatesNeedOverride()
    {
        // Every value could be either order: refuse to guess, leave the project untouched.
        QByteArray text = "Date,Close\n";
        for (int i = 0; i < 3000; ++i) // longer than the sniffing sample: the whole file is read
            text += "01/02/2020,1\n";
        text += "03/04/2020,2\n";
        const auto file = write("Y.csv", text);
        const auto project = newProject();
        const QStringList before = dump(project);
        auto r = importFiles(project, {file}, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QCOMPARE(r.error().file, file);
        QVERIFY(contains(r.error().message, "--date-format"));
        QCOMPARE(dump(project), before);

        ImportOptions o;
        o.dateFormat = DateFormat::Mdy;
        QVERIFY(importFiles(project, {file}, o).ok());
        auto s = prices(project, "Y");
        QCOMPARE(s.dates[0].toIso(), std::string("2020-01-02"));
        QCOMPARE(s.dates[1].toIso(), std::string("2020-03-04"));
        const auto project2 = newProject();
        o.dateFormat = DateFormat::Dmy;
        QVERIFY(importFiles(project2, {file}, o).ok());
        s = prices(project2, "Y");
        QCOMPARE(s.dates[0].toIso(), std::string("2020-02-01"));
        QCOMPARE(s.dates[1].toIso(), std::string("2020-04-03"));

        // A day > 12 far down the file decides the order.
        QByteArray late = text;
        late += "25/04/2020,3\n";
        const auto project3 = newProject();
        auto r3 = importFiles(project3, {write("Z.csv", late)}, {});
        QVERIFY(r3.ok());
        QCOMPARE(r3->files[0].dateFormat, DateFormat::Dmy);
    }

    void headerSynonyms_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("hasAdj");
        QTest::newRow("trade date/symbol/last")
            << QByteArray("TRADE DATE,symbol,Opening,HIGH,low,Last,Vol") << false;
        QTest::newRow("timestamp/ric/price")
            << QByteArray(" Timestamp , RIC ,x,y,z, Price ,Qty Traded") << false;
        QTest::newRow("day/code/adj_close")
            << QByteArray("day,Code,open,high,low,Close Price,volume,Adj_Close") << true;
        QTest::newRow("time/instrument")
            << QByteArray("Time,Instrument,Open,High,Low,Closing,Volume,Adjusted Close") << true;
        QTest::newRow("datum/security")
            << QByteArray("DATUM,Security,open,high,low,CLOSE,VOLUME,AdjClose") << true;
    }
    void headerSynonyms()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, hasAdj);
        QByteArray row = "2020-01-02,Q,10,12,9,11,500";
        if (hasAdj)
            row += ",10.5";
        const auto project = newProject();
        auto r = importFiles(project, {write("s.csv", header + "\n" + row + "\n")}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->files[0].kind, ImportKind::PricesLong);
        const auto s = prices(project, "Q");
        QCOMPARE(s.close[0], 11.0);
        QCOMPARE(s.volume[0], 500.0);
        if (hasAdj) {
            QCOMPARE(s.adjClose[0], 10.5);
            QCOMPARE(s.open[0], 10.0);
        } else {
            QVERIFY(std::isnan(s.adjClose[0]));
        }
    }

    void missingValues()
    {
        const auto project = newProject();
        const auto file = write("M.csv",
            "Date,Open,High,Low,Close,Volume\n"
            "2020-01-02,NA,null,,N/A,#N/A\n" // no values: rejected
            "2020-01-03,NaN,-,\"\",5,n/a\n");
        auto r = importFiles(project, {file}, {});
        QVERIFY(r.ok());
        QCOMPARE(r->files[0].rowsAccepted, 1);
        QCOMPARE(r->files[0].rejected.at(0).line, 2);
        const auto s = prices(project, "M");
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s.close[0], 5.0);
        QVERIFY(std::isnan(s.open[0]) && std::isnan(s.high[0]) && std::isnan(s.low[0])
            && std::isnan(s.volume[0]));
    }
};

QTEST_GUILESS_MAIN(TestImportFormats)
#include "test_import_formats.moc"
