#include "gui_app.h"

#include "core/demo_project.h"
#include "issues_panel.h"
#include "main_window.h"
#include "translation.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

namespace marketlens::ui {

int runGui(int& argc, char** argv, const QString& projectPath)
{
    QApplication app(argc, argv);
    if (QApplication::applicationName().isEmpty()
        || QApplication::applicationName() == QFileInfo(QString::fromLocal8Bit(argv[0])).fileName())
        QApplication::setApplicationName(QStringLiteral("MarketLens"));
    if (QApplication::organizationName().isEmpty())
        QApplication::setOrganizationName(QStringLiteral("MarketLens"));
    if (QApplication::applicationVersion().isEmpty())
        QApplication::setApplicationVersion(QStringLiteral(MARKETLENS_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("MarketLens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/marketlens.svg")));
    const QSettings settings;
    installTranslations(app,
        settings.value(QLatin1String(kLanguageSettingsKey), QStringLiteral("system")).toString());

    MainWindow window;
    bool opened = false;
    if (!projectPath.isEmpty()) {
        opened = window.openProject(projectPath);
    } else {
        auto demo = core::ensureDemoProject();
        if (demo) {
            opened = window.openProject(QString::fromStdString(*demo));
        } else {
            window.issuesPanel()->addIssue(IssuesPanel::Severity::Error,
                QString::fromStdString(demo.error().file), 0,
                QObject::tr("The demo project could not be created: %1")
                    .arg(QString::fromStdString(demo.error().toString())));
        }
    }
    if (!opened)
        window.newProject();
    window.show();
    return app.exec();
}

} // namespace marketlens::ui
