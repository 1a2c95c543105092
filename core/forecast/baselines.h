#pragma once
// Naive forecasting baselines (torch-free). Every model's forecast is shown and scored beside
// these, computed on the same origins. All forecasts are of the price level P[t+h], h = 1..H,
// from an origin t, using only prices up to and including t (fitted parameters come from the
// training prices given to fitBaseline).
//   Naive          P[t]
//   Drift          P[t] * exp(h * mu), mu = mean daily log return of the training prices
//   SeasonalNaive  P[t + h - m*k], k = ceil(h / m), m = season (5 trading days = one week)
//   MovingAverage  mean of the last `maWindow` prices up to t
//   LinearAR       AR(p) on daily log returns with intercept, fitted by least squares on the
//                  training prices, iterated h steps; P[t] * exp(sum of predicted returns)
// Intervals: Gaussian on the log scale with the baseline's one-day residual sigma (training
// returns' std for Naive/Drift/SeasonalNaive/MovingAverage, the AR residual std for LinearAR)
// growing as sqrt(h): P_hat * exp(+-z * sigma * sqrt(h)), z = 1.2816 (80 %) and 1.9600 (95 %).
// Exactly: z = 1.2815515655446004 and 1.9599639845400540 (normal quantiles 0.90 and 0.975);
// the training returns' std is the sample std (n - 1); the AR residual std is
// sqrt(SSR / (m - p - 1)) over the m = R - p regression rows of R training returns.
// MovingAverage uses all of a history shorter than maWindow. A forecast that the history cannot
// support (SeasonalNaive with fewer than m*ceil(h/m) - h + 1 prices, LinearAR with fewer than
// p + 1, an empty history) is NaN, bands included.

#include "core/result.h"

#include <cstddef>
#include <string>
#include <vector>

namespace marketlens::core::forecast {

enum class BaselineKind { Naive, Drift, SeasonalNaive, MovingAverage, LinearAR };
const std::vector<BaselineKind>& allBaselines();
// "naive", "drift", "seasonal_naive", "moving_average", "linear_ar"
std::string baselineName(BaselineKind kind);

struct BaselineParams {
    int season = 5;
    int maWindow = 20;
    int arOrder = 5;
};

struct FittedBaseline {
    BaselineKind kind = BaselineKind::Naive;
    BaselineParams params;
    double drift = 0.0; // mean daily log return (Drift)
    std::vector<double> arCoef; // intercept, then lags 1..p (LinearAR)
    double sigma = 0.0; // one-day log-scale residual std used for intervals
};

// Per-horizon price forecasts from one origin (vectors of length H).
struct PathForecast {
    std::vector<double> point, lo80, hi80, lo95, hi95;
};

// Fits on `trainPrices` (positive prices in date order). Errors: too few prices for the kind
// (LinearAR needs more than 2p+2 returns), a non-positive price.
Result<FittedBaseline> fitBaseline(
    BaselineKind kind, const std::vector<double>& trainPrices, const BaselineParams& params = {});

// Forecasts h = 1..horizon from the origin `history[n-1]`, using history[0..n-1] only.
PathForecast forecastBaseline(
    const FittedBaseline& fitted, const double* history, std::size_t n, int horizon);

// Least squares min |A x - b| by Householder QR (A row-major, rows >= cols), as used by the
// LinearAR fit. Error (InvalidArgument) for a singular or rank-deficient A or bad sizes.
Result<std::vector<double>> leastSquares(
    std::vector<double> a, std::size_t rows, std::size_t cols, std::vector<double> b);

} // namespace marketlens::core::forecast
