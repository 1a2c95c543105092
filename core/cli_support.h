#pragma once
// Helpers shared by the command files of the `marketlens` command line (cli_commands.cpp,
// cli_risk.cpp). Internal to core/; the public entry point is cli_commands.h.

#include "cli_commands.h"
#include "result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QTextStream;

namespace marketlens::core::cli {

// Parsed command line of one command: positional arguments, flags and valued options.
struct Args {
    QStringList positional;
    QMap<QString, QString> values;
    QStringList flags;
    bool has(const QString& flag) const { return flags.contains(flag); }
};

// Splits `args` into positionals, `--flag` and `--option VALUE` / `--option=VALUE`. Returns an
// error message for an unknown option or a missing value.
QString parseArgs(const QStringList& args, const QStringList& flagNames,
    const QStringList& valueNames, Args& parsed);
QString q(const std::string& s);
QJsonObject errorJson(const Error& e);
void printJson(QTextStream& out, const QJsonObject& o);
// Reports a core error: the message on stderr, and with --json a failure document on stdout.
// Returns kExitData.
int fail(const Error& e, bool json, QTextStream& out, QTextStream& err);
// A usage error on stderr; returns kExitUsage.
int usage(const QString& message, QTextStream& err);
// The project path for commands that work on an existing project (see cli_commands.cpp).
Result<std::string> projectForReading(const QString& arg);

// `marketlens risk` (cli_risk.cpp).
int cmdRisk(const QStringList& args, QTextStream& out, QTextStream& err);

// News (cli_news.cpp): the news part of `import` (inputs checked, project opened), `news`,
// `aliases`.
int importNews(const Args& a, const std::string& project, const std::vector<std::string>& inputs,
    QTextStream& out, QTextStream& err);
int cmdNews(const QStringList& args, QTextStream& out, QTextStream& err);
// `import` (cli_import.cpp).
int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err);
int cmdAliases(const QStringList& args, QTextStream& out, QTextStream& err);
// `save-as` (cli_save.cpp).
int cmdSaveAs(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace marketlens::core::cli
