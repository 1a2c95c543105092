#pragma once
// NewsView: the "News" tab (UX.md). On top the jobs' buttons and the choice of the sentiment
// model whose scores are shown, then the filters (ticker, date range, label, score range, text);
// below, a splitter with the news table (sortable) over the details of the selected item:
// headline, time, source, linked tickers with the reason, the file and its label, the model's
// score, label and class probabilities, the decayed sentiment index of its tickers on that day,
// and the text with the words that moved the score highlighted (hover for the weight).
//
// The actions (Import News…, Score News…, Train Sentiment Model…, Import Sentiment Model…) are
// exposed for the main window's menus. Every job runs in the NewsController off the GUI thread,
// shows in the main window's jobs bar (progress, ETA, Cancel), and reloads the project when it
// wrote to it (ProjectController::reload()). Import and scoring hold a write transaction, so the
// project is marked busy meanwhile. Rejected items go to the Issues panel; an import with
// rejected items shows a report whose "Import" commits and "Abort" rolls back. Filters, the
// splitter and the chosen model are remembered (QSettings "news/..."). No slot lets an
// exception escape: failures come out through errorOccurred().

#include "core/news/news_import.h"
#include "ui/news/news_controller.h"
#include "ui/project_reader.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace marketlens::ui {

class JobsBar;
class NewsFilterModel;
class NewsModel;
class ProjectController;

class NewsView : public QWidget {
    Q_OBJECT
public:
    explicit NewsView(ProjectController* project, QWidget* parent = nullptr);
    ~NewsView() override;

    // Re-reads the news, the scores of the shown model and the list of models (no-op while the
    // project is busy or closed).
    void reload();
    // Jobs (also used by the actions). False when nothing was started.
    bool importNews(const QStringList& files, const core::news::NewsImportOptions& options = {});
    bool scoreNews(const QString& modelKey);
    bool trainModel(const SentimentTrainRequest& request);
    bool importModel(const QString& ptPath, const QString& metaPath, const QString& vocabPath);

    // The model whose scores are shown ("lexicon", "model:3").
    QString modelKey() const;
    void setModelKey(const QString& key);
    void selectNews(qint64 id);
    // Items in the table (after filters) and in the project.
    int shownCount() const;
    bool isBusy() const;

    NewsModel* model() const { return m_model; }
    NewsFilterModel* filterModel() const { return m_filter; }
    NewsController* controller() const { return m_controller; }
    QTableView* table() const { return m_table; }
    QTextBrowser* details() const { return m_details; }
    QComboBox* modelCombo() const { return m_modelBox; }
    QComboBox* tickerCombo() const { return m_tickerBox; }
    QLineEdit* searchEdit() const { return m_search; }
    QAction* importAction() const { return m_importAction; }
    QAction* scoreAction() const { return m_scoreAction; }
    QAction* trainAction() const { return m_trainAction; }
    QAction* importModelAction() const { return m_importModelAction; }

    void saveState() const;
    void restoreState();
    // Enables the actions for the project's state (the window calls it after its own jobs).
    void updateActions();

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message, const QString& file);
    void message(const QString& text);
    // A job started or ended, or an import waits for its report (the window updates actions).
    void busyChanged(bool busy);
    // The project's news or scores changed (after a committed import, scoring or training).
    void newsChanged();
    // The report of an import with rejected items was opened (tests answer it).
    void importReportShown(QDialog* dialog);
    // The result of a training was shown (tests close it).
    void trainResultShown(QDialog* dialog);

private:
    void createActions();
    void createWidgets();
    void connectController();
    void reloadModelList();
    void reloadTickers();
    void applyFilters();
    // The store-side part of the filters (ticker, widened date range) for projects with more
    // news than NewsModel::kMaxLoaded; the filter model still applies the exact filters.
    core::news::NewsQuery wantedScope() const;
    // Reads `scope` into the model (on the reader thread in a large file); then, with
    // `refresh`, re-reads the ticker choices and selects the item `selected` again.
    void loadModel(const core::news::NewsQuery& scope, bool refresh = false, qint64 selected = 0);
    void showDetails();
    void updateCount();
    void onStarted(NewsJob job, const QString& label);
    void onFinished(NewsJob job, bool ok);
    void onImportNeedsDecision();
    void reportImportIssues();
    void onImportAction();
    void onScoreAction();
    void onTrainAction();
    void onImportModelAction();
    JobsBar* jobsBar();
    bool eventFilter(QObject* watched, QEvent* event) override;

    ProjectController* m_project;
    NewsController* m_controller = nullptr;
    NewsModel* m_model = nullptr;
    NewsFilterModel* m_filter = nullptr;
    QPointer<JobsBar> m_jobsBar;
    bool m_holdsBusy = false; // this view set the project busy for the running job
    bool m_restoring = false;
    QString m_wantedKey;
    core::news::NewsQuery m_scope; // of the rows loaded into m_model
    ReadChannel m_modelRead;
    bool m_loading = false; // a read of the model is under way (large files)

    QAction* m_importAction = nullptr;
    QAction* m_scoreAction = nullptr;
    QAction* m_trainAction = nullptr;
    QAction* m_importModelAction = nullptr;
    QAction* m_resetFiltersAction = nullptr;
    QComboBox* m_modelBox = nullptr;
    QComboBox* m_tickerBox = nullptr;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QComboBox* m_labelBox = nullptr;
    QDoubleSpinBox* m_minScore = nullptr;
    QDoubleSpinBox* m_maxScore = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
};

} // namespace marketlens::ui
