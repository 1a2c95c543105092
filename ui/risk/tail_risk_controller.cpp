#include "tail_risk_controller.h"
#include "ui/locale_format.h"

#include "holdings_risk_model.h"
#include "ui/background_job.h"
#include "ui/jobs_bar.h"

#include "core/forecast/model_store.h"
#include "core/project_store.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace marketlens::ui {

namespace {
constexpr const char* kJobId = "tailrisk";

using Stored = std::optional<models::StoredTailRisk>;

// The newest tailrisk_cnn record of `portfolio` (listModels is newest first).
core::Result<Stored> newestStored(core::ProjectStore& store, const std::string& portfolio)
{
    auto list = core::forecast::listModels(store);
    if (!list)
        return list.error();
    for (const core::forecast::ModelRecord& r : *list) {
        if (r.kind != models::kTailRiskKind)
            continue;
        auto parsed = models::parseTailRiskMetrics(r.metricsJson);
        if (parsed && parsed->portfolio == portfolio)
            return Stored(std::move(*parsed));
    }
    return Stored();
}
} // namespace

struct TailRiskController::Outcome {
    Stored stored;
    core::Error error;
    std::string storeError;
};

TailRiskController::TailRiskController(QWidget* host)
    : QObject(host)
    , m_host(host)
{
}

TailRiskController::~TailRiskController()
{
    if (m_cancel)
        m_cancel->store(true);
    for (auto* w : findChildren<QFutureWatcher<std::shared_ptr<Outcome>>*>())
        w->waitForFinished();
}

JobsBar* TailRiskController::jobsBar()
{
    if (!m_jobs && m_host && m_host->window() != m_host) {
        m_jobs = m_host->window()->findChild<JobsBar*>();
        if (m_jobs) {
            connect(m_jobs, &JobsBar::cancelRequested, this, [this](const QString& id) {
                if (id == QLatin1String(kJobId))
                    cancel();
            });
        }
    }
    return m_jobs;
}

bool TailRiskController::learn(const QString& projectPath, const QString& portfolio)
{
    if (m_learning || projectPath.isEmpty() || portfolio.isEmpty())
        return false;
    m_learning = true;
    m_error = {};
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const QString label = tr("Learning tail risk of %1").arg(portfolio);
    if (JobsBar* jobs = jobsBar())
        jobs->addJob(QString::fromLatin1(kJobId), label);
    Q_EMIT message(tr("%1…").arg(label));

    QPointer<TailRiskController> self(this);
    auto report = [self](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (self && self->m_learning && self->m_jobs)
                    self->m_jobs->setProgress(QString::fromLatin1(kJobId), done, total);
            },
            Qt::QueuedConnection);
    };
    auto work = [path = projectPath.toStdString(), name = portfolio.toStdString(),
                    config = m_config, cancel = m_cancel, report]() {
        auto outcome = std::make_shared<Outcome>();
        try {
            auto store = core::ProjectStore::open(path);
            if (!store) {
                outcome->error = store.error();
                return outcome;
            }
            auto portfolios = store->portfolios();
            if (!portfolios) {
                outcome->error = portfolios.error();
                return outcome;
            }
            std::vector<core::PriceSeries> holdings;
            for (const core::Portfolio& p : *portfolios) {
                if (p.name != name)
                    continue;
                for (const core::Holding& h : p.holdings) {
                    auto prices = store->prices(h.ticker);
                    if (!prices) {
                        outcome->error = prices.error();
                        return outcome;
                    }
                    holdings.push_back(std::move(*prices));
                }
            }
            // Progress in batches over all epochs; the trainer calls at most every 100 ms.
            auto progress = [&report](const models::TrainProgress& p) {
                report(qint64(p.epoch - 1) * p.batches + p.batch, qint64(p.epochs) * p.batches);
            };
            auto result = models::trainTailRisk(holdings, config, progress, cancel.get());
            if (!result) {
                outcome->error = result.error();
                return outcome;
            }
            auto record = models::tailRiskRecord(*result, config, name);
            if (record) {
                if (auto id = core::forecast::saveModel(*store, *record); !id)
                    outcome->storeError = id.error().message;
            } else {
                outcome->storeError = record.error().message;
            }
            models::StoredTailRisk stored;
            stored.portfolio = name;
            stored.calibration = result->calibration;
            stored.scores = result->scores;
            outcome->stored = std::move(stored);
        } catch (const std::exception& e) {
            // models/ and core/ do not throw; this guards against std::bad_alloc and the like.
            outcome->error = core::makeError(core::ErrorCode::Io, e.what());
        }
        return outcome;
    };
    auto* watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, projectPath, portfolio] {
        std::shared_ptr<Outcome> outcome;
        if (watcher->future().resultCount() > 0)
            outcome = watcher->result();
        watcher->deleteLater();
        if (outcome && outcome->error.code == core::ErrorCode::Ok)
            m_shownKey = projectPath + QLatin1Char('\n') + portfolio;
        finishLearning(std::move(outcome));
    });
    watcher->setFuture(runBackground(std::move(work)));
    return true;
}

void TailRiskController::finishLearning(std::shared_ptr<Outcome> outcome)
{
    m_learning = false;
    if (m_jobs)
        m_jobs->removeJob(QString::fromLatin1(kJobId));
    if (!outcome) {
        m_error = core::makeError(core::ErrorCode::Io, "the tail-risk job ended without a result");
    } else {
        m_error = outcome->error;
    }
    if (m_error.code != core::ErrorCode::Ok) {
        Q_EMIT message(m_error.code == core::ErrorCode::Cancelled
                ? tr("Learning tail risk cancelled.")
                : tr("Learning tail risk failed: %1")
                      .arg(QString::fromStdString(m_error.toString())));
        Q_EMIT learned(false);
        return;
    }
    ++m_loadRequest; // a load still running is older than this result
    m_loading = false;
    apply(outcome->stored);
    const models::TailRiskCalibration& c = outcome->stored->calibration;
    QString text = tr("Learned tail risk: Brier skill %1 over the base rate %2, lift %3 in the "
                      "top decile (test part).")
                       .arg(QLocale().toString(c.brierSkill, 'f', 3))
                       .arg(QLocale().toString(c.baseRate * 100.0, 'f', 1) + QStringLiteral(" %"))
                       .arg(QLocale().toString(c.lift, 'f', 2));
    if (!outcome->storeError.empty())
        text += QLatin1Char(' ')
            + tr("The model could not be stored in the project: %1")
                  .arg(QString::fromStdString(outcome->storeError));
    Q_EMIT message(text);
    Q_EMIT learned(true);
}

void TailRiskController::show(const QString& projectPath, const QString& portfolio)
{
    const QString key = projectPath + QLatin1Char('\n') + portfolio;
    if (key == m_shownKey || projectPath.isEmpty())
        return;
    m_shownKey = key;
    if (portfolio.isEmpty()) {
        ++m_loadRequest;
        apply(std::nullopt);
        return;
    }
    const int request = ++m_loadRequest;
    m_loading = true;
    auto work = [path = projectPath.toStdString(), name = portfolio.toStdString()]() {
        auto outcome = std::make_shared<Outcome>();
        try {
            auto store = core::ProjectStore::open(path);
            if (!store) {
                outcome->error = store.error();
                return outcome;
            }
            auto stored = newestStored(*store, name);
            if (!stored)
                outcome->error = stored.error();
            else
                outcome->stored = std::move(*stored);
        } catch (const std::exception& e) {
            outcome->error = core::makeError(core::ErrorCode::Io, e.what());
        }
        return outcome;
    };
    auto* watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        std::shared_ptr<Outcome> outcome;
        if (watcher->future().resultCount() > 0)
            outcome = watcher->result();
        watcher->deleteLater();
        if (request != m_loadRequest)
            return; // superseded
        m_loading = false;
        // A project without a models table yet (or unreadable records) shows no learned score.
        apply(
            outcome && outcome->error.code == core::ErrorCode::Ok ? outcome->stored : std::nullopt);
    });
    watcher->setFuture(runBackground(std::move(work)));
}

void TailRiskController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void TailRiskController::apply(const std::optional<models::StoredTailRisk>& stored)
{
    m_shown = stored;
    QHash<QString, LearnedTailRisk> scores;
    if (stored) {
        for (const models::TailRiskScore& s : stored->scores) {
            LearnedTailRisk l;
            l.probability = s.probability;
            l.baseRate = s.baseRate;
            l.brierSkill = stored->calibration.brierSkill;
            l.asOf = displayDate(s.asOf);
            scores.insert(QString::fromStdString(s.ticker), l);
        }
    }
    if (m_model)
        m_model->setLearnedTail(std::move(scores));
    Q_EMIT shownChanged();
}

} // namespace marketlens::ui
