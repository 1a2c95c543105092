#pragma once
// Internals shared by forecaster.cpp (train, evaluate, forecast) and forecaster_backtest.cpp
// (walk-forward folds). Not a public header: models/*.cpp only.

#include "models/forecaster.h"
#include "models/script_model.h"

#include <QJsonObject>

#include <cstddef>
#include <string>
#include <vector>

namespace marketlens::models::detail {

// What a network needs besides its weights to turn prices into forecasts.
struct ModelInputs {
    int window = 0;
    int horizon = 0;
    std::vector<double> quantiles; // sorted ascending
    core::forecast::Scaler featureScaler;
    core::forecast::Scaler targetScaler;
};

// Price paths of the network from each origin row (batched inference). Quantiles are sorted per
// horizon before use, so the bands never cross. Errors: a window the matrix cannot supply, an
// output of the wrong shape (InvalidArgument), a non-finite output (BadData).
core::Result<std::vector<core::forecast::PathForecast>> modelPaths(const ScriptModel& model,
    const core::forecast::FeatureMatrix& fm, const ModelInputs& in,
    const std::vector<std::size_t>& origins);

// Scores the model's paths and every baseline (fitted on prices [trainBegin, trainEnd) of the
// matrix, which also give the MASE scale) on the same origins and horizons. Accumulators: the
// model first, then the baselines in allBaselines() order. A baseline that cannot be fitted on
// so few prices scores nothing (count 0).
std::vector<core::forecast::ErrorAccumulator> scoreOrigins(const core::forecast::FeatureMatrix& fm,
    const std::vector<core::forecast::PathForecast>& model, const std::vector<std::size_t>& origins,
    int horizon, std::size_t trainBegin, std::size_t trainEnd,
    const core::forecast::BaselineParams& params);

// Names in the order of scoreOrigins' accumulators ("lstm", "naive", "drift", ...).
std::vector<std::string> forecasterNames(ModelKind kind);

// Scores with names, beatsNaive and the verdict sentence; `where` finishes the sentence
// ("on the test part", "over 3 walk-forward folds").
Evaluation makeEvaluation(
    ModelKind kind, std::vector<core::forecast::ForecastErrors> errors, const std::string& where);

// The network spec a config trains (features filled in, quantiles sorted); InvalidArgument when
// it cannot make a forecaster (no quantiles, window/horizon < 1).
core::Result<NetworkSpec> forecasterSpec(const ForecastConfig& config, std::size_t features);

QJsonObject errorsJson(const core::forecast::ForecastErrors& e);
std::string displayName(ModelKind kind); // "LSTM", "1D-CNN", ...

} // namespace marketlens::models::detail
