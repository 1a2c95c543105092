#pragma once
// PricesTab: the "Prices" tab of the main window: the price chart on top and, below a splitter,
// the "Holdings" table of one portfolio and the "Instruments" table. The instruments table's
// selection decides what the chart overlays; selectTickers() lets other views (project tree)
// drive it. Reads go through the ProjectController's cache and its read(): in a large file a
// ticker's prices, its news markers and the holdings' last closes arrive from the reader thread
// (the chart shows the previous tickers until then) so that browsing never waits for the file.
// News: markers of the shown tickers' news on the price chart (toolbar toggle "News markers",
// remembered in the settings) and the sentiment timeline in a splitter under the chart, for the
// sentiment model chosen in the toolbar (shown when more than one model has scores). News,
// scores and the stored daily index are read once per ticker and model and kept until reload()
// or refreshNews(); a click on a marker opens a NewsMarkerPopup with the items' text.

#include "price_chart_view.h"
#include "project_reader.h"

#include "core/news/news_store.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

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
class NewsMarkerPopup;
class ProjectController;
class SentimentTimelineView;

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
    QAction* newsMarkersAction() const { return m_newsMarkers; }
    SentimentTimelineView* sentimentTimeline() const { return m_timeline; }
    // The sentiment model choice (hidden unless more than one model has scores).
    QComboBox* sentimentModelBox() const { return m_modelBox; }
    // The model whose scores the markers and the timeline show ("lexicon" by default).
    QString sentimentModelKey() const;
    // The popup of the last marker click (nullptr before the first).
    NewsMarkerPopup* newsPopup() const { return m_popup; }
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

public Q_SLOTS:
    // Re-reads news, scores and the sentiment index (after a news import or a scoring run).
    void refreshNews();
    // Opens the popup for these news items (what a marker click does).
    void showNewsPopup(const QList<qint64>& ids, const QPoint& globalPos);

Q_SIGNALS:
    // The chart now shows these tickers (current one first).
    void tickersShown(const QStringList& tickers);
    void message(const QString& text);

private:
    void onInstrumentSelectionChanged();
    void loadHoldings();
    void showHoldings();
    void showInChart(const QStringList& tickers);
    void showSeries(const QStringList& tickers);
    void setupNews();
    void readSentimentModels();
    void loadNews();
    QString modelDisplayName(const QString& key) const;

    struct TickerNews {
        std::vector<NewsMarker> markers;
        std::vector<core::news::DailySentiment> days;
    };
    static core::Result<TickerNews> readTickerNews(core::ProjectStore& store,
        const QString& ticker, const QString& modelKey, bool hasScores);

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
    QAction* m_newsMarkers = nullptr;
    QSplitter* m_chartSplitter = nullptr;
    SentimentTimelineView* m_timeline = nullptr;
    QComboBox* m_modelBox = nullptr;
    QAction* m_modelBoxAction = nullptr; // the toolbar's widget action (its visibility)
    NewsMarkerPopup* m_popup = nullptr;
    QHash<QString, TickerNews> m_newsCache; // key: model key + '\n' + ticker
    QHash<QString, QString> m_modelNames; // model key -> display name
    bool m_modelsRead = false;
    bool m_hasScores = false;
    QStringList m_shown;
    bool m_selecting = false;
    ReadChannel m_pricesRead;
    ReadChannel m_newsRead;
    ReadChannel m_closesRead;
    // The zoom reload() keeps for the same tickers, applied when their prices are shown.
    std::optional<std::pair<qint64, qint64>> m_keepRange;
};

} // namespace marketlens::ui
