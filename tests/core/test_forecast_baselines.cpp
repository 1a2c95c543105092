// Baselines against numpy (numpy.linalg.lstsq for the autoregression) on real series
// (tests/data/forecast/make_reference.py), and hand-checkable cases: a constant series, a
// period-5 pattern, a geometric trend, a simulated AR(2) with known coefficients.
#include "core/forecast/baselines.h"
#include "forecast_test_data.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens::core;
using namespace marketlens::core::forecast;
using marketlens::test::doubles;
using marketlens::test::near;

namespace {

std::vector<double> msftCloses()
{
    PriceSeries s;
    if (!marketlens::test::readMsft(s))
        qFatal("cannot read msft_ohlcv.csv");
    return s.close;
}

BaselineKind kindOf(const QString& name)
{
    for (BaselineKind k : allBaselines())
        if (QString::fromStdString(baselineName(k)) == name)
            return k;
    qFatal("unknown baseline in the reference file");
    return BaselineKind::Naive;
}

PathForecast forecastFrom(
    const FittedBaseline& f, const std::vector<double>& p, std::size_t n, int horizon)
{
    return forecastBaseline(f, p.data(), n, horizon);
}

} // namespace

class TestForecastBaselines : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesAndOrder()
    {
        QCOMPARE(allBaselines().size(), std::size_t(5));
        QCOMPARE(baselineName(allBaselines().front()), std::string("naive"));
        QCOMPARE(baselineName(BaselineKind::SeasonalNaive), std::string("seasonal_naive"));
        QCOMPARE(baselineName(BaselineKind::MovingAverage), std::string("moving_average"));
        QCOMPARE(baselineName(BaselineKind::LinearAR), std::string("linear_ar"));
    }

    void matchNumpyOnMsft()
    {
        const QJsonObject ref = marketlens::test::forecastReference("baselines_msft.json");
        QVERIFY(!ref.isEmpty());
        const std::vector<double> p = msftCloses();
        const auto nTrain = std::size_t(ref["trainCount"].toInt());
        const int horizon = ref["horizon"].toInt();
        const std::vector<double> train(p.begin(), p.begin() + std::ptrdiff_t(nTrain));
        const std::vector<double> origins = doubles(ref["origins"]);
        const QJsonObject all = ref["baselines"].toObject();
        QCOMPARE(all.size(), 5);
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QByteArray name = it.key().toUtf8();
            const QJsonObject b = it.value().toObject();
            auto fit = fitBaseline(kindOf(it.key()), train);
            QVERIFY2(fit.ok(), name);
            QVERIFY2(near(fit->sigma, b["sigma"].toDouble(), 1e-12), name);
            QVERIFY2(near(fit->drift, b["drift"].toDouble(), 1e-12), name);
            const std::vector<double> coef = doubles(b["arCoef"]);
            QCOMPARE(fit->arCoef.size(), coef.size());
            for (std::size_t i = 0; i < coef.size(); ++i)
                QVERIFY2(std::abs(fit->arCoef[i] - coef[i]) < 1e-12, name);
            const QJsonArray paths = b["forecasts"].toArray();
            QCOMPARE(std::size_t(paths.size()), origins.size());
            for (std::size_t o = 0; o < origins.size(); ++o) {
                const PathForecast f = forecastFrom(*fit, p, std::size_t(origins[o]) + 1, horizon);
                const QJsonObject want = paths[qsizetype(o)].toObject();
                const std::pair<const char*, const std::vector<double>*> series[]
                    = {{"point", &f.point}, {"lo80", &f.lo80}, {"hi80", &f.hi80}, {"lo95", &f.lo95},
                        {"hi95", &f.hi95}};
                for (const auto& [key, got] : series) {
                    const std::vector<double> w = doubles(want[QLatin1String(key)]);
                    QCOMPARE(got->size(), w.size());
                    for (std::size_t h = 0; h < w.size(); ++h)
                        QVERIFY2(near((*got)[h], w[h], 1e-11),
                            qPrintable(QStringLiteral("%1 %2 origin %3 h %4: %5 vs %6")
                                           .arg(it.key(), QLatin1String(key))
                                           .arg(origins[o])
                                           .arg(h + 1)
                                           .arg((*got)[h], 0, 'g', 17)
                                           .arg(w[h], 0, 'g', 17)));
                }
            }
        }
    }

    void autoregressionMatchesLstsqOnALongSeries()
    {
        const QJsonObject ref = marketlens::test::forecastReference("ar_dowjones30_msft.json");
        const std::vector<double> all = marketlens::test::dowJonesColumn("MSFT");
        QCOMPARE(all.size(), std::size_t(2529));
        const std::vector<double> train(all.begin(), all.begin() + 2000);
        auto fit = fitBaseline(BaselineKind::LinearAR, train);
        QVERIFY(fit.ok());
        const std::vector<double> coef = doubles(ref["arCoef"]);
        QCOMPARE(fit->arCoef.size(), std::size_t(6));
        for (std::size_t i = 0; i < 6; ++i)
            QVERIFY(std::abs(fit->arCoef[i] - coef[i]) < 1e-12);
        QVERIFY(near(fit->sigma, ref["sigma"].toDouble(), 1e-12));
        const PathForecast f = forecastFrom(*fit, train, train.size(), 10);
        const std::vector<double> point = doubles(ref["forecast"]);
        for (std::size_t h = 0; h < 10; ++h)
            QVERIFY(near(f.point[h], point[h], 1e-11));
    }

    void constantSeries()
    {
        const std::vector<double> p(60, 50.0);
        for (BaselineKind k : {BaselineKind::Naive, BaselineKind::Drift,
                 BaselineKind::SeasonalNaive, BaselineKind::MovingAverage}) {
            auto fit = fitBaseline(k, p);
            QVERIFY(fit.ok());
            QCOMPARE(fit->sigma, 0.0);
            const PathForecast f = forecastFrom(*fit, p, p.size(), 7);
            for (std::size_t h = 0; h < 7; ++h) {
                QCOMPARE(f.point[h], 50.0);
                QCOMPARE(f.lo95[h], 50.0);
                QCOMPARE(f.hi80[h], 50.0);
            }
        }
        // All returns are 0: the AR design has zero lag columns.
        auto ar = fitBaseline(BaselineKind::LinearAR, p);
        QVERIFY(!ar.ok());
        QVERIFY(ar.error().message.find("singular") != std::string::npos);
    }

    void seasonalNaiveRepeatsAPeriodFivePattern()
    {
        const double pattern[5] = {10, 12, 11, 15, 13};
        std::vector<double> p;
        for (int i = 0; i < 60; ++i)
            p.push_back(pattern[i % 5]);
        auto fit = fitBaseline(BaselineKind::SeasonalNaive, p);
        QVERIFY(fit.ok());
        for (std::size_t n : {5u, 23u, 41u, 60u}) {
            const PathForecast f = forecastFrom(*fit, p, n, 12);
            for (std::size_t h = 1; h <= 12; ++h)
                QCOMPARE(f.point[h - 1], pattern[(n - 1 + h) % 5]);
        }
        // Naive and moving average cannot: they miss by a known amount.
        auto naive = fitBaseline(BaselineKind::Naive, p);
        QVERIFY(naive.ok());
        QCOMPARE(forecastFrom(*naive, p, 60, 1).point[0], 13.0);
        auto ma = fitBaseline(BaselineKind::MovingAverage, p, {5, 5, 5});
        QVERIFY(ma.ok());
        QCOMPARE(forecastFrom(*ma, p, 60, 1).point[0], 61.0 / 5.0);
    }

    void driftFollowsAGeometricTrend()
    {
        std::vector<double> p;
        for (int i = 0; i < 50; ++i)
            p.push_back(100.0 * std::pow(1.01, i));
        auto fit = fitBaseline(BaselineKind::Drift, p);
        QVERIFY(fit.ok());
        QVERIFY(std::abs(fit->drift - std::log(1.01)) < 1e-14);
        QVERIFY(fit->sigma < 1e-12);
        const PathForecast f = forecastFrom(*fit, p, p.size(), 5);
        for (int h = 1; h <= 5; ++h)
            QVERIFY(near(f.point[std::size_t(h - 1)], 100.0 * std::pow(1.01, 49 + h), 1e-12));
    }

    void movingAverageByHand()
    {
        std::vector<double> p;
        for (int i = 1; i <= 30; ++i)
            p.push_back(double(i));
        auto fit = fitBaseline(BaselineKind::MovingAverage, p, {5, 4, 5});
        QVERIFY(fit.ok());
        QCOMPARE(forecastFrom(*fit, p, 10, 3).point, (std::vector<double> {8.5, 8.5, 8.5}));
        QCOMPARE(forecastFrom(*fit, p, 2, 1).point[0], 1.5); // all of a short history
    }

    void intervalsGrowWithTheSquareRootOfH()
    {
        const std::vector<double> p = msftCloses();
        auto fit = fitBaseline(BaselineKind::Naive, p);
        QVERIFY(fit.ok());
        const PathForecast f = forecastFrom(*fit, p, p.size(), 4);
        const double s = fit->sigma;
        for (int h = 1; h <= 4; ++h) {
            const auto i = std::size_t(h - 1);
            QCOMPARE(f.point[i], p.back());
            // The header's rounded z values, to 1e-4.
            QVERIFY(near(f.lo80[i], p.back() * std::exp(-1.2816 * s * std::sqrt(h)), 1e-4));
            QVERIFY(near(f.hi95[i], p.back() * std::exp(1.96 * s * std::sqrt(h)), 1e-4));
            QVERIFY(f.lo95[i] < f.lo80[i] && f.lo80[i] < f.point[i]);
            QVERIFY(f.point[i] < f.hi80[i] && f.hi80[i] < f.hi95[i]);
        }
    }

    void autoregressionRecoversASimulatedAr2()
    {
        // r_t = c + a1 r_{t-1} + a2 r_{t-2} + 0.01 e_t, e ~ N(0,1), 20000 returns.
        const double c = 0.0003, a1 = 0.5, a2 = -0.3, sd = 0.01;
        std::mt19937_64 rng(20261129);
        std::normal_distribution<double> z(0.0, 1.0);
        std::vector<double> r {0.0, 0.0}, p {100.0};
        for (int t = 0; t < 20500; ++t)
            r.push_back(c + a1 * r[r.size() - 1] + a2 * r[r.size() - 2] + sd * z(rng));
        for (std::size_t t = 502; t < r.size(); ++t) // 500 burn-in returns
            p.push_back(p.back() * std::exp(r[t]));
        auto fit = fitBaseline(BaselineKind::LinearAR, p, {5, 20, 2});
        QVERIFY(fit.ok());
        const std::vector<double>& k = fit->arCoef;
        qInfo("AR(2) fit: c %.6f a1 %.4f a2 %.4f sigma %.5f (true 0.0003 0.5 -0.3 0.01)", k[0],
            k[1], k[2], fit->sigma);
        // Standard errors at n = 20000: about 0.0067 for a1, a2 and 0.00007 for c.
        QVERIFY(std::abs(k[1] - a1) < 0.03);
        QVERIFY(std::abs(k[2] - a2) < 0.03);
        QVERIFY(std::abs(k[0] - c) < 3e-4);
        QVERIFY(std::abs(fit->sigma - sd) < 3e-4);
        // One and two steps ahead by hand from the fitted coefficients.
        const std::size_t n = p.size();
        const double r1 = std::log(p[n - 1] / p[n - 2]), r2 = std::log(p[n - 2] / p[n - 3]);
        const double f1 = k[0] + k[1] * r1 + k[2] * r2, f2 = k[0] + k[1] * f1 + k[2] * r1;
        const PathForecast f = forecastFrom(*fit, p, n, 2);
        QVERIFY(near(f.point[0], p.back() * std::exp(f1), 1e-13));
        QVERIFY(near(f.point[1], p.back() * std::exp(f1 + f2), 1e-13));
    }

    void leastSquaresByHand()
    {
        // x + y = 1, x - y = 3, 2x + y = 3: exact solution x = 2, y = -1.
        auto x = leastSquares({1, 1, 1, -1, 2, 1}, 3, 2, {1, 3, 3});
        QVERIFY(x.ok());
        QVERIFY(std::abs((*x)[0] - 2.0) < 1e-14 && std::abs((*x)[1] + 1.0) < 1e-14);
        // Overdetermined: y = a + b t through (0,1), (1,2), (2,2): a = 7/6, b = 1/2.
        x = leastSquares({1, 0, 1, 1, 1, 2}, 3, 2, {1, 2, 2});
        QVERIFY(x.ok());
        QVERIFY(std::abs((*x)[0] - 7.0 / 6.0) < 1e-14 && std::abs((*x)[1] - 0.5) < 1e-14);
        auto bad = leastSquares({1, 2, 2, 4, 3, 6}, 3, 2, {1, 2, 3}); // column 2 = 2 * column 1
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.find("singular") != std::string::npos);
        QVERIFY(!leastSquares({1, 2}, 1, 2, {1}).ok());
        QVERIFY(!leastSquares({1, 2, 3}, 3, 1, {1, 2}).ok());
    }

    void badInputIsAnError()
    {
        std::vector<double> p = msftCloses();
        p[10] = 0.0;
        auto r = fitBaseline(BaselineKind::Naive, p);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QVERIFY(r.error().message.find("price 11") != std::string::npos);
        p = msftCloses();
        // AR(5) needs more than 12 returns: 14 prices.
        std::vector<double> few(p.begin(), p.begin() + 13);
        r = fitBaseline(BaselineKind::LinearAR, few);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("at least 14") != std::string::npos);
        few.push_back(p[13]);
        QVERIFY(fitBaseline(BaselineKind::LinearAR, few).ok());
        QVERIFY(!fitBaseline(BaselineKind::Naive, {1.0, 2.0}).ok());
        QVERIFY(!fitBaseline(BaselineKind::MovingAverage, p, {5, 0, 5}).ok());
        QVERIFY(!fitBaseline(BaselineKind::SeasonalNaive, p, {0, 20, 5}).ok());
        QVERIFY(!fitBaseline(BaselineKind::LinearAR, p, {5, 20, 0}).ok());
    }

    void shortHistoriesGiveNaN()
    {
        const std::vector<double> p = msftCloses();
        auto seasonal = fitBaseline(BaselineKind::SeasonalNaive, p);
        QVERIFY(seasonal.ok());
        // From 2 prices, h = 1 needs the price 4 days back (absent), h = 4 the previous one.
        const PathForecast f = forecastFrom(*seasonal, p, 2, 5);
        QVERIFY(std::isnan(f.point[0]) && std::isnan(f.hi95[0]));
        QCOMPARE(f.point[3], p[0]);
        QCOMPARE(f.point[4], p[1]);
        auto ar = fitBaseline(BaselineKind::LinearAR, p);
        QVERIFY(ar.ok());
        QVERIFY(std::isnan(forecastFrom(*ar, p, 5, 1).point[0]));
        QVERIFY(!std::isnan(forecastFrom(*ar, p, 6, 1).point[0]));
        QVERIFY(std::isnan(forecastBaseline(*ar, p.data(), 0, 1).point[0]));
        QVERIFY(forecastBaseline(*ar, p.data(), p.size(), 0).point.empty());
    }
};

QTEST_GUILESS_MAIN(TestForecastBaselines)
#include "test_forecast_baselines.moc"
