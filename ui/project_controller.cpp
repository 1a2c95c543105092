#include "project_controller.h"

#include "core/price_queries.h"
#include "core/project_crypto.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <unordered_map>
#include <utility>

namespace marketlens::ui {

namespace {
constexpr auto kRecentKey = "recentFiles";
constexpr auto kCountThread = "MarketLens row count";

// Stops the background count of `owner` (a child thread named kCountThread, see
// countInBackground()) and waits for it: one instrument's count at most.
void stopCount(QObject* owner, const std::shared_ptr<std::atomic_bool>& cancel)
{
    if (cancel)
        cancel->store(true);
    const auto threads = owner->findChildren<QThread*>(
        QString::fromLatin1(kCountThread), Qt::FindDirectChildrenOnly);
    for (QThread* thread : threads) {
        QObject::disconnect(thread, nullptr, owner, nullptr); // its result is not wanted now
        thread->wait();
        delete thread;
    }
}
} // namespace

ProjectController::ProjectController(QObject* parent)
    : QObject(parent)
    , m_reader(std::make_unique<ProjectReader>())
{
}

ProjectController::~ProjectController()
{
    m_reader.reset(); // its read ends, its connection closes, its thread stops
    stopCount(this, m_countCancel);
    // Close the connection before the temporary folder of an untitled project is removed.
    m_store.close();
    if (!m_path.isEmpty())
        core::lockProject(m_path.toStdString()); // an encrypted project's key goes with the window
}

bool ProjectController::isOpen() const
{
    return m_store.isOpen();
}

bool ProjectController::hasUnsavedData() const
{
    return m_untitled && (!m_instruments.empty() || !m_portfolios.empty());
}

QString ProjectController::displayName() const
{
    if (m_untitled || m_path.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_path).fileName();
}

core::Status ProjectController::newProject()
{
    if (m_busy)
        return core::makeError(core::ErrorCode::InvalidArgument, "a job is running");
    auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + "/marketlens-XXXXXX");
    if (!dir->isValid())
        return core::makeError(core::ErrorCode::Io,
            "cannot create a temporary folder: " + dir->errorString().toStdString());
    const QString file = dir->filePath(QStringLiteral("Untitled.mlens"));
    auto store = core::ProjectStore::create(file.toStdString());
    if (!store)
        return store.error();
    m_store.close();
    m_tempDir = std::move(dir); // the previous untitled folder (if any) is removed here
    adopt(std::move(*store), file, true);
    return {};
}

core::Status ProjectController::openProject(const QString& path)
{
    if (m_busy)
        return core::makeError(core::ErrorCode::InvalidArgument, "a job is running");
    ++m_openGeneration;
    m_opening.clear();
    const QString abs = QFileInfo(path).absoluteFilePath();
    auto store = core::ProjectStore::open(abs.toStdString());
    if (!store) {
        if (abs != m_path)
            core::lockProject(abs.toStdString()); // unlocked for this attempt only
        return store.error();
    }
    m_store.close();
    m_tempDir.reset();
    adopt(std::move(*store), abs, false);
    addRecentFile(abs);
    return {};
}

bool ProjectController::isLarge(const QString& path) const
{
    return !path.isEmpty() && m_countInBackgroundBytes >= 0
        && QFileInfo(path).size() > m_countInBackgroundBytes;
}

bool ProjectController::opensInBackground(const QString& path) const
{
    return isLarge(QFileInfo(path).absoluteFilePath());
}

void ProjectController::openProjectInBackground(const QString& path)
{
    struct Opened {
        core::ProjectStore store;
        Lists lists;
        std::optional<core::Error> error;
    };
    const QString abs = QFileInfo(path).absoluteFilePath();
    const int generation = ++m_openGeneration;
    m_opening = abs;
    auto* watcher = new QFutureWatcher<std::shared_ptr<Opened>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, abs] {
        watcher->deleteLater();
        std::shared_ptr<Opened> opened = watcher->result();
        if (generation != m_openGeneration) {
            if (abs != m_path)
                core::lockProject(abs.toStdString()); // unlocked for this attempt only
            return; // another open replaced this one
        }
        m_opening.clear();
        if (opened->error || m_busy) {
            opened->store.close();
            if (abs != m_path)
                core::lockProject(abs.toStdString());
            Q_EMIT openFinished(abs,
                opened->error ? QString::fromStdString(opened->error->toString())
                              : tr("%1: a job is running").arg(abs));
            return;
        }
        m_store.close();
        m_tempDir.reset();
        adopt(std::move(opened->store), abs, false, std::move(opened->lists));
        addRecentFile(abs);
        Q_EMIT openFinished(abs, {});
    });
    watcher->setFuture(QtConcurrent::run([abs]() {
        // The connection is made here and used by the GUI thread afterwards, never by both.
        auto opened = std::make_shared<Opened>();
        auto store = core::ProjectStore::open(abs.toStdString());
        if (!store) {
            opened->error = store.error();
            return opened;
        }
        auto instruments = core::instrumentsUncounted(*store);
        auto portfolios = store->portfolios();
        if (!instruments || !portfolios) {
            opened->error = !instruments ? instruments.error() : portfolios.error();
            return opened;
        }
        opened->store = std::move(*store);
        opened->lists = {std::move(*instruments), std::move(*portfolios)};
        return opened;
    }));
}

void ProjectController::suspendFile()
{
    m_busy = true;
    m_reader->close(true); // the file is rewritten next: no connection may stay on it
    stopCount(this, m_countCancel);
    m_store.close();
}

core::Status ProjectController::resumeFile()
{
    m_busy = false;
    auto store = core::ProjectStore::open(m_path.toStdString());
    if (!store) {
        Q_EMIT stateChanged();
        return store.error();
    }
    m_store = std::move(*store);
    return reload();
}

core::Status ProjectController::saveAs(const QString& path)
{
    if (m_busy)
        return core::makeError(core::ErrorCode::InvalidArgument, "a job is running");
    if (!m_store.isOpen())
        return core::makeError(core::ErrorCode::InvalidArgument, "no project is open");
    const QString abs = QFileInfo(path).absoluteFilePath();
    if (abs == m_path)
        return {}; // already this file; every change is committed
    if (auto st = m_store.saveAs(abs.toStdString()); !st)
        return st;
    auto store = core::ProjectStore::open(abs.toStdString());
    if (!store)
        return store.error();
    m_store.close();
    m_tempDir.reset();
    adopt(std::move(*store), abs, false);
    addRecentFile(abs);
    return {};
}

void ProjectController::adopt(
    core::ProjectStore store, const QString& path, bool untitled, std::optional<Lists> lists)
{
    ++m_openGeneration; // a background open still under way is replaced by this project
    m_opening.clear();
    // The reader's connection goes with the previous file (after the read it may be doing).
    m_reader->close(false);
    // The previous project's store is closed by now: lock it if it was encrypted (a no-op if not).
    if (!m_path.isEmpty() && m_path != path)
        core::lockProject(m_path.toStdString());
    m_store = std::move(store);
    m_path = path;
    m_untitled = untitled;
    m_instruments.clear();
    m_portfolios.clear();
    // Errors leave the lists empty; the file itself opened fine.
    (void)readLists(std::move(lists)); // read already by a background open, or here
    Q_EMIT projectOpened();
    Q_EMIT dataReloaded();
    Q_EMIT stateChanged();
}

core::Status ProjectController::reload()
{
    if (auto st = readLists(); !st)
        return st;
    Q_EMIT dataReloaded();
    Q_EMIT stateChanged();
    return {};
}

core::Status ProjectController::readLists(std::optional<Lists> given)
{
    if (!m_store.isOpen())
        return core::makeError(core::ErrorCode::InvalidArgument, "no project is open");
    if (m_busy)
        return core::makeError(core::ErrorCode::InvalidArgument, "a job is running");
    m_priceCache.clear();
    m_closeCache.clear();
    ++m_generation;
    m_large = isLarge(m_path);
    if (!given) {
        auto instruments = m_large ? core::instrumentsUncounted(m_store) : m_store.instruments();
        if (!instruments)
            return instruments.error();
        auto portfolios = m_store.portfolios();
        if (!portfolios)
            return portfolios.error();
        given = Lists {std::move(*instruments), std::move(*portfolios)};
    }
    m_instruments = std::move(given->instruments);
    m_portfolios = std::move(given->portfolios);
    if (m_large)
        countInBackground();
    return {};
}

bool ProjectController::readsInBackground() const
{
    return m_large && m_store.isOpen();
}

std::optional<core::Error> ProjectController::readRefusal() const
{
    if (!m_store.isOpen())
        return core::makeError(core::ErrorCode::InvalidArgument, "no project is open");
    if (m_busy)
        return core::makeError(
            core::ErrorCode::InvalidArgument, "the project is busy with an import");
    return std::nullopt;
}

void ProjectController::countInBackground()
{
    using Counts = std::vector<std::pair<std::int64_t, std::int64_t>>; // instrument id, rows
    using Counted = core::Result<Counts>;
    stopCount(this, m_countCancel); // an older count's result would be stale
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_countCancel = cancel;
    const int generation = m_generation;
    const std::string path = m_path.toStdString();
    std::vector<std::int64_t> ids;
    ids.reserve(m_instruments.size());
    for (const core::InstrumentInfo& info : m_instruments)
        ids.push_back(info.id);
    auto result = std::make_shared<std::unique_ptr<Counted>>();
    // Reading every price takes long in a large file (46 s for 25 million, cold). A thread of
    // its own at idle priority (SCHED_IDLE on Linux) leaves the cores to the window and its
    // reads (a pool thread would keep that priority for later jobs: Qt cannot leave SCHED_IDLE);
    // one instrument at a time (a read each) lets an import commit between two counts.
    QThread* thread = QThread::create([path, ids = std::move(ids), cancel, result] {
        Counted counted = [&]() -> Counted {
            auto store = core::ProjectStore::open(path);
            if (!store)
                return store.error();
            Counts counts;
            counts.reserve(ids.size());
            for (std::int64_t id : ids) {
                if (cancel->load())
                    return core::makeError(core::ErrorCode::Cancelled, "count replaced", path);
                auto n = core::priceCount(*store, id);
                if (!n)
                    return n.error();
                counts.emplace_back(id, *n);
            }
            return counts;
        }();
        *result = std::make_unique<Counted>(std::move(counted));
    });
    thread->setObjectName(QString::fromLatin1(kCountThread));
    thread->setParent(this); // found and stopped by stopCount()
    connect(thread, &QThread::finished, this, [this, thread, generation, result] {
        thread->deleteLater();
        if (generation != m_generation || !*result || !**result)
            return; // reloaded or closed meanwhile; the counts stay unknown (-1) on error
        std::unordered_map<std::int64_t, std::int64_t> byId((**result)->begin(), (**result)->end());
        for (core::InstrumentInfo& info : m_instruments)
            if (const auto it = byId.find(info.id); it != byId.end())
                info.priceCount = it->second;
        Q_EMIT instrumentsCounted();
    });
    thread->start(QThread::IdlePriority);
}

const core::InstrumentInfo* ProjectController::instrument(const QString& ticker) const
{
    const std::string t = ticker.toStdString();
    for (const auto& info : m_instruments) {
        if (info.ticker == t)
            return &info;
    }
    return nullptr;
}

core::Result<core::PriceSeries> ProjectController::prices(const QString& ticker)
{
    if (auto it = m_priceCache.constFind(ticker); it != m_priceCache.constEnd())
        return *it;
    if (m_busy)
        return core::makeError(
            core::ErrorCode::InvalidArgument, "the project is busy with an import");
    if (!m_store.isOpen())
        return core::makeError(core::ErrorCode::InvalidArgument, "no project is open");
    auto series = m_store.prices(ticker.toStdString());
    if (!series)
        return series.error();
    m_priceCache.insert(ticker, *series);
    return series;
}

void ProjectController::cachePrices(const QString& ticker, core::PriceSeries series)
{
    m_priceCache.insert(ticker, std::move(series));
}

std::optional<double> ProjectController::cachedLastClose(const QString& ticker) const
{
    if (auto it = m_closeCache.constFind(ticker); it != m_closeCache.constEnd())
        return *it;
    if (auto it = m_priceCache.constFind(ticker); it != m_priceCache.constEnd()) {
        const auto& close = it->close;
        for (std::size_t i = close.size(); i-- > 0;) {
            if (!core::isMissing(close[i]))
                return close[i];
        }
        return core::kMissing;
    }
    return std::nullopt;
}

QStringList ProjectController::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void ProjectController::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
    Q_EMIT recentFilesChanged();
}

void ProjectController::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentKey, files);
    Q_EMIT recentFilesChanged();
}

} // namespace marketlens::ui
