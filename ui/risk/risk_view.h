#pragma once
// RiskView: the "Risk" tab of the main window (UX.md: chart on top, table below).
//
// A parameter bar (portfolio, confidence, method, window, benchmark, date range, Run) over a
// splitter: on top the portfolio charts (return histogram with VaR/ES, drawdown, rolling
// volatility, VaR backtest with its test results) beside the correlation heatmap; below, the
// holdings risk table (measures and risk score, sortable, CSV export). Selecting a holding in the
// table outlines it in the heatmap and a click in the heatmap selects the holding.
//
// Runs happen off the GUI thread (RiskRunController). Changing a parameter schedules a run after
// 300 ms of quiet (a newer request supersedes a running one); a method or confidence the shown
// run already holds is drawn at once without recomputing. Progress and Cancel go to the main
// window's jobs bar when there is one, otherwise to a bar in the view. Every computed run is
// stored in the project (saveRiskRun); opening a project shows its newest stored run without
// recomputing. While an import holds the project's write transaction no run starts (the view says
// so and runs when the import has ended). Slots never let an exception escape.

#include "core/risk/risk_report.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace marketlens::ui {

class BacktestView;
class CorrelationHeatmap;
class HoldingsRiskModel;
class JobsBar;
class ProjectController;
class ReturnHistogramView;
class RiskRunController;
class RollingVolView;
class TailRiskController;
class UnderwaterView;

class RiskView : public QWidget {
    Q_OBJECT
public:
    explicit RiskView(ProjectController* project, QWidget* parent = nullptr);
    ~RiskView() override;

    // Parameters as the widgets hold them now (nullopt with `error` set when invalid).
    std::optional<core::risk::RiskRunOptions> currentOptions(QString* error = nullptr) const;
    core::risk::RiskMethod selectedMethod() const;
    double selectedConfidence() const; // NaN when the text is not a confidence

    // Starts a run now (the Run button). False when none could start (no project, busy, invalid
    // parameters; the status line says why).
    bool run();
    // Shows the newest stored run of the project, if any, without recomputing.
    void loadLatestRun();
    void cancelRun();
    // Trains the learned tail-risk score on the selected portfolio (the "Learn tail risk"
    // button); its probabilities fill the table's "Tail prob. (learned)" column. False when none
    // could start (no project or portfolio, already learning).
    bool learnTailRisk();

    void setConfidenceText(const QString& text); // e.g. "0.975" (schedules a run if needed)
    void setMethod(core::risk::RiskMethod method);
    void setWindow(int window);
    void setPortfolio(const QString& name);

    bool isRunning() const;
    bool hasReport() const { return m_report.has_value(); }
    const core::risk::RiskReport& report() const { return *m_report; }
    bool reportWasComputed() const { return m_reportComputed; } // false: loaded from the project
    QString statusText() const;
    QString conventionsText() const;
    // The shown run no longer matches the project: its portfolio's holdings were edited since it
    // was computed (markPortfolioEdited), or a loaded run's prices have changed. A new run clears
    // it; undoing the edit does not (the view does not compare holdings): press Run.
    bool isReportStale() const;
    bool holdingsChangedSinceRun() const { return m_holdingsStale; }
    // Called after a user edit (or undo/redo) of portfolio `name` (PortfolioEditor::
    // portfolioChanged): a shown run of that portfolio becomes stale and the status line says so.
    void markPortfolioEdited(const QString& name);

    HoldingsRiskModel* holdingsModel() const { return m_model; }
    QSortFilterProxyModel* holdingsProxy() const { return m_proxy; }
    QTableView* holdingsView() const { return m_table; }
    ReturnHistogramView* histogram() const { return m_histogram; }
    UnderwaterView* underwater() const { return m_underwater; }
    RollingVolView* volatility() const { return m_volatility; }
    CorrelationHeatmap* heatmap() const { return m_heatmap; }
    BacktestView* backtest() const { return m_backtest; }
    QTabWidget* chartTabs() const { return m_chartTabs; }
    RiskRunController* runner() const { return m_runner; }
    TailRiskController* tailRisk() const { return m_tailRisk; }

    // Selects a holding in the table (and the heatmap follows).
    void selectHolding(const QString& ticker);
    // Writes the table (in its current sort order) as CSV; false with `error` on failure.
    bool exportHoldingsCsv(const QString& path, QString* error = nullptr) const;

Q_SIGNALS:
    // A run (computed or loaded) is shown.
    void reportShown(bool computed);
    void runFailed(const QString& message);
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitColumns();
    QWidget* createParameterBar();
    QWidget* createTablePane();
    void refreshParameters();
    void onProjectOpened();
    void onParameterChanged();
    void onSelectionParameterChanged();
    void onRunStarted(int request, const QString& label);
    void onRunProgress(int request, qint64 done, qint64 total);
    void onRunFinished(int request, bool ok);
    void showReport();
    void clearViews();
    void setStatus(const QString& text);
    void setHoldingsStale(bool stale);
    void applyOptionsToWidgets(const core::risk::RiskRunOptions& options);
    void onTableSelectionChanged();
    JobsBar* jobsBar();

    ProjectController* m_project;
    RiskRunController* m_runner = nullptr;
    QTimer* m_debounce = nullptr;
    std::optional<core::risk::RiskReport> m_report;
    bool m_reportComputed = false;
    bool m_holdingsStale = false;
    bool m_updatingWidgets = false;
    bool m_pendingAfterImport = false;
    bool m_haveDateRange = false; // the date edits hold the data's range (or a choice in it)
    QPointer<JobsBar> m_jobsBar;

    QComboBox* m_portfolioBox = nullptr;
    QComboBox* m_confidenceBox = nullptr;
    QComboBox* m_methodBox = nullptr;
    QSpinBox* m_windowSpin = nullptr;
    QComboBox* m_benchmarkBox = nullptr;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QPushButton* m_runButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QLabel* m_conventions = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;

    QSplitter* m_splitter = nullptr;
    QSplitter* m_topSplitter = nullptr;
    QTabWidget* m_chartTabs = nullptr;
    ReturnHistogramView* m_histogram = nullptr;
    UnderwaterView* m_underwater = nullptr;
    RollingVolView* m_volatility = nullptr;
    BacktestView* m_backtest = nullptr;
    CorrelationHeatmap* m_heatmap = nullptr;
    HoldingsRiskModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    TailRiskController* m_tailRisk = nullptr;
};

} // namespace marketlens::ui
