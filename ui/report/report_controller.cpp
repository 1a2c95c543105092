#include "report_controller.h"

#include "report_render.h"

#include "core/project_store.h"
#include "ui/background_job.h"
#include "ui/jobs_bar.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>

#include <algorithm>

namespace marketlens::ui {

namespace rep = core::report;

namespace {
constexpr const char* kPreviewJob = "report-preview";
constexpr const char* kSaveJob = "report-save";
constexpr std::int64_t kScale = 1000; // progress units: build 0..500, rendering 500..1000

// Maps (done, total) of one phase onto [from, from + kScale / 2].
std::int64_t scaled(std::int64_t done, std::int64_t total, std::int64_t from)
{
    if (total <= 0)
        return from;
    const double f = std::clamp(double(done) / double(total), 0.0, 1.0);
    return from + std::int64_t(f * double(kScale / 2));
}
} // namespace

struct ReportController::Outcome {
    std::shared_ptr<const rep::ReportDocument> doc;
    std::vector<QImage> pages;
    core::Error error;
    double seconds = 0.0;
};

ReportController::ReportController(QObject* parent)
    : QObject(parent)
{
}

ReportController::~ReportController()
{
    if (m_previewCancel)
        m_previewCancel->store(true);
    if (m_saveCancel)
        m_saveCancel->store(true);
    // Watchers are children of this object: wait for their jobs before they go.
    for (auto* watcher : findChildren<QFutureWatcher<std::shared_ptr<Outcome>>*>())
        watcher->waitForFinished();
    if (m_jobs) {
        m_jobs->removeJob(QString::fromLatin1(kPreviewJob));
        m_jobs->removeJob(QString::fromLatin1(kSaveJob));
    }
}

void ReportController::setJobsBar(JobsBar* jobs)
{
    if (m_jobs == jobs)
        return;
    if (m_jobs)
        disconnect(m_jobs, nullptr, this, nullptr);
    m_jobs = jobs;
    if (!m_jobs)
        return;
    connect(m_jobs, &JobsBar::cancelRequested, this, [this](const QString& id) {
        if (id == QLatin1String(kPreviewJob))
            cancelPreview();
        else if (id == QLatin1String(kSaveJob))
            cancelSave();
    });
}

void ReportController::invalidate()
{
    m_doc.reset();
    m_docKey.clear();
}

QString ReportController::key(const QString& projectPath, const rep::ReportOptions& options)
{
    QStringList parts {
        QFileInfo(projectPath).absoluteFilePath(), QString::fromStdString(options.portfolio)};
    QStringList sections;
    for (const std::string& s : options.sections)
        sections << QString::fromStdString(s);
    parts << sections.join(QLatin1Char(','));
    QStringList confidences;
    for (double p : options.risk.confidences)
        confidences << QString::number(p, 'g', 17);
    parts << confidences.join(QLatin1Char(',')) << QString::number(options.risk.window);
    return parts.join(QLatin1Char('\n'));
}

ReportController::Job ReportController::makeJob(const QString& projectPath,
    const rep::ReportOptions& options,
    std::function<core::Status(const rep::ReportDocument&, Outcome&, const core::Progress&)> render)
{
    std::shared_ptr<const rep::ReportDocument> cached;
    if (m_doc && m_docKey == key(projectPath, options))
        cached = m_doc;
    return [path = projectPath.toStdString(), options, cached, render = std::move(render),
               builds = m_buildCount](const core::Progress& progress) {
        auto outcome = std::make_shared<Outcome>();
        QElapsedTimer clock;
        clock.start();
        outcome->doc = cached;
        if (!outcome->doc) {
            auto store = core::ProjectStore::open(path);
            if (!store) {
                outcome->error = store.error();
                return outcome;
            }
            auto built
                = rep::buildReport(*store, options, [&](std::int64_t done, std::int64_t total) {
                      return progress(scaled(done, total, 0), kScale);
                  });
            if (!built) {
                outcome->error = built.error();
                return outcome;
            }
            outcome->doc = std::make_shared<const rep::ReportDocument>(std::move(*built));
            builds->fetch_add(1);
        }
        if (!progress(kScale / 2, kScale)) {
            outcome->error = core::makeError(core::ErrorCode::Cancelled, "cancelled");
            return outcome;
        }
        const core::Status rendered
            = render(*outcome->doc, *outcome, [&](std::int64_t done, std::int64_t total) {
                  return progress(scaled(done, total, kScale / 2), kScale);
              });
        if (!rendered)
            outcome->error = rendered.error();
        outcome->seconds = double(clock.nsecsElapsed()) / 1e9;
        return outcome;
    };
}

void ReportController::launch(const QString& jobId, const QString& label, Job job,
    std::shared_ptr<std::atomic_bool> cancel, std::function<void(std::shared_ptr<Outcome>)> onDone)
{
    if (m_jobs) {
        m_jobs->removeJob(jobId); // a superseded preview's entry starts again
        m_jobs->addJob(jobId, label);
    }
    // Progress reaches the jobs bar at most ~10 times a second, and only while the job is still
    // wanted (a superseded or cancelled one stays silent).
    runBackgroundJob<Outcome>(
        this, std::move(job), cancel,
        [this, jobId](qint64 done, qint64 total) {
            if (m_jobs)
                m_jobs->setProgress(jobId, done, total);
        },
        [onDone = std::move(onDone)](std::shared_ptr<Outcome> outcome) {
            if (!outcome) {
                outcome = std::make_shared<Outcome>();
                outcome->error = core::makeError(
                    core::ErrorCode::Io, "the report job ended without a result");
            }
            onDone(std::move(outcome));
        });
}

int ReportController::preview(
    const QString& projectPath, const rep::ReportOptions& options, int dpi)
{
    if (m_previewCancel)
        m_previewCancel->store(true); // supersede the previous preview
    const int request = m_next++;
    m_current = request;
    m_previewRunning = true;
    m_previewCancel = std::make_shared<std::atomic_bool>(false);
    const QString docKey = key(projectPath, options);
    auto render = [dpi](const rep::ReportDocument& doc, Outcome& outcome,
                      const core::Progress& progress) -> core::Status {
        ReportRenderOptions renderOptions;
        renderOptions.previewDpi = dpi;
        auto pages = renderPreviewPages(doc, renderOptions, progress);
        if (!pages)
            return pages.error();
        outcome.pages = std::move(*pages);
        return {};
    };
    Q_EMIT previewStarted(request);
    launch(QString::fromLatin1(kPreviewJob), tr("Report preview"),
        makeJob(projectPath, options, std::move(render)), m_previewCancel,
        [this, request, docKey](std::shared_ptr<Outcome> outcome) {
            m_builds = m_buildCount->load();
            if (request != m_current)
                return; // superseded: a newer preview owns the jobs bar entry and the pages
            m_previewRunning = false;
            if (m_jobs)
                m_jobs->removeJob(QString::fromLatin1(kPreviewJob));
            m_previewError = outcome->error;
            if (outcome->error.code != core::ErrorCode::Ok) {
                Q_EMIT previewFinished(request, false);
                return;
            }
            m_doc = outcome->doc;
            m_docKey = docKey;
            m_pages = std::move(outcome->pages);
            Q_EMIT previewFinished(request, true);
        });
    return request;
}

bool ReportController::save(const QString& projectPath, const rep::ReportOptions& options,
    const QString& path, Format format)
{
    if (m_saving || path.isEmpty())
        return false;
    m_saving = true;
    m_saveError = {};
    m_saveCancel = std::make_shared<std::atomic_bool>(false);
    auto render = [path, format](const rep::ReportDocument& doc, Outcome&,
                      const core::Progress& progress) -> core::Status {
        return format == Format::Pdf ? renderPdf(doc, path, progress)
                                     : renderHtml(doc, path, progress);
    };
    launch(QString::fromLatin1(kSaveJob), tr("Saving report %1").arg(QFileInfo(path).fileName()),
        makeJob(projectPath, options, std::move(render)), m_saveCancel,
        [this, path](std::shared_ptr<Outcome> outcome) {
            m_builds = m_buildCount->load();
            m_saving = false;
            if (m_jobs)
                m_jobs->removeJob(QString::fromLatin1(kSaveJob));
            m_saveError = outcome->error;
            Q_EMIT saveFinished(path, m_saveError.code == core::ErrorCode::Ok, outcome->seconds);
        });
    return true;
}

void ReportController::cancelPreview()
{
    if (m_previewCancel)
        m_previewCancel->store(true);
}

void ReportController::cancelSave()
{
    if (m_saveCancel)
        m_saveCancel->store(true);
}

} // namespace marketlens::ui
