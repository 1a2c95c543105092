#pragma once
// Forecast accuracy (torch-free), for models and baselines alike, over a set of (origin, horizon)
// forecasts of the price level.
//   MAE, RMSE             on prices
//   MAPE, sMAPE           in percent; sMAPE = 200/n * sum |F-A| / (|A| + |F|)
//   MASE                  MAE / mean |P[t] - P[t-1]| over the training prices (Hyndman 2006)
//   directional accuracy  share of forecasts whose sign of (F - P_origin) equals that of
//                         (A - P_origin); pairs where A == P_origin are skipped
//   coverage80/95         share of actuals inside the interval (NaN when no interval is given)
// A forecast with a non-finite origin, actual or point is not counted at all (a baseline that
// cannot forecast from a short history gives NaN). MAPE and sMAPE skip actuals equal to 0. A
// flat forecast (F == P_origin, e.g. naive) counts as a directional miss. MASE is NaN when the
// scale is not positive (see merge). Interval bounds count towards coverage only when both are
// finite.

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace marketlens::core::forecast {

struct ForecastErrors {
    std::size_t count = 0;
    double mae = std::numeric_limits<double>::quiet_NaN();
    double rmse = std::numeric_limits<double>::quiet_NaN();
    double mape = std::numeric_limits<double>::quiet_NaN();
    double smape = std::numeric_limits<double>::quiet_NaN();
    double mase = std::numeric_limits<double>::quiet_NaN();
    double directional = std::numeric_limits<double>::quiet_NaN();
    double coverage80 = std::numeric_limits<double>::quiet_NaN();
    double coverage95 = std::numeric_limits<double>::quiet_NaN();
};

// Errors of one forecaster (a model or a baseline) on a set of origins.
struct ScoredForecaster {
    std::string name; // "lstm", "naive", "drift", ...
    bool isModel = false;
    ForecastErrors errors;
};

// Collects forecasts one at a time; errors() summarises them. merge() pools accumulators, even
// of walk-forward folds with different MASE scales: the pooled MASE is the mean of each
// forecast's |error| / (its own accumulator's scale) over the forecasts that had a positive
// scale (NaN when none had).
class ErrorAccumulator {
public:
    // `maseScale` = mean absolute one-step change of the training prices (see naiveScale).
    explicit ErrorAccumulator(double maseScale);
    // One forecast: the origin price, the actual and the point forecast; interval bounds may be
    // NaN when the forecaster has none.
    void add(double origin, double actual, double point, double lo80 = NAN, double hi80 = NAN,
        double lo95 = NAN, double hi95 = NAN);
    void merge(const ErrorAccumulator& other);
    ForecastErrors errors() const;

private:
    double m_scale;
    std::size_t m_n = 0, m_dirN = 0, m_dirHit = 0, m_cov80N = 0, m_cov80Hit = 0, m_cov95N = 0,
                m_cov95Hit = 0, m_pctN = 0;
    double m_absSum = 0, m_sqSum = 0, m_apeSum = 0, m_sapeSum = 0;
    // MASE as the mean of |error| / scale over the forecasts added with a usable scale, so that
    // merging folds with different training scales gives the pooled MASE.
    std::size_t m_maseN = 0;
    double m_maseSum = 0;
};

// mean |P[t] - P[t-1]| over `trainPrices` (the MASE denominator); NaN for fewer than 2 prices.
double naiveScale(const std::vector<double>& trainPrices);

// Walk-forward folds over `rows` window end rows: each fold trains on [trainBegin, trainEnd) and
// tests on [testBegin, testEnd), testBegin = trainEnd + gap. Expanding: trainBegin = 0; sliding:
// the training part keeps the length of the first fold. The test parts tile the last
// `folds * testSize` rows. Empty when folds < 1, testSize 0, or the first fold would have no
// training row (rows <= folds * testSize + gap).
struct Fold {
    std::size_t trainBegin = 0, trainEnd = 0, testBegin = 0, testEnd = 0;
};
std::vector<Fold> walkForwardFolds(
    std::size_t rows, int folds, std::size_t testSize, std::size_t gap, bool expanding);

} // namespace marketlens::core::forecast
