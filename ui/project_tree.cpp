#include "project_tree.h"
#include "ui/locale_format.h"

#include "project_controller.h"

#include "core/news/news_store.h"

#include <QHeaderView>
#include <QLocale>

#include <algorithm>
#include <optional>
#include <utility>

namespace marketlens::ui {

ProjectTree::ProjectTree(ProjectController* project, QWidget* parent)
    : QTreeWidget(parent)
    , m_project(project)
{
    setColumnCount(2);
    setHeaderLabels({tr("Name"), tr("Details")});
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformRowHeights(true);
    setAnimated(true);
    setIndentation(14);
    setToolTip(tr("Everything stored in the project file. Select instruments to overlay them; "
                  "drop CSV files here to import them."));
    // A large project's row counts come after the rest (ProjectController::reload()).
    connect(m_project, &ProjectController::instrumentsCounted, this, &ProjectTree::updateCounts);
    connect(this, &QTreeWidget::itemExpanded, this, &ProjectTree::addHoldings);
    connect(this, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (!m_updating)
            Q_EMIT tickersSelected(selectedTickers());
    });
    // Double-click opens; only F2 edits (portfolio names, see reload()).
    setEditTriggers(QAbstractItemView::EditKeyPressed);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (m_updating || column != 0 || item->data(0, KindRole).toInt() != PortfolioItem)
            return;
        const QString from = item->data(0, KeyRole).toString();
        const QString to = item->text(0).trimmed();
        m_updating = true;
        item->setText(0, from); // the store decides; a reload shows the new name
        m_updating = false;
        // Queued: the rename reloads (clears) this tree, which must not happen while the item
        // is still inside its own setData().
        if (!to.isEmpty() && to != from)
            QMetaObject::invokeMethod(
                this, [this, from, to] { Q_EMIT portfolioRenameRequested(from, to); },
                Qt::QueuedConnection);
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QTreeWidgetItem* item = itemAt(pos);
        if (!item)
            return;
        if (item != m_portfolios)
            setCurrentItem(item);
        if (item == m_portfolios || !currentPortfolio().isEmpty())
            Q_EMIT portfolioMenuRequested(
                item == m_portfolios ? QString() : currentPortfolio(),
                viewport()->mapToGlobal(pos));
    });
    // Activation is a double-click or Enter (itemDoubleClicked covers only the mouse).
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, KindRole).toInt() == ReportsItem)
            Q_EMIT reportsActivated();
        else if (item && item->data(0, KindRole).toInt() == NewsItem)
            Q_EMIT newsActivated();
    });
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const int kind = item->data(0, KindRole).toInt();
        const QString key = item->data(0, KeyRole).toString();
        if (kind == InstrumentItem || kind == HoldingItem)
            Q_EMIT instrumentActivated(key);
        else if (kind == PortfolioItem)
            Q_EMIT portfolioActivated(key);
    });
    reload();
}

QTreeWidgetItem* ProjectTree::section(const QString& title, const QString& icon)
{
    auto* item = new QTreeWidgetItem(this);
    item->setText(0, title);
    item->setIcon(0, QIcon(icon));
    item->setData(0, KindRole, SectionItem);
    item->setFlags(Qt::ItemIsEnabled);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    return item;
}

void ProjectTree::reload()
{
    const QStringList selected = selectedTickers();
    m_updating = true;
    m_newsItem = nullptr;
    clear();
    const QLocale locale;
    // One icon for all items of a kind: a QIcon made from a file name per item costs more than
    // the rest of the item (5,000 instruments: most of the tree's time).
    const QIcon portfolioIcon(QStringLiteral(":/icons/portfolio.svg"));
    const QIcon instrumentIcon(QStringLiteral(":/icons/instrument.svg"));
    m_portfolios = section(tr("Portfolios"), QStringLiteral(":/icons/portfolio.svg"));
    for (const auto& p : m_project->portfolios()) {
        auto* item = new QTreeWidgetItem(m_portfolios);
        const QString name = QString::fromStdString(p.name);
        item->setText(0, name);
        item->setIcon(0, portfolioIcon);
        item->setText(1, tr("%n holding(s)", nullptr, int(p.holdings.size())));
        item->setData(0, KindRole, PortfolioItem);
        item->setData(0, KeyRole, name);
        item->setToolTip(0, tr("Double-click to show the holdings of %1; F2 renames it").arg(name));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        // The holdings are made when the portfolio is expanded (addHoldings()): portfolios
        // start collapsed, and 5,000 holdings would double the tree's items.
        item->setChildIndicatorPolicy(p.holdings.empty()
                ? QTreeWidgetItem::DontShowIndicator
                : QTreeWidgetItem::ShowIndicator);
    }
    m_portfolios->setText(1, QString::number(m_portfolios->childCount()));

    m_instruments = section(tr("Instruments"), QStringLiteral(":/icons/instrument.svg"));
    m_instrumentItems.clear();
    QList<QTreeWidgetItem*> instruments; // inserted at once: one model insertion, not 5,000
    instruments.reserve(qsizetype(m_project->instruments().size()));
    for (const auto& info : m_project->instruments()) {
        QTreeWidgetItem* item = makeInstrumentItem();
        const QString ticker = QString::fromStdString(info.ticker);
        item->setText(0, ticker);
        item->setIcon(0, instrumentIcon);
        describe(item, info);
        item->setData(0, KindRole, InstrumentItem);
        item->setData(0, KeyRole, ticker);
        item->setToolTip(0, tr("Double-click to open %1 in the Prices tab").arg(ticker));
        m_instrumentItems.insert(ticker, item);
        instruments << item;
    }
    m_instruments->addChildren(instruments);
    m_instruments->setText(1, QString::number(m_instruments->childCount()));

    // Sections filled by later capabilities: visible so the shape of the project is clear,
    // greyed until they hold something.
    QTreeWidgetItem* news = section(tr("News"), QStringLiteral(":/icons/news.svg"));
    news->setData(0, KindRole, NewsItem);
    news->setToolTip(0, tr("Double-click to open the News tab"));
    // Counting a million items takes tens of milliseconds: read() runs it on the reader thread
    // in a large file. Not while a job holds the file's write transaction (read() refuses; the
    // count follows after the job's reload).
    m_newsItem = news;
    m_project->read<std::int64_t>(
        m_newsCountRead, this,
        [](core::ProjectStore& store) { return core::news::newsCount(store); },
        [this](core::Result<std::int64_t> n) {
            if (n && m_newsItem)
                m_newsItem->setText(1, QLocale().toString(qlonglong(*n)));
        });
    for (const auto& [title, icon] : {std::pair {tr("Models"), QStringLiteral(":/icons/model.svg")}}) {
        auto* item = section(title, icon);
        item->setFlags(Qt::NoItemFlags);
        item->setToolTip(0, tr("Not available yet"));
    }
    // Reports are not stored in the project: the node opens Report > Create Report….
    QTreeWidgetItem* reports = section(tr("Reports"), QStringLiteral(":/icons/report.svg"));
    reports->setData(0, KindRole, ReportsItem);
    reports->setToolTip(0, tr("Double-click to create a report"));
    m_portfolios->setExpanded(true);
    m_instruments->setExpanded(true);
    m_updating = false;
    setSelectedTickers(selected);
}

void ProjectTree::addHoldings(QTreeWidgetItem* item)
{
    if (item->data(0, KindRole).toInt() != PortfolioItem || item->childCount() > 0)
        return;
    const QString name = item->data(0, KeyRole).toString();
    const auto& portfolios = m_project->portfolios();
    const auto it = std::find_if(portfolios.begin(), portfolios.end(),
        [&](const core::Portfolio& p) { return QString::fromStdString(p.name) == name; });
    if (it == portfolios.end())
        return;
    const QLocale locale;
    const bool updating = std::exchange(m_updating, true);
    QList<QTreeWidgetItem*> children;
    children.reserve(qsizetype(it->holdings.size()));
    for (const auto& h : it->holdings) {
        auto* child = new QTreeWidgetItem;
        const QString ticker = QString::fromStdString(h.ticker);
        child->setText(0, ticker);
        if (h.quantity)
            child->setText(1, tr("%1 units").arg(locale.toString(*h.quantity, 'g', 10)));
        else if (h.weight)
            child->setText(1, locale.toString(*h.weight * 100.0, 'f', 2) + QLatin1String(" %"));
        child->setData(0, KindRole, HoldingItem);
        child->setData(0, KeyRole, ticker);
        child->setFlags(Qt::ItemIsEnabled);
        children << child;
    }
    item->addChildren(children);
    m_updating = updating;
}

namespace {

// An instrument's item: the Details column's tooltip (full dates in the user's format) is made
// when asked for, not for each of 5,000 items as the tree is filled.
class InstrumentTreeItem : public QTreeWidgetItem {
public:
    void setInfo(const core::InstrumentInfo& info)
    {
        m_count = info.priceCount;
        m_first = info.firstDate;
        m_last = info.lastDate;
    }
    QVariant data(int column, int role) const override
    {
        if (column != 1 || role != Qt::ToolTipRole || !m_first || !m_last)
            return QTreeWidgetItem::data(column, role);
        return ProjectTree::tr("%1 rows from %2 to %3")
            .arg(rowsText(m_count), displayDate(*m_first), displayDate(*m_last));
    }
    static QString rowsText(std::int64_t count)
    {
        // -1: not counted yet (large file, counted in the background).
        return count < 0 ? QStringLiteral("…") : QLocale().toString(qlonglong(count));
    }

private:
    std::int64_t m_count = -1;
    std::optional<core::Date> m_first, m_last;
};

} // namespace

QTreeWidgetItem* ProjectTree::makeInstrumentItem()
{
    return new InstrumentTreeItem;
}

void ProjectTree::describe(QTreeWidgetItem* item, const core::InstrumentInfo& info)
{
    // Compact: row count and years; the full dates are in the tooltip.
    if (auto* instrument = dynamic_cast<InstrumentTreeItem*>(item))
        instrument->setInfo(info);
    QString details = tr("%1 rows").arg(InstrumentTreeItem::rowsText(info.priceCount));
    if (info.firstDate && info.lastDate) {
        const int y0 = info.firstDate->year(), y1 = info.lastDate->year();
        details += y0 == y1 ? QStringLiteral(", %1").arg(y0)
                            : QStringLiteral(", %1–%2").arg(y0).arg(y1);
    }
    item->setText(1, details);
}

void ProjectTree::updateCounts()
{
    const bool updating = std::exchange(m_updating, true);
    for (const auto& info : m_project->instruments())
        if (QTreeWidgetItem* item = m_instrumentItems.value(QString::fromStdString(info.ticker)))
            describe(item, info);
    m_updating = updating;
}

QString ProjectTree::currentPortfolio() const
{
    const QTreeWidgetItem* item = currentItem();
    if (item && item->data(0, KindRole).toInt() == HoldingItem)
        item = item->parent();
    if (item && item->data(0, KindRole).toInt() == PortfolioItem)
        return item->data(0, KeyRole).toString();
    return {};
}

QStringList ProjectTree::selectedTickers() const
{
    QStringList tickers;
    const auto items = selectedItems();
    for (const auto* item : items) {
        if (item->data(0, KindRole).toInt() == InstrumentItem)
            tickers << item->data(0, KeyRole).toString();
    }
    // The current item first, so the inspector describes what was clicked last.
    if (const auto* cur = currentItem(); cur && cur->data(0, KindRole).toInt() == InstrumentItem) {
        const QString t = cur->data(0, KeyRole).toString();
        if (tickers.removeAll(t) > 0)
            tickers.prepend(t);
    }
    return tickers;
}

void ProjectTree::setSelectedTickers(const QStringList& tickers)
{
    if (!m_instruments)
        return;
    m_updating = true;
    clearSelection();
    for (const QString& ticker : tickers)
        if (QTreeWidgetItem* item = m_instrumentItems.value(ticker))
            item->setSelected(true);
    m_updating = false;
}

} // namespace marketlens::ui
