#pragma once
// ProjectTree: the left "Project" dock: Portfolios (with their holdings), Instruments (ticker,
// rows, date range), News (the number of stored items; double-click or Enter: newsActivated),
// the Models section that a later capability fills (greyed until then) and Reports (double-click
// or Enter: reportsActivated, i.e. Create Report…). Multi-selection of instruments overlays them
// in the chart; double-click opens an instrument or portfolio in the Prices tab. F2 on a portfolio renames it
// in place and a right-click asks for the portfolio menu (both carried out by PortfolioEditor).

#include "core/types.h"
#include "ui/project_reader.h"

#include <QHash>
#include <QStringList>
#include <QTreeWidget>

namespace marketlens::ui {

class ProjectController;

class ProjectTree : public QTreeWidget {
    Q_OBJECT
public:
    enum ItemKind {
        SectionItem = 1,
        PortfolioItem,
        HoldingItem,
        InstrumentItem,
        ReportsItem,
        NewsItem
    };
    enum Role { KindRole = Qt::UserRole + 1, KeyRole };

    explicit ProjectTree(ProjectController* project, QWidget* parent = nullptr);

    void reload();
    QStringList selectedTickers() const;
    // Selects these instruments without emitting tickersSelected().
    void setSelectedTickers(const QStringList& tickers);
    // The portfolio of the current item (a portfolio or one of its holdings), empty otherwise.
    QString currentPortfolio() const;

Q_SIGNALS:
    void tickersSelected(const QStringList& tickers);
    void instrumentActivated(const QString& ticker);
    void portfolioActivated(const QString& name);
    // The Reports section was double-clicked or Enter was pressed on it.
    void reportsActivated();
    // The News section (it shows the number of stored news items) was activated.
    void newsActivated();
    // A portfolio's name was edited in place (the item shows the old name until a reload).
    void portfolioRenameRequested(const QString& from, const QString& to);
    // Right-click on the Portfolios section (empty name) or on a portfolio or holding.
    void portfolioMenuRequested(const QString& portfolio, const QPoint& globalPos);

private:
    QTreeWidgetItem* section(const QString& title, const QString& icon);
    // Row count and years of an instrument in its Details column (count -1: not counted yet).
    static void describe(QTreeWidgetItem* item, const core::InstrumentInfo& info);
    static QTreeWidgetItem* makeInstrumentItem();
    // The holding items of a portfolio item, made when it is first expanded.
    void addHoldings(QTreeWidgetItem* item);
    // The counts of a large project came (ProjectController::instrumentsCounted()).
    void updateCounts();

    ProjectController* m_project;
    QTreeWidgetItem* m_portfolios = nullptr;
    QTreeWidgetItem* m_instruments = nullptr;
    QHash<QString, QTreeWidgetItem*> m_instrumentItems; // ticker -> its item
    QTreeWidgetItem* m_newsItem = nullptr; // the News section (its count comes from read())
    ReadChannel m_newsCountRead;
    bool m_updating = false;
};

} // namespace marketlens::ui
