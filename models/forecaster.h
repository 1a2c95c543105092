#pragma once
// Forecasting pipeline (torch-free header): trains a network on one instrument's prices, scores
// it on the held-out test part beside every baseline (core/forecast/baselines.h) on the same
// origins, forecasts from the last date of a stored model, and runs walk-forward backtests with
// refits. Pure functions of their inputs; the caller (CLI, UI worker) stores the record.

#include "core/forecast/baselines.h"
#include "core/forecast/forecast_data.h"
#include "core/forecast/forecast_metrics.h"
#include "core/forecast/model_store.h"
#include "core/result.h"
#include "core/types.h"
#include "models/network.h"
#include "models/trainer.h"

#include <atomic>
#include <string>
#include <vector>

namespace marketlens::models {

struct ForecastConfig {
    NetworkSpec network;                // window/horizon/features are filled in from below
    TrainOptions training;
    std::vector<std::string> features;  // empty: core::forecast::defaultFeatures
    core::forecast::SplitFractions split;
    core::forecast::BaselineParams baselines;
    // The ticker's daily news sentiment index (core/news/sentiment_index.h), read by the
    // "sentiment" feature only; empty: that feature is an error.
    std::vector<core::news::DailySentiment> sentiment;
};

using ScoredForecaster = core::forecast::ScoredForecaster;

struct Evaluation {
    std::vector<ScoredForecaster> scores; // the model first, then baselines in allBaselines order
    bool beatsNaive = false;              // model MASE (and MAE) below naive's
    std::string verdict;                  // plain sentence, e.g. "LSTM does not beat the naive
                                          // forecast on the test part (MAE 1.92 vs 1.85)."
};

struct TrainedForecaster {
    core::forecast::ModelRecord record; // complete, id 0, metrics/history JSON filled
    TrainOutcome outcome;
    Evaluation evaluation;              // on the test part
};

core::Result<TrainedForecaster> trainForecaster(const core::PriceSeries& series,
                                                const ForecastConfig& config,
                                                const TrainProgressFn& progress = {},
                                                const std::atomic_bool* cancel = nullptr);

// A forecast from one origin: price level per horizon with intervals, and the naive baseline.
struct Forecast {
    core::Date originDate;
    double originPrice = 0;
    std::vector<core::Date> dates;        // business days after the origin
    core::forecast::PathForecast model;   // median and 80 %/95 % intervals
    core::forecast::PathForecast naive;
};

// Forecasts from the last date of `series` (or from `originRow` of its feature matrix when >= 0)
// with a stored record (trained or imported). Deterministic: same record + data -> same output.
// `sentiment`: the ticker's daily sentiment index, needed when the record uses "sentiment".
core::Result<Forecast> forecastWith(const core::forecast::ModelRecord& record,
                                    const core::PriceSeries& series, long originRow = -1,
                                    const std::vector<core::news::DailySentiment>* sentiment
                                    = nullptr);

// Whether the prices a trained record was fitted on (its training part, hashed in
// record.dataHash) differ in `series` now: true when they changed or its last training date is
// gone; false when they are the same or the record has no training range (an imported model).
// Prices added after the training part do not count as a change.
core::Result<bool> trainingDataChanged(const core::forecast::ModelRecord& record,
                                       const core::PriceSeries& series);

struct BacktestFold {
    core::forecast::Fold fold;
    core::Date testFirst, testLast;
    std::vector<ScoredForecaster> scores;
};

struct BacktestReport {
    std::string modelKind;
    bool expanding = true;
    std::vector<BacktestFold> folds;
    Evaluation overall; // pooled over all folds
};

// Walk-forward backtest: for each fold, refit the model (and baselines) on the fold's training
// rows and forecast every origin of its test rows. Progress is reported per fold and per batch.
// The folds' test parts tile the last (1 - split.train) share of the window end rows (in time
// order, a gap of H rows before each); each fold's training rows are split into training and
// validation windows in the ratio split.train : split.validation. Progress epochs count on
// across folds (fold k's epoch e is (k-1) * epochs + e of folds * epochs). Pooled MASE is the
// mean of every forecast's error scaled by its own fold's training scale. config.sentiment
// feeds the "sentiment" feature.
core::Result<BacktestReport> walkForwardBacktest(const core::PriceSeries& series,
                                                 const ForecastConfig& config, int folds,
                                                 bool expanding,
                                                 const TrainProgressFn& progress = {},
                                                 const std::atomic_bool* cancel = nullptr);

} // namespace marketlens::models
