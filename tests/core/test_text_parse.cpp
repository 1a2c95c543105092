// Number and date parsing of import cells, and the per-file sniffers.
#include "core/text_parse.h"

#include <QTest>

using namespace marketlens::core;

Q_DECLARE_METATYPE(marketlens::core::ParseStatus)
Q_DECLARE_METATYPE(marketlens::core::DateFormat)

class TestTextParse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<char>("decimal");
        QTest::addColumn<ParseStatus>("status");
        QTest::addColumn<double>("value");
        const auto ok = ParseStatus::Ok;
        const auto bad = ParseStatus::Bad;
        const auto na = ParseStatus::Missing;
        QTest::newRow("plain") << "123.45" << '.' << ok << 123.45;
        QTest::newRow("negative") << "-0.5" << '.' << ok << -0.5;
        QTest::newRow("leading plus") << "+7.25" << '.' << ok << 7.25;
        QTest::newRow("blanks") << "  42 " << '.' << ok << 42.0;
        QTest::newRow("exponent") << "1.5e3" << '.' << ok << 1500.0;
        QTest::newRow("thousands comma") << "1,234.56" << '.' << ok << 1234.56;
        QTest::newRow("thousands millions") << "12,345,678" << '.' << ok << 12345678.0;
        QTest::newRow("decimal comma") << "1,23" << ',' << ok << 1.23;
        QTest::newRow("dot thousands, decimal comma") << "1.234,56" << ',' << ok << 1234.56;
        QTest::newRow("space thousands") << "1 234,56" << ',' << ok << 1234.56;
        QTest::newRow("nbsp thousands") << QString::fromUtf8("1\u00a0234,5") << ',' << ok << 1234.5;
        QTest::newRow("apostrophe") << "1'234.5" << '.' << ok << 1234.5;
        QTest::newRow("quoted") << "\"1,234.5\"" << '.' << ok << 1234.5;
        QTest::newRow("plain int in comma file") << "100" << ',' << ok << 100.0;
        QTest::newRow("dot in comma file is thousands") << "1.234" << ',' << ok << 1234.0;
        QTest::newRow("empty") << "" << '.' << na << 0.0;
        QTest::newRow("NA") << "NA" << '.' << na << 0.0;
        QTest::newRow("n/a") << "n/a" << '.' << na << 0.0;
        QTest::newRow("#N/A") << "#N/A" << '.' << na << 0.0;
        QTest::newRow("null") << "Null" << '.' << na << 0.0;
        QTest::newRow("NaN") << "NaN" << '.' << na << 0.0;
        QTest::newRow("dash") << " - " << '.' << na << 0.0;
        QTest::newRow("garbage") << "abc" << '.' << bad << 0.0;
        QTest::newRow("trailing junk") << "12x" << '.' << bad << 0.0;
        QTest::newRow("bad grouping") << "1,23.5" << '.' << bad << 0.0;
        QTest::newRow("comma in dot file") << "1,5" << '.' << bad << 0.0;
        QTest::newRow("two decimals") << "1.2.3" << '.' << bad << 0.0;
        QTest::newRow("infinity") << "inf" << '.' << bad << 0.0;
        QTest::newRow("percent without permission") << "5%" << '.' << bad << 0.0;
        QTest::newRow("lone sign") << "+" << '.' << bad << 0.0;
    }
    void numbers()
    {
        QFETCH(QString, text);
        QFETCH(char, decimal);
        QFETCH(ParseStatus, status);
        QFETCH(double, value);
        const std::string s = text.toStdString();
        double v = -99;
        QCOMPARE(parseNumber(s, decimal, v), status);
        if (status == ParseStatus::Ok)
            QCOMPARE(v, value);
    }

    void percent()
    {
        double v = 0;
        bool pct = false;
        QCOMPARE(parseNumber("12.5%", '.', v, &pct), ParseStatus::Ok);
        QVERIFY(pct);
        QCOMPARE(v, 12.5);
        QCOMPARE(parseNumber("0.25", '.', v, &pct), ParseStatus::Ok);
        QVERIFY(!pct);
    }

    void decimalSniffer()
    {
        DecimalSniffer a;
        for (const char* s : {"1,23", "100", "1.234,5"})
            a.add(s);
        QCOMPARE(a.decide(';'), ',');
        DecimalSniffer b;
        for (const char* s : {"1.23", "1,234.5", "7"})
            b.add(s);
        QCOMPARE(b.decide(','), '.');
        DecimalSniffer c; // "1,234" alone: decimal comma in a ';' file, thousands in a ',' file
        c.add("1,234");
        QCOMPARE(c.decide(';'), ',');
        QCOMPARE(c.decide(','), '.');
        DecimalSniffer d;
        QCOMPARE(d.decide(';'), '.');
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<DateFormat>("format");
        QTest::addColumn<QString>("iso"); // empty: rejected
        QTest::newRow("iso") << "2020-01-02" << DateFormat::Iso << "2020-01-02";
        QTest::newRow("iso compact") << "20200102" << DateFormat::Iso << "2020-01-02";
        QTest::newRow("iso T time") << "2020-01-02T00:00:00" << DateFormat::Iso << "2020-01-02";
        QTest::newRow("iso space time") << "2020-01-02 16:00" << DateFormat::Iso << "2020-01-02";
        QTest::newRow("iso zulu") << "2020-01-02T09:30:00Z" << DateFormat::Auto << "2020-01-02";
        QTest::newRow("ymd slash") << "2020/01/02" << DateFormat::YmdSlash << "2020-01-02";
        QTest::newRow("mdy") << "01/02/2020" << DateFormat::Mdy << "2020-01-02";
        QTest::newRow("mdy one digit") << "1/2/2020" << DateFormat::Mdy << "2020-01-02";
        QTest::newRow("dmy slash") << "02/01/2020" << DateFormat::Dmy << "2020-01-02";
        QTest::newRow("dmy dot") << "02.01.2020" << DateFormat::Dmy << "2020-01-02";
        QTest::newRow("dmy dash") << "02-01-2020" << DateFormat::Dmy << "2020-01-02";
        QTest::newRow("iso under mdy") << "2020-01-02" << DateFormat::Mdy << "2020-01-02";
        QTest::newRow("leap day") << "2020-02-29" << DateFormat::Iso << "2020-02-29";
        QTest::newRow("not leap") << "2019-02-29" << DateFormat::Iso << "";
        QTest::newRow("month 13") << "13/01/2020" << DateFormat::Mdy << "";
        QTest::newRow("day-first under iso") << "02/01/2020" << DateFormat::Iso << "";
        QTest::newRow("garbage") << "yesterday" << DateFormat::Auto << "";
        QTest::newRow("bad time") << "2020-01-02x" << DateFormat::Iso << "";
        QTest::newRow("two digit year") << "01/02/20" << DateFormat::Mdy << "";
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(DateFormat, format);
        QFETCH(QString, iso);
        const auto d = parseDate(text.toStdString(), format);
        if (iso.isEmpty()) {
            QVERIFY(!d);
        } else {
            QVERIFY(d);
            QCOMPARE(QString::fromStdString(d->toIso()), iso);
        }
    }

    void dateSniffer()
    {
        std::string why;
        DateSniffer dmy;
        for (const char* s : {"01/02/2020", "13/02/2020"})
            dmy.add(s);
        QCOMPARE(dmy.decide(why), std::optional(DateFormat::Dmy));

        DateSniffer mdy;
        for (const char* s : {"01/02/2020", "02/13/2020"})
            mdy.add(s);
        QCOMPARE(mdy.decide(why), std::optional(DateFormat::Mdy));

        DateSniffer ambiguous;
        for (const char* s : {"01/02/2020", "03/04/2020"})
            ambiguous.add(s);
        QVERIFY(!ambiguous.decided());
        QVERIFY(!ambiguous.decide(why));
        QVERIFY(why.find("--date-format") != std::string::npos);
        QVERIFY(why.find("01/02/2020") != std::string::npos);

        DateSniffer dotted; // DD.MM.YYYY by convention
        dotted.add("01.02.2020");
        QCOMPARE(dotted.decide(why), std::optional(DateFormat::Dmy));

        DateSniffer mixed;
        for (const char* s : {"13/01/2020", "01/13/2020"})
            mixed.add(s);
        QVERIFY(!mixed.decide(why));

        DateSniffer iso;
        iso.add("2020-01-02");
        QCOMPARE(iso.decide(why), std::optional(DateFormat::Iso));
        DateSniffer ymd;
        ymd.add("2020/01/02");
        QCOMPARE(ymd.decide(why), std::optional(DateFormat::YmdSlash));
    }
};

QTEST_GUILESS_MAIN(TestTextParse)
#include "test_text_parse.moc"
