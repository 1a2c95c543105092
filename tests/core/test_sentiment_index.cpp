// The daily sentiment index (core/news/sentiment_index.h) on a hand-computed example.
//
// Ticker A, half-life 2 days (a = 0.5^(1/2)), days counted from D0 = 2024-01-05 (a Friday):
//   D0 10:00 +0.6 and D0 23:30 -0.2 (same UTC day), nothing on D1/D2 (the weekend),
//   D3 00:00 +0.9, D4 12:00 -0.5.
// Closed form decayed(d) = sum s_i 0.5^((d - day_i)/2) / sum 0.5^((d - day_i)/2):
//   D0..D2: 0.4 / 2 (both weights equal) = 0.2
//   D3: (0.4 * 0.5^1.5 + 0.9) / (2 * 0.5^1.5 + 1) = 0.6100505063388335
//   D4: (0.4 * 0.25 + 0.9 * 0.5^0.5 - 0.5) / (2 * 0.25 + 0.5^0.5 + 1) = 0.10710678118654755
// (evaluated with Python's float arithmetic from the closed form, not the recursion the code uses).

#include "core/forecast/forecast_data.h"
#include "core/news/sentiment_index.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace marketlens::core;
using namespace marketlens::core::news;

namespace {

constexpr std::int32_t kD0 = 19727; // 2024-01-05
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kT0 = std::int64_t(kD0) * kDay; // 2024-01-05T00:00:00Z
constexpr double kA3 = 0.6100505063388335;
constexpr double kA4 = 0.10710678118654755;

std::vector<ScoredEvent> tickerA()
{
    // Deliberately out of time order: the index sorts.
    return {{kT0 + 4 * kDay + 12 * 3600, -0.5}, {kT0 + 10 * 3600, 0.6}, {kT0 + 3 * kDay, 0.9},
        {kT0 + 23 * 3600 + 1800, -0.2}};
}

std::vector<DailySentiment> indexOk(
    std::vector<ScoredEvent> events, double halfLife, std::optional<Date> lastDay = std::nullopt)
{
    auto r = dailySentimentIndex(std::move(events), halfLife, lastDay);
    if (!r)
        qFatal("%s", r.error().toString().c_str());
    return std::move(r).value();
}

} // namespace

class TestSentimentIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void handComputedExample()
    {
        const std::vector<DailySentiment> idx = indexOk(tickerA(), 2.0);
        QCOMPARE(idx.size(), std::size_t(5)); // D0..D4, the weekend included
        QCOMPARE(idx.front().date, *Date::fromYmd(2024, 1, 5));
        QCOMPARE(idx[1].date.dayOfWeek(), 6); // Saturday present
        const int counts[] = {2, 0, 0, 1, 1};
        const double means[] = {0.2, 0.0, 0.0, 0.9, -0.5};
        const double decayed[] = {0.2, 0.2, 0.2, kA3, kA4};
        for (std::size_t d = 0; d < idx.size(); ++d) {
            QCOMPARE(idx[d].date.days(), kD0 + std::int32_t(d));
            QCOMPARE(idx[d].count, counts[d]);
            QVERIFY2(std::abs(idx[d].mean - means[d]) < 1e-12, qPrintable(QString::number(d)));
            QVERIFY2(std::abs(idx[d].decayed - decayed[d]) < 1e-12,
                qPrintable(QStringLiteral("day %1: %2").arg(d).arg(idx[d].decayed, 0, 'g', 17)));
        }
    }

    void lastDayExtendsWithConstantDecay()
    {
        // Without news the weighted mean keeps its value: S and W both shrink by a.
        const auto idx = indexOk(tickerA(), 2.0, Date(kD0 + 7));
        QCOMPARE(idx.size(), std::size_t(8));
        for (std::size_t d = 5; d < 8; ++d) {
            QCOMPARE(idx[d].count, 0);
            QCOMPARE(idx[d].mean, 0.0);
            QVERIFY(std::abs(idx[d].decayed - kA4) < 1e-12);
        }
        // A last day before the first item: nothing to show.
        QVERIFY(indexOk(tickerA(), 2.0, Date(kD0 - 1)).empty());
        // A last day inside the range cuts the later items off.
        const auto cut = indexOk(tickerA(), 2.0, Date(kD0 + 3));
        QCOMPARE(cut.size(), std::size_t(4));
        QVERIFY(std::abs(cut.back().decayed - kA3) < 1e-12);
    }

    void halfLifeChangesOnlyTheDecay()
    {
        // Half-life 1 day: D3 = (0.4 * 0.125 + 0.9) / (2 * 0.125 + 1) = 0.95 / 1.25 = 0.76.
        const auto idx = indexOk(tickerA(), 1.0);
        QVERIFY(std::abs(idx[3].decayed - 0.76) < 1e-12);
        QCOMPARE(idx[3].mean, 0.9);
        QCOMPARE(idx[0].count, 2);
    }

    void dayIsTheUtcDate()
    {
        // 23:59:59 belongs to its day, 00:00:00 to the next; before 1970 floors too.
        const auto idx = indexOk({{kT0 - 1, 1.0}, {kT0, -1.0}}, 5.0);
        QCOMPARE(idx.size(), std::size_t(2));
        QCOMPARE(idx[0].date.days(), kD0 - 1);
        QCOMPARE(idx[0].mean, 1.0);
        QCOMPARE(idx[1].mean, -1.0);
        const auto old = indexOk({{-1, 0.5}}, 5.0);
        QCOMPARE(old.front().date, *Date::fromYmd(1969, 12, 31));
    }

    void errors()
    {
        QVERIFY(indexOk({}, 5.0).empty());
        for (double h : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(),
                 std::numeric_limits<double>::infinity()}) {
            auto r = dailySentimentIndex(tickerA(), h);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        }
        auto nan = dailySentimentIndex({{kT0, std::numeric_limits<double>::quiet_NaN()}}, 5.0);
        QVERIFY(!nan);
        QCOMPARE(nan.error().code, ErrorCode::InvalidArgument);
        std::map<std::string, std::vector<DailySentiment>> per {{"A", indexOk(tickerA(), 2.0)}};
        auto negative = portfolioSentimentIndex(per, {{"A", -1.0}});
        QVERIFY(!negative);
        QCOMPARE(negative.error().code, ErrorCode::InvalidArgument);
    }

    void portfolioWeighting()
    {
        // B: one item +0.3 on D3 (its index is that one day). Weights A 3, B 1; C has news but
        // no weight (ignored), D has a weight but no news (does not dilute), E weight 0.
        std::map<std::string, std::vector<DailySentiment>> per;
        per["A"] = indexOk(tickerA(), 2.0);
        per["B"] = indexOk({{kT0 + 3 * kDay + 3600, 0.3}}, 2.0);
        per["C"] = indexOk({{kT0 - 5 * kDay, -1.0}, {kT0 + 6 * kDay, -1.0}}, 2.0);
        per["E"] = indexOk({{kT0 + 3 * kDay, -1.0}}, 2.0);
        per["D"] = {};
        auto r = portfolioSentimentIndex(per, {{"A", 3.0}, {"B", 1.0}, {"D", 10.0}, {"E", 0.0}});
        QVERIFY(r);
        const std::vector<DailySentiment>& p = *r;
        QCOMPARE(p.size(), std::size_t(5)); // D0..D4: C's days are not part of it
        QCOMPARE(p.front().date.days(), kD0);
        // D0..D2: only A has a value.
        QCOMPARE(p[0].count, 2);
        QVERIFY(std::abs(p[0].mean - 0.2) < 1e-12);
        QVERIFY(std::abs(p[2].decayed - 0.2) < 1e-12);
        QCOMPARE(p[1].mean, 0.0);
        // D3: (3 * A3 + 1 * 0.3) / 4; mean (3 * 0.9 + 0.3) / 4 = 0.75; count 1 + 1.
        QVERIFY(std::abs(p[3].decayed - (3 * kA3 + 0.3) / 4) < 1e-12);
        QVERIFY(std::abs(p[3].decayed - 0.5325378797541251) < 1e-12);
        QVERIFY(std::abs(p[3].mean - 0.75) < 1e-12);
        QCOMPARE(p[3].count, 2);
        // D4: B's index ended on D3 and keeps its decayed 0.3; only A has news that day.
        QVERIFY(std::abs(p[4].decayed - 0.15533008588991065) < 1e-12);
        QVERIFY(std::abs(p[4].mean - (-0.5)) < 1e-12);
        QCOMPARE(p[4].count, 1);
        // Weights need not sum to 1: scaling them changes nothing.
        auto scaled = portfolioSentimentIndex(per, {{"A", 0.3}, {"B", 0.1}});
        QVERIFY(scaled);
        QVERIFY(std::abs((*scaled)[3].decayed - p[3].decayed) < 1e-12);
        // No weighted ticker with news: empty.
        auto none = portfolioSentimentIndex(per, {{"D", 1.0}, {"X", 2.0}});
        QVERIFY(none && none->empty());
    }

    void onDatesWeekendsAndGaps()
    {
        const auto idx = indexOk(tickerA(), 2.0);
        // Trading days: Thu before the news, Fri D0, Mon D3, Tue D4, Mon D10 (past the index).
        const std::vector<Date> dates {
            Date(kD0 - 1), Date(kD0), Date(kD0 + 3), Date(kD0 + 4), Date(kD0 + 10)};
        const std::vector<double> v = sentimentOnDates(idx, dates);
        QCOMPARE(v.size(), dates.size());
        QCOMPARE(v[0], 0.0);
        QVERIFY(std::abs(v[1] - 0.2) < 1e-12);
        QVERIFY(std::abs(v[2] - kA3) < 1e-12);
        QVERIFY(std::abs(v[3] - kA4) < 1e-12);
        QVERIFY(std::abs(v[4] - kA4) < 1e-12);
        // A sparse index (only the days with news, as a caller might keep it): a weekend date
        // takes the latest day before it.
        const std::vector<DailySentiment> sparse {idx[0], idx[3]};
        const auto s = sentimentOnDates(sparse, {Date(kD0 + 1), Date(kD0 + 2), Date(kD0 + 3)});
        QVERIFY(std::abs(s[0] - 0.2) < 1e-12);
        QVERIFY(std::abs(s[1] - 0.2) < 1e-12);
        QVERIFY(std::abs(s[2] - kA3) < 1e-12);
        QVERIFY(sentimentOnDates({}, {Date(kD0)}) == std::vector<double> {0.0});
        QVERIFY(sentimentOnDates(idx, {}).empty());
    }

    void forecastFeatureIsTheIndexOnPriceDates()
    {
        // Weekday prices from Wed 2024-01-03 to Wed 2024-01-17 (11 rows, no weekend rows).
        PriceSeries s;
        s.ticker = "A";
        for (std::int32_t d = kD0 - 2; d <= kD0 + 12; ++d) {
            if (Date(d).dayOfWeek() >= 6)
                continue;
            s.dates.push_back(Date(d));
            s.close.push_back(100.0 + double(d - kD0));
        }
        s.adjClose.assign(s.size(), std::numeric_limits<double>::quiet_NaN());
        const auto idx = indexOk(tickerA(), 2.0);
        auto m = forecast::computeFeatures(s, {"logret", "sentiment", "dow"}, &idx);
        QVERIFY2(m, m ? "" : m.error().toString().c_str());
        QCOMPARE(m->rows(), s.size());
        QCOMPARE(m->names[1], std::string("sentiment"));
        // Row d sees the index of day d - 1 (no news of its own day). Hand-read expectations: up
        // to Fri D0 0; Mon D3 (Sunday's index) 0.2; Tue D4 A3; Wed D5 and later A4.
        for (std::size_t r = 0; r < m->rows(); ++r) {
            const std::int32_t d = m->dates[r].days();
            const double want = d <= kD0 ? 0.0 : d == kD0 + 3 ? 0.2 : d == kD0 + 4 ? kA3 : kA4;
            QVERIFY2(std::abs(m->at(r, 1) - want) < 1e-12, qPrintable(m->dates[r].toIso().c_str()));
        }
        QCOMPARE(m->at(0, 1), 0.0);
        // A matrix of the one column is sentimentOnDates of the days before its rows' dates.
        auto alone = forecast::computeFeatures(s, {"sentiment"}, &idx);
        QVERIFY(alone);
        std::vector<Date> before;
        for (Date d : alone->dates)
            before.push_back(Date(d.days() - 1));
        QVERIFY(sentimentOnDates(idx, before) == alone->values);
        // Without an index the feature is an error that says what is missing.
        auto missing = forecast::computeFeatures(s, {"logret", "sentiment"});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
        QVERIFY(missing.error().message.find("sentiment index") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSentimentIndex)
#include "test_sentiment_index.moc"
