#pragma once
// Backtest of a trading signal with costs, next to buy-and-hold (torch-free; docs/signals.md).
//
// Arithmetic (what test_signal_backtest checks by hand)
// - Day t (t = 0..n-1) has a signal s[t] decided at the close of t and r[t] = the simple return
//   from the close of t to the close of t+1 (SignalDataset::nextReturns). Position p[t]:
//     long/flat:  p = 1 for an "up" signal, else 0;
//     long/short: p = 1 for up, -1 for down, 0 for flat (3 classes).
//   The position before the first day is 0 (flat, in cash).
// - Cost rate c = (costBps + slippageBps) / 10000, charged on the traded amount |p[t] - p[t-1]|
//   at the close of t. Day return: g[t] = p[t] * r[t] - c * |p[t] - p[t-1]|.
//   Equity: E[-1] = 1, E[t] = E[t-1] * (1 + g[t]). No final exit trade is charged.
// - Buy-and-hold: p = 1 every day (so it pays c once, on day 0).
// - Annualised return: E[n-1]^(days / n) - 1. Volatility: sample std (n-1) of g * sqrt(days).
//   Sharpe: mean(g) / std(g) * sqrt(days) (risk-free 0; NaN when std is 0). With one day, both
//   are NaN; a negative E[n-1] (long/short) gives a NaN annual return.
//   Maximum drawdown: max over t of 1 - E[t] / max(1, max E[<=t]) (a positive fraction).
//   Turnover: sum |p[t] - p[t-1]| / n * days (one-way, per year). Trades: days with a change.
//   Hit rate: among days with p[t] != 0, the share with p[t] * r[t] > 0 (NaN when none).
//   Exposure: share of days with p[t] != 0.
// `days` = RiskConventions' annualisation (252 by default).

#include "core/date.h"
#include "core/result.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace marketlens::core::signals {

enum class PositionMode { LongFlat, LongShort };

struct BacktestSettings {
    PositionMode mode = PositionMode::LongFlat;
    double costBps = 5.0;     // commission per unit traded, basis points
    double slippageBps = 2.0; // slippage per unit traded, basis points
    int annualisationDays = 252;
};

struct StrategyStats {
    std::string name; // "signal", "buy and hold"
    std::vector<double> equity; // E[t], t = 0..n-1
    std::vector<double> dailyReturns; // g[t]
    std::vector<double> positions; // p[t]
    double totalReturn = std::numeric_limits<double>::quiet_NaN(); // E[n-1] - 1
    double annualReturn = std::numeric_limits<double>::quiet_NaN();
    double annualVolatility = std::numeric_limits<double>::quiet_NaN();
    double sharpe = std::numeric_limits<double>::quiet_NaN();
    double maxDrawdown = std::numeric_limits<double>::quiet_NaN();
    double turnover = std::numeric_limits<double>::quiet_NaN();
    double hitRate = std::numeric_limits<double>::quiet_NaN();
    double exposure = std::numeric_limits<double>::quiet_NaN();
    long trades = 0;
    double costsPaid = 0; // sum over t of c * |p[t] - p[t-1]| (in return units, not compounded)
};

struct SignalBacktest {
    std::vector<Date> dates;
    StrategyStats strategy, buyAndHold;
    bool beatsBuyAndHold = false; // higher Sharpe and higher total return than buy-and-hold
    std::string verdict;          // plain sentence
};

// `signals`: predicted class per day (0..classes-1, the up class is classes-1). Rows whose
// next return is not finite (the last row of a series) are an error: pass only days whose
// outcome is known. Errors: empty or mismatched inputs (dates included), classes not 2 or 3, a
// signal outside 0..classes-1, negative or non-finite costs, annualisationDays < 1.
Result<SignalBacktest> backtestSignal(const std::vector<Date>& dates,
    const std::vector<int>& signals, const std::vector<double>& nextReturns, int classes,
    const BacktestSettings& settings = {});

// Positions for signals under a mode (the rule above).
std::vector<double> positionsFor(const std::vector<int>& signals, int classes, PositionMode mode);

} // namespace marketlens::core::signals
