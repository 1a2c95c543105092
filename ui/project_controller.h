#pragma once
// ProjectController: owns the open project (core::ProjectStore) of the main window and the
// state shown in its title.
//
// Save semantics: every operation commits to the .mlens file immediately, so the file on disk
// *is* the saved state and there is no "Save" command. "New" creates an "Untitled" project in a
// temporary folder; while that project holds data it counts as unsaved (the title shows the
// modified marker) until "Save As" copies it atomically (SQLite backup API) to a chosen file,
// after which the window works on that file. Recent files are kept in QSettings (at most 10).
//
// Encrypted projects: the window unlocks a file before it opens it (ProjectPasswords); when
// another file is opened or saved as, or the controller is destroyed, the previous encrypted
// project is locked (core::lockProject: key and in-memory database dropped).
//
// Reads are cached: the window never queries the file while an import job holds its write
// transaction (setBusy(true)); uncached prices are then reported as NotFound-busy errors.

#include "core/project_store.h"
#include "core/result.h"
#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTemporaryDir;

namespace marketlens::ui {

class ProjectController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 10;

    explicit ProjectController(QObject* parent = nullptr);
    ~ProjectController() override;

    // A new, empty "Untitled" project in a temporary folder.
    core::Status newProject();
    // Opens an existing project; on failure the current project stays open.
    core::Status openProject(const QString& path);
    // Copies the project to `path` atomically and switches to that file.
    core::Status saveAs(const QString& path);

    bool isOpen() const;
    bool isUntitled() const { return m_untitled; }
    // True for an untitled project that holds data (instruments or portfolios).
    bool hasUnsavedData() const;
    // The file being worked on (a temporary file for an untitled project).
    QString path() const { return m_path; }
    // "Untitled" or the file name of the project.
    QString displayName() const;

    // Re-reads instruments and portfolios and drops cached prices (after an import commit).
    // In a file larger than kCountInBackgroundBytes the instruments' row counts need a read of
    // every price: they are -1 at first and counted on a worker thread (own connection), then
    // filled in with instrumentsCounted().
    core::Status reload();
    static constexpr qint64 kCountInBackgroundBytes = 256LL << 20;
    // For tests: the file size above which counts come from the background (-1: never).
    void setCountInBackgroundBytes(qint64 bytes) { m_countInBackgroundBytes = bytes; }
    const std::vector<core::InstrumentInfo>& instruments() const { return m_instruments; }
    const std::vector<core::Portfolio>& portfolios() const { return m_portfolios; }
    const core::InstrumentInfo* instrument(const QString& ticker) const;
    // Prices of `ticker`, cached. Fails while busy for a ticker not yet cached.
    core::Result<core::PriceSeries> prices(const QString& ticker);
    // Last non-missing close of `ticker`, NaN when unknown.
    double lastClose(const QString& ticker);

    // The open store, for controllers that write user edits (PortfolioEditor); callers check
    // isOpen() and !isBusy() first and call reload() after committing.
    core::ProjectStore& store() { return m_store; }

    // Closes the file so that it can be rewritten in place (its password set, changed or
    // removed: core/project_crypto.h wants no open store on it); busy until resumeFile() opens
    // it again and re-reads it. The cached lists stay meanwhile.
    void suspendFile();
    core::Status resumeFile();

    // Set while a job holds a write transaction on the file: no reads or writes from here.
    void setBusy(bool busy) { m_busy = busy; }
    bool isBusy() const { return m_busy; }

    QStringList recentFiles() const;
    void clearRecentFiles();

Q_SIGNALS:
    // Another file was opened or created (models must be rebuilt).
    void projectOpened();
    // Instruments/portfolios were re-read.
    void dataReloaded();
    // The row counts of instruments() are filled in (large files, see reload()).
    void instrumentsCounted();
    // Title or unsaved state changed.
    void stateChanged();
    void recentFilesChanged();

private:
    void adopt(core::ProjectStore store, const QString& path, bool untitled);
    void addRecentFile(const QString& path);
    void countInBackground();

    core::ProjectStore m_store;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_path;
    bool m_untitled = false;
    bool m_busy = false;
    std::vector<core::InstrumentInfo> m_instruments;
    std::vector<core::Portfolio> m_portfolios;
    QHash<QString, core::PriceSeries> m_priceCache;
    int m_countGeneration = 0; // a newer reload() makes an older count's result stale
    qint64 m_countInBackgroundBytes = kCountInBackgroundBytes;
};

} // namespace marketlens::ui
