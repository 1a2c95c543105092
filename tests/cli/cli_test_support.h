#pragma once
// Shared by the CLI end-to-end tests: run the built `marketlens` executable with its own HOME and
// XDG folders (so the user's real data folder is never touched) and read its output.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace cli_test {

struct RunResult {
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;
    // stdout as one JSON object (a warning with the text when it is not one).
    QJsonObject json() const
    {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &e);
        if (e.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("stdout is not one JSON object (%s):\n%s", qPrintable(e.errorString()),
                qPrintable(out.left(2000)));
        return doc.object();
    }
};

// Runs `marketlens args...` in `workDir`, with HOME, XDG config and cache below `root` and the
// XDG data folder (where the demo project lives) at `dataHome`.
inline RunResult runMarketlens(
    const QStringList& args, const QString& root, const QString& dataHome, const QString& workDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), QDir(root).filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(root).filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), QDir(root).filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workDir);
    p.start(QStringLiteral(MARKETLENS_EXE), args);
    RunResult r;
    if (!p.waitForFinished(300000)) {
        qWarning("marketlens %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The first object of `array` whose `key` is `value`, or an empty object.
inline QJsonObject findByKey(const QJsonArray& array, const QString& key, const QString& value)
{
    for (const QJsonValue& v : array) {
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    }
    return {};
}

} // namespace cli_test
