#pragma once
// Training of a ScriptModel (torch-free header). Runs on the caller's thread: the UI calls it
// from a worker QObject on a QThread (ui/), the CLI directly.
//   - mini-batches shuffled with `seed` (a run with the same seed and data is repeatable),
//   - AdamW, learning-rate schedule (linear warm-up over the first epoch, then cosine decay to
//     lr/20), gradient clipping by global norm, early stopping on validation loss with patience,
//     the best-validation weights restored at the end,
//   - objectives: pinball (quantile) loss averaged over quantiles and horizons, or binary
//     cross-entropy on one logit (classifier, optional positive-class weight),
//   - CUDA when requested/auto and torch::cuda::is_available(), CPU otherwise; the result's
//     model is always moved back to the CPU,
//   - progress at most every 100 ms and at each epoch end; cancel checked before every batch
//     (returns ErrorCode::Cancelled).

#include "core/result.h"
#include "models/network.h"
#include "models/script_model.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace marketlens::models {

enum class Device { Auto, Cpu, Cuda };
enum class Objective { Pinball, BinaryCrossEntropy };

struct TrainOptions {
    int epochs = 30;
    int batchSize = 64;
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    double clipNorm = 1.0;
    int patience = 6; // epochs without validation improvement before stopping; 0 = never
    std::uint64_t seed = 42;
    Device device = Device::Auto;
    double positiveWeight = 1.0; // BCE weight of the positive class
    int progressIntervalMs = 100; // least time between two in-epoch progress calls (tests: 0)
};

// Data as plain float arrays: x [n, window, features], y [n, horizon] (pinball: scaled targets)
// or [n] (BCE: 0/1 labels). Without validation data (nVal == 0) the training loss of each epoch
// stands in for the validation loss (best epoch, early stopping).
struct TrainData {
    std::vector<float> xTrain, yTrain, xVal, yVal;
    std::size_t nTrain = 0, nVal = 0;
};

struct TrainProgress {
    int epoch = 0; // 1-based
    int epochs = 0;
    int batch = 0; // 1-based within the epoch
    int batches = 0;
    double trainLoss = 0;   // running mean over the epoch so far
    double valLoss = -1;    // last epoch's validation loss, -1 before the first
    double learningRate = 0;
    double elapsedSeconds = 0;
    double etaSeconds = -1; // -1 while unknown
    bool epochEnd = false;
};

struct EpochRecord {
    int epoch = 0;
    double trainLoss = 0, valLoss = 0, learningRate = 0, seconds = 0;
};

struct TrainOutcome {
    ScriptModel model; // best-validation weights, on the CPU, in eval mode
    std::vector<EpochRecord> history;
    int bestEpoch = 0;
    double bestValLoss = 0;
    bool stoppedEarly = false;
    std::string device; // "cpu" or "cuda"
    double seconds = 0;
};

using TrainProgressFn = std::function<void(const TrainProgress&)>;

core::Result<TrainOutcome> trainNetwork(const NetworkSpec& spec, const TrainData& data,
                                        const TrainOptions& options, Objective objective,
                                        const TrainProgressFn& progress = {},
                                        const std::atomic_bool* cancel = nullptr);

// True when CUDA is usable by this build and machine.
bool cudaAvailable();

} // namespace marketlens::models
