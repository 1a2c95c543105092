// The `save-as` command (docs/cli.md): an atomic copy of a project through ProjectStore::saveAs
// (SQLite's online backup into a temporary file next to DEST, then a rename), so DEST is either
// its old self or the complete copy, never half-written, even when the process is killed.
#include "cli_support.h"
#include "project_crypto.h"
#include "project_store.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QTextStream>

namespace marketlens::core::cli {

int cmdSaveAs(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    if (const QString e = parseArgs(args, {QStringLiteral("json")}, {}, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 2)
        return usage(QStringLiteral("save-as needs a project FILE and a DEST file"), err);
    const bool json = a.has(QStringLiteral("json"));
    auto project = projectForReading(a.positional.first());
    if (!project)
        return fail(project.error(), json, out, err);
    const QString dest = a.positional[1];
    const QFileInfo destInfo(dest);
    if (destInfo.exists()
        && destInfo.canonicalFilePath() == QFileInfo(q(*project)).canonicalFilePath())
        return fail(
            makeError(ErrorCode::InvalidArgument,
                "the destination is the project itself; give another file", dest.toStdString()),
            json, out, err);
    if (destInfo.isDir())
        return fail(makeError(ErrorCode::InvalidArgument, "the destination is a folder",
                        dest.toStdString()),
            json, out, err);
    auto store = ProjectStore::open(*project);
    if (!store)
        return fail(store.error(), json, out, err);
    // An encrypted project is copied encrypted (same key): a plaintext copy of a protected project
    // would defeat its password.
    const bool encrypted = isEncryptedProject(*project);
    const Status saved = encrypted ? saveEncryptedCopy(*project, dest.toStdString())
                                   : store->saveAs(dest.toStdString());
    if (!saved)
        return fail(saved.error(), json, out, err);
    const qint64 bytes = QFileInfo(dest).size();
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(*project);
        o[QStringLiteral("savedAs")] = dest;
        o[QStringLiteral("bytes")] = bytes;
        o[QStringLiteral("encrypted")] = encrypted;
        printJson(out, o);
    } else {
        out << "saved " << q(*project) << " as " << dest << " (" << bytes << " bytes)" << Qt::endl;
    }
    return kExitOk;
}

} // namespace marketlens::core::cli
