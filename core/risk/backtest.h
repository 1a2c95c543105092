#pragma once
// VaR backtesting: exceedances of a rolling one-day-ahead VaR forecast, Kupiec's proportion-of-
// failures test, Christoffersen's independence and conditional-coverage tests (p-values from the
// chi-squared distribution of Boost.Math) and the Basel traffic-light zone.

#include "core/result.h"
#include "core/risk/risk_conventions.h"
#include "core/risk/risk_measures.h"

#include <span>
#include <vector>

namespace marketlens::core::risk {

struct LikelihoodRatioTest {
    double statistic = 0.0;
    double pValue = 1.0;
    int degreesOfFreedom = 1;
};

// Kupiec POF: LR = -2 ln[(1-a)^(n-x) a^x] + 2 ln[(1-x/n)^(n-x) (x/n)^x], chi2(1).
Result<LikelihoodRatioTest> kupiecTest(
    std::size_t observations, std::size_t exceedances, double alpha);
// Christoffersen independence on the exceedance indicator sequence (first-order Markov
// alternative): LR = -2 ln L(pi) + 2 ln L(pi01, pi11), chi2(1).
Result<LikelihoodRatioTest> christoffersenIndependence(const std::vector<bool>& hits);

enum class TrafficLight { Green, Yellow, Red };
// Basel: with X ~ Binomial(n, alpha), green when P(X <= x) < 95 %, yellow when < 99.99 %, red
// otherwise. For n = 250, alpha = 1 %: green 0-4, yellow 5-9, red 10+.
Result<TrafficLight> baselZone(std::size_t observations, std::size_t exceedances, double alpha);
const char* trafficLightName(TrafficLight zone);

struct VarBacktest {
    std::vector<double> forecast; // VaR for day t from the `window` returns before it; NaN before
    std::vector<bool> hit; // r[t] below the forecast (as a return); false before
    std::size_t observations = 0; // days with a forecast
    std::size_t exceedances = 0;
    double expectedRate = 0.0; // alpha
    LikelihoodRatioTest kupiec;
    LikelihoodRatioTest independence;
    LikelihoodRatioTest conditionalCoverage; // kupiec + independence, chi2(2)
    TrafficLight zone = TrafficLight::Green;
};

// Rolling backtest of `method` VaR at confidence p over windows of `window` returns. The forecast
// is reported in the sign convention of `c`; the comparison is always made on returns.
Result<VarBacktest> backtestVar(std::span<const double> r, std::size_t window, double p,
    VarMethod method, const RiskConventions& c = {});

} // namespace marketlens::core::risk
