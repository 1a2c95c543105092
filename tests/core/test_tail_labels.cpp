// Labels, inputs and calibration maths of the learned tail-risk score (core/risk/tail_labels.h):
// the label rule on a hand-made series, no look-ahead on DowJones30 (changing the prices after t
// changes neither VaR, inputs nor scaling at t), and Brier score, reliability, AUC and lift
// against numpy (tests/data/risk/make_tail_reference.py) and textbook examples.
#include "core/risk/risk_measures.h"
#include "core/risk/tail_labels.h"
#include "wide_prices_test_data.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace marketlens;
using namespace marketlens::core;
using namespace marketlens::core::risk;

namespace {

PriceSeries seriesFromReturns(const std::vector<double>& r)
{
    PriceSeries s;
    s.ticker = "HAND";
    double price = 100.0;
    for (std::size_t i = 0; i <= r.size(); ++i) {
        if (i > 0)
            price *= std::exp(r[i - 1]);
        s.dates.push_back(Date(20000 + std::int32_t(i)));
        s.close.push_back(price);
        s.adjClose.push_back(kMissing);
    }
    return s;
}

std::vector<PriceSeries> dowJones()
{
    return test::readWidePrices(QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv"));
}

bool readColumns(const QString& path, std::vector<QStringList>& rows)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (!line.isEmpty())
            rows.push_back(QString::fromUtf8(line).split(QLatin1Char(',')));
    }
    return true;
}

} // namespace

class TestTailLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsOnHandMadeSeries()
    {
        // VaR window 4 at 75 %: type-7 quantile at 0.25 of 4 sorted returns is
        // x0 + 0.75 (x1 - x0). Hand-computed per t (see the comments) with horizon 2.
        const std::vector<double> r
            = {0.01, -0.02, 0.03, -0.01, 0.00, -0.05, 0.02, 0.01, -0.03, 0.04};
        TailLabelOptions o;
        o.horizonDays = 2;
        o.varLevel = 0.75;
        o.varWindow = 4;
        o.volWindow = 2;
        auto ts = tailSeries(seriesFromReturns(r), o);
        QVERIFY2(ts, ts ? "" : ts.error().message.c_str());
        QCOMPARE(ts->size(), r.size());
        for (std::size_t i = 0; i < r.size(); ++i)
            QVERIFY(std::abs(ts->returns[i] - r[i]) < 1e-12);
        QCOMPARE(ts->dates.front(), Date(20001));
        // t=3: sorted -.02 -.01 .01 .03 -> VaR .0125; r4 = 0, r5 = -.05 -> 1
        // t=4: sorted -.02 -.01 0 .03 -> .0125; r5 = -.05 -> 1
        // t=5: sorted -.05 -.01 0 .03 -> .02; r6 = .02, r7 = .01 -> 0
        // t=6: sorted -.05 -.01 0 .02 -> .02; r8 = -.03 -> 1
        // t=7: sorted -.05 0 .01 .02 -> .0125; r8 = -.03 -> 1
        // t=8: sorted -.05 -.03 .01 .02 -> .035; only one return follows -> undefined
        // t=9: sorted -.03 .01 .02 .04 -> 0 (no label: nothing follows)
        const std::map<std::size_t, double> var
            = {{3, 0.0125}, {4, 0.0125}, {5, 0.02}, {6, 0.02}, {7, 0.0125}, {8, 0.035}, {9, 0.0}};
        const std::vector<int> labels = {-1, -1, -1, 1, 1, 0, 1, 1, -1, -1};
        for (std::size_t t = 0; t < r.size(); ++t) {
            QCOMPARE(ts->labels[t], labels[t]);
            if (t < 3)
                QVERIFY(std::isnan(ts->var[t]));
            else
                QVERIFY2(std::abs(ts->var[t] - var.at(t)) < 1e-9, qPrintable(QString::number(t)));
        }
        // Volatility over 2 returns: |r[t] - r[t-1]| / sqrt(2).
        QVERIFY(std::isnan(ts->volatility[0]));
        for (std::size_t t = 1; t < r.size(); ++t)
            QVERIFY(
                std::abs(ts->volatility[t] - std::abs(r[t] - r[t - 1]) / std::sqrt(2.0)) < 1e-9);
        // The first full window of 3 rows ends where the volatility has been defined 3 times.
        QCOMPARE(firstWindowRow(*ts, 3), std::size_t(3));
    }

    void varIsTheRiskEnginesHistoricalVar()
    {
        const auto dj = dowJones();
        QCOMPARE(dj.size(), std::size_t(30));
        auto ts = tailSeries(dj[0]);
        QVERIFY(ts);
        QCOMPARE(ts->size(), std::size_t(2528));
        for (std::size_t t : {std::size_t(249), std::size_t(1000), std::size_t(2527)}) {
            const Series w(ts->returns.data() + t - 249, 250);
            auto v = valueAtRisk(w, 0.95, VarMethod::Historical); // engine sign: negative
            QVERIFY(v);
            QCOMPARE(ts->var[t], -*v);
        }
        QVERIFY(std::isnan(ts->var[248]));
        QVERIFY(ts->labels[2522] >= 0); // 5 returns follow (2523..2527)
        QCOMPARE(ts->labels[2523], -1);
        // Labels are mostly 0 with clustered exceedances: about 1 - 0.95^5 = 23 % or less.
        std::size_t pos = 0, defined = 0;
        for (int l : ts->labels) {
            defined += l >= 0;
            pos += l == 1;
        }
        QCOMPARE(defined, std::size_t(2528 - 249 - 5));
        const double rate = double(pos) / double(defined);
        QVERIFY2(rate > 0.08 && rate < 0.30, qPrintable(QString::number(rate)));
    }

    void noLookAhead()
    {
        const auto dj = dowJones();
        PriceSeries s = dj[22]; // MSFT
        QCOMPARE(s.ticker, std::string("MSFT"));
        auto before = tailSeries(s);
        QVERIFY(before);
        // Change every price after row t + 1 of the prices (return t ends at price row t + 1).
        const std::size_t t = 1500;
        std::mt19937 gen(7);
        std::uniform_real_distribution<double> shock(0.5, 1.5);
        for (std::size_t i = t + 2; i < s.size(); ++i)
            s.close[i] *= shock(gen);
        auto after = tailSeries(s);
        QVERIFY(after);
        for (std::size_t u = 0; u <= t; ++u) {
            QCOMPARE(after->returns[u], before->returns[u]);
            if (!std::isnan(before->var[u]))
                QCOMPARE(after->var[u], before->var[u]);
            if (!std::isnan(before->volatility[u]))
                QCOMPARE(after->volatility[u], before->volatility[u]);
            // A label at u looks at u+1..u+5: only those of u + 5 <= t cannot change.
            if (u + 5 <= t)
                QCOMPARE(after->labels[u], before->labels[u]);
        }
        QVERIFY(after->returns[t + 1] != before->returns[t + 1]);
        // Scaling fitted on rows < t + 1 and the input window at t are unchanged too.
        auto scalerBefore = fitTailScaler(*before, t + 1);
        auto scalerAfter = fitTailScaler(*after, t + 1);
        QVERIFY(scalerBefore && scalerAfter);
        for (int k = 0; k < kTailFeatures; ++k) {
            QCOMPARE(scalerAfter->mean[k], scalerBefore->mean[k]);
            QCOMPARE(scalerAfter->std[k], scalerBefore->std[k]);
        }
        std::vector<float> wBefore, wAfter;
        QVERIFY(appendTailWindow(*before, *scalerBefore, 60, t, wBefore));
        QVERIFY(appendTailWindow(*after, *scalerAfter, 60, t, wAfter));
        QCOMPARE(wBefore.size(), std::size_t(120));
        QVERIFY(wBefore == wAfter);
        // While the scaler fitted over all rows does see the changed prices.
        auto fullBefore = fitTailScaler(*before, before->size());
        auto fullAfter = fitTailScaler(*after, after->size());
        QVERIFY(fullBefore && fullAfter && fullAfter->std[0] != fullBefore->std[0]);
    }

    void scalerAndWindows()
    {
        const std::vector<double> r = {0.01, -0.02, 0.03, -0.01, 0.00, -0.05};
        TailLabelOptions o;
        o.horizonDays = 1;
        o.varWindow = 4;
        o.volWindow = 2;
        auto ts = tailSeries(seriesFromReturns(r), o);
        QVERIFY(ts);
        // Rows 1, 2 (rowEnd 3) have a volatility: returns -.02, .03 -> mean .005, sd .025.
        auto sc = fitTailScaler(*ts, 3);
        QVERIFY(sc);
        QVERIFY(std::abs(sc->mean[0] - 0.005) < 1e-12);
        QVERIFY(std::abs(sc->std[0] - 0.025) < 1e-12);
        std::vector<float> w;
        QVERIFY(!appendTailWindow(*ts, *sc, 2, 1, w)); // row 0 has no volatility
        QVERIFY(w.empty());
        QVERIFY(appendTailWindow(*ts, *sc, 2, 2, w));
        QCOMPARE(w.size(), std::size_t(4));
        QVERIFY(std::abs(w[0] - float((-0.02 - 0.005) / 0.025)) < 1e-6);
        QVERIFY(std::abs(w[2] - float((0.03 - 0.005) / 0.025)) < 1e-6);
        QVERIFY(!fitTailScaler(*ts, 1)); // no row with a volatility
    }

    void calibrationMatchesNumpy()
    {
        std::vector<QStringList> cases, expectedRows;
        QVERIFY(readColumns(
            QStringLiteral(MARKETLENS_TEST_DATA "/risk/tail_calibration_reference.csv"), cases));
        QVERIFY(
            readColumns(QStringLiteral(MARKETLENS_TEST_DATA "/risk/tail_calibration_expected.csv"),
                expectedRows));
        std::vector<double> p;
        std::vector<int> y;
        for (const QStringList& c : cases) {
            p.push_back(c[0].toDouble());
            y.push_back(c[1].toInt());
        }
        std::map<QString, double> e;
        for (const QStringList& c : expectedRows)
            e[c[0]] = c[1].toDouble();
        QCOMPARE(p.size(), std::size_t(503));
        auto cal = calibrate(p, y, e.at(QStringLiteral("base_rate")));
        QVERIFY(cal);
        const double tol = 1e-12;
        QCOMPARE(cal->testCount, std::size_t(503));
        QVERIFY(std::abs(cal->brier - e.at(QStringLiteral("brier"))) < tol);
        QVERIFY(std::abs(cal->brierBaseRate - e.at(QStringLiteral("brier_base"))) < tol);
        QVERIFY(std::abs(cal->brierSkill - e.at(QStringLiteral("skill"))) < tol);
        QVERIFY(std::abs(cal->auc - e.at(QStringLiteral("auc"))) < tol);
        QVERIFY(std::abs(cal->lift - e.at(QStringLiteral("lift"))) < tol);
        QVERIFY(std::abs(cal->testRate - e.at(QStringLiteral("test_rate"))) < tol);
        QCOMPARE(cal->reliability.size(), std::size_t(10));
        std::size_t total = 0;
        for (int b = 0; b < 10; ++b) {
            const auto& bin = cal->reliability[std::size_t(b)];
            const QString k = QStringLiteral("bin%1_").arg(b);
            QCOMPARE(double(bin.count), e.at(k + QStringLiteral("count")));
            QVERIFY(std::abs(bin.meanPredicted - e.at(k + QStringLiteral("mean"))) < tol);
            QVERIFY(std::abs(bin.observedRate - e.at(k + QStringLiteral("rate"))) < tol);
            QVERIFY(std::abs(bin.lower - b / 10.0) < 1e-15);
            total += bin.count;
        }
        QCOMPARE(total, std::size_t(503));
    }

    void textbookExamples()
    {
        // AUC: the classic 4-case example (scikit-learn's roc_auc_score docs) is 0.75.
        const std::vector<double> p = {0.1, 0.4, 0.35, 0.8};
        const std::vector<int> y = {0, 0, 1, 1};
        QCOMPARE(rocAuc(p, y), 0.75);
        // A tie between a positive and a negative counts one half.
        QCOMPARE(rocAuc(std::vector<double> {0.5, 0.5}, std::vector<int> {0, 1}), 0.5);
        QCOMPARE(rocAuc(std::vector<double> {0.2, 0.9, 0.5, 0.5}, std::vector<int> {0, 1, 0, 1}),
            (1.0 + 1.0 + 1.0 + 0.5) / 4.0);
        QVERIFY(std::isnan(rocAuc(std::vector<double> {0.5}, std::vector<int> {1})));
        // Brier: ((0.7 - 1)^2 + (0.2 - 0)^2) / 2 = 0.065.
        QVERIFY(
            std::abs(brierScore(std::vector<double> {0.7, 0.2}, std::vector<int> {1, 0}) - 0.065)
            < 1e-15);
        // Lift: 20 cases, 5 positives (rate 0.25); the top decile (2 cases) holds one -> 2.
        std::vector<double> q(20);
        std::vector<int> z(20, 0);
        for (int i = 0; i < 20; ++i)
            q[std::size_t(i)] = i / 20.0;
        z[19] = 1;
        z[0] = z[1] = z[2] = z[3] = 1;
        QCOMPARE(topDecileLift(q, z), 2.0);
        // Every prediction tied: the decile gets the overall rate, lift 1.
        QCOMPARE(topDecileLift(std::vector<double>(20, 0.3), z), 1.0);
        // Reliability: p = 1 lands in the last bin, p = 0.1 in the second.
        const auto bins
            = reliabilityBins(std::vector<double> {1.0, 0.1, 0.05}, std::vector<int> {1, 0, 0});
        QCOMPARE(bins[9].count, std::size_t(1));
        QCOMPARE(bins[1].count, std::size_t(1));
        QCOMPARE(bins[0].count, std::size_t(1));
        // Brier of the base rate 0.2 on outcomes {1, 0, 0, 0}: (0.64 + 3 * 0.04) / 4 = 0.19.
        auto cal = calibrate(
            std::vector<double> {0.9, 0.1, 0.1, 0.2}, std::vector<int> {1, 0, 0, 0}, 0.2);
        QVERIFY(cal);
        QVERIFY(std::abs(cal->brierBaseRate - 0.19) < 1e-15);
        QVERIFY(std::abs(cal->brier - (0.01 + 0.01 + 0.01 + 0.04) / 4.0) < 1e-15);
        QVERIFY(std::abs(cal->brierSkill - (1.0 - 0.0175 / 0.19)) < 1e-12);
        QCOMPARE(cal->auc, 1.0);
    }

    void errors()
    {
        QVERIFY(!calibrate(std::vector<double> {1.5}, std::vector<int> {1}, 0.2));
        QVERIFY(!calibrate(std::vector<double> {0.5}, std::vector<int> {2}, 0.2));
        QVERIFY(!calibrate(std::vector<double> {0.5}, std::vector<int> {1}, 0.0));
        QVERIFY(!calibrate(std::vector<double> {}, std::vector<int> {}, 0.2));
        auto shortSeries = tailSeries(seriesFromReturns(std::vector<double>(100, 0.01)));
        QVERIFY(!shortSeries);
        QCOMPARE(shortSeries.error().code, ErrorCode::InvalidArgument);
        TailLabelOptions bad;
        bad.horizonDays = 0;
        QVERIFY(!tailSeries(seriesFromReturns(std::vector<double>(300, 0.01)), bad));
        PriceSeries negative = seriesFromReturns(std::vector<double>(300, 0.01));
        negative.close[10] = -1.0;
        auto n = tailSeries(negative);
        QVERIFY(!n);
        QCOMPARE(n.error().code, ErrorCode::BadData);
    }
};

QTEST_GUILESS_MAIN(TestTailLabels)
#include "test_tail_labels.moc"
