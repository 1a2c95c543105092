// Returns and alignment, portfolio returns (buy and hold, rebalanced), drawdown dates on a
// hand-made path, beta/correlation/rolling, component VaR (sums to the total, matches closed
// forms and numerical derivatives) and the risk score.
#include "core/risk/component_var.h"
#include "core/risk/drawdown.h"
#include "core/risk/measure_set.h"
#include "core/risk/returns.h"
#include "core/risk/risk_measures.h"
#include "core/risk/risk_score.h"
#include "risk_test_data.h"

#include <QTest>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::risk;

namespace {

Date day(int y, int m, int d)
{
    return *Date::fromYmd(y, m, d);
}

PriceSeries series(const std::string& ticker, std::vector<Date> dates, std::vector<double> close)
{
    PriceSeries s;
    s.ticker = ticker;
    s.dates = std::move(dates);
    const std::size_t n = s.dates.size();
    s.close = std::move(close);
    s.open = s.high = s.low = s.adjClose = s.volume = std::vector<double>(n, kMissing);
    return s;
}

std::vector<std::vector<double>> dowJones(std::size_t count)
{
    marketlens::test::WideReturns data;
    if (!marketlens::test::readWideReturns(
            marketlens::test::riskDataPath("returns_dowjones30.csv"), data))
        return {};
    return {data.columns.begin(), data.columns.begin() + std::ptrdiff_t(count)};
}

double sumOf(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return s;
}

} // namespace

class TestRiskPortfolio : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void returnsAndAlignment()
    {
        const double nan = kMissing;
        // A misses 3 Jan (NaN), B has no row for 4 Jan.
        const auto a
            = series("A", {day(2024, 1, 2), day(2024, 1, 3), day(2024, 1, 4), day(2024, 1, 5)},
                {100, nan, 110, 99});
        const auto b
            = series("B", {day(2024, 1, 2), day(2024, 1, 3), day(2024, 1, 5)}, {50, 51, 51});
        auto simple = returnsFromPrices(a.close);
        QVERIFY(simple.ok());
        QCOMPARE(simple->size(), std::size_t(2));
        QCOMPARE((*simple)[0], 110.0 / 100.0 - 1.0);
        auto logs = returnsFromPrices(a.close, ReturnKind::Log);
        QCOMPARE((*logs)[1], std::log(99.0 / 110.0));

        auto dropped = alignedReturns({a, b});
        QVERIFY(dropped.ok());
        // Common dates with a price for both: 2 Jan and 5 Jan only.
        QCOMPARE(dropped->dates.size(), std::size_t(1));
        QCOMPARE(dropped->dates[0], day(2024, 1, 5));
        QCOMPARE(dropped->columns[0][0], 99.0 / 100.0 - 1.0);
        QCOMPARE(dropped->columns[1][0], 51.0 / 50.0 - 1.0);
        QCOMPARE(dropped->filledCount, (std::vector<std::size_t> {0, 0}));

        auto filled = alignedReturns({a, b}, ReturnKind::Simple, MissingPolicy::ForwardFill);
        QVERIFY(filled.ok());
        QCOMPARE(filled->dates.size(), std::size_t(3));
        // A carried 100 over 3 Jan, B carried 51 over 4 Jan: each one fill, reported.
        QCOMPARE(filled->filledCount, (std::vector<std::size_t> {1, 1}));
        QCOMPARE(filled->columns[0][0], 0.0);
        QCOMPARE(filled->columns[0][1], 0.1);
        QCOMPARE(filled->columns[1][2], 0.0);
        QVERIFY(!returnsFromPrices(std::vector<double> {100, -1, 3}).ok());
        // Adjusted close wins over close; a series without adjusted closes uses the close.
        auto adj = a;
        adj.adjClose = {50, 52, 55, 49.5};
        auto noAdj = b;
        noAdj.adjClose.clear();
        auto mixed = alignedReturns({adj, noAdj});
        QVERIFY(mixed.ok());
        QCOMPARE(mixed->dates.size(), std::size_t(2));
        QCOMPARE(mixed->columns[0][0], 52.0 / 50.0 - 1.0);
        QCOMPARE(mixed->columns[1][0], 51.0 / 50.0 - 1.0);
        QVERIFY(!alignedReturns({}).ok());
    }

    void portfolioReturnKinds()
    {
        const std::vector<Date> dates {
            day(2024, 1, 30), day(2024, 1, 31), day(2024, 2, 1), day(2024, 2, 2)};
        const std::vector<std::vector<double>> r {
            {0.10, -0.05, 0.02, 0.01}, {0.00, 0.04, -0.01, 0.03}};
        const std::vector<double> w {0.5, 0.5};
        // Buy and hold: wealth of each half compounds separately.
        auto bh = portfolioReturns(r, w, Rebalance::None);
        QVERIFY(bh.ok());
        double wa = 0.5, wb = 0.5, prev = 1.0;
        for (std::size_t t = 0; t < 4; ++t) {
            wa *= 1 + r[0][t];
            wb *= 1 + r[1][t];
            QVERIFY(std::abs((*bh)[t] - ((wa + wb) / prev - 1)) < 1e-15);
            prev = wa + wb;
        }
        auto daily = portfolioReturns(r, w, Rebalance::Daily);
        for (std::size_t t = 0; t < 4; ++t)
            QVERIFY(std::abs((*daily)[t] - 0.5 * (r[0][t] + r[1][t])) < 1e-15);
        // Monthly: drift on 30 Jan -> 31 Jan, back to 50/50 after 31 Jan (month end), drift again.
        auto monthly = portfolioReturns(r, w, Rebalance::Monthly, dates);
        QVERIFY(monthly.ok());
        QCOMPARE((*monthly)[0], (*bh)[0]);
        QCOMPARE((*monthly)[1], (*bh)[1]);
        QVERIFY(std::abs((*monthly)[2] - 0.5 * (r[0][2] + r[1][2])) < 1e-15);
        const double w2a = 0.5 * 1.02 / (1 + (*monthly)[2]);
        QVERIFY(std::abs((*monthly)[3] - (w2a * 0.01 + (1 - w2a) * 0.03)) < 1e-15);
        QVERIFY(!portfolioReturns(r, std::vector<double> {0.7, 0.7}).ok());
        QVERIFY(!portfolioReturns(r, w, Rebalance::Monthly).ok());

        // Quantities: 2 x A at 100 and 1 x B at 200 is 50/50 buy and hold.
        AlignedPrices prices;
        prices.tickers = {"A", "B"};
        prices.dates = {
            day(2024, 1, 29), day(2024, 1, 30), day(2024, 1, 31), day(2024, 2, 1), day(2024, 2, 2)};
        prices.columns = {{100}, {200}};
        for (std::size_t t = 0; t < 4; ++t) {
            prices.columns[0].push_back(prices.columns[0].back() * (1 + r[0][t]));
            prices.columns[1].push_back(prices.columns[1].back() * (1 + r[1][t]));
        }
        const std::vector<double> q {2.0, 1.0};
        auto byQuantity = portfolioReturnsFromQuantities(prices, q);
        QVERIFY(byQuantity.ok());
        for (std::size_t t = 0; t < 4; ++t)
            QVERIFY(std::abs((*byQuantity)[t] - (*bh)[t]) < 1e-14);
    }

    void drawdownDatesOnHandMadePath()
    {
        // Wealth: 1.1, 0.99, 0.88, 1.1 (recovered), 1.21 (new high), 0.968 (open drawdown).
        const std::vector<double> r {0.10, -0.10, -1.0 / 9.0, 0.25, 0.10, -0.20};
        std::vector<Date> dates;
        for (int d = 1; d <= 6; ++d)
            dates.push_back(day(2024, 3, d));
        auto dd = analyseDrawdowns(r, true, dates);
        QVERIFY(dd.ok());
        QCOMPARE(dd->episodes.size(), std::size_t(2));
        const DrawdownEpisode& first = dd->episodes[0];
        QCOMPARE(first.peak, std::ptrdiff_t(0));
        QCOMPARE(first.trough, std::size_t(2));
        QCOMPARE(*first.recovery, std::size_t(3));
        QCOMPARE(*first.peakDate, day(2024, 3, 1));
        QCOMPARE(*first.troughDate, day(2024, 3, 3));
        QCOMPARE(*first.recoveryDate, day(2024, 3, 4));
        QVERIFY(std::abs(first.depth - 0.2) < 1e-12);
        const DrawdownEpisode& open = dd->episodes[1];
        QCOMPARE(open.peak, std::ptrdiff_t(4));
        QVERIFY(!open.recovery.has_value());
        QVERIFY(std::abs(open.depth - 0.2) < 1e-12);
        QCOMPARE(dd->worstEpisode, std::size_t(0)); // the first of equal depths
        QVERIFY(std::abs(dd->maxDrawdown - *maxDrawdown(r, true)) < 1e-15);
        QVERIFY(std::abs(dd->underwater[1] - (0.99 / 1.1 - 1)) < 1e-12);
        QCOMPARE(dd->underwater[3], 0.0);
        // A first return that is a loss: the peak is the starting wealth (-1).
        auto early = analyseDrawdowns(std::vector<double> {-0.1, 0.2});
        QCOMPARE(early->episodes[0].peak, std::ptrdiff_t(-1));
    }

    void betaCorrelationRolling()
    {
        const std::vector<double> b {0.01, -0.02, 0.015, 0.0, -0.005, 0.03};
        std::vector<double> r;
        for (double x : b)
            r.push_back(0.001 + 1.5 * x);
        auto ba = betaAlpha(r, b);
        QVERIFY(ba.ok());
        QVERIFY(std::abs(ba->beta - 1.5) < 1e-12);
        QVERIFY(std::abs(ba->alpha - 0.001) < 1e-15);
        QVERIFY(std::abs(ba->rSquared - 1.0) < 1e-12);
        auto corr = correlationMatrix({b, r, {1, 2, 1, 2, 1, 2}});
        QVERIFY(corr.ok());
        QVERIFY(std::abs((*corr)[1] - 1.0) < 1e-12);
        QCOMPARE((*corr)[4], 1.0);
        QCOMPARE((*corr)[2], (*corr)[6]);
        // The blocked, threaded correlation equals the reference on 30 real series (and 1 vs 2
        // threads give the same matrix: each tile is computed by one thread in a fixed order).
        const auto dj = dowJones(30);
        auto ref = correlationMatrix(dj);
        auto fast1 = correlationMatrixParallel(dj, 1);
        auto fast2 = correlationMatrixParallel(dj, 2);
        QVERIFY(ref.ok() && fast1.ok() && fast2.ok());
        QCOMPARE(*fast1, *fast2);
        for (std::size_t i = 0; i < ref->size(); ++i)
            QVERIFY(std::abs((*ref)[i] - (*fast1)[i]) < 1e-13);
        auto roll = rolling(b, 3, [](Series s) { return mean(s); });
        QVERIFY(roll.ok());
        QVERIFY(std::isnan((*roll)[1]));
        QVERIFY(std::abs((*roll)[2] - (0.01 - 0.02 + 0.015) / 3) < 1e-15);
        QVERIFY(std::abs((*roll)[5] - (0.0 - 0.005 + 0.03) / 3) < 1e-15);
    }

    void componentVarSumsAndMatchesClosedForms()
    {
        const auto r = dowJones(10);
        QCOMPARE(r.size(), std::size_t(10));
        const std::vector<double> w {0.2, 0.1, 0.05, 0.15, 0.1, 0.05, 0.1, 0.1, 0.05, 0.1};
        auto port = portfolioReturns(r, w, Rebalance::Daily);
        QVERIFY(port.ok());
        for (VarMethod m : {VarMethod::Historical, VarMethod::Gaussian, VarMethod::Modified})
            for (double p : {0.95, 0.99}) {
                auto cv = componentVar(r, w, p, m);
                QVERIFY(cv.ok());
                const double total = *valueAtRisk(*port, p, m);
                QVERIFY(std::abs(cv->total - total) <= 1e-12 * std::abs(total));
                QVERIFY(std::abs(sumOf(cv->component) - cv->total) <= 1e-12 * std::abs(total));
                QVERIFY(std::abs(sumOf(cv->share) - 1.0) <= 1e-12);
            }
        for (VarMethod m : {VarMethod::Historical, VarMethod::Gaussian}) {
            auto ce = componentEs(r, w, 0.975, m);
            QVERIFY(ce.ok());
            const double total = *expectedShortfall(*port, 0.975, m);
            QVERIFY(std::abs(ce->total - total) <= 1e-12 * std::abs(total));
            QVERIFY(std::abs(sumOf(ce->component) - ce->total) <= 1e-12 * std::abs(total));
        }
        QVERIFY(!componentEs(r, w, 0.975, VarMethod::Modified).ok());

        // Gaussian marginal VaR = mu_i + z (Sigma w)_i / sigma_p with the population covariance.
        auto cov = covarianceMatrix(r);
        const double n = double(r[0].size());
        double s2 = 0;
        std::vector<double> sw(10, 0.0);
        for (std::size_t i = 0; i < 10; ++i)
            for (std::size_t j = 0; j < 10; ++j) {
                const double c = (*cov)[i * 10 + j] * (n - 1) / n;
                sw[i] += c * w[j];
                s2 += w[i] * c * w[j];
            }
        const double z = normalQuantile(0.01);
        auto g = componentVar(r, w, 0.99, VarMethod::Gaussian);
        for (std::size_t i = 0; i < 10; ++i) {
            const double mi = *mean(r[i]) + z * sw[i] / std::sqrt(s2);
            QVERIFY(std::abs(g->marginal[i] - mi) < 1e-12);
        }

        // Modified marginal VaR = numerical derivative of the portfolio's modified VaR.
        auto mod = componentVar(r, w, 0.99, VarMethod::Modified);
        for (std::size_t i : {0u, 4u, 9u}) {
            const double h = 1e-5;
            std::vector<double> up = w, down = w;
            up[i] += h;
            down[i] -= h;
            auto portOf = [&](const std::vector<double>& ww) {
                std::vector<double> out(r[0].size(), 0.0);
                for (std::size_t k = 0; k < ww.size(); ++k)
                    for (std::size_t t = 0; t < out.size(); ++t)
                        out[t] += ww[k] * r[k][t];
                return out;
            };
            const double numeric = (*valueAtRisk(portOf(up), 0.99, VarMethod::Modified)
                                       - *valueAtRisk(portOf(down), 0.99, VarMethod::Modified))
                / (2 * h);
            QVERIFY2(std::abs(mod->marginal[i] - numeric) < 1e-7 * std::max(1.0, std::abs(numeric)),
                qPrintable(QStringLiteral("%1 vs %2").arg(mod->marginal[i]).arg(numeric)));
        }
    }

    void riskScore()
    {
        // Hand-made factors: C is worst on everything, A best; B in the middle.
        std::vector<HoldingFactors> f(3);
        f[0] = {"A", 0.10, 0.02, 0.10, 0.5, 0.1};
        f[1] = {"B", 0.20, 0.04, 0.30, 1.0, 0.3};
        f[2] = {"C", 0.40, 0.08, 0.60, 1.5, 0.6};
        auto s = scoreHoldings(f);
        QVERIFY(s.ok());
        QCOMPARE((*s)[0].score, 0.0);
        QVERIFY(std::abs((*s)[1].score - 50.0) < 1e-12);
        QVERIFY(std::abs((*s)[2].score - 100.0) < 1e-12);
        QCOMPARE((*s)[0].zone, ScoreZone::Green);
        QCOMPARE((*s)[1].zone, ScoreZone::Amber);
        QCOMPARE((*s)[2].zone, ScoreZone::Red);
        // Points add up to the score, largest first; C's biggest reasons are vol and ES (25 each).
        double points = 0;
        for (const auto& c : (*s)[2].contributions)
            points += c.points;
        QVERIFY(std::abs(points - (*s)[2].score) < 1e-12);
        QCOMPARE((*s)[2].contributions.front().factor, ScoreFactor::Volatility);
        QVERIFY(std::abs((*s)[2].contributions.front().points - 25.0) < 1e-12);
        QVERIFY((*s)[2].explanation().rfind("red (100):", 0) == 0);
        // Missing factor (no beta for B): weights renormalised over the other four.
        f[1].beta.reset();
        auto s2 = scoreHoldings(f);
        QCOMPARE((*s2)[1].contributions.size(), std::size_t(4));
        QVERIFY(std::abs((*s2)[1].score - 50.0) < 1e-12);
        QCOMPARE(scoreZone(39.99), ScoreZone::Green);
        QCOMPARE(scoreZone(40.0), ScoreZone::Amber);
        QCOMPARE(scoreZone(70.0), ScoreZone::Amber);
        QCOMPARE(scoreZone(70.01), ScoreZone::Red);

        // From real returns: every factor present, scores within 0..100.
        const auto r = dowJones(5);
        const std::vector<double> w(5, 0.2);
        const std::vector<std::string> tickers {"AA", "AXP", "T", "BA", "CAT"};
        auto ew = portfolioReturns(r, w, Rebalance::Daily);
        auto factors = computeScoreFactors(r, tickers, w, *ew);
        QVERIFY(factors.ok());
        auto scores = scoreHoldings(*factors);
        QVERIFY(scores.ok());
        for (const auto& h : *scores) {
            QCOMPARE(h.contributions.size(), std::size_t(5));
            QVERIFY(h.score >= 0 && h.score <= 100);
        }
        QVERIFY(std::abs(*(*factors)[0].volatility - *annualisedVolatility(r[0])) < 1e-15);
    }
};

QTEST_GUILESS_MAIN(TestRiskPortfolio)
#include "test_risk_portfolio.moc"
