#pragma once
// ProjectTree: the left "Project" dock: Portfolios (with their holdings), Instruments (ticker,
// rows, date range) and the News / Models / Reports sections that later capabilities fill
// (shown greyed until then). Multi-selection of instruments overlays them in the chart;
// double-click opens an instrument or portfolio in the Prices tab.

#include <QStringList>
#include <QTreeWidget>

namespace marketlens::ui {

class ProjectController;

class ProjectTree : public QTreeWidget {
    Q_OBJECT
public:
    enum ItemKind { SectionItem = 1, PortfolioItem, HoldingItem, InstrumentItem };
    enum Role { KindRole = Qt::UserRole + 1, KeyRole };

    explicit ProjectTree(ProjectController* project, QWidget* parent = nullptr);

    void reload();
    QStringList selectedTickers() const;
    // Selects these instruments without emitting tickersSelected().
    void setSelectedTickers(const QStringList& tickers);

Q_SIGNALS:
    void tickersSelected(const QStringList& tickers);
    void instrumentActivated(const QString& ticker);
    void portfolioActivated(const QString& name);

private:
    QTreeWidgetItem* section(const QString& title, const QString& icon);

    ProjectController* m_project;
    QTreeWidgetItem* m_portfolios = nullptr;
    QTreeWidgetItem* m_instruments = nullptr;
    bool m_updating = false;
};

} // namespace marketlens::ui
