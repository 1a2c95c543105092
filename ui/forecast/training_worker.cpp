#include "training_worker.h"

#include "core/news/news_store.h"
#include "core/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <exception>

namespace marketlens::ui {

namespace fc = core::forecast;

namespace {

// Forwards the trainer's reports as TrainingUpdate signals at most every 100 ms, collecting the
// epochs that end in between, and keeps the cancel accounting of the result.
class ProgressRelay {
public:
    // `epochsPerFold` > 0 for a backtest, whose epochs count on across its folds.
    ProgressRelay(TrainingWorker* worker, int job, const CancelFlag& cancel,
        ForecastJobResult& result, int epochsPerFold = 0, int folds = 0)
        : m_worker(worker)
        , m_job(job)
        , m_cancel(cancel)
        , m_result(result)
        , m_epochsPerFold(epochsPerFold)
        , m_folds(folds)
    {
        m_clock.start();
    }

    void operator()(const models::TrainProgress& p)
    {
        const long index = long(std::max(p.epoch - 1, 0)) * std::max(p.batches, 1) + p.batch;
        if (m_cancel && m_cancel->load()) {
            if (m_result.batchIndexAtCancel < 0)
                m_result.batchIndexAtCancel = m_result.lastBatchIndex;
            ++m_result.reportsAfterCancel;
        }
        m_result.lastBatchIndex = index;
        if (p.epochEnd) {
            models::EpochRecord e;
            e.epoch = p.epoch;
            e.trainLoss = p.trainLoss;
            e.valLoss = p.valLoss;
            e.learningRate = p.learningRate;
            e.seconds = p.elapsedSeconds;
            m_pending.epochs.push_back(e);
        }
        const qint64 now = m_clock.elapsed();
        if (m_last >= 0 && now - m_last < 100)
            return;
        m_last = now;
        m_pending.progress = p;
        if (m_epochsPerFold > 0) {
            m_pending.fold = std::clamp((p.epoch - 1) / m_epochsPerFold + 1, 1, m_folds);
            m_pending.folds = m_folds;
        }
        Q_EMIT m_worker->progress(m_job, m_pending);
        m_pending.epochs.clear();
    }

private:
    TrainingWorker* m_worker;
    int m_job;
    CancelFlag m_cancel;
    ForecastJobResult& m_result;
    int m_epochsPerFold;
    int m_folds;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    TrainingUpdate m_pending;
};

core::Result<core::PriceSeries> loadSeries(core::ProjectStore& store, const QString& ticker)
{
    auto series = store.prices(ticker.toStdString());
    if (!series)
        return series.error();
    if (series->empty())
        return core::makeError(core::ErrorCode::NotFound,
            QCoreApplication::translate(
                "marketlens::ui::TrainingWorker", "The project has no prices for %1.")
                .arg(ticker)
                .toStdString());
    return series;
}

// The project connection and series a training or backtest job works on.
struct JobInputs {
    core::ProjectStore store;
    core::PriceSeries series;
    std::vector<core::news::DailySentiment> sentiment; // when the request uses it
};

core::Result<JobInputs> openInputs(const TrainRequest& request)
{
    auto store = core::ProjectStore::open(request.projectPath.toStdString());
    if (!store)
        return store.error();
    auto series = loadSeries(*store, request.ticker);
    if (!series)
        return series.error();
    std::vector<core::news::DailySentiment> sentiment;
    if (request.useSentiment) {
        auto index = sentimentIndexFor(*store, series->ticker);
        if (!index)
            return index.error();
        sentiment = std::move(*index);
    }
    return JobInputs {std::move(*store), std::move(*series), std::move(sentiment)};
}

// The request's configuration with the sentiment feature and index when asked for.
models::ForecastConfig configWithInputs(const TrainRequest& request, const JobInputs& inputs)
{
    models::ForecastConfig config = TrainingWorker::configFor(request);
    if (request.useSentiment) {
        config.features = fc::defaultFeatures(inputs.series);
        config.features.push_back("sentiment");
        config.sentiment = inputs.sentiment;
    }
    return config;
}

} // namespace

TrainingWorker::TrainingWorker(QObject* parent)
    : QObject(parent)
{
}

models::ForecastConfig TrainingWorker::configFor(const TrainRequest& request)
{
    models::ForecastConfig config;
    config.network.kind = request.kind;
    config.network.window = request.window;
    config.network.horizon = request.horizon;
    if (request.hidden > 0) {
        config.network.hidden = request.hidden;
        // Attention heads must divide the model dimension.
        while (config.network.heads > 1 && request.hidden % config.network.heads != 0)
            --config.network.heads;
    }
    if (request.layers > 0)
        config.network.layers = request.layers;
    config.training.epochs = request.epochs;
    config.training.seed = request.seed;
    config.training.device = request.device;
    if (request.batchSize > 0)
        config.training.batchSize = request.batchSize;
    if (request.patience >= 0)
        config.training.patience = request.patience;
    if (request.progressIntervalMs >= 0)
        config.training.progressIntervalMs = request.progressIntervalMs;
    return config;
}

QString TrainingWorker::defaultName(const TrainRequest& request)
{
    return QStringLiteral("%1 %2 h%3")
        .arg(request.ticker, modelKindTitle(request.kind))
        .arg(request.horizon);
}

core::Result<std::vector<core::news::DailySentiment>> sentimentIndexFor(
    core::ProjectStore& store, const std::string& ticker)
{
    auto index = core::news::loadSentimentIndex(store, ticker, core::news::kLexiconModelKey);
    if (!index)
        return index.error();
    if (index->empty())
        return core::makeError(core::ErrorCode::NotFound,
            QCoreApplication::translate("marketlens::ui::TrainingWorker",
                "%1 has no news sentiment index: import news about it and score them on the "
                "News tab first.")
                .arg(QString::fromStdString(ticker))
                .toStdString());
    return index;
}

void fillForecast(ForecastJobResult& result, const fc::ModelRecord& record,
    const core::PriceSeries& series, const std::vector<core::news::DailySentiment>* sentiment)
{
    result.historyDates.clear();
    result.historyPrices.clear();
    std::vector<std::size_t> rows;
    for (std::size_t i = series.size(); i-- > 0 && rows.size() < TrainingWorker::kHistoryRows;) {
        if (std::isfinite(series.valueAt(i)))
            rows.push_back(i);
    }
    std::reverse(rows.begin(), rows.end());
    for (std::size_t i : rows) {
        result.historyDates.push_back(series.dates[i]);
        result.historyPrices.push_back(series.valueAt(i));
    }
    if (record.quantiles.empty()) {
        result.forecastError = QCoreApplication::translate("marketlens::ui::TrainingWorker",
            "This model is a classifier, not a price forecaster.");
        return;
    }
    auto forecast = models::forecastWith(record, series, -1, sentiment);
    if (forecast)
        result.forecast = std::move(*forecast);
    else
        result.forecastError = QString::fromStdString(forecast.error().toString());
}

void TrainingWorker::train(int job, const TrainRequest& request, const CancelFlag& cancel)
{
    ForecastJobResult result;
    try {
        result = runTrain(job, request, cancel);
    } catch (const std::exception& e) {
        // models/ and core/ do not throw; this guards against std::bad_alloc and the like.
        result.error = core::makeError(core::ErrorCode::Io, e.what());
    }
    result.kind = ForecastJobKind::Train;
    result.projectPath = request.projectPath;
    Q_EMIT finished(job, result);
}

void TrainingWorker::backtest(int job, const TrainRequest& request, const CancelFlag& cancel)
{
    ForecastJobResult result;
    try {
        result = runBacktest(job, request, cancel);
    } catch (const std::exception& e) {
        result.error = core::makeError(core::ErrorCode::Io, e.what());
    }
    result.kind = ForecastJobKind::Backtest;
    result.projectPath = request.projectPath;
    Q_EMIT finished(job, result);
}

ForecastJobResult TrainingWorker::runTrain(
    int job, const TrainRequest& request, const CancelFlag& cancel)
{
    ForecastJobResult result;
    auto inputs = openInputs(request);
    if (!inputs) {
        result.error = inputs.error();
        return result;
    }
    ProgressRelay relay(this, job, cancel, result);
    const models::TrainProgressFn progressFn
        = [&relay](const models::TrainProgress& p) { relay(p); };
    auto trained = models::trainForecaster(inputs->series, configWithInputs(request, *inputs),
        progressFn, cancel ? cancel.get() : nullptr);
    if (cancel && cancel->load() && result.batchIndexAtCancel < 0)
        result.batchIndexAtCancel = result.lastBatchIndex; // no batch reported after the flag
    if (!trained) {
        result.error = trained.error();
        return result;
    }
    result.record = std::move(trained->record);
    if (!request.name.isEmpty())
        result.record.name = request.name.toStdString();
    else if (result.record.name.empty())
        result.record.name = defaultName(request).toStdString();
    result.evaluation = std::move(trained->evaluation);
    result.history = trained->outcome.history;
    if (request.store) {
        auto id = fc::saveModel(inputs->store, result.record);
        if (id) {
            result.record.id = *id;
            result.stored = true;
        } else {
            result.storeError = QString::fromStdString(id.error().toString());
        }
    }
    fillForecast(result, result.record, inputs->series,
        inputs->sentiment.empty() ? nullptr : &inputs->sentiment);
    return result;
}

ForecastJobResult TrainingWorker::runBacktest(
    int job, const TrainRequest& request, const CancelFlag& cancel)
{
    ForecastJobResult result;
    auto inputs = openInputs(request);
    if (!inputs) {
        result.error = inputs.error();
        return result;
    }
    ProgressRelay relay(this, job, cancel, result, request.epochs, request.folds);
    const models::TrainProgressFn progressFn
        = [&relay](const models::TrainProgress& p) { relay(p); };
    auto report = models::walkForwardBacktest(inputs->series, configWithInputs(request, *inputs),
        request.folds,
        request.expanding, progressFn, cancel ? cancel.get() : nullptr);
    if (!report) {
        result.error = report.error();
        return result;
    }
    result.backtest = std::move(*report);
    return result;
}

} // namespace marketlens::ui
