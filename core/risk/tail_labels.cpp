#include "tail_labels.h"

#include "risk_measures.h"

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
} // namespace

Result<TailSeries> tailSeries(const PriceSeries& series, const TailLabelOptions& options)
{
    if (options.horizonDays < 1)
        return invalid("the tail-risk horizon must be at least one day");
    if (!(options.varLevel > 0.0 && options.varLevel < 1.0))
        return invalid("the VaR level must be inside (0, 1)");
    if (options.varWindow < 2 || options.volWindow < 2)
        return invalid("the VaR and volatility windows need at least two returns");

    TailSeries out;
    out.ticker = series.ticker;
    double previous = kNaN;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const double price = series.valueAt(i);
        if (isMissing(price))
            continue;
        if (!(price > 0.0) || !std::isfinite(price))
            return makeError(ErrorCode::BadData,
                series.ticker + ": non-positive price on " + series.dates[i].toIso());
        if (!std::isnan(previous)) {
            out.dates.push_back(series.dates[i]);
            out.returns.push_back(std::log(price / previous));
        }
        previous = price;
    }
    const std::size_t n = out.returns.size();
    const auto horizon = std::size_t(options.horizonDays);
    if (n < options.varWindow + horizon)
        return invalid(series.ticker + ": " + std::to_string(n)
            + " returns, the tail-risk label "
              "needs at least "
            + std::to_string(options.varWindow + horizon));

    out.volatility.assign(n, kNaN);
    out.var.assign(n, kNaN);
    out.labels.assign(n, -1);
    const RiskConventions lossPositive {.lossAsPositive = true};
    for (std::size_t t = 0; t < n; ++t) {
        if (t + 1 >= options.volWindow) {
            const Series w(out.returns.data() + t + 1 - options.volWindow, options.volWindow);
            if (auto sd = sampleStdDev(w))
                out.volatility[t] = *sd;
        }
        if (t + 1 >= options.varWindow) {
            // The risk engine's one-day historical VaR of the window ending at t (inclusive).
            const Series w(out.returns.data() + t + 1 - options.varWindow, options.varWindow);
            auto v = valueAtRisk(w, options.varLevel, VarMethod::Historical, lossPositive);
            if (!v)
                return v.error();
            out.var[t] = *v;
            if (t + horizon < n) {
                int label = 0;
                for (std::size_t h = 1; h <= horizon; ++h) {
                    if (out.returns[t + h] < -out.var[t])
                        label = 1;
                }
                out.labels[t] = label;
            }
        }
    }
    return out;
}

Result<TailScaler> fitTailScaler(const TailSeries& series, std::size_t rowEnd)
{
    const std::size_t end = std::min(rowEnd, series.size());
    double sum[kTailFeatures] = {0, 0};
    double sumSq[kTailFeatures] = {0, 0};
    std::size_t count = 0;
    for (std::size_t t = 0; t < end; ++t) {
        if (std::isnan(series.volatility[t]))
            continue;
        const double x[kTailFeatures] = {series.returns[t], series.volatility[t]};
        for (int k = 0; k < kTailFeatures; ++k) {
            sum[k] += x[k];
            sumSq[k] += x[k] * x[k];
        }
        ++count;
    }
    if (count == 0)
        return invalid(series.ticker + ": no training row to scale the tail-risk inputs on");
    TailScaler s;
    for (int k = 0; k < kTailFeatures; ++k) {
        const double mean = sum[k] / double(count);
        const double var = std::max(0.0, sumSq[k] / double(count) - mean * mean);
        s.mean[k] = mean;
        s.std[k] = var > 1e-24 ? std::sqrt(var) : 1.0;
    }
    return s;
}

std::size_t firstWindowRow(const TailSeries& series, int window)
{
    std::size_t firstVol = 0;
    while (firstVol < series.size() && std::isnan(series.volatility[firstVol]))
        ++firstVol;
    return firstVol + std::size_t(std::max(window, 1)) - 1;
}

bool appendTailWindow(const TailSeries& series, const TailScaler& scaler, int window, std::size_t t,
    std::vector<float>& out)
{
    if (window < 1 || t >= series.size() || t < firstWindowRow(series, window))
        return false;
    for (std::size_t s = t + 1 - std::size_t(window); s <= t; ++s) {
        out.push_back(float((series.returns[s] - scaler.mean[0]) / scaler.std[0]));
        out.push_back(float((series.volatility[s] - scaler.mean[1]) / scaler.std[1]));
    }
    return true;
}

double brierScore(std::span<const double> p, std::span<const int> y)
{
    if (p.empty() || p.size() != y.size())
        return kNaN;
    double sum = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double d = p[i] - double(y[i]);
        sum += d * d;
    }
    return sum / double(p.size());
}

std::vector<ReliabilityBin> reliabilityBins(
    std::span<const double> p, std::span<const int> y, int bins)
{
    bins = std::max(bins, 1);
    std::vector<ReliabilityBin> out(static_cast<std::size_t>(bins));
    std::vector<double> positives(out.size(), 0.0);
    for (int b = 0; b < bins; ++b) {
        out[std::size_t(b)].lower = double(b) / bins;
        out[std::size_t(b)].upper = double(b + 1) / bins;
    }
    const std::size_t n = std::min(p.size(), y.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto b = std::size_t(std::clamp(int(std::floor(p[i] * bins)), 0, bins - 1));
        ++out[b].count;
        out[b].meanPredicted += p[i];
        positives[b] += double(y[i]);
    }
    for (std::size_t b = 0; b < out.size(); ++b) {
        if (out[b].count == 0)
            continue;
        out[b].meanPredicted /= double(out[b].count);
        out[b].observedRate = positives[b] / double(out[b].count);
    }
    return out;
}

double rocAuc(std::span<const double> p, std::span<const int> y)
{
    const std::size_t n = p.size();
    if (n == 0 || n != y.size())
        return kNaN;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t {0});
    std::sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    // Mann-Whitney U from the rank sum of the positives, tied predictions sharing their mid-rank.
    double rankSumPositive = 0.0;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && p[order[j]] == p[order[i]])
            ++j;
        const double midRank = (double(i + 1) + double(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            if (y[order[k]] == 1) {
                rankSumPositive += midRank;
                ++positives;
            }
        }
        i = j;
    }
    const std::size_t negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return kNaN;
    const double np = double(positives);
    return (rankSumPositive - np * (np + 1.0) / 2.0) / (np * double(negatives));
}

double topDecileLift(std::span<const double> p, std::span<const int> y)
{
    const std::size_t n = p.size();
    if (n == 0 || n != y.size())
        return kNaN;
    const double overall = double(std::accumulate(y.begin(), y.end(), 0L)) / double(n);
    if (overall <= 0.0)
        return kNaN;
    const std::size_t k = (n + 9) / 10;
    std::vector<double> sorted(p.begin(), p.end());
    std::nth_element(
        sorted.begin(), sorted.begin() + std::ptrdiff_t(k - 1), sorted.end(), std::greater<>());
    const double threshold = sorted[k - 1];
    std::size_t above = 0, tied = 0;
    double positivesAbove = 0.0, positivesTied = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] > threshold) {
            ++above;
            positivesAbove += y[i];
        } else if (p[i] == threshold) {
            ++tied;
            positivesTied += y[i];
        }
    }
    // The places left in the decile are filled from the tied group at its own positive rate.
    const double expected = positivesAbove + double(k - above) * positivesTied / double(tied);
    return expected / double(k) / overall;
}

Result<TailCalibration> calibrate(
    std::span<const double> p, std::span<const int> y, double baseRate, int bins)
{
    if (p.empty() || p.size() != y.size())
        return invalid("calibration needs as many predictions as outcomes (and at least one)");
    if (!(baseRate > 0.0 && baseRate < 1.0))
        return invalid("the base rate must be inside (0, 1)");
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!(p[i] >= 0.0 && p[i] <= 1.0))
            return invalid("a predicted probability is outside [0, 1]");
        if (y[i] != 0 && y[i] != 1)
            return invalid("an outcome is not 0 or 1");
    }
    TailCalibration c;
    c.testCount = p.size();
    c.baseRate = baseRate;
    c.testRate = double(std::accumulate(y.begin(), y.end(), 0L)) / double(p.size());
    c.brier = brierScore(p, y);
    // Always predicting b: mean (b - y)^2 = b^2 (1 - rate) + (1 - b)^2 rate.
    c.brierBaseRate = baseRate * baseRate * (1.0 - c.testRate)
        + (1.0 - baseRate) * (1.0 - baseRate) * c.testRate;
    c.brierSkill = 1.0 - c.brier / c.brierBaseRate;
    c.lift = topDecileLift(p, y);
    c.auc = rocAuc(p, y);
    c.reliability = reliabilityBins(p, y, bins);
    return c;
}

} // namespace marketlens::core::risk
