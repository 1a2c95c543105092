#pragma once
// Conditional volatility: EWMA (RiskMetrics) and GARCH(1,1) fitted by Gaussian maximum likelihood.
// Variances are per period; annualise with sqrt(periodsPerYear) on the volatility.

#include "core/result.h"

#include <span>
#include <vector>

namespace marketlens::core::risk {

// EWMA variance, zero-mean (RiskMetrics): v[t+1] = lambda v[t] + (1 - lambda) r[t]^2.
// Initialisation: v[0] = mean of r^2 over the first min(initWindow, n) returns.
// Returns n + 1 values: v[t] is the variance forecast for period t made with r[0..t-1]; v[n] is
// the forecast for the next, unseen period.
Result<std::vector<double>> ewmaVariance(
    std::span<const double> r, double lambda = 0.94, std::size_t initWindow = 30);

struct GarchParams {
    double omega = 0.0; // > 0
    double alpha = 0.0; // >= 0
    double beta = 0.0; // >= 0, alpha + beta < 1
    double mu = 0.0; // constant mean of the returns
};

struct GarchOptions {
    bool estimateMean = true; // mu = sample mean (fixed before the variance fit); else mu = 0
    int maxIterations = 4000; // Nelder-Mead iterations per start
};

struct GarchFit {
    GarchParams params;
    double logLikelihood = 0.0; // Gaussian, including the 2 pi constant
    std::vector<double> conditionalVariance; // h[t] for each return, h[n] the next period
    int iterations = 0;
    bool converged = false;
    double unconditionalVariance() const; // omega / (1 - alpha - beta)
};

// Gaussian log-likelihood of r under the given parameters. The recursion starts at
// h[0] = sample variance of r - mu (population), e[t] = r[t] - mu,
// h[t] = omega + alpha e[t-1]^2 + beta h[t-1]. `variances`, when non-null, receives h[0..n].
double garchLogLikelihood(
    std::span<const double> r, const GarchParams& p, std::vector<double>* variances = nullptr);

// Maximum likelihood by Nelder-Mead on an unconstrained transform: omega = exp(x0),
// alpha + beta = logistic(x1), alpha / (alpha + beta) = logistic(x2); several starts from variance
// targeting, the best kept. Needs at least 50 returns.
Result<GarchFit> fitGarch11(std::span<const double> r, const GarchOptions& options = {});

// Variance forecasts for 1..steps periods ahead after the sample:
// h(T+k) = s2 + (alpha + beta)^(k-1) (h(T+1) - s2), s2 the unconditional variance.
std::vector<double> garchForecast(const GarchFit& fit, std::size_t steps);

} // namespace marketlens::core::risk
