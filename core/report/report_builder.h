#pragma once
// Builds the ReportDocument of a project (see report_document.h): the tear sheet that
// `marketlens report` and the GUI's Report menu render to PDF or HTML.
//
// Contract:
// - buildReport() never throws and touches no widgets; run it off the GUI thread. It reads the
//   project (it never writes to it) and computes what the report shows that is not stored (a risk
//   run with the options given; the latest stored risk run is reused when it is not stale and
//   matches the portfolio). `progress` is called between steps; returning false stops the build
//   with ErrorCode::Cancelled.
// - Sections, in this order, each only when asked for (empty `sections` = all that apply):
//     summary     project file, schema version, instruments and date ranges, data sources (the
//                 import log: file, kind, rows, time, sha256 prefix), portfolios
//     holdings    the portfolio's holdings (ticker, name, quantity/weight, last price, value, weight)
//     risk        the risk table (per holding and portfolio: VaR/ES per method and confidence,
//                 volatility, max drawdown, Sharpe, Sortino, beta, risk score), component VaR
//     charts      drawdown (underwater), VaR/ES by method, correlation heatmap, VaR backtest
//                 (returns, VaR forecast line, exceptions as points, Kupiec/Christoffersen table)
//     forecasts   per stored forecasting model: test errors next to every baseline and the verdict
//     models      model cards: kind, ticker, origin, training range, data hash, seed,
//                 hyper-parameters, metrics, created time, device
//     sentiment   the sentiment models used (items per label), per ticker the latest decayed
//                 index and the 30-day mean, the portfolio's daily index as a chart; omitted
//                 when no news is scored
//     signals     per stored signal model: test accuracy, F1 and ROC AUC next to the majority
//                 and always-up baselines, the backtest after costs next to buy-and-hold, and
//                 the permutation importance of its top features; omitted when there is none
//     conventions sign of VaR/ES, annualisation days, return kind, risk-free rate, the data hash
//   A section asked for explicitly that has no content (no models) is kept with one sentence
//   saying so; unknown section ids are an InvalidArgument error naming the id and the valid ones.
// - Errors: NotFound for an unknown portfolio; BadData when the project has no prices (message
//   says so); risk errors are reported inside the risk section as text, not as a failure, so a
//   project with prices but too few observations still gets a report.

#include "core/progress.h"
#include "core/report/report_document.h"
#include "core/result.h"
#include "core/risk/risk_report.h"

#include <string>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::core::report {

// Section ids in report order.
const std::vector<std::string>& allSectionIds();

struct ReportOptions {
    std::string portfolio; // empty = the project's first portfolio
    std::vector<std::string> sections; // ids; empty = all
    risk::RiskRunOptions risk; // confidences, methods, window, conventions... (portfolio ignored)
    std::string generator; // "MarketLens <version>", written in the document
};

Result<ReportDocument> buildReport(
    ProjectStore& store, const ReportOptions& options, const Progress& progress = {});

} // namespace marketlens::core::report
