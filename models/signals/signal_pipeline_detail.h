#pragma once
// Internal to the signal pipeline (signal_pipeline.cpp trains, signal_explain.cpp predicts and
// explains): scaling of dataset rows, permutation importance and the classifier of a stored
// record. Not a public API.

#include "core/forecast/forecast_data.h"
#include "core/forecast/model_store.h"
#include "core/result.h"
#include "core/signals/signal_features.h"
#include "models/signals/signal_classifier.h"
#include "models/signals/signal_pipeline.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace marketlens::models::signals::detail {

// Scaler fitted on the dataset rows [begin, end) only (mean and sample std per column).
core::forecast::Scaler fitRowScaler(
    const core::signals::SignalDataset& data, std::size_t begin, std::size_t end);
// Rows [begin, end) of the dataset, scaled by `scaler`.
FeatureRows scaledRows(const core::signals::SignalDataset& data,
    const core::forecast::Scaler& scaler, std::size_t begin, std::size_t end);

// Share of rows whose argmax class equals the truth.
double accuracyOf(const std::vector<double>& proba, int classes, const std::vector<int>& truth);

// Permutation importance of every column of `x` on `truth`: the accuracy of `model` minus its
// accuracy with that column shuffled (Fisher-Yates on a std::mt19937_64 seeded with
// seed + column), mean and population std over `repeats` shuffles. `step` is called after each
// shuffle and returns false to cancel. `names` label the columns; meanAbsAttribution is -1.
core::Result<std::vector<FeatureImportance>> permutationImportance(const SignalClassifier& model,
    const FeatureRows& x, const std::vector<int>& truth, const std::vector<std::string>& names,
    int repeats, std::uint64_t seed, const std::function<bool()>& step);

// The classifier of a stored signal record, its kind and label spec, checked against a
// dataset's feature columns.
struct LoadedSignalModel {
    ClassifierKind kind = ClassifierKind::GradientBoosting;
    core::signals::LabelSpec label;
    std::unique_ptr<SignalClassifier> classifier;
};
core::Result<LoadedSignalModel> loadSignalModel(
    const core::forecast::ModelRecord& record, const core::signals::SignalDataset& data);

} // namespace marketlens::models::signals::detail
