#pragma once
// Reads the test metrics stored with a forecasting model (ModelRecord::metricsJson) back into
// numbers: the models panel, the Forecasts tab and the report all show them.
//
// metricsJson as models::trainForecaster writes it (docs/models.md):
//   {"part": "test", "test": {"origins", "first", "last", ...},
//    "forecasters": [{"name", "isModel", "count", "mae", "rmse", "mape", "smape", "mase",
//                     "directional", "coverage80", "coverage95"}, ...],
//    "beatsNaive": bool, "verdict": text, "training": {"bestEpoch", "epochsRun", ...}}
// and, for imported models, the side file's {"<name>": {"mae", "mase", ...}, ...} form (errors
// possibly nested under "errors"/"metrics"/"test", a few key spellings accepted). Text that is
// not such JSON gives empty metrics; this never fails.

#include "core/forecast/forecast_metrics.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core::forecast {

struct StoredMetrics {
    std::vector<ScoredForecaster> scores; // the model first, then baselines in allBaselines order
    // Stored flag, else the rule of models::Evaluation (MAE and MASE below naive's); unknown
    // without the model's or naive's MAE.
    std::optional<bool> beatsNaive;
    std::string verdict; // empty when none was stored
    std::string testFirst, testLast; // ISO dates of the test part ("" when not stored)
    std::int64_t origins = 0;
    std::int64_t epochsRun = 0, bestEpoch = 0;

    const ScoredForecaster* model() const; // nullptr when no entry is the model
    const ScoredForecaster* find(const std::string& baseline) const; // a baseline by name
};

// `modelKind` (the record's kind) identifies the model's entry when the JSON does not flag it;
// failing that, the one entry that is not a known baseline is the model.
StoredMetrics parseStoredMetrics(const std::string& json, const std::string& modelKind = {});

} // namespace marketlens::core::forecast
