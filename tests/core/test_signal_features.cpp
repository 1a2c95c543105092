// Features and labels for trading signals (core/signals/signal_features.h): every feature against
// an independent pandas/numpy reference on real prices (tests/data/signals, made by
// scripts/signal_features_reference.py), StockCharts' published RSI and Bollinger tables, labels
// and markets by hand, no look-ahead by truncation and perturbation, and the error contract.

#include "core/news/news_store.h"
#include "core/signals/signal_features.h"

#include "forecast_test_data.h"
#include "risk_test_data.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace marketlens;
using namespace marketlens::core;
using namespace marketlens::core::signals;

namespace {

// Reference comparison: |a - b| <= 1e-9 |b| + 1e-13 (relative 1e-9; the absolute 1e-13 only
// matters for values within rounding of 0, e.g. a zero return).
bool closeTo(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::abs(b) + 1e-13;
}

Date day(const char* iso)
{
    return *Date::fromIso(iso);
}

PriceSeries makeSeries(const std::string& ticker, int firstDay, const std::vector<double>& close,
    std::vector<double> volume = {})
{
    PriceSeries s;
    s.ticker = ticker;
    for (std::size_t i = 0; i < close.size(); ++i)
        s.dates.push_back(Date(firstDay + int(i)));
    s.close = close;
    s.adjClose.assign(close.size(), kMissing);
    s.open = s.high = s.low = std::vector<double>(close.size(), kMissing);
    s.volume = volume.empty() ? std::vector<double>(close.size(), kMissing) : std::move(volume);
    return s;
}

// The first `n` rows of a series.
PriceSeries head(const PriceSeries& s, std::size_t n)
{
    PriceSeries out = s;
    for (auto* col : {&out.open, &out.high, &out.low, &out.close, &out.adjClose, &out.volume})
        col->resize(n);
    out.dates.resize(n);
    return out;
}

PriceSeries nyseFrom2000()
{
    test::WideReturns w;
    PriceSeries s;
    if (!test::readWideReturns(QStringLiteral(MARKETLENS_TEST_DATA "/nyse_composite.csv"), w))
        return s;
    s.ticker = "NYSE";
    for (int i = 0; i < w.dates.size(); ++i) {
        const Date d = day(w.dates[i].toLatin1().constData());
        if (d < day("2000-01-01"))
            continue; // the file repeats two 1960s dates; the slice is clean and covers MSFT
        s.dates.push_back(d);
        s.close.push_back(w.columns[0][std::size_t(i)]);
    }
    s.adjClose.assign(s.size(), kMissing);
    return s;
}

std::vector<news::DailySentiment> referenceSentiment()
{
    test::WideReturns w;
    std::vector<news::DailySentiment> out;
    if (!test::readWideReturns(
            QStringLiteral(MARKETLENS_TEST_DATA "/signals/sentiment_index.csv"), w))
        return out;
    for (int i = 0; i < w.dates.size(); ++i) {
        news::DailySentiment d;
        d.date = day(w.dates[i].toLatin1().constData());
        d.decayed = w.columns[0][std::size_t(i)];
        d.count = 1;
        out.push_back(d);
    }
    return out;
}

// The first row and column where two datasets differ among rows [0, rows), "" when none.
QString firstDifference(
    const SignalDataset& a, const SignalDataset& b, std::size_t rows, std::size_t labelRows)
{
    if (a.names != b.names)
        return QStringLiteral("feature names differ");
    if (a.rows() < rows || b.rows() < rows)
        return QStringLiteral("too few rows: %1 and %2 for %3")
            .arg(a.rows())
            .arg(b.rows())
            .arg(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        if (a.dates[r] != b.dates[r] || a.prices[r] != b.prices[r])
            return QStringLiteral("row %1: date or price").arg(r);
        for (std::size_t c = 0; c < a.cols(); ++c)
            if (a.at(r, c) != b.at(r, c))
                return QStringLiteral("row %1 (%2) %3: %4 vs %5")
                    .arg(r)
                    .arg(QString::fromStdString(a.dates[r].toIso()))
                    .arg(QString::fromStdString(a.names[c]))
                    .arg(a.at(r, c), 0, 'g', 17)
                    .arg(b.at(r, c), 0, 'g', 17);
        if (r < labelRows && a.labels[r] != b.labels[r])
            return QStringLiteral("row %1: label %2 vs %3")
                .arg(r)
                .arg(a.labels[r])
                .arg(b.labels[r]);
        if (r + 1 < rows && a.nextReturns[r] != b.nextReturns[r])
            return QStringLiteral("row %1: next return").arg(r);
    }
    return {};
}

std::size_t column(const SignalDataset& ds, const std::string& name)
{
    for (std::size_t c = 0; c < ds.cols(); ++c)
        if (ds.names[c] == name)
            return c;
    return std::size_t(-1);
}

} // namespace

class TestSignalFeatures : public QObject {
    Q_OBJECT

private:
    PriceSeries m_msft;
    MarketReturns m_nyse;
    std::vector<news::DailySentiment> m_sentiment;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::readMsft(m_msft));
        QCOMPARE(m_msft.size(), std::size_t(249));
        const PriceSeries nyse = nyseFrom2000();
        QVERIFY(nyse.size() > 700);
        m_nyse = marketFromSeries(nyse);
        m_sentiment = referenceSentiment();
        QVERIFY(m_sentiment.size() > 200);
    }

    void featureNames()
    {
        const std::vector<std::string> expected {"ret1", "ret2", "ret5", "ret10", "ret20", "vol20",
            "rsi14", "macd", "macd_hist", "bb_pctb", "volume_z", "ma20_dist", "ma50_dist",
            "mkt_ret1", "mkt_ret5", "sentiment"};
        QVERIFY(allSignalFeatures() == expected);

        // Default: all available ones, in this order; volume_z, mkt_* and sentiment need data.
        PriceSeries noVolume = m_msft;
        noVolume.volume.assign(noVolume.size(), kMissing);
        auto bare = buildSignalDataset(noVolume, {});
        QVERIFY(bare);
        QCOMPARE(bare->cols(), std::size_t(12));
        QVERIFY(column(*bare, "volume_z") == std::size_t(-1));
        QVERIFY(bare->market.empty());
        auto full = buildSignalDataset(m_msft, {}, {}, &m_nyse, &m_sentiment);
        QVERIFY(full);
        QVERIFY(full->names == expected);
        QCOMPARE(full->market, std::string("NYSE"));
        QCOMPARE(full->ticker, std::string("MSFT"));

        // A request keeps the canonical column order, whatever its own order.
        auto some = buildSignalDataset(m_msft, {}, FeatureOptions {{"rsi14", "ret5", "macd"}});
        QVERIFY(some);
        QVERIFY((some->names == std::vector<std::string> {"ret5", "rsi14", "macd"}));
    }

    // Every feature, label and next return against scripts/signal_features_reference.py.
    void referenceValues_data()
    {
        QTest::addColumn<int>("horizon");
        QTest::addColumn<int>("classes");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<QString>("labelColumn");
        QTest::newRow("h1 two classes") << 1 << 2 << 0.0 << QStringLiteral("label2_h1");
        QTest::newRow("h5 three classes") << 5 << 3 << 0.01 << QStringLiteral("label3_h5");
    }
    void referenceValues()
    {
        QFETCH(int, horizon);
        QFETCH(int, classes);
        QFETCH(double, threshold);
        QFETCH(QString, labelColumn);
        test::WideReturns ref;
        QVERIFY(test::readWideReturns(
            QStringLiteral(MARKETLENS_TEST_DATA "/signals/features_reference.csv"), ref));
        QCOMPARE(ref.dates.size(), 200);

        auto ds = buildSignalDataset(
            m_msft, LabelSpec {horizon, classes, threshold}, {}, &m_nyse, &m_sentiment);
        QVERIFY2(ds, ds ? "" : ds.error().message.c_str());
        QCOMPARE(ds->rows(), std::size_t(200)); // 249 prices less the 49-row warm-up
        QCOMPARE(ds->cols(), std::size_t(16));
        QCOMPARE(ds->labelledRows(), std::size_t(200 - horizon));
        const auto refCol = [&](const QString& name) {
            return ref.columns[std::size_t(ref.names.indexOf(name))];
        };
        for (std::size_t r = 0; r < ds->rows(); ++r)
            QCOMPARE(QString::fromStdString(ds->dates[r].toIso()), ref.dates[int(r)]);
        for (std::size_t c = 0; c < ds->cols(); ++c) {
            const QString name = QString::fromStdString(ds->names[c]);
            QVERIFY2(ref.names.contains(name), qPrintable(name));
            const std::vector<double> want = refCol(name);
            for (std::size_t r = 0; r < ds->rows(); ++r)
                QVERIFY2(closeTo(ds->at(r, c), want[r]),
                    qPrintable(QStringLiteral("%1 row %2: %3 vs reference %4")
                                   .arg(name)
                                   .arg(r)
                                   .arg(ds->at(r, c), 0, 'g', 17)
                                   .arg(want[r], 0, 'g', 17)));
        }
        const std::vector<double> labels = refCol(labelColumn);
        const std::vector<double> next = refCol(QStringLiteral("next_return"));
        const std::vector<double> price = refCol(QStringLiteral("price"));
        for (std::size_t r = 0; r < ds->rows(); ++r) {
            QCOMPARE(ds->labels[r], int(labels[r]));
            QCOMPARE(ds->prices[r], price[r]);
            if (r + 1 < ds->rows())
                QVERIFY(closeTo(ds->nextReturns[r], next[r]));
        }
        QVERIFY(std::isnan(ds->nextReturns.back()) && std::isnan(next.back()));
        // The three-class labels of the reference use all three classes.
        if (classes == 3)
            for (int k = 0; k < 3; ++k)
                QVERIFY(std::count(ds->labels.begin(), ds->labels.end(), k) > 10);
    }

    // StockCharts ChartSchool's RSI worked example (cs-rsi.xls: QQQQ closes and the 14-day RSI
    // column as published, 4 decimals).
    void stockChartsRsi()
    {
        const std::vector<double> close {44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264,
            45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.614, 46.282, 46.282, 46.0028,
            46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835,
            45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314};
        const std::vector<double> published {70.5328, 66.3186, 66.5498, 69.4063, 66.3552, 57.9749,
            62.9296, 63.2571, 56.0593, 62.3771, 54.7076, 50.4228, 39.9898, 41.4605, 41.8689,
            45.4632, 37.304, 33.0795, 37.773};
        const PriceSeries s = makeSeries("QQQQ", 15000, close);
        auto ds = buildSignalDataset(s, {}, FeatureOptions {{"rsi14"}});
        QVERIFY(ds);
        QCOMPARE(ds->rows(), published.size()); // the first RSI is on the 15th close
        QCOMPARE(ds->dates.front(), Date(15014));
        for (std::size_t r = 0; r < published.size(); ++r)
            QVERIFY2(std::abs(ds->at(r, 0) - published[r]) < 6e-4,
                qPrintable(
                    QStringLiteral("row %1: %2 vs %3").arg(r).arg(ds->at(r, 0)).arg(published[r])));

        // No loss in the window: 100 by definition.
        std::vector<double> rising(20);
        for (std::size_t i = 0; i < rising.size(); ++i)
            rising[i] = 10.0 + double(i);
        auto up = buildSignalDataset(makeSeries("UP", 0, rising), {}, FeatureOptions {{"rsi14"}});
        QVERIFY(up);
        for (std::size_t r = 0; r < up->rows(); ++r)
            QCOMPARE(up->at(r, 0), 100.0);
    }

    // StockCharts ChartSchool's Bollinger Bands (20, 2) worked example (cs-bbands.xls: SPY closes
    // and the published bands, 6 decimals, population standard deviation): %B from the bands.
    void stockChartsBollinger()
    {
        const std::vector<double> close {86.1557, 89.0867, 88.7829, 90.3228, 89.0671, 91.1453,
            89.4397, 89.175, 86.9302, 87.6752, 86.9596, 89.4299, 89.3221, 88.7241, 87.4497, 87.2634,
            89.4985, 87.9006, 89.126, 90.7043, 92.9001, 92.9784, 91.8021, 92.6647, 92.6843, 92.3021,
            92.7725, 92.5373, 92.949, 93.2039, 91.0669, 89.8318, 89.7435, 90.3994, 90.7387, 88.0177,
            88.0867, 88.8439, 90.7781, 90.5416, 91.3894, 90.65};
        const std::vector<double> upper {91.291862, 91.949268, 92.612595, 92.9342, 93.31195,
            93.72845, 93.899592, 94.266255, 94.565096, 94.786912, 95.043001, 94.907605, 94.902912,
            94.89532, 94.861013, 94.673629, 94.556593, 94.678752, 94.575786, 94.534271, 94.532306,
            94.369251, 94.148503};
        const std::vector<double> lower {86.124018, 86.141052, 85.866895, 85.84721, 85.70365,
            85.64887, 85.593408, 85.560025, 85.597414, 85.977478, 86.274259, 86.820385, 86.865268,
            86.915, 87.116837, 87.633121, 87.825587, 87.562248, 87.759544, 87.966269, 87.951964,
            87.963949, 87.951857};
        auto ds = buildSignalDataset(makeSeries("SPY", 0, close), {}, FeatureOptions {{"bb_pctb"}});
        QVERIFY(ds);
        QCOMPARE(ds->rows(), upper.size()); // from the 20th close on
        for (std::size_t r = 0; r < upper.size(); ++r) {
            const double pctb = (close[r + 19] - lower[r]) / (upper[r] - lower[r]);
            QVERIFY2(std::abs(ds->at(r, 0) - pctb) < 2e-6,
                qPrintable(QStringLiteral("row %1: %2 vs %3").arg(r).arg(ds->at(r, 0)).arg(pctb)));
        }
        // A flat window has s = 0: %B is 0.5 (and the volume z-score of a constant volume 0).
        const PriceSeries flat
            = makeSeries("FLAT", 0, std::vector<double>(25, 0.1), std::vector<double>(25, 300.0));
        auto f = buildSignalDataset(flat, {}, FeatureOptions {{"bb_pctb", "volume_z"}});
        QVERIFY(f);
        QCOMPARE(f->rows(), std::size_t(6));
        for (std::size_t r = 0; r < f->rows(); ++r) {
            QCOMPARE(f->at(r, 0), 0.5);
            QCOMPARE(f->at(r, 1), 0.0);
        }
    }

    // The warm-up drops exactly the rows where a requested feature is not defined yet.
    void warmUp()
    {
        const std::vector<std::pair<std::vector<std::string>, std::size_t>> cases {{{"macd"}, 0},
            {{"ret1"}, 1}, {{"ret5", "rsi14"}, 14}, {{"ma20_dist"}, 19}, {{"vol20"}, 20},
            {{"ret20", "bb_pctb"}, 20}, {{}, 49}};
        for (const auto& [features, first] : cases) {
            auto ds = buildSignalDataset(m_msft, {}, FeatureOptions {features});
            QVERIFY(ds);
            QCOMPARE(ds->dates.front(), m_msft.dates[first]);
            QCOMPARE(ds->rows(), m_msft.size() - first);
        }
        // MACD seeds its EMAs with the first price: 0 on the first row.
        auto macd = buildSignalDataset(m_msft, {}, FeatureOptions {{"macd", "macd_hist"}});
        QVERIFY(macd);
        QCOMPARE(macd->at(0, 0), 0.0);
        QCOMPARE(macd->at(0, 1), 0.0);
    }

    // Labels, next returns and skipped rows by hand on a tiny series.
    void labelsByHand()
    {
        // Priced rows 100, 102, 101, 101, 104, 103.5, 101, 110 with a missing and a zero price
        // in between (both skipped); with "ret1" the rows start at the second price.
        PriceSeries s
            = makeSeries("T", 1000, {100, 102, kMissing, 101, 101, 0.0, 104, 103.5, 101, 110});
        const std::vector<double> p {100, 102, 101, 101, 104, 103.5, 101, 110};
        const std::vector<Date> dates {
            Date(1001), Date(1003), Date(1004), Date(1006), Date(1007), Date(1008), Date(1009)};
        const FeatureOptions ret1 {{"ret1"}};

        auto two = buildSignalDataset(s, LabelSpec {1, 2, 0.0}, ret1);
        QVERIFY(two);
        QVERIFY(two->dates == dates);
        QVERIFY((two->labels == std::vector<int> {0, 0, 1, 0, 0, 1, -1})); // flat counts as down
        QCOMPARE(two->labelledRows(), std::size_t(6));
        for (std::size_t r = 0; r < 7; ++r) {
            QCOMPARE(two->prices[r], p[r + 1]);
            QCOMPARE(two->at(r, 0), std::log(p[r + 1] / p[r]));
            if (r < 6)
                QCOMPARE(two->nextReturns[r], p[r + 2] / p[r + 1] - 1.0);
        }
        QVERIFY(std::isnan(two->nextReturns[6]));

        // h = 2, band 0.01: log(101/102) = -0.0099 flat, log(104/101) = 0.029 up,
        // log(103.5/101) = 0.024 up, log(101/104) = -0.029 down, log(110/103.5) = 0.061 up.
        auto three = buildSignalDataset(s, LabelSpec {2, 3, 0.01}, ret1);
        QVERIFY(three);
        QVERIFY((three->labels == std::vector<int> {1, 2, 2, 0, 2, -1, -1}));
        QCOMPARE(three->labelledRows(), std::size_t(5));
        QCOMPARE(three->label.horizon, 2);

        // Band 0: an exact zero return is flat; a return equal to the threshold is flat too.
        auto zero = buildSignalDataset(s, LabelSpec {1, 3, 0.0}, ret1);
        QVERIFY(zero);
        QVERIFY((zero->labels == std::vector<int> {0, 1, 2, 0, 0, 2, -1}));
        auto edge = buildSignalDataset(s, LabelSpec {1, 3, std::log(104.0 / 101.0)}, ret1);
        QVERIFY(edge);
        QVERIFY((edge->labels == std::vector<int> {1, 1, 1, 1, 1, 2, -1}));

        // Hand-made datasets: labelledRows counts the leading labelled rows.
        SignalDataset manual;
        manual.dates = {Date(1), Date(2), Date(3)};
        manual.labels = {1, 0, -1};
        QCOMPARE(manual.labelledRows(), std::size_t(2));
    }

    void marketsByHand()
    {
        // marketFromSeries: rows without a price are skipped; the first priced day has no return.
        const PriceSeries idx = makeSeries("IDX", 10, {kMissing, 100, kMissing, 110, 99, 99});
        const MarketReturns m = marketFromSeries(idx);
        QCOMPARE(m.name, std::string("IDX"));
        QVERIFY((m.dates == std::vector<Date> {Date(13), Date(14), Date(15)}));
        QCOMPARE(m.logReturns.size(), std::size_t(3));
        QCOMPARE(m.logReturns[0], std::log(110.0 / 100.0));
        QCOMPARE(m.logReturns[1], std::log(99.0 / 110.0));
        QCOMPARE(m.logReturns[2], 0.0);

        // equalWeightedMarket: A returns on days 1 and 3 (a gap on day 2), B on days 2 and 3,
        // C is excluded. Day 1: A; day 2: B; day 3: the mean of both.
        const PriceSeries a = makeSeries("A", 0, {100, 110, kMissing, 121});
        const PriceSeries b = makeSeries("B", 0, {kMissing, 50, 55, 55});
        const PriceSeries c = makeSeries("C", 0, {1, 1000, 1, 1000});
        const MarketReturns ew = equalWeightedMarket({a, b, c}, "C");
        QVERIFY((ew.dates == std::vector<Date> {Date(1), Date(2), Date(3)}));
        QVERIFY(closeTo(ew.logReturns[0], std::log(1.1)));
        QVERIFY(closeTo(ew.logReturns[1], std::log(1.1)));
        QVERIFY(closeTo(ew.logReturns[2], (std::log(121.0 / 110.0) + 0.0) / 2.0));
        QVERIFY(!ew.name.empty());
        const MarketReturns none = equalWeightedMarket({c}, "C");
        QVERIFY(none.dates.empty() && none.logReturns.empty());
        QVERIFY(equalWeightedMarket({}, "").dates.empty());
        QCOMPARE(equalWeightedMarket({a, b, c}, "").dates.size(), std::size_t(3));

        // The market features: the last 1 / 5 market days up to the row's date; 0 before the
        // market's first day; fewer than 5 at its start.
        const PriceSeries s = makeSeries("S", 100, {10, 11, 12, 13, 14, 15, 16, 17});
        MarketReturns mk;
        mk.name = "M";
        mk.dates = {Date(101), Date(103), Date(104), Date(105), Date(106), Date(107), Date(200)};
        mk.logReturns = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.5};
        auto ds = buildSignalDataset(s, {}, FeatureOptions {{"mkt_ret1", "mkt_ret5"}}, &mk);
        QVERIFY(ds);
        QCOMPARE(ds->market, std::string("M"));
        const std::vector<double> r1 {0, 0.01, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06};
        const std::vector<double> r5 {0, 0.01, 0.01, 0.03, 0.06, 0.10, 0.15, 0.20};
        for (std::size_t r = 0; r < 8; ++r) {
            QVERIFY(std::abs(ds->at(r, 0) - r1[r]) < 1e-15);
            QVERIFY(std::abs(ds->at(r, 1) - r5[r]) < 1e-15);
        }
    }

    // equalWeightedMarket on the Dow Jones 30 without MSFT against pandas (first 300 days).
    void equalWeightedDowJones()
    {
        test::WideReturns w, ref;
        QVERIFY(test::readWideReturns(
            QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv"), w));
        QVERIFY(test::readWideReturns(
            QStringLiteral(MARKETLENS_TEST_DATA "/signals/market_reference.csv"), ref));
        std::vector<PriceSeries> all;
        for (int c = 0; c < w.names.size(); ++c) {
            PriceSeries s;
            s.ticker = w.names[c].toStdString();
            for (const QString& d : w.dates)
                s.dates.push_back(day(d.toLatin1().constData()));
            s.close = w.columns[std::size_t(c)];
            s.adjClose.assign(s.size(), kMissing);
            all.push_back(std::move(s));
        }
        const MarketReturns m = equalWeightedMarket(all, "MSFT");
        QCOMPARE(m.dates.size(), std::size_t(w.dates.size() - 1));
        for (int i = 0; i < ref.dates.size(); ++i) {
            QCOMPARE(QString::fromStdString(m.dates[std::size_t(i)].toIso()), ref.dates[i]);
            QVERIFY2(closeTo(m.logReturns[std::size_t(i)], ref.columns[0][std::size_t(i)]),
                qPrintable(ref.dates[i]));
        }
    }

    // Row t never changes when anything after date t is cut off or replaced: prices, volumes,
    // the market and the sentiment index; labels change only where their horizon passes t.
    void noLookAhead()
    {
        const LabelSpec label {5, 3, 0.01};
        auto full = buildSignalDataset(m_msft, label, {}, &m_nyse, &m_sentiment);
        QVERIFY(full);
        const std::size_t warm = 49, h = 5;
        int checked = 0;
        for (std::size_t t = warm + h + 1; t < m_msft.size(); t += 6) {
            const Date cut = m_msft.dates[t];
            const std::size_t rowsUpTo = t - warm + 1; // dataset rows with date <= cut
            const std::size_t labelled = rowsUpTo > h ? rowsUpTo - h : 0;

            // The market and the index: cut after t, or replaced by a crash / nonsense.
            MarketReturns mCut, mBad = m_nyse;
            mCut.name = mBad.name;
            for (std::size_t i = 0; i < m_nyse.dates.size(); ++i) {
                if (m_nyse.dates[i] <= cut) {
                    mCut.dates.push_back(m_nyse.dates[i]);
                    mCut.logReturns.push_back(m_nyse.logReturns[i]);
                } else {
                    mBad.logReturns[i] = i % 2 ? -0.7 : 0.3;
                }
            }
            // The index of day t itself may carry news published after t's close.
            std::vector<news::DailySentiment> sCut, sBad = m_sentiment;
            for (std::size_t i = 0; i < m_sentiment.size(); ++i) {
                if (m_sentiment[i].date < cut)
                    sCut.push_back(m_sentiment[i]);
                else
                    sBad[i].decayed = i % 2 ? -1.0 : 1.0;
            }
            if (sCut.empty())
                sCut.push_back({Date(0), 0.0, 0, 0.0}); // an index that is 0 until then

            const PriceSeries cutSeries = head(m_msft, t + 1);
            PriceSeries crash = m_msft, garbage = m_msft;
            for (std::size_t i = t + 1; i < m_msft.size(); ++i) {
                crash.close[i] = m_msft.close[i] * 0.01;
                crash.volume[i] = 1e12;
                garbage.close[i] = i % 3 == 0 ? kMissing : (i % 3 == 1 ? -5.0 : 1e6 * double(i));
                garbage.volume[i] = kMissing;
            }

            auto a = buildSignalDataset(cutSeries, label, {}, &mCut, &sCut);
            QVERIFY2(a, a ? "" : a.error().message.c_str());
            QCOMPARE(a->rows(), rowsUpTo);
            QVERIFY(std::isnan(a->nextReturns.back()));
            for (std::size_t r = labelled; r < rowsUpTo; ++r)
                QCOMPARE(a->labels[r], -1);
            auto b = buildSignalDataset(crash, label, {}, &mBad, &sBad);
            auto c = buildSignalDataset(garbage, label, {}, &mBad, &sBad);
            QVERIFY(b && c);
            for (const SignalDataset* ds : {&*a, &*b, &*c}) {
                const QString diff = firstDifference(*full, *ds, rowsUpTo, labelled);
                QVERIFY2(diff.isEmpty(),
                    qPrintable(QStringLiteral("cut %1: %2")
                                   .arg(QString::fromStdString(cut.toIso()), diff)));
            }
            ++checked;
        }
        QVERIFY(checked >= 30);
    }

    // The sentiment feature of row t is the index of the day before t, whatever day t holds.
    void sentimentIsTheDayBefore()
    {
        std::vector<news::DailySentiment> dense;
        for (int d = m_msft.dates.front().days() - 3; d <= m_msft.dates.back().days(); ++d)
            dense.push_back({Date(d), 0.0, 1, std::sin(0.1 * d)});
        auto ds = buildSignalDataset(
            m_msft, {}, FeatureOptions {{"ret1", "sentiment"}}, nullptr, &dense);
        QVERIFY(ds);
        const int first = dense.front().date.days();
        for (std::size_t r = 0; r < ds->rows(); ++r)
            QCOMPARE(ds->at(r, 1), dense[std::size_t(ds->dates[r].days() - 1 - first)].decayed);
        // News on the row's own day (and later) does not move it.
        std::vector<news::DailySentiment> moved = dense;
        const Date t = ds->dates[100];
        for (auto& d : moved)
            if (d.date >= t)
                d.decayed = 5.0;
        auto again = buildSignalDataset(
            m_msft, {}, FeatureOptions {{"ret1", "sentiment"}}, nullptr, &moved);
        QVERIFY(again);
        QVERIFY(firstDifference(*ds, *again, 101, 100).isEmpty());
        QCOMPARE(again->at(101, 1), 5.0);
    }

    void errors()
    {
        const auto expectError
            = [](const Result<SignalDataset>& r, ErrorCode code, const char* needle) {
                  if (r)
                      return QStringLiteral("no error");
                  if (r.error().code != code)
                      return QStringLiteral("code %1: %2")
                          .arg(int(r.error().code))
                          .arg(QString::fromStdString(r.error().message));
                  if (r.error().message.find(needle) == std::string::npos)
                      return QStringLiteral("message without '%1': %2")
                          .arg(QLatin1String(needle), QString::fromStdString(r.error().message));
                  return QString();
              };
        const auto check = [&](const Result<SignalDataset>& r, ErrorCode code, const char* needle) {
            const QString why = expectError(r, code, needle);
            QVERIFY2(why.isEmpty(), qPrintable(why));
        };
        const auto inv = ErrorCode::InvalidArgument;
        check(buildSignalDataset(m_msft, {}, FeatureOptions {{"rsi"}}), inv,
            "unknown signal feature 'rsi'");
        check(buildSignalDataset(m_msft, {}, FeatureOptions {{"ret1", "vol20", "ret1"}}), inv,
            "'ret1' is listed twice");
        check(buildSignalDataset(m_msft, LabelSpec {0, 2, 0.0}), inv, "horizon must be at least 1");
        check(buildSignalDataset(m_msft, LabelSpec {1, 4, 0.0}), inv, "classes must be 2");
        check(buildSignalDataset(m_msft, LabelSpec {1, 3, -0.01}), inv, "threshold");
        check(buildSignalDataset(m_msft, LabelSpec {1, 3, std::nan("")}), inv, "threshold");
        PriceSeries noVolume = m_msft;
        noVolume.volume.assign(noVolume.size(), kMissing);
        check(buildSignalDataset(noVolume, {}, FeatureOptions {{"volume_z"}}), inv,
            "MSFT has no volume");
        check(buildSignalDataset(m_msft, {}, FeatureOptions {{"mkt_ret5"}}), inv, "no market");
        const MarketReturns empty;
        check(buildSignalDataset(m_msft, {}, FeatureOptions {{"mkt_ret1"}}, &empty), inv,
            "no market");
        check(buildSignalDataset(m_msft, {}, FeatureOptions {{"sentiment"}}), inv,
            "no daily sentiment index of MSFT");
        // 60 prices leave 11 rows after the warm-up of 49: horizon 10 needs 12, 9 is enough.
        check(buildSignalDataset(head(m_msft, 60), LabelSpec {10, 2, 0.0}), ErrorCode::BadData,
            "needs at least 12");
        QVERIFY(buildSignalDataset(head(m_msft, 60), LabelSpec {9, 2, 0.0}));
        MarketReturns bad = m_nyse;
        bad.logReturns.pop_back();
        check(buildSignalDataset(m_msft, {}, {}, &bad), inv, "dates but");
        bad = m_nyse;
        bad.logReturns[3] = std::nan("");
        check(buildSignalDataset(m_msft, {}, {}, &bad), inv, "not a finite number");
        bad = m_nyse;
        std::swap(bad.dates[3], bad.dates[4]);
        check(buildSignalDataset(m_msft, {}, {}, &bad), inv, "not strictly ascending");
        std::vector<news::DailySentiment> badIndex = m_sentiment;
        badIndex[2].decayed = INFINITY;
        check(buildSignalDataset(m_msft, {}, {}, nullptr, &badIndex), inv, "sentiment index");
    }
};

QTEST_GUILESS_MAIN(TestSignalFeatures)
#include "test_signal_features.moc"
