#include "forecast_controller.h"

#include "training_worker.h"
#include "ui/background_job.h"

#include "core/project_store.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

namespace marketlens::ui {

namespace fc = core::forecast;

namespace {
void registerTypes()
{
    qRegisterMetaType<TrainRequest>();
    qRegisterMetaType<TrainingUpdate>();
    qRegisterMetaType<ForecastJobResult>();
    qRegisterMetaType<CancelFlag>();
}
} // namespace

ForecastController::ForecastController(QObject* parent)
    : QObject(parent)
{
    registerTypes();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ForecastTraining"));
    m_worker = new TrainingWorker; // no parent: it moves to the thread
    m_worker->moveToThread(m_thread);
    // Training runs below the GUI thread (background_job.h); started() comes on the new thread.
    connect(m_thread, &QThread::started, m_thread, &lowerCurrentThreadPriority, Qt::DirectConnection);
    connect(this, &ForecastController::requestTrain, m_worker, &TrainingWorker::train,
        Qt::QueuedConnection);
    connect(this, &ForecastController::requestBacktest, m_worker, &TrainingWorker::backtest,
        Qt::QueuedConnection);
    connect(
        m_worker, &TrainingWorker::progress, this,
        [this](int job, const TrainingUpdate& update) {
            if (job == m_running)
                Q_EMIT progress(job, update);
        },
        Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::finished, this, &ForecastController::onWorkerFinished,
        Qt::QueuedConnection);
    m_thread->start();
}

ForecastController::~ForecastController()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
    delete m_worker; // its thread has ended: safe to delete from here
    for (auto* watcher : findChildren<QFutureWatcher<ForecastJobResult>*>())
        watcher->waitForFinished();
}

int ForecastController::train(const TrainRequest& request)
{
    return start(ForecastJobKind::Train, request);
}

int ForecastController::backtest(const TrainRequest& request)
{
    return start(ForecastJobKind::Backtest, request);
}

int ForecastController::start(ForecastJobKind kind, const TrainRequest& request)
{
    if (m_running >= 0)
        return -1;
    const int job = m_next++;
    m_running = job;
    m_runningKind = kind;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const QString kindText = modelKindTitle(request.kind);
    if (kind == ForecastJobKind::Train) {
        Q_EMIT started(job, kind, tr("Training %1 on %2").arg(kindText, request.ticker));
        Q_EMIT requestTrain(job, request, m_cancel);
    } else {
        Q_EMIT started(job, kind, tr("Backtesting %1 on %2").arg(kindText, request.ticker));
        Q_EMIT requestBacktest(job, request, m_cancel);
    }
    return job;
}

void ForecastController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ForecastController::onWorkerFinished(int job, const ForecastJobResult& result)
{
    if (job != m_running)
        return;
    m_running = -1;
    m_cancel.reset();
    m_last = result;
    Q_EMIT finished(job, result);
}

int ForecastController::forecast(const QString& projectPath, qint64 modelId)
{
    const int job = m_next++;
    m_forecastCurrent = job;
    ++m_forecastsRunning;
    auto work = [path = projectPath.toStdString(), modelId]() -> ForecastJobResult {
        ForecastJobResult result;
        result.kind = ForecastJobKind::Forecast;
        try {
            auto store = core::ProjectStore::open(path);
            if (!store) {
                result.error = store.error();
                return result;
            }
            auto record = fc::loadModel(*store, modelId);
            if (!record) {
                result.error = record.error();
                return result;
            }
            result.record = std::move(*record);
            auto series = store->prices(result.record.ticker);
            if (!series) {
                result.error = series.error();
                return result;
            }
            std::vector<core::news::DailySentiment> sentiment;
            const auto& features = result.record.features;
            if (std::find(features.begin(), features.end(), "sentiment") != features.end()) {
                auto index = sentimentIndexFor(*store, series->ticker);
                if (!index) {
                    result.error = index.error();
                    return result;
                }
                sentiment = std::move(*index);
            }
            fillForecast(result, result.record, *series, sentiment.empty() ? nullptr : &sentiment);
            result.record.weights.clear(); // the GUI needs the description, not the bytes
        } catch (const std::exception& e) {
            result.error = core::makeError(core::ErrorCode::Io, e.what());
        }
        return result;
    };
    auto* watcher = new QFutureWatcher<ForecastJobResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, projectPath] {
        --m_forecastsRunning;
        ForecastJobResult result;
        if (watcher->future().resultCount() > 0)
            result = watcher->result();
        else
            result.error = core::makeError(core::ErrorCode::Io, "the forecast job gave no result");
        result.projectPath = projectPath;
        watcher->deleteLater();
        if (job == m_forecastCurrent)
            Q_EMIT forecastReady(job, result);
    });
    watcher->setFuture(runBackground(std::move(work)));
    return job;
}

} // namespace marketlens::ui
