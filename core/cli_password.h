#pragma once
// Passwords of encrypted projects on the command line (docs/cli.md, "Encrypted projects").

#include <QStringList>

#include <string>

class QTextStream;

namespace marketlens::core::cli {

// Removes `--password-file F` / `--password-file=F` from `args` and installs the password provider
// every command then opens encrypted projects with: the first line of F (without its line end),
// else the MARKETLENS_PASSWORD environment variable, else none (PasswordRequired). Call once at
// the start of a command line run. Returns 0, or the exit code after a message on `err` when F
// cannot be read or is empty.
int installPasswordOptions(QStringList& args, QTextStream& err);

// `marketlens new FILE --encrypt [--kdf K]`: the password from the installed provider.
int cmdNewEncrypted(
    const std::string& path, const QString& kdf, bool json, QTextStream& out, QTextStream& err);

// `marketlens password FILE --set | --change | --remove [--new-password-file F] [--kdf K]
// [--json]`.
int cmdPassword(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace marketlens::core::cli
