// Features, windows, splits, scalers and the data hash against numpy references computed from
// the real MSFT series (tests/data/forecast/make_reference.py), hand-checkable cases, and the
// proof that nothing after the end of the training part reaches the training data.
#include "core/forecast/forecast_data.h"
#include "forecast_test_data.h"

#include <QTest>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::forecast;
using marketlens::test::doubles;
using marketlens::test::near;

namespace {

const std::vector<std::string> kAll {"logret", "vol20", "volume", "dow"};

PriceSeries msft()
{
    PriceSeries s;
    if (!marketlens::test::readMsft(s))
        qFatal("cannot read msft_ohlcv.csv");
    return s;
}

// Rescales every price and volume dated on or after `from` (a different future).
PriceSeries changedFrom(const PriceSeries& s, Date from)
{
    PriceSeries c = s;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.dates[i] < from)
            continue;
        const double f = 1.5 + 0.4 * std::sin(double(i));
        c.close[i] *= f;
        c.open[i] *= f;
        c.volume[i] *= 3.0;
    }
    return c;
}

bool sameScaler(const Scaler& a, const Scaler& b)
{
    return a.mean == b.mean && a.std == b.std;
}

bool sameWindows(const WindowSet& a, const WindowSet& b)
{
    return a.x == b.x && a.y == b.y && a.endRow == b.endRow;
}

PriceSeries synthetic(std::size_t n)
{
    PriceSeries s;
    s.ticker = "SYN";
    const Date start = *Date::fromYmd(2020, 1, 6); // a Monday
    for (std::size_t i = 0; i < n; ++i) {
        s.dates.push_back(Date(start.days() + std::int32_t(i)));
        const double p = 100.0 * std::exp(0.001 * double(i) + 0.02 * std::sin(0.7 * double(i)));
        s.close.push_back(p);
        s.volume.push_back(1000.0 + double(i));
    }
    s.open = s.high = s.low = s.adjClose = std::vector<double>(n, kMissing);
    return s;
}

} // namespace

class TestForecastData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void featuresMatchNumpy()
    {
        const QJsonObject ref = marketlens::test::forecastReference("features_msft.json");
        QVERIFY(!ref.isEmpty());
        auto fm = computeFeatures(msft(), kAll);
        QVERIFY2(fm.ok(), fm.ok() ? "" : fm.error().message.c_str());
        const QJsonArray dates = ref["dates"].toArray();
        QCOMPARE(fm->rows(), std::size_t(dates.size())); // 249 rows less the 20 before vol20
        QCOMPARE(fm->rows(), std::size_t(229));
        QCOMPARE(fm->cols(), std::size_t(4));
        QCOMPARE(fm->ticker, std::string("MSFT"));
        const std::vector<double> prices = doubles(ref["prices"]);
        const QJsonArray values = ref["values"].toArray();
        for (std::size_t r = 0; r < fm->rows(); ++r) {
            QCOMPARE(QString::fromStdString(fm->dates[r].toIso()), dates[qsizetype(r)].toString());
            QCOMPARE(fm->prices[r], prices[r]);
            const std::vector<double> row = doubles(values[qsizetype(r)]);
            for (std::size_t c = 0; c < 4; ++c)
                QVERIFY2(near(fm->at(r, c), row[c], 1e-12),
                    qPrintable(QStringLiteral("row %1 col %2: %3 vs %4")
                                   .arg(r)
                                   .arg(c)
                                   .arg(fm->at(r, c), 0, 'g', 17)
                                   .arg(row[c], 0, 'g', 17)));
        }
    }

    void featuresByHand()
    {
        PriceSeries s = msft();
        // 2000-09-27 is a Wednesday: dow 0.5; with no vol20 the first row is kept, logret 0.
        auto fm = computeFeatures(s, {"dow", "logret", "volume"});
        QVERIFY(fm.ok());
        QCOMPARE(fm->rows(), s.size());
        QCOMPARE(fm->at(0, 0), 0.5);
        QCOMPARE(fm->at(0, 1), 0.0);
        QCOMPARE(fm->at(1, 1), std::log(61.3125 / 60.625));
        QCOMPARE(fm->at(0, 2), std::log1p(53077800.0));
        // A row without a price is skipped: the return spans the gap.
        s.close[3] = kMissing;
        fm = computeFeatures(s, {"logret"});
        QVERIFY(fm.ok());
        QCOMPARE(fm->rows(), s.size() - 1);
        QCOMPARE(fm->dates[3], s.dates[4]);
        QCOMPARE(fm->at(3, 0), std::log(s.close[4] / s.close[2]));
        // Adjusted close wins over close; a loader may leave the column empty.
        PriceSeries adj = synthetic(30);
        adj.adjClose = adj.close;
        adj.adjClose[5] = 2.0 * adj.close[5];
        fm = computeFeatures(adj, {"logret"});
        QVERIFY(fm.ok());
        QCOMPARE(fm->prices[5], 2.0 * adj.close[5]);
        adj.adjClose.clear();
        fm = computeFeatures(adj, {"logret"});
        QVERIFY(fm.ok());
        QCOMPARE(fm->prices, adj.close);
        // Monday 0, Friday 1.
        const PriceSeries syn = synthetic(30);
        fm = computeFeatures(syn, {"dow"});
        QVERIFY(fm.ok());
        for (std::size_t r = 0; r < 5; ++r)
            QCOMPARE(fm->at(r, 0), double(r) / 4.0);
    }

    void defaultFeaturesFollowTheSeries()
    {
        PriceSeries s = synthetic(40);
        QCOMPARE(defaultFeatures(s), kAll);
        s.volume.assign(s.size(), kMissing);
        QCOMPARE(defaultFeatures(s), (std::vector<std::string> {"logret", "vol20", "dow"}));
        QCOMPARE(knownFeatures().front(), std::string("logret"));
    }

    void badInputIsAnError()
    {
        const PriceSeries s = msft();
        auto r = computeFeatures(s, {"logret", "bogus"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.error().message.find("bogus") != std::string::npos);
        r = computeFeatures(s, {"sentiment"});
        QVERIFY(!r.ok() && r.error().message.find("sentiment") != std::string::npos);
        QVERIFY(!computeFeatures(s, {"dow", "dow"}).ok());
        QVERIFY(!computeFeatures(s, {}).ok());
        PriceSeries bad = s;
        bad.close[7] = 0.0;
        r = computeFeatures(bad, kAll);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QVERIFY(r.error().message.find(s.dates[7].toIso()) != std::string::npos);
        bad.close[7] = -3.0;
        QVERIFY(!computeFeatures(bad, kAll).ok());
        // vol20 needs 20 returns and leaves at least 2 rows: 21 prices are too few.
        r = computeFeatures(synthetic(21), kAll);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("22") != std::string::npos);
        QVERIFY(computeFeatures(synthetic(22), kAll).ok());

        auto fm = computeFeatures(s, kAll);
        QVERIFY(fm.ok());
        auto p = prepareWindows(*fm, 0, 3);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
        QVERIFY(p.error().message.find("window") != std::string::npos);
        QVERIFY(!prepareWindows(*fm, 10, 0).ok());
        QVERIFY(!prepareWindows(*fm, 10, 3, {0.9, 0.1}).ok());
        QVERIFY(!prepareWindows(*fm, 10, 3, {0.0, 0.2}).ok());
        p = prepareWindows(*fm, 200, 5);
        QVERIFY(!p.ok());
        QVERIFY(p.error().message.find("every part needs at least one") != std::string::npos);
    }

    void windowsAndScalersMatchNumpy()
    {
        const QJsonObject ref = marketlens::test::forecastReference("features_msft.json");
        const QJsonObject pref = ref["prepared_w10_h3"].toObject();
        auto fm = computeFeatures(msft(), kAll);
        QVERIFY(fm.ok());
        auto p = prepareWindows(*fm, 10, 3);
        QVERIFY(p.ok());
        QCOMPARE(p->window, 10);
        QCOMPARE(p->horizon, 3);
        QCOMPARE(p->features, kAll);
        QCOMPARE(int(p->validationStartRow), pref["validationStartRow"].toInt());
        QCOMPARE(int(p->testStartRow), pref["testStartRow"].toInt());
        // By hand: U = 229 - 10 - 3 + 1 = 217 candidates, floor(0.7 U) = 151, floor(0.15 U) = 32.
        QCOMPARE(p->validationStartRow, std::size_t(9 + 151));
        QCOMPARE(p->testStartRow, std::size_t(160 + 32));
        const auto check = [&](const std::vector<double>& got, const char* key, double tol) {
            const std::vector<double> want = doubles(pref[QLatin1String(key)]);
            QCOMPARE(got.size(), want.size());
            for (std::size_t i = 0; i < got.size(); ++i)
                QVERIFY2(near(got[i], want[i], tol), key);
        };
        check(p->featureScaler.mean, "featureMean", 1e-12);
        check(p->featureScaler.std, "featureStd", 1e-12);
        check(p->targetScaler.mean, "targetMean", 1e-12);
        check(p->targetScaler.std, "targetStd", 1e-12);
        const std::pair<const char*, const WindowSet*> parts[]
            = {{"train", &p->train}, {"validation", &p->validation}, {"test", &p->test}};
        for (const auto& [name, set] : parts) {
            const QJsonObject r = pref[QLatin1String(name)].toObject();
            QCOMPARE(int(set->count()), pref["counts"].toObject()[QLatin1String(name)].toInt());
            QCOMPARE(int(set->endRow.front()), r["firstEnd"].toInt());
            QCOMPARE(int(set->endRow.back()), r["lastEnd"].toInt());
            QCOMPARE(set->x.size(), set->count() * 10 * 4);
            QCOMPARE(set->y.size(), set->count() * 3);
            const std::vector<double> x = doubles(r["firstX"]), y0 = doubles(r["firstY"]),
                                      yl = doubles(r["lastY"]);
            for (std::size_t i = 0; i < x.size(); ++i)
                QVERIFY2(near(set->x[i], x[i], 1e-6), name);
            for (std::size_t h = 0; h < 3; ++h) {
                QVERIFY2(near(set->y[h], y0[h], 1e-6), name);
                QVERIFY2(near(set->y[set->y.size() - 3 + h], yl[h], 1e-6), name);
            }
        }
        // Scaled training targets have mean 0 and sample std 1 per horizon.
        for (std::size_t h = 0; h < 3; ++h) {
            double s = 0, ss = 0;
            const std::size_t n = p->train.count();
            for (std::size_t i = 0; i < n; ++i)
                s += p->train.y[i * 3 + h];
            for (std::size_t i = 0; i < n; ++i)
                ss += std::pow(p->train.y[i * 3 + h] - s / double(n), 2);
            QVERIFY(std::abs(s / double(n)) < 1e-5);
            QVERIFY(std::abs(std::sqrt(ss / double(n - 1)) - 1.0) < 1e-5);
        }
    }

    void partsAreChronologicalWithAGap()
    {
        auto fm = computeFeatures(synthetic(500), kAll);
        QVERIFY(fm.ok());
        for (int h : {1, 5, 20}) {
            auto p = prepareWindows(*fm, 30, h, {0.6, 0.2});
            QVERIFY(p.ok());
            const std::size_t n = fm->rows(), vs = p->validationStartRow, ts = p->testStartRow;
            QCOMPARE(p->train.endRow.front(), std::size_t(29));
            for (std::size_t i = 1; i < p->train.count(); ++i)
                QCOMPARE(p->train.endRow[i], p->train.endRow[i - 1] + 1);
            // No target of a part reaches the next part: t + H < start of the next part.
            QCOMPARE(p->train.endRow.back() + std::size_t(h), vs - 1);
            QCOMPARE(p->validation.endRow.front(), vs);
            QCOMPARE(p->validation.endRow.back() + std::size_t(h), ts - 1);
            QCOMPARE(p->test.endRow.front(), ts);
            QCOMPARE(p->test.endRow.back() + std::size_t(h), n - 1);
        }
    }

    // The leakage proof: a different future after the training part (every price and volume
    // from the first validation date on) leaves the scalers and the training data bit-identical.
    void nothingAfterTrainingReachesIt()
    {
        const PriceSeries s = msft();
        auto fm = computeFeatures(s, kAll);
        QVERIFY(fm.ok());
        auto p = prepareWindows(*fm, 10, 3);
        QVERIFY(p.ok());
        const Date firstValidation = fm->dates[p->validationStartRow];

        auto fm2 = computeFeatures(changedFrom(s, firstValidation), kAll);
        QVERIFY(fm2.ok());
        auto p2 = prepareWindows(*fm2, 10, 3);
        QVERIFY(p2.ok());
        QCOMPARE(p2->validationStartRow, p->validationStartRow);
        QVERIFY(sameScaler(p->featureScaler, p2->featureScaler));
        QVERIFY(sameScaler(p->targetScaler, p2->targetScaler));
        QVERIFY(sameWindows(p->train, p2->train));
        QCOMPARE(dataHash(*fm, p->validationStartRow), dataHash(*fm2, p->validationStartRow));
        // ... while the change did reach the later parts (the comparison can fail).
        QVERIFY(p->validation.y != p2->validation.y);
        QVERIFY(p->test.x != p2->test.x);
        QVERIFY(dataHash(*fm, fm->rows()) != dataHash(*fm2, fm->rows()));

        // Control: the last training date's price is seen by the training targets.
        auto fm3 = computeFeatures(changedFrom(s, fm->dates[p->validationStartRow - 1]), kAll);
        QVERIFY(fm3.ok());
        auto p3 = prepareWindows(*fm3, 10, 3);
        QVERIFY(p3.ok());
        QVERIFY(!sameScaler(p->targetScaler, p3->targetScaler));
        QVERIFY(!sameWindows(p->train, p3->train));
    }

    // Row t of the features, and the window ending at t, use prices up to t only.
    void featureRowsUseThePastOnly()
    {
        const PriceSeries s = msft();
        auto fm = computeFeatures(s, kAll);
        QVERIFY(fm.ok());
        auto p = prepareWindows(*fm, 10, 3);
        QVERIFY(p.ok());
        for (std::size_t t : {9u, 40u, 120u, 227u}) {
            auto fm2 = computeFeatures(changedFrom(s, Date(fm->dates[t].days() + 1)), kAll);
            QVERIFY(fm2.ok());
            QCOMPARE(fm2->rows(), fm->rows());
            for (std::size_t r = 0; r <= t; ++r)
                for (std::size_t c = 0; c < 4; ++c)
                    QCOMPARE(fm2->at(r, c), fm->at(r, c));
            QVERIFY(fm2->at(t + 1, 0) != fm->at(t + 1, 0));
            QCOMPARE(
                windowAt(*fm2, p->featureScaler, 10, t), windowAt(*fm, p->featureScaler, 10, t));
        }
    }

    void windowAtMatchesTheSets()
    {
        auto fm = computeFeatures(msft(), kAll);
        QVERIFY(fm.ok());
        auto p = prepareWindows(*fm, 10, 3);
        QVERIFY(p.ok());
        const std::size_t len = 10 * 4;
        for (std::size_t i : {std::size_t(0), p->train.count() - 1}) {
            const std::vector<float> w = windowAt(*fm, p->featureScaler, 10, p->train.endRow[i]);
            QCOMPARE(w,
                std::vector<float>(p->train.x.begin() + std::ptrdiff_t(i * len),
                    p->train.x.begin() + std::ptrdiff_t((i + 1) * len)));
        }
        const std::vector<float> w = windowAt(*fm, p->featureScaler, 10, p->test.endRow.back());
        QCOMPARE(w, std::vector<float>(p->test.x.end() - std::ptrdiff_t(len), p->test.x.end()));
        // The last row has no target but is a valid window to forecast from.
        QCOMPARE(windowAt(*fm, p->featureScaler, 10, fm->rows() - 1).size(), len);
        QVERIFY(windowAt(*fm, p->featureScaler, 10, fm->rows()).empty());
        QVERIFY(windowAt(*fm, p->featureScaler, 10, 8).empty());
        QVERIFY(windowAt(*fm, p->featureScaler, 0, 20).empty());
        QVERIFY(windowAt(*fm, Scaler {}, 10, 20).empty());
    }

    void scalerByHand()
    {
        // Columns: 1 2 3 4 | constant 7 ; fitted on the first 3 rows.
        const std::vector<double> v {1, 7, 2, 7, 3, 7, 40, 7};
        const Scaler s = Scaler::fit(v, 2, 3);
        QCOMPARE(s.mean[0], 2.0);
        QCOMPARE(s.std[0], 1.0); // sample std of 1 2 3
        QCOMPARE(s.mean[1], 7.0);
        QCOMPARE(s.std[1], 1.0); // constant: centred only
        QCOMPARE(s.apply(0, 3.0), 1.0);
        QCOMPARE(Scaler::fit({1, 2, 4, 8}, 1, 4).std[0], std::sqrt(28.75 / 3.0));
        QCOMPARE(s.invert(0, s.apply(0, 40.0)), 40.0);
        QCOMPARE(Scaler::fit(v, 2, 1).std, (std::vector<double> {1, 1}));
        const Scaler empty = Scaler::fit(v, 2, 0);
        QCOMPARE(empty.mean, (std::vector<double> {0, 0}));
        QCOMPARE(empty.std, (std::vector<double> {1, 1}));
    }

    void dataHashMatchesHashlib()
    {
        const QJsonObject ref = marketlens::test::forecastReference("features_msft.json");
        auto fm = computeFeatures(msft(), kAll);
        QVERIFY(fm.ok());
        const std::size_t vs
            = std::size_t(ref["prepared_w10_h3"].toObject()["validationStartRow"].toInt());
        QCOMPARE(QString::fromStdString(dataHash(*fm, vs)), ref["dataHashTrain"].toString());
        QCOMPARE(QString::fromStdString(dataHash(*fm, fm->rows())), ref["dataHashAll"].toString());
        QCOMPARE(dataHash(*fm, fm->rows() + 100), dataHash(*fm, fm->rows()));
        FeatureMatrix other = *fm;
        other.ticker = "MSFT2";
        QVERIFY(dataHash(other, vs) != dataHash(*fm, vs));
        other = *fm;
        other.prices[vs - 1] += 1e-9;
        QVERIFY(dataHash(other, vs) != dataHash(*fm, vs));
        QCOMPARE(dataHash(other, vs - 1), dataHash(*fm, vs - 1));
        QCOMPARE(dataHash(*fm, vs).size(), std::size_t(64));
    }
};

QTEST_GUILESS_MAIN(TestForecastData)
#include "test_forecast_data.moc"
