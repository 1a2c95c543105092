#pragma once
// Data preparation for forecasting and learned risk models (torch-free, used by models/ and the
// CLI): features computed from a price series, sliding windows of past features -> future
// targets, chronological train/validation/test splits, and scaling fitted on the training part
// only (no look-ahead: nothing after the end of the training part influences the scaler).
//
// Conventions
// - Row t of a feature matrix uses prices up to and including date t only.
// - Window ending at t: feature rows t-W+1..t (W = window). Its targets are the cumulative log
//   returns log(P[t+h] / P[t]) for h = 1..H, P = PriceSeries::valueAt (adjusted close).
// - Splits are by the window's end date t: train < validation < test, in time order, and a window
//   whose targets reach into the next part is dropped (a gap of H rows), so no target of the
//   training part overlaps a validation/test date.

#include "core/date.h"
#include "core/news/news_store.h"
#include "core/result.h"
#include "core/types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace marketlens::core::forecast {

// Known feature names, in the order the UI offers them:
//   "logret"   log return of the day (0 for the first row)
//   "vol20"    rolling standard deviation of the last 20 log returns (sample, per day)
//   "volume"   log(1 + volume); rows without volume are 0 (and the feature is dropped by
//              defaultFeatures when the series has no volume at all)
//   "dow"      day of week scaled to [0, 1] (Monday 0 .. Friday 1)
//   "sentiment" the ticker's decayed daily news sentiment index (core/news/sentiment_index.h) as
//              of the day before the row's date (news::sentimentOnDates of date - 1: news of the
//              row's own day is not used, so no item after the close leaks in; 0 before the first
//              news); needs the index passed to computeFeatures
std::vector<std::string> knownFeatures();
// The default list for a series: logret, vol20, volume (when present), dow.
std::vector<std::string> defaultFeatures(const PriceSeries& series);

// A dense row-major matrix (rows = dates) of features.
struct FeatureMatrix {
    std::vector<std::string> names; // columns
    std::vector<Date> dates; // rows (dates of the series with a usable price)
    std::vector<double> prices; // P[t] per row (adjusted close)
    std::vector<double> values; // rows * names.size(), row-major
    std::string ticker; // PriceSeries::ticker (part of dataHash)
    std::size_t rows() const { return dates.size(); }
    std::size_t cols() const { return names.size(); }
    double at(std::size_t row, std::size_t col) const { return values[row * names.size() + col]; }
};

// Computes the named features over the rows of `series` that have a price (rows without one are
// skipped). The first rows, where a rolling feature is not defined yet (vol20 needs 20 returns),
// are dropped, so every value is finite. Errors: unknown or repeated feature, an empty list,
// a non-positive or infinite price, fewer than 2 rows left, "sentiment" without `sentiment`.
// `sentiment`: the ticker's daily sentiment index, read only by the "sentiment" feature.
Result<FeatureMatrix> computeFeatures(const PriceSeries& series,
    const std::vector<std::string>& features,
    const std::vector<news::DailySentiment>* sentiment = nullptr);

// Per-column affine scaling x' = (x - mean) / std, fitted on some rows only: the mean and the
// sample standard deviation (n - 1) of each column; fewer than 2 rows give mean 0, std 1.
struct Scaler {
    std::vector<double> mean;
    std::vector<double> std; // a constant column gets std 1
    // Fits on rows [0, rowEnd) of a row-major matrix with `cols` columns.
    static Scaler fit(const std::vector<double>& values, std::size_t cols, std::size_t rowEnd);
    double apply(std::size_t col, double x) const { return (x - mean[col]) / std[col]; }
    double invert(std::size_t col, double z) const { return z * std[col] + mean[col]; }
};

struct SplitFractions {
    double train = 0.70;
    double validation = 0.15; // the rest is the test part
};

// Windows over a feature matrix. x is [n, window, features] (scaled), y is [n, horizon] (scaled
// cumulative log returns, one scaler column per horizon), both row-major float.
struct WindowSet {
    std::vector<float> x;
    std::vector<float> y;
    std::vector<std::size_t> endRow; // the feature-matrix row t each window ends at
    std::size_t count() const { return endRow.size(); }
};

struct PreparedData {
    int window = 0;
    int horizon = 0;
    std::vector<std::string> features;
    Scaler featureScaler; // fitted on rows of the training part only
    Scaler targetScaler; // per horizon, fitted on training targets only
    WindowSet train, validation, test;
    // The feature-matrix row index where each part starts (train starts at window-1).
    std::size_t validationStartRow = 0;
    std::size_t testStartRow = 0;
};

// Builds windows and chronological splits, fitting both scalers on the training part only.
// `fractions` are of the usable window end rows. Errors: window/horizon < 1, too few rows for
// at least one window in every part.
// Exactly (N rows, W window, H horizon): the candidate end rows are t = W-1 .. N-1-H, U of them;
// nTrain = floor(U * train), nVal = floor(U * validation); validationStartRow = W-1 + nTrain,
// testStartRow = validationStartRow + nVal. Training windows end at t in [W-1, vs-H),
// validation windows in [vs, ts-H), test windows in [ts, N-H), so every target of a part uses
// prices of that part's rows only (t+H < next part's start). The feature scaler is fitted on
// feature rows [0, vs), the target scaler on the training windows' targets.
Result<PreparedData> prepareWindows(
    const FeatureMatrix& features, int window, int horizon, const SplitFractions& fractions = {});

// The scaled input window ending at row `endRow` with already-fitted scalers (for forecasting
// from the last date, or from any date in a backtest): [window * features] floats. Empty when
// window < 1, endRow + 1 < window, endRow >= rows or the scaler has the wrong width.
std::vector<float> windowAt(
    const FeatureMatrix& features, const Scaler& featureScaler, int window, std::size_t endRow);

// Hash of the data a model was trained on (ticker, dates and prices of the rows used), hex,
// so that a stored model can tell whether the data has changed since. SHA-256 (lowercase hex)
// of: the ticker's UTF-8 bytes, one 0 byte, then per row r < min(rowEnd, rows) the date as a
// little-endian int32 (days since 1970-01-01) and the price as a little-endian IEEE-754 double.
std::string dataHash(const FeatureMatrix& features, std::size_t rowEnd);

} // namespace marketlens::core::forecast
