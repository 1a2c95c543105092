#pragma once
// Risk runs: one call computes every measure of the risk engine for a set of instruments and the
// portfolio they form, from the prices in a project, and returns a self-contained RiskReport that
// the CLI prints, the GUI dashboard draws, and the project stores (table risk_runs) so that
// reopening a project shows the last run without recomputing.
//
// Contract:
// - computeRiskReport() never throws and never touches widgets; run it off the GUI thread. It
//   calls `progress` between steps (done, total in steps); returning false stops it with
//   ErrorCode::Cancelled. It reads the store but does not write to it (saveRiskRun() does).
// - Errors: NotFound for an unknown ticker, benchmark or portfolio (the message names it);
//   InvalidArgument for bad options (confidence outside (0, 1), window < 20, no method, from after
//   to, weights not matching the instruments); BadData when fewer than kMinObservations common
//   returns remain (the message gives the count and the date range used).
// - Numbers follow options.conventions (default PerformanceAnalytics: VaR/ES as negative returns,
//   252 periods a year, population moments); RiskReport::conventionsText says so in words.
// - Instruments are aligned on the dates where all of them (and the benchmark) have a price
//   (MissingPolicy::Drop by default); every series in the report uses those common dates.
// - The portfolio: with `portfolio` set (or no instruments and no portfolio: the project's first
//   portfolio) its holdings, by quantity (buy and hold of the units) or by weight; with only
//   `instruments`, `weights` or equal weights. `construction` chooses buy and hold or a daily /
//   monthly rebalance to the initial weights.
// - Component VaR (Euler) is computed for the fixed-weight portfolio sum_i w_i r_i with the weights
//   in PortfolioRisk::weights (the initial weights); its components sum exactly to its total. That
//   total equals the portfolio's VaR when the portfolio is rebalanced daily; for buy and hold the
//   weights drift, so the total is the VaR of the same holdings kept at their initial weights.

#include "core/date.h"
#include "core/progress.h"
#include "core/result.h"
#include "core/risk/backtest.h"
#include "core/risk/returns.h"
#include "core/risk/risk_conventions.h"
#include "core/risk/risk_measures.h"
#include "core/risk/risk_score.h"
#include "core/risk/volatility.h"

#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::core::risk {

inline constexpr std::size_t kMinObservations = 30; // common returns needed for a run
// Above this many holdings the run skips the correlation matrix (k x k numbers: 25 million for
// 5,000 holdings, too large to store, draw or print) and says so in a warning.
inline constexpr std::size_t kMaxCorrelationHoldings = 500;
// Above this many holdings the portfolio's Monte Carlo VaR draws the fixed-weight portfolio
// return from its own normal law N(w'mu, w'Sigma w), which is the law of w'x for x ~ N(mu,
// Sigma), instead of simulating every asset (a k x k Cholesky and k normals per scenario).
inline constexpr std::size_t kJointSimulationLimit = 250;

// VaR/ES methods of a run. MonteCarlo: multivariate normal simulation (seeded); for the portfolio
// a filtered historical simulation (GARCH(1,1) filter) is reported beside it.
enum class RiskMethod { Historical, Gaussian, Modified, MonteCarlo };
const char* riskMethodName(RiskMethod m); // "historical", "gaussian", "modified", "montecarlo"
std::optional<RiskMethod> riskMethodFromName(std::string_view name); // case-insensitive

enum class PortfolioConstruction { BuyAndHold, RebalanceDaily, RebalanceMonthly };
const char* constructionName(PortfolioConstruction c); // "buy-and-hold", "daily", "monthly"
std::optional<PortfolioConstruction> constructionFromName(std::string_view name);

struct RiskRunOptions {
    std::string name; // free label of the run (shown in run lists)
    // Portfolio whose holdings are analysed. Empty with no instruments: the first portfolio.
    std::string portfolio;
    // Tickers to analyse instead of a portfolio's holdings (empty = the portfolio's holdings).
    std::vector<std::string> instruments;
    // Weights of `instruments` (same order, summing to 1); empty = equal weights.
    std::vector<double> weights;
    std::vector<double> confidences {0.95, 0.99};
    std::vector<RiskMethod> methods {
        RiskMethod::Historical, RiskMethod::Gaussian, RiskMethod::Modified, RiskMethod::MonteCarlo};
    std::size_t window = 250; // rolling volatility and VaR backtest window (returns)
    std::string benchmark; // ticker; empty = no beta/alpha
    std::optional<Date> from, to; // inclusive price date range
    RiskConventions conventions;
    ReturnKind returnKind = ReturnKind::Simple;
    MissingPolicy missing = MissingPolicy::Drop;
    PortfolioConstruction construction = PortfolioConstruction::BuyAndHold;
    std::uint64_t seed = 42; // Monte Carlo and filtered historical simulation
    std::size_t scenarios = 100000; // Monte Carlo scenarios per (series, confidence)
    // Method of the rolling VaR forecast in the backtest (MonteCarlo is not allowed here).
    RiskMethod backtestMethod = RiskMethod::Historical;
    unsigned threads = 0; // 0 = all cores
};

// VaR and ES of one (method, confidence), in the sign convention of the run.
struct TailFigure {
    RiskMethod method = RiskMethod::Historical;
    double confidence = 0.0;
    double var = 0.0;
    double es = 0.0;
};

struct VolatilityFigures {
    double sampleAnnualised = 0.0; // sample sd x sqrt(periodsPerYear)
    double ewmaAnnualised = 0.0; // next-period EWMA (lambda 0.94) forecast, annualised
    bool garchAvailable = false; // false when the fit failed (garchError says why)
    std::string garchError;
    GarchParams garch; // per-period parameters
    double garchLogLikelihood = 0.0;
    bool garchConverged = false;
    double garchForecastAnnualised = 0.0; // next period's conditional volatility, annualised
    double garchLongRunAnnualised = 0.0; // sqrt(unconditional variance x P); NaN if not stationary
    std::vector<double> garchForecastPath; // annualised vol 1..10 periods ahead
};

// Every single-series measure of one instrument or of the portfolio.
struct SeriesRisk {
    std::string ticker; // instrument ticker, or the portfolio name for the portfolio
    std::size_t observations = 0;
    std::vector<TailFigure> tails; // confidences x methods, in options order (confidence outer)
    VolatilityFigures volatility;
    double maxDrawdown = 0.0; // positive fraction (geometric wealth)
    std::optional<Date> drawdownPeak, drawdownTrough, drawdownRecovery; // worst episode
    double annualisedReturn = 0.0; // geometric
    double sharpe = 0.0; // annualised, geometric return, risk-free 0
    double sortino = 0.0; // per period, MAR 0
    double downsideDeviation = 0.0; // per period, MAR 0
    double skewness = 0.0; // population (PA "moment")
    double excessKurtosis = 0.0; // population (PA "moment")
    std::optional<double> beta, alphaAnnualised; // when a benchmark is set
    std::optional<HoldingScore> score; // instruments only

    // nullptr when the (method, confidence) pair was not computed (confidence to 1e-12).
    const TailFigure* tail(RiskMethod method, double confidence) const;
};

// Component VaR of the portfolio for one (method, confidence); Historical, Gaussian, Modified only.
struct ComponentFigure {
    RiskMethod method = RiskMethod::Historical;
    double confidence = 0.0;
    double total = 0.0; // VaR of sum_i w_i r_i, sign convention of the run
    std::vector<double> marginal, component, share; // one per PortfolioRisk::tickers entry
};

// Rolling VaR backtest of the portfolio return series for one confidence.
struct BacktestFigure {
    double confidence = 0.0;
    RiskMethod method = RiskMethod::Historical;
    VarBacktest result; // forecast/hit aligned with PortfolioRisk::dates
};

struct PortfolioRisk {
    SeriesRisk figures; // ticker = portfolio name ("(equal weight)" / "(weighted)" if none)
    PortfolioConstruction construction = PortfolioConstruction::BuyAndHold;
    std::vector<std::string> tickers; // holdings, in report order
    std::vector<double> weights; // initial weights, sum 1
    std::vector<ComponentFigure> components;
    std::vector<TailFigure> filteredHistorical; // per confidence (when MonteCarlo is asked)
    std::vector<double> correlation; // row-major tickers x tickers, Pearson
    // Time series, one value per return date:
    std::vector<Date> dates;
    std::vector<double> returns; // portfolio returns (histogram)
    std::vector<double> underwater; // drawdown, <= 0
    std::vector<double> rollingSampleVol; // annualised, NaN before `window` returns
    std::vector<double> ewmaVol; // annualised conditional EWMA volatility
    std::vector<double> garchVol; // annualised GARCH conditional volatility (empty if no fit)
    std::vector<BacktestFigure> backtests; // one per confidence
};

struct RiskReport {
    RiskRunOptions options; // as resolved (portfolio name filled in, tickers upper-cased)
    std::string createdAt; // ISO-8601 UTC
    std::string conventionsText; // "VaR as a negative return (PerformanceAnalytics convention)..."
    std::string dataHash; // SHA-256 (hex) of the aligned prices used; see isRiskRunStale()
    std::optional<Date> firstDate, lastDate; // of the returns
    std::size_t observations = 0; // common returns
    std::vector<SeriesRisk> instruments; // in portfolio / options order
    PortfolioRisk portfolio;
    std::vector<std::string> warnings; // e.g. prices forward-filled, GARCH did not converge

    const SeriesRisk* instrument(std::string_view ticker) const; // nullptr when absent
};

// Describes conventions and the run's choices in words, one line.
std::string conventionsStatement(const RiskRunOptions& options);

// Computes a run; see the contract at the top of this file.
Result<RiskReport> computeRiskReport(
    ProjectStore& store, const RiskRunOptions& options, const Progress& progress = {});

// JSON form (stored in the project and printed by `marketlens risk --json`). Doubles are written
// as JSON numbers in the shortest text that reads back to the same double (round trip exact);
// NaN/inf as null (read back as NaN). Dates ISO "YYYY-MM-DD".
QJsonObject toJson(const RiskRunOptions& options);
Result<RiskRunOptions> riskRunOptionsFromJson(const QJsonObject& json);
QJsonObject toJson(const RiskReport& report);
Result<RiskReport> riskReportFromJson(const QJsonObject& json);

// --- persistence (table risk_runs, schema version 3) ---
struct RiskRunInfo {
    std::int64_t id = 0;
    std::string createdAt;
    std::string name;
    std::string portfolio;
    std::vector<std::string> tickers;
    std::vector<double> confidences;
    std::vector<RiskMethod> methods;
    std::optional<Date> firstDate, lastDate;
    std::string dataHash;
};

// Stores the report; returns its id. One transaction.
Result<std::int64_t> saveRiskRun(ProjectStore& store, const RiskReport& report);
// All runs, newest first, without their results (cheap to list).
Result<std::vector<RiskRunInfo>> listRiskRuns(ProjectStore& store);
// NotFound for an unknown id; Corrupt when the stored JSON cannot be read.
Result<RiskReport> loadRiskRun(ProjectStore& store, std::int64_t id);
// The newest run, nullopt when there is none.
Result<std::optional<RiskReport>> latestRiskRun(ProjectStore& store);
Status deleteRiskRun(ProjectStore& store, std::int64_t id);
Result<std::int64_t> riskRunCount(ProjectStore& store);
// True when the prices the run used have changed (or are gone) since it was computed. Reads
// every holding's prices (as computeRiskReport does): on a large project this takes as long as
// the reading part of a run, so `progress` reports each series read and can stop the check
// (Cancelled).
Result<bool> isRiskRunStale(
    ProjectStore& store, const RiskReport& report, const Progress& progress = {});

} // namespace marketlens::core::risk
