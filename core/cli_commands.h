#pragma once
// The `marketlens` command line (documented in docs/cli.md):
//   marketlens new FILE.mlens [--json]
//   marketlens import FILE.mlens INPUT... [--kind K] [--ticker T] [--portfolio NAME]
//                     [--date-format F] [--tickers A,B] [--label-scheme S] [--strict] [--json]
//   marketlens info FILE.mlens [--json]
//   marketlens news FILE.mlens [--ticker T] [--from D] [--to D] [--limit N] [--model KEY] [--json]
//   marketlens aliases FILE.mlens [TICKER [NAME...] | TICKER --clear] [--json]
//   marketlens risk FILE.mlens [--portfolio NAME | --instruments A,B] [options] [--json]
//   marketlens demo [FILE.mlens] [--json]
//   marketlens --help | --version
// runCli takes the arguments without argv[0], writes results to `out` and diagnostics (rejected
// rows, errors) to `err`, and returns the process exit code. It needs a QCoreApplication only
// for the application name (user data folder) and version.

#include <QString>
#include <QStringList>

class QTextStream;

namespace marketlens::core {

enum CliExitCode : int {
    kExitOk = 0, // done (an import may still have rejected rows, reported on stderr)
    kExitUsage = 1, // bad command line
    kExitData = 2, // bad data or file: nothing was changed
};

// True when `arg` (argv[1]) names a command that runCli handles.
bool isCliCommand(const QString& arg);

int runCli(const QStringList& args, QTextStream& out, QTextStream& err);

// A project argument as the commands resolve it: a path with a folder, or one that exists in the
// current folder, is used as given; a bare file name that is not in the current folder is looked
// up in the user data folder (where the demo project lives). Returns the path to use (unchanged
// when found nowhere).
QString resolveProjectPath(const QString& arg);

} // namespace marketlens::core
