// Every PerformanceAnalytics metric in tests/data/risk/oracle_*.csv, for every column of the
// DowJones30 and SWX return sets, recomputed by core/risk and compared to 1e-9 relative.
#include "core/risk/measure_set.h"
#include "core/risk/returns.h"
#include "core/risk/risk_measures.h"
#include "core/risk/volatility.h"
#include "risk_test_data.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace marketlens::core;
using namespace marketlens::core::risk;
using marketlens::test::Oracle;
using marketlens::test::WideReturns;

namespace {

using Metric = std::function<Result<double>(Series)>;

Result<double> ok(double v)
{
    return v;
}

const std::map<std::string, Metric>& metrics()
{
    static const std::map<std::string, Metric> m = {
        {"n_obs", [](Series r) { return ok(double(r.size())); }},
        {"mean", [](Series r) { return mean(r); }},
        {"sd_sample", [](Series r) { return sampleStdDev(r); }},
        {"VaR_hist_95", [](Series r) { return valueAtRisk(r, 0.95, VarMethod::Historical); }},
        {"VaR_hist_99", [](Series r) { return valueAtRisk(r, 0.99, VarMethod::Historical); }},
        {"VaR_gauss_95", [](Series r) { return valueAtRisk(r, 0.95, VarMethod::Gaussian); }},
        {"VaR_gauss_99", [](Series r) { return valueAtRisk(r, 0.99, VarMethod::Gaussian); }},
        {"VaR_mod_95", [](Series r) { return valueAtRisk(r, 0.95, VarMethod::Modified); }},
        {"VaR_mod_99", [](Series r) { return valueAtRisk(r, 0.99, VarMethod::Modified); }},
        {"ES_hist_95", [](Series r) { return expectedShortfall(r, 0.95, VarMethod::Historical); }},
        {"ES_hist_99", [](Series r) { return expectedShortfall(r, 0.99, VarMethod::Historical); }},
        {"ES_gauss_95", [](Series r) { return expectedShortfall(r, 0.95, VarMethod::Gaussian); }},
        {"ES_gauss_99", [](Series r) { return expectedShortfall(r, 0.99, VarMethod::Gaussian); }},
        {"ES_mod_95", [](Series r) { return expectedShortfall(r, 0.95, VarMethod::Modified); }},
        {"ES_mod_99", [](Series r) { return expectedShortfall(r, 0.99, VarMethod::Modified); }},
        {"maxDrawdown_geometric", [](Series r) { return maxDrawdown(r, true); }},
        {"maxDrawdown_arithmetic", [](Series r) { return maxDrawdown(r, false); }},
        {"vol_annualized", [](Series r) { return annualisedVolatility(r); }},
        {"return_annualized_geometric", [](Series r) { return annualisedReturn(r, true); }},
        {"return_annualized_arithmetic", [](Series r) { return annualisedReturn(r, false); }},
        {"sharpe_annualized_geometric", [](Series r) { return sharpeAnnualised(r, true); }},
        {"sharpe_annualized_arithmetic", [](Series r) { return sharpeAnnualised(r, false); }},
        {"sharpe_daily_stddev", [](Series r) { return sharpePerPeriod(r); }},
        {"sortino_daily_MAR0", [](Series r) { return sortino(r, 0.0); }},
        {"downside_deviation_MAR0", [](Series r) { return downsideDeviation(r, 0.0); }},
        {"skewness_moment", [](Series r) { return skewness(r, MomentKind::Population); }},
        {"skewness_sample", [](Series r) { return skewness(r, MomentKind::Sample); }},
        {"kurtosis_excess_moment",
            [](Series r) { return excessKurtosis(r, MomentKind::Population); }},
        {"kurtosis_sample_excess", [](Series r) { return excessKurtosis(r, MomentKind::Sample); }},
        // Cross-checks whose method the engine implements exactly.
        {"xchk_quantile_type7_5pct", [](Series r) { return quantileType7(r, 0.05); }},
        {"xchk_fPortfolio_VaR_5pct_type1", [](Series r) { return quantileType1(r, 0.05); }},
        {"xchk_e1071_skew_type1", [](Series r) { return skewness(r, MomentKind::Population); }},
        {"xchk_e1071_kurt_type1",
            [](Series r) { return excessKurtosis(r, MomentKind::Population); }},
    };
    return m;
}

// Rockafellar-Uryasev CVaR as fPortfolio computes it from its type-1 VaR: a cross-check only.
double cvarRockafellarUryasev(Series r, double alpha)
{
    const double var = *quantileType1(r, alpha);
    double s = 0.0;
    for (double v : r)
        s += std::max(var - v, 0.0);
    return var - s / double(r.size()) / alpha;
}

} // namespace

class TestRiskOracle : public QObject {
    Q_OBJECT

private:
    int m_checked = 0;
    double m_maxRel = 0.0;
    std::string m_worst;

    void check(double got, double want, const std::string& what, double relTol = 1e-9)
    {
        const double err = std::abs(got - want);
        const double rel = std::abs(want) > 1e-12 ? err / std::abs(want) : 0.0;
        const bool pass = std::abs(want) > 1e-12 ? rel <= relTol : err <= 1e-15;
        if (!pass)
            QFAIL(qPrintable(QString::fromStdString(what)
                + QStringLiteral(": got %1 want %2").arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
        ++m_checked;
        if (relTol <= 1e-9 && rel > m_maxRel) {
            m_maxRel = rel;
            m_worst = what;
        }
    }

    void checkSet(const char* returnsFile, const char* oracleFile, int expectedColumns)
    {
        WideReturns data;
        QVERIFY(
            marketlens::test::readWideReturns(marketlens::test::riskDataPath(returnsFile), data));
        Oracle oracle;
        QStringList columns;
        QVERIFY(marketlens::test::readOracle(
            marketlens::test::riskDataPath(oracleFile), oracle, columns));
        QCOMPARE(columns.size(), expectedColumns);
        QCOMPARE(data.names, columns);
        int perColumn = 0;
        for (const auto& [metric, byColumn] : oracle) {
            const auto it = metrics().find(metric);
            const bool crossCheck = metric.rfind("xchk_", 0) == 0;
            if (it == metrics().end() && !crossCheck)
                QFAIL(qPrintable(QStringLiteral("no implementation for oracle metric ")
                    + QString::fromStdString(metric)));
            for (int c = 0; c < columns.size(); ++c) {
                const std::string name = columns[c].toStdString();
                const Series r = data.columns[std::size_t(c)];
                const double want = byColumn.at(name);
                const std::string what = std::string(oracleFile) + " " + metric + " " + name;
                if (metric == "xchk_fPortfolio_CVaR_5pct_RU") {
                    check(cvarRockafellarUryasev(r, 0.05), want, what, 1e-9);
                    continue;
                }
                auto got = it->second(r);
                QVERIFY2(got.ok(), what.c_str());
                check(*got, want, what);
                if (QTest::currentTestFailed())
                    return;
            }
            ++perColumn;
        }
        QVERIFY(perColumn >= 33);
    }

private Q_SLOTS:
    void dowJones30AllColumns() { checkSet("returns_dowjones30.csv", "oracle_dowjones30.csv", 31); }
    void swxAllColumns() { checkSet("returns_swx.csv", "oracle_swx.csv", 6); }

    // The equal-weight daily-rebalanced portfolio, recomputed from the 30 stocks, equals the
    // column given in the file and reproduces every oracle metric of that column.
    void equalWeightPortfolioFromConstituents()
    {
        WideReturns data;
        QVERIFY(marketlens::test::readWideReturns(
            marketlens::test::riskDataPath("returns_dowjones30.csv"), data));
        Oracle oracle;
        QStringList columns;
        QVERIFY(marketlens::test::readOracle(
            marketlens::test::riskDataPath("oracle_dowjones30.csv"), oracle, columns));
        std::vector<std::vector<double>> stocks(data.columns.begin(), data.columns.begin() + 30);
        const std::vector<double> weights(30, 1.0 / 30.0);
        auto ew = portfolioReturns(stocks, weights, Rebalance::Daily);
        QVERIFY(ew.ok());
        const std::vector<double>& given = data.columns[30];
        QCOMPARE(ew->size(), given.size());
        for (std::size_t t = 0; t < given.size(); ++t)
            QVERIFY(std::abs((*ew)[t] - given[t]) <= 1e-15);
        for (const auto& [metric, byColumn] : oracle) {
            if (metric.rfind("xchk_fPortfolio_CVaR", 0) == 0)
                continue;
            auto got = metrics().at(metric)(*ew);
            QVERIFY(got.ok());
            check(*got, byColumn.at("EW_DAILY_REBAL"), "EW recomputed " + metric);
        }
    }

    // Loss-as-positive and the sample-variance option change exactly what they say.
    void conventionOptions()
    {
        WideReturns data;
        QVERIFY(marketlens::test::readWideReturns(
            marketlens::test::riskDataPath("returns_swx.csv"), data));
        const Series r = data.columns[1];
        RiskConventions positive;
        positive.lossAsPositive = true;
        QCOMPARE(*valueAtRisk(r, 0.99, VarMethod::Historical, positive),
            -*valueAtRisk(r, 0.99, VarMethod::Historical));
        RiskConventions sample;
        sample.sampleVariance = true;
        const double n = double(r.size());
        const double mu = *mean(r);
        const double z = normalQuantile(0.05);
        const double expected = mu + z * *sampleStdDev(r);
        QVERIFY(std::abs(*valueAtRisk(r, 0.95, VarMethod::Gaussian, sample) - expected) < 1e-15);
        QVERIFY(std::abs(*sampleStdDev(r) - std::sqrt(*centralMoment(r, 2) * n / (n - 1))) < 1e-15);
        RiskConventions days365;
        days365.periodsPerYear = 365;
        QVERIFY(std::abs(*annualisedVolatility(r, days365) - *sampleStdDev(r) * std::sqrt(365.0))
            < 1e-15);
        QVERIFY(!RiskConventions {}.describe().empty());
    }

    void invalidInput()
    {
        const std::vector<double> empty;
        QVERIFY(!valueAtRisk(empty, 0.95, VarMethod::Historical).ok());
        const std::vector<double> r {0.01, -0.02, 0.03, -0.01, 0.0};
        QVERIFY(!valueAtRisk(r, 1.5, VarMethod::Gaussian).ok());
        QVERIFY(!expectedShortfall(r, 0.0, VarMethod::Modified).ok());
        const std::vector<double> withNaN {0.01, std::nan(""), 0.02};
        QCOMPARE(mean(withNaN).error().code, ErrorCode::InvalidArgument);
    }

    // The one-pass measure table (used by the dashboard and the benchmark) reproduces the oracle
    // too, for every column of both sets.
    void measureSetAgainstOracle()
    {
        for (const auto& [returnsFile, oracleFile] :
            {std::pair {"returns_dowjones30.csv", "oracle_dowjones30.csv"},
                std::pair {"returns_swx.csv", "oracle_swx.csv"}}) {
            WideReturns data;
            QVERIFY(marketlens::test::readWideReturns(
                marketlens::test::riskDataPath(returnsFile), data));
            Oracle o;
            QStringList columns;
            QVERIFY(marketlens::test::readOracle(
                marketlens::test::riskDataPath(oracleFile), o, columns));
            const std::vector<double> levels {0.99, 0.95};
            auto sets = computeMeasureSets(data.columns, levels, {}, {}, 2);
            QVERIFY(sets.ok());
            for (int c = 0; c < columns.size(); ++c) {
                const MeasureSet& m = (*sets)[std::size_t(c)];
                const std::string col = columns[c].toStdString();
                auto want = [&](const char* metric) { return o.at(metric).at(col); };
                const std::string tag = std::string(oracleFile) + " set " + col + " ";
                check(double(m.observations), want("n_obs"), tag + "n");
                check(m.mean, want("mean"), tag + "mean");
                check(m.sdSample, want("sd_sample"), tag + "sd");
                check(m.volatilityAnnualised, want("vol_annualized"), tag + "vol");
                check(m.returnGeometric, want("return_annualized_geometric"), tag + "retg");
                check(m.returnArithmetic, want("return_annualized_arithmetic"), tag + "reta");
                check(m.sharpeGeometric, want("sharpe_annualized_geometric"), tag + "shg");
                check(m.sharpeArithmetic, want("sharpe_annualized_arithmetic"), tag + "sha");
                check(m.sharpePerPeriod, want("sharpe_daily_stddev"), tag + "shd");
                check(m.sortino, want("sortino_daily_MAR0"), tag + "sortino");
                check(m.downsideDeviation, want("downside_deviation_MAR0"), tag + "dd");
                check(m.skewness, want("skewness_moment"), tag + "skew");
                check(m.skewnessSample, want("skewness_sample"), tag + "skews");
                check(m.excessKurtosis, want("kurtosis_excess_moment"), tag + "kurt");
                check(m.excessKurtosisSample, want("kurtosis_sample_excess"), tag + "kurts");
                check(m.maxDrawdownGeometric, want("maxDrawdown_geometric"), tag + "mddg");
                check(m.maxDrawdownArithmetic, want("maxDrawdown_arithmetic"), tag + "mdda");
                for (const TailMeasures& t : m.tails) {
                    const std::string p = t.confidence == 0.95 ? "95" : "99";
                    check(t.varHistorical, want(("VaR_hist_" + p).c_str()), tag + "VaRh" + p);
                    check(t.varGaussian, want(("VaR_gauss_" + p).c_str()), tag + "VaRg" + p);
                    check(t.varModified, want(("VaR_mod_" + p).c_str()), tag + "VaRm" + p);
                    check(t.esHistorical, want(("ES_hist_" + p).c_str()), tag + "ESh" + p);
                    check(t.esGaussian, want(("ES_gauss_" + p).c_str()), tag + "ESg" + p);
                    check(t.esModified, want(("ES_mod_" + p).c_str()), tag + "ESm" + p);
                }
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // Beta and the EWMA forecast agree with the individual functions.
        WideReturns dj;
        QVERIFY(marketlens::test::readWideReturns(
            marketlens::test::riskDataPath("returns_dowjones30.csv"), dj));
        const std::vector<double>& ew = dj.columns[30];
        const std::vector<double> one {0.99};
        auto withBench = computeMeasureSet(dj.columns[0], one, {}, ew);
        QVERIFY(withBench.ok());
        auto ba = betaAlpha(dj.columns[0], ew);
        QCOMPARE(*withBench->beta, ba->beta);
        QCOMPARE(*withBench->alpha, ba->alpha);
        auto ewma = ewmaVariance(dj.columns[0], 0.94, 30);
        QVERIFY(std::abs(withBench->ewmaVolatilityAnnualised - std::sqrt(ewma->back() * 252.0))
            < 1e-15);
        auto bad = computeMeasureSets({{0.1, 0.2}}, std::vector<double> {0.95});
        QVERIFY(!bad.ok());
    }

    void report()
    {
        qInfo("oracle values checked: %d, max relative error %.3g (%s)", m_checked, m_maxRel,
            m_worst.c_str());
        QVERIFY(m_checked >= 2 * (31 + 6) * 29);
    }
};

QTEST_GUILESS_MAIN(TestRiskOracle)
#include "test_risk_oracle.moc"
