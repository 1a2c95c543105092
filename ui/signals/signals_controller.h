#pragma once
// SignalsController: the trading-signal jobs of the "Signals" tab, off the GUI thread (STYLE.md
// "One-shot jobs": runBackgroundJob on Qt's thread pool, progress at most every 100 ms, Cancel
// through a shared atomic flag that the pipeline polls).
//
// - run(): reads the ticker's prices (and the equal-weighted market of the project's other
//   instruments, and the lexicon's sentiment index when the ticker has one), builds the dataset
//   (core/signals/signal_features.h), trains and evaluates (models::signals::trainSignalModel),
//   explains the latest signal, and stores the model in the project (saveModel) when asked.
// - open(): loads a stored signal model, rebuilds its dataset, predicts every row
//   (predictSignals) and explains the latest row.
// - explain(): "why this signal" for one date of the last result's dataset (a short job).
// A newer run/open supersedes an older one (cancelled; its result, should it come, is ignored).
// Each job opens its own connection to the project file. Failures come back in the result
// (error), never as exceptions; a store failure does not fail the run (storeError says why).
// The destructor cancels and waits for running jobs.

#include "core/forecast/model_store.h"
#include "core/result.h"
#include "core/signals/signal_features.h"
#include "models/signals/signal_pipeline.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace marketlens::ui {

// What the Signals form asks for (defaults are the form's first values).
struct SignalRunRequest {
    QString projectPath;
    QString ticker;
    models::signals::ClassifierKind kind = models::signals::ClassifierKind::GradientBoosting;
    int horizon = 1;
    int classes = 2;
    double threshold = 0.005; // log-return band of the flat class (3 classes)
    double costBps = 5.0;
    double slippageBps = 2.0;
    bool longShort = false;
    int walkForwardFolds = 0; // 0: one chronological split
    bool search = true;
    bool useMarket = true; // the equal-weighted market of the other instruments, when any
    bool useSentiment = true; // the lexicon's daily index of the ticker, when there is one
    std::uint64_t seed = 42;
    bool store = true;
};

// The outcome of a run or an open, as the view shows it.
struct SignalRunResult {
    core::Error error; // Ok, Cancelled or the failure
    QString projectPath;
    bool fromStore = false; // open(): a stored model (its evaluation read back from
                            // metricsJson: no equity curve, no test points of its own)
    bool longShort = false; // the backtest's position mode
    models::signals::TrainedSignalModel model; // record (weights included), evaluation, latest
    // The signal of every row that was not used for training (open()) or the test rows (run()).
    std::vector<models::signals::SignalPoint> points;
    std::optional<models::signals::SignalExplanation> latestExplanation;
    QString explainError;
    // The dataset the model saw (prices for the chart; rows for later explanations).
    std::shared_ptr<const core::signals::SignalDataset> dataset;
    bool stored = false;
    QString storeError;
    double seconds = 0;
};

class SignalsController : public QObject {
    Q_OBJECT
public:
    explicit SignalsController(QObject* parent = nullptr);
    ~SignalsController() override;

    // Start a job; return its id.
    int run(const SignalRunRequest& request);
    int open(const QString& projectPath, qint64 modelId);
    // Explains `date` of the last delivered result's dataset; explanationReady() follows.
    // -1 when there is no result or the date is not a row of it.
    int explain(core::Date date);
    void cancel(); // the running run/open

    bool isBusy() const { return m_current >= 0 && !m_currentDone; }
    const SignalRunResult* lastResult() const { return m_last.get(); }
    int ignoredResults() const { return m_ignored; }

    // The signal models of `ticker` stored in the project (without weights), newest first.
    static core::Result<std::vector<core::forecast::ModelRecord>> storedModels(
        const QString& projectPath, const QString& ticker);
    // "MSFT gbm h1" and the pipeline's configuration for a request.
    static QString defaultName(const SignalRunRequest& request);
    // The kind's name in the interface language ("Gradient boosting", "梯度提升", ...).
    static QString kindTitle(models::signals::ClassifierKind kind);
    static models::signals::SignalConfig configFor(const SignalRunRequest& request);

Q_SIGNALS:
    void started(int job, const QString& label);
    void progress(int job, qint64 done, qint64 total);
    // A run/open ended (result->error says Ok, Cancelled or why not); never a null result.
    void finished(int job, std::shared_ptr<const marketlens::ui::SignalRunResult> result);
    void explanationReady(int job, const marketlens::models::signals::SignalExplanation& e);
    void explanationFailed(int job, const QString& message);

private:
    struct ExplainOutcome;
    void deliver(int job, std::shared_ptr<SignalRunResult> outcome);

    int m_next = 1;
    int m_current = -1;
    bool m_currentDone = true;
    int m_ignored = 0;
    int m_explainCurrent = -1;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<const SignalRunResult> m_last;
};

} // namespace marketlens::ui

Q_DECLARE_METATYPE(std::shared_ptr<const marketlens::ui::SignalRunResult>)
Q_DECLARE_METATYPE(marketlens::models::signals::SignalExplanation)
