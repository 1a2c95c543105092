#include "volatility.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace marketlens::core::risk {

namespace {

constexpr double kLog2Pi = 1.8378770664093454836;

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}
double logit(double p)
{
    return std::log(p / (1.0 - p));
}

GarchParams fromFree(const std::array<double, 3>& x, double mu)
{
    GarchParams p;
    p.mu = mu;
    p.omega = std::exp(x[0]);
    const double persistence = logistic(x[1]);
    const double share = logistic(x[2]);
    p.alpha = persistence * share;
    p.beta = persistence * (1.0 - share);
    return p;
}

std::array<double, 3> toFree(const GarchParams& p)
{
    const double persistence = p.alpha + p.beta;
    return {std::log(p.omega), logit(persistence), logit(p.alpha / persistence)};
}

struct NelderMeadResult {
    std::array<double, 3> x {};
    double f = 0.0;
    int iterations = 0;
    bool converged = false;
};

// Minimises f from x0 with the standard coefficients (reflection 1, expansion 2, contraction 0.5,
// shrink 0.5); stops when the simplex's function values agree to `tol` (relative).
template <typename F>
NelderMeadResult nelderMead(
    F&& f, std::array<double, 3> x0, double step, int maxIterations, double tol)
{
    constexpr int n = 3;
    std::array<std::array<double, 3>, n + 1> s;
    std::array<double, n + 1> fs {};
    s[0] = x0;
    for (int i = 0; i < n; ++i) {
        s[i + 1] = x0;
        s[i + 1][i] += step;
    }
    for (int i = 0; i <= n; ++i)
        fs[i] = f(s[i]);
    NelderMeadResult out;
    for (out.iterations = 0; out.iterations < maxIterations; ++out.iterations) {
        std::array<int, n + 1> order {};
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) { return fs[a] < fs[b]; });
        const int best = order[0], worst = order[n], second = order[n - 1];
        if (std::abs(fs[worst] - fs[best]) <= tol * (std::abs(fs[best]) + 1e-12)) {
            out.converged = true;
            break;
        }
        std::array<double, 3> centroid {};
        for (int i = 0; i <= n; ++i)
            if (i != worst)
                for (int d = 0; d < n; ++d)
                    centroid[d] += s[i][d] / n;
        auto along = [&](double t) {
            std::array<double, 3> p {};
            for (int d = 0; d < n; ++d)
                p[d] = centroid[d] + t * (s[worst][d] - centroid[d]);
            return p;
        };
        const auto xr = along(-1.0);
        const double fr = f(xr);
        if (fr < fs[best]) {
            const auto xe = along(-2.0);
            const double fe = f(xe);
            if (fe < fr) {
                s[worst] = xe;
                fs[worst] = fe;
            } else {
                s[worst] = xr;
                fs[worst] = fr;
            }
        } else if (fr < fs[second]) {
            s[worst] = xr;
            fs[worst] = fr;
        } else {
            const bool outside = fr < fs[worst];
            const auto xc = along(outside ? -0.5 : 0.5);
            const double fc = f(xc);
            if (fc < (outside ? fr : fs[worst])) {
                s[worst] = xc;
                fs[worst] = fc;
            } else {
                for (int i = 0; i <= n; ++i) {
                    if (i == best)
                        continue;
                    for (int d = 0; d < n; ++d)
                        s[i][d] = s[best][d] + 0.5 * (s[i][d] - s[best][d]);
                    fs[i] = f(s[i]);
                }
            }
        }
    }
    const int best = int(std::min_element(fs.begin(), fs.end()) - fs.begin());
    out.x = s[best];
    out.f = fs[best];
    return out;
}

} // namespace

Result<std::vector<double>> ewmaVariance(
    std::span<const double> r, double lambda, std::size_t initWindow)
{
    if (r.empty())
        return makeError(ErrorCode::InvalidArgument, "EWMA of an empty series");
    if (!(lambda > 0.0 && lambda < 1.0))
        return makeError(ErrorCode::InvalidArgument, "EWMA lambda must lie in (0, 1)");
    if (initWindow == 0)
        return makeError(ErrorCode::InvalidArgument, "EWMA initialisation window must be >= 1");
    const std::size_t m = std::min(initWindow, r.size());
    double init = 0.0;
    for (std::size_t t = 0; t < m; ++t) {
        if (!std::isfinite(r[t]))
            return makeError(ErrorCode::InvalidArgument, "return series contains a missing value");
        init += r[t] * r[t];
    }
    std::vector<double> v(r.size() + 1);
    v[0] = init / double(m);
    for (std::size_t t = 0; t < r.size(); ++t) {
        if (!std::isfinite(r[t]))
            return makeError(ErrorCode::InvalidArgument, "return series contains a missing value");
        v[t + 1] = lambda * v[t] + (1.0 - lambda) * r[t] * r[t];
    }
    return v;
}

double GarchFit::unconditionalVariance() const
{
    return params.omega / (1.0 - params.alpha - params.beta);
}

double garchLogLikelihood(
    std::span<const double> r, const GarchParams& p, std::vector<double>* variances)
{
    const std::size_t n = r.size();
    if (n == 0)
        return -std::numeric_limits<double>::infinity();
    double h0 = 0.0;
    for (double v : r)
        h0 += (v - p.mu) * (v - p.mu);
    h0 /= double(n);
    if (variances)
        variances->resize(n + 1);
    double h = h0, ll = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const double e = r[t] - p.mu;
        if (variances)
            (*variances)[t] = h;
        ll -= 0.5 * (kLog2Pi + std::log(h) + e * e / h);
        h = p.omega + p.alpha * e * e + p.beta * h;
    }
    if (variances)
        (*variances)[n] = h;
    return ll;
}

Result<GarchFit> fitGarch11(std::span<const double> r, const GarchOptions& options)
{
    if (r.size() < 50)
        return makeError(ErrorCode::InvalidArgument, "GARCH(1,1) needs at least 50 returns");
    double mu = 0.0;
    for (double v : r) {
        if (!std::isfinite(v))
            return makeError(ErrorCode::InvalidArgument, "return series contains a missing value");
        mu += v;
    }
    mu = options.estimateMean ? mu / double(r.size()) : 0.0;
    double variance = 0.0;
    for (double v : r)
        variance += (v - mu) * (v - mu);
    variance /= double(r.size());
    if (!(variance > 0.0))
        return makeError(ErrorCode::InvalidArgument, "GARCH of a constant series is undefined");

    auto objective = [&](const std::array<double, 3>& x) {
        const GarchParams p = fromFree(x, mu);
        const double ll = garchLogLikelihood(r, p);
        return std::isfinite(ll) ? -ll : std::numeric_limits<double>::max();
    };
    // Starts by variance targeting: omega = variance (1 - alpha - beta).
    const std::array<std::array<double, 2>, 3> starts
        = {{{0.05, 0.90}, {0.10, 0.85}, {0.03, 0.95}}};
    NelderMeadResult best;
    best.f = std::numeric_limits<double>::max();
    int totalIterations = 0;
    for (const auto& [a, b] : starts) {
        GarchParams start {variance * (1.0 - a - b), a, b, mu};
        NelderMeadResult res
            = nelderMead(objective, toFree(start), 0.5, options.maxIterations, 1e-12);
        // Restart from the optimum with a fresh simplex: guards against a collapsed simplex.
        res = nelderMead(objective, res.x, 0.1, options.maxIterations, 1e-14);
        totalIterations += res.iterations;
        if (res.f < best.f)
            best = res;
    }
    GarchFit fit;
    fit.params = fromFree(best.x, mu);
    fit.logLikelihood = garchLogLikelihood(r, fit.params, &fit.conditionalVariance);
    fit.iterations = totalIterations;
    fit.converged = best.converged;
    return fit;
}

std::vector<double> garchForecast(const GarchFit& fit, std::size_t steps)
{
    std::vector<double> out(steps);
    if (fit.conditionalVariance.empty())
        return out;
    const double persistence = fit.params.alpha + fit.params.beta;
    const double s2 = fit.unconditionalVariance();
    const double next = fit.conditionalVariance.back();
    double factor = 1.0;
    for (std::size_t k = 0; k < steps; ++k) {
        out[k] = s2 + factor * (next - s2);
        factor *= persistence;
    }
    return out;
}

} // namespace marketlens::core::risk
