#pragma once
// ImportController: runs one import job off the GUI thread (STYLE.md "One-shot jobs").
//
// start() opens a core::ImportSession on the project file and runs it on a QtConcurrent thread;
// progress arrives as queued signals at most ~10 times a second, and cancel() makes the next
// progress callback return false. When the run ends, finished() is emitted on the GUI thread:
//  - on success the session stays open (its write transaction pending) until the caller decides
//    with commit() or rollback(), e.g. after the user read the import report;
//  - on error or cancel the session has already been rolled back.
// The session is only ever used by one thread at a time: the worker until finished(), then the
// GUI thread. The destructor cancels a running job, waits for it and rolls back.

#include "core/price_import.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace marketlens::ui {

class ImportController : public QObject {
    Q_OBJECT
public:
    explicit ImportController(QObject* parent = nullptr);
    ~ImportController() override;

    // Starts importing `files` into the project at `projectPath`. False when a job is running or
    // a finished one still waits for commit/rollback.
    bool start(const QString& projectPath, const QStringList& files,
        const core::ImportOptions& options = {});
    bool isRunning() const { return m_running; }
    // A successful run whose transaction is still open.
    bool isPending() const { return m_session != nullptr; }
    bool isBusy() const { return isRunning() || isPending(); }
    QStringList files() const { return m_files; }

    // Result of the last run (valid after finished(true)).
    const core::ImportResult& result() const { return m_result; }
    // Error of the last run (after finished(false)); code Cancelled when the user cancelled.
    const core::Error& error() const { return m_error; }

    core::Status commit();
    void rollback();

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void started(const QString& label);
    void progress(qint64 done, qint64 total);
    void finished(bool ok);
    void committed();
    void rolledBack();

private:
    struct Outcome;
    void onWorkerFinished();

    QFutureWatcher<std::shared_ptr<Outcome>>* m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<core::ImportSession> m_session;
    core::ImportResult m_result;
    core::Error m_error;
    QStringList m_files;
    bool m_running = false;
};

} // namespace marketlens::ui
