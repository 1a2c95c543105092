#pragma once
// HoldingsModel: the holdings of one portfolio as a table (ticker, quantity, weight, cost basis,
// currency, last close, market value). Last close comes from the stored prices; market value is
// quantity x last close; the weight column shows the stored weight, or for holdings given by
// quantity their share of the portfolio's market value.
// Qt::DisplayRole is formatted text; SortRole holds the raw number (or text) so that a
// QSortFilterProxyModel with setSortRole(HoldingsModel::SortRole) sorts numerically; missing
// numbers sort first as -infinity.
//
// Editing: read-only until setEditHandler() installs a handler (PortfolioEditor does). Then
// quantity, weight, cost basis and currency are editable; Qt::EditRole gives the stored value as
// locale text (weight in percent, empty when not stored) and setData() passes what was typed to
// the handler, which writes the project; the table changes when the project is reloaded.

#include "core/types.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace marketlens::ui {

class HoldingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Ticker,
        Quantity,
        Weight,
        CostBasis,
        Currency,
        LastClose,
        MarketValue,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit HoldingsModel(QObject* parent = nullptr);

    // `lastCloses[i]` is the last close of `portfolio.holdings[i].ticker` (NaN when unknown).
    void setPortfolio(const core::Portfolio& portfolio, const std::vector<double>& lastCloses);
    void clear();

    // Receives (portfolio name, ticker, column, typed value); returns whether it was accepted.
    using EditHandler = std::function<bool(
        const QString& portfolio, const QString& ticker, int column, const QVariant& value)>;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }
    bool isEditable() const { return bool(m_editHandler); }
    // Row of `ticker`, -1 when not held.
    int rowOf(const QString& ticker) const;
    const QString& portfolioName() const { return m_name; }

    // Raw values (NaN when missing), for tests and the inspector.
    double marketValue(int row) const;
    double totalMarketValue() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    struct Row {
        core::Holding holding;
        double lastClose = core::kMissing;
        double marketValue = core::kMissing;
        double weight = core::kMissing;
    };
    double number(const Row& row, int column) const;
    QString editText(const Row& row, int column) const;

    QString m_name;
    std::vector<Row> m_rows;
    EditHandler m_editHandler;
};

} // namespace marketlens::ui
