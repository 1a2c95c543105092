#pragma once
// RiskConventions: every convention a risk number depends on, as explicit parameters. The default
// is R's PerformanceAnalytics 2.0.8 (the reference the oracle tests check against):
//   VaR/ES reported as negative returns, 252 periods a year, population moments in the parametric
//   (Gaussian, Cornish-Fisher) VaR/ES, "operational" modified ES. Reports print describe() so a
//   reader knows which convention produced a number.

#include <string>

namespace marketlens::core::risk {

struct RiskConventions {
    // false (default): a 2 % loss is reported as -0.02 (PerformanceAnalytics). true: as +0.02.
    bool lossAsPositive = false;
    // Periods per year used to annualise returns, volatility and Sharpe ratios (252 or 365).
    double periodsPerYear = 252.0;
    // false (default): Gaussian and Cornish-Fisher VaR/ES use the population variance m2 (divide by
    // n). true: the sample variance (divide by n - 1) scales sigma instead.
    bool sampleVariance = false;
    // true (default): modified ES never goes below modified VaR in loss terms (PA "operational").
    bool operationalModifiedEs = true;

    // One line, e.g. "loss sign: negative; 252 periods/year; population variance; operational mES".
    std::string describe() const;
};

// Applies the sign convention to a quantity computed as a (negative) return.
inline double signedLoss(double asReturn, const RiskConventions& c)
{
    return c.lossAsPositive ? -asReturn : asReturn;
}

} // namespace marketlens::core::risk
