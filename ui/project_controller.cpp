#include "project_controller.h"

#include "core/price_queries.h"
#include "core/project_crypto.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

#include <unordered_map>

namespace marketlens::ui {

namespace {
constexpr auto kRecentKey = "recentFiles";
} // namespace

ProjectController::ProjectController(QObject* parent)
    : QObject(parent)
{
}

ProjectController::~ProjectController()
{
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

void ProjectController::suspendFile()
{
    m_busy = true;
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

void ProjectController::adopt(core::ProjectStore store, const QString& path, bool untitled)
{
    // The previous project's store is closed by now: lock it if it was encrypted (a no-op if not).
    if (!m_path.isEmpty() && m_path != path)
        core::lockProject(m_path.toStdString());
    m_store = std::move(store);
    m_path = path;
    m_untitled = untitled;
    m_priceCache.clear();
    m_instruments.clear();
    m_portfolios.clear();
    (void)reload(); // errors leave the lists empty; the file itself opened fine
    Q_EMIT projectOpened();
    Q_EMIT stateChanged();
}

core::Status ProjectController::reload()
{
    if (!m_store.isOpen())
        return core::makeError(core::ErrorCode::InvalidArgument, "no project is open");
    if (m_busy)
        return core::makeError(core::ErrorCode::InvalidArgument, "a job is running");
    m_priceCache.clear();
    ++m_countGeneration;
    const bool large = !m_path.isEmpty() && m_countInBackgroundBytes >= 0
        && QFileInfo(m_path).size() > m_countInBackgroundBytes;
    auto instruments = large ? core::instrumentsUncounted(m_store) : m_store.instruments();
    if (!instruments)
        return instruments.error();
    auto portfolios = m_store.portfolios();
    if (!portfolios)
        return portfolios.error();
    m_instruments = std::move(*instruments);
    m_portfolios = std::move(*portfolios);
    if (large)
        countInBackground();
    Q_EMIT dataReloaded();
    Q_EMIT stateChanged();
    return {};
}

void ProjectController::countInBackground()
{
    using Counted = core::Result<std::vector<core::InstrumentInfo>>;
    const int generation = m_countGeneration;
    const std::string path = m_path.toStdString();
    auto* watcher = new QFutureWatcher<Counted>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const Counted counted = watcher->result();
        if (generation != m_countGeneration || !counted)
            return; // reloaded or closed meanwhile; the counts stay unknown (-1) on error
        std::unordered_map<std::int64_t, std::int64_t> byId;
        for (const core::InstrumentInfo& info : *counted)
            byId[info.id] = info.priceCount;
        for (core::InstrumentInfo& info : m_instruments)
            if (const auto it = byId.find(info.id); it != byId.end())
                info.priceCount = it->second;
        Q_EMIT instrumentsCounted();
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Counted {
        auto store = core::ProjectStore::open(path);
        if (!store)
            return store.error();
        return store->instruments();
    }));
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

double ProjectController::lastClose(const QString& ticker)
{
    if (auto it = m_priceCache.constFind(ticker); it != m_priceCache.constEnd()) {
        const auto& close = it->close;
        for (std::size_t i = close.size(); i-- > 0;) {
            if (!core::isMissing(close[i]))
                return close[i];
        }
        return core::kMissing;
    }
    if (m_busy || !m_store.isOpen())
        return core::kMissing;
    // A seek in the prices key, not the whole series: the holdings table asks this for every
    // holding (5,000 holdings x 5,000 days would otherwise read and cache 25 million rows).
    auto close = core::latestClose(m_store, ticker.toStdString());
    return close ? *close : core::kMissing;
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
