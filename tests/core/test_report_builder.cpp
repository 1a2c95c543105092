// The report builder (core/report/report_builder.h) on the bundled demo project: the holdings,
// the risk table (equal to computeRiskReport and to a historical VaR recomputed here from the
// prices with a type-7 quantile, docs/risk.md), the charts' data, forecasts and model cards from
// a stored model, section choice and order, errors (unknown section, unknown portfolio, no
// prices), a project with too few observations, reuse of a stored risk run, and Cancel.
#include "core/demo_project.h"
#include "core/forecast/model_store.h"
#include "core/price_import.h"
#include "core/project_store.h"
#include "core/report/report_builder.h"
#include "core/risk/risk_report.h"

#include "report_test_support.h"

#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <map>
#include <set>

using namespace marketlens::core;
using namespace marketlens::core::report;
using namespace marketlens::core::report::test;

namespace {

// R's type-7 quantile, written out again here (not the engine's).
double quantile7(std::vector<double> x, double q)
{
    std::sort(x.begin(), x.end());
    const double h = (double(x.size()) - 1.0) * q;
    const std::size_t lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, x.size() - 1);
    return x[lo] + (h - double(lo)) * (x[hi] - x[lo]);
}

const char* const kDemoTickers[] = {"MSFT", "IBM", "KO", "JNJ", "GE", "XOM"};
const double kDemoQuantities[] = {1000, 400, 300, 600, 900, 500};

std::string metricsJson()
{
    return R"({"part":"test","test":{"origins":120,"first":"2000-06-01","last":"2000-11-30"},)"
           R"("forecasters":[)"
           R"({"name":"lstm","isModel":true,"count":600,"mae":1.25,"rmse":2.5,"mape":1.1,)"
           R"("smape":1.1,"mase":0.91,"directional":0.52,"coverage80":0.78,"coverage95":0.93},)"
           R"({"name":"naive","isModel":false,"count":600,"mae":1.5,"rmse":2.9,"mape":1.3,)"
           R"("smape":1.3,"mase":1.09,"directional":null,"coverage80":0.81,"coverage95":0.96},)"
           R"({"name":"drift","isModel":false,"count":600,"mae":1.9,"rmse":3.0,"mape":1.4,)"
           R"("smape":1.4,"mase":1.3,"directional":0.5,"coverage80":0.8,"coverage95":0.95}],)"
           R"("beatsNaive":true,"verdict":"LSTM beats naive.",)"
           R"("training":{"bestEpoch":12,"epochsRun":20}})";
}

} // namespace

class TestReportBuilder : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_demo;

    std::string copyOfDemo(const char* name) { return copyProject(m_dir, m_demo, name); }

    Result<ReportDocument> build(
        const std::string& path, const ReportOptions& o, const Progress& progress = {})
    {
        return buildFromFile(path, o, progress);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.mlens")).toStdString();
        auto s = writeDemoProject(m_demo);
        QVERIFY2(s, s ? "" : s.error().toString().c_str());
    }

    void defaultSectionsInOrder()
    {
        auto doc = build(m_demo, quickOptions());
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        // No models in the demo: forecasts and models are left out when not asked for.
        QCOMPARE(sectionIds(*doc),
            (std::vector<std::string> {"summary", "holdings", "risk", "charts", "conventions"}));
        QCOMPARE(doc->title, std::string("MarketLens report: demo"));
        QCOMPARE(doc->generator, std::string("MarketLens test"));
        QVERIFY(doc->subtitle.find("Dow Core") != std::string::npos);
        QCOMPARE(doc->generatedUtc.size(), std::size_t(20));

        const Section* summary = findSection(*doc, "summary");
        const auto facts = blocksOf<KeyValues>(*summary);
        QVERIFY(!facts.empty());
        QCOMPARE(valueOf(*facts.front(), "Project file"), std::string("demo.mlens"));
        QCOMPARE(valueOf(*facts.front(), "Schema version"),
            std::to_string(ProjectStore::kSchemaVersion));
        QCOMPARE(valueOf(*facts.front(), "Instruments"), std::string("30"));
        const Table* inst = tableStarting(*summary, "Instruments");
        QVERIFY(inst);
        QCOMPARE(inst->rows.size(), std::size_t(30));
        const Table* sources = tableStarting(*summary, "Data sources");
        QVERIFY(sources);
        std::set<std::string> files;
        for (const auto& r : sources->rows)
            files.insert(r[0].text);
        QCOMPARE(files,
            (std::set<std::string> {
                "dowjones30_prices.csv", "msft_ohlcv.csv", "portfolio_dow_core.csv"}));
        QCOMPARE(
            (*rowOf(*sources, "dowjones30_prices.csv"))[column(*sources, "Rows accepted")].text,
            std::string("2529"));
    }

    void sectionFilteringAndOrder()
    {
        // Asked for out of order and in another case: the report keeps its own order.
        auto doc = build(m_demo, quickOptions({"conventions", "Summary", "holdings"}));
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        QCOMPARE(
            sectionIds(*doc), (std::vector<std::string> {"summary", "holdings", "conventions"}));
        // Asked for explicitly without content: kept, with one sentence.
        auto models = build(m_demo, quickOptions({"models", "forecasts"}));
        QVERIFY(models);
        QCOMPARE(sectionIds(*models), (std::vector<std::string> {"forecasts", "models"}));
        QVERIFY(
            allText(*findSection(*models, "models")).find("no stored models") != std::string::npos);
        QVERIFY(allText(*findSection(*models, "forecasts")).find("no forecasting model")
            != std::string::npos);
        QCOMPARE(allSectionIds(),
            (std::vector<std::string> {
                "summary", "holdings", "risk", "charts", "forecasts", "models", "sentiment",
                "signals", "conventions"}));
    }

    void unknownSectionIsAnError()
    {
        auto doc = build(m_demo, quickOptions({"summary", "bogus"}));
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(doc.error().message,
            std::string("unknown report section 'bogus' (valid: summary, holdings, risk, charts, "
                        "forecasts, models, sentiment, signals, conventions)"));
    }

    void unknownPortfolioIsNotFound()
    {
        ReportOptions o = quickOptions({"summary"});
        o.portfolio = "Nope";
        auto doc = build(m_demo, o);
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, ErrorCode::NotFound);
        QVERIFY(doc.error().message.find("'Nope'") != std::string::npos);
        QVERIFY(doc.error().message.find("Dow Core") != std::string::npos);
        o.portfolio = "dow core"; // case-insensitive like the risk run
        QVERIFY(build(m_demo, o));
    }

    void noPricesIsBadData()
    {
        const std::string path = m_dir.filePath(QStringLiteral("empty.mlens")).toStdString();
        QVERIFY(ProjectStore::create(path));
        auto doc = build(path, quickOptions());
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, ErrorCode::BadData);
        QVERIFY(doc.error().message.find("no prices") != std::string::npos);
    }

    void holdingsOfTheDemo()
    {
        auto doc = build(m_demo, quickOptions({"holdings"}));
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        const Table* t = tableStarting(*findSection(*doc, "holdings"), "Holdings of Dow Core");
        QVERIFY(t);
        const int ticker = column(*t, "Ticker"), qty = column(*t, "Quantity"),
                  price = column(*t, "Last price"), value = column(*t, "Market value"),
                  weight = column(*t, "Weight");
        QVERIFY(ticker == 0 && qty > 0 && price > 0 && value > 0 && weight > 0);
        QCOMPARE(t->rows.size(), std::size_t(7)); // six holdings and the total
        auto store = ProjectStore::open(m_demo);
        QVERIFY(store);
        double sumWeights = 0.0, total = 0.0;
        std::map<std::string, double> values;
        for (std::size_t i = 0; i < 6; ++i) {
            const auto* row = rowOf(*t, kDemoTickers[i]);
            QVERIFY2(row, kDemoTickers[i]);
            QCOMPARE((*row)[qty].text, QString::number(kDemoQuantities[i]).toStdString());
            sumWeights += percentValue((*row)[weight].text);
            // Independent: the last close in the store times the quantity.
            auto s = store->prices(kDemoTickers[i]);
            QVERIFY(s && !s->empty());
            const double last = s->valueAt(s->size() - 1);
            QCOMPARE((*row)[price].text, QString::number(last, 'f', 2).toStdString());
            values[kDemoTickers[i]] = kDemoQuantities[i] * last;
            total += kDemoQuantities[i] * last;
        }
        QVERIFY2(std::abs(sumWeights - 100.0) <= 0.03, std::to_string(sumWeights).c_str());
        QCOMPARE((*rowOf(*t, "Total"))[weight].text, std::string("100.00 %"));
        QCOMPARE((*rowOf(*t, "MSFT"))[weight].text,
            QString::number(values["MSFT"] / total * 100.0, 'f', 2).toStdString() + " %");
        QCOMPARE((*rowOf(*t, "Total"))[value].text, QString::number(total, 'f', 2).toStdString());
    }

    void riskTableEqualsEngineAndHandQuantile()
    {
        const ReportOptions o = quickOptions({"risk"});
        auto doc = build(m_demo, o);
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        const Section* risk = findSection(*doc, "risk");
        QVERIFY(risk);
        const Table* t = tableStarting(*risk, "VaR and ES at 95 %");
        QVERIFY(t);
        const int var = column(*t, "VaR Historical");
        QVERIFY(var > 0);
        const auto* row = rowOf(*t, "Dow Core (portfolio)");
        QVERIFY(row);

        auto store = ProjectStore::open(m_demo);
        QVERIFY(store);
        risk::RiskRunOptions ro = o.risk;
        ro.portfolio = "Dow Core";
        auto engine = risk::computeRiskReport(*store, ro);
        QVERIFY(engine);
        const risk::TailFigure* f
            = engine->portfolio.figures.tail(risk::RiskMethod::Historical, 0.95);
        QVERIFY(f);
        QCOMPARE((*row)[var].text, QString::number(f->var * 100.0, 'f', 2).toStdString() + " %");

        // Independent reference: buy and hold of the quantities on the dates where all six
        // holdings have a price, simple returns of the value, type-7 quantile at 1 - 0.95.
        std::map<std::int32_t, std::pair<int, double>> byDate; // date -> (count, value)
        for (std::size_t i = 0; i < 6; ++i) {
            auto s = store->prices(kDemoTickers[i]);
            QVERIFY(s);
            for (std::size_t k = 0; k < s->size(); ++k) {
                auto& e = byDate[s->dates[k].days()];
                e.first += 1;
                e.second += kDemoQuantities[i] * s->valueAt(k);
            }
        }
        std::vector<double> value;
        for (const auto& [d, e] : byDate)
            if (e.first == 6)
                value.push_back(e.second);
        std::vector<double> returns;
        for (std::size_t k = 1; k < value.size(); ++k)
            returns.push_back(value[k] / value[k - 1] - 1.0);
        QCOMPARE(returns.size(), engine->observations);
        const double hand = quantile7(returns, 1.0 - 0.95);
        QVERIFY2(std::abs(hand - f->var) <= 1e-12 * std::abs(hand),
            (std::to_string(hand) + " vs " + std::to_string(f->var)).c_str());
        QVERIFY(std::abs(percentValue((*row)[var].text) - hand * 100.0) <= 0.005 + 1e-9);
        QVERIFY(hand < 0.0); // a loss is a negative return in the default convention

        // The measures table lists every holding with its score and the portfolio.
        const Table* m = tableStarting(*risk, "Risk measures");
        QVERIFY(m);
        QCOMPARE(m->rows.size(), std::size_t(7));
        const int score = column(*m, "Risk score");
        for (const char* tk : kDemoTickers) {
            const auto* r = rowOf(*m, tk);
            QVERIFY2(r, tk);
            const std::string& text = (*r)[score].text;
            QVERIFY2(text.find("green") != std::string::npos
                    || text.find("amber") != std::string::npos
                    || text.find("red") != std::string::npos,
                text.c_str());
        }
        QCOMPARE((*rowOf(*m, "Dow Core (portfolio)"))[column(*m, "Max drawdown")].text,
            QString::number(engine->portfolio.figures.maxDrawdown * 100.0, 'f', 2).toStdString()
                + " %");
        // Component VaR: one table per confidence, the total equals the stated VaR.
        QVERIFY(tableStarting(*risk, "Component VaR at 95 %"));
        QVERIFY(tableStarting(*risk, "Component VaR at 99 %"));
    }

    void chartsCarryTheRunsData()
    {
        auto doc = build(m_demo, quickOptions({"charts"}));
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        const auto charts = blocksOf<Chart>(*findSection(*doc, "charts"));
        QCOMPARE(charts.size(), std::size_t(5)); // underwater, bars, heatmap, 2 backtests
        const Chart& under = *charts[0];
        QVERIFY(under.timeAxis && under.percentY);
        QCOMPARE(under.series.size(), std::size_t(1));
        const auto& uw = under.series[0].y;
        QVERIFY(*std::max_element(uw.begin(), uw.end()) <= 0.0);
        const Chart& bars = *charts[1];
        QVERIFY(!bars.timeAxis);
        QCOMPARE(bars.categories.front(), std::string("Historical"));
        QCOMPARE(bars.series.front().name, std::string("VaR 95 %"));
        const Chart& heat = *charts[2];
        QCOMPARE(heat.heatLabels.size(), std::size_t(6));
        QCOMPARE(heat.matrix.size(), std::size_t(36));
        for (std::size_t i = 0; i < 6; ++i)
            QVERIFY(std::abs(heat.matrix[i * 7] - 1.0) < 1e-12);
        // Backtest at 95 %: the exceptions plotted are the ones counted in the table, each a
        // return below that day's forecast.
        const Chart& bt = *charts[3];
        QCOMPARE(bt.series.size(), std::size_t(3));
        const ChartSeries& ret = bt.series[0];
        const ChartSeries& fc = bt.series[1];
        const ChartSeries& hits = bt.series[2];
        QCOMPARE(hits.style, ChartSeries::Style::Points);
        std::size_t counted = 0;
        for (std::size_t i = 0; i < ret.x.size(); ++i)
            if (std::isfinite(fc.y[i]) && ret.y[i] < fc.y[i])
                ++counted;
        QCOMPARE(hits.x.size(), counted);
        QVERIFY(counted > 0);
        const Table* table = tableStarting(*findSection(*doc, "charts"), "VaR backtest");
        QVERIFY(table);
        QCOMPARE(
            (*rowOf(*table, "95 %"))[column(*table, "Exceptions")].text, std::to_string(counted));
    }

    void tooFewObservationsGiveASentence()
    {
        const std::string path = m_dir.filePath(QStringLiteral("short.mlens")).toStdString();
        QVERIFY(ProjectStore::create(path));
        const QString csv = m_dir.filePath(QStringLiteral("short.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Date,AAA,BBB\n");
            for (int d = 1; d <= 10; ++d)
                f.write(QStringLiteral("2024-01-%1,%2,%3\n")
                            .arg(d, 2, 10, QLatin1Char('0'))
                            .arg(100 + d)
                            .arg(50 - d * 0.5)
                            .toUtf8());
        }
        auto imported = importFiles(path, {csv.toStdString()}, ImportOptions {});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        {
            auto store = ProjectStore::open(path);
            Portfolio p;
            p.name = "Short";
            p.holdings.push_back({"AAA", 10.0, std::nullopt, std::nullopt, ""});
            p.holdings.push_back({"BBB", 20.0, std::nullopt, std::nullopt, ""});
            QVERIFY(store->writePortfolio(p));
        }
        auto doc = build(path, quickOptions());
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        // The risk section explains; the charts have nothing to show and are left out.
        QCOMPARE(sectionIds(*doc),
            (std::vector<std::string> {"summary", "holdings", "risk", "conventions"}));
        const std::string text = allText(*findSection(*doc, "risk"));
        QVERIFY2(
            text.find("too few observations: 9 common returns") != std::string::npos, text.c_str());
        const Table* h = tableStarting(*findSection(*doc, "holdings"), "Holdings of Short");
        QVERIFY(h);
        // 10 x 110 and 20 x 45: weights 55.00 % and 45.00 %.
        QCOMPARE((*rowOf(*h, "AAA"))[column(*h, "Weight")].text, std::string("55.00 %"));
        QCOMPARE((*rowOf(*h, "BBB"))[column(*h, "Weight")].text, std::string("45.00 %"));
    }

    void forecastsAndModelCards()
    {
        const std::string path = copyOfDemo("models.mlens");
        QVERIFY(!path.empty());
        {
            auto store = ProjectStore::open(path);
            QVERIFY(store);
            forecast::ModelRecord r;
            r.name = "MSFT lstm h5";
            r.kind = "lstm";
            r.origin = "trained";
            r.ticker = "MSFT";
            r.createdUtc = "2026-11-29T18:02:11Z";
            r.features = {"logret", "vol20"};
            r.window = 60;
            r.horizon = 5;
            r.quantiles = {0.025, 0.1, 0.5, 0.9, 0.975};
            r.hyperParamsJson
                = R"({"network":{"kind":"lstm","hidden":64},"training":{"epochs":20}})";
            r.seed = 7;
            r.trainFirst = Date::fromIso("1999-01-04");
            r.trainLast = Date::fromIso("2000-05-31");
            r.dataHash = "9c1e0123456789abcdef";
            r.metricsJson = metricsJson();
            r.device = "cpu";
            r.trainSeconds = 3.4;
            r.weights = "not used by the report";
            QVERIFY(forecast::saveModel(*store, r));
            // Imported with the side file's short metrics form (docs/models.md): no verdict
            // stored, so the rule is applied here: MAE 1.91 is not below naive's 1.85.
            forecast::ModelRecord imported;
            imported.name = "imported lstm";
            imported.kind = "imported";
            imported.origin = "imported";
            imported.ticker = "MSFT";
            imported.window = 60;
            imported.horizon = 5;
            imported.createdUtc = "2026-11-28T10:00:00Z";
            imported.metricsJson
                = R"({"lstm": {"mae": 1.91, "mase": 1.04}, "naive": {"mae": 1.85, "mase": 1.0}})";
            QVERIFY(forecast::saveModel(*store, imported));
        }
        auto doc = build(path, quickOptions({"forecasts", "models", "summary"}));
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        QCOMPARE(sectionIds(*doc), (std::vector<std::string> {"summary", "forecasts", "models"}));
        const Section* fs = findSection(*doc, "forecasts");
        const Table* overview = tableStarting(*fs, "Forecasting models");
        QVERIFY(overview);
        const auto* row = rowOf(*overview, "MSFT lstm h5");
        QVERIFY(row);
        QCOMPARE((*row)[column(*overview, "Model MAE")].text, std::string("1.250"));
        QCOMPARE((*row)[column(*overview, "Naive MAE")].text, std::string("1.500"));
        QCOMPARE((*row)[column(*overview, "Naive MASE")].text, std::string("1.090"));
        const TableCell& beats = (*row)[column(*overview, "Beats naive")];
        QCOMPARE(beats.text, std::string("yes"));
        QCOMPARE(beats.tone, Tone::Good);
        const auto* importedRow = rowOf(*overview, "imported lstm");
        QVERIFY(importedRow);
        QCOMPARE((*importedRow)[column(*overview, "Model MAE")].text, std::string("1.910"));
        QCOMPARE((*importedRow)[column(*overview, "Beats naive")].text, std::string("no"));
        QCOMPARE((*importedRow)[column(*overview, "Beats naive")].tone, Tone::Bad);
        const Table* errors = tableStarting(*fs, "MSFT lstm h5: errors");
        QVERIFY(errors);
        QVERIFY(errors->caption.find("2000-06-01 to 2000-11-30, 120 origins") != std::string::npos);
        QCOMPARE(errors->rows.size(), std::size_t(3));
        QCOMPARE(errors->rows[0][0].text, std::string("lstm (model)"));
        QCOMPARE(errors->rows[1][0].text, std::string("Naive"));
        QCOMPARE(errors->rows[2][0].text, std::string("Drift"));
        QCOMPARE(errors->rows[0][column(*errors, "MAPE")].text, std::string("1.10 %"));
        QCOMPARE(errors->rows[0][column(*errors, "Direction")].text, std::string("52.0 %"));
        QCOMPARE(errors->rows[1][column(*errors, "Direction")].text, std::string("\u2014"));
        QCOMPARE(errors->rows[0][column(*errors, "95 % cover")].text, std::string("93.0 %"));
        QVERIFY(errors->footnote.find("LSTM beats naive.") != std::string::npos);

        const auto cards = blocksOf<KeyValues>(*findSection(*doc, "models"));
        QCOMPARE(cards.size(), std::size_t(2)); // newest first
        const KeyValues& card = *cards.front();
        QCOMPARE(valueOf(card, "Model"), std::string("MSFT lstm h5"));
        QCOMPARE(valueOf(*cards[1], "Model"), std::string("imported lstm"));
        QCOMPARE(valueOf(card, "Seed"), std::string("7"));
        QCOMPARE(valueOf(card, "Data hash (SHA-256)"), std::string("9c1e0123456789abcdef"));
        QCOMPARE(valueOf(card, "Training range"),
            std::string("1999-01-04 to 2000-05-31 (20 epochs, best 12, 3.4 s)"));
        QVERIFY(valueOf(card, "Hyper-parameters").find("hidden=64") != std::string::npos);
        QVERIFY(valueOf(card, "Metrics").find("test MAE 1.250, MASE 0.910") != std::string::npos);
        QCOMPARE(valueOf(card, "Quantiles"), std::string("0.025, 0.1, 0.5, 0.9, 0.975"));
    }

    // A portfolio by weight (scaled to 100 %) and a tail-risk model: a card with its
    // calibration, but no forecasts (it is no price forecaster).
    void weightPortfolioAndTailRiskCard()
    {
        const std::string path = copyOfDemo("weights.mlens");
        QVERIFY(!path.empty());
        {
            auto store = ProjectStore::open(path);
            QVERIFY(store);
            Portfolio p;
            p.name = "By weight";
            for (auto [t, w] : {std::pair {"AA", 0.5}, {"IBM", 0.3}, {"KO", 0.3}})
                p.holdings.push_back({t, std::nullopt, w, std::nullopt, ""});
            QVERIFY(store->writePortfolio(p));
            forecast::ModelRecord r;
            r.name = "Tail risk By weight";
            r.kind = "tailrisk_cnn";
            r.origin = "trained";
            r.window = 60;
            r.horizon = 5;
            r.seed = 42;
            r.metricsJson = R"({"portfolio":"By weight","horizonDays":5,"varLevel":0.95,)"
                            R"("calibration":{"testCount":900,"baseRate":0.045,"testRate":0.05,)"
                            R"("brier":0.0412,"brierBaseRate":0.045,"brierSkill":0.0844,)"
                            R"("lift":1.8,"auc":0.612,"reliability":[]},"scores":[]})";
            QVERIFY(forecast::saveModel(*store, r));
        }
        ReportOptions o = quickOptions({"holdings", "forecasts", "models"});
        o.portfolio = "By weight";
        auto doc = build(path, o);
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        const Table* t = tableStarting(*findSection(*doc, "holdings"), "Holdings of By weight");
        QVERIFY(t);
        QCOMPARE(column(*t, "Quantity"), -1); // no quantities: the column is left out
        QCOMPARE(column(*t, "Market value"), -1);
        const int weight = column(*t, "Weight");
        QCOMPARE((*rowOf(*t, "AA"))[weight].text, std::string("45.45 %"));
        QCOMPARE((*rowOf(*t, "IBM"))[weight].text, std::string("27.27 %"));
        QCOMPARE((*rowOf(*t, "Total"))[weight].text, std::string("100.00 %"));
        QVERIFY(t->footnote.find("scaled to sum to 100 %") != std::string::npos);
        QVERIFY(allText(*findSection(*doc, "forecasts")).find("no forecasting model")
            != std::string::npos);
        const auto cards = blocksOf<KeyValues>(*findSection(*doc, "models"));
        QCOMPARE(cards.size(), std::size_t(1));
        QCOMPARE(valueOf(*cards.front(), "Ticker"), std::string("portfolio-wide"));
        QCOMPARE(valueOf(*cards.front(), "Metrics"),
            std::string("Brier 0.0412 (base rate 0.0450), Brier skill 0.084, AUC 0.612, lift "
                        "1.80 on 900 test windows"));
    }

    void storedRunIsReusedOnlyWhenItFits()
    {
        const std::string path = copyOfDemo("reuse.mlens");
        QVERIFY(!path.empty());
        ReportOptions o = quickOptions({"conventions"});
        {
            auto store = ProjectStore::open(path);
            risk::RiskRunOptions ro = o.risk;
            ro.portfolio = "Dow Core";
            auto run = risk::computeRiskReport(*store, ro);
            QVERIFY(run);
            QVERIFY(risk::saveRiskRun(*store, *run));
        }
        auto riskRun = [&](const ReportOptions& opts) {
            auto doc = build(path, opts);
            if (!doc)
                return doc.error().message;
            return valueOf(
                *blocksOf<KeyValues>(*findSection(*doc, "conventions")).front(), "Risk run");
        };
        o.sections = {"risk", "conventions"};
        QVERIFY(riskRun(o).rfind("stored run of", 0) == 0);
        ReportOptions other = o;
        other.risk.confidences = {0.99};
        QVERIFY(riskRun(other).rfind("computed for this report", 0) == 0);
        // Same tickers and prices, another quantity: the stored weights no longer hold.
        {
            auto store = ProjectStore::open(path);
            Portfolio p = store->portfolios()->front();
            p.holdings[0].quantity = 2000.0;
            QVERIFY(store->writePortfolio(p));
        }
        QVERIFY(riskRun(o).rfind("computed for this report", 0) == 0);
    }

    // Under a German locale (Qt's and C's where installed) numbers keep the '.' decimal point.
    void numbersIgnoreTheLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const std::string cBefore = std::setlocale(LC_NUMERIC, nullptr);
        std::setlocale(LC_NUMERIC, "de_DE.UTF-8"); // may fail when not installed: still a check
        auto doc = build(m_demo, quickOptions({"holdings", "risk"}));
        std::setlocale(LC_NUMERIC, cBefore.c_str());
        QLocale::setDefault(before);
        QVERIFY(doc);
        std::size_t numbers = 0;
        for (const Section& s : doc->sections)
            for (const Table* t : blocksOf<Table>(s))
                for (const auto& row : t->rows)
                    for (std::size_t i = 0; i < row.size() && i < t->numeric.size(); ++i) {
                        if (!t->numeric[i])
                            continue; // text such as the score's explanation has commas
                        QVERIFY2(row[i].text.find(',') == std::string::npos, row[i].text.c_str());
                        numbers += row[i].text.find('.') != std::string::npos;
                    }
        QVERIFY(numbers > 100);
    }

    void progressAndCancel()
    {
        std::vector<std::pair<std::int64_t, std::int64_t>> calls;
        auto doc = build(m_demo, quickOptions({"summary", "risk", "conventions"}),
            [&](std::int64_t d, std::int64_t t) {
                calls.emplace_back(d, t);
                return true;
            });
        QVERIFY(doc);
        QVERIFY(calls.size() >= 4);
        for (std::size_t i = 1; i < calls.size(); ++i) {
            QVERIFY(calls[i].first >= calls[i - 1].first);
            QCOMPARE(calls[i].second, calls.front().second);
        }
        QCOMPARE(calls.back().first, calls.back().second);

        // Cancel inside the risk run (the fourth call) and at the very start.
        for (int stopAt : {4, 1}) {
            int n = 0;
            auto cancelled = build(m_demo, quickOptions({"summary", "risk", "conventions"}),
                [&](std::int64_t, std::int64_t) { return ++n < stopAt; });
            QVERIFY(!cancelled);
            QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        }
    }
};

QTEST_GUILESS_MAIN(TestReportBuilder)
#include "test_report_builder.moc"
