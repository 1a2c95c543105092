// The learned tail-risk score in the Risk tab: the holdings table's "Tail prob. (learned)" column
// shows the probabilities of the newest stored tailrisk_cnn record of the portfolio (with base
// rate, Brier skill and as-of date in the tooltip, "–" for a holding without one), and "Learn
// tail risk" trains a model off the GUI thread with an entry in the jobs bar, stores it and fills
// the column; Cancel in the jobs bar stops it.
#include "core/forecast/model_store.h"
#include "core/price_import.h"
#include "core/project_store.h"
#include "models/tail_risk.h"
#include "ui/jobs_bar.h"
#include "ui/project_controller.h"
#include "ui/risk/holdings_risk_model.h"
#include "ui/risk/risk_view.h"
#include "ui/risk/tail_risk_controller.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace marketlens;
using marketlens::ui::HoldingsRiskModel;
using marketlens::ui::RiskView;

namespace {
constexpr int kTimeoutMs = 300000;

// A stored record as the CLI or the GUI writes it, with hand-made scores.
core::forecast::ModelRecord handMadeRecord(const std::string& portfolio)
{
    models::TailRiskResult r;
    for (auto [t, p, b] :
        {std::tuple {"AA", 0.234, 0.198}, {"IBM", 0.051, 0.172}, {"KO", 0.5, 0.161}}) {
        models::TailRiskScore s;
        s.ticker = t;
        s.asOf = *core::Date::fromIso("2001-01-02");
        s.probability = p;
        s.baseRate = b;
        r.scores.push_back(s);
    }
    r.calibration.testCount = 100;
    r.calibration.baseRate = 0.2;
    r.calibration.brierSkill = 0.031;
    r.calibration.reliability.resize(10);
    core::forecast::ModelRecord rec;
    rec.name = "Tail risk " + portfolio;
    rec.kind = models::kTailRiskKind;
    rec.origin = "trained";
    rec.window = 60;
    rec.horizon = 5;
    rec.metricsJson = models::tailRiskMetricsJson(r, models::TailRiskConfig {}, portfolio);
    return rec;
}

QString cell(const RiskView& view, const QString& ticker, int role = Qt::DisplayRole)
{
    const HoldingsRiskModel* m = view.holdingsModel();
    return m->index(m->rowOf(ticker), m->learnedTailColumn()).data(role).toString();
}
} // namespace

class TestTailRiskColumn : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("dj.mlens"));
        QVERIFY(core::ProjectStore::create(m_path.toStdString()));
        auto imported = core::importFiles(m_path.toStdString(),
            {MARKETLENS_TEST_DATA "/dowjones30_prices.csv"}, core::ImportOptions {});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        core::Portfolio p;
        p.name = "Core";
        for (auto [t, w] : {std::pair {"AA", 0.3}, {"IBM", 0.3}, {"KO", 0.2}, {"MSFT", 0.2}})
            p.holdings.push_back({t, std::nullopt, w, std::nullopt, ""});
        QVERIFY(store->writePortfolio(p));
        // An older record of another portfolio, then the one of "Core": the column must show
        // the newest record of the portfolio on screen.
        QVERIFY(core::forecast::saveModel(*store, handMadeRecord("Other")));
        QVERIFY(core::forecast::saveModel(*store, handMadeRecord("Core")));
    }

    void columnShowsStoredProbability()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        RiskView view(&project);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning(), kTimeoutMs);
        view.setPortfolio(QStringLiteral("Core"));
        QSignalSpy shown(&view, &RiskView::reportShown);
        QVERIFY(view.run());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.tailRisk()->isLoading() && view.tailRisk()->shown(), kTimeoutMs);

        const HoldingsRiskModel* m = view.holdingsModel();
        QCOMPARE(m->headerData(m->learnedTailColumn(), Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Tail prob.\n(learned)"));
        QCOMPARE(m->learnedTailColumn(), m->scoreColumn() + 1); // next to the risk score
        QCOMPARE(cell(view, QStringLiteral("AA")), QStringLiteral("23.4 %"));
        QCOMPARE(cell(view, QStringLiteral("IBM")), QStringLiteral("5.1 %"));
        QCOMPARE(cell(view, QStringLiteral("KO")), QStringLiteral("50.0 %"));
        QCOMPARE(m->index(m->rowOf(QStringLiteral("AA")), m->learnedTailColumn())
                     .data(HoldingsRiskModel::RawValueRole)
                     .toDouble(),
            0.234);
        const QString tip = cell(view, QStringLiteral("AA"), Qt::ToolTipRole);
        QVERIFY2(tip.contains(QStringLiteral("23.4 %")) && tip.contains(QStringLiteral("19.8 %"))
                && tip.contains(QStringLiteral("0.031"))
                && tip.contains(QStringLiteral("2001-01-02")),
            qPrintable(tip));
        // MSFT has no learned score in the record.
        QCOMPARE(cell(view, QStringLiteral("MSFT")), QStringLiteral("–"));
        QVERIFY(cell(view, QStringLiteral("MSFT"), Qt::ToolTipRole)
                    .contains(QStringLiteral("Learn tail risk")));
        // The column sorts by probability, missing first.
        view.holdingsProxy()->sort(m->learnedTailColumn(), Qt::AscendingOrder);
        QCOMPARE(view.holdingsProxy()->index(0, 0).data().toString(), QStringLiteral("MSFT"));
        QCOMPARE(view.holdingsProxy()->index(3, 0).data().toString(), QStringLiteral("KO"));
    }

    void learnFillsColumnAndStores()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* view = new RiskView(&project, &window);
        auto* jobs = new ui::JobsBar(&window);
        layout->addWidget(view);
        layout->addWidget(jobs);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), kTimeoutMs);
        view->setPortfolio(QStringLiteral("Core"));
        QSignalSpy shown(view, &RiskView::reportShown);
        QVERIFY(view->run());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kTimeoutMs);

        models::TailRiskConfig config;
        config.window = 20;
        config.hidden = 8;
        config.layers = 1;
        config.training.epochs = 1;
        config.training.device = models::Device::Cpu;
        view->tailRisk()->setConfig(config);

        // Cancel from the jobs bar.
        QSignalSpy learned(view->tailRisk(), &ui::TailRiskController::learned);
        QVERIFY(view->learnTailRisk());
        QVERIFY(view->tailRisk()->isLearning());
        QVERIFY(!view->learnTailRisk()); // one at a time
        QCOMPARE(jobs->jobCount(), 1);
        Q_EMIT jobs->cancelRequested(QStringLiteral("tailrisk"));
        QTRY_VERIFY_WITH_TIMEOUT(!learned.isEmpty(), kTimeoutMs);
        QCOMPARE(learned.takeFirst().first().toBool(), false);
        QCOMPARE(view->tailRisk()->error().code, core::ErrorCode::Cancelled);
        QCOMPARE(jobs->jobCount(), 0);

        // A full run: the column shows the new probabilities and the record is stored.
        QVERIFY(view->learnTailRisk());
        QTRY_VERIFY_WITH_TIMEOUT(!learned.isEmpty(), kTimeoutMs);
        QVERIFY2(learned.first().first().toBool(), view->tailRisk()->error().toString().c_str());
        QCOMPARE(jobs->jobCount(), 0);
        const auto& stored = view->tailRisk()->shown();
        QVERIFY(stored);
        QCOMPARE(stored->scores.size(), std::size_t(4));
        for (const models::TailRiskScore& s : stored->scores) {
            QVERIFY(s.probability > 0.0 && s.probability < 1.0);
            const QString expected = QStringLiteral("%1 %").arg(s.probability * 100.0, 0, 'f', 1);
            QCOMPARE(cell(*view, QString::fromStdString(s.ticker)), expected);
        }
        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        auto list = core::forecast::listModels(*store);
        QVERIFY(list);
        QCOMPARE(list->size(), std::size_t(3));
        QCOMPARE(list->front().kind, std::string("tailrisk_cnn"));
        auto parsed = models::parseTailRiskMetrics(list->front().metricsJson);
        QVERIFY(parsed);
        QCOMPARE(parsed->portfolio, std::string("Core"));
        QCOMPARE(parsed->scores.front().probability, stored->scores.front().probability);
    }
};

QTEST_MAIN(TestTailRiskColumn)
#include "test_tail_risk_column.moc"
