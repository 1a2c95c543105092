#pragma once
// Trained and imported models stored in the project file (schema v4, table `models`; see
// docs/project-file.md). A record holds everything needed to forecast again without retraining
// and to say where a model came from: architecture, hyper-parameters, weights (TorchScript bytes),
// scalers, feature list, training data range and hash, seed, metrics, time.

#include "core/date.h"
#include "core/forecast/forecast_data.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::core::forecast {

struct ModelRecord {
    std::int64_t id = 0;          // assigned by saveModel
    std::string name;             // "MSFT lstm h5" (user-editable)
    std::string kind;             // "mlp", "cnn", "lstm", "gru", "transformer", "tailrisk_cnn",
                                  // or "imported"
    std::string origin;           // "trained" or "imported"
    std::string ticker;           // instrument it was trained on ("" for a portfolio-wide model)
    std::string createdUtc;       // ISO 8601
    std::vector<std::string> features;
    int window = 0;
    int horizon = 0;
    std::vector<double> quantiles; // empty for a classifier
    Scaler featureScaler;
    Scaler targetScaler;           // per horizon (empty for a classifier)
    std::string hyperParamsJson;   // NetworkSpec + TrainOptions as JSON
    std::uint64_t seed = 0;
    std::optional<Date> trainFirst, trainLast; // dates of the training windows' end rows
    std::string dataHash;          // forecast::dataHash of the training part's rows (up to the
                                   // row of trainLast + horizon), see trainingDataChanged
    std::string metricsJson;       // test metrics of the model and every baseline (JSON object)
    std::string historyJson;       // per-epoch losses (JSON array)
    double trainSeconds = 0;
    std::string device;            // "cpu" / "cuda" / "" (imported)
    std::string weights;           // TorchScript module bytes
};

// Inserts (id == 0) or replaces (id > 0) a record in one transaction; returns its id.
Result<std::int64_t> saveModel(ProjectStore& store, const ModelRecord& record);
// All records without weights (cheap), newest first.
Result<std::vector<ModelRecord>> listModels(ProjectStore& store);
// One record with weights. NotFound when there is no such id.
Result<ModelRecord> loadModel(ProjectStore& store, std::int64_t id);
Status deleteModel(ProjectStore& store, std::int64_t id);
Status renameModel(ProjectStore& store, std::int64_t id, const std::string& name);

// JSON forms of the scaler (used by the store and by the interchange side file).
std::string scalerToJson(const Scaler& scaler);
Result<Scaler> scalerFromJson(const std::string& json);

} // namespace marketlens::core::forecast
