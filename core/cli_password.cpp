// Passwords on the command line: --password-file / MARKETLENS_PASSWORD for every command, the
// `password` command and `new --encrypt` (docs/cli.md). Passwords are never printed or logged.
#include "cli_password.h"

#include "cli_support.h"
#include "project_crypto.h"
#include "project_store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace marketlens::core::cli {
namespace {

// The first line of `path` without its line end. Empty optional (and a message) when unreadable.
std::optional<Secret> readPasswordFile(const QString& path, QString& why)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        why = QStringLiteral("cannot read password file %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QByteArray line = f.readLine(64 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    std::optional<Secret> s(Secret(std::string_view(line.constData(), std::size_t(line.size()))));
    line.fill('\0');
    if (s->empty()) {
        why = QStringLiteral("password file %1 is empty (the password is its first line)")
                  .arg(path);
        return std::nullopt;
    }
    return s;
}

std::optional<Secret> fromEnvironment(const char* name)
{
    QByteArray value = qgetenv(name);
    if (value.isEmpty())
        return std::nullopt;
    Secret s(std::string_view(value.constData(), std::size_t(value.size())));
    value.fill('\0');
    return s;
}

std::optional<KdfParams> parseKdf(const QString& name)
{
    if (name.isEmpty() || name == QLatin1String("moderate"))
        return KdfParams::standard();
    if (name == QLatin1String("interactive"))
        return KdfParams::forTests();
    return std::nullopt;
}

QString describeKdf(const KdfParams& p)
{
    return QStringLiteral("Argon2id, %1 MiB, %2 passes; XChaCha20-Poly1305")
        .arg(p.memLimitBytes >> 20)
        .arg(p.opsLimit);
}

void printDone(const std::string& path, const char* action, bool encrypted, const QString& text,
    bool json, QTextStream& out)
{
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(path);
        o[QStringLiteral("action")] = QLatin1String(action);
        o[QStringLiteral("encrypted")] = encrypted;
        printJson(out, o);
    } else {
        out << text << Qt::endl;
    }
}

Error currentPasswordMissing(const std::string& path)
{
    return makeError(ErrorCode::PasswordRequired,
        "project is encrypted: give its password with --password-file FILE or the "
        "MARKETLENS_PASSWORD environment variable",
        path);
}

} // namespace

int installPasswordOptions(QStringList& args, QTextStream& err)
{
    QString file;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--password-file")) {
            if (i + 1 >= args.size())
                return usage(QStringLiteral("option --password-file needs a value"), err);
            file = args[i + 1];
            args.remove(i, 2);
            --i;
        } else if (a.startsWith(QLatin1String("--password-file="))) {
            file = a.mid(16);
            args.removeAt(i);
            --i;
        }
    }
    std::shared_ptr<Secret> password;
    if (!file.isEmpty()) {
        QString why;
        auto s = readPasswordFile(file, why);
        if (!s) {
            err << "marketlens: " << why << Qt::endl;
            return kExitData;
        }
        password = std::make_shared<Secret>(std::move(*s));
    } else if (auto s = fromEnvironment("MARKETLENS_PASSWORD")) {
        password = std::make_shared<Secret>(std::move(*s));
    }
    setPasswordProvider([password](const std::string&) -> std::optional<Secret> {
        if (!password)
            return std::nullopt;
        return Secret(password->view());
    });
    return kExitOk;
}

int cmdNewEncrypted(
    const std::string& path, const QString& kdf, bool json, QTextStream& out, QTextStream& err)
{
    const auto params = parseKdf(kdf);
    if (!params)
        return usage(QStringLiteral("--kdf takes moderate or interactive"), err);
    std::optional<Secret> password = providePassword(path);
    if (!password)
        return usage(QStringLiteral("new --encrypt needs the new project's password: "
                                    "--password-file FILE or MARKETLENS_PASSWORD"),
            err);
    auto store = ProjectStore::createEncrypted(path, *password, *params);
    if (!store)
        return fail(store.error(), json, out, err);
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(path);
        o[QStringLiteral("schemaVersion")] = ProjectStore::kSchemaVersion;
        o[QStringLiteral("encrypted")] = true;
        printJson(out, o);
    } else {
        out << "created " << q(path) << " (encrypted: " << describeKdf(*params) << ")" << Qt::endl;
    }
    return kExitOk;
}

int cmdPassword(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    if (const QString e = parseArgs(args,
            {QStringLiteral("set"), QStringLiteral("change"), QStringLiteral("remove"),
                QStringLiteral("json")},
            {QStringLiteral("new-password-file"), QStringLiteral("kdf")}, a);
        !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 1)
        return usage(QStringLiteral("password needs exactly one project FILE"), err);
    const int actions = int(a.has(QStringLiteral("set"))) + int(a.has(QStringLiteral("change")))
        + int(a.has(QStringLiteral("remove")));
    if (actions != 1)
        return usage(QStringLiteral("password needs one of --set, --change or --remove"), err);
    const bool json = a.has(QStringLiteral("json"));
    const bool removing = a.has(QStringLiteral("remove"));
    const auto params = parseKdf(a.values.value(QStringLiteral("kdf")));
    if (!params)
        return usage(QStringLiteral("--kdf takes moderate or interactive"), err);

    std::optional<Secret> newPassword;
    if (!removing) {
        if (a.values.contains(QStringLiteral("new-password-file"))) {
            QString why;
            newPassword
                = readPasswordFile(a.values.value(QStringLiteral("new-password-file")), why);
            if (!newPassword) {
                err << "marketlens: " << why << Qt::endl;
                return kExitData;
            }
        } else {
            newPassword = fromEnvironment("MARKETLENS_NEW_PASSWORD");
        }
        if (!newPassword)
            return usage(QStringLiteral("the new password is missing: --new-password-file FILE "
                                        "or MARKETLENS_NEW_PASSWORD"),
                err);
    }
    auto resolved = projectForReading(a.positional.first());
    if (!resolved)
        return fail(resolved.error(), json, out, err);
    const std::string path = *resolved;
    if (!QFileInfo::exists(q(path)))
        return fail(makeError(ErrorCode::Io, "no such file", path), json, out, err);
    const bool encrypted = isEncryptedProject(path);

    if (a.has(QStringLiteral("set"))) {
        if (encrypted)
            return fail(makeError(ErrorCode::InvalidArgument,
                            "project already has a password (use --change)", path),
                json, out, err);
        if (auto s = encryptProject(path, *newPassword, *params); !s)
            return fail(s.error(), json, out, err);
        printDone(path, "set", true,
            QStringLiteral("protected %1 with a password (%2)").arg(q(path), describeKdf(*params)),
            json, out);
        return kExitOk;
    }
    if (!encrypted)
        return fail(makeError(ErrorCode::InvalidArgument,
                        "project has no password (use --set to add one)", path),
            json, out, err);
    std::optional<Secret> current = providePassword(path);
    if (!current)
        return fail(currentPasswordMissing(path), json, out, err);
    if (removing) {
        if (auto s = removeProjectPassword(path, *current); !s)
            return fail(s.error(), json, out, err);
        printDone(path, "remove", false,
            QStringLiteral("removed the password of %1: it is a plain SQLite file again")
                .arg(q(path)),
            json, out);
        return kExitOk;
    }
    if (auto s = changeProjectPassword(path, *current, *newPassword, *params); !s)
        return fail(s.error(), json, out, err);
    printDone(path, "change", true,
        QStringLiteral("changed the password of %1 (%2)").arg(q(path), describeKdf(*params)), json,
        out);
    return kExitOk;
}

} // namespace marketlens::core::cli
