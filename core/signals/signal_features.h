#pragma once
// Features and labels for trading-signal classifiers (torch-free; docs/signals.md).
//
// Conventions (every definition below is what the tests check by hand)
// - P[t] = PriceSeries::valueAt(t) (adjusted close where present); rows without a finite positive
//   price are skipped. r[t] = log(P[t] / P[t-1]).
// - Row t of the feature matrix uses information available at the close of date t only: prices
//   and volumes of dates <= t, the market's returns of dates <= t, and the sentiment index of the
//   day before t (news of the day itself may have been published after the close). Appending
//   any data after date t never changes row t (test_signal_features proves it by truncation).
// - The first rows, where a feature is not defined yet, are dropped (warm-up); every value kept is
//   finite.
//
// Feature names, in column order (those not requested or not available are left out):
//   "ret1" "ret2" "ret5" "ret10" "ret20"  lagged log returns log(P[t] / P[t-k])
//   "vol20"      sample standard deviation (n-1) of r[t-19..t]
//   "rsi14"      Wilder's RSI(14) in [0, 100] on the changes P[t] - P[t-1]: the first average
//                gain/loss is the simple mean of the first 14 changes, then
//                avg = (avg * 13 + x) / 14; 100 when avg loss is 0
//   "macd"       (EMA12(P) - EMA26(P)) / P[t]; EMAs seeded with P of the first row,
//                alpha = 2 / (n + 1)
//   "macd_hist"  ((EMA12 - EMA26) - EMA9(EMA12 - EMA26)) / P[t]
//   "bb_pctb"    Bollinger %B: (P[t] - (m - 2s)) / (4s), m and s the mean and population standard
//                deviation of P[t-19..t]; 0.5 when s is 0
//   "volume_z"   (V[t] - mean(V[t-19..t])) / sample std of V[t-19..t]; 0 when that std is 0;
//                left out when the series has no volume (rows with a missing volume count as 0)
//   "ma20_dist" "ma50_dist"  P[t] / SMA_n(P)[t] - 1
//   "mkt_ret1" "mkt_ret5"    the market's log return over the last 1 / 5 market days up to and
//                including date t (0 where the market has no data yet, fewer than 5 days summed at
//                its start); left out without a market (a market without dates counts as none)
//   "sentiment"  news::sentimentOnDates of date t - 1 (decayed index); left out without an index
//                (an empty index counts as none)
// Warm-up: a row is kept when all its (requested) features are defined; with t the 0-based index
// of the priced rows: t >= 49 for all (ma50_dist needs 50 prices, ret20 21, vol20 21, bb_pctb,
// volume_z and ma20_dist 20, rsi14 15; macd and mkt_* and sentiment are defined from row 0).

#include "core/date.h"
#include "core/news/news_store.h"
#include "core/result.h"
#include "core/types.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace marketlens::core::signals {

// All feature names in column order.
std::vector<std::string> allSignalFeatures();

// A market (portfolio or benchmark) return series: one log return per date, ascending dates.
struct MarketReturns {
    std::string name; // "SPY", "equal-weighted project", ...
    std::vector<Date> dates;
    std::vector<double> logReturns;
};
// The market as one instrument's log returns (rows without a price skipped; dates from the
// second priced row on).
MarketReturns marketFromSeries(const PriceSeries& series);
// The equal-weighted mean of the daily log returns of `series` (each instrument's return counted
// on the dates it has a price on both that day and its previous priced day), skipping the one
// whose ticker is `exclude`. Named "equal-weighted". Empty when nothing is left.
MarketReturns equalWeightedMarket(const std::vector<PriceSeries>& series,
    const std::string& exclude);

// What to predict. Label of row t, with R = log(P[t+h] / P[t]), h = horizon:
//   2 classes: 1 (up) when R > 0, else 0 (down or flat)
//   3 classes: 2 (up) when R > threshold, 0 (down) when R < -threshold, else 1 (flat)
// The last h rows have no label (-1): they are the "live" rows a signal is given for today.
struct LabelSpec {
    int horizon = 1;
    int classes = 2;        // 2 or 3
    double threshold = 0.0; // log-return band of the flat class (3 classes), e.g. 0.005
};

struct FeatureOptions {
    std::vector<std::string> features; // empty: all available; columns keep the order above
};

// The rows of one ticker, ready for a classifier.
struct SignalDataset {
    std::string ticker;
    std::string market;                 // MarketReturns::name, "" without a market
    std::vector<std::string> names;     // feature columns
    std::vector<Date> dates;            // rows (after warm-up)
    std::vector<double> prices;         // P[t]
    std::vector<double> values;         // rows * cols, row-major, raw (unscaled)
    std::vector<int> labels;            // per row, -1 when unknown (last `horizon` rows)
    std::vector<double> nextReturns;    // simple return P[t+1] / P[t] - 1; NaN on the last row
    LabelSpec label;

    std::size_t rows() const { return dates.size(); }
    std::size_t cols() const { return names.size(); }
    double at(std::size_t row, std::size_t col) const { return values[row * names.size() + col]; }
    // Rows [0, labelledRows()) all have a label (the unlabelled ones are the last `horizon`).
    std::size_t labelledRows() const;
};

// Builds the dataset. `market` and `sentiment` may be null (their features are then left out).
// Errors: unknown or repeated feature name, horizon < 1, classes not 2 or 3, a negative (or
// non-finite) threshold, a requested feature that is unavailable (volume_z without volume, mkt_* without a
// market, sentiment without an index), fewer than horizon + 2 rows after warm-up; a market or
// index out of date order, with a non-finite value, or (market) dates/returns of unequal length.
Result<SignalDataset> buildSignalDataset(const PriceSeries& series, const LabelSpec& label,
    const FeatureOptions& options = {}, const MarketReturns* market = nullptr,
    const std::vector<news::DailySentiment>* sentiment = nullptr);

} // namespace marketlens::core::signals
