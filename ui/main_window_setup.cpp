// MainWindow construction: actions, menus, docks, status bar and persisted window state.
// The behaviour (project, import, drag and drop) lives in main_window.cpp.
#include "main_window.h"

#include "forecast/forecast_view.h"
#include "import_controller.h"
#include "inspector_panel.h"
#include "issues_panel.h"
#include "jobs_bar.h"
#include "news/news_view.h"
#include "portfolio_editor.h"
#include "chart_export.h"
#include "price_chart_view.h"
#include "prices_tab.h"
#include "project_controller.h"
#include "project_passwords.h"
#include "project_tree.h"
#include "report/report_dialog.h"
#include "signals/signals_view.h"
#include "translation.h"
#include "app_settings.h"
#include "preferences_dialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

namespace marketlens::ui {

namespace {
QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QAction* placeholder(QMenu* menu, const QString& text)
{
    QAction* a = menu->addAction(text);
    a->setEnabled(false);
    a->setToolTip(MainWindow::tr("Arrives with a later version of MarketLens"));
    return a;
}

// Chinese and Japanese translations write mnemonics as "文件(&F)"; Qt strips only the '&' from a
// tool button's text, which would show "新建项目(N)". Drop the whole "(&X)" there.
void stripBracketMnemonics(const QList<QAction*>& actions)
{
    static const QRegularExpression bracketMnemonic(QStringLiteral("\\(&[^&]\\)"));
    for (QAction* a : actions) {
        if (a->text().contains(bracketMnemonic))
            a->setIconText(QString(a->text()).remove(bracketMnemonic).remove(QLatin1Char('&')));
    }
}

// View > Language: stores the choice (AppSettings, the same key as Edit > Preferences, whose
// changes it shows); translators are installed at start-up (gui_app.cpp).
void addLanguageMenu(MainWindow* window, QMenu* view)
{
    QMenu* menu = view->addMenu(MainWindow::tr("&Language"));
    menu->setToolTipsVisible(true);
    auto* group = new QActionGroup(menu);
    const QString current = AppSettings::instance().language();
    // Language names are written in their own language (not translated) so that anyone can find
    // theirs whatever the current language is.
    const std::pair<QString, QString> choices[] = {
        {QStringLiteral("system"), MainWindow::tr("&System Language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
    };
    for (const auto& [code, text] : choices) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setActionGroup(group);
        a->setData(code);
        a->setToolTip(MainWindow::tr("Takes effect when MarketLens is restarted"));
        QObject::connect(a, &QAction::triggered, window, [window, code] {
            AppSettings::instance().setLanguage(code);
            window->statusBar()->showMessage(
                MainWindow::tr("The language change applies after MarketLens is restarted."),
                10000);
        });
    }
    QObject::connect(&AppSettings::instance(), &AppSettings::preferencesChanged, menu,
        [group](const Preferences& now) {
            for (QAction* a : group->actions())
                a->setChecked(a->data().toString() == now.language);
        });
}
} // namespace

void MainWindow::createActions()
{
    m_newAction = new QAction(icon("document-new"), tr("&New Project"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Start an untitled project (Ctrl+N)"));
    m_newAction->setStatusTip(m_newAction->toolTip());
    connect(m_newAction, &QAction::triggered, this, &MainWindow::onNew);

    m_openAction = new QAction(icon("document-open"), tr("&Open Project…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a MarketLens project file (.mlens) (Ctrl+O)"));
    m_openAction->setStatusTip(m_openAction->toolTip());
    connect(m_openAction, &QAction::triggered, this, &MainWindow::onOpen);

    m_saveAsAction = new QAction(icon("document-save-as"), tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAsAction->setToolTip(
        tr("Copy the project to a new file and continue there (Ctrl+Shift+S). There is no "
           "\"Save\": every change is written to the project file at once."));
    m_saveAsAction->setStatusTip(m_saveAsAction->toolTip());
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::onSaveAs);

    m_importAction = new QAction(icon("import"), tr("&Import Files…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import price or holdings CSV files (Ctrl+I); you can also "
                                  "drop files onto the window"));
    m_importAction->setStatusTip(m_importAction->toolTip());
    connect(m_importAction, &QAction::triggered, this, &MainWindow::onImport);

    m_importOptionsAction = new QAction(tr("Import Files With &Options…"), this);
    m_importOptionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_importOptionsAction->setToolTip(
        tr("Import with an explicit file layout, date format, ticker or portfolio name "
           "(Ctrl+Shift+I)"));
    m_importOptionsAction->setStatusTip(m_importOptionsAction->toolTip());
    connect(m_importOptionsAction, &QAction::triggered, this, &MainWindow::onImportWithOptions);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_quitAction->setToolTip(tr("Quit MarketLens (Ctrl+Q)"));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_copyAction = new QAction(tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setToolTip(tr("Copy the selected table rows as tab-separated text"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelection);

    m_selectAllAction = new QAction(tr("Select All &Instruments"), this);
    m_selectAllAction->setToolTip(tr("Overlay every instrument in the chart"));
    connect(m_selectAllAction, &QAction::triggered, this, [this] {
        QStringList all;
        for (const auto& info : m_project->instruments())
            all << QString::fromStdString(info.ticker);
        m_prices->selectTickers(all);
        m_tree->setSelectedTickers(all);
    });

    m_clearIssuesAction = new QAction(tr("Clear &Issues"), this);
    m_clearIssuesAction->setToolTip(tr("Empty the Issues panel"));
    connect(m_clearIssuesAction, &QAction::triggered, this, [this] { m_issues->clear(); });

    m_trainForecasterAction = new QAction(icon("model"), tr("&Train Forecaster…"), this);
    m_trainForecasterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_trainForecasterAction->setToolTip(
        tr("Train a neural forecaster on an instrument's prices and compare it with the naive "
           "forecast (Ctrl+T)"));
    m_trainForecasterAction->setStatusTip(m_trainForecasterAction->toolTip());
    connect(m_trainForecasterAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_forecasts);
        m_forecasts->showTrainingDialog(false);
    });

    m_aboutAction = new QAction(icon("marketlens"), tr("&About MarketLens"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setToolTip(tr("Version, license and how saving works"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setToolTipsVisible(true);
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setToolTipsVisible(true);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    m_passwords->addToMenu(file); // Set/Change/Remove Password… (encrypted projects)
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_importOptionsAction);
    file->addSeparator();
    addExportMenuActions(file, this); // Export Chart…, Export Table… (focused or visible one)
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setToolTipsVisible(true);
    edit->addAction(m_portfolioEditor->undoAction());
    edit->addAction(m_portfolioEditor->redoAction());
    edit->addSeparator();
    edit->addAction(m_copyAction);
    edit->addAction(m_selectAllAction);
    m_portfolioEditor->addToMenu(edit); // Add/Remove Holdings, New/Rename/… Portfolio
    edit->addSeparator();
    edit->addAction(createPreferencesAction(this)); // Preferences… (Ctrl+,)

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setToolTipsVisible(true);
    m_viewMenu->addAction(m_prices->resetZoomAction());
    m_viewMenu->addAction(m_prices->rebaseAction());
    m_viewMenu->addAction(m_prices->candlesticksAction());
    m_viewMenu->addAction(m_prices->newsMarkersAction());
    m_viewMenu->addSeparator(); // dock toggles follow (createDocks)

    QMenu* data = menuBar()->addMenu(tr("&Data"));
    data->setToolTipsVisible(true);
    data->addAction(m_importAction);
    data->addAction(m_importOptionsAction);
    data->addAction(m_news->importAction()); // Import News… (Ctrl+Alt+I)
    data->addAction(m_clearIssuesAction);

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->setToolTipsVisible(true);
    placeholder(analysis, tr("Risk Metrics"));
    placeholder(analysis, tr("Correlation Matrix"));
    QMenu* models = menuBar()->addMenu(tr("&Models"));
    models->setToolTipsVisible(true);
    models->addAction(m_trainForecasterAction);
    models->addSeparator(); // news sentiment: Score News…, Train/Import Sentiment Model…
    for (QAction* a : {m_news->scoreAction(), m_news->trainAction(), m_news->importModelAction()})
        models->addAction(a);
    models->addSeparator();
    QAction* runSignals = models->addAction(icon("model"), tr("Run Trading Si&gnals"));
    runSignals->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    runSignals->setToolTip(tr("Train and backtest a buy/sell signal classifier for the current "
                              "instrument with the Signals tab's settings (Ctrl+Shift+G)"));
    runSignals->setStatusTip(runSignals->toolTip());
    connect(runSignals, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_signals);
        m_signals->run();
    });
    for (QAction* a : {m_news->importAction(), m_news->scoreAction(), m_news->trainAction(),
             m_news->importModelAction()})
        connect(a, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_news); });
    QMenu* report = menuBar()->addMenu(tr("&Report"));
    report->setToolTipsVisible(true);
    QAction* createReport = addReportMenuActions(report, this); // Create Report… (Ctrl+Shift+R)
    connect(m_tree, &ProjectTree::reportsActivated, createReport, &QAction::trigger);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setToolTipsVisible(true);
    help->addAction(m_aboutAction);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_newAction);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAsAction);
    bar->addSeparator();
    bar->addAction(m_importAction);
    bar->addAction(createReport);
    stripBracketMnemonics(bar->actions());
    m_viewMenu->addAction(bar->toggleViewAction());
    addLanguageMenu(this, m_viewMenu);
    m_viewMenu->addSeparator(); // dock toggles follow (createDocks)
}

void MainWindow::createDocks()
{
    setDockNestingEnabled(true);
    auto dock = [this](const QString& title, const char* name, QWidget* content,
                    Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(content);
        d->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
            | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        QAction* toggle = d->toggleViewAction();
        toggle->setToolTip(tr("Show or hide the %1 panel").arg(title));
        m_viewMenu->addAction(toggle);
        return d;
    };
    m_projectDock = dock(tr("Project"), "projectDock", m_tree, Qt::LeftDockWidgetArea);
    m_inspectorDock = dock(tr("Inspector"), "inspectorDock", m_inspector, Qt::RightDockWidgetArea);
    m_issuesDock = dock(tr("Issues"), "issuesDock", m_issues, Qt::BottomDockWidgetArea);
    m_logDock = dock(tr("Log"), "logDock", m_log, Qt::BottomDockWidgetArea);
    m_projectDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    m_inspectorDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    m_issuesDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_3));
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_4));
    tabifyDockWidget(m_issuesDock, m_logDock);
    m_issuesDock->raise();
    // Docks take the corners so the bottom panels span only the central area.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({m_projectDock, m_inspectorDock}, {300, 270}, Qt::Horizontal);
    resizeDocks({m_issuesDock}, {110}, Qt::Vertical);

    // The bottom panels start hidden (the status bar has buttons for them); new issues bring
    // the Issues panel up so that rejected rows and errors are never missed.
    m_issuesDock->hide();
    m_logDock->hide();
    connect(m_issues, &IssuesPanel::countChanged, this, [this](int n) {
        if (n > 0 && !m_issuesDock->isVisible()) {
            m_issuesDock->show();
            m_issuesDock->raise();
        }
        const QString title = n > 0 ? tr("Issues (%1)").arg(n) : tr("Issues");
        m_issuesDock->setWindowTitle(title);
        m_issuesButton->setText(title);
    });
}

void MainWindow::createStatusBar()
{
    m_jobs = new JobsBar(this);
    statusBar()->addWidget(m_jobs);
    connect(m_jobs, &JobsBar::cancelRequested, m_import, &ImportController::cancel);

    m_saveLabel = new QLabel(this);
    m_saveLabel->setToolTip(
        tr("MarketLens writes every change to the project file immediately; the file on disk is "
           "always the saved state. An untitled project lives in a temporary folder until you "
           "use Save As."));
    statusBar()->addPermanentWidget(m_saveLabel);

    auto toggleButton = [this](QDockWidget* d, const QString& text) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setAutoRaise(true);
        b->setToolTip(tr("Show the %1 panel").arg(d->windowTitle()));
        connect(b, &QToolButton::clicked, this, [d] {
            d->show();
            d->raise();
        });
        statusBar()->addPermanentWidget(b);
        return b;
    };
    m_issuesButton = toggleButton(m_issuesDock, tr("Issues"));
    toggleButton(m_logDock, tr("Log"));
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_project->recentFiles();
    int n = 0;
    for (const QString& path : files) {
        ++n;
        QAction* a
            = m_recentMenu->addAction(tr("&%1 %2").arg(n % 10).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeKeepUntitled())
                openProject(path);
        });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    }
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, m_project, &ProjectController::clearRecentFiles);
    updateActions();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("mainWindow/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QSize size(1440, 900);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.92);
        resize(size);
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_prices->restoreState();
    m_news->restoreState();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    m_prices->saveState();
    m_news->saveState();
}

} // namespace marketlens::ui
