#pragma once
// RiskRunController: runs risk jobs off the GUI thread (STYLE.md "One-shot jobs"): a computation
// (core::risk::computeRiskReport, then saveRiskRun when asked) or the load of the newest stored
// run (latestRiskRun). Each job opens its own connection to the project file on its worker thread.
//
// A newer request supersedes the older ones: they are cancelled (their progress callback returns
// false) and, should they still finish, their results are ignored; only the newest request ends
// in finished(). Progress arrives as queued signals at most ~10 times a second. Storing a run
// that fails (e.g. an import holds the file's write transaction) does not fail the run: the
// report is delivered and storeError() says why it was not stored. Nothing throws out of here;
// the destructor cancels and waits for running jobs.

#include "core/risk/risk_report.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace marketlens::ui {

class RiskRunController : public QObject {
    Q_OBJECT
public:
    explicit RiskRunController(QObject* parent = nullptr);
    ~RiskRunController() override;

    // Starts computing a run on the project at `projectPath`; `store` saves it in the project.
    // Returns the request's id.
    int compute(const QString& projectPath, const core::risk::RiskRunOptions& options, bool store);
    // Starts loading the newest stored run (finished() with hasReport() false when none).
    int loadLatest(const QString& projectPath);
    void cancel(); // cancels the newest request (and with it every older one)

    bool isRunning() const { return m_runningCount > 0 && m_current >= 0 && !m_currentDone; }
    int currentRequest() const { return m_current; }
    int ignoredResults() const { return m_ignored; } // finished but superseded (tests)

    // Outcome of the newest finished request.
    bool hasReport() const { return m_report.has_value(); }
    const core::risk::RiskReport& report() const { return *m_report; }
    const core::Error& error() const { return m_error; }
    bool wasComputed() const { return m_computed; } // false: loaded from the project
    bool wasStored() const { return m_stored; }
    // A loaded run whose prices have changed (or gone) since it was computed.
    bool isStale() const { return m_stale; }
    QString storeError() const { return m_storeError; }

Q_SIGNALS:
    void started(int request, const QString& label);
    void progress(int request, qint64 done, qint64 total);
    // ok is false on error or cancel (error() says which; code Cancelled for cancel).
    void finished(int request, bool ok);

private:
    struct Outcome;
    int launch(
        std::function<std::shared_ptr<Outcome>(const core::Progress&)> job, const QString& label);
    void deliver(int request, std::shared_ptr<Outcome> outcome);

    int m_next = 0;
    int m_current = -1;
    bool m_currentDone = true;
    int m_runningCount = 0;
    int m_ignored = 0;
    std::shared_ptr<std::atomic_bool> m_cancel; // of the newest request
    std::optional<core::risk::RiskReport> m_report;
    core::Error m_error;
    bool m_computed = false;
    bool m_stored = false;
    bool m_stale = false;
    QString m_storeError;
};

} // namespace marketlens::ui
