// core::Date against an independent reference: QDate (its Julian day numbers and calendar).
#include "core/date.h"

#include <QDate>
#include <QDateTime>
#include <QTest>

using marketlens::core::Date;

namespace {

// Julian day of 1970-01-01: the offset between Date::days() and QDate::toJulianDay().
constexpr qint64 kEpochJulianDay = 2440588;

} // namespace

class TestDate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void epoch()
    {
        QCOMPARE(QDate(1970, 1, 1).toJulianDay(), kEpochJulianDay);
        const auto d = Date::fromYmd(1970, 1, 1);
        QVERIFY(d);
        QCOMPARE(d->days(), 0);
        QCOMPARE(d->toIso(), std::string("1970-01-01"));
        QCOMPARE(Date::fromIso("2000-03-01")->days(), 11017);
        QCOMPARE(Date::fromIso("1969-12-31")->days(), -1);
    }

    // Every day of years 1..9999 converted both ways and compared with QDate.
    void roundTripAgainstQDate()
    {
        const QDate first(1, 1, 1);
        const QDate last(9999, 12, 31);
        int checked = 0;
        for (QDate q = first; q <= last; q = q.addDays(1)) {
            const auto d = Date::fromYmd(q.year(), q.month(), q.day());
            if (!d)
                QFAIL(qPrintable(q.toString(Qt::ISODate) + QStringLiteral(" rejected")));
            if (d->days() != q.toJulianDay() - kEpochJulianDay)
                QFAIL(qPrintable(q.toString(Qt::ISODate) + QStringLiteral(" wrong day count")));
            if (d->year() != q.year() || d->month() != q.month() || d->day() != q.day())
                QFAIL(qPrintable(q.toString(Qt::ISODate) + QStringLiteral(" wrong fields")));
            if (d->dayOfWeek() != q.dayOfWeek())
                QFAIL(qPrintable(q.toString(Qt::ISODate) + QStringLiteral(" wrong weekday")));
            if (q.year() >= 1000) { // QDate pads years below 1000 differently
                const std::string iso = d->toIso();
                if (QString::fromStdString(iso) != q.toString(Qt::ISODate))
                    QFAIL(qPrintable(q.toString(Qt::ISODate) + QStringLiteral(" wrong ISO")));
                if (Date::fromIso(iso) != d)
                    QFAIL(qPrintable(q.toString(Qt::ISODate) + QStringLiteral(" ISO round trip")));
            }
            ++checked;
        }
        QCOMPARE(checked, 3652059); // days in 9999 proleptic Gregorian years
    }

    void isoOfSmallYears()
    {
        QCOMPARE(Date::fromYmd(1, 1, 1)->toIso(), std::string("0001-01-01"));
        QCOMPARE(Date::fromIso("0999-12-31"), Date::fromYmd(999, 12, 31));
    }

    void invalidDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("month 13") << "2020-13-01";
        QTest::newRow("month 0") << "2020-00-10";
        QTest::newRow("day 0") << "2020-01-00";
        QTest::newRow("30 February") << "2020-02-30";
        QTest::newRow("29 February 1900") << "1900-02-29";
        QTest::newRow("29 February 2021") << "2021-02-29";
        QTest::newRow("31 April") << "2021-04-31";
        QTest::newRow("year 0") << "0000-01-01";
        QTest::newRow("slashes") << "2020/01/01";
        QTest::newRow("short") << "2020-1-01";
        QTest::newRow("long") << "2020-01-011";
        QTest::newRow("letters") << "2020-0a-01";
        QTest::newRow("empty") << "";
        QTest::newRow("sign") << "+020-01-01";
    }
    void invalidDates()
    {
        QFETCH(QString, text);
        QVERIFY(!Date::fromIso(text.toStdString()));
    }

    void leapDaysAccepted()
    {
        QVERIFY(Date::fromIso("2000-02-29"));
        QVERIFY(Date::fromIso("2024-02-29"));
        QVERIFY(!Date::fromYmd(10000, 1, 1));
        QVERIFY(!Date::fromYmd(0, 12, 31));
    }

    void weekdaysAroundEpoch()
    {
        // 1970-01-01 was a Thursday, 1969-12-28 a Sunday (negative day counts).
        QCOMPARE(Date(0).dayOfWeek(), 4);
        QCOMPARE(Date(-4).dayOfWeek(), 7);
        QCOMPARE(Date(-3).dayOfWeek(), 1);
        QCOMPARE(Date::fromIso("2001-09-11")->dayOfWeek(), QDate(2001, 9, 11).dayOfWeek());
    }

    void orderingAndMsecs()
    {
        const Date a = *Date::fromIso("1990-12-31");
        const Date b = *Date::fromIso("1991-01-02");
        QVERIFY(a < b);
        QCOMPARE(b.days() - a.days(), 2);
        QCOMPARE(
            a.toMsecsSinceEpoch(), QDate(1990, 12, 31).startOfDay(Qt::UTC).toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestDate)
#include "test_date.moc"
