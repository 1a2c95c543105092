#pragma once
// Labels, inputs and calibration maths of the learned tail-risk score (models/tail_risk.h).
// Torch-free so that the rule and the scores are tested without a network.
//
// Label rule (no look-ahead): on the daily log returns r[0..n-1] of one holding (r[t] is the
// return ending on dates[t]), VaR[t] is the one-day historical VaR at `varLevel` of the
// `varWindow` returns r[t-varWindow+1..t] (valueAtRisk of risk_measures.h, type-7 quantile, the
// risk engine's convention, as a positive loss). label[t] = 1 when any of r[t+1..t+horizon] is
// below -VaR[t], else 0; -1 (undefined) where VaR[t] is not defined (t < varWindow - 1) or fewer
// than `horizon` returns follow t. VaR[t] and every input at t use returns up to t only.
//
// Inputs: per row t, the log return and its rolling volatility (sample standard deviation of the
// `volWindow` returns up to t). The input window ending at t holds rows t-window+1..t, each
// scaled with that holding's own mean and standard deviation fitted on its training rows only.

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"

#include <span>
#include <string>
#include <vector>

namespace marketlens::core::risk {

struct TailLabelOptions {
    int horizonDays = 5;
    double varLevel = 0.95;
    std::size_t varWindow = 250;
    std::size_t volWindow = 20;
};

// One holding's returns, rolling volatility, rolling VaR and labels, one entry per return.
struct TailSeries {
    std::string ticker;
    std::vector<Date> dates; // date of the later price of each return
    std::vector<double> returns; // daily log returns
    std::vector<double> volatility; // NaN for t < volWindow - 1
    std::vector<double> var; // positive loss; NaN for t < varWindow - 1
    std::vector<int> labels; // 1, 0, or -1 (undefined)
    std::size_t size() const { return returns.size(); }
};

// Computes the series from the prices of `series` (PriceSeries::valueAt; rows without a price are
// skipped, the next return spans the gap). Errors: a non-positive price, horizon < 1, a level
// outside (0, 1), windows < 2, or fewer than varWindow + horizon returns.
Result<TailSeries> tailSeries(const PriceSeries& series, const TailLabelOptions& options = {});

// The two inputs (log return, volatility) scaled per holding.
inline constexpr int kTailFeatures = 2;
struct TailScaler {
    double mean[kTailFeatures] = {0, 0};
    double std[kTailFeatures] = {1, 1}; // a constant input gets 1
};

// Fits on the rows t < rowEnd where the volatility is defined (population mean and standard
// deviation). Error when there is no such row.
Result<TailScaler> fitTailScaler(const TailSeries& series, std::size_t rowEnd);

// First row at which a window of `window` rows has every input defined.
std::size_t firstWindowRow(const TailSeries& series, int window);

// Appends the scaled window ending at row t ([window, 2] row-major floats) to `out`. False (and
// nothing appended) when t < firstWindowRow or t is past the end.
bool appendTailWindow(const TailSeries& series, const TailScaler& scaler, int window, std::size_t t,
    std::vector<float>& out);

// ---- Calibration of probabilistic predictions p of binary outcomes y (0/1) ----

struct ReliabilityBin {
    double lower = 0,
           upper = 0; // predicted probability range [lower, upper) ([.., 1] for the last)
    std::size_t count = 0;
    double meanPredicted = 0; // 0 when empty
    double observedRate = 0; // 0 when empty
};

struct TailCalibration {
    std::size_t testCount = 0;
    double baseRate = 0; // the reference forecast (training positives share)
    double testRate = 0; // observed positives share
    double brier = 0; // mean (p - y)^2
    double brierBaseRate = 0; // Brier score of always predicting baseRate
    double brierSkill = 0; // 1 - brier / brierBaseRate
    double lift = 0; // observed rate in the top decile of p / testRate
    double auc = 0; // ROC AUC, ties counted one half; NaN with one class only
    std::vector<ReliabilityBin> reliability; // `bins` equal-width bins over [0, 1]
};

// Mean squared error of the probabilities. NaN for empty or mismatched input.
double brierScore(std::span<const double> p, std::span<const int> y);
// Equal-width bins over [0, 1]; p = 1 falls in the last bin.
std::vector<ReliabilityBin> reliabilityBins(
    std::span<const double> p, std::span<const int> y, int bins = 10);
// Probability that a random positive scores above a random negative (Mann-Whitney with mid-ranks
// for ties). NaN when either class is absent.
double rocAuc(std::span<const double> p, std::span<const int> y);
// Positives share among the k = ceil(n / 10) highest predictions, divided by the overall share.
// Predictions tied with the k-th highest count in proportion (the tied group's positive rate
// times the places left), so the result does not depend on the order of ties. NaN when there are
// no positives.
double topDecileLift(std::span<const double> p, std::span<const int> y);

// All of the above. Errors: empty or mismatched input, p outside [0, 1], y not 0/1, baseRate
// outside (0, 1).
Result<TailCalibration> calibrate(
    std::span<const double> p, std::span<const int> y, double baseRate, int bins = 10);

} // namespace marketlens::core::risk
