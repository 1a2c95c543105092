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
//
// Large files (readsInBackground()): what a view reads on a user's action (a ticker's prices and
// news, the holdings' last closes, the News tab's items) goes through read(), which runs it on
// the ProjectReader's thread and hands the result back later, so that the window keeps
// responding; in a small file read() runs at once, so both sizes share one code path.

#include "project_reader.h"

#include "core/project_store.h"
#include "core/result.h"
#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
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
    // Whether openProjectInBackground() is the way to open `path`: a file larger than
    // kCountInBackgroundBytes, whose checks and lists take a noticeable time (0.3 s for 5,000
    // instruments and 25 million prices).
    bool opensInBackground(const QString& path) const;
    // Opens `path` on a worker thread (ProjectStore::open and the lists, with a connection of
    // its own that then becomes the window's) and adopts it when done: openFinished() says how
    // it went; projectOpened() and dataReloaded() follow on success. The current project stays
    // open meanwhile; a newer open of either kind replaces a pending one.
    void openProjectInBackground(const QString& path);
    bool isOpening() const { return !m_opening.isEmpty(); }
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
    bool hasCachedPrices(const QString& ticker) const { return m_priceCache.contains(ticker); }
    // Keeps prices read elsewhere (a read()) for prices() until the next reload().
    void cachePrices(const QString& ticker, core::PriceSeries series);
    // The last close if it is known without a read (cached prices or closes), else nullopt.
    std::optional<double> cachedLastClose(const QString& ticker) const;
    void cacheLastClose(const QString& ticker, double close) { m_closeCache.insert(ticker, close); }

    // Whether read() runs on the reader thread: a file larger than kCountInBackgroundBytes
    // (the same limit as the counts; setCountInBackgroundBytes() moves both).
    bool readsInBackground() const;
    // Runs `read` with a connection to the open project and gives its result to `done` on the
    // GUI thread. In the background (readsInBackground()) `done` comes later, and only while
    // `context` lives, the ticket is current (no newer request of `channel`) and the project
    // was neither reloaded nor replaced meanwhile; otherwise both run now. Refused (an error
    // given to `done` now) while no project is open or a job holds the file.
    template <class T>
    void read(ReadChannel& channel, QObject* context,
        std::function<core::Result<T>(core::ProjectStore&)> read,
        std::function<void(core::Result<T>)> done);

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
    // Another file was opened or created: views drop what they showed of the previous one.
    // Its lists are read by then, and dataReloaded() follows at once (views read there).
    void projectOpened();
    // Instruments/portfolios were re-read.
    void dataReloaded();
    // The row counts of instruments() are filled in (large files, see reload()).
    void instrumentsCounted();
    // Title or unsaved state changed.
    void stateChanged();
    // An openProjectInBackground() ended: `error` is empty on success.
    void openFinished(const QString& path, const QString& error);
    void recentFilesChanged();

private:
    struct Lists {
        std::vector<core::InstrumentInfo> instruments;
        std::vector<core::Portfolio> portfolios;
    };
    // `lists`: read already (a background open); otherwise read here.
    void adopt(core::ProjectStore store, const QString& path, bool untitled,
        std::optional<Lists> lists = std::nullopt);
    bool isLarge(const QString& path) const;
    void addRecentFile(const QString& path);
    void countInBackground();
    // The instruments and portfolios (`given`: read already, by a background open).
    core::Status readLists(std::optional<Lists> given = std::nullopt);
    std::optional<core::Error> readRefusal() const;

    std::unique_ptr<ProjectReader> m_reader;
    std::shared_ptr<std::atomic_bool> m_countCancel; // stops the running background count

    core::ProjectStore m_store;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_path;
    bool m_untitled = false;
    bool m_busy = false;
    std::vector<core::InstrumentInfo> m_instruments;
    std::vector<core::Portfolio> m_portfolios;
    QHash<QString, core::PriceSeries> m_priceCache;
    QHash<QString, double> m_closeCache;
    QString m_opening; // the file a background open is reading
    int m_openGeneration = 0; // a newer open makes a pending background open stale
    int m_generation = 0; // a newer reload() makes an older count's or read's result stale
    bool m_large = false; // counts and read() in the background
    qint64 m_countInBackgroundBytes = kCountInBackgroundBytes;
};

template <class T>
void ProjectController::read(ReadChannel& channel, QObject* context,
    std::function<core::Result<T>(core::ProjectStore&)> read,
    std::function<void(core::Result<T>)> done)
{
    const ReadChannel::Ticket ticket = channel.next();
    if (auto refused = readRefusal()) {
        done(core::Result<T>(std::move(*refused)));
        return;
    }
    if (!readsInBackground()) {
        done(read(m_store));
        return;
    }
    const QPointer<QObject> target(context);
    const int generation = m_generation;
    m_reader->post(m_path.toStdString(),
        [this, ticket, target, generation, read = std::move(read), done = std::move(done)](
            core::ProjectStore* store, const core::Error* error) {
            if (!ticket.current())
                return; // a newer request replaced this one before it started
            auto result = std::make_shared<core::Result<T>>(
                store ? read(*store) : core::Result<T>(*error));
            QMetaObject::invokeMethod(
                this,
                [this, ticket, target, generation, done, result] {
                    if (target && ticket.current() && generation == m_generation)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
}

} // namespace marketlens::ui
