#include "gui_app.h"

#include "core/demo_project.h"
#include "issues_panel.h"
#include "main_window.h"
#include "preferences_dialog.h"
#include "translation.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>

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
    const QString language = AppSettings::instance().language();
    installTranslations(app, language);
    // Numbers and dates in the UI follow the chosen language (QLocale()), not only the system's.
    if (language != QLatin1String("system"))
        QLocale::setDefault(QLocale(language));
    installPreferenceEffects(); // theme, torch threads; live when changed in Preferences

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
