#include "backtest.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>

#include <cmath>
#include <limits>

namespace marketlens::core::risk {

namespace {

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

// count * log(prob), with 0 * log(0) = 0.
double xlogy(double count, double prob)
{
    return count == 0.0 ? 0.0 : count * std::log(prob);
}

double chiSquaredSurvival(double statistic, int df)
{
    if (!(statistic > 0.0))
        return 1.0;
    const boost::math::chi_squared_distribution<double> chi(df);
    return boost::math::cdf(boost::math::complement(chi, statistic));
}

} // namespace

Result<LikelihoodRatioTest> kupiecTest(
    std::size_t observations, std::size_t exceedances, double alpha)
{
    if (observations == 0 || exceedances > observations)
        return invalid("Kupiec test needs 0 <= exceedances <= observations, observations > 0");
    if (!(alpha > 0.0 && alpha < 1.0))
        return invalid("exceedance probability must lie in (0, 1)");
    const double n = double(observations), x = double(exceedances);
    const double rate = x / n;
    const double l0 = xlogy(n - x, 1.0 - alpha) + xlogy(x, alpha);
    const double l1 = xlogy(n - x, 1.0 - rate) + xlogy(x, rate);
    LikelihoodRatioTest out;
    out.statistic = std::max(0.0, -2.0 * (l0 - l1));
    out.degreesOfFreedom = 1;
    out.pValue = chiSquaredSurvival(out.statistic, 1);
    return out;
}

Result<LikelihoodRatioTest> christoffersenIndependence(const std::vector<bool>& hits)
{
    if (hits.size() < 2)
        return invalid("independence test needs at least two observations");
    double n00 = 0, n01 = 0, n10 = 0, n11 = 0;
    for (std::size_t t = 1; t < hits.size(); ++t) {
        if (!hits[t - 1])
            (hits[t] ? n01 : n00) += 1;
        else
            (hits[t] ? n11 : n10) += 1;
    }
    const double pi = (n01 + n11) / (n00 + n01 + n10 + n11);
    const double pi0 = n00 + n01 > 0 ? n01 / (n00 + n01) : 0.0;
    const double pi1 = n10 + n11 > 0 ? n11 / (n10 + n11) : 0.0;
    const double l0 = xlogy(n00 + n10, 1.0 - pi) + xlogy(n01 + n11, pi);
    const double l1
        = xlogy(n00, 1.0 - pi0) + xlogy(n01, pi0) + xlogy(n10, 1.0 - pi1) + xlogy(n11, pi1);
    LikelihoodRatioTest out;
    out.statistic = std::max(0.0, -2.0 * (l0 - l1));
    out.degreesOfFreedom = 1;
    out.pValue = chiSquaredSurvival(out.statistic, 1);
    return out;
}

Result<TrafficLight> baselZone(std::size_t observations, std::size_t exceedances, double alpha)
{
    if (observations == 0 || exceedances > observations)
        return invalid("traffic light needs 0 <= exceedances <= observations, observations > 0");
    if (!(alpha > 0.0 && alpha < 1.0))
        return invalid("exceedance probability must lie in (0, 1)");
    const boost::math::binomial_distribution<double> binom(double(observations), alpha);
    const double cumulative = boost::math::cdf(binom, double(exceedances));
    if (cumulative < 0.95)
        return TrafficLight::Green;
    if (cumulative < 0.9999)
        return TrafficLight::Yellow;
    return TrafficLight::Red;
}

const char* trafficLightName(TrafficLight zone)
{
    switch (zone) {
    case TrafficLight::Green:
        return "green";
    case TrafficLight::Yellow:
        return "yellow";
    case TrafficLight::Red:
        return "red";
    }
    return "?";
}

Result<VarBacktest> backtestVar(std::span<const double> r, std::size_t window, double p,
    VarMethod method, const RiskConventions& c)
{
    if (window < 10)
        return invalid("backtest window must be at least 10 returns");
    if (r.size() < window + 2)
        return invalid("series shorter than the backtest window plus two days");
    if (!(p > 0.0 && p < 1.0))
        return invalid("confidence level must lie strictly between 0 and 1");
    VarBacktest out;
    out.expectedRate = 1.0 - p;
    out.forecast.assign(r.size(), std::numeric_limits<double>::quiet_NaN());
    out.hit.assign(r.size(), false);
    std::vector<bool> hits;
    const RiskConventions asReturns {}; // compare on returns, report in the caller's convention
    for (std::size_t t = window; t < r.size(); ++t) {
        auto var = valueAtRisk(r.subspan(t - window, window), p, method, asReturns);
        if (!var)
            return var.error();
        out.forecast[t] = signedLoss(*var, c);
        out.hit[t] = r[t] < *var;
        hits.push_back(out.hit[t]);
        out.exceedances += out.hit[t] ? 1 : 0;
    }
    out.observations = hits.size();
    auto kupiec = kupiecTest(out.observations, out.exceedances, out.expectedRate);
    auto independence = christoffersenIndependence(hits);
    auto zone = baselZone(out.observations, out.exceedances, out.expectedRate);
    if (!kupiec || !independence || !zone)
        return invalid("backtest statistics failed");
    out.kupiec = *kupiec;
    out.independence = *independence;
    out.conditionalCoverage.statistic = kupiec->statistic + independence->statistic;
    out.conditionalCoverage.degreesOfFreedom = 2;
    out.conditionalCoverage.pValue = chiSquaredSurvival(out.conditionalCoverage.statistic, 2);
    out.zone = *zone;
    return out;
}

} // namespace marketlens::core::risk
