#include "holdings_model.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {
double orMissing(const std::optional<double>& v)
{
    return v ? *v : core::kMissing;
}
} // namespace

HoldingsModel::HoldingsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void HoldingsModel::setPortfolio(
    const core::Portfolio& portfolio, const std::vector<double>& lastCloses)
{
    beginResetModel();
    m_name = QString::fromStdString(portfolio.name);
    m_rows.clear();
    m_rows.reserve(portfolio.holdings.size());
    double total = 0.0;
    for (std::size_t i = 0; i < portfolio.holdings.size(); ++i) {
        Row row;
        row.holding = portfolio.holdings[i];
        row.lastClose = i < lastCloses.size() ? lastCloses[i] : core::kMissing;
        if (row.holding.quantity && !core::isMissing(row.lastClose))
            row.marketValue = *row.holding.quantity * row.lastClose;
        if (!core::isMissing(row.marketValue))
            total += row.marketValue;
        m_rows.push_back(std::move(row));
    }
    for (Row& row : m_rows) {
        if (row.holding.weight)
            row.weight = *row.holding.weight;
        else if (!core::isMissing(row.marketValue) && total > 0.0)
            row.weight = row.marketValue / total;
    }
    endResetModel();
}

void HoldingsModel::clear()
{
    beginResetModel();
    m_name.clear();
    m_rows.clear();
    endResetModel();
}

double HoldingsModel::marketValue(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].marketValue
                                                : core::kMissing;
}

double HoldingsModel::totalMarketValue() const
{
    double total = 0.0;
    for (const Row& row : m_rows) {
        if (!core::isMissing(row.marketValue))
            total += row.marketValue;
    }
    return total;
}

int HoldingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HoldingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double HoldingsModel::number(const Row& row, int column) const
{
    switch (column) {
    case Quantity:
        return orMissing(row.holding.quantity);
    case Weight:
        return row.weight;
    case CostBasis:
        return orMissing(row.holding.costBasis);
    case LastClose:
        return row.lastClose;
    case MarketValue:
        return row.marketValue;
    default:
        return core::kMissing;
    }
}

QVariant HoldingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    const bool text = column == Ticker || column == Currency;

    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            text ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        if (column == Ticker)
            return QString::fromStdString(row.holding.ticker);
        if (column == Currency)
            return QString::fromStdString(row.holding.currency);
        const double v = number(row, column);
        return core::isMissing(v) ? -std::numeric_limits<double>::infinity() : v;
    }
    if (role == Qt::ToolTipRole && column == MarketValue && core::isMissing(row.marketValue))
        return tr("Needs a quantity and a stored close price");
    if (role != Qt::DisplayRole)
        return {};

    if (column == Ticker)
        return QString::fromStdString(row.holding.ticker);
    if (column == Currency)
        return QString::fromStdString(row.holding.currency);
    const double v = number(row, column);
    if (core::isMissing(v))
        return QString();
    const QLocale locale;
    switch (column) {
    case Quantity:
        return locale.toString(v, 'f', v == std::floor(v) ? 0 : 4);
    case Weight:
        return locale.toString(v * 100.0, 'f', 2) + QLatin1String(" %");
    default:
        return locale.toString(v, 'f', 2);
    }
}

QVariant HoldingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Ticker || section == Currency
                ? Qt::AlignLeft | Qt::AlignVCenter
                : Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Ticker:
        return tr("Ticker");
    case Quantity:
        return tr("Quantity");
    case Weight:
        return tr("Weight");
    case CostBasis:
        return tr("Cost basis");
    case Currency:
        return tr("Currency");
    case LastClose:
        return tr("Last close");
    case MarketValue:
        return tr("Market value");
    default:
        return {};
    }
}

} // namespace marketlens::ui
