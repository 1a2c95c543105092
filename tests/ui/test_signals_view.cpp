// The Signals tab (offscreen). With hand-made results (the numbers below are chosen, so every
// expected cell is known): the metrics table shows the model next to both baselines, the
// confusion counts, one marker per change of position (counted by hand), the verdict says
// "Not better than the baselines" when it is not, the waterfall has one bar per feature (the
// smallest merged past the limit) and its steps add up from the base to the score; clicking a
// marker on the chart shows that date's explanation; the form's values are remembered.
// End to end on msft_ohlcv.csv (249 days): the controller trains gradient boosting off the
// GUI thread, stores it (kind signal_gbm), and the view's metrics, markers and explanation
// agree with the result's own test points (accuracy recounted from them); Cancel stops a
// gradient-boosting search on the 30 Dow Jones series and stores nothing.
// MARKETLENS_GRAB_DIR=/folder saves screenshots (light and dark) for a human look.
#include "core/forecast/model_store.h"
#include "core/price_import.h"
#include "core/project_store.h"
#include "ui/forecast/models_model.h"
#include "ui/jobs_bar.h"
#include "ui/main_window.h"
#include "ui/prices_tab.h"
#include "ui/project_controller.h"
#include "ui/signals/signal_waterfall_view.h"
#include "ui/signals/signals_charts.h"
#include "ui/signals/signals_controller.h"
#include "ui/signals/signals_view.h"
#include "ui/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace marketlens;
namespace cs = marketlens::core::signals;
namespace ms = marketlens::models::signals;
using ui::SignalRunResult;
using ui::SignalsView;

namespace {
constexpr int kJobTimeoutMs = 300000;
const QString kTicker = QStringLiteral("MSFT_OHLCV");

cs::ClassificationMetrics metrics(const char* name, double acc, double prec, double rec, double f1,
    double auc, std::vector<std::vector<long>> confusion = {})
{
    cs::ClassificationMetrics m;
    m.name = name;
    m.classes = 2;
    m.count = 100;
    m.accuracy = acc;
    m.precision = prec;
    m.recall = rec;
    m.f1 = f1;
    m.rocAuc = auc;
    m.confusion = std::move(confusion);
    return m;
}

ms::SignalExplanation explanation(core::Date date, int predicted, double probaUp,
    std::vector<std::string> features, std::vector<double> contributions, double base)
{
    ms::SignalExplanation e;
    e.point.date = date;
    e.point.predicted = predicted;
    e.point.probaUp = probaUp;
    e.features = std::move(features);
    e.contributions = std::move(contributions);
    for (std::size_t i = 0; i < e.features.size(); ++i)
        e.rawValues.push_back(0.01 * double(i + 1));
    e.base = base;
    e.unit = "log-odds of up";
    e.method = "TreeSHAP";
    return e;
}
} // namespace

class TestSignalsView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_msft; // msft_ohlcv.csv: 249 days of Microsoft OHLCV (ticker MSFT_OHLCV)
    QString m_dj; // dowjones30_prices.csv: 2,529 days of 30 closes
    core::PriceSeries m_series;

    // The last 100 days of MSFT_OHLCV as test days: predicted class (i / 5) % 2, so the
    // position (long/flat) changes at i = 5, 10, ..., 95: 19 markers, 10 buys and 9 sells.
    std::shared_ptr<SignalRunResult> handMade() const
    {
        auto r = std::make_shared<SignalRunResult>();
        r->projectPath = m_msft;
        auto data = std::make_shared<cs::SignalDataset>();
        data->ticker = kTicker.toStdString();
        data->dates = m_series.dates;
        for (std::size_t i = 0; i < m_series.size(); ++i)
            data->prices.push_back(m_series.valueAt(i));
        data->label.classes = 2;
        r->dataset = data;
        auto& rec = r->model.record;
        rec.name = "MSFT_OHLCV gbm h1";
        rec.kind = "signal_gbm";
        rec.ticker = kTicker.toStdString();
        rec.horizon = 1;
        auto& ev = r->model.evaluation;
        ev.metrics.model = metrics("gbm", 0.48, 0.51, 0.55, 0.529, 0.497, {{20, 30}, {22, 28}});
        ev.metrics.majority = metrics("majority", 0.53, 0.53, 1.0, 0.693, 0.5);
        ev.metrics.alwaysUp = metrics("always up", 0.53, 0.53, 1.0, 0.693, 0.5);
        ev.metrics.beatsBaselines = false;
        ev.metrics.verdict = "gbm does not beat the baselines on the test rows (accuracy 0.480 "
                             "vs always up 0.530).";
        const std::size_t n = m_series.size();
        for (std::size_t i = 0; i < 100; ++i) {
            ms::SignalPoint p;
            p.date = m_series.dates[n - 101 + i];
            p.predicted = int((i / 5) % 2);
            p.probaUp = p.predicted ? 0.6 : 0.4;
            p.truth = int(i % 2);
            ev.testPoints.push_back(p);
            ev.backtest.dates.push_back(p.date);
            ev.backtest.strategy.equity.push_back(1.0 + 0.001 * double(i));
            ev.backtest.buyAndHold.equity.push_back(1.0 + 0.002 * double(i));
        }
        ev.backtest.strategy.totalReturn = 0.099;
        ev.backtest.buyAndHold.totalReturn = 0.198;
        ev.backtest.strategy.sharpe = 0.8;
        ev.backtest.buyAndHold.sharpe = 1.1;
        ev.backtest.strategy.trades = 19;
        ev.backtest.buyAndHold.trades = 1;
        ev.backtest.beatsBuyAndHold = false;
        ev.importance = {{"rsi14", 0.031, 0.004, 0.21}, {"ret1", 0.012, 0.003, 0.15},
            {"vol20", -0.002, 0.002, 0.05}};
        ev.attributionMethod = "TreeSHAP";
        r->points = ev.testPoints;
        r->model.latest.date = m_series.dates.back();
        r->model.latest.predicted = 1;
        r->model.latest.probaUp = 0.62;
        r->latestExplanation = explanation(m_series.dates.back(), 1, 0.62,
            {"ret1", "rsi14", "vol20", "macd"}, {0.3, -0.1, 0.05, 0.02}, 0.1);
        r->stored = true;
        return r;
    }

    static std::shared_ptr<const SignalRunResult> waitFinished(QSignalSpy& finished)
    {
        if (finished.isEmpty() && !finished.wait(kJobTimeoutMs))
            return {};
        return finished.first().at(1).value<std::shared_ptr<const SignalRunResult>>();
    }

    static void settle()
    {
        for (int i = 0; i < 3; ++i)
            QTest::qWait(20);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MarketLensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_signals_view"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_msft = m_dir.filePath(QStringLiteral("msft.mlens"));
        QVERIFY(core::ProjectStore::create(m_msft.toStdString()));
        auto a = core::importFiles(m_msft.toStdString(),
            {std::string(MARKETLENS_TEST_DATA "/msft_ohlcv.csv")}, core::ImportOptions {});
        QVERIFY2(a, a ? "" : a.error().toString().c_str());
        m_dj = m_dir.filePath(QStringLiteral("dj.mlens"));
        QVERIFY(core::ProjectStore::create(m_dj.toStdString()));
        auto b = core::importFiles(m_dj.toStdString(),
            {std::string(MARKETLENS_TEST_DATA "/dowjones30_prices.csv")}, core::ImportOptions {});
        QVERIFY2(b, b ? "" : b.error().toString().c_str());
        auto store = core::ProjectStore::open(m_msft.toStdString());
        QVERIFY(store);
        auto series = store->prices(kTicker.toStdString());
        QVERIFY(series);
        m_series = std::move(*series);
        QCOMPARE(m_series.size(), std::size_t(249));
    }

    void markersFollowPositionChanges()
    {
        // Long/flat: 0 0 1 1 0 2? (2 classes) -> changes at 2 (buy) and 4 (sell).
        std::vector<core::Date> dates;
        std::vector<double> prices;
        std::vector<ms::SignalPoint> points;
        const int predicted[] = {0, 0, 1, 1, 0, 0, 1};
        for (int i = 0; i < 7; ++i) {
            dates.push_back(core::Date(20000 + i));
            prices.push_back(10.0 + i);
            ms::SignalPoint p;
            p.date = dates.back();
            p.predicted = predicted[i];
            points.push_back(p);
        }
        auto m = ui::signalMarkers(points, dates, prices, 2, false);
        QCOMPARE(m.size(), std::size_t(3));
        QVERIFY(m[0].buy && !m[1].buy && m[2].buy);
        QCOMPARE(m[0].date, core::Date(20002));
        QCOMPARE(m[1].price, 14.0);
        // Long/short: down (0) is short from the first day: sell, buy, sell, buy.
        m = ui::signalMarkers(points, dates, prices, 2, true);
        QCOMPARE(m.size(), std::size_t(4));
        QVERIFY(!m[0].buy && m[1].buy && !m[2].buy && m[3].buy);
        QCOMPARE(m[0].position, -1.0);
        QCOMPARE(m[1].position, 1.0);
    }

    void showsGivenResults()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_msft));
        SignalsView view(&project);
        view.resize(1100, 800);
        view.showResult(handMade());

        // Metrics next to the baselines.
        QTableWidget* t = view.metricsTable();
        QCOMPARE(t->columnCount(), 3);
        QCOMPARE(t->horizontalHeaderItem(0)->text(), QStringLiteral("gbm"));
        QCOMPARE(t->horizontalHeaderItem(1)->text(), QStringLiteral("Majority"));
        QCOMPARE(t->horizontalHeaderItem(2)->text(), QStringLiteral("Always up"));
        QCOMPARE(t->verticalHeaderItem(0)->text(), QStringLiteral("Accuracy"));
        QCOMPARE(t->item(0, 0)->text(), QStringLiteral("0.480"));
        QCOMPARE(t->item(0, 1)->text(), QStringLiteral("0.530"));
        QCOMPARE(t->item(0, 2)->text(), QStringLiteral("0.530"));
        QCOMPARE(t->item(4, 0)->text(), QStringLiteral("0.497")); // ROC AUC
        QCOMPARE(t->item(5, 0)->text(), QStringLiteral("100"));
        QVERIFY(!t->item(0, 0)->font().bold()); // below the baselines: not highlighted

        // Backtest next to buy-and-hold.
        QCOMPARE(view.backtestTable()->item(0, 0)->text(), QStringLiteral("9.9 %"));
        QCOMPARE(view.backtestTable()->item(0, 1)->text(), QStringLiteral("19.8 %"));
        QCOMPARE(view.backtestTable()->item(8, 0)->text(), QStringLiteral("19"));

        // Confusion counts [true][predicted].
        QTableWidget* c = view.confusionTable();
        QCOMPARE(c->rowCount(), 2);
        QCOMPARE(c->item(0, 0)->text(), QStringLiteral("20"));
        QCOMPARE(c->item(0, 1)->text(), QStringLiteral("30"));
        QCOMPARE(c->item(1, 0)->text(), QStringLiteral("22"));
        QCOMPARE(c->item(1, 1)->text(), QStringLiteral("28"));

        // One marker per change of position: 19 (10 buys, 9 sells), plus the latest signal.
        QCOMPARE(int(view.priceChart()->markers().size()), 19);
        QCOMPARE(view.priceChart()->buyCount(), 10);
        QCOMPARE(view.priceChart()->sellCount(), 9);
        QCOMPARE(view.priceChart()->markers()[0].date, m_series.dates[249 - 101 + 5]);

        // The verdict says it plainly.
        QVERIFY2(view.verdictText().startsWith(QStringLiteral("Not better than the baselines")),
            qPrintable(view.verdictText()));
        QVERIFY(view.verdictText().contains(QStringLiteral("does not beat buy-and-hold")));
        QVERIFY(view.verdictText().contains(QStringLiteral("accuracy 0.480 against majority")));

        // The latest signal's waterfall: 4 features, largest first, adding up to the score.
        ui::SignalWaterfallView* w = view.waterfall();
        QVERIFY(w->hasExplanation());
        QCOMPARE(w->explanation()->point.date, m_series.dates.back());
        QCOMPARE(w->barCount(), 4);
        QVERIFY(w->stepLabel(0).startsWith(QStringLiteral("ret1 = ")));
        QCOMPARE(w->stepValue(1), -0.1);

        // Importance: permutation for every feature; mean |SHAP| for the trees.
        QCOMPARE(view.importanceChart()->barCount(), 3);
        QCOMPARE(view.attributionChart()->barCount(), 3);
        QCOMPARE(view.equityChart()->strategySeries()->count(), 100);
        QCOMPARE(view.equityChart()->buyAndHoldSeries()->at(99).y(), 1.198);
    }

    void betterModelIsNotFlagged()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_msft));
        SignalsView view(&project);
        auto r = handMade();
        r->model.evaluation.metrics.model.accuracy = 0.61;
        r->model.evaluation.metrics.beatsBaselines = true;
        r->model.evaluation.metrics.verdict = "gbm beats both baselines.";
        view.showResult(r);
        QVERIFY2(view.verdictText().startsWith(QStringLiteral("Better than both baselines: "
                                                             "accuracy 0.610 against")),
            qPrintable(view.verdictText()));
        QVERIFY(view.metricsTable()->item(0, 0)->font().bold());
    }

    void waterfallMergesTheSmallest()
    {
        ui::SignalWaterfallView w;
        std::vector<std::string> names;
        std::vector<double> contributions;
        double sum = 0;
        for (int i = 0; i < 14; ++i) {
            names.push_back(QStringLiteral("f%1").arg(i).toStdString());
            contributions.push_back((i % 2 ? -1.0 : 1.0) * 0.01 * double(14 - i));
            sum += contributions.back();
        }
        w.setExplanation(explanation(core::Date(20000), 1, 0.6, names, contributions, 0.2), 2);
        QCOMPARE(w.barCount(), 10); // 9 features and "5 other features"
        QCOMPARE(w.stepLabel(9), QStringLiteral("5 other features"));
        QVERIFY(w.stepLabel(0).startsWith(QStringLiteral("f0 = ")));
        double total = 0.2;
        for (int i = 0; i < w.barCount(); ++i)
            total += w.stepValue(i);
        QVERIFY(std::abs(total - (0.2 + sum)) < 1e-12);
        // f9..f13: -0.05 + 0.04 - 0.03 + 0.02 - 0.01
        QVERIFY(std::abs(w.stepValue(9) - (-0.03)) < 1e-12);
    }

    void clickingAMarkerExplainsThatDay()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_msft));
        SignalsView view(&project);
        view.resize(1200, 820);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto r = handMade();
        view.showResult(r);
        const core::Date day = view.priceChart()->markers()[2].date; // the second buy
        QCOMPARE(day, r->points[15].date);
        view.addExplanation(explanation(day, 1, 0.58, {"rsi14", "ret5"}, {0.2, -0.05}, 0.05));
        settle();

        const QPointF at = view.priceChart()->markerPosition(2);
        QVERIFY(view.priceChart()->viewport()->rect().contains(at.toPoint()));
        QSignalSpy shown(&view, &SignalsView::explanationShown);
        QTest::mouseClick(view.priceChart()->viewport(), Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(shown.count(), 1);
        QCOMPARE(view.waterfall()->explanation()->point.date, day);
        QCOMPARE(view.waterfall()->barCount(), 2);
        QVERIFY(view.waterfall()->stepLabel(0).startsWith(QStringLiteral("rsi14")));

        // The latest signal's marker brings "why this signal today" back.
        QTest::mouseClick(view.priceChart()->viewport(), Qt::LeftButton, {},
            view.priceChart()->markerPosition(-1).toPoint());
        QCOMPARE(view.waterfall()->explanation()->point.date, m_series.dates.back());

        // A marker without an explanation (a hand-made result has no model to ask) says so.
        QTest::mouseClick(view.priceChart()->viewport(), Qt::LeftButton, {},
            view.priceChart()->markerPosition(0).toPoint());
        QVERIFY(!view.waterfall()->hasExplanation());

        if (const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR"); !dir.isEmpty()) {
            QTest::mouseClick(view.priceChart()->viewport(), Qt::LeftButton, {}, at.toPoint());
            settle();
            view.grab().save(dir + QStringLiteral("/signals_handmade.png"));
        }
    }

    void settingsAreRemembered()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_msft));
        {
            SignalsView view(&project);
            QCOMPARE(view.modelCombo()->currentData().toString(), QStringLiteral("gbm"));
            QCOMPARE(view.horizonSpin()->value(), 1);
            QCOMPARE(view.costSpin()->value(), 5.0);
            QVERIFY(!view.thresholdSpin()->isEnabled());
            view.modelCombo()->setCurrentIndex(view.modelCombo()->findData(QStringLiteral("rf")));
            view.horizonSpin()->setValue(5);
            view.classesCombo()->setCurrentIndex(1);
            QVERIFY(view.thresholdSpin()->isEnabled());
            view.thresholdSpin()->setValue(0.8);
            view.costSpin()->setValue(12.5);
            view.slippageSpin()->setValue(3.0);
            view.longShortCheck()->setChecked(true);
            view.foldsSpin()->setValue(4);
            view.searchCheck()->setChecked(false);
            const ui::SignalRunRequest r = view.request();
            QCOMPARE(r.kind, ms::ClassifierKind::RandomForest);
            QCOMPARE(r.classes, 3);
            QCOMPARE(r.threshold, 0.008);
            QCOMPARE(r.ticker, kTicker);
        }
        SignalsView again(&project);
        QCOMPARE(again.modelCombo()->currentData().toString(), QStringLiteral("rf"));
        QCOMPARE(again.horizonSpin()->value(), 5);
        QCOMPARE(again.classesCombo()->currentData().toInt(), 3);
        QCOMPARE(again.thresholdSpin()->value(), 0.8);
        QCOMPARE(again.costSpin()->value(), 12.5);
        QCOMPARE(again.slippageSpin()->value(), 3.0);
        QVERIFY(again.longShortCheck()->isChecked());
        QCOMPARE(again.foldsSpin()->value(), 4);
        QVERIFY(!again.searchCheck()->isChecked());
        QSettings().clear();
    }

    void runsEndToEnd()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_msft));
        SignalsView view(&project);
        view.resize(1200, 820);
        view.modelCombo()->setCurrentIndex(view.modelCombo()->findData(QStringLiteral("gbm")));
        view.searchCheck()->setChecked(false);
        view.costSpin()->setValue(5.0);
        view.slippageSpin()->setValue(2.0);
        QCOMPARE(view.currentTicker(), kTicker);
        QSignalSpy started(view.controller(), &ui::SignalsController::started);
        QSignalSpy finished(view.controller(), &ui::SignalsController::finished);
        QSignalSpy shown(&view, &SignalsView::resultShown);
        QVERIFY(view.run());
        QVERIFY(!view.runButton()->isEnabled()); // one job at a time
        QCOMPARE(started.count(), 1);
        auto result = waitFinished(finished);
        QVERIFY(result);
        QVERIFY2(result->error.code == core::ErrorCode::Ok, result->error.toString().c_str());
        QVERIFY(shown.count() == 1 || shown.wait(5000));
        QVERIFY(view.runButton()->isEnabled());

        // Stored in the project as a signal model of the ticker.
        QVERIFY2(result->stored, qPrintable(result->storeError));
        auto stored = ui::SignalsController::storedModels(m_msft, kTicker);
        QVERIFY(stored);
        QCOMPARE(int(stored->size()), 1);
        QCOMPARE(stored->front().kind, std::string("signal_gbm"));
        QCOMPARE(stored->front().id, result->model.record.id);
        QCOMPARE(view.storedTable()->rowCount(), 1);

        // The metrics table shows the evaluation, whose accuracy is recounted from its points.
        const auto& ev = result->model.evaluation;
        QVERIFY(!ev.testPoints.empty());
        std::size_t right = 0;
        for (const auto& p : ev.testPoints)
            right += p.predicted == p.truth ? 1 : 0;
        const double accuracy = double(right) / double(ev.testPoints.size());
        QVERIFY(std::abs(ev.metrics.model.accuracy - accuracy) < 1e-12);
        QCOMPARE(view.metricsTable()->item(0, 0)->text(), QString::number(accuracy, 'f', 3));
        QCOMPARE(view.metricsTable()->item(5, 0)->text(), QString::number(ev.testPoints.size()));
        QCOMPARE(view.verdictText().startsWith(QStringLiteral("Not better")),
            !ev.metrics.beatsBaselines);

        // Markers: one per change of the long/flat position over the test points.
        int changes = 0, previous = 0;
        for (const auto& p : ev.testPoints) {
            const int pos = p.predicted == 1 ? 1 : 0;
            changes += pos != previous ? 1 : 0;
            previous = pos;
        }
        QCOMPARE(int(view.priceChart()->markers().size()), changes);
        QCOMPARE(long(changes), ev.backtest.strategy.trades);

        // Why this signal today: one bar per feature (or the merged rest).
        QVERIFY(result->latestExplanation);
        QVERIFY(view.waterfall()->hasExplanation());
        QCOMPARE(view.waterfall()->explanation()->point.date, result->dataset->dates.back());
        const int cols = int(result->dataset->cols());
        QCOMPARE(view.waterfall()->barCount(), std::min(cols, 10));

        // Clicking a marker explains that day through the controller (a short job).
        if (!view.priceChart()->markers().empty()) {
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            const core::Date day = view.priceChart()->markers()[0].date;
            QSignalSpy explained(&view, &SignalsView::explanationShown);
            QVERIFY(view.showExplanation(day));
            QVERIFY(explained.count() == 1 || explained.wait(30000));
            QCOMPARE(view.waterfall()->explanation()->point.date, day);
        }

        // Reopening the stored model shows its stored metrics and the same latest signal.
        finished.clear();
        QVERIFY(view.openStoredModel(result->model.record.id));
        auto reopened = waitFinished(finished);
        QVERIFY(reopened);
        QVERIFY2(reopened->error.code == core::ErrorCode::Ok, reopened->error.toString().c_str());
        QVERIFY(reopened->fromStore);
        QCOMPARE(reopened->model.latest.date, result->model.latest.date);
        QCOMPARE(reopened->model.latest.predicted, result->model.latest.predicted);
        QVERIFY(std::abs(reopened->model.evaluation.metrics.model.accuracy - accuracy) < 1e-9);
        QCOMPARE(reopened->points.size(), ev.testPoints.size());
        QCOMPARE(view.metricsTable()->item(0, 0)->text(), QString::number(accuracy, 'f', 3));

        if (const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR"); !dir.isEmpty()) {
            view.showResult(result);
            settle();
            view.grab().save(dir + QStringLiteral("/signals_gbm_msft_ohlcv.png"));
        }
    }

    void cancelStopsTheRun()
    {
        // The view inside a window with a jobs bar, as in the main window: Cancel is its button.
        ui::ProjectController project;
        QVERIFY(project.openProject(m_dj));
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* view = new SignalsView(&project, &window);
        auto* jobs = new ui::JobsBar(&window);
        layout->addWidget(view);
        layout->addWidget(jobs);
        view->setCurrentTicker(QStringLiteral("MSFT"));
        QCOMPARE(view->currentTicker(), QStringLiteral("MSFT"));
        view->modelCombo()->setCurrentIndex(view->modelCombo()->findData(QStringLiteral("gbm")));
        view->searchCheck()->setChecked(true);
        view->foldsSpin()->setValue(5);
        QSignalSpy finished(view->controller(), &ui::SignalsController::finished);
        QVERIFY(view->run());
        QCOMPARE(jobs->jobCount(), 1);
        const auto buttons = jobs->findChildren<QToolButton*>();
        QCOMPARE(buttons.size(), 1);
        buttons.first()->click();
        auto result = waitFinished(finished);
        QVERIFY(result);
        QCOMPARE(result->error.code, core::ErrorCode::Cancelled);
        QCOMPARE(jobs->jobCount(), 0);
        QVERIFY(view->statusText().startsWith(QStringLiteral("Cancelled")));
        auto stored = ui::SignalsController::storedModels(m_dj, QStringLiteral("MSFT"));
        QVERIFY(stored);
        QVERIFY(stored->empty());
        QSettings().clear();
    }

    void mainWindowIntegration()
    {
        // The forecasting models list never offers a signal model.
        ui::ModelsModel models;
        core::forecast::ModelRecord forecaster, signal;
        forecaster.id = 1;
        forecaster.kind = "lstm";
        signal.id = 2;
        signal.kind = "signal_gbm";
        models.setRecords({forecaster, signal});
        QCOMPARE(models.rowCount(), 1);
        QCOMPARE(models.rowOfId(2), -1);

        // A Signals tab that follows the instrument shown on the Prices tab, and a menu action
        // whose shortcut clashes with no other.
        ui::MainWindow w;
        QVERIFY(w.openProject(m_dj));
        auto* tabs = w.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->indexOf(w.signalsView())), QStringLiteral("Signals"));
        w.pricesTab()->selectTickers({QStringLiteral("KO")});
        QTRY_COMPARE(w.signalsView()->currentTicker(), QStringLiteral("KO"));
        QAction* run = nullptr;
        for (QAction* a : w.findChildren<QAction*>()) {
            for (const QKeySequence& k : a->shortcuts()) {
                if (k.isEmpty() || a->text().isEmpty())
                    continue;
                if (k == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)) {
                    QVERIFY2(!run, qPrintable(a->text()));
                    run = a;
                }
            }
        }
        QVERIFY(run);
        QCOMPARE(run->text(), QStringLiteral("Run Trading Si&gnals"));

        if (const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR"); !dir.isEmpty()) {
            // The tab in the window's usual shape (1440 x 900, both docks): does it fit?
            w.resize(1440, 900);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.pricesTab()->selectTickers({QStringLiteral("MSFT")});
            QTRY_COMPARE(w.signalsView()->currentTicker(), QStringLiteral("MSFT"));
            w.signalsView()->searchCheck()->setChecked(false);
            QSignalSpy finished(w.signalsView()->controller(), &ui::SignalsController::finished);
            run->trigger();
            QCOMPARE(tabs->currentWidget(), w.signalsView());
            QVERIFY(waitFinished(finished));
            settle();
            w.grab().save(dir + QStringLiteral("/signals_main_window.png"));
        }
        QSettings().clear();
    }

    void screenshots()
    {
        // Realistic data for a human look: gradient boosting on MSFT among the Dow Jones 30,
        // light and dark. Not a check.
        const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set MARKETLENS_GRAB_DIR to save screenshots");
        ui::ProjectController project;
        QVERIFY(project.openProject(m_dj));
        SignalsView view(&project);
        view.resize(1130, 860);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCurrentTicker(QStringLiteral("MSFT"));
        view.modelCombo()->setCurrentIndex(view.modelCombo()->findData(QStringLiteral("gbm")));
        view.searchCheck()->setChecked(false);
        view.foldsSpin()->setValue(0);
        QSignalSpy finished(view.controller(), &ui::SignalsController::finished);
        QVERIFY(view.run());
        auto result = waitFinished(finished);
        QVERIFY(result);
        QVERIFY2(result->error.code == core::ErrorCode::Ok, result->error.toString().c_str());
        settle();
        view.grab().save(dir + QStringLiteral("/signals_gbm_msft.png"));
        view.bottomTabs()->setCurrentIndex(1);
        settle();
        view.grab().save(dir + QStringLiteral("/signals_gbm_msft_importance.png"));
        view.bottomTabs()->setCurrentIndex(0);
        ui::applyTheme(ui::ThemeChoice::Dark);
        settle();
        view.grab().save(dir + QStringLiteral("/signals_gbm_msft_dark.png"));
        ui::applyTheme(ui::ThemeChoice::Light);
        QSettings().clear();
    }
};

QTEST_MAIN(TestSignalsView)
#include "test_signals_view.moc"
