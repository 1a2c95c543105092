#include "signals_controller.h"

#include "core/news/news_store.h"
#include "core/project_store.h"
#include "ui/background_job.h"
#include "ui/signals/signals_stored.h"

#include <QElapsedTimer>
#include <QFutureWatcher>

#include <algorithm>

namespace marketlens::ui {

namespace fc = core::forecast;
namespace cs = core::signals;
namespace ms = models::signals;

namespace {

// The market and sentiment inputs a dataset of `ticker` is built with.
struct DatasetInputs {
    std::optional<cs::MarketReturns> market;
    std::optional<std::vector<core::news::DailySentiment>> sentiment;
};

core::Result<DatasetInputs> datasetInputs(
    core::ProjectStore& store, const std::string& ticker, bool market, bool sentiment)
{
    DatasetInputs inputs;
    if (market) {
        auto instruments = store.instruments();
        if (!instruments)
            return instruments.error();
        std::vector<core::PriceSeries> others;
        for (const auto& info : *instruments) {
            if (info.ticker == ticker)
                continue;
            auto series = store.prices(info.ticker);
            if (!series)
                return series.error();
            others.push_back(std::move(*series));
        }
        cs::MarketReturns returns = cs::equalWeightedMarket(others, ticker);
        if (!returns.dates.empty())
            inputs.market = std::move(returns);
    }
    if (sentiment) {
        auto index = core::news::loadSentimentIndex(store, ticker, core::news::kLexiconModelKey);
        if (index && !index->empty())
            inputs.sentiment = std::move(*index);
    }
    return inputs;
}

bool hasFeature(const std::vector<std::string>& features, const char* prefix)
{
    return std::any_of(features.begin(), features.end(),
        [prefix](const std::string& f) { return f.rfind(prefix, 0) == 0; });
}

std::shared_ptr<SignalRunResult> failed(std::shared_ptr<SignalRunResult> r, core::Error error)
{
    r->error = std::move(error);
    return r;
}

} // namespace

struct SignalsController::ExplainOutcome {
    core::Error error;
    std::optional<ms::SignalExplanation> explanation;
};

SignalsController::SignalsController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const SignalRunResult>>();
    qRegisterMetaType<ms::SignalExplanation>();
}

SignalsController::~SignalsController()
{
    if (m_cancel)
        m_cancel->store(true);
    // Watchers are children of this object: wait for their jobs before they go.
    for (auto* w : findChildren<QFutureWatcher<std::shared_ptr<SignalRunResult>>*>())
        w->waitForFinished();
    for (auto* w : findChildren<QFutureWatcher<std::shared_ptr<ExplainOutcome>>*>())
        w->waitForFinished();
}

QString SignalsController::defaultName(const SignalRunRequest& request)
{
    return QStringLiteral("%1 %2 h%3")
        .arg(request.ticker, QString::fromStdString(ms::kindKey(request.kind)))
        .arg(request.horizon);
}

ms::SignalConfig SignalsController::configFor(const SignalRunRequest& request)
{
    ms::SignalConfig config;
    config.kind = request.kind;
    config.params.seed = request.seed;
    config.seed = request.seed;
    config.search = request.search;
    config.walkForwardFolds = std::max(request.walkForwardFolds, 0);
    config.backtest.mode
        = request.longShort ? cs::PositionMode::LongShort : cs::PositionMode::LongFlat;
    config.backtest.costBps = request.costBps;
    config.backtest.slippageBps = request.slippageBps;
    return config;
}

core::Result<std::vector<fc::ModelRecord>> SignalsController::storedModels(
    const QString& projectPath, const QString& ticker)
{
    auto store = core::ProjectStore::open(projectPath.toStdString());
    if (!store)
        return store.error();
    auto all = fc::listModels(*store);
    if (!all)
        return all.error();
    std::vector<fc::ModelRecord> mine;
    for (auto& r : *all) {
        if (ms::isSignalModelKind(r.kind) && QString::fromStdString(r.ticker) == ticker)
            mine.push_back(std::move(r));
    }
    return mine;
}

int SignalsController::run(const SignalRunRequest& request)
{
    if (m_cancel)
        m_cancel->store(true); // supersede the previous job
    const int job = m_next++;
    m_current = job;
    m_currentDone = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancel;

    auto work = [request, cancel](const core::Progress& progress) {
        QElapsedTimer clock;
        clock.start();
        auto r = std::make_shared<SignalRunResult>();
        r->projectPath = request.projectPath;
        r->longShort = request.longShort;
        auto store = core::ProjectStore::open(request.projectPath.toStdString());
        if (!store)
            return failed(r, store.error());
        const std::string ticker = request.ticker.toStdString();
        auto series = store->prices(ticker);
        if (!series)
            return failed(r, series.error());
        auto inputs = datasetInputs(*store, ticker, request.useMarket, request.useSentiment);
        if (!inputs)
            return failed(r, inputs.error());
        cs::LabelSpec label;
        label.horizon = request.horizon;
        label.classes = request.classes;
        label.threshold = request.classes == 3 ? request.threshold : 0.0;
        auto data = cs::buildSignalDataset(*series, label, {},
            inputs->market ? &*inputs->market : nullptr,
            inputs->sentiment ? &*inputs->sentiment : nullptr);
        if (!data)
            return failed(r, data.error());
        auto trained = ms::trainSignalModel(*data, configFor(request), progress, cancel.get());
        if (!trained)
            return failed(r, trained.error());
        if (cancel->load())
            return failed(r, core::makeError(core::ErrorCode::Cancelled, "cancelled"));
        r->model = std::move(*trained);
        if (r->model.record.name.empty())
            r->model.record.name = defaultName(request).toStdString();
        if (r->model.record.ticker.empty())
            r->model.record.ticker = ticker;
        r->points = r->model.evaluation.testPoints;
        if (data->rows() > 0) {
            auto e = ms::explainSignal(r->model.record, *data, data->rows() - 1);
            if (e)
                r->latestExplanation = std::move(*e);
            else
                r->explainError = QString::fromStdString(e.error().toString());
        }
        if (request.store) {
            auto id = fc::saveModel(*store, r->model.record);
            r->stored = bool(id);
            if (id)
                r->model.record.id = *id;
            else
                r->storeError = QString::fromStdString(id.error().toString());
        }
        r->dataset = std::make_shared<const cs::SignalDataset>(std::move(*data));
        r->seconds = double(clock.elapsed()) / 1000.0;
        return r;
    };
    runBackgroundJob<SignalRunResult>(
        this, std::move(work), cancel,
        [this, job](qint64 done, qint64 total) {
            if (job == m_current)
                Q_EMIT progress(job, done, total);
        },
        [this, job](
            std::shared_ptr<SignalRunResult> outcome) { deliver(job, std::move(outcome)); });
    Q_EMIT started(job,
        tr("Signals: %1 %2")
            .arg(request.ticker, kindTitle(request.kind)));
    return job;
}

int SignalsController::open(const QString& projectPath, qint64 modelId)
{
    if (m_cancel)
        m_cancel->store(true);
    const int job = m_next++;
    m_current = job;
    m_currentDone = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);

    auto work = [projectPath, modelId](const core::Progress&) {
        QElapsedTimer clock;
        clock.start();
        auto r = std::make_shared<SignalRunResult>();
        r->projectPath = projectPath;
        r->fromStore = true;
        auto store = core::ProjectStore::open(projectPath.toStdString());
        if (!store)
            return failed(r, store.error());
        auto record = fc::loadModel(*store, modelId);
        if (!record)
            return failed(r, record.error());
        if (!ms::isSignalModelKind(record->kind))
            return failed(r,
                core::makeError(core::ErrorCode::InvalidArgument,
                    tr("“%1” is not a signal model.")
                        .arg(QString::fromStdString(record->name))
                        .toStdString()));
        auto series = store->prices(record->ticker);
        if (!series)
            return failed(r, series.error());
        auto label = ms::recordLabelSpec(*record);
        if (!label)
            return failed(r, label.error());
        auto inputs = datasetInputs(*store, record->ticker, hasFeature(record->features, "mkt_"),
            hasFeature(record->features, "sentiment"));
        if (!inputs)
            return failed(r, inputs.error());
        cs::FeatureOptions options;
        options.features = record->features;
        auto data = cs::buildSignalDataset(*series, *label, options,
            inputs->market ? &*inputs->market : nullptr,
            inputs->sentiment ? &*inputs->sentiment : nullptr);
        if (!data)
            return failed(r, data.error());
        auto points = ms::predictSignals(*record, *data);
        if (!points)
            return failed(r, points.error());
        if (!points->empty())
            r->model.latest = points->back();
        // The signals of the test period it was evaluated on (else after its training part).
        const StoredSignalSummary summary = parseStoredSignalMetrics(record->metricsJson);
        r->model.evaluation = summary.evaluation;
        r->longShort = summary.longShort;
        for (const auto& p : *points) {
            if (summary.testFirst ? (p.date >= *summary.testFirst
                    && (!summary.testLast || p.date <= *summary.testLast))
                                  : (!record->trainLast || p.date > *record->trainLast))
                r->points.push_back(p);
        }
        if (r->points.empty())
            r->points = *points;
        if (data->rows() > 0) {
            auto e = ms::explainSignal(*record, *data, data->rows() - 1);
            if (e)
                r->latestExplanation = std::move(*e);
            else
                r->explainError = QString::fromStdString(e.error().toString());
        }
        r->model.record = std::move(*record);
        r->stored = true;
        r->dataset = std::make_shared<const cs::SignalDataset>(std::move(*data));
        r->seconds = double(clock.elapsed()) / 1000.0;
        return r;
    };
    runBackgroundJob<SignalRunResult>(
        this, std::move(work), m_cancel, [](qint64, qint64) {},
        [this, job](
            std::shared_ptr<SignalRunResult> outcome) { deliver(job, std::move(outcome)); });
    Q_EMIT started(job, tr("Opening a signal model"));
    return job;
}

int SignalsController::explain(core::Date date)
{
    if (!m_last || !m_last->dataset || m_last->model.record.weights.empty())
        return -1;
    const auto& dates = m_last->dataset->dates;
    const auto it = std::lower_bound(dates.begin(), dates.end(), date);
    if (it == dates.end() || *it != date)
        return -1;
    const std::size_t row = std::size_t(it - dates.begin());
    const int job = m_next++;
    m_explainCurrent = job;
    auto last = m_last; // keeps the record and dataset alive for the job
    auto work = [last, row](const core::Progress&) {
        auto outcome = std::make_shared<ExplainOutcome>();
        auto e = ms::explainSignal(last->model.record, *last->dataset, row);
        if (e)
            outcome->explanation = std::move(*e);
        else
            outcome->error = e.error();
        return outcome;
    };
    runBackgroundJob<ExplainOutcome>(
        this, std::move(work), std::make_shared<std::atomic_bool>(false), [](qint64, qint64) {},
        [this, job](std::shared_ptr<ExplainOutcome> outcome) {
            if (job != m_explainCurrent)
                return;
            if (outcome && outcome->explanation)
                Q_EMIT explanationReady(job, *outcome->explanation);
            else
                Q_EMIT explanationFailed(job,
                    outcome ? QString::fromStdString(outcome->error.toString())
                            : tr("The explanation job ended without a result."));
        });
    return job;
}

void SignalsController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void SignalsController::deliver(int job, std::shared_ptr<SignalRunResult> outcome)
{
    if (job != m_current) {
        ++m_ignored; // superseded: a newer job owns the view
        return;
    }
    m_currentDone = true;
    if (!outcome) {
        outcome = std::make_shared<SignalRunResult>();
        outcome->error
            = core::makeError(core::ErrorCode::Io, "the signals job ended without a result");
    }
    if (outcome->error.code == core::ErrorCode::Ok)
        m_last = outcome;
    Q_EMIT finished(job, outcome);
}

QString SignalsController::kindTitle(ms::ClassifierKind kind)
{
    switch (kind) {
    case ms::ClassifierKind::RandomForest:
        return tr("Random forest");
    case ms::ClassifierKind::GradientBoosting:
        return tr("Gradient boosting");
    case ms::ClassifierKind::Svm:
        return tr("SVM");
    case ms::ClassifierKind::Logistic:
        return tr("Logistic regression");
    case ms::ClassifierKind::Mlp:
        return tr("MLP");
    }
    return QString::fromStdString(ms::kindLabel(kind));
}

} // namespace marketlens::ui
