// The trading signals section and the signal model card (core/report/report_sections_signals.cpp)
// on a copy of the demo project with one stored signal model whose metrics JSON is written here
// as models/signals/signal_pipeline.cpp stores it (docs/signals.md). The expected cells are the
// JSON's numbers in the report's fixed formats.
#include "core/demo_project.h"
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "core/report/report_builder.h"

#include "report_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace marketlens::core;
using namespace marketlens::core::report;
using namespace marketlens::core::report::test;

class TestReportSignals : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_demo;

    std::string copyOfDemo(const char* name) { return copyProject(m_dir, m_demo, name); }

    Result<ReportDocument> build(const std::string& path, const ReportOptions& o)
    {
        return buildFromFile(path, o);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.mlens")).toStdString();
        auto s = writeDemoProject(m_demo);
        QVERIFY2(s, s ? "" : s.error().toString().c_str());
    }

    // A stored signal model (metrics JSON as models/signals/signal_pipeline.cpp writes it,
    // docs/signals.md): the signals section shows its metrics next to both baselines, its
    // backtest next to buy-and-hold and its importance chart; the forecasts section leaves it
    // out (it forecasts no price) and its model card summarises its metrics.
    void signalsSectionAndCard()
    {
        const std::string path = copyOfDemo("signals.mlens");
        QVERIFY(!path.empty());
        {
            auto store = ProjectStore::open(path);
            QVERIFY(store);
            forecast::ModelRecord r;
            r.name = "KO gbm h1";
            r.kind = "signal_gbm";
            r.origin = "trained";
            r.ticker = "KO";
            r.createdUtc = "2026-11-30T03:00:00Z";
            r.features = {"ret1", "rsi14", "mkt_ret1"};
            r.window = 1;
            r.horizon = 1;
            r.metricsJson
                = R"({"classes":2,"horizon":1,"testRows":750,)"
                  R"("model":{"name":"gbm","count":750,"accuracy":0.5413,"precision":0.55,)"
                  R"("recall":0.61,"f1":0.5785,"rocAuc":0.5521,"confusion":[[160,200],[144,246]]},)"
                  R"("majority":{"name":"majority","accuracy":0.52,"rocAuc":0.5},)"
                  R"("alwaysUp":{"name":"always up","accuracy":0.52,"rocAuc":0.5},)"
                  R"("beatsBaselines":true,"verdict":"gbm beats the baselines.",)"
                  R"("backtest":{"mode":"long/flat","costBps":5,"slippageBps":2,)"
                  R"("signal":{"totalReturn":0.0812,"sharpe":0.61,"maxDrawdown":0.143,)"
                  R"("turnover":48.3},"buyAndHold":{"totalReturn":0.1204,"sharpe":0.55,)"
                  R"("maxDrawdown":0.251,"turnover":0.34},"beatsBuyAndHold":false},)"
                  R"("importance":[{"feature":"mkt_ret1","permutation":0.031},)"
                  R"({"feature":"rsi14","permutation":0.004},{"feature":"ret1","permutation":-0.001}]})";
            r.weights = "not used by the report";
            QVERIFY(forecast::saveModel(*store, r));
        }
        auto doc = build(path, quickOptions());
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        // Listed by default now that there is a signal model; still no forecasts section.
        QCOMPARE(sectionIds(*doc),
            (std::vector<std::string> {
                "summary", "holdings", "risk", "charts", "models", "signals", "conventions"}));
        const Section* sig = findSection(*doc, "signals");
        const Table* metrics = tableStarting(*sig, "Signal classifiers");
        QVERIFY(metrics);
        const auto* row = rowOf(*metrics, "KO gbm h1");
        QVERIFY(row);
        QCOMPARE((*row)[column(*metrics, "Accuracy")].text, std::string("0.541"));
        QCOMPARE((*row)[column(*metrics, "Majority")].text, std::string("0.520"));
        QCOMPARE((*row)[column(*metrics, "Always up")].text, std::string("0.520"));
        QCOMPARE((*row)[column(*metrics, "ROC AUC")].text, std::string("0.552"));
        QCOMPARE((*row)[column(*metrics, "Test rows")].text, std::string("750"));
        QCOMPARE((*row)[column(*metrics, "Beats baselines")].tone, Tone::Good);
        const Table* bt = tableStarting(*sig, "Backtest");
        QVERIFY(bt);
        const auto* btRow = rowOf(*bt, "KO gbm h1");
        QVERIFY(btRow);
        QCOMPARE((*btRow)[column(*bt, "Costs")].text, std::string("7.0 bp"));
        QCOMPARE((*btRow)[column(*bt, "Total return")].text, std::string("8.1 %"));
        QCOMPARE((*btRow)[column(*bt, "Buy-and-hold")].text, std::string("12.0 %"));
        QCOMPARE((*btRow)[column(*bt, "Max drawdown")].text, std::string("14.3 %"));
        QCOMPARE((*btRow)[column(*bt, "Beats buy-and-hold")].text, std::string("no"));
        QCOMPARE((*btRow)[column(*bt, "Beats buy-and-hold")].tone, Tone::Bad);
        const auto charts = blocksOf<Chart>(*sig);
        QCOMPARE(charts.size(), std::size_t(1));
        QCOMPARE(charts.front()->categories,
            (std::vector<std::string> {"mkt_ret1", "rsi14", "ret1"}));
        QCOMPARE(charts.front()->series.front().y.front(), 0.031);

        const auto cards = blocksOf<KeyValues>(*findSection(*doc, "models"));
        QCOMPARE(cards.size(), std::size_t(1));
        QCOMPARE(valueOf(*cards.front(), "Metrics"),
            std::string("test accuracy 0.541 (majority 0.520, always up 0.520), ROC AUC 0.552; "
                        "beats baselines: yes; backtest Sharpe 0.61 (buy-and-hold 0.55)"));
    }

    // Without a signal model the section is left out, or says so when asked for.
    void noSignalModel()
    {
        auto doc = build(m_demo, quickOptions({"signals"}));
        QVERIFY2(doc, doc ? "" : doc.error().toString().c_str());
        QCOMPARE(sectionIds(*doc), (std::vector<std::string> {"signals"}));
        QVERIFY(allText(*findSection(*doc, "signals")).find("no trading-signal model")
            != std::string::npos);
        auto all = build(m_demo, quickOptions());
        QVERIFY(all);
        QVERIFY(findSection(*all, "signals") == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestReportSignals)
#include "test_report_signals.moc"
