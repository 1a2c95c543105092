// VaR backtesting: Kupiec and Christoffersen statistics against values worked out by hand (the
// numbers below come from the closed forms evaluated separately), chi-squared p-values against
// their closed forms (df 1: erfc(sqrt(x/2)), df 2: exp(-x/2)), and the Basel zone boundaries.
#include "core/risk/backtest.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens::core;
using namespace marketlens::core::risk;

class TestRiskBacktest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kupiecWorkedExample()
    {
        // 250 days at 99 %, 5 exceedances:
        // LR = -2 [245 ln 0.99 + 5 ln 0.01] + 2 [245 ln 0.98 + 5 ln 0.02] = 1.956809788230622
        auto t = kupiecTest(250, 5, 0.01);
        QVERIFY(t.ok());
        QVERIFY(std::abs(t->statistic - 1.956809788230622) < 1e-12);
        QVERIFY(std::abs(t->pValue - std::erfc(std::sqrt(t->statistic / 2))) < 1e-12);
        QVERIFY(std::abs(t->pValue - 0.16185491719604272) < 1e-12);
        // Zero exceedances: LR = -2 n ln(1 - alpha).
        auto zero = kupiecTest(250, 0, 0.01);
        QVERIFY(std::abs(zero->statistic - (-2.0 * 250 * std::log(0.99))) < 1e-12);
        // Exactly the expected rate: LR = 0, p = 1.
        auto exact = kupiecTest(500, 5, 0.01);
        QVERIFY(std::abs(exact->statistic) < 1e-12);
        QCOMPARE(exact->pValue, 1.0);
        QVERIFY(!kupiecTest(10, 11, 0.01).ok());
        QVERIFY(!kupiecTest(10, 1, 0.0).ok());
    }

    void christoffersenWorkedExample()
    {
        // 250 days, exceedances on days 10, 11, 50, 100, 101: n00 = 241, n01 = 3, n10 = 3,
        // n11 = 2; by hand LR_ind = 9.894654433330203.
        std::vector<bool> hits(250, false);
        for (int d : {10, 11, 50, 100, 101})
            hits[std::size_t(d)] = true;
        auto t = christoffersenIndependence(hits);
        QVERIFY(t.ok());
        QVERIFY(std::abs(t->statistic - 9.894654433330203) < 1e-11);
        QVERIFY(std::abs(t->pValue - std::erfc(std::sqrt(t->statistic / 2))) < 1e-12);
        // Evenly spread exceedances with no clustering: pi1 = 0, much less evidence.
        std::vector<bool> spread(250, false);
        for (int d : {10, 60, 110, 160, 210})
            spread[std::size_t(d)] = true;
        auto s = christoffersenIndependence(spread);
        QVERIFY(s->statistic < t->statistic);
        QVERIFY(s->pValue > 0.3);
    }

    void baselTrafficLight()
    {
        for (std::size_t x = 0; x <= 4; ++x)
            QCOMPARE(*baselZone(250, x, 0.01), TrafficLight::Green);
        for (std::size_t x = 5; x <= 9; ++x)
            QCOMPARE(*baselZone(250, x, 0.01), TrafficLight::Yellow);
        for (std::size_t x : {10u, 11u, 30u})
            QCOMPARE(*baselZone(250, x, 0.01), TrafficLight::Red);
        QCOMPARE(
            QString::fromLatin1(trafficLightName(TrafficLight::Yellow)), QStringLiteral("yellow"));
        // Generalised: 500 days at 99 % (expected 5): 8 exceedances has P(X <= 8) = 0.933 < 95 %.
        QCOMPARE(*baselZone(500, 8, 0.01), TrafficLight::Green);
        QCOMPARE(*baselZone(500, 9, 0.01), TrafficLight::Yellow);
    }

    void rollingBacktestOnNormalReturns()
    {
        // iid N(0, 1 %) returns: a Gaussian VaR at 99 % should be hit about 1 % of the time.
        std::mt19937_64 rng(99);
        std::normal_distribution<double> z(0.0, 0.01);
        std::vector<double> r(5250);
        for (double& v : r)
            v = z(rng);
        auto bt = backtestVar(r, 250, 0.99, VarMethod::Gaussian);
        QVERIFY(bt.ok());
        QCOMPARE(bt->observations, std::size_t(5000));
        QVERIFY(std::isnan(bt->forecast[249]));
        QVERIFY(bt->forecast[250] < 0.0);
        std::size_t counted = 0;
        for (std::size_t t = 250; t < r.size(); ++t) {
            QCOMPARE(bool(bt->hit[t]), r[t] < bt->forecast[t]);
            counted += bt->hit[t] ? 1 : 0;
        }
        QCOMPARE(counted, bt->exceedances);
        // 50 expected, sd ~7: a wide band, then the test statistics agree with their parts.
        QVERIFY(bt->exceedances > 25 && bt->exceedances < 85);
        QCOMPARE(
            bt->kupiec.statistic, kupiecTest(bt->observations, bt->exceedances, 0.01)->statistic);
        QVERIFY(std::abs(bt->conditionalCoverage.statistic
                    - (bt->kupiec.statistic + bt->independence.statistic))
            < 1e-12);
        QVERIFY(std::abs(bt->conditionalCoverage.pValue
                    - std::exp(-bt->conditionalCoverage.statistic / 2))
            < 1e-12);
        // Loss-as-positive flips the reported forecast only.
        RiskConventions positive;
        positive.lossAsPositive = true;
        auto bp = backtestVar(r, 250, 0.99, VarMethod::Gaussian, positive);
        QCOMPARE(bp->exceedances, bt->exceedances);
        QCOMPARE(bp->forecast[300], -bt->forecast[300]);
        QVERIFY(!backtestVar(r, 5, 0.99, VarMethod::Historical).ok());
    }
};

QTEST_GUILESS_MAIN(TestRiskBacktest)
#include "test_risk_backtest.moc"
