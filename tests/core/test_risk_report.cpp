// Risk runs (core/risk/risk_report.h) on a project imported from tests/data/dowjones30_prices.csv:
// the report's numbers equal the engine functions on the same returns and the PerformanceAnalytics
// oracle, component VaR adds up, JSON and the project table round-trip exactly, cancel works.
#include "core/price_import.h"
#include "core/project_store.h"
#include "core/risk/component_var.h"
#include "core/risk/measure_set.h"
#include "core/risk/risk_report.h"
#include "risk_test_data.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace marketlens::core;
using namespace marketlens::core::risk;

namespace {

bool closeRel(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(std::abs(b), 1e-300);
}

bool sameBits(double a, double b)
{
    if (std::isnan(a) && std::isnan(b))
        return true;
    return std::memcmp(&a, &b, sizeof a) == 0;
}

QByteArray text(const RiskReport& r)
{
    return QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRiskReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_path;
    marketlens::test::Oracle m_oracle;
    QStringList m_oracleColumns;

    Result<RiskReport> run(const RiskRunOptions& o, const Progress& p = {})
    {
        auto store = ProjectStore::open(m_path);
        if (!store)
            return store.error();
        return computeRiskReport(*store, o, p);
    }

    static RiskRunOptions coreOptions()
    {
        RiskRunOptions o;
        o.portfolio = "Core";
        o.scenarios = 20000;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("dj.mlens")).toStdString();
        QVERIFY(ProjectStore::create(m_path));
        auto imported = importFiles(
            m_path, {MARKETLENS_TEST_DATA "/dowjones30_prices.csv"}, ImportOptions {});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        auto store = ProjectStore::open(m_path);
        QVERIFY(store);
        Portfolio p;
        p.name = "Core";
        for (auto [t, w] : {std::pair {"AA", 0.4}, {"IBM", 0.35}, {"KO", 0.25}})
            p.holdings.push_back({t, std::nullopt, w, std::nullopt, ""});
        QVERIFY(store->writePortfolio(p));
        QVERIFY(marketlens::test::readOracle(
            marketlens::test::riskDataPath("oracle_dowjones30.csv"), m_oracle, m_oracleColumns));
    }

    // A single stock over the full range equals PerformanceAnalytics to 1e-9.
    void instrumentMatchesOracle()
    {
        auto report = run(coreOptions());
        QVERIFY2(report, report ? "" : report.error().toString().c_str());
        QCOMPARE(report->observations, std::size_t(2528));
        for (const char* ticker : {"AA", "IBM", "KO"}) {
            const SeriesRisk* s = report->instrument(ticker);
            QVERIFY(s);
            auto oracle = [&](const std::string& metric) { return m_oracle.at(metric).at(ticker); };
            for (double p : {0.95, 0.99}) {
                const std::string pc = p == 0.95 ? "95" : "99";
                const std::pair<RiskMethod, std::string> methods[]
                    = {{RiskMethod::Historical, "hist"}, {RiskMethod::Gaussian, "gauss"},
                        {RiskMethod::Modified, "mod"}};
                for (const auto& [m, name] : methods) {
                    const TailFigure* t = s->tail(m, p);
                    QVERIFY(t);
                    QVERIFY2(closeRel(t->var, oracle("VaR_" + name + "_" + pc), 1e-9),
                        (std::string(ticker) + " VaR " + name + pc).c_str());
                    QVERIFY2(closeRel(t->es, oracle("ES_" + name + "_" + pc), 1e-9),
                        (std::string(ticker) + " ES " + name + pc).c_str());
                }
                const TailFigure* mc = s->tail(RiskMethod::MonteCarlo, p);
                QVERIFY(mc); // simulated normal: near the Gaussian figure
                QVERIFY(closeRel(mc->var, s->tail(RiskMethod::Gaussian, p)->var, 0.05));
            }
            QVERIFY(closeRel(s->volatility.sampleAnnualised, oracle("vol_annualized"), 1e-9));
            QVERIFY(closeRel(s->annualisedReturn, oracle("return_annualized_geometric"), 1e-9));
            QVERIFY(closeRel(s->sharpe, oracle("sharpe_annualized_geometric"), 1e-9));
            QVERIFY(closeRel(s->sortino, oracle("sortino_daily_MAR0"), 1e-9));
            QVERIFY(closeRel(s->downsideDeviation, oracle("downside_deviation_MAR0"), 1e-9));
            QVERIFY(closeRel(s->skewness, oracle("skewness_moment"), 1e-9));
            QVERIFY(closeRel(s->excessKurtosis, oracle("kurtosis_excess_moment"), 1e-9));
            QVERIFY(closeRel(s->maxDrawdown, oracle("maxDrawdown_geometric"), 1e-9));
            QVERIFY(s->score);
            QVERIFY(s->score->score >= 0.0 && s->score->score <= 100.0);
        }
        QVERIFY(report->conventionsText.find("negative return") != std::string::npos);
        QVERIFY(report->conventionsText.find("252") != std::string::npos);
    }

    // The report's numbers are the engine's, on returns computed here independently.
    void equalsEngineFunctions()
    {
        RiskRunOptions o = coreOptions();
        o.benchmark = "MSFT";
        o.from = Date::fromIso("1995-01-01");
        o.to = Date::fromIso("1999-12-31");
        auto report = run(o);
        QVERIFY2(report, report ? "" : report.error().toString().c_str());
        auto store = ProjectStore::open(m_path);
        std::vector<PriceSeries> series;
        for (const char* t : {"AA", "IBM", "KO", "MSFT"})
            series.push_back(*store->prices(t, o.from, o.to));
        auto returns = alignedReturns(series);
        QVERIFY(returns);
        QCOMPARE(report->observations, returns->dates.size());
        QCOMPARE(report->firstDate, std::optional<Date>(returns->dates.front()));
        const std::vector<double>& bench = returns->columns[3];
        for (std::size_t i = 0; i < 3; ++i) {
            const std::vector<double>& r = returns->columns[i];
            const SeriesRisk& s = report->instruments[i];
            QCOMPARE(s.ticker, returns->tickers[i]);
            for (double p : o.confidences)
                for (auto [m, vm] : {std::pair {RiskMethod::Historical, VarMethod::Historical},
                         {RiskMethod::Gaussian, VarMethod::Gaussian},
                         {RiskMethod::Modified, VarMethod::Modified}}) {
                    QVERIFY(closeRel(s.tail(m, p)->var, *valueAtRisk(r, p, vm), 1e-12));
                    QVERIFY(closeRel(s.tail(m, p)->es, *expectedShortfall(r, p, vm), 1e-12));
                }
            QVERIFY(closeRel(s.volatility.sampleAnnualised, *annualisedVolatility(r), 1e-12));
            QVERIFY(closeRel(s.maxDrawdown, *maxDrawdown(r), 1e-12));
            QVERIFY(closeRel(*s.beta, betaAlpha(r, bench)->beta, 1e-12));
            QVERIFY(closeRel(*s.alphaAnnualised, betaAlpha(r, bench)->alphaAnnualised, 1e-12));
            auto fit = fitGarch11(r);
            QVERIFY(fit);
            QCOMPARE(s.volatility.garch.omega, fit->params.omega);
            QCOMPARE(s.volatility.garch.beta, fit->params.beta);
        }
        // Buy and hold from weights: the engine's portfolio returns.
        const std::vector<double> w {0.4, 0.35, 0.25};
        std::vector<std::vector<double>> assets(
            returns->columns.begin(), returns->columns.begin() + 3);
        auto pr = portfolioReturns(assets, w, Rebalance::None);
        QCOMPARE(report->portfolio.returns, *pr);
        QCOMPARE(report->portfolio.dates, returns->dates);
        QCOMPARE(report->portfolio.weights, w);
        QVERIFY(closeRel(report->portfolio.figures.tail(RiskMethod::Modified, 0.99)->var,
            *valueAtRisk(*pr, 0.99, VarMethod::Modified), 1e-12));
        // Correlation, drawdown and the EWMA series.
        auto corr = correlationMatrix(assets);
        QCOMPARE(report->portfolio.correlation.size(), std::size_t(9));
        for (std::size_t i = 0; i < 9; ++i)
            QVERIFY(std::abs(report->portfolio.correlation[i] - (*corr)[i]) < 1e-12);
        QCOMPARE(report->portfolio.underwater.size(), pr->size());
        QVERIFY(closeRel(-*std::min_element(report->portfolio.underwater.begin(),
                             report->portfolio.underwater.end()),
            *maxDrawdown(*pr), 1e-12));
        auto ewma = ewmaVariance(*pr);
        QVERIFY(closeRel(report->portfolio.ewmaVol[100], std::sqrt((*ewma)[100] * 252.0), 1e-14));
        QCOMPARE(report->portfolio.rollingSampleVol.size(), pr->size());
        QVERIFY(std::isnan(report->portfolio.rollingSampleVol[248]));
        const std::span<const double> window(pr->data() + 1, 250);
        QVERIFY(closeRel(report->portfolio.rollingSampleVol[250],
            *sampleStdDev(window) * std::sqrt(252.0), 1e-12));
        // Backtests, one per confidence, equal to the engine's.
        QCOMPARE(report->portfolio.backtests.size(), std::size_t(2));
        auto bt = backtestVar(*pr, 250, 0.99, VarMethod::Historical);
        QCOMPARE(report->portfolio.backtests[1].result.exceedances, bt->exceedances);
        QCOMPARE(report->portfolio.backtests[1].result.kupiec.pValue, bt->kupiec.pValue);
    }

    void componentVarSumsToPortfolioVar()
    {
        RiskRunOptions o = coreOptions();
        o.construction = PortfolioConstruction::RebalanceDaily;
        auto report = run(o);
        QVERIFY(report);
        const PortfolioRisk& p = report->portfolio;
        QCOMPARE(p.components.size(), std::size_t(2 * 3));
        for (const ComponentFigure& c : p.components) {
            double sum = 0.0;
            for (double x : c.component)
                sum += x;
            QVERIFY(closeRel(sum, c.total, 1e-12));
            // Rebalanced daily, the fixed-weight portfolio is the portfolio itself.
            QVERIFY(closeRel(c.total, p.figures.tail(c.method, c.confidence)->var, 1e-12));
        }
        QCOMPARE(p.filteredHistorical.size(), std::size_t(2));
    }

    void lossAsPositiveFlipsSign()
    {
        RiskRunOptions o = coreOptions();
        o.methods = {RiskMethod::Historical, RiskMethod::Gaussian};
        auto a = run(o);
        o.conventions.lossAsPositive = true;
        auto b = run(o);
        QVERIFY(a && b);
        QCOMPARE(b->instruments[0].tail(RiskMethod::Gaussian, 0.99)->var,
            -a->instruments[0].tail(RiskMethod::Gaussian, 0.99)->var);
        QVERIFY(b->instruments[0].tail(RiskMethod::Gaussian, 0.99)->var > 0.0);
        QVERIFY(b->conventionsText.find("positive losses") != std::string::npos);
        QVERIFY(!b->instruments[0].tail(RiskMethod::MonteCarlo, 0.99));
    }

    void jsonRoundTripIsExact()
    {
        RiskRunOptions o = coreOptions();
        o.benchmark = "GE";
        o.seed = 0xFEDCBA9876543210ULL; // more than 53 bits
        auto report = run(o);
        QVERIFY(report);
        const QByteArray first = text(*report);
        auto back = riskReportFromJson(QJsonDocument::fromJson(first).object());
        QVERIFY2(back, back ? "" : back.error().toString().c_str());
        QCOMPARE(text(*back), first);
        QCOMPARE(back->options.seed, o.seed);
        const PortfolioRisk& a = report->portfolio;
        const PortfolioRisk& b = back->portfolio;
        QCOMPARE(b.returns.size(), a.returns.size());
        for (std::size_t i = 0; i < a.returns.size(); ++i) {
            QVERIFY(sameBits(a.returns[i], b.returns[i]));
            QVERIFY(sameBits(a.rollingSampleVol[i], b.rollingSampleVol[i]));
            QVERIFY(sameBits(a.garchVol[i], b.garchVol[i]));
            QVERIFY(sameBits(a.backtests[0].result.forecast[i], b.backtests[0].result.forecast[i]));
            QCOMPARE(a.backtests[0].result.hit[i], b.backtests[0].result.hit[i]);
        }
        QCOMPARE(b.dates, a.dates);
        for (std::size_t i = 0; i < report->instruments.size(); ++i) {
            const SeriesRisk& x = report->instruments[i];
            const SeriesRisk& y = back->instruments[i];
            QCOMPARE(y.tails.size(), x.tails.size());
            for (std::size_t t = 0; t < x.tails.size(); ++t) {
                QVERIFY(sameBits(x.tails[t].var, y.tails[t].var));
                QVERIFY(sameBits(x.tails[t].es, y.tails[t].es));
            }
            QVERIFY(sameBits(*x.beta, *y.beta));
            QVERIFY(sameBits(x.volatility.garch.alpha, y.volatility.garch.alpha));
            QCOMPARE(y.score->zone, x.score->zone);
            QVERIFY(sameBits(y.score->score, x.score->score));
            QCOMPARE(y.drawdownTrough, x.drawdownTrough);
        }
        QVERIFY(!riskReportFromJson(QJsonObject {}));
    }

    void saveListLoad()
    {
        auto store = ProjectStore::open(m_path);
        QVERIFY(store);
        QCOMPARE(*riskRunCount(*store), std::int64_t(0));
        QVERIFY(!*latestRiskRun(*store));
        RiskRunOptions o = coreOptions();
        o.name = "first";
        o.methods = {RiskMethod::Historical};
        auto first = computeRiskReport(*store, o);
        QVERIFY(first);
        auto id1 = saveRiskRun(*store, *first);
        QVERIFY(id1);
        o.name = "second";
        o.confidences = {0.975};
        auto second = computeRiskReport(*store, o);
        QVERIFY(second);
        auto id2 = saveRiskRun(*store, *second);
        QVERIFY(id2);
        store->close();

        auto reopened = ProjectStore::open(m_path);
        QVERIFY(reopened);
        auto runs = listRiskRuns(*reopened);
        QVERIFY(runs);
        QCOMPARE(runs->size(), std::size_t(2));
        QCOMPARE((*runs)[0].id, *id2); // newest first
        QCOMPARE((*runs)[0].name, std::string("second"));
        QCOMPARE((*runs)[0].portfolio, std::string("Core"));
        QCOMPARE((*runs)[0].tickers, (std::vector<std::string> {"AA", "IBM", "KO"}));
        QCOMPARE((*runs)[0].confidences, std::vector<double> {0.975});
        QCOMPARE((*runs)[0].methods, std::vector<RiskMethod> {RiskMethod::Historical});
        QCOMPARE((*runs)[0].lastDate, second->lastDate);
        QCOMPARE((*runs)[1].dataHash, first->dataHash);
        auto loaded = loadRiskRun(*reopened, *id1);
        QVERIFY(loaded);
        QCOMPARE(text(*loaded), text(*first));
        auto latest = latestRiskRun(*reopened);
        QVERIFY(latest && *latest);
        QCOMPARE(text(**latest), text(*second));
        QCOMPARE(int(loadRiskRun(*reopened, 999).error().code), int(ErrorCode::NotFound));
        // The check reads each holding's series with progress (3 holdings) and stops when told.
        std::vector<std::int64_t> seen;
        const auto check = isRiskRunStale(*reopened, *loaded, [&](std::int64_t done, std::int64_t total) {
            seen.push_back(done);
            return total >= 3 && done < 2; // stop after the second series
        });
        QVERIFY(!check);
        QCOMPARE(int(check.error().code), int(ErrorCode::Cancelled));
        QCOMPARE(seen, (std::vector<std::int64_t> {1, 2}));
        // Stale once a price it used changes.
        QCOMPARE(*isRiskRunStale(*reopened, *loaded), false);
        QVERIFY(reopened->db().exec("UPDATE prices SET close = close * 1.01 WHERE date = "
                                    "'1995-06-01' AND instrument_id = (SELECT id FROM "
                                    "instruments WHERE ticker = 'KO')"));
        QCOMPARE(*isRiskRunStale(*reopened, *loaded), true);
        QVERIFY(deleteRiskRun(*reopened, *id1));
        QVERIFY(deleteRiskRun(*reopened, *id2));
        QCOMPARE(*riskRunCount(*reopened), std::int64_t(0));
        QVERIFY(reopened->db().exec("UPDATE prices SET close = close / 1.01 WHERE date = "
                                    "'1995-06-01' AND instrument_id = (SELECT id FROM "
                                    "instruments WHERE ticker = 'KO')"));
    }

    void cancel()
    {
        int calls = 0;
        auto r = run(coreOptions(), [&](std::int64_t, std::int64_t) { return ++calls < 3; });
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::Cancelled));
        QCOMPARE(calls, 3);
        std::int64_t last = -1, total = 0;
        auto ok = run(coreOptions(), [&](std::int64_t d, std::int64_t t) {
            last = d;
            total = t;
            return true;
        });
        QVERIFY(ok);
        QCOMPARE(last, total);
    }

    void errors()
    {
        RiskRunOptions o;
        o.instruments = {"AA", "NOPE"};
        auto r = run(o);
        QCOMPARE(int(r.error().code), int(ErrorCode::NotFound));
        QVERIFY2(r.error().message.find("NOPE") != std::string::npos, r.error().message.c_str());
        o = RiskRunOptions {};
        o.portfolio = "Nope";
        r = run(o);
        QCOMPARE(int(r.error().code), int(ErrorCode::NotFound));
        QVERIFY(r.error().message.find("Core") != std::string::npos); // lists what exists
        o = coreOptions();
        o.benchmark = "XYZ";
        QCOMPARE(int(run(o).error().code), int(ErrorCode::NotFound));
        o = coreOptions();
        o.from = Date::fromIso("1999-12-01");
        o.to = Date::fromIso("1999-12-31");
        r = run(o);
        QCOMPARE(int(r.error().code), int(ErrorCode::BadData));
        QVERIFY2(r.error().message.find("too few observations") != std::string::npos,
            r.error().message.c_str());
        o = coreOptions();
        o.confidences = {0.95, 1.5};
        QCOMPARE(int(run(o).error().code), int(ErrorCode::InvalidArgument));
        o = coreOptions();
        o.window = 5;
        QCOMPARE(int(run(o).error().code), int(ErrorCode::InvalidArgument));
        o = RiskRunOptions {};
        o.instruments = {"AA", "KO"};
        o.weights = {0.5, 0.6};
        QCOMPARE(int(run(o).error().code), int(ErrorCode::InvalidArgument));
    }

    // A portfolio held by quantity: buy and hold of the units, initial weights from the first
    // prices; monthly rebalancing goes back to those weights.
    void quantitiesAndMonthlyRebalance()
    {
        {
            auto store = ProjectStore::open(m_path);
            Portfolio p;
            p.name = "ByQty";
            p.holdings.push_back({"GE", 100.0, std::nullopt, std::nullopt, ""});
            p.holdings.push_back({"XOM", 40.0, std::nullopt, std::nullopt, ""});
            QVERIFY(store->writePortfolio(p));
        }
        RiskRunOptions o;
        o.portfolio = "byqty"; // names match case-insensitively when not exact
        o.methods = {RiskMethod::Historical};
        auto r = run(o);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QCOMPARE(r->options.portfolio, std::string("ByQty"));
        auto store = ProjectStore::open(m_path);
        std::vector<PriceSeries> series {*store->prices("GE"), *store->prices("XOM")};
        auto aligned = alignPrices(series);
        QVERIFY(aligned);
        const double v0 = 100.0 * aligned->columns[0][0] + 40.0 * aligned->columns[1][0];
        QVERIFY(closeRel(r->portfolio.weights[0], 100.0 * aligned->columns[0][0] / v0, 1e-15));
        const std::vector<double> q {100.0, 40.0};
        QCOMPARE(r->portfolio.returns, *portfolioReturnsFromQuantities(*aligned, q));
        o.construction = PortfolioConstruction::RebalanceMonthly;
        auto monthly = run(o);
        QVERIFY(monthly);
        auto returns = returnsOf(*aligned);
        QCOMPARE(monthly->portfolio.returns,
            *portfolioReturns(
                returns->columns, monthly->portfolio.weights, Rebalance::Monthly, returns->dates));
        QVERIFY(monthly->portfolio.returns != r->portfolio.returns);
        QVERIFY(monthly->conventionsText.find("portfolio monthly") != std::string::npos);
    }

    // Instruments without a portfolio: equal weights by default.
    void instrumentsEqualWeight()
    {
        RiskRunOptions o;
        o.instruments = {"ko", "ge"};
        o.methods = {RiskMethod::Gaussian};
        auto r = run(o);
        QVERIFY(r);
        QCOMPARE(r->portfolio.tickers, (std::vector<std::string> {"KO", "GE"}));
        QCOMPARE(r->portfolio.weights, (std::vector<double> {0.5, 0.5}));
        QCOMPARE(r->portfolio.figures.ticker, std::string("(equal weight)"));
    }
};

QTEST_GUILESS_MAIN(TestRiskReport)
#include "test_risk_report.moc"
