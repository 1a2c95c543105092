#include "news_controller.h"

#include "ui/background_job.h"

#include "core/forecast/model_store.h"
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "models/bert_sentiment.h"
#include "models/sentiment_scorers.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <exception>

namespace marketlens::ui {

namespace cn = core::news;

struct NewsController::ImportOutcome {
    core::Error error;
    std::unique_ptr<cn::NewsImportSession> session;
    cn::NewsImportResult result;
};

struct NewsController::ScoreOutcome {
    core::Error error;
    cn::ScoreRunResult result;
};

struct NewsController::ModelOutcome {
    core::Error error;
    qint64 id = 0;
    QString name;
};

namespace {
// The training job, on the worker thread: labelled news -> cross-validated classifier -> stored.
SentimentTrainResult runTraining(const SentimentTrainRequest& request,
    const std::atomic_bool* cancel, const models::TextProgressFn& progress)
{
    SentimentTrainResult result;
    result.kind = request.kind;
    auto store = core::ProjectStore::open(request.projectPath.toStdString());
    if (!store) {
        result.error = store.error();
        return result;
    }
    auto items = cn::listNews(*store);
    if (!items) {
        result.error = items.error();
        return result;
    }
    std::vector<models::TextExample> examples;
    for (const auto& item : *items) {
        if (item.labelClass)
            examples.push_back({QString::fromStdString(cn::scoringText(item)), *item.labelClass});
    }
    result.examples = qint64(examples.size());
    if (examples.empty()) {
        result.error = core::makeError(core::ErrorCode::InvalidArgument,
            "the project has no labelled news to train on (import a file with a label column)");
        return result;
    }
    models::TextClassifierOptions options;
    options.kind = request.kind;
    options.epochs = request.epochs;
    options.seed = request.seed;
    auto trained = models::trainTextClassifier(examples, options, request.folds, progress, cancel);
    if (!trained) {
        result.error = trained.error();
        return result;
    }
    core::forecast::ModelRecord record = std::move(trained->record);
    if (!request.name.trimmed().isEmpty())
        record.name = request.name.trimmed().toStdString();
    // The model store wants window and horizon >= 1 (forecaster fields): one text, one score.
    record.window = std::max(record.window, 1);
    record.horizon = std::max(record.horizon, 1);
    auto id = core::forecast::saveModel(*store, record);
    if (!id) {
        result.error = id.error();
        return result;
    }
    result.modelId = *id;
    result.modelKey = QStringLiteral("model:%1").arg(*id);
    result.name = QString::fromStdString(record.name);
    result.validation = std::move(trained->validation);
    result.seconds = trained->seconds;
    return result;
}
} // namespace

QStringList takeNewsFiles(QStringList& files)
{
    QStringList news;
    for (auto it = files.begin(); it != files.end();) {
        if (cn::looksLikeNewsFile(it->toStdString())) {
            news << *it;
            it = files.erase(it);
        } else {
            ++it;
        }
    }
    return news;
}

NewsController::NewsController(QObject* parent)
    : QObject(parent)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("SentimentTraining"));
    m_worker = new QObject; // no parent: it moves to the thread
    m_worker->moveToThread(m_thread);
    // Training runs below the GUI thread (background_job.h); started() comes on the new thread.
    connect(m_thread, &QThread::started, m_thread, &lowerCurrentThreadPriority, Qt::DirectConnection);
    m_thread->start();
}

NewsController::~NewsController()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
    delete m_worker; // its thread has ended
    using Watchers = QList<QFutureWatcherBase*>;
    const Watchers watchers = findChildren<QFutureWatcherBase*>();
    for (auto* watcher : watchers)
        watcher->waitForFinished();
    m_session.reset(); // rolls back a pending import
}

bool NewsController::begin(NewsJob job, const QString& label)
{
    if (isBusy())
        return false;
    m_job = job;
    m_error = {};
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT started(job, label);
    return true;
}

void NewsController::end(NewsJob job, bool ok, bool wrote)
{
    m_job = NewsJob::None;
    m_cancel.reset();
    if (wrote)
        Q_EMIT written();
    Q_EMIT finished(job, ok);
}

void NewsController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool NewsController::importNews(
    const QString& projectPath, const QStringList& files, const cn::NewsImportOptions& options)
{
    if (files.isEmpty())
        return false;
    const QString label = files.size() == 1
        ? tr("Importing news from %1").arg(QFileInfo(files.first()).fileName())
        : tr("Importing news from %n file(s)", nullptr, int(files.size()));
    if (!begin(NewsJob::Import, label))
        return false;
    std::vector<std::string> paths;
    for (const QString& f : files)
        paths.push_back(f.toStdString());
    auto job = [path = projectPath.toStdString(), paths, options](const core::Progress& progress) {
        auto outcome = std::make_shared<ImportOutcome>();
        auto session = cn::NewsImportSession::begin(path);
        if (!session) {
            outcome->error = session.error();
            return outcome;
        }
        outcome->session = std::make_unique<cn::NewsImportSession>(std::move(*session));
        auto result = outcome->session->run(paths, options, progress);
        if (!result) {
            outcome->error = result.error();
            outcome->session.reset();
            return outcome;
        }
        outcome->result = std::move(*result);
        return outcome;
    };
    runBackgroundJob<ImportOutcome>(
        this, job, m_cancel, [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); },
        [this](std::shared_ptr<ImportOutcome> outcome) {
            if (!outcome) {
                m_error = core::makeError(core::ErrorCode::Io, "the import job gave no result");
            } else if (!outcome->session) {
                m_error = outcome->error.code == core::ErrorCode::Ok
                    ? core::makeError(core::ErrorCode::Io, "the import job gave no result")
                    : outcome->error;
            } else {
                m_importResult = std::move(outcome->result);
                m_session = std::move(outcome->session);
                if (m_importResult.itemsRejected() > 0) {
                    m_job = NewsJob::None;
                    m_cancel.reset();
                    Q_EMIT importNeedsDecision();
                    return;
                }
                const core::Status st = commitImport();
                Q_UNUSED(st); // commitImport() ends the job either way
                return;
            }
            end(NewsJob::Import, false, false);
        });
    return true;
}

core::Status NewsController::commitImport()
{
    if (!m_session)
        return core::makeError(core::ErrorCode::InvalidArgument, "no import waits for a commit");
    core::Status st = m_session->commit();
    m_session.reset();
    if (!st)
        m_error = st.error();
    end(NewsJob::Import, bool(st), bool(st));
    return st;
}

void NewsController::rollbackImport()
{
    if (!m_session)
        return;
    m_session->rollback();
    m_session.reset();
    m_error = core::makeError(core::ErrorCode::Cancelled, "the import was aborted");
    end(NewsJob::Import, false, false);
}

bool NewsController::score(
    const QString& projectPath, const QString& modelKey, const cn::ScoreRunOptions& options)
{
    if (!begin(NewsJob::Score, tr("Scoring news with %1").arg(modelKey)))
        return false;
    auto job = [path = projectPath.toStdString(), key = modelKey.toStdString(), options](
                   const core::Progress& progress) {
        auto outcome = std::make_shared<ScoreOutcome>();
        auto store = core::ProjectStore::open(path);
        if (!store) {
            outcome->error = store.error();
            return outcome;
        }
        auto scorer = models::openSentimentScorer(*store, key);
        if (!scorer) {
            outcome->error = scorer.error();
            return outcome;
        }
        auto result = cn::scoreProjectNews(*store, **scorer, options, progress);
        if (!result)
            outcome->error = result.error();
        else
            outcome->result = std::move(*result);
        return outcome;
    };
    runBackgroundJob<ScoreOutcome>(
        this, job, m_cancel, [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); },
        [this](std::shared_ptr<ScoreOutcome> outcome) {
            if (!outcome)
                m_error = core::makeError(core::ErrorCode::Io, "the scoring job gave no result");
            else
                m_error = outcome->error;
            const bool ok = outcome && outcome->error.code == core::ErrorCode::Ok;
            if (ok)
                m_scoreResult = outcome->result;
            end(NewsJob::Score, ok, ok);
        });
    return true;
}

bool NewsController::train(const SentimentTrainRequest& request)
{
    const QString kind = QString::fromLatin1(models::textModelKindKey(request.kind));
    if (!begin(NewsJob::Train, tr("Training sentiment model (%1)").arg(kind)))
        return false;
    const int job = ++m_trainJob;
    const auto cancel = m_cancel;
    // Runs on the worker thread; `this` outlives it (the destructor waits for the thread).
    QMetaObject::invokeMethod(m_worker, [this, job, request, cancel] {
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1000;
        const models::TextProgressFn report = [&](const models::TextTrainProgress& p) {
            if (clock.elapsed() - last < 100 && p.fraction < 1.0)
                return;
            last = clock.elapsed();
            QMetaObject::invokeMethod(
                this,
                [this, job, p] {
                    if (job != m_trainJob || m_job != NewsJob::Train)
                        return;
                    Q_EMIT progress(qint64(p.fraction * 1000.0), 1000);
                    Q_EMIT trainProgress(p.fold, p.folds, p.epoch, p.epochs, p.loss);
                },
                Qt::QueuedConnection);
        };
        SentimentTrainResult result;
        try {
            result = runTraining(request, cancel.get(), report);
        } catch (const std::exception& e) {
            result.error = core::makeError(core::ErrorCode::Io, e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, job, result] {
                if (job != m_trainJob)
                    return;
                m_trainResult = result;
                m_error = result.error;
                const bool ok = result.error.code == core::ErrorCode::Ok;
                end(NewsJob::Train, ok, ok);
            },
            Qt::QueuedConnection);
    });
    return true;
}

bool NewsController::importModel(const QString& projectPath, const QString& ptPath,
    const QString& metaPath, const QString& vocabPath)
{
    if (!begin(NewsJob::ImportModel,
            tr("Importing sentiment model %1").arg(QFileInfo(ptPath).fileName())))
        return false;
    auto job = [path = projectPath.toStdString(), pt = ptPath.toStdString(),
                   meta = metaPath.toStdString(),
                   vocab = vocabPath.toStdString()](const core::Progress& progress) {
        auto outcome = std::make_shared<ModelOutcome>();
        progress(0, 0);
        auto record = models::importBertModel(pt, meta, vocab);
        if (!record) {
            outcome->error = record.error();
            return outcome;
        }
        if (!progress(1, 2)) {
            outcome->error = core::makeError(core::ErrorCode::Cancelled, "cancelled");
            return outcome;
        }
        auto store = core::ProjectStore::open(path);
        if (!store) {
            outcome->error = store.error();
            return outcome;
        }
        auto id = core::forecast::saveModel(*store, *record);
        if (!id) {
            outcome->error = id.error();
            return outcome;
        }
        outcome->id = *id;
        outcome->name = QString::fromStdString(record->name);
        return outcome;
    };
    runBackgroundJob<ModelOutcome>(
        this, job, m_cancel, [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); },
        [this](std::shared_ptr<ModelOutcome> outcome) {
            if (!outcome)
                m_error = core::makeError(core::ErrorCode::Io, "the model import gave no result");
            else
                m_error = outcome->error;
            const bool ok = outcome && outcome->error.code == core::ErrorCode::Ok;
            if (ok) {
                m_importedModelId = outcome->id;
                m_importedModelName = outcome->name;
            }
            end(NewsJob::ImportModel, ok, ok);
        });
    return true;
}

} // namespace marketlens::ui
