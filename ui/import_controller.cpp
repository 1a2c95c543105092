#include "import_controller.h"

#include "ui/background_job.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace marketlens::ui {

struct ImportController::Outcome {
    std::unique_ptr<core::ImportSession> session; // set when the run succeeded
    core::ImportResult result;
    core::Error error;
};

ImportController::ImportController(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<std::shared_ptr<Outcome>>(this))
{
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ImportController::onWorkerFinished);
}

ImportController::~ImportController()
{
    if (m_running) {
        if (m_cancel)
            m_cancel->store(true);
        m_watcher->waitForFinished();
        // The outcome (and its session) is destroyed with the future: the session rolls back.
    }
    rollback();
}

bool ImportController::start(
    const QString& projectPath, const QStringList& files, const core::ImportOptions& options)
{
    if (isBusy() || files.isEmpty())
        return false;
    m_files = files;
    m_result = {};
    m_error = {};
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;

    std::vector<std::string> paths;
    paths.reserve(std::size_t(files.size()));
    for (const QString& f : files)
        paths.push_back(f.toStdString());

    auto cancel = m_cancel;
    auto report = [this](qint64 done, qint64 total) {
        // Queued to the GUI thread; dropped if this controller is gone by then.
        QMetaObject::invokeMethod(
            this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
    };
    auto job = [project = projectPath.toStdString(), paths = std::move(paths), options, cancel,
                   report]() -> std::shared_ptr<Outcome> {
        auto outcome = std::make_shared<Outcome>();
        try {
            auto session = core::ImportSession::begin(project);
            if (!session) {
                outcome->error = session.error();
                return outcome;
            }
            QElapsedTimer clock;
            clock.start();
            qint64 lastReport = -1000;
            auto progressFn = [&](std::int64_t done, std::int64_t total) {
                // Throttle to about 10 reports per second, always report the end.
                const qint64 now = clock.elapsed();
                if (now - lastReport >= 100 || done >= total) {
                    lastReport = now;
                    report(done, total);
                }
                return !cancel->load();
            };
            auto result = session->run(paths, options, progressFn);
            if (!result) {
                outcome->error = result.error();
                session->rollback();
                return outcome;
            }
            outcome->result = std::move(*result);
            outcome->session = std::make_unique<core::ImportSession>(std::move(*session));
        } catch (const std::exception& e) {
            // core does not throw; this guards against std::bad_alloc and the like.
            outcome->session.reset();
            outcome->error = core::makeError(core::ErrorCode::Io, e.what());
        }
        return outcome;
    };

    const QString label = files.size() == 1
        ? tr("Importing %1").arg(QFileInfo(files.first()).fileName())
        : tr("Importing %n files", nullptr, int(files.size()));
    Q_EMIT started(label);
    m_watcher->setFuture(runBackground(std::move(job)));
    return true;
}

void ImportController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportController::onWorkerFinished()
{
    m_running = false;
    std::shared_ptr<Outcome> outcome;
    if (m_watcher->future().resultCount() > 0)
        outcome = m_watcher->result();
    // Do not reset the watcher with an empty QFuture: that one counts as finished and would
    // emit finished() again. The outcome's content is moved out below.
    if (!outcome) {
        m_error = core::makeError(core::ErrorCode::Io, "the import job ended without a result");
        Q_EMIT finished(false);
        return;
    }
    if (!outcome->session) {
        m_error = outcome->error;
        if (m_error.code == core::ErrorCode::Ok)
            m_error = core::makeError(core::ErrorCode::Io, "the import failed");
        Q_EMIT finished(false);
        return;
    }
    m_result = std::move(outcome->result);
    m_session = std::move(outcome->session);
    Q_EMIT finished(true);
}

core::Status ImportController::commit()
{
    if (!m_session)
        return core::makeError(core::ErrorCode::InvalidArgument, "no import to commit");
    auto session = std::move(m_session);
    auto st = session->commit();
    if (!st) {
        session->rollback();
        m_error = st.error();
        return st;
    }
    Q_EMIT committed();
    return {};
}

void ImportController::rollback()
{
    if (!m_session)
        return;
    auto session = std::move(m_session);
    session->rollback();
    Q_EMIT rolledBack();
}

} // namespace marketlens::ui
