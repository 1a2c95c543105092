#pragma once
// Simulation VaR/ES: Monte Carlo from a multivariate normal, and filtered historical simulation.
//
// Determinism: scenarios are generated in blocks of `blockSize`; block b draws from its own
// xoshiro256++ stream seeded from (seed, b) by splitmix64, and writes its portfolio returns to its
// own slots. The result therefore depends on the seed and block size only, never on the thread
// count. Only the portfolio returns (one double per scenario) are kept, never the scenario matrix.
// VaR/ES of the simulated returns follow the historical conventions (type-7 quantile, mean of
// the returns strictly below it) and the sign convention of RiskConventions.

#include "core/progress.h"
#include "core/result.h"
#include "core/risk/risk_conventions.h"

#include <cstdint>
#include <span>
#include <vector>

namespace marketlens::core::risk {

struct SimulationOptions {
    std::size_t scenarios = 100000;
    std::uint64_t seed = 42;
    unsigned threads = 0; // 0 = std::thread::hardware_concurrency()
    std::size_t blockSize = 8192; // scenarios per block (part of the random stream's definition)
    bool componentEs = false; // also return each asset's contribution to ES (second pass)
    // true: simulate the portfolio return directly as w'mu + (L'w)'z (exact for a linear
    // portfolio, k multiply-adds per scenario instead of k(k+1)/2); false: form every asset's
    // return x = mu + L z and then w'x. Both use the same normals. componentEs needs the assets
    // and always makes its second pass with them.
    bool projectPortfolio = true;
};

struct SimulationResult {
    double var = 0.0;
    double es = 0.0;
    std::size_t scenarios = 0;
    std::vector<double> componentEs; // w_i * E[x_i | portfolio < VaR], sums to es (if requested)
};

// Lower Cholesky factor of a symmetric positive semi-definite k x k matrix (row-major).
// Zero pivots (redundant assets) give zero columns; a clearly negative pivot is an error.
Result<std::vector<double>> cholesky(std::span<const double> matrix, std::size_t k);

// Monte Carlo VaR/ES of the portfolio w' x with x ~ N(mu, cov) (cov row-major k x k), at
// confidence p. `progress` is called after each block (done, total scenarios); false cancels.
Result<SimulationResult> monteCarloVar(std::span<const double> mu, std::span<const double> cov,
    std::span<const double> weights, double p, const SimulationOptions& options = {},
    const RiskConventions& c = {}, const Progress& progress = {});

// The same with mu and the sample covariance estimated from equally long asset return columns.
Result<SimulationResult> monteCarloVarFromReturns(
    const std::vector<std::vector<double>>& assetReturns, std::span<const double> weights, double p,
    const SimulationOptions& options = {}, const RiskConventions& c = {},
    const Progress& progress = {});

enum class FilterModel { Ewma, Garch };

// Filtered historical simulation of one return series: standardise r by its conditional
// volatility (EWMA lambda 0.94, or a fitted GARCH(1,1)), bootstrap the standardised residuals
// (seeded, uniform with replacement) and scale them by the next period's forecast volatility.
Result<SimulationResult> filteredHistoricalVar(std::span<const double> r, double p,
    FilterModel model = FilterModel::Ewma, const SimulationOptions& options = {},
    const RiskConventions& c = {});

// Standard normal generator used by the simulations (ziggurat, 256 layers, on four interleaved
// xoshiro256++ lanes), exposed for tests: fills `out` deterministically from (seed, stream).
// allowSimd = false forces the scalar code path, which gives bit-identical values.
void fillStandardNormal(
    std::span<double> out, std::uint64_t seed, std::uint64_t stream, bool allowSimd = true);

} // namespace marketlens::core::risk
