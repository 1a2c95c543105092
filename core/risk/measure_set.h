#pragma once
// Every single-series measure of the engine in one pass over the data (one partial sort, one
// moments pass, one wealth pass), for tables of many instruments. The values equal those of the
// individual functions in risk_measures.h up to rounding (~1e-15 relative); tests check it.

#include "core/progress.h"
#include "core/result.h"
#include "core/risk/risk_conventions.h"

#include <optional>
#include <span>
#include <vector>

namespace marketlens::core::risk {

struct TailMeasures {
    double confidence = 0.0;
    double varHistorical = 0.0, varGaussian = 0.0, varModified = 0.0;
    double esHistorical = 0.0, esGaussian = 0.0, esModified = 0.0;
};

struct MeasureSet {
    std::size_t observations = 0;
    double mean = 0.0, sdSample = 0.0, volatilityAnnualised = 0.0;
    double returnGeometric = 0.0, returnArithmetic = 0.0; // annualised
    double sharpeGeometric = 0.0, sharpeArithmetic = 0.0, sharpePerPeriod = 0.0;
    double sortino = 0.0, downsideDeviation = 0.0; // MAR 0
    double skewness = 0.0, skewnessSample = 0.0;
    double excessKurtosis = 0.0, excessKurtosisSample = 0.0;
    double maxDrawdownGeometric = 0.0, maxDrawdownArithmetic = 0.0;
    double ewmaVolatilityAnnualised = 0.0; // next period, lambda 0.94
    std::optional<double> beta, alpha; // when a benchmark is given
    std::vector<TailMeasures> tails; // one per confidence level
};

// Needs at least 4 finite returns and confidences in (0, 1). `benchmark`, when not empty, has the
// same length as r.
Result<MeasureSet> computeMeasureSet(std::span<const double> r, std::span<const double> confidences,
    const RiskConventions& c = {}, std::span<const double> benchmark = {});

// Many series on `threads` worker threads (0 = all cores); progress counts series.
Result<std::vector<MeasureSet>> computeMeasureSets(const std::vector<std::vector<double>>& columns,
    std::span<const double> confidences, const RiskConventions& c = {},
    std::span<const double> benchmark = {}, unsigned threads = 0, const Progress& progress = {});

// Pearson correlation matrix (row-major k x k) of equally long columns for many series: columns
// standardised once, then a cache-blocked product on `threads` threads (0 = all cores), with an
// AVX2/FMA kernel where the CPU has one; when built with OpenBLAS (MARKETLENS_HAVE_CBLAS) and
// k >= 16, OpenBLAS's dsyrk on its own thread pool (OPENBLAS_NUM_THREADS) instead. Equals
// correlationMatrix() to ~1e-13 (FMA rounding).
Result<std::vector<double>> correlationMatrixParallel(
    const std::vector<std::vector<double>>& columns, unsigned threads = 0);

} // namespace marketlens::core::risk
