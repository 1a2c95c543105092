#include "demo_project.h"

#include "price_import.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <filesystem>

// The resources live in a static library: without an explicit init the linker may drop them.
static void initDemoResources()
{
    Q_INIT_RESOURCE(demo);
}

namespace marketlens::core {
namespace {

// One step of the demo: a file from resources/demo/ and how it is imported.
struct DemoFile {
    const char* name;
    ImportKind kind;
    const char* ticker;
    const char* portfolio;
};

// msft_ohlcv.csv goes under "MSFT", the ticker of the DowJones30 column: both sources agree on the
// overlapping days, so the instrument gets closes from 1990 and OHLCV for its last year (see
// resources/demo/README.md). It runs after the wide file so its unrounded closes win.
constexpr DemoFile kDemoFiles[] = {
    {"dowjones30_prices.csv", ImportKind::PricesWide, "", ""},
    {"msft_ohlcv.csv", ImportKind::Ohlcv, "MSFT", ""},
    {"portfolio_dow_core.csv", ImportKind::Holdings, "", "Dow Core"},
};

Status importDemo(const std::string& path, const QString& dir)
{
    auto session = ImportSession::begin(path);
    if (!session)
        return session.error();
    for (const DemoFile& f : kDemoFiles) {
        ImportOptions options;
        options.kind = f.kind;
        options.ticker = f.ticker;
        options.portfolio = f.portfolio;
        options.strict = true; // the bundled files are clean: any reject is a bug
        auto r = session->run(
            {QDir(dir).filePath(QString::fromLatin1(f.name)).toStdString()}, options);
        if (!r)
            return r.error();
        if (r->rowsRejected() > 0)
            return makeError(ErrorCode::BadData, "demo file has rejected rows", f.name);
    }
    return session->commit();
}

} // namespace

std::string demoProjectPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("demo.mlens")).toStdString();
}

Status writeDemoProject(const std::string& path)
{
    initDemoResources();
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return makeError(
            ErrorCode::Io, "cannot create a temporary folder: " + tmp.errorString().toStdString());
    for (const DemoFile& f : kDemoFiles) {
        const QString name = QString::fromLatin1(f.name);
        const QString target = tmp.filePath(name);
        if (!QFile::copy(QStringLiteral(":/demo/") + name, target))
            return makeError(ErrorCode::Io, "demo resource missing: " + name.toStdString());
        // Resource copies are read-only; the importer only reads, but keep them removable.
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    {
        auto store = ProjectStore::create(path);
        if (!store)
            return store.error();
    }
    Status st = importDemo(path, tmp.path());
    if (!st) {
        // Never leave a half-made demo behind: the next start would open it as if it were whole.
        std::error_code ec;
        std::filesystem::remove(path, ec);
        std::filesystem::remove(path + "-journal", ec);
    }
    return st;
}

Result<std::string> ensureDemoProject()
{
    const std::string path = demoProjectPath();
    if (QFileInfo::exists(QString::fromStdString(path)))
        return path;
    const QString dir = QFileInfo(QString::fromStdString(path)).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, "cannot create folder " + dir.toStdString());
    // Built under a temporary name and renamed, so that a crash (or a second process starting
    // at the same time) never leaves a half-made demo.mlens.
    const std::string tmpPath = path + ".creating";
    std::error_code ec;
    std::filesystem::remove(tmpPath, ec);
    if (auto s = writeDemoProject(tmpPath); !s)
        return s.error();
    std::filesystem::rename(tmpPath, path, ec);
    if (ec) {
        const std::string reason = ec.message();
        std::filesystem::remove(tmpPath, ec);
        return makeError(ErrorCode::Io, "cannot create the demo project: " + reason, path);
    }
    return path;
}

} // namespace marketlens::core
