// Load fixes (issue 8, "Load") on a moderately large generated project: a risk run over more
// holdings than kJointSimulationLimit and kMaxCorrelationHoldings (the portfolio's Monte Carlo
// VaR from the law of the fixed-weight portfolio, no k x k correlation matrix, a stored run that
// reads back), and latestClose() (a seek instead of reading the series). The 25-million-price case
// runs in bench/ only (bench_load_make, bench_load_gui).

#include "core/price_queries.h"
#include "core/price_writer.h"
#include "core/project_store.h"
#include "core/risk/risk_report.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace marketlens::core;

namespace {

struct Generated {
    std::vector<std::string> tickers;
    std::vector<double> lastClose; // per ticker, as written
};

// `count` instruments x `days` business days of one-factor random walks, one portfolio holding
// all of them by weight; the last day of every other ticker has no close.
Generated writeProject(ProjectStore& store, int count, int days)
{
    Generated g;
    Transaction tx(store.db());
    if (!tx.begin())
        return g;
    PriceWriter writer(store);
    std::mt19937_64 rng(11);
    std::normal_distribution<double> market(0.0002, 0.01), own(0.0, 0.012);
    auto m = std::vector<double>(std::size_t(days));
    for (double& x : m)
        x = market(rng);
    Portfolio portfolio;
    portfolio.name = "Everything";
    for (int t = 0; t < count; ++t) {
        const std::string ticker = std::string("L").append(std::to_string(1000 + t));
        const auto id = writer.instrument(ticker);
        double close = 50.0 + t % 40;
        double last = kMissing;
        for (int d = 0; d < days; ++d) {
            close *= 1.0 + m[std::size_t(d)] + own(rng);
            const bool noClose = d == days - 1 && t % 2 == 1;
            const double v[kPriceFieldCount] = {close, close, close, noClose ? kMissing : close,
                noClose ? kMissing : close, 1000.0};
            if (!noClose)
                last = close;
            (void)writer.add(*id, Date(19000 + d + 2 * (d / 5)), v);
        }
        g.tickers.push_back(ticker);
        g.lastClose.push_back(last);
        Holding h;
        h.ticker = ticker;
        h.weight = 1.0 / count;
        portfolio.holdings.push_back(h);
    }
    if (!writer.flush() || !store.writePortfolio(portfolio) || !tx.commit())
        g.tickers.clear();
    return g;
}

} // namespace

class TestLoadScale : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void latestCloseSeeksTheNewestClose()
    {
        QTemporaryDir dir;
        auto store = ProjectStore::create(dir.filePath("p.mlens").toStdString());
        QVERIFY(store);
        const Generated g = writeProject(*store, 6, 40);
        QCOMPARE(g.tickers.size(), std::size_t(6));
        for (std::size_t i = 0; i < g.tickers.size(); ++i) {
            auto close = latestClose(*store, g.tickers[i]);
            QVERIFY(close);
            QCOMPARE(*close, g.lastClose[i]);
            // The same as the whole series read back: the last non-missing close.
            auto series = store->prices(g.tickers[i]);
            QVERIFY(series);
            double expected = kMissing;
            for (double c : series->close)
                if (!isMissing(c))
                    expected = c;
            QCOMPARE(*close, expected);
        }
        // Lower case is the same ticker; an unknown ticker has no close.
        auto lower = latestClose(*store, "l1000");
        QVERIFY(lower);
        QCOMPARE(*lower, g.lastClose[0]);
        auto unknown = latestClose(*store, "NOPE");
        QVERIFY(unknown);
        QVERIFY(isMissing(*unknown));
    }

    void riskOverManyHoldings()
    {
        QTemporaryDir dir;
        auto store = ProjectStore::create(dir.filePath("p.mlens").toStdString());
        QVERIFY(store);
        const int count = int(risk::kMaxCorrelationHoldings) + 20;
        QVERIFY(std::size_t(count) > risk::kJointSimulationLimit);
        const Generated g = writeProject(*store, count, 90);
        QCOMPARE(g.tickers.size(), std::size_t(count));

        risk::RiskRunOptions o;
        o.portfolio = "Everything";
        o.confidences = {0.95};
        o.methods = {risk::RiskMethod::Gaussian, risk::RiskMethod::MonteCarlo};
        o.window = 20;
        o.scenarios = 20000;
        o.to = Date(19000 + 80 + 2 * (80 / 5)); // before the day without closes
        std::int64_t calls = 0, lastDone = -1, lastTotal = 0;
        auto report = risk::computeRiskReport(*store, o, [&](std::int64_t done, std::int64_t total) {
            ++calls;
            lastDone = done;
            lastTotal = total;
            return true;
        });
        QVERIFY2(report, report ? "" : report.error().message.c_str());
        QCOMPARE(report->instruments.size(), std::size_t(count));
        QCOMPARE(report->portfolio.tickers.size(), std::size_t(count));
        // Progress: one step per series at least, ending at the total.
        QVERIFY(calls >= count);
        QCOMPARE(lastDone, lastTotal);
        // No correlation matrix, and a warning that says so.
        QVERIFY(report->portfolio.correlation.empty());
        bool warned = false;
        for (const std::string& w : report->warnings)
            warned = warned || w.find("correlation matrix not computed") != std::string::npos;
        QVERIFY(warned);
        // The portfolio's simulated VaR draws from N(w'mu, w'Sigma w), the Gaussian VaR's law:
        // with 20,000 scenarios they agree to a few per cent.
        const auto* gauss = report->portfolio.figures.tail(risk::RiskMethod::Gaussian, 0.95);
        const auto* mc = report->portfolio.figures.tail(risk::RiskMethod::MonteCarlo, 0.95);
        QVERIFY(gauss && mc);
        QVERIFY(gauss->var < 0.0);
        QVERIFY2(std::abs(mc->var / gauss->var - 1.0) < 0.05,
            qPrintable(QString("MC %1 vs Gaussian %2").arg(mc->var).arg(gauss->var)));
        // Stored and read back (an empty matrix is a valid stored report).
        auto id = risk::saveRiskRun(*store, *report);
        QVERIFY(id);
        auto loaded = risk::loadRiskRun(*store, *id);
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
        QCOMPARE(loaded->instruments.size(), std::size_t(count));
        QVERIFY(loaded->portfolio.correlation.empty());
        QCOMPARE(loaded->portfolio.figures.tail(risk::RiskMethod::MonteCarlo, 0.95)->var, mc->var);
    }

    void riskCancelStopsTheRun()
    {
        QTemporaryDir dir;
        auto store = ProjectStore::create(dir.filePath("p.mlens").toStdString());
        QVERIFY(store);
        const Generated g = writeProject(*store, 300, 60);
        QCOMPARE(g.tickers.size(), std::size_t(300));
        risk::RiskRunOptions o;
        o.portfolio = "Everything";
        o.window = 20;
        o.scenarios = 1000;
        o.to = Date(19000 + 50 + 2 * (50 / 5));
        std::int64_t calls = 0;
        auto report = risk::computeRiskReport(*store, o, [&](std::int64_t, std::int64_t) {
            return ++calls < 20; // Cancel after a few series
        });
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QVERIFY(calls >= 20);
    }
};

QTEST_GUILESS_MAIN(TestLoadScale)
#include "test_load_scale.moc"
