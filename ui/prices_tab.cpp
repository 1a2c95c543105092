#include "prices_tab.h"

#include "holdings_model.h"
#include "instruments_model.h"
#include "price_chart_view.h"
#include "project_controller.h"

#include "core/price_queries.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace marketlens::ui {

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(22);
    // Columns share the width: no single stretched last column far from its neighbours.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->horizontalHeader()->setMinimumSectionSize(70);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}
} // namespace

PricesTab::PricesTab(ProjectController* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
{
    m_chart = new PriceChartView(this);
    m_chart->setMinimumHeight(220);

    m_toolBar = new QToolBar(tr("Chart"), this);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_resetZoom
        = m_toolBar->addAction(QIcon(QStringLiteral(":/icons/zoom-reset.svg")), tr("Reset Zoom"));
    m_resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_resetZoom->setToolTip(tr("Show the whole date range (Ctrl+0, or double-click the chart)"));
    connect(m_resetZoom, &QAction::triggered, m_chart, &PriceChartView::resetZoom);
    m_toolBar->addSeparator();
    m_rebase
        = m_toolBar->addAction(QIcon(QStringLiteral(":/icons/rebase.svg")), tr("Rebase to 100"));
    m_rebase->setCheckable(true);
    m_rebase->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_rebase->setToolTip(tr("Rebase every series to 100 at the first visible date (Ctrl+B)"));
    connect(m_rebase, &QAction::toggled, m_chart, &PriceChartView::setRebased);
    m_candles = m_toolBar->addAction(
        QIcon(QStringLiteral(":/icons/candlesticks.svg")), tr("Candlesticks"));
    m_candles->setCheckable(true);
    m_candles->setChecked(true); // the chart starts with candlesticks on
    m_candles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_candles->setToolTip(
        tr("Draw candlesticks when one instrument with open/high/low/close data is shown "
           "(Ctrl+K)"));
    connect(m_candles, &QAction::toggled, m_chart, &PriceChartView::setCandlesticks);
    setupNews(); // news markers toggle, model choice, sentiment timeline (prices_tab_news.cpp)
    auto* hint = new QLabel(tr("  Select several instruments to overlay them"), m_toolBar);
    hint->setEnabled(false);
    m_toolBar->addWidget(hint);

    auto* chartBox = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    chartLayout->addWidget(m_toolBar);
    chartLayout->addWidget(m_chartSplitter, 1);

    // Holdings page: portfolio chooser over the table.
    m_holdings = new HoldingsModel(this);
    m_holdingsProxy = new QSortFilterProxyModel(this);
    m_holdingsProxy->setSourceModel(m_holdings);
    m_holdingsProxy->setSortRole(HoldingsModel::SortRole);
    m_holdingsView = makeTable(m_holdingsProxy, this);
    m_holdingsView->setObjectName(QStringLiteral("holdingsView"));
    m_holdingsView->sortByColumn(HoldingsModel::Ticker, Qt::AscendingOrder);
    // Editable once a PortfolioEditor installs its handler (double-click or F2 on a cell); rows
    // are selected together for Remove Holdings (Del).
    m_holdingsView->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_holdingsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_portfolioBox = new QComboBox(this);
    m_portfolioBox->setMinimumContentsLength(18);
    m_portfolioBox->setToolTip(tr("Portfolio shown in the holdings table"));
    connect(m_portfolioBox, &QComboBox::currentIndexChanged, this, [this] { loadHoldings(); });
    auto* holdingsPage = new QWidget(this);
    auto* holdingsLayout = new QVBoxLayout(holdingsPage);
    holdingsLayout->setContentsMargins(4, 4, 4, 4);
    auto* chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Portfolio:"), holdingsPage));
    chooser->addWidget(m_portfolioBox);
    chooser->addStretch(1);
    holdingsLayout->addLayout(chooser);
    holdingsLayout->addWidget(m_holdingsView, 1);

    m_instruments = new InstrumentsModel(this);
    connect(m_project, &ProjectController::instrumentsCounted, this,
        [this] { m_instruments->updateCounts(m_project->instruments()); });
    m_instrumentsProxy = new QSortFilterProxyModel(this);
    m_instrumentsProxy->setSourceModel(m_instruments);
    m_instrumentsProxy->setSortRole(InstrumentsModel::SortRole);
    m_instrumentsView = makeTable(m_instrumentsProxy, this);
    m_instrumentsView->setObjectName(QStringLiteral("instrumentsView"));
    m_instrumentsView->sortByColumn(InstrumentsModel::Ticker, Qt::AscendingOrder);
    m_instrumentsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_instrumentsView->setToolTip(tr("Select one or several instruments (Ctrl/Shift+click) to "
                                     "show them in the chart"));
    connect(m_instrumentsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &PricesTab::onInstrumentSelectionChanged);

    m_tables = new QTabWidget(this);
    m_tables->setDocumentMode(true);
    m_tables->addTab(holdingsPage, QIcon(QStringLiteral(":/icons/portfolio.svg")), tr("Holdings"));
    m_tables->addTab(
        m_instrumentsView, QIcon(QStringLiteral(":/icons/instrument.svg")), tr("Instruments"));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(chartBox);
    m_splitter->addWidget(m_tables);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

void PricesTab::reload()
{
    const QStringList previous = m_shown;
    const QString portfolio = m_portfolioBox->currentText();
    m_newsCache.clear(); // news, scores or the index may have changed with the data
    m_modelsRead = false;

    m_instruments->setInstruments(m_project->instruments());

    {
        const QSignalBlocker block(m_portfolioBox);
        m_portfolioBox->clear();
        for (const auto& p : m_project->portfolios())
            m_portfolioBox->addItem(
                QIcon(QStringLiteral(":/icons/portfolio.svg")), QString::fromStdString(p.name));
        const int keep = m_portfolioBox->findText(portfolio);
        m_portfolioBox->setCurrentIndex(keep >= 0 ? keep : 0);
        m_portfolioBox->setEnabled(m_portfolioBox->count() > 0);
    }
    loadHoldings();

    QStringList keep;
    for (const QString& t : previous) {
        if (m_instruments->rowOf(t) >= 0)
            keep << t;
    }
    if (keep.isEmpty() && m_instruments->rowCount() > 0)
        keep << m_instrumentsProxy->index(0, 0).data(InstrumentsModel::SortRole).toString();
    // Keep the analyst's zoom when the same instruments stay on screen after an import.
    const bool sameView = !previous.isEmpty() && keep == previous;
    const qint64 fromMs = m_chart->visibleFromMs();
    const qint64 toMs = m_chart->visibleToMs();
    m_keepRange.reset();
    if (sameView && toMs > fromMs)
        m_keepRange = std::make_pair(fromMs, toMs);
    m_shown.clear(); // force a chart refresh: the data behind the tickers may have changed
    m_pricesRead.invalidate(); // prices read before the reload are stale
    selectTickers(keep);
    if (keep.isEmpty())
        showInChart({});
}

void PricesTab::loadHoldings()
{
    const auto& portfolios = m_project->portfolios();
    const int index = m_portfolioBox->currentIndex();
    if (index < 0 || index >= int(portfolios.size())) {
        m_closesRead.invalidate();
        m_holdings->clear();
        return;
    }
    std::vector<std::string> missing;
    for (const auto& h : portfolios[std::size_t(index)].holdings)
        if (!m_project->cachedLastClose(QString::fromStdString(h.ticker)))
            missing.push_back(h.ticker);
    // In a large file the table shows at once and its closes fill in; in a small one the read
    // below runs now and shows it.
    if (missing.empty() || m_project->readsInBackground())
        showHoldings();
    if (missing.empty())
        return;
    using Closes = std::vector<double>;
    m_project->read<Closes>(
        m_closesRead, this,
        [missing](core::ProjectStore& store) -> core::Result<Closes> {
            // A seek in the prices key per holding, not the whole series (5,000 holdings x
            // 5,000 days would otherwise read 25 million rows).
            Closes closes;
            closes.reserve(missing.size());
            for (const std::string& ticker : missing) {
                auto close = core::latestClose(store, ticker);
                closes.push_back(close ? *close : core::kMissing);
            }
            return closes;
        },
        [this, missing](core::Result<Closes> closes) {
            if (closes) {
                for (std::size_t i = 0; i < missing.size(); ++i)
                    m_project->cacheLastClose(QString::fromStdString(missing[i]), (*closes)[i]);
            }
            showHoldings();
        });
}

void PricesTab::showHoldings()
{
    const auto& portfolios = m_project->portfolios();
    const int index = m_portfolioBox->currentIndex();
    if (index < 0 || index >= int(portfolios.size())) {
        m_holdings->clear();
        return;
    }
    const auto& portfolio = portfolios[std::size_t(index)];
    std::vector<double> closes;
    closes.reserve(portfolio.holdings.size());
    for (const auto& h : portfolio.holdings)
        closes.push_back(
            m_project->cachedLastClose(QString::fromStdString(h.ticker)).value_or(core::kMissing));
    // Keep the cell being worked on current across the reset an edit causes (keyboard editing
    // goes on from there).
    const QModelIndex current = m_holdingsView->currentIndex();
    const QString ticker = current.siblingAtColumn(HoldingsModel::Ticker)
                               .data(HoldingsModel::SortRole)
                               .toString();
    const bool samePortfolio
        = m_holdings->portfolioName() == QString::fromStdString(portfolio.name);
    // The reset drops a cell editor that has the focus; the table takes it back (not the next
    // widget in the focus chain), so typing goes on in the table.
    const QWidget* focus = QApplication::focusWidget();
    const bool hadFocus = focus && (focus == m_holdingsView || m_holdingsView->isAncestorOf(focus));
    m_holdings->setPortfolio(portfolio, closes);
    if (hadFocus)
        m_holdingsView->setFocus();
    const int row = samePortfolio && !ticker.isEmpty() ? m_holdings->rowOf(ticker) : -1;
    if (row >= 0) {
        const QModelIndex again
            = m_holdingsProxy->mapFromSource(m_holdings->index(row, current.column()));
        m_holdingsView->selectionModel()->setCurrentIndex(
            again, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void PricesTab::showPortfolio(const QString& name)
{
    const int index = m_portfolioBox->findText(name);
    if (index >= 0)
        m_portfolioBox->setCurrentIndex(index);
    showHoldingsTab();
}

void PricesTab::showHoldingsTab()
{
    m_tables->setCurrentIndex(0);
}
void PricesTab::showInstrumentsTab()
{
    m_tables->setCurrentIndex(1);
}

void PricesTab::selectTickers(const QStringList& tickers)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString& t : tickers) {
        const int row = m_instruments->rowOf(t);
        if (row < 0)
            continue;
        const QModelIndex index = m_instrumentsProxy->mapFromSource(m_instruments->index(row, 0));
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(InstrumentsModel::ColumnCount - 1));
    }
    {
        m_selecting = true;
        auto* sm = m_instrumentsView->selectionModel();
        sm->select(selection, QItemSelectionModel::ClearAndSelect);
        if (first.isValid()) {
            sm->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
            m_instrumentsView->scrollTo(first);
        }
        m_selecting = false;
    }
    showInChart(tickers);
}

void PricesTab::onInstrumentSelectionChanged()
{
    if (m_selecting)
        return;
    QStringList tickers;
    const QModelIndexList rows = m_instrumentsView->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        tickers << index.data(InstrumentsModel::SortRole).toString();
    // Keep the current row first so the inspector describes what was clicked last.
    const QString current = m_instrumentsView->currentIndex()
                                .siblingAtColumn(0)
                                .data(InstrumentsModel::SortRole)
                                .toString();
    if (tickers.removeAll(current) > 0)
        tickers.prepend(current);
    showInChart(tickers);
}

void PricesTab::showInChart(const QStringList& tickers)
{
    std::vector<std::string> missing;
    for (const QString& t : tickers)
        if (!m_project->hasCachedPrices(t))
            missing.push_back(t.toStdString());
    if (missing.empty()) {
        m_pricesRead.invalidate(); // a read still running for earlier tickers is not wanted
        showSeries(tickers);
        return;
    }
    struct Loaded {
        QString ticker;
        core::Result<core::PriceSeries> series;
    };
    using Batch = std::vector<Loaded>;
    m_project->read<Batch>(
        m_pricesRead, this,
        [missing](core::ProjectStore& store) -> core::Result<Batch> {
            Batch batch;
            for (const std::string& t : missing)
                batch.push_back({QString::fromStdString(t), store.prices(t)});
            return batch;
        },
        [this, tickers](core::Result<Batch> batch) {
            QStringList readable = tickers;
            if (!batch) {
                Q_EMIT message(tr("Cannot load %1: %2")
                                   .arg(tickers.join(QStringLiteral(", ")),
                                       QString::fromStdString(batch.error().message)));
                return;
            }
            for (Loaded& loaded : *batch) {
                if (loaded.series) {
                    m_project->cachePrices(loaded.ticker, std::move(*loaded.series));
                    continue;
                }
                Q_EMIT message(tr("Cannot load %1: %2")
                                   .arg(loaded.ticker,
                                       QString::fromStdString(loaded.series.error().message)));
                readable.removeAll(loaded.ticker);
            }
            showSeries(readable);
        });
}

void PricesTab::showSeries(const QStringList& tickers)
{
    QStringList shown;
    std::vector<core::PriceSeries> series;
    for (const QString& t : tickers) {
        auto s = m_project->prices(t);
        if (!s) {
            Q_EMIT message(
                tr("Cannot load %1: %2").arg(t, QString::fromStdString(s.error().message)));
            continue;
        }
        shown << t;
        series.push_back(std::move(*s));
    }
    const std::optional<std::pair<qint64, qint64>> keepRange = std::exchange(m_keepRange, {});
    if (shown == m_shown && !shown.isEmpty())
        return;
    m_shown = shown;
    if (series.empty())
        m_chart->clear();
    else
        m_chart->setSeries(std::move(series));
    if (keepRange && !m_shown.isEmpty())
        m_chart->setVisibleRange(keepRange->first, keepRange->second);
    loadNews();
    Q_EMIT tickersShown(m_shown);
}

void PricesTab::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("prices/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("prices/rebased"), m_rebase->isChecked());
    settings.setValue(QStringLiteral("prices/candlesticks"), m_candles->isChecked());
    settings.setValue(QStringLiteral("prices/tableTab"), m_tables->currentIndex());
    settings.setValue(QStringLiteral("prices/chartSplitter"), m_chartSplitter->saveState());
    settings.setValue(QStringLiteral("prices/newsMarkers"), m_newsMarkers->isChecked());
}

void PricesTab::restoreState()
{
    QSettings settings;
    const QByteArray splitter = settings.value(QStringLiteral("prices/splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    else
        m_splitter->setSizes({560, 300});
    m_rebase->setChecked(settings.value(QStringLiteral("prices/rebased"), false).toBool());
    // Candlesticks are on by default (as the chart starts); the chart follows the restored state
    // also when the action's state does not change (toggled is then not emitted).
    m_candles->setChecked(settings.value(QStringLiteral("prices/candlesticks"), true).toBool());
    m_chart->setCandlesticks(m_candles->isChecked());
    m_tables->setCurrentIndex(settings.value(QStringLiteral("prices/tableTab"), 0).toInt());
    const QByteArray chartSplitter
        = settings.value(QStringLiteral("prices/chartSplitter")).toByteArray();
    if (!chartSplitter.isEmpty())
        m_chartSplitter->restoreState(chartSplitter);
    m_newsMarkers->setChecked(settings.value(QStringLiteral("prices/newsMarkers"), true).toBool());
}

} // namespace marketlens::ui
