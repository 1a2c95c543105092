// computeRiskReport(): loads and aligns the prices of a run, then fills the report from the engine
// (measure_set for the table measures, volatility/drawdown/monte_carlo/component_var/backtest for
// the rest). Per-series work runs on worker threads; only the calling thread reports progress, so
// the callback never has to be thread-safe.
#include "core/risk/risk_report.h"

#include "core/project_store.h"
#include "core/risk/component_var.h"
#include "core/risk/drawdown.h"
#include "core/risk/measure_set.h"
#include "core/risk/monte_carlo.h"
#include "core/risk/risk_report_inputs.h"

#include <QCryptographicHash>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace marketlens::core::risk {
namespace {

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

VarMethod toVarMethod(RiskMethod m)
{
    switch (m) {
    case RiskMethod::Gaussian:
        return VarMethod::Gaussian;
    case RiskMethod::Modified:
        return VarMethod::Modified;
    default:
        return VarMethod::Historical;
    }
}

unsigned threadCount(unsigned requested)
{
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    return requested == 0 ? hw : requested;
}

// Runs job(i) for i in [0, n) on `threads` threads. The calling thread waits and reports
// progress (base + done, total); a false answer stops the remaining jobs. Returns the first
// error, or Cancelled.
template <typename Job>
Status parallelJobs(std::size_t n, unsigned threads, const Progress& progress, std::int64_t base,
    std::int64_t total, const Job& job)
{
    std::atomic<std::size_t> next {0};
    std::atomic<bool> stop {false};
    std::mutex mutex;
    std::condition_variable cv;
    std::size_t done = 0;
    std::optional<Error> firstError;
    auto worker = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n || stop.load())
                return;
            Status s = job(i);
            std::lock_guard lock(mutex);
            if (!s && !firstError) {
                firstError = s.error();
                stop = true;
            }
            ++done;
            cv.notify_one();
        }
    };
    std::vector<std::thread> pool;
    const unsigned count = unsigned(std::min<std::size_t>(threadCount(threads), n));
    for (unsigned t = 0; t < count; ++t)
        pool.emplace_back(worker);
    bool cancelled = false;
    {
        std::unique_lock lock(mutex);
        std::size_t reported = 0;
        while (done < n) {
            cv.wait(lock, [&] { return done != reported || done >= n || stop.load(); });
            if (stop)
                break;
            reported = done;
            lock.unlock();
            const bool carryOn = reportProgress(progress, base + std::int64_t(reported), total);
            lock.lock();
            if (!carryOn) {
                cancelled = true;
                stop = true;
            }
        }
    }
    for (std::thread& t : pool)
        t.join();
    if (firstError)
        return *firstError;
    if (cancelled)
        return makeError(ErrorCode::Cancelled, "risk run cancelled");
    return {};
}

// Everything of SeriesRisk that is not in the MeasureSet: the tails in the run's order, GARCH,
// drawdown dates, alpha. `simulate(p)` gives the Monte Carlo VaR/ES at confidence p.
template <typename Simulate>
Result<SeriesRisk> seriesRisk(const std::string& name, std::span<const double> r,
    const MeasureSet& m, std::span<const Date> dates, std::span<const double> benchmark,
    const RiskRunOptions& o, GarchFit* fitOut, const Simulate& simulate)
{
    const RiskConventions& c = o.conventions;
    const double annual = std::sqrt(c.periodsPerYear);
    SeriesRisk s;
    s.ticker = name;
    s.observations = m.observations;
    for (std::size_t ci = 0; ci < o.confidences.size(); ++ci) {
        const TailMeasures& t = m.tails[ci];
        for (RiskMethod method : o.methods) {
            TailFigure f {method, o.confidences[ci], 0.0, 0.0};
            switch (method) {
            case RiskMethod::Historical:
                f.var = t.varHistorical;
                f.es = t.esHistorical;
                break;
            case RiskMethod::Gaussian:
                f.var = t.varGaussian;
                f.es = t.esGaussian;
                break;
            case RiskMethod::Modified:
                f.var = t.varModified;
                f.es = t.esModified;
                break;
            case RiskMethod::MonteCarlo: {
                auto sim = simulate(o.confidences[ci]);
                if (!sim)
                    return sim.error();
                f.var = sim->var;
                f.es = sim->es;
                break;
            }
            }
            s.tails.push_back(f);
        }
    }
    VolatilityFigures& v = s.volatility;
    v.sampleAnnualised = m.volatilityAnnualised;
    v.ewmaAnnualised = m.ewmaVolatilityAnnualised;
    if (auto fit = fitGarch11(r)) {
        v.garchAvailable = true;
        v.garch = fit->params;
        v.garchLogLikelihood = fit->logLikelihood;
        v.garchConverged = fit->converged;
        v.garchForecastAnnualised = std::sqrt(fit->conditionalVariance.back()) * annual;
        const double persistence = fit->params.alpha + fit->params.beta;
        v.garchLongRunAnnualised = persistence < 1.0
            ? std::sqrt(fit->unconditionalVariance()) * annual
            : std::numeric_limits<double>::quiet_NaN();
        for (double h : garchForecast(*fit, 10))
            v.garchForecastPath.push_back(std::sqrt(h) * annual);
        if (fitOut)
            *fitOut = std::move(*fit);
    } else {
        v.garchError = fit.error().message;
    }
    auto dd = analyseDrawdowns(r, true, dates);
    if (!dd)
        return dd.error();
    s.maxDrawdown = m.maxDrawdownGeometric;
    if (!dd->episodes.empty()) {
        const DrawdownEpisode& e = dd->episodes[dd->worstEpisode];
        s.drawdownPeak = e.peakDate;
        s.drawdownTrough = e.troughDate;
        s.drawdownRecovery = e.recoveryDate;
    }
    s.annualisedReturn = m.returnGeometric;
    s.sharpe = m.sharpeGeometric;
    s.sortino = m.sortino;
    s.downsideDeviation = m.downsideDeviation;
    s.skewness = m.skewness;
    s.excessKurtosis = m.excessKurtosis;
    if (!benchmark.empty()) {
        auto ba = betaAlpha(r, benchmark, c);
        if (!ba)
            return ba.error();
        s.beta = ba->beta;
        s.alphaAnnualised = ba->alphaAnnualised;
    }
    return s;
}

std::vector<double> annualisedVolatilitySeries(
    std::span<const double> variances, std::size_t n, double periodsPerYear)
{
    std::vector<double> out(n);
    for (std::size_t t = 0; t < n; ++t)
        out[t] = std::sqrt(variances[t] * periodsPerYear);
    return out;
}

Status validate(const RiskRunOptions& o)
{
    if (o.confidences.empty())
        return invalid("no confidence level given");
    for (std::size_t i = 0; i < o.confidences.size(); ++i) {
        const double p = o.confidences[i];
        if (!(p > 0.0 && p < 1.0))
            return invalid("confidence " + std::to_string(p) + " is outside (0, 1)");
        for (std::size_t j = 0; j < i; ++j)
            if (o.confidences[j] == p)
                return invalid("confidence " + std::to_string(p) + " given twice");
    }
    if (o.methods.empty())
        return invalid("no VaR method given");
    for (std::size_t i = 0; i < o.methods.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (o.methods[i] == o.methods[j])
                return invalid(
                    std::string("method ") + riskMethodName(o.methods[i]) + " given twice");
    if (o.window < 20)
        return invalid("window " + std::to_string(o.window) + " is too short (at least 20)");
    if (o.from && o.to && *o.from > *o.to)
        return invalid("from date " + o.from->toIso() + " is after to date " + o.to->toIso());
    if (o.backtestMethod == RiskMethod::MonteCarlo)
        return invalid("the backtest method must be historical, gaussian or modified");
    if (o.scenarios < 1000)
        return invalid("at least 1000 Monte Carlo scenarios are needed");
    if (!(o.conventions.periodsPerYear > 0.0))
        return invalid("periods per year must be positive");
    return {};
}

} // namespace

const char* riskMethodName(RiskMethod m)
{
    switch (m) {
    case RiskMethod::Historical:
        return "historical";
    case RiskMethod::Gaussian:
        return "gaussian";
    case RiskMethod::Modified:
        return "modified";
    case RiskMethod::MonteCarlo:
        return "montecarlo";
    }
    return "historical";
}

std::optional<RiskMethod> riskMethodFromName(std::string_view name)
{
    std::string s(name);
    std::transform(
        s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
    for (RiskMethod m : {RiskMethod::Historical, RiskMethod::Gaussian, RiskMethod::Modified,
             RiskMethod::MonteCarlo})
        if (s == riskMethodName(m))
            return m;
    if (s == "normal")
        return RiskMethod::Gaussian;
    if (s == "cornish-fisher")
        return RiskMethod::Modified;
    if (s == "monte-carlo" || s == "mc")
        return RiskMethod::MonteCarlo;
    return std::nullopt;
}

const char* constructionName(PortfolioConstruction c)
{
    switch (c) {
    case PortfolioConstruction::BuyAndHold:
        return "buy-and-hold";
    case PortfolioConstruction::RebalanceDaily:
        return "daily";
    case PortfolioConstruction::RebalanceMonthly:
        return "monthly";
    }
    return "buy-and-hold";
}

std::optional<PortfolioConstruction> constructionFromName(std::string_view name)
{
    for (PortfolioConstruction c : {PortfolioConstruction::BuyAndHold,
             PortfolioConstruction::RebalanceDaily, PortfolioConstruction::RebalanceMonthly})
        if (name == constructionName(c))
            return c;
    return std::nullopt;
}

const TailFigure* SeriesRisk::tail(RiskMethod method, double confidence) const
{
    for (const TailFigure& t : tails)
        if (t.method == method && std::abs(t.confidence - confidence) < 1e-12)
            return &t;
    return nullptr;
}

const SeriesRisk* RiskReport::instrument(std::string_view ticker) const
{
    for (const SeriesRisk& s : instruments)
        if (s.ticker == ticker)
            return &s;
    return nullptr;
}

std::string conventionsStatement(const RiskRunOptions& o)
{
    const RiskConventions& c = o.conventions;
    std::string s = c.lossAsPositive
        ? "VaR and ES as positive losses (PerformanceAnalytics reports negative returns)"
        : "VaR and ES as negative returns (PerformanceAnalytics convention)";
    s += "; " + std::to_string(int(std::lround(c.periodsPerYear))) + " periods a year";
    s += c.sampleVariance ? "; sample variance (n - 1) in Gaussian and modified VaR/ES"
                          : "; population moments (divide by n) in Gaussian and modified VaR/ES";
    s += c.operationalModifiedEs ? "; operational modified ES" : "; raw Cornish-Fisher ES";
    s += "; historical VaR = type-7 quantile, ES = mean of returns below it";
    s += o.returnKind == ReturnKind::Log ? "; log returns" : "; simple returns";
    s += o.missing == MissingPolicy::Drop ? "; dates where every instrument has a price"
                                          : "; missing prices forward-filled";
    s += std::string("; portfolio ") + constructionName(o.construction);
    s += "; Monte Carlo " + std::to_string(o.scenarios) + " scenarios, seed "
        + std::to_string(o.seed);
    return s;
}

Result<RiskReport> computeRiskReport(
    ProjectStore& store, const RiskRunOptions& options, const Progress& progress)
{
    if (auto s = validate(options); !s)
        return s.error();
    // Progress steps: reading each series (holdings and benchmark), then the steps below.
    const std::int64_t hasBenchmark = options.benchmark.empty() ? 0 : 1;
    auto in = loadRiskInputs(store, options, [&](std::int64_t done, std::int64_t loads) {
        return reportProgress(progress, done, loads + (loads - hasBenchmark) + 6);
    });
    if (!in)
        return in.error();
    const std::int64_t base = std::int64_t(in->tickers.size()) + (in->hasBenchmark ? 1 : 0);
    RiskReport report;
    report.options = in->options;
    const RiskRunOptions& o = report.options;
    const RiskConventions& c = o.conventions;
    report.createdAt = utcNowIso();
    report.conventionsText = conventionsStatement(o);
    report.dataHash = in->dataHash;
    report.warnings = in->warnings;

    const std::size_t k = in->tickers.size();
    auto returns = returnsOf(in->prices, o.returnKind);
    if (!returns)
        return returns.error();
    const std::size_t n = returns->dates.size();
    report.observations = n;
    report.firstDate = returns->dates.front();
    report.lastDate = returns->dates.back();
    std::vector<std::vector<double>> assets(
        returns->columns.begin(), returns->columns.begin() + std::ptrdiff_t(k));
    const std::vector<double> benchmark
        = in->hasBenchmark ? returns->columns[k] : std::vector<double> {};

    // Portfolio returns are built from simple returns, then converted to the run's kind.
    auto simple = o.returnKind == ReturnKind::Simple ? returns : returnsOf(in->prices);
    if (!simple)
        return simple.error();
    std::vector<std::vector<double>> simpleAssets(
        simple->columns.begin(), simple->columns.begin() + std::ptrdiff_t(k));
    Result<std::vector<double>> portfolioSeries = std::vector<double> {};
    if (!in->quantities.empty() && o.construction == PortfolioConstruction::BuyAndHold) {
        AlignedPrices held = in->prices;
        held.tickers.resize(k);
        held.columns.resize(k);
        portfolioSeries = portfolioReturnsFromQuantities(held, in->quantities);
    } else {
        const Rebalance rebalance = o.construction == PortfolioConstruction::BuyAndHold
            ? Rebalance::None
            : (o.construction == PortfolioConstruction::RebalanceDaily ? Rebalance::Daily
                                                                       : Rebalance::Monthly);
        portfolioSeries = portfolioReturns(simpleAssets, in->weights, rebalance, simple->dates);
    }
    if (!portfolioSeries)
        return portfolioSeries.error();
    std::vector<double> pr = std::move(*portfolioSeries);
    if (o.returnKind == ReturnKind::Log)
        for (double& x : pr)
            x = std::log1p(x);

    // Steps: measure sets (1), one per series (k + 1), portfolio extras (4).
    const std::int64_t totalSteps = base + std::int64_t(k) + 6;
    if (!reportProgress(progress, base, totalSteps))
        return makeError(ErrorCode::Cancelled, "risk run cancelled");

    std::vector<std::vector<double>> all = assets;
    all.push_back(pr);
    auto sets = computeMeasureSets(all, o.confidences, c, benchmark, o.threads);
    if (!sets)
        return sets.error();
    if (!reportProgress(progress, base + 1, totalSteps))
        return makeError(ErrorCode::Cancelled, "risk run cancelled");

    const bool wantMc
        = std::find(o.methods.begin(), o.methods.end(), RiskMethod::MonteCarlo) != o.methods.end();
    SimulationOptions sim;
    sim.scenarios = o.scenarios;
    sim.seed = o.seed;
    sim.threads = 1; // the series already run in parallel
    std::vector<SeriesRisk> series(k + 1);
    GarchFit portfolioFit;
    const std::vector<double>& weights = in->weights;
    auto status = parallelJobs(k + 1, o.threads, progress, base + 1, totalSteps, [&](std::size_t i) {
        const bool isPortfolio = i == k;
        const std::string name = isPortfolio ? in->portfolioName : in->tickers[i];
        auto simulate = [&](double p) -> Result<SimulationResult> {
            if (isPortfolio && k > kJointSimulationLimit) {
                // Same law as the joint simulation (see kJointSimulationLimit), O(k n) to set up.
                std::vector<double> fixedWeight(n, 0.0);
                for (std::size_t a = 0; a < k; ++a)
                    for (std::size_t t = 0; t < n; ++t)
                        fixedWeight[t] += weights[a] * assets[a][t];
                const std::vector<double> one {1.0};
                return monteCarloVarFromReturns({fixedWeight}, one, p, sim, c);
            }
            if (isPortfolio)
                return monteCarloVarFromReturns(assets, weights, p, sim, c);
            const std::vector<double> one {1.0};
            return monteCarloVarFromReturns({all[i]}, one, p, sim, c);
        };
        auto s = seriesRisk(name, all[i], (*sets)[i], returns->dates, benchmark, o,
            isPortfolio ? &portfolioFit : nullptr, simulate);
        if (!s)
            return Status(s.error());
        series[i] = std::move(*s);
        return Status();
    });
    if (!status)
        return status.error();
    std::int64_t step = base + std::int64_t(k) + 3;
    auto next = [&]() { return reportProgress(progress, step++, totalSteps); };

    PortfolioRisk& p = report.portfolio;
    p.figures = std::move(series.back());
    series.pop_back();
    report.instruments = std::move(series);
    p.construction = o.construction;
    p.tickers = in->tickers;
    p.weights = weights;
    p.dates = returns->dates;
    for (double conf : o.confidences)
        for (RiskMethod m : o.methods) {
            if (m == RiskMethod::MonteCarlo)
                continue;
            auto comp = componentVar(assets, weights, conf, toVarMethod(m), c);
            if (!comp)
                return comp.error();
            p.components.push_back(
                {m, conf, comp->total, comp->marginal, comp->component, comp->share});
        }
    if (k <= kMaxCorrelationHoldings) {
        auto corr = correlationMatrixParallel(assets, o.threads);
        if (!corr)
            return corr.error();
        p.correlation = std::move(*corr);
    } else {
        report.warnings.push_back("correlation matrix not computed for " + std::to_string(k)
            + " holdings (at most " + std::to_string(kMaxCorrelationHoldings) + ")");
    }
    if (!next())
        return makeError(ErrorCode::Cancelled, "risk run cancelled");

    if (wantMc) {
        SimulationOptions fhs = sim;
        fhs.threads = o.threads;
        for (double conf : o.confidences) {
            auto f = filteredHistoricalVar(pr, conf, FilterModel::Garch, fhs, c);
            if (!f) {
                report.warnings.push_back("filtered historical simulation: " + f.error().message);
                break;
            }
            p.filteredHistorical.push_back({RiskMethod::MonteCarlo, conf, f->var, f->es});
        }
    }
    auto dd = analyseDrawdowns(pr, true, p.dates);
    if (!dd)
        return dd.error();
    p.underwater = std::move(dd->underwater);
    auto rollingSd = rolling(pr, o.window, [](Series w) { return sampleStdDev(w); });
    if (!rollingSd)
        return rollingSd.error();
    p.rollingSampleVol = std::move(*rollingSd);
    for (double& x : p.rollingSampleVol)
        x *= std::sqrt(c.periodsPerYear);
    auto ewma = ewmaVariance(pr);
    if (!ewma)
        return ewma.error();
    p.ewmaVol = annualisedVolatilitySeries(*ewma, n, c.periodsPerYear);
    if (p.figures.volatility.garchAvailable)
        p.garchVol
            = annualisedVolatilitySeries(portfolioFit.conditionalVariance, n, c.periodsPerYear);
    else
        report.warnings.push_back(
            "GARCH(1,1) of the portfolio: " + p.figures.volatility.garchError);
    p.returns = std::move(pr);
    if (!next())
        return makeError(ErrorCode::Cancelled, "risk run cancelled");

    for (double conf : o.confidences) {
        auto bt = backtestVar(p.returns, o.window, conf, toVarMethod(o.backtestMethod), c);
        if (!bt) {
            report.warnings.push_back("VaR backtest: " + bt.error().message);
            break;
        }
        p.backtests.push_back({conf, o.backtestMethod, std::move(*bt)});
    }
    if (!next())
        return makeError(ErrorCode::Cancelled, "risk run cancelled");

    auto factors = computeScoreFactors(assets, in->tickers, weights, benchmark, {}, c);
    auto scores
        = factors ? scoreHoldings(*factors) : Result<std::vector<HoldingScore>>(factors.error());
    if (scores) {
        for (HoldingScore& hs : *scores)
            for (SeriesRisk& s : report.instruments)
                if (s.ticker == hs.ticker)
                    s.score = hs;
    } else {
        report.warnings.push_back("risk score: " + scores.error().message);
    }
    for (const SeriesRisk& s : report.instruments)
        if (!s.volatility.garchAvailable)
            report.warnings.push_back("GARCH(1,1) of " + s.ticker + ": " + s.volatility.garchError);
        else if (!s.volatility.garchConverged)
            report.warnings.push_back("GARCH(1,1) of " + s.ticker + " did not fully converge");
    if (!next())
        return makeError(ErrorCode::Cancelled, "risk run cancelled");
    return report;
}

} // namespace marketlens::core::risk
