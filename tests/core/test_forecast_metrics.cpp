// Forecast error metrics against numpy on the baselines' forecasts of the real MSFT series
// (tests/data/forecast/make_reference.py) and against a hand-computed set; walk-forward folds
// by hand.
#include "core/forecast/forecast_metrics.h"
#include "forecast_test_data.h"

#include <QTest>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::forecast;
using marketlens::test::doubles;
using marketlens::test::near;

namespace {

struct Row {
    double origin, actual, point, lo80, hi80, lo95, hi95;
};

// A hand-computed set: errors F - A = -5, 5, 2, 10.
const Row kRows[] = {
    {100, 110, 105, 100, 112, 95, 115}, // up, forecast up: hit; inside both bands
    {100, 90, 95, 92, 104, 85, 110}, // down, forecast down: hit; outside 80, inside 95
    {100, 100, 102, NAN, NAN, NAN, NAN}, // no move: no direction; no interval
    {50, 40, 50, 45, 55, NAN, NAN}, // down, flat forecast: miss; outside 80; no 95
};

void addAll(ErrorAccumulator& acc, const Row* begin, const Row* end)
{
    for (const Row* r = begin; r != end; ++r)
        acc.add(r->origin, r->actual, r->point, r->lo80, r->hi80, r->lo95, r->hi95);
}

} // namespace

class TestForecastMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byHand()
    {
        ErrorAccumulator acc(2.0);
        addAll(acc, std::begin(kRows), std::end(kRows));
        const ForecastErrors e = acc.errors();
        QCOMPARE(e.count, std::size_t(4));
        QCOMPARE(e.mae, 5.5);
        QCOMPARE(e.rmse, std::sqrt(38.5));
        QVERIFY(near(e.mape, 25.0 * (5.0 / 110 + 5.0 / 90 + 2.0 / 100 + 10.0 / 40), 1e-14));
        QVERIFY(near(e.smape, 50.0 * (5.0 / 215 + 5.0 / 185 + 2.0 / 202 + 10.0 / 90), 1e-14));
        QCOMPARE(e.mase, 2.75);
        QCOMPARE(e.directional, 2.0 / 3.0);
        QCOMPARE(e.coverage80, 1.0 / 3.0);
        QCOMPARE(e.coverage95, 1.0);
    }

    void unusableForecastsAreNotCounted()
    {
        ErrorAccumulator acc(1.0);
        acc.add(100, 101, NAN);
        acc.add(100, NAN, 101);
        acc.add(NAN, 100, 101);
        ForecastErrors e = acc.errors();
        QCOMPARE(e.count, std::size_t(0));
        QVERIFY(std::isnan(e.mae) && std::isnan(e.rmse) && std::isnan(e.mase));
        QVERIFY(std::isnan(e.directional) && std::isnan(e.coverage80));
        acc.add(100, 101, 103);
        e = acc.errors();
        QCOMPARE(e.count, std::size_t(1));
        QCOMPARE(e.mae, 2.0);
        QVERIFY(std::isnan(e.coverage80) && std::isnan(e.coverage95)); // no interval given
        // A zero or unknown scale gives no MASE.
        ErrorAccumulator flat(0.0), unknown(NAN);
        flat.add(1, 2, 3);
        unknown.add(1, 2, 3);
        QVERIFY(std::isnan(flat.errors().mase));
        QVERIFY(std::isnan(unknown.errors().mase));
    }

    void mergeEqualsOneAccumulator()
    {
        ErrorAccumulator all(2.0), a(2.0), b(2.0);
        addAll(all, std::begin(kRows), std::end(kRows));
        addAll(a, std::begin(kRows), std::begin(kRows) + 2);
        addAll(b, std::begin(kRows) + 2, std::end(kRows));
        a.merge(b);
        const ForecastErrors x = all.errors(), y = a.errors();
        QCOMPARE(y.count, x.count);
        QVERIFY(near(y.mae, x.mae, 1e-15) && near(y.rmse, x.rmse, 1e-15));
        QVERIFY(near(y.mape, x.mape, 1e-15) && near(y.smape, x.smape, 1e-15));
        QCOMPARE(y.directional, x.directional);
        QCOMPARE(y.coverage80, x.coverage80);
        QCOMPARE(y.coverage95, x.coverage95);
    }

    // Walk-forward folds have their own training scales; the pooled MASE is the mean scaled error.
    void mergePoolsMaseAcrossScales()
    {
        ErrorAccumulator pooled(NAN), a(2.0), b(4.0);
        a.add(100, 110, 105); // |e| 5 / 2
        b.add(100, 90, 98); // |e| 8 / 4
        b.add(100, 90, 94); // |e| 4 / 4
        pooled.merge(a);
        pooled.merge(b);
        const ForecastErrors e = pooled.errors();
        QCOMPARE(e.count, std::size_t(3));
        QCOMPARE(e.mae, 17.0 / 3.0);
        QCOMPARE(e.mase, (2.5 + 2.0 + 1.0) / 3.0);
        QCOMPARE(b.errors().mase, 1.5);
    }

    void naiveScaleByHand()
    {
        QCOMPARE(naiveScale({1, 3, 2, 6}), 7.0 / 3.0);
        QVERIFY(std::isnan(naiveScale({5})));
        QVERIFY(std::isnan(naiveScale({})));
    }

    // The five baselines' forecasts of MSFT (from the reference file, so this checks the
    // metrics alone) scored here and by numpy.
    void matchNumpyOnMsft()
    {
        const QJsonObject ref = marketlens::test::forecastReference("baselines_msft.json");
        QVERIFY(!ref.isEmpty());
        PriceSeries s;
        QVERIFY(marketlens::test::readMsft(s));
        const std::vector<double>& p = s.close;
        const auto nTrain = std::size_t(ref["trainCount"].toInt());
        const double scale = naiveScale({p.begin(), p.begin() + std::ptrdiff_t(nTrain)});
        QVERIFY(near(scale, ref["maseScale"].toDouble(), 1e-13));
        const std::vector<double> origins = doubles(ref["origins"]);
        const QJsonObject all = ref["baselines"].toObject();
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QByteArray name = it.key().toUtf8();
            const QJsonObject b = it.value().toObject();
            const QJsonArray paths = b["forecasts"].toArray();
            ErrorAccumulator acc(scale);
            for (std::size_t o = 0; o < origins.size(); ++o) {
                const auto t = std::size_t(origins[o]);
                const QJsonObject f = paths[qsizetype(o)].toObject();
                const std::vector<double> point = doubles(f["point"]), lo80 = doubles(f["lo80"]),
                                          hi80 = doubles(f["hi80"]), lo95 = doubles(f["lo95"]),
                                          hi95 = doubles(f["hi95"]);
                for (std::size_t h = 0; h < point.size(); ++h)
                    acc.add(p[t], p[t + 1 + h], point[h], lo80[h], hi80[h], lo95[h], hi95[h]);
            }
            const ForecastErrors e = acc.errors();
            const QJsonObject m = b["metrics"].toObject();
            QCOMPARE(int(e.count), m["count"].toInt());
            QVERIFY2(near(e.mae, m["mae"].toDouble(), 1e-12), name);
            QVERIFY2(near(e.rmse, m["rmse"].toDouble(), 1e-12), name);
            QVERIFY2(near(e.mape, m["mape"].toDouble(), 1e-12), name);
            QVERIFY2(near(e.smape, m["smape"].toDouble(), 1e-12), name);
            QVERIFY2(near(e.mase, m["mase"].toDouble(), 1e-12), name);
            QVERIFY2(near(e.directional, m["directional"].toDouble(), 1e-14), name);
            QVERIFY2(near(e.coverage80, m["coverage80"].toDouble(), 1e-14), name);
            QVERIFY2(near(e.coverage95, m["coverage95"].toDouble(), 1e-14), name);
        }
        // The naive forecast is flat: it never gets a direction right.
        QCOMPARE(all["naive"].toObject()["metrics"].toObject()["directional"].toDouble(), 0.0);
    }

    void expandingFoldsByHand()
    {
        const std::vector<Fold> f = walkForwardFolds(100, 4, 10, 5, true);
        QCOMPARE(f.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(f[i].trainBegin, std::size_t(0));
            QCOMPARE(f[i].trainEnd, 55 + 10 * i);
            QCOMPARE(f[i].testBegin, 60 + 10 * i);
            QCOMPARE(f[i].testEnd, 70 + 10 * i);
        }
        QCOMPARE(f.back().testEnd, std::size_t(100));
    }

    void slidingFoldsByHand()
    {
        const std::vector<Fold> f = walkForwardFolds(100, 4, 10, 5, false);
        QCOMPARE(f.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(f[i].trainBegin, 10 * i);
            QCOMPARE(f[i].trainEnd - f[i].trainBegin, std::size_t(55));
            QCOMPARE(f[i].testBegin, f[i].trainEnd + 5);
            QCOMPARE(f[i].testEnd, 70 + 10 * i);
        }
        // No gap: test parts follow the training parts directly.
        const std::vector<Fold> g = walkForwardFolds(30, 3, 5, 0, false);
        QCOMPARE(g.size(), std::size_t(3));
        QCOMPARE(g[0].trainEnd, std::size_t(15));
        QCOMPARE(g[2].trainBegin, std::size_t(10));
        QCOMPARE(g[2].testBegin, std::size_t(25));
    }

    void impossibleFoldsAreEmpty()
    {
        QVERIFY(walkForwardFolds(100, 0, 10, 5, true).empty());
        QVERIFY(walkForwardFolds(100, 4, 0, 5, true).empty());
        QVERIFY(walkForwardFolds(45, 4, 10, 5, true).empty()); // no training row left
        QVERIFY(walkForwardFolds(30, 4, 10, 0, true).empty());
        const std::vector<Fold> one = walkForwardFolds(46, 4, 10, 5, false);
        QCOMPARE(one.size(), std::size_t(4));
        QCOMPARE(one[0].trainEnd - one[0].trainBegin, std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestForecastMetrics)
#include "test_forecast_metrics.moc"
