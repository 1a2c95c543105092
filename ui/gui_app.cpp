#include "gui_app.h"

#include "core/demo_project.h"
#include "issues_panel.h"
#include "main_window.h"
#include "preferences_dialog.h"
#include "translation.h"

#include <QApplication>
#include <QFileInfo>
#include <QFileOpenEvent>
#include <QIcon>
#include <QLocale>
#include <QUrl>

#include <utility>

namespace marketlens::ui {

FileOpenHandler::FileOpenHandler(QObject* parent)
    : QObject(parent)
{
}

void FileOpenHandler::setWindow(MainWindow* window)
{
    m_window = window;
    openPending();
}

bool FileOpenHandler::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::FileOpen)
        return QObject::eventFilter(watched, event);
    const auto* open = static_cast<QFileOpenEvent*>(event);
    const QString path = open->file().isEmpty() ? open->url().toLocalFile() : open->file();
    if (path.isEmpty())
        return false;
    m_pending << path;
    // Opened from the event loop: openProject may show a message box, which must not run inside
    // the platform's delivery of the event.
    QMetaObject::invokeMethod(this, &FileOpenHandler::openPending, Qt::QueuedConnection);
    return true;
}

void FileOpenHandler::openPending()
{
    if (!m_window)
        return;
    const QStringList files = std::exchange(m_pending, {});
    for (const QString& file : files)
        m_window->openProject(file);
}

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
    QGuiApplication::setDesktopFileName(QStringLiteral("marketlens"));
    auto* fileOpen = new FileOpenHandler(&app);
    app.installEventFilter(fileOpen);
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
    fileOpen->setWindow(&window);
    const int code = app.exec();
    fileOpen->setWindow(nullptr);
    return code;
}

} // namespace marketlens::ui
