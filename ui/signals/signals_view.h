#pragma once
// SignalsView: the "Signals" tab (UX.md: chart on top, tables below). A form (ticker, model,
// horizon, 2/3 classes and the flat band, costs and slippage in basis points, long/short,
// walk-forward folds, hyper-parameter search; remembered in QSettings "signals/...") and Run
// (Ctrl+Return) start a SignalsController job (progress, ETA and Cancel in the main window's
// jobs bar). The result shows:
// - the price with buy/sell markers (SignalPriceChart); clicking a marker shows "why this
//   signal" for that day in the waterfall beside it (the latest signal's is shown at once);
// - the equity curve against buy-and-hold;
// - below, tabs: Metrics (the verdict, the model next to the majority and always-up baselines,
//   the backtest next to buy-and-hold, the confusion matrix), Importance (permutation importance
//   and, where the model has them, mean |SHAP| / |IG| bars) and Stored Models (the ticker's
//   signal models in the project with their stored metrics; Open reloads one).
// Follows the project (projectOpened/dataReloaded) and the current instrument
// (setCurrentTicker). Failures come out through errorOccurred(); nothing throws out of a slot.

#include "ui/signals/signals_controller.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableWidget;

namespace marketlens::ui {

class EquityChart;
class FeatureBarsChart;
class JobsBar;
class ProjectController;
class SignalPriceChart;
class SignalWaterfallView;

class SignalsView : public QWidget {
    Q_OBJECT
public:
    explicit SignalsView(ProjectController* project, QWidget* parent = nullptr);
    ~SignalsView() override;

    // The form as a request for the open project.
    SignalRunRequest request() const;
    // Starts a run with the form's values; false when nothing was started.
    bool run();
    // Opens a stored signal model (by id) of the project.
    bool openStoredModel(qint64 id);
    // Shows a result (what a finished job does; tests pass hand-made results).
    void showResult(std::shared_ptr<const SignalRunResult> result);
    // An explanation to show when its date is clicked (runs add the latest one themselves).
    void addExplanation(const models::signals::SignalExplanation& e);
    // Shows the explanation of `date` (cached, or asked of the controller); false when the date
    // has no signal of the shown result.
    bool showExplanation(core::Date date);
    // The instrument the form works on (the main window passes the current instrument).
    void setCurrentTicker(const QString& ticker);
    // Re-reads tickers and stored models (project opened or reloaded).
    void reload();
    void updateActions();

    QString currentTicker() const;
    QString statusText() const;
    QString verdictText() const;
    SignalsController* controller() const { return m_controller; }
    const SignalRunResult* shownResult() const { return m_result.get(); }
    SignalPriceChart* priceChart() const { return m_priceChart; }
    EquityChart* equityChart() const { return m_equityChart; }
    SignalWaterfallView* waterfall() const { return m_waterfall; }
    FeatureBarsChart* importanceChart() const { return m_importance; }
    FeatureBarsChart* attributionChart() const { return m_attribution; }
    QTableWidget* metricsTable() const { return m_metrics; }
    QTableWidget* backtestTable() const { return m_backtest; }
    QTableWidget* confusionTable() const { return m_confusion; }
    QTableWidget* storedTable() const { return m_stored; }
    QLabel* verdictLabel() const { return m_verdict; }
    QPushButton* runButton() const { return m_runButton; }
    QComboBox* tickerCombo() const { return m_tickerBox; }
    QComboBox* modelCombo() const { return m_modelBox; }
    QSpinBox* horizonSpin() const { return m_horizonSpin; }
    QComboBox* classesCombo() const { return m_classesBox; }
    QDoubleSpinBox* thresholdSpin() const { return m_thresholdSpin; }
    QDoubleSpinBox* costSpin() const { return m_costSpin; }
    QDoubleSpinBox* slippageSpin() const { return m_slippageSpin; }
    QCheckBox* longShortCheck() const { return m_longShortCheck; }
    QSpinBox* foldsSpin() const { return m_foldsSpin; }
    QCheckBox* searchCheck() const { return m_searchCheck; }
    QTabWidget* bottomTabs() const { return m_bottomTabs; }

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message, const QString& file);
    void message(const QString& text);
    void resultShown();
    void explanationShown(core::Date date);

private:
    void createForm();
    void createResults();
    void restoreSettings();
    void saveSettings() const;
    void onStarted(int job, const QString& label);
    void onProgress(int job, qint64 done, qint64 total);
    void onFinished(int job, std::shared_ptr<const SignalRunResult> result);
    void reloadStored();
    void showStoredDetails();
    void showMetrics(const SignalRunResult& r);
    void showImportance(const SignalRunResult& r);
    void showConfusion(const core::signals::ClassificationMetrics& m);
    void clearResults(const QString& message);
    void setStatus(const QString& text);
    JobsBar* jobsBar();

    ProjectController* m_project;
    SignalsController* m_controller = nullptr;
    std::shared_ptr<const SignalRunResult> m_result;
    std::map<core::Date, models::signals::SignalExplanation> m_explanations;
    std::optional<core::Date> m_wantedExplanation;
    QString m_pendingTicker;
    QPointer<JobsBar> m_jobsBar;
    bool m_restoring = false;
    int m_runningJob = -1;

    QComboBox* m_tickerBox = nullptr;
    QComboBox* m_modelBox = nullptr;
    QSpinBox* m_horizonSpin = nullptr;
    QComboBox* m_classesBox = nullptr;
    QDoubleSpinBox* m_thresholdSpin = nullptr;
    QDoubleSpinBox* m_costSpin = nullptr;
    QDoubleSpinBox* m_slippageSpin = nullptr;
    QCheckBox* m_longShortCheck = nullptr;
    QSpinBox* m_foldsSpin = nullptr;
    QCheckBox* m_searchCheck = nullptr;
    QPushButton* m_runButton = nullptr;
    QLabel* m_status = nullptr;

    QSplitter* m_splitter = nullptr;
    SignalPriceChart* m_priceChart = nullptr;
    EquityChart* m_equityChart = nullptr;
    SignalWaterfallView* m_waterfall = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QLabel* m_verdict = nullptr;
    QTableWidget* m_metrics = nullptr;
    QTableWidget* m_backtest = nullptr;
    QTableWidget* m_confusion = nullptr;
    FeatureBarsChart* m_importance = nullptr;
    FeatureBarsChart* m_attribution = nullptr;
    QTableWidget* m_stored = nullptr;
    QPushButton* m_openButton = nullptr;
    QLabel* m_storedDetails = nullptr;
};

} // namespace marketlens::ui
