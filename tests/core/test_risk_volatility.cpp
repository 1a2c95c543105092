// EWMA against its closed-form weighted sum, GARCH(1,1) maximum likelihood against a simulated
// process with known parameters, and the GARCH forecast against its closed form.
#include "core/risk/risk_measures.h"
#include "core/risk/volatility.h"
#include "risk_test_data.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens::core;
using namespace marketlens::core::risk;

namespace {

// GARCH(1,1) path with N(0,1) shocks, started at the unconditional variance, 1000 burn-in steps.
std::vector<double> simulateGarch(
    double omega, double alpha, double beta, std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    double h = omega / (1.0 - alpha - beta);
    std::vector<double> out;
    out.reserve(n);
    for (std::size_t t = 0; t < n + 1000; ++t) {
        const double e = std::sqrt(h) * z(rng);
        if (t >= 1000)
            out.push_back(e);
        h = omega + alpha * e * e + beta * h;
    }
    return out;
}

} // namespace

class TestRiskVolatility : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ewmaMatchesWeightedSum()
    {
        marketlens::test::WideReturns data;
        QVERIFY(marketlens::test::readWideReturns(
            marketlens::test::riskDataPath("returns_swx.csv"), data));
        const std::vector<double>& r = data.columns[1];
        const double lambda = 0.94;
        auto v = ewmaVariance(r, lambda, 30);
        QVERIFY(v.ok());
        QCOMPARE(v->size(), r.size() + 1);
        double v0 = 0.0;
        for (std::size_t t = 0; t < 30; ++t)
            v0 += r[t] * r[t] / 30.0;
        QCOMPARE((*v)[0], v0);
        // v[T] = lambda^T v0 + (1 - lambda) sum_k lambda^(T-1-k) r_k^2, summed independently.
        for (std::size_t T : {1u, 2u, 10u, 250u, 1000u, unsigned(r.size())}) {
            double s = std::pow(lambda, double(T)) * v0;
            for (std::size_t k = 0; k < T; ++k)
                s += (1.0 - lambda) * std::pow(lambda, double(T - 1 - k)) * r[k] * r[k];
            QVERIFY2(std::abs((*v)[T] - s) <= 1e-12 * s, qPrintable(QString::number(T)));
        }
        QVERIFY(!ewmaVariance(r, 1.0).ok());
        QVERIFY(!ewmaVariance(std::vector<double> {}).ok());
    }

    void garchRecoversKnownParameters()
    {
        const double omega = 1e-6, alpha = 0.08, beta = 0.90;
        const std::vector<double> r = simulateGarch(omega, alpha, beta, 20000, 20240611);
        GarchOptions options;
        options.estimateMean = false;
        auto fit = fitGarch11(r, options);
        QVERIFY(fit.ok());
        const GarchParams& p = fit->params;
        qInfo("GARCH fit: omega %.3g alpha %.4f beta %.4f (true 1e-06 0.08 0.90), LL %.3f", p.omega,
            p.alpha, p.beta, fit->logLikelihood);
        // Asymptotic standard errors at n = 20000 are about 0.006 (alpha) and 0.008 (beta): the
        // tolerances are about 4 of them.
        QVERIFY(std::abs(p.alpha - alpha) < 0.025);
        QVERIFY(std::abs(p.beta - beta) < 0.035);
        QVERIFY(std::abs((p.alpha + p.beta) - (alpha + beta)) < 0.01);
        QVERIFY(std::abs(fit->unconditionalVariance() - omega / (1 - alpha - beta))
            < 0.25 * omega / (1 - alpha - beta));
        QVERIFY(p.omega > 0 && p.alpha >= 0 && p.beta >= 0 && p.alpha + p.beta < 1);
        // The optimum is at least as likely as the truth.
        const double llTrue = garchLogLikelihood(r, GarchParams {omega, alpha, beta, 0.0});
        QVERIFY(fit->logLikelihood >= llTrue);
        // And no worse than small moves around it (a local maximum in every coordinate).
        for (int d = 0; d < 3; ++d)
            for (double f : {0.99, 1.01}) {
                GarchParams q = p;
                (d == 0 ? q.omega : d == 1 ? q.alpha : q.beta) *= f;
                QVERIFY(garchLogLikelihood(r, q) <= fit->logLikelihood + 1e-7);
            }
    }

    void garchForecastClosedForm()
    {
        const std::vector<double> r = simulateGarch(2e-6, 0.1, 0.85, 3000, 7);
        auto fit = fitGarch11(r);
        QVERIFY(fit.ok());
        const auto f = garchForecast(*fit, 20);
        QCOMPARE(f.size(), std::size_t(20));
        QCOMPARE(f[0], fit->conditionalVariance.back());
        // Iterate E[h(t+1)] = omega + (alpha + beta) h(t) directly.
        double h = f[0];
        for (std::size_t k = 1; k < f.size(); ++k) {
            h = fit->params.omega + (fit->params.alpha + fit->params.beta) * h;
            QVERIFY(std::abs(f[k] - h) <= 1e-12 * h);
        }
        // Real data: the fit on DowJones30's AA has a persistence below 1 and is finite.
        marketlens::test::WideReturns data;
        QVERIFY(marketlens::test::readWideReturns(
            marketlens::test::riskDataPath("returns_dowjones30.csv"), data));
        auto aa = fitGarch11(data.columns[0]);
        QVERIFY(aa.ok());
        QVERIFY(aa->params.alpha + aa->params.beta < 1.0);
        QVERIFY(std::isfinite(aa->logLikelihood));
        QVERIFY(!fitGarch11(std::vector<double>(10, 0.01)).ok());
    }
};

QTEST_GUILESS_MAIN(TestRiskVolatility)
#include "test_risk_volatility.moc"
