#pragma once
// ReportController: builds a project's report (core::report::buildReport) and renders it
// (report_render.h) off the GUI thread (STYLE.md "One-shot jobs": QtConcurrent + QFutureWatcher),
// each job with its own connection to the project file. Two kinds of job:
//   - preview(): build, then render the PDF's pages as images for the Report dialog. A newer
//     preview supersedes the older ones (cancelled; should they still finish, ignored);
//   - save(): build, then write a PDF or HTML file. One save at a time.
// The document of the newest preview is kept: a preview or save with the same project and
// options (see key()) renders it again without rebuilding (zoom changes, "Save" after looking).
// Progress (build 0-50 %, rendering 50-100 %), the ETA and Cancel show in the JobsBar given with
// setJobsBar (ids "report-preview", "report-save"). Nothing throws out of here; the destructor
// cancels and waits for running jobs.

#include "core/report/report_builder.h"
#include "core/report/report_document.h"
#include "core/result.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace marketlens::ui {

class JobsBar;

class ReportController : public QObject {
    Q_OBJECT
public:
    enum class Format { Pdf, Html };

    explicit ReportController(QObject* parent = nullptr);
    ~ReportController() override;

    void setJobsBar(JobsBar* jobs);
    // Drops the kept document (the project changed): the next job builds again.
    void invalidate();

    // Starts a preview with pages rendered at `dpi`; returns the request's id.
    int preview(const QString& projectPath, const core::report::ReportOptions& options, int dpi);
    // Starts writing the report to `path`; false when a save is already running.
    bool save(const QString& projectPath, const core::report::ReportOptions& options,
        const QString& path, Format format);
    void cancelPreview();
    void cancelSave();

    bool isPreviewing() const { return m_previewRunning; }
    bool isSaving() const { return m_saving; }
    int currentPreview() const { return m_current; }
    int builds() const { return m_builds; } // documents built so far (tests: reuse)

    // Outcome of the newest finished preview.
    const std::vector<QImage>& pages() const { return m_pages; }
    std::shared_ptr<const core::report::ReportDocument> document() const { return m_doc; }
    const core::Error& previewError() const { return m_previewError; }
    const core::Error& saveError() const { return m_saveError; }

    // What identifies a document: project file and the options that change its content.
    static QString key(const QString& projectPath, const core::report::ReportOptions& options);

Q_SIGNALS:
    void previewStarted(int request);
    // ok false on error or cancel (previewError() says which; code Cancelled for cancel).
    void previewFinished(int request, bool ok);
    void saveFinished(const QString& path, bool ok, double seconds);

private:
    struct Outcome;
    using Job = std::function<std::shared_ptr<Outcome>(const core::Progress&)>;
    void launch(const QString& jobId, const QString& label, Job job,
        std::shared_ptr<std::atomic_bool> cancel,
        std::function<void(std::shared_ptr<Outcome>)> onDone);
    Job makeJob(const QString& projectPath, const core::report::ReportOptions& options,
        std::function<core::Status(
            const core::report::ReportDocument&, Outcome&, const core::Progress&)>
            render);

    QPointer<JobsBar> m_jobs;
    int m_next = 0;
    int m_current = -1;
    bool m_previewRunning = false;
    bool m_saving = false;
    int m_builds = 0;
    std::shared_ptr<std::atomic_int> m_buildCount = std::make_shared<std::atomic_int>(0);
    std::shared_ptr<std::atomic_bool> m_previewCancel;
    std::shared_ptr<std::atomic_bool> m_saveCancel;
    std::shared_ptr<const core::report::ReportDocument> m_doc;
    QString m_docKey;
    std::vector<QImage> m_pages;
    core::Error m_previewError;
    core::Error m_saveError;
};

} // namespace marketlens::ui
