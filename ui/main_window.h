#pragma once
// MainWindow: the MarketLens application window (see shared UX.md): menus, the "Project" tree
// (left dock), central tabs (the "Prices" tab: chart over holdings/instruments tables), the
// "Inspector" (right dock), the jobs bar in the status bar and the "Issues" and "Log" panels.
//
// Save semantics: every operation commits to the .mlens file at once; the file on disk is the
// saved state (see ProjectController). An "Untitled" project lives in a temporary folder and is
// marked modified ("Untitled[*]") while it holds data never saved to a chosen file.
//
// Files dropped anywhere on the window (or chosen with File > Import Files) are imported off the
// GUI thread by an ImportController; while the job runs (and until its report is answered) the
// actions that would touch the project are disabled. Slots never let an exception escape:
// failures are shown in a message box and listed in the Issues panel with the file name.

#include "core/price_import.h"

#include <QMainWindow>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QMimeData;
class QPlainTextEdit;
class QTabWidget;
class QToolButton;

namespace marketlens::ui {

class HoldingsModel;
class ImportController;
class ImportReportDialog;
class InspectorPanel;
class InstrumentsModel;
class IssuesPanel;
class JobsBar;
class PriceChartView;
class PortfolioEditor;
class PricesTab;
class ProjectController;
class ProjectPasswords;
class ProjectTree;
class ForecastView;
class NewsView;
class SignalsView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Programmatic entry points (also used by tests). Errors are reported to the user
    // (message box + Issues panel) and the return value says whether it worked.
    bool newProject();
    // A large file (ProjectController::opensInBackground()) opens on a worker thread: true
    // then says that the open started; ProjectController::openFinished() tells the end (its
    // errors are reported like the others).
    bool openProject(const QString& path);
    bool saveProjectAs(const QString& path);
    // Starts an asynchronous import; importFinished() follows. False when nothing was started.
    bool importFiles(const QStringList& files, const core::ImportOptions& options = {});
    // Shows an error in a (non-blocking) message box and in the Issues panel.
    void reportError(const QString& title, const QString& message, const QString& file = {});
    void appendLog(const QString& text);

    QString projectPath() const;
    bool isUntitled() const;
    ProjectController* projectController() const { return m_project; }
    // Encrypted projects: unlocking on open, File > Set/Change/Remove Password, lock marker.
    ProjectPasswords* projectPasswords() const { return m_passwords; }
    ImportController* importController() const { return m_import; }
    HoldingsModel* holdingsModel() const;
    InstrumentsModel* instrumentsModel() const;
    PriceChartView* chartView() const;
    PricesTab* pricesTab() const { return m_prices; }
    ProjectTree* projectTree() const { return m_tree; }
    InspectorPanel* inspector() const { return m_inspector; }
    IssuesPanel* issuesPanel() const { return m_issues; }
    JobsBar* jobsBar() const { return m_jobs; }
    ForecastView* forecastView() const { return m_forecasts; }
    // The News tab; news files given to importFiles() go to its import job.
    NewsView* newsView() const { return m_news; }
    // The Signals tab (follows the current instrument of the Prices tab).
    SignalsView* signalsView() const { return m_signals; }
    // Undoable edits of portfolios and holdings (Edit menu, holdings table, project tree).
    PortfolioEditor* portfolioEditor() const { return m_portfolioEditor; }
    QString saveStateText() const;

    // File suffixes accepted by drag and drop as import input.
    static bool isImportableFile(const QString& path);

Q_SIGNALS:
    // After an import ended: committed is false for errors, cancel and "Abort import".
    void importFinished(bool committed);
    // The report dialog of an import with rejected rows was opened (tests answer it).
    void importReportShown(ImportReportDialog* dialog);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;

    void onNew();
    void onOpen();
    void onSaveAs();
    void onImport();
    void onImportWithOptions();
    void onAbout();
    void onImportFinished(bool ok);
    void finishImport(bool commit);
    void onProjectStateChanged();
    void onDataReloaded();
    void onTickersShown(const QStringList& tickers);
    void updateRecentMenu();
    void updateActions();
    void copySelection();
    // Asks Save/Discard/Cancel for an untitled project with data; true when it may be dropped.
    bool maybeKeepUntitled();
    static QStringList importableFiles(const QMimeData* mime);

    ProjectController* m_project = nullptr;
    ImportController* m_import = nullptr;
    ProjectPasswords* m_passwords = nullptr;
    QTabWidget* m_tabs = nullptr;
    PricesTab* m_prices = nullptr;
    ForecastView* m_forecasts = nullptr;
    NewsView* m_news = nullptr;
    SignalsView* m_signals = nullptr;
    PortfolioEditor* m_portfolioEditor = nullptr;
    ProjectTree* m_tree = nullptr;
    InspectorPanel* m_inspector = nullptr;
    IssuesPanel* m_issues = nullptr;
    QPlainTextEdit* m_log = nullptr;
    JobsBar* m_jobs = nullptr;
    QLabel* m_saveLabel = nullptr;
    QToolButton* m_issuesButton = nullptr;
    QDockWidget* m_projectDock = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    QDockWidget* m_issuesDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_importOptionsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_selectAllAction = nullptr;
    QAction* m_clearIssuesAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_trainForecasterAction = nullptr;
};

} // namespace marketlens::ui
