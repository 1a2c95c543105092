#include "component_var.h"

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

// Deviations from the mean, portfolio deviations and return, checked inputs.
struct Prepared {
    std::size_t k = 0, n = 0;
    std::vector<double> mu; // per asset
    std::vector<std::vector<double>> dev; // r_i - mu_i
    std::vector<double> portfolio; // r_p
    std::vector<double> portfolioDev; // r_p - mu_p
    double muP = 0.0;
};

Result<Prepared> prepare(
    const std::vector<std::vector<double>>& r, std::span<const double> w, double p)
{
    Prepared out;
    out.k = r.size();
    if (out.k == 0 || w.size() != out.k)
        return invalid("need one weight per asset");
    if (!(p > 0.0 && p < 1.0))
        return invalid("confidence level must lie strictly between 0 and 1");
    out.n = r[0].size();
    if (out.n < 4)
        return invalid("need at least 4 returns per asset");
    out.mu.assign(out.k, 0.0);
    out.dev.assign(out.k, std::vector<double>(out.n));
    out.portfolio.assign(out.n, 0.0);
    for (std::size_t i = 0; i < out.k; ++i) {
        if (r[i].size() != out.n)
            return invalid("asset return series differ in length");
        for (double v : r[i]) {
            if (!std::isfinite(v))
                return invalid("asset returns contain a missing value");
            out.mu[i] += v;
        }
        out.mu[i] /= double(out.n);
        for (std::size_t t = 0; t < out.n; ++t) {
            out.dev[i][t] = r[i][t] - out.mu[i];
            out.portfolio[t] += w[i] * r[i][t];
        }
    }
    out.muP = std::accumulate(out.portfolio.begin(), out.portfolio.end(), 0.0) / double(out.n);
    out.portfolioDev.resize(out.n);
    for (std::size_t t = 0; t < out.n; ++t)
        out.portfolioDev[t] = out.portfolio[t] - out.muP;
    return out;
}

ComponentRisk finish(double total, std::vector<double> component, std::span<const double> w,
    const RiskConventions& c)
{
    ComponentRisk out;
    out.total = signedLoss(total, c);
    out.component.resize(component.size());
    out.marginal.resize(component.size());
    out.share.resize(component.size());
    for (std::size_t i = 0; i < component.size(); ++i) {
        out.component[i] = signedLoss(component[i], c);
        out.marginal[i] = w[i] != 0.0 ? out.component[i] / w[i] : kNaN;
        out.share[i] = out.total != 0.0 ? out.component[i] / out.total : kNaN;
    }
    return out;
}

// E[dev_i * g(dev_p)] for every asset: the gradients of portfolio central moments.
std::vector<double> weightedMean(const Prepared& d, const std::vector<double>& g)
{
    std::vector<double> out(d.k, 0.0);
    for (std::size_t i = 0; i < d.k; ++i) {
        double s = 0.0;
        for (std::size_t t = 0; t < d.n; ++t)
            s += d.dev[i][t] * g[t];
        out[i] = s / double(d.n);
    }
    return out;
}

// Historical contributions: the type-7 quantile of r_p is (1-h) r_p[lo] + h r_p[hi], so each
// asset contributes (1-h) w_i r_i[lo] + h w_i r_i[hi] (the days of those order statistics).
std::vector<double> historicalVarComponents(const std::vector<std::vector<double>>& r,
    std::span<const double> w, const Prepared& d, double alpha, double& total)
{
    std::vector<std::size_t> order(d.n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return d.portfolio[a] < d.portfolio[b]; });
    const double index = 1.0 + double(d.n - 1) * alpha;
    const double lo = std::floor(index), hi = std::ceil(index);
    const std::size_t tlo = order[std::size_t(lo) - 1], thi = order[std::size_t(hi) - 1];
    const double h = index - lo;
    const bool interpolate = index > lo && d.portfolio[thi] != d.portfolio[tlo];
    total = interpolate ? (1.0 - h) * d.portfolio[tlo] + h * d.portfolio[thi] : d.portfolio[tlo];
    std::vector<double> comp(d.k);
    for (std::size_t i = 0; i < d.k; ++i)
        comp[i]
            = interpolate ? (1.0 - h) * w[i] * r[i][tlo] + h * w[i] * r[i][thi] : w[i] * r[i][tlo];
    return comp;
}

} // namespace

Result<ComponentRisk> componentVar(const std::vector<std::vector<double>>& assetReturns,
    std::span<const double> weights, double p, VarMethod method, const RiskConventions& c)
{
    auto prepared = prepare(assetReturns, weights, p);
    if (!prepared)
        return prepared.error();
    const Prepared& d = *prepared;
    const double alpha = 1.0 - p;
    if (method == VarMethod::Historical) {
        double total = 0.0;
        auto comp = historicalVarComponents(assetReturns, weights, d, alpha, total);
        return finish(total, std::move(comp), weights, c);
    }

    const double n = double(d.n);
    const double varScale = c.sampleVariance ? n / (n - 1.0) : 1.0;
    double m2 = 0.0, m3 = 0.0, m4 = 0.0;
    for (double e : d.portfolioDev) {
        m2 += e * e;
        m3 += e * e * e;
        m4 += e * e * e * e;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    if (!(m2 > 0.0))
        return invalid("portfolio returns are constant: VaR contributions undefined");
    const double sigma = std::sqrt(m2 * varScale);
    std::vector<double> g(d.n);
    for (std::size_t t = 0; t < d.n; ++t)
        g[t] = d.portfolioDev[t];
    // d m2 / d w_i = 2 E[dev_i dev_p]
    std::vector<double> dm2 = weightedMean(d, g);
    for (double& v : dm2)
        v *= 2.0;
    const double z = normalQuantile(alpha);
    std::vector<double> comp(d.k);
    if (method == VarMethod::Gaussian) {
        const double total = d.muP + z * sigma;
        for (std::size_t i = 0; i < d.k; ++i) {
            const double dSigma = 0.5 * dm2[i] * varScale / sigma;
            comp[i] = weights[i] * (d.mu[i] + z * dSigma);
        }
        return finish(total, std::move(comp), weights, c);
    }
    // Modified: d m3 / d w_i = 3 E[dev_i dev_p^2], d m4 / d w_i = 4 E[dev_i dev_p^3].
    for (std::size_t t = 0; t < d.n; ++t)
        g[t] = d.portfolioDev[t] * d.portfolioDev[t];
    std::vector<double> dm3 = weightedMean(d, g);
    for (std::size_t t = 0; t < d.n; ++t)
        g[t] *= d.portfolioDev[t];
    std::vector<double> dm4 = weightedMean(d, g);
    const double skew = m3 / std::pow(m2, 1.5);
    const double kurt = m4 / (m2 * m2) - 3.0;
    const double h = cornishFisherQuantile(z, skew, kurt);
    const double total = d.muP + h * sigma;
    for (std::size_t i = 0; i < d.k; ++i) {
        const double dsk = 3.0 * dm3[i] / std::pow(m2, 1.5) - 1.5 * m3 * dm2[i] / std::pow(m2, 2.5);
        const double dku = 4.0 * dm4[i] / (m2 * m2) - 2.0 * m4 * dm2[i] / (m2 * m2 * m2);
        const double dh = (z * z - 1.0) * dsk / 6.0 + (z * z * z - 3.0 * z) * dku / 24.0
            - (2.0 * z * z * z - 5.0 * z) * skew * dsk / 18.0;
        const double dSigma = 0.5 * dm2[i] * varScale / sigma;
        comp[i] = weights[i] * (d.mu[i] + h * dSigma + sigma * dh);
    }
    return finish(total, std::move(comp), weights, c);
}

Result<ComponentRisk> componentEs(const std::vector<std::vector<double>>& assetReturns,
    std::span<const double> weights, double p, VarMethod method, const RiskConventions& c)
{
    if (method == VarMethod::Modified)
        return invalid("component ES is available for the historical and Gaussian methods");
    auto prepared = prepare(assetReturns, weights, p);
    if (!prepared)
        return prepared.error();
    const Prepared& d = *prepared;
    const double alpha = 1.0 - p;
    std::vector<double> comp(d.k, 0.0);
    if (method == VarMethod::Historical) {
        double var = 0.0;
        historicalVarComponents(assetReturns, weights, d, alpha, var);
        double total = 0.0;
        std::size_t count = 0;
        for (std::size_t t = 0; t < d.n; ++t) {
            if (!(d.portfolio[t] < var))
                continue;
            total += d.portfolio[t];
            ++count;
            for (std::size_t i = 0; i < d.k; ++i)
                comp[i] += weights[i] * assetReturns[i][t];
        }
        if (count == 0)
            return invalid("no return below VaR: historical ES contributions undefined");
        for (double& v : comp)
            v /= double(count);
        return finish(total / double(count), std::move(comp), weights, c);
    }
    const double n = double(d.n);
    const double varScale = c.sampleVariance ? n / (n - 1.0) : 1.0;
    double m2 = 0.0;
    for (double e : d.portfolioDev)
        m2 += e * e;
    m2 /= n;
    if (!(m2 > 0.0))
        return invalid("portfolio returns are constant: ES contributions undefined");
    const double sigma = std::sqrt(m2 * varScale);
    const std::vector<double> cov = weightedMean(d, d.portfolioDev);
    const double k = normalDensity(normalQuantile(alpha)) / alpha;
    for (std::size_t i = 0; i < d.k; ++i)
        comp[i] = weights[i] * (d.mu[i] - k * cov[i] * varScale / sigma);
    return finish(d.muP - k * sigma, std::move(comp), weights, c);
}

} // namespace marketlens::core::risk
