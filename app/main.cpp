// The `marketlens` executable: decides between the command line and the GUI, nothing else.
//   marketlens new|import|info|risk|demo|--help|--version ... -> command line (core/cli_commands.h)
//   marketlens train|forecast|backtest|models|export-model|import-model|tailrisk ...
//                                                      -> model command line (models/cli_models.h)
//   marketlens report ...                  -> report command line (ui/report/report_cli.h)
//   marketlens, marketlens gui [FILE], marketlens FILE.mlens -> GUI (ui/gui_app.h)
#include "core/cli_commands.h"
#include "core/cli_password.h"
#include "models/cli_models.h"
#include "models/torch_runtime.h"
#include "ui/gui_app.h"
#include "ui/report/report_cli.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

namespace {

// The file the GUI should open for `marketlens gui [FILE]` / `marketlens FILE.mlens`; empty means
// the demo project (created by the GUI in the user data folder on first run).
QString guiProjectArg(const QString& arg)
{
    const QString path = marketlens::core::resolveProjectPath(arg);
    if (arg == QLatin1String("demo.mlens") && !QFileInfo::exists(path))
        return {};
    return path;
}

} // namespace

int main(int argc, char** argv)
{
#ifdef SIGXFSZ
    // Past a file size limit (RLIMIT_FSIZE) a write must fail with EFBIG, which SQLite reports
    // and rolls back, instead of the signal killing the process in the middle of a save.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("MarketLens"));
    QCoreApplication::setOrganizationName(QStringLiteral("MarketLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MARKETLENS_VERSION));
    // Cheap (no model is loaded): sets torch's thread count from the CPU count.
    marketlens::models::initTorchRuntime();

    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (argc == 1)
        return marketlens::ui::runGui(argc, argv, {});
    if (first == QLatin1String("gui") && argc <= 3)
        return marketlens::ui::runGui(
            argc, argv, argc == 3 ? guiProjectArg(QString::fromLocal8Bit(argv[2])) : QString());
    if (argc == 2 && first.endsWith(QLatin1String(".mlens"), Qt::CaseInsensitive)
        && QFileInfo::exists(marketlens::core::resolveProjectPath(first)))
        return marketlens::ui::runGui(argc, argv, marketlens::core::resolveProjectPath(first));

    if (marketlens::ui::isReportCliCommand(first)) {
        // Rendering a report needs QtGui (fonts, QPainter) but never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        QTextStream out(stdout);
        QTextStream err(stderr);
        QStringList args = app.arguments().mid(1);
        if (const int rc = marketlens::core::cli::installPasswordOptions(args, err); rc != 0)
            return rc;
        const int code = marketlens::ui::runReportCli(args, out, err);
        out.flush();
        err.flush();
        return code;
    }
    // Everything else is the command line; runCli answers unknown commands with a usage error.
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Model commands (train, forecast, ...) live in models/, the rest in core/.
    QStringList args = app.arguments().mid(1);
    // --password-file F / MARKETLENS_PASSWORD: how every command opens encrypted projects.
    if (const int rc = marketlens::core::cli::installPasswordOptions(args, err); rc != 0)
        return rc;
    const int code = marketlens::models::isModelCliCommand(args.value(0))
                         ? marketlens::models::runModelCli(args, out, err)
                         : marketlens::core::runCli(args, out, err);
    out.flush();
    err.flush();
    return code;
}
