#pragma once
// NewsController: the News tab's jobs, each off the GUI thread (STYLE.md "Threads"), one at a
// time (a start returns false while another runs or an import waits for its decision):
//  - import: a core::news::NewsImportSession on the project file (runBackgroundJob: progress in
//    bytes, Cancel rolls back). Without rejected items it commits at once; with rejected items
//    the session stays open until commitImport()/rollbackImport() (the caller shows the report
//    first), like ImportController;
//  - score: models::openSentimentScorer + core::news::scoreProjectNews (progress in items; one
//    transaction, so Cancel leaves the project unchanged);
//  - train: models::trainTextClassifier with k-fold cross-validation on the project's labelled
//    news, on a worker QThread owned here (long-lived work, like ForecastController), cancel
//    checked by the trainer between batches; the model is stored (core::forecast::saveModel);
//  - import model: models::importBertModel (TorchScript + JSON side file + vocab.txt), stored.
// Each job opens its own connection to the file. finished(job, ok) ends every job (after the
// commit or rollback for an import that waited); written() follows whenever the file changed,
// so the window reloads. Nothing throws out of the slots; the destructor cancels and waits.

#include "core/news/news_import.h"
#include "core/news/sentiment_scoring.h"
#include "core/result.h"
#include "models/text_classifier.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace marketlens::ui {

enum class NewsJob { None, Import, Score, Train, ImportModel };

struct SentimentTrainRequest {
    QString projectPath;
    models::TextModelKind kind = models::TextModelKind::Bow;
    int folds = 5; // 0: no cross-validation
    int epochs = 0; // 0: the kind's default
    quint64 seed = 42;
    QString name; // empty: "Sentiment bow (N labelled)"
};

struct SentimentTrainResult {
    core::Error error; // Ok, Cancelled or the failure
    qint64 modelId = 0;
    QString modelKey; // "model:<id>"
    QString name;
    models::TextModelKind kind = models::TextModelKind::Bow;
    qint64 examples = 0;
    models::CrossValidation validation;
    double seconds = 0;
};

class NewsController : public QObject {
    Q_OBJECT
public:
    explicit NewsController(QObject* parent = nullptr);
    ~NewsController() override;

    bool importNews(const QString& projectPath, const QStringList& files,
        const core::news::NewsImportOptions& options = {});
    bool score(const QString& projectPath, const QString& modelKey,
        const core::news::ScoreRunOptions& options = {});
    bool train(const SentimentTrainRequest& request);
    bool importModel(const QString& projectPath, const QString& ptPath, const QString& metaPath,
        const QString& vocabPath);

    // An import that ended with rejected items and waits for the caller's decision.
    bool isImportPending() const { return m_session != nullptr; }
    core::Status commitImport();
    void rollbackImport();

    bool isBusy() const { return m_job != NewsJob::None || isImportPending(); }
    NewsJob runningJob() const { return m_job; }
    // Outcomes of the last jobs.
    const core::Error& error() const { return m_error; }
    const core::news::NewsImportResult& importResult() const { return m_importResult; }
    const core::news::ScoreRunResult& scoreResult() const { return m_scoreResult; }
    const SentimentTrainResult& trainResult() const { return m_trainResult; }
    qint64 importedModelId() const { return m_importedModelId; }
    QString importedModelName() const { return m_importedModelName; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void started(marketlens::ui::NewsJob job, const QString& label);
    // `done` of `total` (bytes, items or thousandths of a training); total 0 = busy.
    void progress(qint64 done, qint64 total);
    // Training only: fold, epoch and loss for the dialog.
    void trainProgress(int fold, int folds, int epoch, int epochs, double loss);
    // An import ran with rejected items: decide with commitImport() or rollbackImport().
    void importNeedsDecision();
    void finished(marketlens::ui::NewsJob job, bool ok);
    // The project file was changed by the job that just finished.
    void written();

private:
    struct ImportOutcome;
    struct ScoreOutcome;
    struct ModelOutcome;
    bool begin(NewsJob job, const QString& label);
    void end(NewsJob job, bool ok, bool wrote);

    NewsJob m_job = NewsJob::None;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<core::news::NewsImportSession> m_session;
    core::Error m_error;
    core::news::NewsImportResult m_importResult;
    core::news::ScoreRunResult m_scoreResult;
    SentimentTrainResult m_trainResult;
    qint64 m_importedModelId = 0;
    QString m_importedModelName;
    QThread* m_thread = nullptr;
    QObject* m_worker = nullptr;
    int m_trainJob = 0;
};

// Splits `files` into news files (core::news::looksLikeNewsFile) and the rest.
QStringList takeNewsFiles(QStringList& files);

} // namespace marketlens::ui
