// Monte Carlo VaR/ES against the closed-form Gaussian portfolio figures (tolerance from the
// sample size), determinism per seed whatever the thread count, the normal generator, and
// filtered historical simulation.
#include "core/risk/monte_carlo.h"
#include "core/risk/risk_measures.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens::core;
using namespace marketlens::core::risk;

namespace {

struct Portfolio5 {
    std::vector<double> mu {0.0005, 0.0002, -0.0001, 0.0008, 0.0003};
    std::vector<double> sd {0.02, 0.01, 0.015, 0.03, 0.012};
    std::vector<double> corr {1.0, 0.3, 0.2, 0.5, 0.1, //
        0.3, 1.0, 0.4, 0.2, 0.0, //
        0.2, 0.4, 1.0, 0.3, -0.2, //
        0.5, 0.2, 0.3, 1.0, 0.25, //
        0.1, 0.0, -0.2, 0.25, 1.0};
    std::vector<double> w {0.3, 0.2, 0.1, 0.25, 0.15};
    std::vector<double> cov() const
    {
        std::vector<double> c(25);
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 5; ++j)
                c[std::size_t(i * 5 + j)]
                    = corr[std::size_t(i * 5 + j)] * sd[std::size_t(i)] * sd[std::size_t(j)];
        return c;
    }
    double muP() const
    {
        double s = 0;
        for (int i = 0; i < 5; ++i)
            s += w[std::size_t(i)] * mu[std::size_t(i)];
        return s;
    }
    double sigmaP() const
    {
        const auto c = cov();
        double s = 0;
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 5; ++j)
                s += w[std::size_t(i)] * w[std::size_t(j)] * c[std::size_t(i * 5 + j)];
        return std::sqrt(s);
    }
};

} // namespace

class TestRiskSimulation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void normalGenerator()
    {
        std::vector<double> z(2000000);
        fillStandardNormal(z, 1234, 0);
        double m = 0, v = 0, below = 0, tail = 0;
        for (double x : z) {
            m += x;
            v += x * x;
            below += x < -1.0 ? 1 : 0;
            tail += std::abs(x) > 3.7 ? 1 : 0; // beyond the ziggurat's base strip
        }
        const double n = double(z.size());
        m /= n;
        v = v / n - m * m;
        // Standard errors: mean 1/sqrt(n) = 7e-4, variance sqrt(2/n) = 1e-3.
        QVERIFY(std::abs(m) < 0.004);
        QVERIFY(std::abs(v - 1.0) < 0.005);
        QVERIFY(std::abs(below / n - 0.15865525393145707) < 0.0015);
        const double pTail = std::erfc(3.7 / std::sqrt(2.0));
        QVERIFY(std::abs(tail / n - pTail) < 5 * std::sqrt(pTail / n));
        std::vector<double> again(1000);
        fillStandardNormal(again, 1234, 0);
        QCOMPARE(again[999], z[999]);
        // The SIMD and scalar code paths produce the same bits.
        std::vector<double> scalar(200000);
        fillStandardNormal(scalar, 1234, 0, false);
        for (std::size_t i = 0; i < scalar.size(); ++i)
            QCOMPARE(scalar[i], z[i]);
    }

    void choleskyReconstructs()
    {
        const Portfolio5 p;
        const auto c = p.cov();
        auto l = cholesky(c, 5);
        QVERIFY(l.ok());
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 5; ++j) {
                double s = 0;
                for (int m = 0; m < 5; ++m)
                    s += (*l)[std::size_t(i * 5 + m)] * (*l)[std::size_t(j * 5 + m)];
                QVERIFY(std::abs(s - c[std::size_t(i * 5 + j)]) < 1e-18);
            }
        const std::vector<double> bad {1.0, 2.0, 2.0, 1.0};
        QVERIFY(!cholesky(bad, 2).ok());
    }

    void monteCarloApproachesClosedForm()
    {
        const Portfolio5 p;
        SimulationOptions o;
        o.scenarios = 2000000;
        o.seed = 7;
        o.componentEs = true;
        for (double conf : {0.95, 0.99}) {
            auto mc = monteCarloVar(p.mu, p.cov(), p.w, conf, o);
            QVERIFY(mc.ok());
            const double alpha = 1 - conf;
            const double z = normalQuantile(alpha);
            const double sigma = p.sigmaP();
            const double var = p.muP() + z * sigma;
            const double es = p.muP() - normalDensity(z) * sigma / alpha;
            // Standard error of a sample quantile: sqrt(a(1-a)/N) / f(q), f(q) = phi(z)/sigma.
            const double seVar
                = std::sqrt(alpha * (1 - alpha) / double(o.scenarios)) / (normalDensity(z) / sigma);
            // ES: sd of the tail mean, sqrt(Var(X | X < q) / (N alpha)), Var(X|X<q) < sigma^2.
            const double seEs = sigma / std::sqrt(double(o.scenarios) * alpha) + seVar;
            qInfo("p=%.2f MC VaR %.6f (closed %.6f, se %.2g)  ES %.6f (closed %.6f)", conf, mc->var,
                var, seVar, mc->es, es);
            QVERIFY(std::abs(mc->var - var) < 4 * seVar);
            QVERIFY(std::abs(mc->es - es) < 4 * seEs);
            double sum = 0;
            for (double c : mc->componentEs)
                sum += c;
            QVERIFY(std::abs(sum - mc->es) <= 1e-12 * std::abs(mc->es));
        }
    }

    void sameSeedSameResultAnyThreadCount()
    {
        const Portfolio5 p;
        SimulationOptions o;
        o.scenarios = 300000;
        o.seed = 2024;
        o.threads = 1;
        auto one = monteCarloVar(p.mu, p.cov(), p.w, 0.99, o);
        o.threads = 2;
        auto two = monteCarloVar(p.mu, p.cov(), p.w, 0.99, o);
        o.threads = 5;
        auto five = monteCarloVar(p.mu, p.cov(), p.w, 0.99, o);
        QVERIFY(one.ok() && two.ok() && five.ok());
        QCOMPARE(one->var, two->var);
        QCOMPARE(one->es, two->es);
        QCOMPARE(one->var, five->var);
        QCOMPARE(one->es, five->es);
        o.seed = 2025;
        auto other = monteCarloVar(p.mu, p.cov(), p.w, 0.99, o);
        QVERIFY(other->var != one->var);
        // Cancellation through the progress callback.
        o.scenarios = 5000000;
        auto cancelled = monteCarloVar(
            p.mu, p.cov(), p.w, 0.99, o, {}, [](std::int64_t, std::int64_t) { return false; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void monteCarloFromReturnsUsesSampleMoments()
    {
        // Two perfectly dependent assets: the covariance is singular, the simulation still works
        // and equals the Gaussian VaR of the (sample-variance) portfolio.
        std::mt19937_64 rng(5);
        std::normal_distribution<double> z(0.0, 0.01);
        std::vector<double> a(3000);
        for (double& v : a)
            v = z(rng);
        std::vector<double> b = a;
        for (double& v : b)
            v *= 2.0;
        const std::vector<double> w {0.5, 0.5};
        SimulationOptions o;
        o.scenarios = 1000000;
        auto mc = monteCarloVarFromReturns({a, b}, w, 0.95, o);
        QVERIFY(mc.ok());
        std::vector<double> port(a.size());
        for (std::size_t t = 0; t < a.size(); ++t)
            port[t] = 0.5 * a[t] + 0.5 * b[t];
        RiskConventions sample;
        sample.sampleVariance = true;
        const double closed = *valueAtRisk(port, 0.95, VarMethod::Gaussian, sample);
        QVERIFY(std::abs(mc->var - closed) < 0.01 * std::abs(closed));
    }

    void filteredHistoricalSimulation()
    {
        std::mt19937_64 rng(11);
        std::normal_distribution<double> z(0.0, 0.01);
        std::vector<double> r(3000);
        for (double& v : r)
            v = z(rng);
        SimulationOptions o;
        o.scenarios = 200000;
        auto a = filteredHistoricalVar(r, 0.99, FilterModel::Ewma, o);
        auto b = filteredHistoricalVar(r, 0.99, FilterModel::Ewma, o);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->var, b->var);
        // iid data: the EWMA forecast is near 1 %, so VaR 99 % is near -2.33 %.
        QVERIFY(a->var < -0.015 && a->var > -0.032);
        QVERIFY(a->es < a->var);
        o.threads = 1;
        auto single = filteredHistoricalVar(r, 0.99, FilterModel::Ewma, o);
        QCOMPARE(single->var, a->var);
        QCOMPARE(single->es, a->es);
        auto g = filteredHistoricalVar(r, 0.99, FilterModel::Garch, o);
        QVERIFY(g.ok());
        QVERIFY(g->var < -0.015 && g->var > -0.032);
        QVERIFY(!filteredHistoricalVar(std::vector<double>(10, 0.0), 0.99).ok());
    }
};

QTEST_GUILESS_MAIN(TestRiskSimulation)
#include "test_risk_simulation.moc"
