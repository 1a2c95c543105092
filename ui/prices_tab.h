#pragma once
// PricesTab: the "Prices" tab of the main window: the price chart on top and, below a splitter,
// the "Holdings" table of one portfolio and the "Instruments" table. The instruments table's
// selection decides what the chart overlays; selectTickers() lets other views (project tree)
// drive it. Reads go through the ProjectController's cache.

#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolBar;

namespace marketlens::ui {

class HoldingsModel;
class InstrumentsModel;
class PriceChartView;
class ProjectController;

class PricesTab : public QWidget {
    Q_OBJECT
public:
    explicit PricesTab(ProjectController* project, QWidget* parent = nullptr);

    PriceChartView* chart() const { return m_chart; }
    HoldingsModel* holdingsModel() const { return m_holdings; }
    InstrumentsModel* instrumentsModel() const { return m_instruments; }
    QTableView* holdingsView() const { return m_holdingsView; }
    QTableView* instrumentsView() const { return m_instrumentsView; }
    QAction* rebaseAction() const { return m_rebase; }
    QAction* candlesticksAction() const { return m_candles; }
    QAction* resetZoomAction() const { return m_resetZoom; }
    QStringList shownTickers() const { return m_shown; }

    // Rebuilds the tables from the controller; keeps the selection where tickers still exist,
    // otherwise shows the first instrument.
    void reload();
    void selectTickers(const QStringList& tickers);
    void showPortfolio(const QString& name);
    void showHoldingsTab();
    void showInstrumentsTab();

    void saveState() const;
    void restoreState();

Q_SIGNALS:
    // The chart now shows these tickers (current one first).
    void tickersShown(const QStringList& tickers);
    void message(const QString& text);

private:
    void onInstrumentSelectionChanged();
    void loadHoldings();
    void showInChart(const QStringList& tickers);

    ProjectController* m_project;
    PriceChartView* m_chart = nullptr;
    QToolBar* m_toolBar = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_tables = nullptr;
    QComboBox* m_portfolioBox = nullptr;
    HoldingsModel* m_holdings = nullptr;
    InstrumentsModel* m_instruments = nullptr;
    QSortFilterProxyModel* m_holdingsProxy = nullptr;
    QSortFilterProxyModel* m_instrumentsProxy = nullptr;
    QTableView* m_holdingsView = nullptr;
    QTableView* m_instrumentsView = nullptr;
    QAction* m_rebase = nullptr;
    QAction* m_candles = nullptr;
    QAction* m_resetZoom = nullptr;
    QStringList m_shown;
    bool m_selecting = false;
};

} // namespace marketlens::ui
