#pragma once
// Risk and performance measures of one return series (simple returns, one value per period, no
// missing values: drop or fill them before, see returns.h). Formulas and conventions are in
// docs/risk.md; the defaults reproduce PerformanceAnalytics 2.0.8 to ~1e-12.
// Every function returns an Error (InvalidArgument) for an empty or too short series, a
// confidence outside (0, 1) or a non-finite input; none throws.

#include "core/result.h"
#include "core/risk/risk_conventions.h"

#include <functional>
#include <span>
#include <vector>

namespace marketlens::core::risk {

using Series = std::span<const double>;

enum class VarMethod { Historical, Gaussian, Modified };
enum class MomentKind { Population, Sample }; // Sample: bias-corrected (PA "sample")

// Descriptive statistics.
Result<double> mean(Series r);
Result<double> sampleStdDev(Series r); // divide by n - 1
Result<double> centralMoment(Series r, int k); // population: sum((r - mean)^k) / n
Result<double> skewness(Series r, MomentKind kind = MomentKind::Population);
Result<double> excessKurtosis(Series r, MomentKind kind = MomentKind::Population);

// Type-7 (linear interpolation, R's default) quantile at probability q in [0, 1].
Result<double> quantileType7(Series r, double q);
// Type-1 (inverse of the empirical CDF) quantile, as fPortfolio's VaR uses.
Result<double> quantileType1(Series r, double q);

// Value at risk and expected shortfall at confidence p (alpha = 1 - p).
Result<double> valueAtRisk(Series r, double p, VarMethod method, const RiskConventions& c = {});
Result<double> expectedShortfall(
    Series r, double p, VarMethod method, const RiskConventions& c = {});

// Closed forms used by the engine and by component VaR: the standard normal and Cornish-Fisher
// quantile shift h(z, skew, exkurt) (second order).
double normalQuantile(double q);
double normalDensity(double x);
double cornishFisherQuantile(double z, double skew, double exkurt);

// Annualised figures (periodsPerYear from the conventions).
Result<double> annualisedVolatility(Series r, const RiskConventions& c = {});
// geometric: prod(1 + r)^(P/n) - 1; arithmetic: mean * P.
Result<double> annualisedReturn(Series r, bool geometric = true, const RiskConventions& c = {});
Result<double> sharpeAnnualised(
    Series r, bool geometric = true, double riskFree = 0.0, const RiskConventions& c = {});
Result<double> sharpePerPeriod(Series r, double riskFree = 0.0);
// sqrt(sum(min(r - mar, 0)^2) / n) over all n periods (PA method "full").
Result<double> downsideDeviation(Series r, double mar = 0.0);
Result<double> sortino(Series r, double mar = 0.0);

// Largest peak-to-trough fall as a positive fraction. geometric: wealth prod(1 + r); arithmetic:
// wealth 1 + cumsum(r). The running peak starts at 1 (the wealth before the first return).
Result<double> maxDrawdown(Series r, bool geometric = true);

// OLS regression of r on a benchmark b of the same length: r = alpha + beta * b + e.
struct BetaAlpha {
    double beta = 0.0;
    double alpha = 0.0; // per period
    double alphaAnnualised = 0.0; // (1 + alpha)^P - 1
    double rSquared = 0.0;
};
Result<BetaAlpha> betaAlpha(Series r, Series benchmark, const RiskConventions& c = {});

// Pearson correlation (and sample covariance) matrices of equally long columns, row-major n x n.
Result<std::vector<double>> covarianceMatrix(const std::vector<std::vector<double>>& columns);
Result<std::vector<double>> correlationMatrix(const std::vector<std::vector<double>>& columns);

// Any measure over a rolling window: out[t] = fn(r[t - window + 1 .. t]); NaN for t < window - 1
// and where fn fails.
using SeriesMeasure = std::function<Result<double>(Series)>;
Result<std::vector<double>> rolling(Series r, std::size_t window, const SeriesMeasure& fn);

} // namespace marketlens::core::risk
