#include "risk_score.h"

#include "component_var.h"
#include "risk_measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace marketlens::core::risk {

namespace {

constexpr ScoreFactor kFactors[] = {ScoreFactor::Volatility, ScoreFactor::ModifiedEs,
    ScoreFactor::MaxDrawdown, ScoreFactor::Beta, ScoreFactor::ComponentVarShare};

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

} // namespace

const char* scoreFactorName(ScoreFactor f)
{
    switch (f) {
    case ScoreFactor::Volatility:
        return "volatility";
    case ScoreFactor::ModifiedEs:
        return "modified ES";
    case ScoreFactor::MaxDrawdown:
        return "max drawdown";
    case ScoreFactor::Beta:
        return "beta";
    case ScoreFactor::ComponentVarShare:
        return "share of portfolio VaR";
    }
    return "?";
}

const char* scoreZoneName(ScoreZone z)
{
    switch (z) {
    case ScoreZone::Green:
        return "green";
    case ScoreZone::Amber:
        return "amber";
    case ScoreZone::Red:
        return "red";
    }
    return "?";
}

ScoreZone scoreZone(double score)
{
    if (score < 40.0)
        return ScoreZone::Green;
    if (score <= 70.0)
        return ScoreZone::Amber;
    return ScoreZone::Red;
}

double ScoreWeights::weightOf(ScoreFactor f) const
{
    switch (f) {
    case ScoreFactor::Volatility:
        return volatility;
    case ScoreFactor::ModifiedEs:
        return modifiedEs;
    case ScoreFactor::MaxDrawdown:
        return maxDrawdown;
    case ScoreFactor::Beta:
        return beta;
    case ScoreFactor::ComponentVarShare:
        return componentVarShare;
    }
    return 0.0;
}

std::optional<double> HoldingFactors::value(ScoreFactor f) const
{
    switch (f) {
    case ScoreFactor::Volatility:
        return volatility;
    case ScoreFactor::ModifiedEs:
        return modifiedEsLoss;
    case ScoreFactor::MaxDrawdown:
        return maxDrawdown;
    case ScoreFactor::Beta:
        return beta;
    case ScoreFactor::ComponentVarShare:
        return componentVarShare;
    }
    return std::nullopt;
}

std::string HoldingScore::explanation() const
{
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s (%.0f):", scoreZoneName(zone), score);
    std::string s = buf;
    for (std::size_t i = 0; i < contributions.size(); ++i) {
        const FactorContribution& c = contributions[i];
        std::snprintf(buf, sizeof buf, "%s %s %.0f pts (rank %.0f %%)", i ? "," : "",
            scoreFactorName(c.factor), c.points, 100.0 * c.percentile);
        s += buf;
    }
    return s;
}

Result<std::vector<HoldingFactors>> computeScoreFactors(
    const std::vector<std::vector<double>>& returns, const std::vector<std::string>& tickers,
    std::span<const double> weights, std::span<const double> benchmark,
    const ScoreWeights& scoreWeights, const RiskConventions& c)
{
    if (returns.empty() || tickers.size() != returns.size())
        return invalid("need one ticker per return column");
    if (!weights.empty() && weights.size() != returns.size())
        return invalid("need one portfolio weight per holding");
    RiskConventions asReturns = c;
    asReturns.lossAsPositive = false;
    std::vector<HoldingFactors> out(returns.size());
    for (std::size_t i = 0; i < returns.size(); ++i) {
        const std::vector<double>& r = returns[i];
        HoldingFactors& h = out[i];
        h.ticker = tickers[i];
        if (auto v = annualisedVolatility(r, c))
            h.volatility = *v;
        if (auto v
            = expectedShortfall(r, scoreWeights.esConfidence, VarMethod::Modified, asReturns))
            h.modifiedEsLoss = -*v;
        if (auto v = maxDrawdown(r, true))
            h.maxDrawdown = *v;
        if (!benchmark.empty())
            if (auto v = betaAlpha(r, benchmark, c))
                h.beta = v->beta;
    }
    if (!weights.empty()) {
        auto comp = componentVar(
            returns, weights, scoreWeights.varConfidence, VarMethod::Gaussian, asReturns);
        if (!comp)
            return comp.error();
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i].componentVarShare = comp->share[i];
    }
    return out;
}

Result<std::vector<HoldingScore>> scoreHoldings(
    const std::vector<HoldingFactors>& holdings, const ScoreWeights& w)
{
    if (holdings.empty())
        return invalid("no holdings to score");
    for (ScoreFactor f : kFactors)
        if (!(w.weightOf(f) >= 0.0))
            return invalid("score weights must be non-negative");
    std::vector<HoldingScore> out(holdings.size());
    for (std::size_t i = 0; i < holdings.size(); ++i) {
        out[i].ticker = holdings[i].ticker;
        double weightSum = 0.0;
        for (ScoreFactor f : kFactors) {
            const auto v = holdings[i].value(f);
            if (!v || !std::isfinite(*v) || w.weightOf(f) == 0.0)
                continue;
            // Percentile rank among the holdings that have this factor: ties share the mean rank.
            std::size_t less = 0, equal = 0, count = 0;
            for (const HoldingFactors& other : holdings) {
                const auto o = other.value(f);
                if (!o || !std::isfinite(*o))
                    continue;
                ++count;
                less += *o < *v ? 1 : 0;
                equal += *o == *v ? 1 : 0;
            }
            const double rank
                = count > 1 ? (double(less) + 0.5 * double(equal - 1)) / double(count - 1) : 0.5;
            out[i].contributions.push_back({f, *v, rank, w.weightOf(f), 0.0});
            weightSum += w.weightOf(f);
        }
        double score = 0.0;
        for (FactorContribution& c : out[i].contributions) {
            c.weight /= weightSum;
            c.points = 100.0 * c.weight * c.percentile;
            score += c.points;
        }
        std::stable_sort(out[i].contributions.begin(), out[i].contributions.end(),
            [](const FactorContribution& a, const FactorContribution& b) {
                return a.points > b.points;
            });
        out[i].score = score;
        out[i].zone = scoreZone(score);
    }
    return out;
}

} // namespace marketlens::core::risk
