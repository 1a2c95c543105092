#pragma once
// Learned tail-risk score (torch-free header): a 1D-CNN classifier trained on windows of daily
// returns and rolling volatility of all holdings (pooled), giving for each holding the
// probability of a loss beyond its 95 % VaR within the next 5 trading days. The label at date t
// is 1 when any daily log return r[t+1..t+5] < -VaR95_t, VaR95_t being the one-day historical
// 95 % VaR (positive number) from the 250 returns up to and including t (no look-ahead); exact
// rule in core/risk/tail_labels.h. Reported with calibration on a
// chronological test part: Brier score, reliability bins, base rate and lift.

#include "core/forecast/model_store.h"
#include "core/result.h"
#include "core/risk/tail_labels.h"
#include "core/types.h"
#include "models/trainer.h"

#include <atomic>
#include <string>
#include <vector>

namespace marketlens::models {

struct TailRiskConfig {
    int window = 60;
    int horizonDays = 5;
    double varLevel = 0.95;
    // Batches of 256: the pooled data set holds thousands of windows per holding, and larger
    // batches train faster per window on the CPU.
    TrainOptions training = [] {
        TrainOptions t;
        t.batchSize = 256;
        return t;
    }();
    // Network (a 1D-CNN, NetworkSpec kind Cnn with one logit) and the chronological split of the
    // pooled windows by their end date (the rest after train and validation is the test part).
    int hidden = 32;
    int layers = 3;
    double dropout = 0.1;
    double trainFraction = 0.70;
    double validationFraction = 0.15;
};

// Fields as documented in core/risk/tail_labels.h: lower/upper, count, meanPredicted,
// observedRate per bin; testCount, baseRate (training positives share: the "historical base
// rate" forecast), testRate, brier, brierBaseRate, brierSkill (1 - brier / brierBaseRate), lift
// (observed rate in the top decile of predictions / testRate), auc, reliability (10 bins).
using ReliabilityBin = core::risk::ReliabilityBin;
using TailRiskCalibration = core::risk::TailCalibration;

struct TailRiskScore {
    std::string ticker;
    core::Date asOf;
    double probability = 0; // P(loss beyond VaR95 within horizon)
    double baseRate = 0; // that holding's own historical rate
};

struct TailRiskResult {
    std::vector<TailRiskScore> scores; // one per series given, from its last date
    TailRiskCalibration calibration;
    TrainOutcome outcome;
    // How it was trained: split dates (window end dates up to trainLast train, windows whose
    // 5-day label reaches past a cut are dropped), sample counts, the positive-class weight
    // (negatives / positives of the training part; probabilities are sigmoid(logit -
    // log(positiveWeight)), undoing the weight's shift of the prior), the network, and the
    // per-holding input scalers (fitted on each holding's training rows only).
    core::Date trainFirst, trainLast, validationLast; // trainFirst: the first training window's end
    std::size_t trainCount = 0, validationCount = 0;
    std::string dataHash; // SHA-256 (hex) of the tickers, dates and returns used
    double positiveWeight = 1.0;
    NetworkSpec spec;
    std::vector<core::risk::TailScaler> scalers; // one per score
};

core::Result<TailRiskResult> trainTailRisk(const std::vector<core::PriceSeries>& holdings,
    const TailRiskConfig& config, const TrainProgressFn& progress = {},
    const std::atomic_bool* cancel = nullptr);

// The project record of a result (models table, kind "tailrisk_cnn", ticker "" as the model is
// portfolio-wide, name "Tail risk <portfolio>"). metricsJson is tailRiskMetricsJson; the weights
// are the network's TorchScript bytes. Errors only if the model cannot be serialised.
inline constexpr const char* kTailRiskKind = "tailrisk_cnn";
core::Result<core::forecast::ModelRecord> tailRiskRecord(
    const TailRiskResult& result, const TailRiskConfig& config, const std::string& portfolio);

// metricsJson of a tail-risk record (also the CLI's --json "calibration"/"scores"):
//   {"portfolio": NAME, "horizonDays": 5, "varLevel": 0.95, "window": 60,
//    "trainLast": DATE, "validationLast": DATE, "trainCount": N, "validationCount": N,
//    "positiveWeight": W,
//    "calibration": {"testCount", "baseRate", "testRate", "brier", "brierBaseRate",
//                    "brierSkill", "lift", "auc",
//                    "reliability": [{"lower", "upper", "count", "meanPredicted",
//                                     "observedRate"}, ...]},
//    "scores": [{"ticker", "asOf", "probability", "baseRate"}, ...]}
std::string tailRiskMetricsJson(
    const TailRiskResult& result, const TailRiskConfig& config, const std::string& portfolio);

// A stored record's metrics read back (the GUI shows them beside the risk scores).
struct StoredTailRisk {
    std::string portfolio;
    TailRiskCalibration calibration;
    std::vector<TailRiskScore> scores;
};
core::Result<StoredTailRisk> parseTailRiskMetrics(const std::string& metricsJson);

} // namespace marketlens::models
