// News date/time parsing: RFC 822/2822 with named zones and numeric offsets, ISO 8601 / RFC 3339,
// the common CSV forms and epoch numbers. Expected values are UTC seconds computed by hand from
// the civil time and the zone (checked with Python's calendar.timegm): 2003-06-10T04:00:00Z is
// 12213 days * 86400 + 4 h = 1055217600.
#include "core/news/news_dates.h"

#include <QTest>

using namespace marketlens::core;

namespace {
constexpr qint64 kJun10_0400 = 1055217600; // 2003-06-10T04:00:00Z
constexpr qint64 kHour = 3600;
} // namespace

class TestNewsDates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("utc");
        QTest::addColumn<bool>("dateOnly");
        QTest::addColumn<bool>("hasZone");

        // RFC 822/2822 with named zones (US zones are hours west of UTC: add them).
        QTest::newRow("rss spec GMT")
            << "Tue, 10 Jun 2003 04:00:00 GMT" << kJun10_0400 << false << true;
        QTest::newRow("UT") << "Tue, 10 Jun 2003 04:00:00 UT" << kJun10_0400 << false << true;
        QTest::newRow("UTC") << "Tue, 10 Jun 2003 04:00:00 UTC" << kJun10_0400 << false << true;
        QTest::newRow("Z") << "Tue, 10 Jun 2003 04:00:00 Z" << kJun10_0400 << false << true;
        QTest::newRow("EST") << "Tue, 10 Jun 2003 04:00:00 EST" << kJun10_0400 + 5 * kHour << false
                             << true;
        QTest::newRow("EDT") << "Tue, 10 Jun 2003 04:00:00 EDT" << kJun10_0400 + 4 * kHour << false
                             << true;
        QTest::newRow("CST") << "Tue, 10 Jun 2003 04:00:00 CST" << kJun10_0400 + 6 * kHour << false
                             << true;
        QTest::newRow("CDT") << "Tue, 10 Jun 2003 04:00:00 CDT" << kJun10_0400 + 5 * kHour << false
                             << true;
        QTest::newRow("MST") << "Tue, 10 Jun 2003 04:00:00 MST" << kJun10_0400 + 7 * kHour << false
                             << true;
        QTest::newRow("MDT") << "Tue, 10 Jun 2003 04:00:00 MDT" << kJun10_0400 + 6 * kHour << false
                             << true;
        QTest::newRow("PST") << "Tue, 10 Jun 2003 04:00:00 PST" << kJun10_0400 + 8 * kHour << false
                             << true;
        QTest::newRow("PDT") << "Tue, 10 Jun 2003 04:00:00 PDT" << kJun10_0400 + 7 * kHour << false
                             << true;
        QTest::newRow("lower-case zone")
            << "Tue, 10 Jun 2003 04:00:00 est" << kJun10_0400 + 5 * kHour << false << true;
        QTest::newRow("CET") << "Tue, 10 Jun 2003 04:00:00 CET" << kJun10_0400 - kHour << false
                             << true;
        QTest::newRow("JST") << "Tue, 10 Jun 2003 13:00:00 JST" << kJun10_0400 << false << true;
        QTest::newRow("military A is -0000")
            << "Tue, 10 Jun 2003 04:00:00 A" << kJun10_0400 << false << true;
        QTest::newRow("military Y is -0000")
            << "Tue, 10 Jun 2003 04:00:00 Y" << kJun10_0400 << false << true;
        // Numeric offsets.
        QTest::newRow("+0000") << "Tue, 10 Jun 2003 04:00:00 +0000" << kJun10_0400 << false << true;
        QTest::newRow("-0500") << "Mon, 09 Jun 2003 23:00:00 -0500" << kJun10_0400 << false << true;
        QTest::newRow("+0530") << "Tue, 10 Jun 2003 09:30:00 +0530" << kJun10_0400 << false << true;
        QTest::newRow("+05:30") << "Tue, 10 Jun 2003 09:30:00 +05:30" << kJun10_0400 << false
                                << true;
        QTest::newRow("-0500 (EST) comment")
            << "Mon, 9 Jun 2003 23:00:00 -0500 (EST)" << kJun10_0400 << false << true;
        QTest::newRow("GMT+1") << "Tue, 10 Jun 2003 05:00:00 GMT+1" << kJun10_0400 << false << true;
        // Optional parts, year forms, names.
        QTest::newRow("no weekday") << "10 Jun 2003 04:00:00 GMT" << kJun10_0400 << false << true;
        QTest::newRow("no seconds") << "Tue, 10 Jun 2003 04:00 GMT" << kJun10_0400 << false << true;
        QTest::newRow("one-digit day")
            << "Sun, 1 Jun 2003 04:00:00 GMT" << kJun10_0400 - 9 * 86400 << false << true;
        QTest::newRow("2-digit year 03")
            << "Tue, 10 Jun 03 04:00:00 GMT" << kJun10_0400 << false << true;
        QTest::newRow("2-digit year 99")
            << "Fri, 31 Dec 99 23:59:59 GMT" << qint64(946684799) << false << true;
        QTest::newRow("2-digit year 49")
            << "01 Jan 49 00:00:00 GMT" << qint64(2493072000) << false << true;
        QTest::newRow("2-digit year 50")
            << "01 Jan 50 00:00:00 GMT" << qint64(-631152000) << false << true;
        QTest::newRow("3-digit year") << "10 Jun 103 04:00:00 GMT" << kJun10_0400 << false << true;
        QTest::newRow("full names")
            << "Tuesday, 10 June 2003 04:00:00 GMT" << kJun10_0400 << false << true;
        QTest::newRow("Sept") << "1 Sept 2003 00:00:00 GMT" << qint64(1062374400) << false << true;
        QTest::newRow("no zone is UTC")
            << "Tue, 10 Jun 2003 04:00:00" << kJun10_0400 << false << false;
        QTest::newRow("date only") << "10 Jun 2003" << kJun10_0400 - 4 * kHour << true << false;
        QTest::newRow("surrounding blanks") << "  Tue, 10 Jun 2003 04:00:00 GMT \n"
                                            << kJun10_0400 << false << true;
        QTest::newRow("leap second")
            << "Sat, 31 Dec 2016 23:59:60 GMT" << qint64(1483228800) << false << true;
        // Month-first and asctime/Twitter forms, Reuters' SGML dates.
        QTest::newRow("Jun 10, 2003") << "Jun 10, 2003" << kJun10_0400 - 4 * kHour << true << false;
        QTest::newRow("June 10, 2003 4:00 AM")
            << "June 10, 2003 4:00 AM" << kJun10_0400 << false << false;
        QTest::newRow("12 PM is noon")
            << "Jun 10, 2003 12:00 PM" << kJun10_0400 + 8 * kHour << false << false;
        QTest::newRow("12 AM is midnight")
            << "Jun 10, 2003 12:30 AM" << kJun10_0400 - 4 * kHour + 1800 << false << false;
        QTest::newRow("p.m. EDT") << "Jun 9, 2003 8:00 p.m. EDT" << kJun10_0400 - 4 * kHour << false
                                  << true;
        QTest::newRow("twitter") << "Tue Jun 10 04:00:00 +0000 2003" << kJun10_0400 << false
                                 << true;
        QTest::newRow("asctime") << "Tue Jun 10 04:00:00 2003" << kJun10_0400 << false << false;
        QTest::newRow("reuters sgml")
            << "26-FEB-1987 15:01:01.79" << qint64(541350061) << false << false;
        // ISO 8601 / RFC 3339.
        QTest::newRow("iso Z") << "2003-06-10T04:00:00Z" << kJun10_0400 << false << true;
        QTest::newRow("iso lower z") << "2003-06-10t04:00:00z" << kJun10_0400 << false << true;
        QTest::newRow("iso fraction")
            << "2003-06-10T04:00:00.999999Z" << kJun10_0400 << false << true;
        QTest::newRow("iso +02:00") << "2003-06-10T06:00:00+02:00" << kJun10_0400 << false << true;
        QTest::newRow("iso -0400") << "2003-06-10T00:00:00-0400" << kJun10_0400 << false << true;
        QTest::newRow("iso +02") << "2003-06-10T06:00:00+02" << kJun10_0400 << false << true;
        QTest::newRow("iso fraction offset")
            << "2003-06-10T06:00:00.5+02:00" << kJun10_0400 << false << true;
        QTest::newRow("iso no seconds") << "2003-06-10T04:00Z" << kJun10_0400 << false << true;
        QTest::newRow("iso space") << "2003-06-10 04:00:00" << kJun10_0400 << false << false;
        QTest::newRow("iso space EST") << "2003-06-09 23:00:00 EST" << kJun10_0400 << false << true;
        QTest::newRow("iso space UTC") << "2003-06-10 04:00:00 UTC" << kJun10_0400 << false << true;
        QTest::newRow("iso date") << "2003-06-10" << kJun10_0400 - 4 * kHour << true << false;
        QTest::newRow("iso HH:MM") << "2003-06-10 04:00" << kJun10_0400 << false << false;
        QTest::newRow("ymd slash") << "2003/06/10 04:00" << kJun10_0400 << false << false;
        QTest::newRow("reuters csv")
            << "1987-02-26 15:18:06" << qint64(541351086) << false << false;
        QTest::newRow("leap day") << "2024-02-29" << qint64(1709164800) << true << false;
        // CSV forms.
        QTest::newRow("mdy") << "06/10/2003" << kJun10_0400 - 4 * kHour << true << false;
        QTest::newRow("mdy time") << "06/10/2003 04:00" << kJun10_0400 << false << false;
        QTest::newRow("mdy 1 digit pm")
            << "6/9/2003 11:00:00 PM" << kJun10_0400 - 5 * kHour << false << false;
        QTest::newRow("dmy dots") << "10.06.2003" << kJun10_0400 - 4 * kHour << true << false;
        QTest::newRow("dmy dots time") << "10.06.2003 04:00:00" << kJun10_0400 << false << false;
        // Epoch numbers and compact forms.
        QTest::newRow("epoch seconds") << "1055217600" << kJun10_0400 << false << true;
        QTest::newRow("epoch fraction") << "1055217600.75" << kJun10_0400 << false << true;
        QTest::newRow("epoch ms") << "1055217600123" << kJun10_0400 << false << true;
        QTest::newRow("epoch 9 digits") << "999999999" << qint64(999999999) << false << true;
        QTest::newRow("yyyymmdd") << "20030610" << kJun10_0400 - 4 * kHour << true << false;
        QTest::newRow("yyyymmddhhmmss") << "20030610040000" << kJun10_0400 << false << false;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, utc);
        QFETCH(bool, dateOnly);
        QFETCH(bool, hasZone);
        const auto t = parseNewsTimestamp(text.toStdString());
        QVERIFY2(t.has_value(), qPrintable(text));
        QCOMPARE(qint64(t->utcSeconds), utc);
        QCOMPARE(t->dateOnly, dateOnly);
        QCOMPARE(t->hasZone, hasZone);
    }

    void offsetIsReported()
    {
        QCOMPARE(parseNewsTimestamp("Tue, 10 Jun 2003 04:00:00 EST")->offsetSeconds, -5 * 3600);
        QCOMPARE(parseNewsTimestamp("2003-06-10T09:30:00+05:30")->offsetSeconds, 19800);
        QCOMPARE(namedZoneOffset("PDT").value(), -7 * 3600);
        QCOMPARE(namedZoneOffset("gmt").value(), 0);
        QVERIFY(!namedZoneOffset("ET").has_value()); // ambiguous: refused
        QVERIFY(!namedZoneOffset("J").has_value()); // J is no military zone
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("blanks") << "   ";
        QTest::newRow("words") << "yesterday";
        QTest::newRow("month 13 iso") << "2003-13-10";
        QTest::newRow("30 February") << "2003-02-30";
        QTest::newRow("29 Feb non-leap") << "29 Feb 2003 00:00:00 GMT";
        QTest::newRow("hour 24") << "2003-06-10T24:00:00Z";
        QTest::newRow("minute 60") << "2003-06-10T04:60:00Z";
        QTest::newRow("second 61") << "2003-06-10T04:00:61Z";
        QTest::newRow("bad month name") << "Tue, 10 Jum 2003 04:00:00 GMT";
        QTest::newRow("unknown zone") << "Tue, 10 Jun 2003 04:00:00 XYZ";
        QTest::newRow("ambiguous ET") << "Jun 10, 2003 4:00 PM ET";
        QTest::newRow("trailing garbage") << "2003-06-10 banana";
        QTest::newRow("offset hour 25") << "2003-06-10T04:00:00+2500";
        QTest::newRow("13 PM") << "Jun 10, 2003 13:00 PM";
        QTest::newRow("day first with slash") << "25/12/2003";
        QTest::newRow("2-digit year with slash") << "06/10/03";
        QTest::newRow("year only") << "2003";
        QTest::newRow("short number") << "12345";
        QTest::newRow("12-digit junk") << "200306100400x";
        QTest::newRow("day 32") << "32 Jun 2003";
        QTest::newRow("truncated") << "Tue, 10 Jun";
        QTest::newRow("truncated time") << "2003-06-10T04:";
        QTest::newRow("very long") << QString(500, QLatin1Char('1'));
        // Found by the news fuzz target: digits past int64 (UBSan: signed overflow) before the
        // length was checked; no epoch number or compact date has more than 14 digits.
        QTest::newRow("15-digit number") << "105521760000000";
        QTest::newRow("95-digit number")
            << QStringLiteral("10552179") + QString(81, QLatin1Char('9')) + QStringLiteral("600000");
        QTest::newRow("30 digits and a fraction") << QString(30, QLatin1Char('9')) + ".5";
    }
    void rejects()
    {
        QFETCH(QString, text);
        const auto t = parseNewsTimestamp(text.toStdString());
        QVERIFY2(!t.has_value(), qPrintable(text));
    }

    void garbageNeverCrashes()
    {
        // Random texts from the characters dates are made of: nullopt or a time in years 1..9999.
        static const char alphabet[] = "0123456789 :-+/.,TZ()APMESTGUjunJanTueMonPDpm";
        quint32 seed = 2003;
        int parsed = 0;
        for (int round = 0; round < 20000; ++round) {
            std::string text;
            seed = seed * 1664525u + 1013904223u;
            const int len = int((seed >> 24) % 32);
            for (int i = 0; i < len; ++i) {
                seed = seed * 1664525u + 1013904223u;
                text += alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            }
            if (const auto t = parseNewsTimestamp(text)) {
                ++parsed;
                QVERIFY2(
                    t->utcSeconds >= -62135596800 - 86400 && t->utcSeconds < 253402300800 + 86400,
                    text.c_str());
            }
        }
        QVERIFY(parsed < 20000);
    }

    void civilAndFormat()
    {
        QCOMPARE(qint64(utcSecondsFromCivil(1970, 1, 1).value()), qint64(0));
        QCOMPARE(qint64(utcSecondsFromCivil(2003, 6, 10, 4).value()), kJun10_0400);
        QVERIFY(!utcSecondsFromCivil(2003, 2, 29).has_value());
        QCOMPARE(QString::fromStdString(formatUtcIso(kJun10_0400)),
            QStringLiteral("2003-06-10T04:00:00Z"));
        QCOMPARE(QString::fromStdString(formatUtcIso(-1)), QStringLiteral("1969-12-31T23:59:59Z"));
    }
};

QTEST_GUILESS_MAIN(TestNewsDates)
#include "test_news_dates.moc"
