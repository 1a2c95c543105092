#include "baselines.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::core::forecast {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

std::vector<double> logReturns(const double* p, std::size_t n)
{
    std::vector<double> r;
    r.reserve(n > 0 ? n - 1 : 0);
    for (std::size_t i = 1; i < n; ++i)
        r.push_back(std::log(p[i] / p[i - 1]));
    return r;
}

double mean(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s / double(v.size());
}

double sampleStd(const std::vector<double>& v)
{
    const double m = mean(v);
    double ss = 0.0;
    for (double x : v)
        ss += (x - m) * (x - m);
    return std::sqrt(ss / double(v.size() - 1));
}

} // namespace

Result<std::vector<double>> leastSquares(
    std::vector<double> a, std::size_t rows, std::size_t cols, std::vector<double> b)
{
    if (cols == 0 || rows < cols || a.size() != rows * cols || b.size() != rows)
        return invalid("least squares needs at least as many rows as unknowns ("
            + std::to_string(rows) + " rows, " + std::to_string(cols) + " unknowns)");
    // Householder QR, column by column: a becomes R above the diagonal, b becomes Q^T b.
    auto at = [&](std::size_t r, std::size_t c) -> double& { return a[r * cols + c]; };
    std::vector<double> diag(cols);
    double largest = 0.0;
    for (std::size_t k = 0; k < cols; ++k) {
        double norm = 0.0;
        for (std::size_t r = k; r < rows; ++r)
            norm = std::hypot(norm, at(r, k));
        // Reflect column k onto -sign(a_kk) * norm * e_k (the sign avoids cancellation).
        const double alpha = at(k, k) > 0.0 ? -norm : norm;
        diag[k] = alpha;
        largest = std::max(largest, std::abs(alpha));
        if (norm == 0.0)
            continue;
        at(k, k) -= alpha; // v = x - alpha e_k is stored in column k, rows k..
        double vv = 0.0;
        for (std::size_t r = k; r < rows; ++r)
            vv += at(r, k) * at(r, k);
        for (std::size_t c = k + 1; c < cols; ++c) {
            double dot = 0.0;
            for (std::size_t r = k; r < rows; ++r)
                dot += at(r, k) * at(r, c);
            const double f = 2.0 * dot / vv;
            for (std::size_t r = k; r < rows; ++r)
                at(r, c) -= f * at(r, k);
        }
        double dot = 0.0;
        for (std::size_t r = k; r < rows; ++r)
            dot += at(r, k) * b[r];
        const double f = 2.0 * dot / vv;
        for (std::size_t r = k; r < rows; ++r)
            b[r] -= f * at(r, k);
    }
    // A diagonal of R that is tiny against the largest means dependent columns (for an AR fit:
    // a constant or perfectly periodic return series).
    for (std::size_t k = 0; k < cols; ++k)
        if (!(std::abs(diag[k]) > 1e-10 * largest))
            return invalid("least squares system is singular: column " + std::to_string(k + 1)
                + " depends on the others (constant or repeating data?)");
    std::vector<double> x(cols);
    for (std::size_t k = cols; k-- > 0;) {
        double s = b[k];
        for (std::size_t c = k + 1; c < cols; ++c)
            s -= at(k, c) * x[c];
        x[k] = s / diag[k];
    }
    return x;
}

const std::vector<BaselineKind>& allBaselines()
{
    static const std::vector<BaselineKind> kinds {BaselineKind::Naive, BaselineKind::Drift,
        BaselineKind::SeasonalNaive, BaselineKind::MovingAverage, BaselineKind::LinearAR};
    return kinds;
}

std::string baselineName(BaselineKind kind)
{
    switch (kind) {
    case BaselineKind::Naive:
        return "naive";
    case BaselineKind::Drift:
        return "drift";
    case BaselineKind::SeasonalNaive:
        return "seasonal_naive";
    case BaselineKind::MovingAverage:
        return "moving_average";
    case BaselineKind::LinearAR:
        return "linear_ar";
    }
    return "unknown";
}

Result<FittedBaseline> fitBaseline(
    BaselineKind kind, const std::vector<double>& trainPrices, const BaselineParams& params)
{
    const std::string name = baselineName(kind);
    for (std::size_t i = 0; i < trainPrices.size(); ++i)
        if (!(trainPrices[i] > 0.0) || !std::isfinite(trainPrices[i]))
            return makeError(ErrorCode::BadData,
                name + ": training price " + std::to_string(i + 1) + " ("
                    + std::to_string(trainPrices[i]) + ") is not a positive number");
    if (params.season < 1 || params.maWindow < 1 || params.arOrder < 1)
        return invalid(name + ": season, moving-average window and AR order must be at least 1");
    std::size_t need = 3; // two returns for the interval's standard deviation
    const auto p = std::size_t(params.arOrder);
    if (kind == BaselineKind::SeasonalNaive)
        need = std::max(need, std::size_t(params.season) + 1);
    if (kind == BaselineKind::MovingAverage)
        need = std::max(need, std::size_t(params.maWindow));
    if (kind == BaselineKind::LinearAR)
        need = 2 * p + 4; // more than 2p + 2 returns
    if (trainPrices.size() < need)
        return invalid(name + ": " + std::to_string(trainPrices.size())
            + " training prices, needs at least " + std::to_string(need));

    FittedBaseline f;
    f.kind = kind;
    f.params = params;
    const std::vector<double> r = logReturns(trainPrices.data(), trainPrices.size());
    f.drift = kind == BaselineKind::Drift ? mean(r) : 0.0;
    f.sigma = sampleStd(r);
    if (kind != BaselineKind::LinearAR)
        return f;

    // r[t] = c + a_1 r[t-1] + ... + a_p r[t-p] for t = p .. R-1.
    const std::size_t rows = r.size() - p, cols = p + 1;
    std::vector<double> a(rows * cols), b(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t t = i + p;
        a[i * cols] = 1.0;
        for (std::size_t k = 1; k <= p; ++k)
            a[i * cols + k] = r[t - k];
        b[i] = r[t];
    }
    auto coef = leastSquares(a, rows, cols, b);
    if (!coef)
        return invalid(name + ": " + coef.error().message);
    f.arCoef = *coef;
    double ss = 0.0;
    for (std::size_t i = 0; i < rows; ++i) {
        double fit = 0.0;
        for (std::size_t c = 0; c < cols; ++c)
            fit += a[i * cols + c] * f.arCoef[c];
        ss += (b[i] - fit) * (b[i] - fit);
    }
    f.sigma = std::sqrt(ss / double(rows - cols));
    return f;
}

PathForecast forecastBaseline(
    const FittedBaseline& fitted, const double* history, std::size_t n, int horizon)
{
    PathForecast out;
    const std::size_t hCount = horizon > 0 ? std::size_t(horizon) : 0;
    out.point.assign(hCount, kNaN);
    if (n == 0 || history == nullptr)
        return out;
    const double origin = history[n - 1];
    const auto m = std::size_t(std::max(1, fitted.params.season));
    const std::size_t p = fitted.arCoef.empty() ? 0 : fitted.arCoef.size() - 1;

    std::vector<double> arPath; // cumulative predicted log return per horizon (LinearAR)
    if (fitted.kind == BaselineKind::LinearAR && p > 0 && n >= p + 1) {
        std::vector<double> r = logReturns(history + (n - p - 1), p + 1); // the last p returns
        double cum = 0.0;
        for (std::size_t s = 0; s < hCount; ++s) {
            double next = fitted.arCoef[0];
            for (std::size_t k = 1; k <= p; ++k)
                next += fitted.arCoef[k] * r[r.size() - k];
            r.push_back(next);
            cum += next;
            arPath.push_back(cum);
        }
    }
    double ma = kNaN;
    if (fitted.kind == BaselineKind::MovingAverage) {
        const std::size_t w = std::min(n, std::size_t(std::max(1, fitted.params.maWindow)));
        ma = 0.0;
        for (std::size_t i = n - w; i < n; ++i)
            ma += history[i];
        ma /= double(w);
    }

    for (std::size_t i = 0; i < hCount; ++i) {
        const std::size_t h = i + 1;
        double point = kNaN;
        switch (fitted.kind) {
        case BaselineKind::Naive:
            point = origin;
            break;
        case BaselineKind::Drift:
            point = origin * std::exp(double(h) * fitted.drift);
            break;
        case BaselineKind::SeasonalNaive: {
            const std::size_t back = m * ((h + m - 1) / m) - h; // m*ceil(h/m) - h, in [0, m)
            if (back < n)
                point = history[n - 1 - back];
            break;
        }
        case BaselineKind::MovingAverage:
            point = ma;
            break;
        case BaselineKind::LinearAR:
            if (!arPath.empty())
                point = origin * std::exp(arPath[i]);
            break;
        }
        out.point[i] = point;
    }

    constexpr double z80 = 1.2815515655446004, z95 = 1.9599639845400540;
    for (std::size_t i = 0; i < hCount; ++i) {
        const double s = fitted.sigma * std::sqrt(double(i + 1));
        out.lo80.push_back(out.point[i] * std::exp(-z80 * s));
        out.hi80.push_back(out.point[i] * std::exp(z80 * s));
        out.lo95.push_back(out.point[i] * std::exp(-z95 * s));
        out.hi95.push_back(out.point[i] * std::exp(z95 * s));
    }
    return out;
}

} // namespace marketlens::core::forecast
