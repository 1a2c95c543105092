#pragma once
// Per-holding risk score, 0 (least risky in the portfolio) .. 100 (most risky). See docs/risk.md.
//
// Each factor is ranked within the holdings (percentile rank, ties share the mean rank, 0..1,
// higher = riskier), and the score is 100 x the weighted mean of those ranks over the factors
// available for the holding (weights renormalised when a factor is missing, e.g. no benchmark).
// Default weights: annualised volatility 25 %, modified ES 97.5 % (as a loss) 25 %, maximum
// drawdown 20 %, beta to the benchmark 15 %, share of the portfolio's component VaR (Gaussian
// 99 %) 15 %. Zones: green < 40, amber 40..70, red > 70. Every holding's score comes with each
// factor's points, which add up to the score, so the UI can say why a holding is red.

#include "core/result.h"
#include "core/risk/risk_conventions.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketlens::core::risk {

enum class ScoreFactor { Volatility, ModifiedEs, MaxDrawdown, Beta, ComponentVarShare };
enum class ScoreZone { Green, Amber, Red };

const char* scoreFactorName(ScoreFactor f); // "volatility", "modified ES", ...
const char* scoreZoneName(ScoreZone z); // "green", "amber", "red"
ScoreZone scoreZone(double score);

struct ScoreWeights {
    double volatility = 0.25;
    double modifiedEs = 0.25;
    double maxDrawdown = 0.20;
    double beta = 0.15;
    double componentVarShare = 0.15;
    double esConfidence = 0.975; // confidence of the modified ES factor
    double varConfidence = 0.99; // confidence of the component VaR factor
    double weightOf(ScoreFactor f) const;
};

// Raw factor values of one holding; nullopt = not available.
struct HoldingFactors {
    std::string ticker;
    std::optional<double> volatility; // annualised
    std::optional<double> modifiedEsLoss; // positive loss
    std::optional<double> maxDrawdown; // positive fraction
    std::optional<double> beta;
    std::optional<double> componentVarShare; // component / portfolio VaR
    std::optional<double> value(ScoreFactor f) const;
};

struct FactorContribution {
    ScoreFactor factor = ScoreFactor::Volatility;
    double value = 0.0; // raw factor value
    double percentile = 0.0; // 0..1 within the holdings
    double weight = 0.0; // renormalised weight used
    double points = 0.0; // 100 * weight * percentile; the points add up to the score
};

struct HoldingScore {
    std::string ticker;
    double score = 0.0;
    ScoreZone zone = ScoreZone::Green;
    std::vector<FactorContribution> contributions; // largest points first
    // "red (78): volatility 30 pts (rank 95 %), modified ES 25 pts ..."
    std::string explanation() const;
};

// Factor values from equally long return columns. `weights` (portfolio weights, may be empty:
// no component VaR factor) and `benchmark` (may be empty: no beta factor).
Result<std::vector<HoldingFactors>> computeScoreFactors(
    const std::vector<std::vector<double>>& returns, const std::vector<std::string>& tickers,
    std::span<const double> weights, std::span<const double> benchmark,
    const ScoreWeights& scoreWeights = {}, const RiskConventions& c = {});

Result<std::vector<HoldingScore>> scoreHoldings(
    const std::vector<HoldingFactors>& holdings, const ScoreWeights& scoreWeights = {});

} // namespace marketlens::core::risk
