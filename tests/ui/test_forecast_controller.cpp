// ForecastController on a project imported from tests/data: a small MLP trains on the worker
// thread (not the GUI thread), progress arrives as queued updates, the finished record is in the
// project with the evaluation's metrics, and its forecast has ordered quantiles; a stored model
// forecasts again identically; Cancel ends a long training within one batch (the trainer reports
// every batch in this test and the worker counts reports after the flag was set) and stores
// nothing; a walk-forward backtest gives one fold per requested fold; the GUI event loop keeps
// ticking while an LSTM trains (a 10 ms timer's worst lateness is printed and must stay < 50 ms,
// the responsiveness requirement).
#include "core/forecast/model_store.h"
#include "core/price_import.h"
#include "core/project_store.h"
#include "models/torch_runtime.h"
#include "ui/forecast/forecast_controller.h"
#include "ui/forecast/models_model.h"
#include "ui/forecast/training_worker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace marketlens;
namespace fc = marketlens::core::forecast;
using ui::ForecastController;
using ui::ForecastJobResult;
using ui::TrainRequest;

namespace {
constexpr int kJobTimeoutMs = 300000;
}

class TestForecastController : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_msft; // msft_ohlcv.csv: 249 days of Microsoft OHLCV (ticker MSFT_OHLCV)
    QString m_dj; // dowjones30_prices.csv: 2,529 days of 30 closes

    TrainRequest smallMlp() const
    {
        TrainRequest r;
        r.projectPath = m_msft;
        r.ticker = QStringLiteral("MSFT_OHLCV");
        r.kind = models::ModelKind::Mlp;
        r.horizon = 3;
        r.window = 10;
        r.epochs = 3;
        r.seed = 11;
        r.hidden = 16;
        r.layers = 1;
        r.batchSize = 16;
        return r;
    }

    static ForecastJobResult waitFinished(QSignalSpy& finished)
    {
        if (finished.isEmpty() && !finished.wait(kJobTimeoutMs))
            return {};
        return finished.first().at(1).value<ForecastJobResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        models::initTorchRuntime();
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
    }

    void trainsOnWorkerThreadAndStores()
    {
        ForecastController c;
        QVERIFY(c.worker()->thread() == c.workerThread());
        QVERIFY(c.workerThread() != QThread::currentThread());
        QVERIFY(c.workerThread()->isRunning());
        QSignalSpy started(&c, &ForecastController::started);
        QSignalSpy progress(&c, &ForecastController::progress);
        QSignalSpy finished(&c, &ForecastController::finished);
        const TrainRequest request = smallMlp();
        const int job = c.train(request);
        QVERIFY(job > 0);
        QVERIFY(c.isBusy());
        QCOMPARE(c.train(request), -1); // one training at a time
        QCOMPARE(started.count(), 1);
        const ForecastJobResult r = waitFinished(finished);
        QVERIFY2(r.error.code == core::ErrorCode::Ok, r.error.toString().c_str());
        QCOMPARE(finished.first().at(0).toInt(), job);
        QVERIFY(!c.isBusy());
        QVERIFY(progress.count() >= 1);
        const auto update = progress.last().at(1).value<ui::TrainingUpdate>();
        QCOMPARE(update.progress.epochs, 3);
        QVERIFY(update.progress.batches > 0);

        // The record is stored, named, with the evaluation's metrics.
        QVERIFY(r.stored);
        QVERIFY(r.record.id > 0);
        QVERIFY(QString::fromStdString(r.record.name).contains(QStringLiteral("MSFT_OHLCV")));
        QCOMPARE(r.record.horizon, 3);
        QCOMPARE(r.record.window, 10);
        QVERIFY(r.evaluation.has_value());
        QVERIFY(!r.history.empty() && r.history.size() <= 3u);
        auto store = core::ProjectStore::open(m_msft.toStdString());
        QVERIFY(store);
        auto list = fc::listModels(*store);
        QVERIFY(list);
        auto it = std::find_if(list->begin(), list->end(),
            [&](const fc::ModelRecord& m) { return m.id == r.record.id; });
        QVERIFY(it != list->end());
        QCOMPARE(it->kind, std::string("mlp"));
        QCOMPARE(it->ticker, std::string("MSFT_OHLCV"));
        const ui::ModelMetrics m = core::forecast::parseStoredMetrics(it->metricsJson, it->kind);
        QVERIFY(m.model());
        QCOMPARE(m.model()->errors.mae, r.evaluation->scores.front().errors.mae);
        QVERIFY(m.find("naive"));
        QVERIFY(m.beatsNaive.has_value());
        QCOMPARE(*m.beatsNaive, r.evaluation->beatsNaive);

        // The forecast: 3 horizons, ordered quantiles, naive = the last price.
        QVERIFY2(r.forecast.has_value(), qPrintable(r.forecastError));
        const auto& f = *r.forecast;
        QCOMPARE(int(f.model.point.size()), 3);
        QCOMPARE(int(f.dates.size()), 3);
        QCOMPARE(int(r.historyPrices.size()), 249); // every row (fewer than kHistoryRows)
        QCOMPARE(f.originPrice, r.historyPrices.back());
        for (int h = 0; h < 3; ++h) {
            QVERIFY(f.model.lo95[h] <= f.model.lo80[h]);
            QVERIFY(f.model.lo80[h] <= f.model.point[h]);
            QVERIFY(f.model.point[h] <= f.model.hi80[h]);
            QVERIFY(f.model.hi80[h] <= f.model.hi95[h]);
            QCOMPARE(f.naive.point[h], f.originPrice);
            QVERIFY(f.dates[h] > r.historyDates.back());
        }

        // Forecasting again with the stored model (a one-shot job) gives the same numbers.
        QSignalSpy ready(&c, &ForecastController::forecastReady);
        c.forecast(m_msft, r.record.id);
        QVERIFY(ready.wait(kJobTimeoutMs));
        const auto again = ready.first().at(1).value<ForecastJobResult>();
        QVERIFY2(again.error.code == core::ErrorCode::Ok, again.error.toString().c_str());
        QVERIFY(again.forecast.has_value());
        QCOMPARE(again.record.id, r.record.id);
        for (int h = 0; h < 3; ++h) {
            QCOMPARE(again.forecast->model.point[h], f.model.point[h]);
            QCOMPARE(again.forecast->model.hi95[h], f.model.hi95[h]);
        }
    }

    void cancelStopsWithinOneBatch()
    {
        auto store = core::ProjectStore::open(m_msft.toStdString());
        QVERIFY(store);
        const auto before = fc::listModels(*store);
        QVERIFY(before);

        ForecastController c;
        TrainRequest request = smallMlp();
        request.epochs = 500; // far longer than the test waits
        request.patience = 0; // no early stop
        request.progressIntervalMs = 0; // the trainer reports every batch: reports = batches
        QSignalSpy finished(&c, &ForecastController::finished);
        int updates = 0;
        connect(&c, &ForecastController::progress, this, [&](int, const ui::TrainingUpdate& u) {
            if (++updates == 1) {
                QVERIFY(u.progress.epoch < 500);
                c.cancel();
            }
        });
        QVERIFY(c.train(request) > 0);
        const ForecastJobResult r = waitFinished(finished);
        QCOMPARE(int(r.error.code), int(core::ErrorCode::Cancelled));
        QCOMPARE(r.kind, ui::ForecastJobKind::Train);
        QVERIFY(updates >= 1);
        QVERIFY(!r.stored);
        // Within one batch: at most the batch running when the flag was set was still reported.
        QVERIFY2(r.batchIndexAtCancel >= 0, "the worker saw no report after cancelling");
        QVERIFY2(r.reportsAfterCancel <= 1,
            qPrintable(QStringLiteral("%1 batches ran after Cancel").arg(r.reportsAfterCancel)));
        QVERIFY(r.lastBatchIndex <= r.batchIndexAtCancel + 1);
        qInfo("cancel: stopped at global batch %ld (flag seen after batch %ld), %d report(s) "
              "after the flag",
            r.lastBatchIndex, r.batchIndexAtCancel, r.reportsAfterCancel);
        const auto after = fc::listModels(*store);
        QVERIFY(after);
        QCOMPARE(after->size(), before->size());
        QVERIFY(!c.isBusy());
    }

    void backtestGivesFolds()
    {
        ForecastController c;
        TrainRequest request = smallMlp();
        request.epochs = 2;
        request.folds = 2;
        QSignalSpy finished(&c, &ForecastController::finished);
        int maxFold = 0;
        connect(&c, &ForecastController::progress, this,
            [&](int, const ui::TrainingUpdate& u) { maxFold = std::max(maxFold, u.fold); });
        QVERIFY(c.backtest(request) > 0);
        const ForecastJobResult r = waitFinished(finished);
        QVERIFY2(r.error.code == core::ErrorCode::Ok, r.error.toString().c_str());
        QCOMPARE(r.kind, ui::ForecastJobKind::Backtest);
        QVERIFY(r.backtest.has_value());
        QCOMPARE(int(r.backtest->folds.size()), 2);
        QCOMPARE(r.backtest->modelKind, std::string("mlp"));
        QVERIFY(maxFold >= 1 && maxFold <= 2);
        for (const auto& fold : r.backtest->folds) {
            QVERIFY(fold.testFirst <= fold.testLast);
            QVERIFY(!fold.scores.empty());
            QVERIFY(fold.scores.front().isModel);
        }
        QVERIFY(!r.backtest->overall.verdict.empty());
    }

    void failureIsReportedNotThrown()
    {
        ForecastController c;
        TrainRequest request = smallMlp();
        request.ticker = QStringLiteral("NO_SUCH_TICKER");
        QSignalSpy finished(&c, &ForecastController::finished);
        QVERIFY(c.train(request) > 0);
        const ForecastJobResult r = waitFinished(finished);
        QVERIFY(r.error.code != core::ErrorCode::Ok);
        QVERIFY(!r.error.message.empty());
        QVERIFY(!c.isBusy());
    }

    // The responsiveness requirement: the GUI thread's event loop keeps running while a
    // model trains. A 10 ms timer records how late each tick comes; the worst lateness must stay
    // under 50 ms.
    void eventLoopStaysResponsiveWhileLstmTrains()
    {
        ForecastController c;
        TrainRequest request;
        request.projectPath = m_dj;
        request.ticker = QStringLiteral("MSFT");
        request.kind = models::ModelKind::Lstm;
        request.horizon = 5;
        request.window = 40;
        request.epochs = 2;
        request.hidden = 32;
        request.seed = 3;
        request.store = false;
        QSignalSpy finished(&c, &ForecastController::finished);
        int updates = 0;
        connect(&c, &ForecastController::progress, this, [&] { ++updates; });

        QElapsedTimer clock;
        qint64 last = -1;
        qint64 worst = 0;
        int ticks = 0;
        bool training = false;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.nsecsElapsed();
            if (training && last >= 0)
                worst = std::max(worst, now - last - 10'000'000LL);
            last = now;
            ++ticks;
        });
        clock.start();
        timer.start();
        QTest::qWait(50); // settle
        training = true;
        QVERIFY(c.train(request) > 0);
        const ForecastJobResult r = waitFinished(finished);
        training = false;
        timer.stop();
        QVERIFY2(r.error.code == core::ErrorCode::Ok, r.error.toString().c_str());
        QVERIFY(updates >= 1);
        QVERIFY(ticks > 10);
        const double worstMs = double(worst) / 1e6;
        qInfo("event-loop latency while an LSTM trained for %.1f s: worst tick %.1f ms late "
              "(%d ticks, %d progress updates)",
            clock.elapsed() / 1000.0, worstMs, ticks, updates);
        QVERIFY2(worstMs < 50.0, qPrintable(QStringLiteral("worst lateness %1 ms").arg(worstMs)));
    }
};

QTEST_MAIN(TestForecastController)
#include "test_forecast_controller.moc"
