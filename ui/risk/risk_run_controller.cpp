#include "risk_run_controller.h"

#include "core/project_store.h"
#include "ui/background_job.h"

#include <QFutureWatcher>

namespace marketlens::ui {

namespace cr = core::risk;

struct RiskRunController::Outcome {
    std::optional<cr::RiskReport> report;
    core::Error error;
    bool computed = false;
    bool stored = false;
    bool stale = false;
    std::string storeError;
};

RiskRunController::RiskRunController(QObject* parent)
    : QObject(parent)
{
}

RiskRunController::~RiskRunController()
{
    if (m_cancel)
        m_cancel->store(true);
    // Watchers are children of this object: wait for their jobs before they go.
    for (auto* watcher : findChildren<QFutureWatcher<std::shared_ptr<Outcome>>*>())
        watcher->waitForFinished();
}

int RiskRunController::launch(
    std::function<std::shared_ptr<Outcome>(const core::Progress&)> job, const QString& label)
{
    if (m_cancel)
        m_cancel->store(true); // supersede the previous request
    const int request = m_next++;
    m_current = request;
    m_currentDone = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    ++m_runningCount;

    runBackgroundJob<Outcome>(
        this, std::move(job), m_cancel,
        [this, request](qint64 done, qint64 total) {
            if (request == m_current)
                Q_EMIT progress(request, done, total);
        },
        [this, request](std::shared_ptr<Outcome> outcome) {
            --m_runningCount;
            deliver(request, std::move(outcome));
        });
    Q_EMIT started(request, label);
    return request;
}

int RiskRunController::compute(
    const QString& projectPath, const cr::RiskRunOptions& options, bool store)
{
    auto job = [path = projectPath.toStdString(), options, store](const core::Progress& progress) {
        auto outcome = std::make_shared<Outcome>();
        outcome->computed = true;
        auto project = core::ProjectStore::open(path);
        if (!project) {
            outcome->error = project.error();
            return outcome;
        }
        auto report = cr::computeRiskReport(*project, options, progress);
        if (!report) {
            outcome->error = report.error();
            return outcome;
        }
        if (store) {
            auto id = cr::saveRiskRun(*project, *report);
            outcome->stored = bool(id);
            if (!id)
                outcome->storeError = id.error().message;
        }
        outcome->report = std::move(*report);
        return outcome;
    };
    return launch(std::move(job), tr("Risk analysis"));
}

int RiskRunController::loadLatest(const QString& projectPath)
{
    auto job = [path = projectPath.toStdString()](const core::Progress& progress) {
        auto outcome = std::make_shared<Outcome>();
        auto project = core::ProjectStore::open(path);
        if (!project) {
            outcome->error = project.error();
            return outcome;
        }
        auto latest = cr::latestRiskRun(*project);
        if (!latest) {
            outcome->error = latest.error();
            return outcome;
        }
        outcome->report = std::move(*latest); // nullopt: no stored run
        outcome->stored = outcome->report.has_value();
        if (outcome->report) {
            // Reads the run's prices again (all 5,000 series of a large portfolio): with progress,
            // so that Cancel, a newer request and the window's close stop it between two series.
            auto stale = cr::isRiskRunStale(*project, *outcome->report, progress);
            if (!stale && stale.error().code == core::ErrorCode::Cancelled) {
                outcome->report.reset();
                outcome->error = stale.error();
                return outcome;
            }
            outcome->stale = stale && *stale;
        }
        return outcome;
    };
    return launch(std::move(job), tr("Loading the last risk run"));
}

void RiskRunController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void RiskRunController::deliver(int request, std::shared_ptr<Outcome> outcome)
{
    if (request != m_current) {
        ++m_ignored; // superseded: a newer request owns the view
        return;
    }
    m_currentDone = true;
    m_error = {};
    m_storeError.clear();
    if (!outcome) {
        m_error = core::makeError(core::ErrorCode::Io, "the risk job ended without a result");
        Q_EMIT finished(request, false);
        return;
    }
    if (outcome->error.code != core::ErrorCode::Ok) {
        m_error = outcome->error;
        Q_EMIT finished(request, false);
        return;
    }
    m_report = std::move(outcome->report);
    m_computed = outcome->computed;
    m_stored = outcome->stored;
    m_stale = outcome->stale;
    m_storeError = QString::fromStdString(outcome->storeError);
    Q_EMIT finished(request, true);
}

} // namespace marketlens::ui
