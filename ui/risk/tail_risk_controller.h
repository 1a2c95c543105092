#pragma once
// TailRiskController: the learned tail-risk score of the Risk tab. Runs its jobs off the GUI
// thread (STYLE.md "One-shot jobs", QtConcurrent + QFutureWatcher), each with its own connection
// to the project file:
//   - learn(): trains models::trainTailRisk on the holdings of a portfolio and stores the result
//     as a model record (kind "tailrisk_cnn"); progress per batch and Cancel in the main window's
//     jobs bar (found through the host widget's window) when there is one,
//   - show(): loads the newest stored tailrisk_cnn record of a portfolio.
// Either way the scores go to the HoldingsRiskModel given with setModel (column "Tail prob.
// (learned)"). A newer load supersedes an older one; nothing throws out of here; the destructor
// cancels and waits for running jobs.

#include "models/tail_risk.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QWidget;

namespace marketlens::ui {

class HoldingsRiskModel;
class JobsBar;

class TailRiskController : public QObject {
    Q_OBJECT
public:
    explicit TailRiskController(QWidget* host);
    ~TailRiskController() override;

    void setModel(HoldingsRiskModel* model) { m_model = model; }
    // Settings of the training (tests use few epochs and a small network).
    void setConfig(const models::TailRiskConfig& config) { m_config = config; }

    // Starts training on `portfolio` of the project at `projectPath`. False when a training is
    // already running or the portfolio is empty.
    bool learn(const QString& projectPath, const QString& portfolio);
    // Loads the newest stored score of `portfolio` unless it is the one shown already.
    void show(const QString& projectPath, const QString& portfolio);
    void cancel();

    bool isLearning() const { return m_learning; }
    bool isLoading() const { return m_loading; }
    // The scores shown (nullopt: none stored for the portfolio).
    const std::optional<models::StoredTailRisk>& shown() const { return m_shown; }
    const core::Error& error() const { return m_error; } // of the last training

Q_SIGNALS:
    void learned(bool ok); // training finished (error() says why not; Cancelled on cancel)
    void shownChanged();
    void message(const QString& text);

private:
    struct Outcome;
    void apply(const std::optional<models::StoredTailRisk>& stored);
    void finishLearning(std::shared_ptr<Outcome> outcome);
    JobsBar* jobsBar();

    QWidget* m_host;
    QPointer<HoldingsRiskModel> m_model;
    QPointer<JobsBar> m_jobs;
    models::TailRiskConfig m_config;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_learning = false;
    bool m_loading = false;
    int m_loadRequest = 0;
    QString m_shownKey; // path + portfolio of m_shown
    std::optional<models::StoredTailRisk> m_shown;
    core::Error m_error;
};

} // namespace marketlens::ui
