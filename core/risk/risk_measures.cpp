#include "risk_measures.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace marketlens::core::risk {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

// Checks a series: at least `minSize` values, all finite. Empty string when fine.
std::string checkSeries(Series r, std::size_t minSize)
{
    if (r.size() < minSize)
        return "return series has " + std::to_string(r.size()) + " values, at least "
            + std::to_string(minSize) + " needed";
    for (double v : r)
        if (!std::isfinite(v))
            return "return series contains a missing or non-finite value";
    return {};
}

std::string checkConfidence(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return "confidence level must lie strictly between 0 and 1, got " + std::to_string(p);
    return {};
}

double plainMean(Series r)
{
    double s = 0.0;
    for (double v : r)
        s += v;
    return s / double(r.size());
}

// Population central moments m2, m3, m4 (two passes: the mean first, for accuracy).
struct Moments {
    double mean = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0;
};

Moments moments(Series r)
{
    Moments m;
    m.mean = plainMean(r);
    for (double v : r) {
        const double d = v - m.mean;
        const double d2 = d * d;
        m.m2 += d2;
        m.m3 += d2 * d;
        m.m4 += d2 * d2;
    }
    const double n = double(r.size());
    m.m2 /= n;
    m.m3 /= n;
    m.m4 /= n;
    return m;
}

std::vector<double> sorted(Series r)
{
    std::vector<double> v(r.begin(), r.end());
    std::sort(v.begin(), v.end());
    return v;
}

// R's quantile(type = 7) on sorted data: index = 1 + (n - 1) q, linear interpolation written as
// (1 - h) x[lo] + h x[hi] exactly as R does, so the last bits agree.
double type7Sorted(const std::vector<double>& x, double q)
{
    const double index = 1.0 + double(x.size() - 1) * q;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double xlo = x[std::size_t(lo) - 1];
    const double xhi = x[std::size_t(hi) - 1];
    const double h = index - lo;
    if (index > lo && xhi != xlo)
        return (1.0 - h) * xlo + h * xhi;
    return xlo;
}

// Parametric location/scale per the conventions.
double parametricSigma(const Moments& m, std::size_t n, const RiskConventions& c)
{
    const double var = c.sampleVariance ? m.m2 * double(n) / double(n - 1) : m.m2;
    return std::sqrt(var);
}

} // namespace

std::string RiskConventions::describe() const
{
    std::string s = lossAsPositive ? "losses as positive numbers" : "losses as negative returns";
    s += "; " + std::to_string(int(periodsPerYear)) + " periods/year";
    s += sampleVariance ? "; sample variance (n-1)" : "; population variance (n)";
    s += operationalModifiedEs ? "; operational modified ES" : "; raw Cornish-Fisher ES";
    return s;
}

double normalQuantile(double q)
{
    return boost::math::quantile(boost::math::normal_distribution<double>(), q);
}

double normalDensity(double x)
{
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * 3.14159265358979323846);
}

double cornishFisherQuantile(double z, double skew, double exkurt)
{
    return z + (z * z - 1.0) * skew / 6.0 + (z * z * z - 3.0 * z) * exkurt / 24.0
        - (2.0 * z * z * z - 5.0 * z) * skew * skew / 36.0;
}

Result<double> mean(Series r)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    return plainMean(r);
}

Result<double> sampleStdDev(Series r)
{
    if (auto e = checkSeries(r, 2); !e.empty())
        return invalid(e);
    const Moments m = moments(r);
    return std::sqrt(m.m2 * double(r.size()) / double(r.size() - 1));
}

Result<double> centralMoment(Series r, int k)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    if (k < 1)
        return invalid("moment order must be positive");
    const double mu = plainMean(r);
    double s = 0.0;
    for (double v : r)
        s += std::pow(v - mu, k);
    return s / double(r.size());
}

Result<double> skewness(Series r, MomentKind kind)
{
    if (auto e = checkSeries(r, 3); !e.empty())
        return invalid(e);
    const Moments m = moments(r);
    if (m.m2 <= 0.0)
        return invalid("skewness of a constant series is undefined");
    const double g1 = m.m3 / std::pow(m.m2, 1.5);
    if (kind == MomentKind::Population)
        return g1;
    // PerformanceAnalytics "sample": n / ((n-1)(n-2)) * sum(((r - mean) / sqrt(m2))^3).
    const double n = double(r.size());
    return n * n / ((n - 1.0) * (n - 2.0)) * g1;
}

Result<double> excessKurtosis(Series r, MomentKind kind)
{
    if (auto e = checkSeries(r, 4); !e.empty())
        return invalid(e);
    const Moments m = moments(r);
    if (m.m2 <= 0.0)
        return invalid("kurtosis of a constant series is undefined");
    if (kind == MomentKind::Population)
        return m.m4 / (m.m2 * m.m2) - 3.0;
    // PerformanceAnalytics "sample_excess": n(n+1)/((n-1)(n-2)(n-3)) sum(((r-mean)/s)^4)
    // - 3 (n-1)^2 / ((n-2)(n-3)), s the sample standard deviation.
    const double n = double(r.size());
    const double s2 = m.m2 * n / (n - 1.0);
    const double sum4 = m.m4 * n / (s2 * s2);
    return n * (n + 1.0) / ((n - 1.0) * (n - 2.0) * (n - 3.0)) * sum4
        - 3.0 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
}

Result<double> quantileType7(Series r, double q)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    if (!(q >= 0.0 && q <= 1.0))
        return invalid("quantile probability must lie in [0, 1]");
    return type7Sorted(sorted(r), q);
}

Result<double> quantileType1(Series r, double q)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    if (!(q >= 0.0 && q <= 1.0))
        return invalid("quantile probability must lie in [0, 1]");
    const std::vector<double> x = sorted(r);
    // R type 1: j = floor(n q), value x[j] (1-based) when n q == j, else x[j + 1].
    const double nq = double(x.size()) * q;
    const double fuzz = 4.0 * std::numeric_limits<double>::epsilon();
    const auto j = std::size_t(std::floor(nq + fuzz));
    const bool up = nq > double(j) + fuzz;
    const std::size_t idx = up ? j + 1 : j; // 1-based
    return x[std::clamp<std::size_t>(idx, 1, x.size()) - 1];
}

Result<double> valueAtRisk(Series r, double p, VarMethod method, const RiskConventions& c)
{
    if (auto e = checkSeries(r, method == VarMethod::Historical ? 1 : 4); !e.empty())
        return invalid(e);
    if (auto e = checkConfidence(p); !e.empty())
        return invalid(e);
    const double alpha = 1.0 - p;
    double v = kNaN;
    if (method == VarMethod::Historical) {
        v = type7Sorted(sorted(r), alpha);
    } else {
        const Moments m = moments(r);
        const double sigma = parametricSigma(m, r.size(), c);
        const double z = normalQuantile(alpha);
        if (method == VarMethod::Gaussian) {
            v = m.mean + z * sigma;
        } else {
            if (m.m2 <= 0.0)
                return invalid("modified VaR of a constant series is undefined");
            const double skew = m.m3 / std::pow(m.m2, 1.5);
            const double exkurt = m.m4 / (m.m2 * m.m2) - 3.0;
            v = m.mean + cornishFisherQuantile(z, skew, exkurt) * sigma;
        }
    }
    return signedLoss(v, c);
}

Result<double> expectedShortfall(Series r, double p, VarMethod method, const RiskConventions& c)
{
    if (auto e = checkSeries(r, method == VarMethod::Historical ? 1 : 4); !e.empty())
        return invalid(e);
    if (auto e = checkConfidence(p); !e.empty())
        return invalid(e);
    const double alpha = 1.0 - p;
    double v = kNaN;
    if (method == VarMethod::Historical) {
        const std::vector<double> x = sorted(r);
        const double q = type7Sorted(x, alpha);
        double sum = 0.0;
        std::size_t count = 0;
        for (double xi : x) {
            if (!(xi < q))
                break;
            sum += xi;
            ++count;
        }
        // No return strictly below the quantile (tiny samples): the tail is the quantile itself.
        v = count ? sum / double(count) : q;
    } else {
        const Moments m = moments(r);
        const double sigma = parametricSigma(m, r.size(), c);
        const double z = normalQuantile(alpha);
        if (method == VarMethod::Gaussian) {
            v = m.mean - normalDensity(z) * sigma / alpha;
        } else {
            if (m.m2 <= 0.0)
                return invalid("modified ES of a constant series is undefined");
            const double s = m.m3 / std::pow(m.m2, 1.5);
            const double k = m.m4 / (m.m2 * m.m2) - 3.0;
            const double h = cornishFisherQuantile(z, s, k);
            // E[Z; Z < h] under the Cornish-Fisher expansion (PerformanceAnalytics
            // ES.CornishFisher, the integrals of h^k phi(h) written out in closed form).
            const double h2 = h * h, h3 = h2 * h, h4 = h2 * h2, h6 = h4 * h2;
            const double tail = normalDensity(h)
                * (1.0 + h3 * s / 6.0 + (h6 - 9.0 * h4 + 9.0 * h2 + 3.0) * s * s / 72.0
                    + (h4 - 2.0 * h2 - 1.0) * k / 24.0);
            if (c.operationalModifiedEs)
                v = m.mean + sigma * std::min(-tail / alpha, h);
            else
                v = m.mean - sigma * tail / alpha;
        }
    }
    return signedLoss(v, c);
}

Result<double> annualisedVolatility(Series r, const RiskConventions& c)
{
    auto sd = sampleStdDev(r);
    if (!sd)
        return sd.error();
    return *sd * std::sqrt(c.periodsPerYear);
}

Result<double> annualisedReturn(Series r, bool geometric, const RiskConventions& c)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    if (!geometric)
        return plainMean(r) * c.periodsPerYear;
    double wealth = 1.0;
    for (double v : r)
        wealth *= 1.0 + v;
    return std::pow(wealth, c.periodsPerYear / double(r.size())) - 1.0;
}

Result<double> sharpeAnnualised(Series r, bool geometric, double riskFree, const RiskConventions& c)
{
    if (auto e = checkSeries(r, 2); !e.empty())
        return invalid(e);
    std::vector<double> excess(r.begin(), r.end());
    for (double& v : excess)
        v -= riskFree;
    auto ret = annualisedReturn(excess, geometric, c);
    auto vol = annualisedVolatility(excess, c);
    if (!ret || !vol)
        return !ret ? ret.error() : vol.error();
    if (*vol == 0.0)
        return invalid("Sharpe ratio of a constant series is undefined");
    return *ret / *vol;
}

Result<double> sharpePerPeriod(Series r, double riskFree)
{
    auto sd = sampleStdDev(r);
    if (!sd)
        return sd.error();
    if (*sd == 0.0)
        return invalid("Sharpe ratio of a constant series is undefined");
    return (plainMean(r) - riskFree) / *sd;
}

Result<double> downsideDeviation(Series r, double mar)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    double s = 0.0;
    for (double v : r) {
        const double d = std::min(v - mar, 0.0);
        s += d * d;
    }
    return std::sqrt(s / double(r.size()));
}

Result<double> sortino(Series r, double mar)
{
    auto dd = downsideDeviation(r, mar);
    if (!dd)
        return dd.error();
    if (*dd == 0.0)
        return invalid("Sortino ratio undefined: no return below the minimum acceptable return");
    return (plainMean(r) - mar) / *dd;
}

Result<double> maxDrawdown(Series r, bool geometric)
{
    if (auto e = checkSeries(r, 1); !e.empty())
        return invalid(e);
    double wealth = 1.0, peak = 1.0, worst = 0.0;
    for (double v : r) {
        wealth = geometric ? wealth * (1.0 + v) : wealth + v;
        peak = std::max(peak, wealth);
        worst = std::min(worst, wealth / peak - 1.0);
    }
    return -worst;
}

Result<BetaAlpha> betaAlpha(Series r, Series benchmark, const RiskConventions& c)
{
    if (auto e = checkSeries(r, 2); !e.empty())
        return invalid(e);
    if (auto e = checkSeries(benchmark, 2); !e.empty())
        return invalid("benchmark: " + e);
    if (r.size() != benchmark.size())
        return invalid("series and benchmark differ in length");
    const double mr = plainMean(r), mb = plainMean(benchmark);
    double sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double dx = benchmark[i] - mb, dy = r[i] - mr;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx == 0.0)
        return invalid("benchmark is constant: beta undefined");
    BetaAlpha out;
    out.beta = sxy / sxx;
    out.alpha = mr - out.beta * mb;
    out.alphaAnnualised = std::pow(1.0 + out.alpha, c.periodsPerYear) - 1.0;
    out.rSquared = syy > 0.0 ? sxy * sxy / (sxx * syy) : 0.0;
    return out;
}

Result<std::vector<double>> covarianceMatrix(const std::vector<std::vector<double>>& columns)
{
    const std::size_t k = columns.size();
    if (k == 0)
        return invalid("no columns");
    const std::size_t n = columns[0].size();
    std::vector<double> means(k);
    for (std::size_t i = 0; i < k; ++i) {
        if (columns[i].size() != n)
            return invalid("columns differ in length");
        if (auto e = checkSeries(columns[i], 2); !e.empty())
            return invalid(e);
        means[i] = plainMean(columns[i]);
    }
    std::vector<double> cov(k * k);
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = i; j < k; ++j) {
            double s = 0.0;
            const double* a = columns[i].data();
            const double* b = columns[j].data();
            for (std::size_t t = 0; t < n; ++t)
                s += (a[t] - means[i]) * (b[t] - means[j]);
            cov[i * k + j] = cov[j * k + i] = s / double(n - 1);
        }
    }
    return cov;
}

Result<std::vector<double>> correlationMatrix(const std::vector<std::vector<double>>& columns)
{
    auto cov = covarianceMatrix(columns);
    if (!cov)
        return cov.error();
    const std::size_t k = columns.size();
    std::vector<double> corr(k * k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double d = std::sqrt((*cov)[i * k + i] * (*cov)[j * k + j]);
            corr[i * k + j] = i == j ? 1.0 : (d > 0.0 ? (*cov)[i * k + j] / d : kNaN);
        }
    return corr;
}

Result<std::vector<double>> rolling(Series r, std::size_t window, const SeriesMeasure& fn)
{
    if (window == 0)
        return invalid("rolling window must be at least 1");
    if (!fn)
        return invalid("no measure given");
    std::vector<double> out(r.size(), kNaN);
    for (std::size_t t = window; t <= r.size(); ++t) {
        auto v = fn(r.subspan(t - window, window));
        if (v)
            out[t - 1] = *v;
    }
    return out;
}

} // namespace marketlens::core::risk
