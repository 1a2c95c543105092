#include "main_window.h"

#include "about_dialog.h"
#include "forecast/forecast_view.h"
#include "import_controller.h"
#include "import_options_dialog.h"
#include "import_report_dialog.h"
#include "inspector_panel.h"
#include "issues_panel.h"
#include "jobs_bar.h"
#include "news/news_view.h"
#include "portfolio_editor.h"
#include "price_chart_view.h"
#include "prices_tab.h"
#include "project_controller.h"
#include "project_passwords.h"
#include "project_tree.h"
#include "risk/risk_view.h"
#include "signals/signals_view.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

#include <exception>
#include <memory>

// The icons are compiled into the static marketlens_ui library; its resource initialiser is only
// linked when referenced, so register it explicitly (outside any namespace, as Qt requires).
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace marketlens::ui {

namespace {
constexpr auto kImportJob = "import";

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// A dropped project file (.mlens) is opened rather than imported; empty when none was dropped.
QString droppedProject(const QMimeData* mime)
{
    const auto urls = mime && mime->hasUrls() ? mime->urls() : QList<QUrl>{};
    for (const QUrl& url : urls) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".mlens")))
            return url.toLocalFile();
    }
    return {};
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    initIconResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/marketlens.svg")));
    setAcceptDrops(true);
    setDocumentMode(false);

    m_project = new ProjectController(this);
    m_import = new ImportController(this);
    m_passwords = new ProjectPasswords(m_project, this); // its lock marker leads the status bar
    connect(m_passwords, &ProjectPasswords::failed, this,
        [this](const QString& text, const QString& file) {
            m_issues->addIssue(IssuesPanel::Severity::Error, file, 0, text);
            appendLog(text);
        });
    connect(m_passwords, &ProjectPasswords::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
        appendLog(text);
    });

    m_prices = new PricesTab(m_project, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_prices, QIcon(QStringLiteral(":/icons/instrument.svg")), tr("Prices"));
    auto* risk = new RiskView(m_project, this);
    m_tabs->addTab(risk, QIcon(QStringLiteral(":/icons/portfolio.svg")), tr("Risk"));
    connect(risk, &RiskView::runFailed, this, &MainWindow::appendLog);
    m_forecasts = new ForecastView(m_project, this);
    m_tabs->addTab(m_forecasts, QIcon(QStringLiteral(":/icons/model.svg")), tr("Forecasts"));
    connect(m_forecasts, &ForecastView::errorOccurred, this, &MainWindow::reportError);
    connect(m_forecasts, &ForecastView::message, this, &MainWindow::appendLog);
    m_news = new NewsView(m_project, this);
    m_tabs->addTab(m_news, QIcon(QStringLiteral(":/icons/news.svg")), tr("News"));
    connect(m_news, &NewsView::errorOccurred, this, &MainWindow::reportError);
    connect(m_news, &NewsView::message, this, &MainWindow::appendLog);
    connect(m_news, &NewsView::busyChanged, this, &MainWindow::updateActions);
    m_signals = new SignalsView(m_project, this);
    m_tabs->addTab(m_signals, QIcon(QStringLiteral(":/icons/model.svg")), tr("Signals"));
    connect(m_signals, &SignalsView::errorOccurred, this, &MainWindow::reportError);
    connect(m_signals, &SignalsView::message, this, &MainWindow::appendLog);
    setCentralWidget(m_tabs);

    m_tree = new ProjectTree(m_project, this);
    m_inspector = new InspectorPanel(this);
    m_issues = new IssuesPanel(this);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setObjectName(QStringLiteral("logView"));

    m_portfolioEditor = new PortfolioEditor(m_project, this);
    m_portfolioEditor->attach(m_prices, m_tree);
    connect(m_portfolioEditor, &PortfolioEditor::errorOccurred, this,
        [this](const QString& title, const QString& text) { reportError(title, text); });
    connect(m_portfolioEditor, &PortfolioEditor::rejected, this, [this](const QString& text) {
        statusBar()->showMessage(text, 10000);
        appendLog(text);
    });
    connect(m_portfolioEditor, &PortfolioEditor::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
        appendLog(text);
    });
    connect(m_portfolioEditor, &PortfolioEditor::portfolioChanged, m_prices,
        &PricesTab::showPortfolio);
    connect(m_portfolioEditor, &PortfolioEditor::portfolioChanged, risk,
        &RiskView::markPortfolioEdited);

    createActions();
    createMenus();
    createDocks();
    createStatusBar();
    m_passwords->setJobsBar(m_jobs);

    connect(m_project, &ProjectController::stateChanged, this, &MainWindow::onProjectStateChanged);
    connect(m_project, &ProjectController::dataReloaded, this, &MainWindow::onDataReloaded);
    connect(m_project, &ProjectController::openFinished, this,
        [this](const QString& path, const QString& error) {
            if (error.isEmpty()) {
                appendLog(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
                return;
            }
            onProjectStateChanged(); // the status bar stops saying "Opening…"
            reportError(tr("Open project"), error, path);
            if (!m_project->isOpen())
                newProject(); // the window's first project: an empty one instead
        });
    connect(m_project, &ProjectController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_tree, &ProjectTree::tickersSelected, this, [this](const QStringList& tickers) {
        if (!tickers.isEmpty())
            m_prices->selectTickers(tickers);
    });
    connect(m_tree, &ProjectTree::instrumentActivated, this, [this](const QString& ticker) {
        m_tabs->setCurrentWidget(m_prices);
        m_prices->selectTickers({ticker});
        m_prices->showInstrumentsTab();
    });
    connect(m_tree, &ProjectTree::portfolioActivated, this, [this](const QString& name) {
        m_tabs->setCurrentWidget(m_prices);
        m_prices->showPortfolio(name);
    });
    connect(m_tree, &ProjectTree::newsActivated, this, [this] { m_tabs->setCurrentWidget(m_news); });
    connect(m_prices, &PricesTab::tickersShown, this, &MainWindow::onTickersShown);
    connect(m_prices, &PricesTab::message, this, &MainWindow::appendLog);

    connect(m_import, &ImportController::started, this,
        [this](const QString& label) { m_jobs->addJob(kImportJob, label); });
    connect(m_import, &ImportController::progress, this,
        [this](qint64 done, qint64 total) { m_jobs->setProgress(kImportJob, done, total); });
    connect(m_import, &ImportController::finished, this, &MainWindow::onImportFinished);

    // Child widgets that accept drops themselves (the chart's graphics view, item views) would
    // swallow file drags; the filter routes them to this window so files can land anywhere.
    qApp->installEventFilter(this);

    restoreSettings();
    updateRecentMenu();
    onProjectStateChanged();
}

MainWindow::~MainWindow() = default;

QString MainWindow::projectPath() const
{
    return m_project->path();
}
bool MainWindow::isUntitled() const
{
    return m_project->isUntitled();
}
HoldingsModel* MainWindow::holdingsModel() const
{
    return m_prices->holdingsModel();
}
InstrumentsModel* MainWindow::instrumentsModel() const
{
    return m_prices->instrumentsModel();
}
PriceChartView* MainWindow::chartView() const
{
    return m_prices->chart();
}
QString MainWindow::saveStateText() const
{
    return m_saveLabel->text();
}

// ---------------------------------------------------------------- project

bool MainWindow::newProject()
{
    if (auto st = m_project->newProject(); !st) {
        reportError(tr("New project"),
            tr("Cannot create a new project: %1").arg(qs(st.error().toString())),
            qs(st.error().file));
        return false;
    }
    appendLog(tr("New untitled project"));
    return true;
}

bool MainWindow::openProject(const QString& path)
{
    // An encrypted project asks for its password first; Cancel keeps the current project.
    if (!m_passwords->unlockForOpen(path))
        return false;
    if (m_project->opensInBackground(path)) {
        m_project->openProjectInBackground(path); // onOpenFinished() follows
        m_saveLabel->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
        return true;
    }
    if (auto st = m_project->openProject(path); !st) {
        // The core message names the file and says why (not a project, corrupt, too new).
        reportError(tr("Open project"), qs(st.error().toString()), path);
        return false;
    }
    appendLog(tr("Opened %1").arg(QDir::toNativeSeparators(m_project->path())));
    return true;
}

bool MainWindow::saveProjectAs(const QString& path)
{
    if (auto st = m_project->saveAs(path); !st) {
        reportError(tr("Save As"), qs(st.error().toString()), path);
        return false;
    }
    appendLog(tr("Saved as %1").arg(QDir::toNativeSeparators(m_project->path())));
    return true;
}

void MainWindow::onNew()
{
    if (maybeKeepUntitled())
        newProject();
}

void MainWindow::onOpen()
{
    if (!maybeKeepUntitled())
        return;
    const QString dir = m_project->isUntitled()
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        : QFileInfo(m_project->path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Project"), dir, tr("MarketLens projects (*.mlens);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::onSaveAs()
{
    const QString suggested = m_project->isUntitled()
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            + QStringLiteral("/Untitled.mlens")
        : m_project->path();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Project As"), suggested, tr("MarketLens projects (*.mlens)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mlens");
    saveProjectAs(path);
}

bool MainWindow::maybeKeepUntitled()
{
    if (!m_project->hasUnsavedData())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved project"),
        tr("The untitled project holds data that has not been saved to a file. Save it first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    onSaveAs();
    return !m_project->hasUnsavedData();
}

void MainWindow::onProjectStateChanged()
{
    updateActions(); // first: it refreshes whether the project is encrypted
    // "[*]" is Qt's placeholder for the modified marker: shown only while isWindowModified().
    // An encrypted project says so in the title too (task bars and window lists show it).
    setWindowTitle(m_passwords->isEncrypted()
            ? tr("%1[*] (encrypted) — MarketLens").arg(m_project->displayName())
            : tr("%1[*] — MarketLens").arg(m_project->displayName()));
    setWindowModified(m_project->hasUnsavedData());
    if (!m_project->isOpen())
        m_saveLabel->setText(tr("No project"));
    else if (m_project->isUntitled())
        m_saveLabel->setText(
            m_project->hasUnsavedData() ? tr("Not saved to a file yet") : tr("Untitled project"));
    else
        m_saveLabel->setText(tr("All changes saved"));
}

void MainWindow::onDataReloaded()
{
    m_tree->reload();
    m_prices->reload();
}

void MainWindow::onTickersShown(const QStringList& tickers)
{
    m_tree->setSelectedTickers(tickers);
    if (!tickers.isEmpty())
        m_signals->setCurrentTicker(tickers.first());
    if (tickers.isEmpty()) {
        m_inspector->showNothing();
        return;
    }
    auto series = m_project->prices(tickers.first());
    if (series)
        m_inspector->showInstrument(*series, int(tickers.size()) - 1);
    else
        m_inspector->showNothing();
}

void MainWindow::updateActions()
{
    const bool idle = !m_import->isBusy() && !m_news->isBusy();
    m_newAction->setEnabled(idle);
    m_openAction->setEnabled(idle);
    m_recentMenu->setEnabled(idle);
    m_saveAsAction->setEnabled(idle && m_project->isOpen());
    m_importAction->setEnabled(idle && m_project->isOpen());
    m_importOptionsAction->setEnabled(idle && m_project->isOpen());
    m_trainForecasterAction->setEnabled(idle && m_project->isOpen());
    m_portfolioEditor->updateActions(); // reads the busy state the import set
    m_news->updateActions();
    m_signals->updateActions();
    m_passwords->updateActions(idle);
}

// ---------------------------------------------------------------- import

bool MainWindow::isImportableFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt")
        || suffix == QLatin1String("tsv") || suffix == QLatin1String("xlsx")
        || core::news::looksLikeNewsFile(path.toStdString()); // .json .xml .rss .atom ...
}

QStringList MainWindow::importableFiles(const QMimeData* mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const auto urls = mime->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile() && isImportableFile(url.toLocalFile()))
            files << url.toLocalFile();
    }
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if ((!importableFiles(event->mimeData()).isEmpty() && !m_import->isBusy()
            && m_project->isOpen())
        || (!droppedProject(event->mimeData()).isEmpty() && m_openAction->isEnabled()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if ((!importableFiles(event->mimeData()).isEmpty() && !m_import->isBusy())
        || (!droppedProject(event->mimeData()).isEmpty() && m_openAction->isEnabled()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = importableFiles(event->mimeData());
    if (const QString project = droppedProject(event->mimeData());
        files.isEmpty() && !project.isEmpty() && m_openAction->isEnabled()) {
        event->acceptProposedAction();
        // From the event loop: the password dialog must not run inside the drop's delivery.
        QMetaObject::invokeMethod(
            this,
            [this, project] {
                if (maybeKeepUntitled())
                    openProject(project);
            },
            Qt::QueuedConnection);
        return;
    }
    if (files.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    importFiles(files);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QMainWindow::eventFilter(watched, event);
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget == this || widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    auto* drag = static_cast<QDropEvent*>(event);
    if (importableFiles(drag->mimeData()).isEmpty() && droppedProject(drag->mimeData()).isEmpty())
        return QMainWindow::eventFilter(watched, event); // not ours: normal handling
    if (type == QEvent::DragEnter)
        dragEnterEvent(static_cast<QDragEnterEvent*>(event));
    else if (type == QEvent::DragMove)
        dragMoveEvent(static_cast<QDragMoveEvent*>(event));
    else
        dropEvent(drag);
    return true;
}

void MainWindow::onImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Files"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Price, holdings and news files (*.csv *.tsv *.txt *.xlsx *.json *.jsonl *.ndjson "
           "*.xml *.rss *.atom);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void MainWindow::onImportWithOptions()
{
    ImportOptionsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const core::ImportOptions options = dialog.options();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Files"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Price and holdings files (*.csv *.tsv *.txt *.xlsx);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files, options);
}

bool MainWindow::importFiles(const QStringList& files, const core::ImportOptions& options)
{
    if (files.isEmpty())
        return false;
    if (m_import->isBusy() || m_news->isBusy()) {
        appendLog(tr("An import is already running; wait for it to finish."));
        return false;
    }
    if (!m_project->isOpen() && !newProject())
        return false;
    // News files go to the News tab's import job; other files follow when it has ended.
    QStringList prices = files;
    if (const QStringList news = takeNewsFiles(prices); !news.isEmpty()) {
        m_issues->clear();
        if (!m_news->importNews(news))
            return false;
        if (!prices.isEmpty()) {
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(m_news->controller(), &NewsController::finished, this,
                [this, once, prices, options] {
                    disconnect(*once);
                    importFiles(prices, options);
                });
        }
        return true;
    }
    // The job's transaction locks the file: the window reads only cached data meanwhile.
    m_project->setBusy(true);
    if (!m_import->start(m_project->path(), prices, options)) {
        m_project->setBusy(false);
        return false;
    }
    m_issues->clear();
    appendLog(tr("Import started: %1").arg(prices.join(QStringLiteral(", "))));
    updateActions();
    return true;
}

void MainWindow::onImportFinished(bool ok)
{
    m_jobs->removeJob(kImportJob);
    if (!ok) {
        m_project->setBusy(false);
        updateActions();
        const core::Error& error = m_import->error();
        if (error.code == core::ErrorCode::Cancelled) {
            appendLog(tr("Import cancelled; the project is unchanged."));
        } else {
            reportError(tr("Import failed"),
                tr("Nothing was imported.\n\n%1").arg(qs(error.toString()))
                    + (error.code == core::ErrorCode::BadData
                            ? tr("\n\nTo set the file layout or date format yourself, use File > "
                                 "Import Files With Options.")
                            : QString()),
                qs(error.file));
        }
        Q_EMIT importFinished(false);
        return;
    }

    const core::ImportResult& result = m_import->result();
    for (const auto& f : result.files) {
        for (const auto& bad : f.rejected)
            m_issues->addIssue(IssuesPanel::Severity::Rejected,
                qs(bad.file.empty() ? f.file : bad.file), bad.line, qs(bad.reason));
        for (const auto& w : f.warnings)
            m_issues->addIssue(IssuesPanel::Severity::Warning, qs(f.file), 0, qs(w));
    }
    if (result.rowsRejected() == 0) {
        finishImport(true);
        return;
    }
    auto* dialog = new ImportReportDialog(result, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this,
        [this](int code) { finishImport(code == QDialog::Accepted); });
    dialog->open();
    Q_EMIT importReportShown(dialog);
}

void MainWindow::finishImport(bool commit)
{
    const core::ImportResult result = m_import->result();
    bool committed = false;
    if (commit) {
        if (auto st = m_import->commit(); !st) {
            m_project->setBusy(false);
            reportError(tr("Import failed"),
                tr("The import could not be saved; the project is unchanged.\n\n%1")
                    .arg(qs(st.error().toString())),
                qs(st.error().file));
        } else {
            committed = true;
        }
    } else {
        m_import->rollback();
        appendLog(tr("Import aborted; the project is unchanged."));
    }
    m_project->setBusy(false);
    if (committed) {
        for (const auto& f : result.files) {
            appendLog(tr("Imported %1 (%2): %3 rows accepted, %4 rejected")
                          .arg(QFileInfo(qs(f.file)).fileName(), importKindLabel(f.kind),
                              QLocale().toString(qlonglong(f.rowsAccepted)),
                              QLocale().toString(qlonglong(f.rowsRejected))));
        }
        if (auto st = m_project->reload(); !st)
            reportError(tr("Reload"), qs(st.error().toString()), m_project->path());
        const QString rows = QLocale().toString(qlonglong(result.rowsAccepted()));
        statusBar()->showMessage(m_project->isUntitled()
                ? tr("Imported %1 rows (untitled project: use Save As to "
                     "keep it)")
                      .arg(rows)
                : tr("Imported %1 rows; all changes saved").arg(rows),
            8000);
    }
    updateActions();
    Q_EMIT importFinished(committed);
}

// ---------------------------------------------------------------- misc

void MainWindow::reportError(const QString& title, const QString& message, const QString& file)
{
    m_issues->addIssue(IssuesPanel::Severity::Error, file, 0, message);
    appendLog(title + QLatin1String(": ") + message);
    // Non-blocking (window-modal) so that callers, timers and tests keep running.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::appendLog(const QString& text)
{
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
}

void MainWindow::copySelection()
{
    auto* view = qobject_cast<QAbstractItemView*>(QApplication::focusWidget());
    if (!view || !view->selectionModel())
        return;
    QModelIndexList indexes = view->selectionModel()->selectedIndexes();
    std::sort(indexes.begin(), indexes.end());
    QString text;
    int row = -1;
    for (const QModelIndex& index : indexes) {
        if (row != -1)
            text += index.row() == row ? QLatin1Char('\t') : QLatin1Char('\n');
        row = index.row();
        // Dates as ISO (sortable, read by any program), not in the UI's locale format.
        const QVariant edit = index.data(Qt::EditRole);
        if (edit.typeId() == QMetaType::QDate)
            text += edit.toDate().toString(Qt::ISODate);
        else if (edit.typeId() == QMetaType::QDateTime)
            text += edit.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        else
            text += index.data().toString();
    }
    QApplication::clipboard()->setText(text);
}

void MainWindow::onAbout()
{
    showAboutDialog(this); // versions of Qt, LibTorch, SQLite, Boost; Copy for bug reports
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    try {
        if (!maybeKeepUntitled()) {
            event->ignore();
            return;
        }
        if (m_import->isRunning()) {
            m_import->cancel();
            appendLog(tr("Cancelling the running import before quitting."));
        }
        saveSettings();
        event->accept();
    } catch (const std::exception&) {
        event->accept();
    }
}

} // namespace marketlens::ui
