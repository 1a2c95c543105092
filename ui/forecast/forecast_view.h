#pragma once
// ForecastView: the "Forecasts" tab of the main window (UX.md: chart on top, table below).
//
// Buttons Train…, Backtest…, Import model…, Export model…, Delete over a splitter: on top the
// forecast chart of the selected model (history, median forecast, 80 %/95 % bands, naive
// forecast) beside its errors next to every baseline's (test part) and the last walk-forward
// backtest (per-fold MAE of the model vs naive, pooled errors); below, the models stored in the
// project (ModelsPanel) with their test metrics against the naive forecast.
//
// Training and backtests run on the ForecastController's worker thread, started from the
// TrainingDialog (modeless; progress also goes to the main window's jobs bar with Cancel). A
// trained model is stored in the project by the worker; the table then refreshes and the chart
// shows its forecast. Selecting a model forecasts with it off the GUI thread. Failures are
// reported through errorOccurred() (the main window shows them in the Issues panel); nothing
// throws out of a slot.

#include "ui/forecast/forecast_types.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace marketlens::ui {

class FoldErrorsChart;
class ForecastChartView;
class ForecastController;
class JobsBar;
class ModelsPanel;
class ProjectController;
class ScoresTable;
class TrainingDialog;

class ForecastView : public QWidget {
    Q_OBJECT
public:
    explicit ForecastView(ProjectController* project, QWidget* parent = nullptr);
    ~ForecastView() override;

    // Re-reads the project's models into the table.
    void reloadModels();
    // Opens the training dialog (mode Train or Backtest) for the selected model's ticker.
    TrainingDialog* showTrainingDialog(bool backtest = false);
    // Programmatic actions (also used by the buttons, after confirmation where they ask).
    bool deleteModel(qint64 id);
    bool exportModel(qint64 id, const QString& ptPath);
    // Imports a TorchScript forecaster and its side file (models/interchange.h) and stores it;
    // `ticker` overrides the side file's ticker (which the project must have prices for).
    bool importModel(const QString& ptPath, const QString& metaPath, const QString& ticker = {});
    void selectModel(qint64 id);

    qint64 shownModelId() const { return m_shownId; }
    QString statusText() const;
    QString verdictText() const;
    ForecastController* controller() const { return m_controller; }
    TrainingDialog* trainingDialog() const;
    ModelsPanel* modelsPanel() const { return m_panel; }
    ForecastChartView* chart() const { return m_chart; }
    FoldErrorsChart* foldChart() const { return m_foldChart; }
    ScoresTable* scoresTable() const { return m_scores; }
    ScoresTable* backtestScores() const { return m_backtestScores; }

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message, const QString& file);
    void message(const QString& text);
    // The chart shows the forecast of model `id` (after training or a selection).
    void forecastShown(qint64 id);
    void backtestShown();

private:
    void createWidgets();
    void onProjectOpened();
    void onModelSelected(qint64 id);
    void onJobStarted(int job, ForecastJobKind kind, const QString& label);
    void onJobProgress(int job, const TrainingUpdate& update);
    void onJobFinished(int job, const ForecastJobResult& result);
    void onForecastReady(int job, const ForecastJobResult& result);
    void showForecast(const ForecastJobResult& result);
    void showMetrics(qint64 id, const std::optional<models::Evaluation>& evaluation);
    void showBacktest(const models::BacktestReport& report, const QString& title);
    void onDelete();
    void onExport();
    void onImport();
    void updateButtons();
    void setStatus(const QString& text);
    JobsBar* jobsBar();

    ProjectController* m_project;
    ForecastController* m_controller = nullptr;
    QPointer<TrainingDialog> m_dialog;
    QPointer<JobsBar> m_jobsBar;
    qint64 m_shownId = 0;
    qint64 m_requestedId = 0;

    QPushButton* m_trainButton = nullptr;
    QPushButton* m_backtestButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_historyBox = nullptr;
    QSplitter* m_splitter = nullptr;
    ForecastChartView* m_chart = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    QLabel* m_verdict = nullptr;
    ScoresTable* m_scores = nullptr;
    QLabel* m_backtestVerdict = nullptr;
    FoldErrorsChart* m_foldChart = nullptr;
    ScoresTable* m_backtestScores = nullptr;
    ModelsPanel* m_panel = nullptr;
};

} // namespace marketlens::ui
