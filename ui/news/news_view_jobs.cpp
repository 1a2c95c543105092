// NewsView: the actions, the jobs they start (through NewsController), the jobs bar entry and
// the dialogs around them (import report, model choice, training settings and result).
#include "news_view.h"

#include "news_model.h"
#include "sentiment_train_dialog.h"

#include "ui/issues_panel.h"
#include "ui/jobs_bar.h"
#include "ui/model_import_confirm.h"
#include "ui/project_controller.h"

#include "core/news/news_store.h"
#include "models/sentiment_scorers.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

namespace marketlens::ui {

namespace cn = core::news;

namespace {
constexpr auto kJobId = "news";

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// What an import with rejected items would write, and the rejected items (file, line or item,
// reason). Accept = import the rest, reject = abort.
QDialog* importReportDialog(const cn::NewsImportResult& result, QWidget* parent)
{
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("NewsImportReportDialog"));
    dialog->setWindowTitle(NewsView::tr("News import report"));
    const QLocale locale;
    auto* summary = new QLabel(NewsView::tr("%1 news items can be imported; %2 were rejected and "
                                            "will be skipped. Nothing is written to the project "
                                            "until you choose \"Import\".")
                                   .arg(locale.toString(qlonglong(result.itemsAccepted())),
                                       locale.toString(qlonglong(result.itemsRejected()))),
        dialog);
    summary->setWordWrap(true);
    auto* table = new QTableWidget(dialog);
    table->setObjectName(QStringLiteral("rejectedTable"));
    table->setColumnCount(4);
    table->setHorizontalHeaderLabels(
        {NewsView::tr("File"), NewsView::tr("Line"), NewsView::tr("Item"), NewsView::tr("Reason")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (const auto& f : result.files) {
        for (const auto& bad : f.rejected) {
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0,
                new QTableWidgetItem(
                    QFileInfo(qs(bad.file.empty() ? f.file : bad.file)).fileName()));
            table->setItem(row, 1,
                new QTableWidgetItem(
                    bad.line > 0 ? locale.toString(qlonglong(bad.line)) : QString()));
            table->setItem(row, 2,
                new QTableWidgetItem(
                    bad.itemNumber > 0 ? locale.toString(qlonglong(bad.itemNumber)) : QString()));
            table->setItem(row, 3, new QTableWidgetItem(qs(bad.reason)));
        }
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(dialog);
    QPushButton* import = buttons->addButton(
        NewsView::tr("&Import %n item(s)", nullptr, int(result.itemsAccepted())),
        QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    buttons->addButton(NewsView::tr("&Abort Import"), QDialogButtonBox::RejectRole)
        ->setObjectName(QStringLiteral("abortButton"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    dialog->resize(760, 420);
    return dialog;
}
} // namespace

void NewsView::createActions()
{
    const QIcon newsIcon(QStringLiteral(":/icons/news.svg"));
    m_importAction = new QAction(newsIcon, tr("Import &News…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
    m_importAction->setToolTip(tr("Import news files: CSV, JSON, JSON Lines, RSS/Atom feeds or "
                                  "plain text (Ctrl+Alt+I); you can also drop them onto the "
                                  "window"));
    m_importAction->setStatusTip(m_importAction->toolTip());
    m_importAction->setIconText(tr("Import"));
    connect(m_importAction, &QAction::triggered, this, &NewsView::onImportAction);

    m_scoreAction = new QAction(tr("&Score News…"), this);
    m_scoreAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_scoreAction->setToolTip(tr("Score every news item with a sentiment model: the lexicon, a "
                                 "trained or an imported model (Ctrl+Alt+S)"));
    m_scoreAction->setStatusTip(m_scoreAction->toolTip());
    m_scoreAction->setIconText(tr("Score"));
    connect(m_scoreAction, &QAction::triggered, this, &NewsView::onScoreAction);

    m_trainAction = new QAction(
        QIcon(QStringLiteral(":/icons/model.svg")), tr("Train S&entiment Model…"), this);
    m_trainAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_trainAction->setToolTip(tr("Train a text classifier on the project's labelled news and "
                                 "compare it with the lexicons on held-out folds (Ctrl+Shift+T)"));
    m_trainAction->setStatusTip(m_trainAction->toolTip());
    m_trainAction->setIconText(tr("Train"));
    connect(m_trainAction, &QAction::triggered, this, &NewsView::onTrainAction);

    m_importModelAction = new QAction(tr("Import Sentiment &Model…"), this);
    m_importModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    m_importModelAction->setToolTip(tr("Import a BERT-style TorchScript sentiment model (.pt) "
                                       "with its JSON side file and vocab.txt (Ctrl+Alt+M)"));
    m_importModelAction->setStatusTip(m_importModelAction->toolTip());
    m_importModelAction->setIconText(tr("Import Model"));
    connect(m_importModelAction, &QAction::triggered, this, &NewsView::onImportModelAction);

    m_resetFiltersAction = new QAction(tr("Reset Filters"), this);
    m_resetFiltersAction->setToolTip(tr("Show all news again"));
    connect(m_resetFiltersAction, &QAction::triggered, this, [this] {
        m_restoring = true;
        m_tickerBox->setCurrentIndex(0);
        m_labelBox->setCurrentIndex(0);
        m_fromEdit->setDate(m_fromEdit->minimumDate());
        m_toEdit->setDate(m_toEdit->minimumDate());
        m_minScore->setValue(-1.0);
        m_maxScore->setValue(1.0);
        m_search->clear();
        m_restoring = false;
        applyFilters();
    });
}

void NewsView::connectController()
{
    connect(m_controller, &NewsController::started, this, &NewsView::onStarted);
    connect(m_controller, &NewsController::progress, this, [this](qint64 done, qint64 total) {
        if (JobsBar* jobs = jobsBar())
            jobs->setProgress(QLatin1String(kJobId), done, total);
    });
    connect(m_controller, &NewsController::finished, this, &NewsView::onFinished);
    connect(
        m_controller, &NewsController::importNeedsDecision, this, &NewsView::onImportNeedsDecision);
}

JobsBar* NewsView::jobsBar()
{
    return JobsBar::attach(this, m_jobsBar, QLatin1String(kJobId), [this] { m_controller->cancel(); });
}

void NewsView::updateActions()
{
    const bool idle = m_project->isOpen() && !m_project->isBusy() && !m_controller->isBusy();
    m_importAction->setEnabled(idle);
    m_scoreAction->setEnabled(idle && m_model->rowCount() > 0);
    m_trainAction->setEnabled(idle && m_model->rowCount() > 0);
    m_importModelAction->setEnabled(idle);
}

void NewsView::onStarted(NewsJob job, const QString& label)
{
    // Import and scoring hold a write transaction: the window must not read meanwhile.
    if (job == NewsJob::Import || job == NewsJob::Score) {
        m_project->setBusy(true);
        m_holdsBusy = true;
    }
    if (JobsBar* jobs = jobsBar())
        jobs->addJob(QLatin1String(kJobId), label);
    Q_EMIT message(label);
    updateActions();
    Q_EMIT busyChanged(true);
}

void NewsView::onImportNeedsDecision()
{
    if (JobsBar* jobs = jobsBar())
        jobs->removeJob(QLatin1String(kJobId));
    reportImportIssues();
    QDialog* dialog = importReportDialog(m_controller->importResult(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this](int code) {
        if (code == QDialog::Accepted) {
            if (auto st = m_controller->commitImport(); !st)
                Q_EMIT errorOccurred(tr("News import failed"),
                    tr("The import could not be saved; the project is unchanged.\n\n%1")
                        .arg(qs(st.error().toString())),
                    qs(st.error().file));
        } else {
            m_controller->rollbackImport();
        }
    });
    dialog->open();
    Q_EMIT importReportShown(dialog);
}

void NewsView::reportImportIssues()
{
    IssuesPanel* issues = window() != this ? window()->findChild<IssuesPanel*>() : nullptr;
    if (!issues)
        return;
    for (const auto& f : m_controller->importResult().files) {
        for (const auto& bad : f.rejected)
            issues->addIssue(IssuesPanel::Severity::Rejected,
                qs(bad.file.empty() ? f.file : bad.file), bad.line,
                bad.itemNumber > 0 && bad.line == 0
                    ? tr("item %1: %2").arg(bad.itemNumber).arg(qs(bad.reason))
                    : qs(bad.reason));
        for (const auto& w : f.warnings)
            issues->addIssue(IssuesPanel::Severity::Warning, qs(f.file), 0, qs(w));
    }
}

void NewsView::onFinished(NewsJob job, bool ok)
{
    if (JobsBar* jobs = jobsBar())
        jobs->removeJob(QLatin1String(kJobId));
    if (m_holdsBusy) {
        m_project->setBusy(false);
        m_holdsBusy = false;
    }
    const core::Error& error = m_controller->error();
    const QLocale locale;
    if (!ok) {
        if (error.code == core::ErrorCode::Cancelled)
            Q_EMIT message(tr("News job cancelled; the project is unchanged."));
        else
            Q_EMIT errorOccurred(job == NewsJob::Import ? tr("News import failed")
                    : job == NewsJob::Score             ? tr("Scoring failed")
                    : job == NewsJob::Train             ? tr("Training failed")
                                                        : tr("Model import failed"),
                tr("The project is unchanged.\n\n%1").arg(qs(error.toString())), qs(error.file));
    } else if (job == NewsJob::Import) {
        const auto& result = m_controller->importResult();
        if (result.itemsRejected() == 0)
            reportImportIssues(); // warnings only (with rejections they were listed already)
        for (const auto& f : result.files)
            Q_EMIT message(tr("Imported news from %1: %2 items, %3 rejected, %4 already in the "
                              "project, %5 linked to instruments")
                               .arg(QFileInfo(qs(f.file)).fileName(),
                                   locale.toString(qlonglong(f.itemsAccepted)),
                                   locale.toString(qlonglong(f.itemsRejected)),
                                   locale.toString(qlonglong(f.duplicatesInProject)),
                                   locale.toString(qlonglong(f.itemsLinked))));
    } else if (job == NewsJob::Score) {
        const auto& r = m_controller->scoreResult();
        m_wantedKey = qs(r.modelKey);
        Q_EMIT message(
            tr("Scored %1 news items with %2: %3 positive, %4 neutral, %5 negative")
                .arg(locale.toString(qlonglong(r.itemsScored)), qs(r.modelKey),
                    locale.toString(qlonglong(r.positive)), locale.toString(qlonglong(r.neutral)),
                    locale.toString(qlonglong(r.negative))));
    } else if (job == NewsJob::Train) {
        const SentimentTrainResult& r = m_controller->trainResult();
        Q_EMIT message(tr("Trained sentiment model %1 (%2)").arg(r.name, r.modelKey));
        auto* dialog = new SentimentTrainResultDialog(r, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(
            dialog, &SentimentTrainResultDialog::scoreRequested, this, [this](const QString& key) {
                // Queued: the dialog closes first, then the job starts.
                QMetaObject::invokeMethod(
                    this, [this, key] { scoreNews(key); }, Qt::QueuedConnection);
            });
        dialog->open();
        Q_EMIT trainResultShown(dialog);
    } else if (job == NewsJob::ImportModel) {
        m_wantedKey = QStringLiteral("model:%1").arg(m_controller->importedModelId());
        Q_EMIT message(tr("Imported sentiment model %1; use Score News… to score with it")
                           .arg(m_controller->importedModelName()));
    }
    if (ok) {
        // ProjectController::reload() re-reads the project; its dataReloaded() reloads this
        // view, the project tree and the Prices tab.
        if (auto st = m_project->reload(); !st)
            Q_EMIT errorOccurred(tr("Reload"), qs(st.error().toString()), m_project->path());
        Q_EMIT newsChanged();
    }
    updateActions();
    Q_EMIT busyChanged(false);
}

bool NewsView::importNews(const QStringList& files, const cn::NewsImportOptions& options)
{
    if (files.isEmpty() || !m_project->isOpen() || m_project->isBusy())
        return false;
    return m_controller->importNews(m_project->path(), files, options);
}

bool NewsView::scoreNews(const QString& modelKey)
{
    if (!m_project->isOpen() || m_project->isBusy())
        return false;
    return m_controller->score(m_project->path(), modelKey);
}

bool NewsView::trainModel(const SentimentTrainRequest& request)
{
    if (!m_project->isOpen() || m_project->isBusy())
        return false;
    SentimentTrainRequest r = request;
    r.projectPath = m_project->path();
    return m_controller->train(r);
}

bool NewsView::importModel(const QString& ptPath, const QString& metaPath, const QString& vocabPath)
{
    if (!m_project->isOpen() || m_project->isBusy())
        return false;
    return m_controller->importModel(m_project->path(), ptPath, metaPath, vocabPath);
}

void NewsView::onImportAction()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import News"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("News files (*.csv *.json *.jsonl *.ndjson *.xml *.rss *.atom *.txt);;All files (*)"));
    if (!files.isEmpty() && !importNews(files))
        Q_EMIT message(tr("Another job is running; wait for it to finish."));
}

void NewsView::onScoreAction()
{
    if (!m_project->isOpen() || m_project->isBusy())
        return;
    auto infos = models::availableSentimentModels(m_project->store());
    if (!infos) {
        Q_EMIT errorOccurred(tr("Score News"), qs(infos.error().toString()), {});
        return;
    }
    QStringList names;
    int current = 0;
    for (const auto& info : *infos) {
        if (qs(info.modelKey) == modelKey())
            current = int(names.size());
        names << qs(info.displayName);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Score News"),
        tr("Score every news item with (other models' scores are kept):"), names, current, false,
        &ok);
    if (!ok)
        return;
    const auto index = names.indexOf(chosen);
    if (index >= 0)
        scoreNews(qs((*infos)[std::size_t(index)].modelKey));
}

void NewsView::onTrainAction()
{
    qint64 labelled = -1;
    if (m_project->isOpen() && !m_project->isBusy()) {
        labelled = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            labelled += m_model->item(row)->labelClass ? 1 : 0;
    }
    SentimentTrainDialog dialog(labelled, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.remember();
    if (!trainModel(dialog.request()))
        Q_EMIT message(tr("Another job is running; wait for it to finish."));
}

void NewsView::onImportModelAction()
{
    // Model files are code (docs/models.md): the analyst confirms the model's source first.
    const QString pt = chooseTrustedModelFile(this, tr("Import Sentiment Model"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (pt.isEmpty())
        return;
    const QFileInfo info(pt);
    // The side file and the vocabulary are usually next to the model: M.json and vocab.txt.
    QString meta = info.absolutePath() + QLatin1Char('/') + info.completeBaseName()
        + QStringLiteral(".json");
    if (!QFileInfo::exists(meta))
        meta = QFileDialog::getOpenFileName(this, tr("Model Side File (JSON)"), info.absolutePath(),
            tr("JSON files (*.json);;All files (*)"));
    if (meta.isEmpty())
        return;
    QString vocab = info.absolutePath() + QStringLiteral("/vocab.txt");
    if (!QFileInfo::exists(vocab))
        vocab = QFileDialog::getOpenFileName(this, tr("WordPiece Vocabulary"), info.absolutePath(),
            tr("Vocabulary (*.txt);;All files (*)"));
    if (vocab.isEmpty())
        return;
    if (!importModel(pt, meta, vocab))
        Q_EMIT message(tr("Another job is running; wait for it to finish."));
}

} // namespace marketlens::ui
