#pragma once
// Learned tail-risk score (torch-free header): a 1D-CNN classifier trained on windows of daily
// returns and rolling volatility of all holdings (pooled), giving for each holding the
// probability of a loss beyond its 95 % VaR within the next 5 trading days. The label at date t
// is 1 when any daily log return r[t+1..t+5] < -VaR95_t, VaR95_t being the one-day historical
// 95 % VaR (positive number) from the 250 returns up to and including t (no look-ahead); exact
// rule in core/risk/tail_labels.h. Reported with calibration on a
// chronological test part: Brier score, reliability bins, base rate and lift.

#include "core/result.h"
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
    TrainOptions training;
};

struct ReliabilityBin {
    double lower = 0, upper = 0;  // predicted probability range
    std::size_t count = 0;
    double meanPredicted = 0;
    double observedRate = 0;
};

struct TailRiskCalibration {
    std::size_t testCount = 0;
    double baseRate = 0;     // training positives share (the "historical base rate" forecast)
    double testRate = 0;     // observed positives share on the test part
    double brier = 0;        // of the model on the test part
    double brierBaseRate = 0; // of always predicting baseRate
    double brierSkill = 0;   // 1 - brier / brierBaseRate
    double lift = 0;         // observed rate in the top decile of predictions / testRate
    double auc = 0;
    std::vector<ReliabilityBin> reliability; // 10 equal-width bins
};

struct TailRiskScore {
    std::string ticker;
    core::Date asOf;
    double probability = 0; // P(loss beyond VaR95 within horizon)
    double baseRate = 0;    // that holding's own historical rate
};

struct TailRiskResult {
    std::vector<TailRiskScore> scores; // one per series given, from its last date
    TailRiskCalibration calibration;
    TrainOutcome outcome;
};

core::Result<TailRiskResult> trainTailRisk(const std::vector<core::PriceSeries>& holdings,
                                           const TailRiskConfig& config,
                                           const TrainProgressFn& progress = {},
                                           const std::atomic_bool* cancel = nullptr);

} // namespace marketlens::models
