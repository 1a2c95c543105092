#include "core/signals/signal_backtest.h"

#include "core/risk/drawdown.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace marketlens::core::signals {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Locale-independent fixed-point text for the verdict (printf would follow LC_NUMERIC).
std::string fixed(double v, int decimals)
{
    if (std::isnan(v))
        return "n/a";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return std::string(buf, res.ptr);
}

std::string percent(double v)
{
    return std::isnan(v) ? "n/a" : fixed(100.0 * v, 1) + " %";
}

// The arithmetic of the header for one position path; `c` is the cost rate per unit traded.
StrategyStats evaluate(std::string name, std::vector<double> positions,
    const std::vector<double>& r, double c, int days)
{
    StrategyStats s;
    s.name = std::move(name);
    const std::size_t n = r.size();
    s.positions = std::move(positions);
    s.dailyReturns.resize(n);
    s.equity.resize(n);

    double previous = 0.0, equity = 1.0, traded = 0.0;
    std::size_t held = 0, hits = 0;
    for (std::size_t t = 0; t < n; ++t) {
        const double p = s.positions[t];
        const double change = std::abs(p - previous);
        const double g = p * r[t] - c * change;
        s.dailyReturns[t] = g;
        equity *= 1.0 + g;
        s.equity[t] = equity;
        traded += change;
        s.costsPaid += c * change;
        if (change != 0)
            ++s.trades;
        if (p != 0) {
            ++held;
            if (p * r[t] > 0)
                ++hits;
        }
        previous = p;
    }

    const double dn = double(n);
    s.totalReturn = equity - 1.0;
    // A long/short book that lost more than everything has no compound rate (pow of a negative
    // base would be NaN or, for an integer exponent, a meaningless sign).
    s.annualReturn = equity < 0 ? kNaN : std::pow(equity, double(days) / dn) - 1.0;
    s.turnover = traded / dn * double(days);
    s.exposure = double(held) / dn;
    s.hitRate = held > 0 ? double(hits) / double(held) : kNaN;

    if (n >= 2) {
        double mean = 0;
        for (double g : s.dailyReturns)
            mean += g;
        mean /= dn;
        double ss = 0;
        for (double g : s.dailyReturns)
            ss += (g - mean) * (g - mean);
        // Identical returns have no spread; the mean of equal values can be off by an ulp, which
        // would otherwise give a tiny std and an absurd Sharpe.
        const auto [lo, hi] = std::minmax_element(s.dailyReturns.begin(), s.dailyReturns.end());
        const double sd = *lo == *hi ? 0.0 : std::sqrt(ss / (dn - 1.0));
        s.annualVolatility = sd * std::sqrt(double(days));
        s.sharpe = sd > 0 ? mean / sd * std::sqrt(double(days)) : kNaN;
    }

    // risk::analyseDrawdowns compounds the same wealth (prod(1 + g) from 1) against a running
    // peak that starts at 1, which is this header's max(1, max E[<=t]) definition exactly.
    const auto dd = risk::analyseDrawdowns(s.dailyReturns, true);
    s.maxDrawdown = dd ? dd->maxDrawdown : kNaN;
    return s;
}

std::string verdictOf(const SignalBacktest& b)
{
    const StrategyStats& s = b.strategy;
    const StrategyStats& h = b.buyAndHold;
    return std::string("The signal ") + (b.beatsBuyAndHold ? "beats" : "does not beat")
        + " buy-and-hold after costs (total return " + percent(s.totalReturn) + " vs "
        + percent(h.totalReturn) + ", Sharpe " + fixed(s.sharpe, 2) + " vs " + fixed(h.sharpe, 2)
        + ").";
}

} // namespace

std::vector<double> positionsFor(const std::vector<int>& signals, int classes, PositionMode mode)
{
    std::vector<double> p(signals.size(), 0.0);
    for (std::size_t t = 0; t < signals.size(); ++t) {
        if (signals[t] == classes - 1)
            p[t] = 1.0;
        else if (signals[t] == 0 && mode == PositionMode::LongShort)
            p[t] = -1.0;
        // otherwise flat: the middle class of 3, or down under long/flat
    }
    return p;
}

Result<SignalBacktest> backtestSignal(const std::vector<Date>& dates,
    const std::vector<int>& signals, const std::vector<double>& nextReturns, int classes,
    const BacktestSettings& settings)
{
    if (signals.empty())
        return makeError(ErrorCode::InvalidArgument, "no days to backtest");
    if (dates.size() != signals.size() || nextReturns.size() != signals.size())
        return makeError(ErrorCode::InvalidArgument,
            "dates, signals and next returns differ in length (" + std::to_string(dates.size())
                + ", " + std::to_string(signals.size()) + ", " + std::to_string(nextReturns.size())
                + ")");
    if (classes != 2 && classes != 3)
        return makeError(ErrorCode::InvalidArgument,
            "signals have 2 or 3 classes, got " + std::to_string(classes));
    if (!(settings.costBps >= 0) || !(settings.slippageBps >= 0) || std::isinf(settings.costBps)
        || std::isinf(settings.slippageBps))
        return makeError(
            ErrorCode::InvalidArgument, "costs and slippage must be finite and not negative");
    if (settings.annualisationDays < 1)
        return makeError(ErrorCode::InvalidArgument, "the annualisation needs at least one day");
    for (std::size_t t = 0; t < signals.size(); ++t) {
        if (signals[t] < 0 || signals[t] >= classes)
            return makeError(ErrorCode::InvalidArgument,
                "signal " + std::to_string(signals[t]) + " on day " + std::to_string(t)
                    + " is outside 0.." + std::to_string(classes - 1));
        if (!std::isfinite(nextReturns[t]))
            return makeError(ErrorCode::InvalidArgument,
                "the next return of day " + std::to_string(t) + " (" + dates[t].toIso()
                    + ") is not known; pass only days whose outcome is known");
    }

    const double c = (settings.costBps + settings.slippageBps) / 10000.0;
    SignalBacktest b;
    b.dates = dates;
    b.strategy = evaluate("signal", positionsFor(signals, classes, settings.mode), nextReturns, c,
        settings.annualisationDays);
    b.buyAndHold = evaluate("buy and hold", std::vector<double>(signals.size(), 1.0), nextReturns,
        c, settings.annualisationDays);
    b.beatsBuyAndHold = b.strategy.sharpe > b.buyAndHold.sharpe
        && b.strategy.totalReturn > b.buyAndHold.totalReturn;
    b.verdict = verdictOf(b);
    return b;
}

} // namespace marketlens::core::signals
