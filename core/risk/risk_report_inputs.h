#pragma once
// Internal to the risk run (risk_report*.cpp): resolves a run's options against a project (which
// tickers, which weights or quantities), loads and aligns their prices, and hashes them. Shared by
// computeRiskReport() and isRiskRunStale() so that both see exactly the same data.

#include "core/progress.h"
#include "core/result.h"
#include "core/risk/returns.h"
#include "core/risk/risk_report.h"

#include <string>
#include <vector>

namespace marketlens::core::risk {

struct RiskInputs {
    RiskRunOptions options; // resolved: upper-case tickers, the default portfolio named
    std::string portfolioName;
    std::vector<std::string> tickers; // holdings
    std::vector<double> weights; // initial weights of the holdings, sum 1
    std::vector<double> quantities; // when the portfolio is held by quantity; else empty
    bool hasBenchmark = false;
    AlignedPrices prices; // holdings, then the benchmark as the last column when set
    std::string dataHash;
    std::vector<std::string> warnings;
};

// `progress` is called after each instrument's prices are read (done, total = instruments); false
// stops the load with ErrorCode::Cancelled (a run over 5,000 instruments reads 25 million rows).
Result<RiskInputs> loadRiskInputs(
    ProjectStore& store, const RiskRunOptions& options, const Progress& progress = {});

} // namespace marketlens::core::risk
