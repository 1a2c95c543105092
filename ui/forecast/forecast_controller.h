#pragma once
// ForecastController: owns the forecasting worker thread (STYLE.md "Threads"). Training and
// backtests are long-lived jobs: a TrainingWorker lives on a QThread owned here and receives
// requests as queued signals (requestTrain/requestBacktest); its progress and results come back
// as queued signals carrying plain values. One training or backtest runs at a time (train() and
// backtest() return -1 while one is running). cancel() sets the running job's atomic flag, which
// the trainer checks before each batch, so a cancel is honoured within one batch.
//
// A forecast with a stored model (after selecting it in the models panel) is a one-shot job on
// the thread pool (QtConcurrent), so it does not wait behind a running training; a newer
// forecast request supersedes an older one (only the newest is delivered).
//
// Each job opens its own connection to the project file. Shutdown (destructor): cancel, then
// requestInterruption(); quit(); wait() on the thread, and wait for forecast jobs.

#include "ui/forecast/forecast_types.h"

#include <QObject>
#include <QString>

class QThread;

namespace marketlens::ui {

class TrainingWorker;

class ForecastController : public QObject {
    Q_OBJECT
public:
    explicit ForecastController(QObject* parent = nullptr);
    ~ForecastController() override;

    // Start a job; return its id, or -1 when another training/backtest is running.
    int train(const TrainRequest& request);
    int backtest(const TrainRequest& request);
    // Forecast from the last date of the model's ticker with stored model `modelId`.
    int forecast(const QString& projectPath, qint64 modelId);
    // Cancels the running training or backtest.
    void cancel();

    bool isBusy() const { return m_running >= 0; }
    int runningJob() const { return m_running; }
    ForecastJobKind runningKind() const { return m_runningKind; }
    // The last finished training/backtest (tests and the dialog).
    const ForecastJobResult& lastResult() const { return m_last; }
    QThread* workerThread() const { return m_thread; }
    TrainingWorker* worker() const { return m_worker; }

Q_SIGNALS:
    // Requests to the worker (queued connections; connected in the constructor).
    void requestTrain(int job, const marketlens::ui::TrainRequest& request,
        const marketlens::ui::CancelFlag& cancel);
    void requestBacktest(int job, const marketlens::ui::TrainRequest& request,
        const marketlens::ui::CancelFlag& cancel);

    void started(int job, marketlens::ui::ForecastJobKind kind, const QString& label);
    void progress(int job, const marketlens::ui::TrainingUpdate& update);
    // A training or backtest ended (result.error.code: Ok, Cancelled or the failure).
    void finished(int job, const marketlens::ui::ForecastJobResult& result);
    // A forecast job ended (the newest request only).
    void forecastReady(int job, const marketlens::ui::ForecastJobResult& result);

private:
    int start(ForecastJobKind kind, const TrainRequest& request);
    void onWorkerFinished(int job, const ForecastJobResult& result);

    QThread* m_thread = nullptr;
    TrainingWorker* m_worker = nullptr;
    int m_next = 1;
    int m_running = -1;
    ForecastJobKind m_runningKind = ForecastJobKind::Train;
    CancelFlag m_cancel;
    ForecastJobResult m_last;
    int m_forecastCurrent = -1;
    int m_forecastsRunning = 0;
};

} // namespace marketlens::ui
