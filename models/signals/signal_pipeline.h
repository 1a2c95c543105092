#pragma once
// The trading-signal pipeline (torch-free header; docs/signals.md): trains a classifier on one
// ticker's SignalDataset with a small time-series cross-validated search, evaluates it on
// chronological test rows (one split or walk-forward folds) next to the majority and always-up
// baselines, backtests the signal with costs next to buy-and-hold, ranks features by permutation
// importance (and mean |SHAP| / |IG| where the model has them), and fills a ModelRecord to store
// in the project (table `models`, kind "signal_<key>"). Pure functions of their inputs.

#include "core/forecast/model_store.h"
#include "core/progress.h"
#include "core/result.h"
#include "core/signals/signal_backtest.h"
#include "core/signals/signal_features.h"
#include "core/signals/signal_metrics.h"
#include "models/signals/signal_classifier.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace marketlens::models::signals {

struct SignalConfig {
    ClassifierKind kind = ClassifierKind::GradientBoosting;
    ClassifierParams params;
    // Small grid around the defaults (see docs/signals.md), scored by mean accuracy over
    // `searchFolds` expanding time-series folds inside the training rows (with the label gap);
    // the best candidate is refitted on all training rows. false: params as given.
    bool search = true;
    int searchFolds = 3;
    double testFraction = 0.3;
    // 0: one chronological split (train, gap, test). k > 0: walk-forward, k folds tiling the test
    // share, each refitted on the rows before it (the search runs on the first fold only).
    int walkForwardFolds = 0;
    bool expanding = true;
    core::signals::BacktestSettings backtest;
    int permutationRepeats = 5; // shuffles per feature
    std::uint64_t seed = 42;
};

struct SearchCandidate {
    std::string paramsJson;   // the candidate's ClassifierParams::toJson
    std::string description;  // "trees=200 max_depth=3 eta=0.05"
    double cvAccuracy = 0;    // mean over the search folds
    bool chosen = false;
};

struct FeatureImportance {
    std::string feature;
    double permutation = 0;    // mean drop in test accuracy when the column is shuffled
    double permutationStd = 0; // over the repeats
    double meanAbsAttribution = -1; // mean |contribution| over the test rows (SHAP, IG, ...);
                                    // -1 when the model has none
};

// One test row's outcome.
struct SignalPoint {
    core::Date date;
    int predicted = 0;
    double probaUp = 0; // probability of the up class
    int truth = -1;     // -1 for a live row (label unknown yet)
};

struct SignalEvaluation {
    core::signals::MetricsComparison metrics;      // pooled over every test row
    core::signals::SignalBacktest backtest;        // over the test rows, in date order
    std::vector<core::signals::SignalSplit> splits;
    std::vector<SignalPoint> testPoints;           // every test row, in date order
    std::vector<FeatureImportance> importance;     // by permutation importance, largest first
    std::string attributionMethod;                 // Attribution::method of the final model
    std::vector<SearchCandidate> search;           // empty when search was off
};

struct TrainedSignalModel {
    core::forecast::ModelRecord record; // complete (id 0): kind "signal_<key>", features,
                                        // featureScaler, horizon = label.horizon, window = 1,
                                        // hyperParamsJson {"params":..,"label":..,"market":..},
                                        // metricsJson (evaluation summary), weights (bytes)
    SignalEvaluation evaluation;
    SignalPoint latest;                 // the signal for the dataset's last row ("today")
};

// Progress: (done, total) in steps of the whole job (search fits, final fits, importance);
// false cancels (Error Cancelled). `cancel`, when set, is polled as well.
core::Result<TrainedSignalModel> trainSignalModel(const core::signals::SignalDataset& data,
    const SignalConfig& config, const core::Progress& progress = {},
    const std::atomic_bool* cancel = nullptr);

// True when `kind` (ModelRecord::kind) is a signal model's.
bool isSignalModelKind(const std::string& kind);

// The stored model's signals for every row of `data` (which must have the record's features):
// date, class, P(up); truth where the label is known.
core::Result<std::vector<SignalPoint>> predictSignals(const core::forecast::ModelRecord& record,
    const core::signals::SignalDataset& data);

// "Why this signal today": the local explanation of one row.
struct SignalExplanation {
    SignalPoint point;
    std::vector<std::string> features;
    std::vector<double> rawValues;      // the row's unscaled feature values
    std::vector<double> contributions;  // per feature, in `unit`
    double base = 0;                    // contributions + base = the model's score of up
    std::string unit, method;
};
core::Result<SignalExplanation> explainSignal(const core::forecast::ModelRecord& record,
    const core::signals::SignalDataset& data, std::size_t row);

// The LabelSpec and market name a stored record was trained with (from hyperParamsJson).
core::Result<core::signals::LabelSpec> recordLabelSpec(const core::forecast::ModelRecord& record);

} // namespace marketlens::models::signals
