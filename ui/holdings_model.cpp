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
    if (role == Qt::ToolTipRole && column == Weight && !row.holding.weight
        && !core::isMissing(row.weight) && isEditable())
        return tr("Share of the market value; type a weight to store one");
    if (role == Qt::EditRole)
        return editText(row, column); // stored values as text; empty for other columns
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

QString HoldingsModel::editText(const Row& row, int column) const
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    // Shortest text that reads back to the stored double, so that an unchanged cell is a no-op.
    auto text = [&](const std::optional<double>& v) {
        return v ? locale.toString(*v, 'g', QLocale::FloatingPointShortest) : QString();
    };
    switch (column) {
    case Quantity:
        return text(row.holding.quantity);
    case Weight:
        // In percent as shown; 12 significant digits hide the binary noise of x 100.
        return row.holding.weight ? locale.toString(*row.holding.weight * 100.0, 'g', 12)
                                  : QString();
    case CostBasis:
        return text(row.holding.costBasis);
    case Currency:
        return QString::fromStdString(row.holding.currency);
    default:
        return QString();
    }
}

int HoldingsModel::rowOf(const QString& ticker) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (QString::fromStdString(m_rows[i].holding.ticker) == ticker)
            return int(i);
    }
    return -1;
}

Qt::ItemFlags HoldingsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const int column = index.column();
    if (index.isValid() && isEditable()
        && (column == Quantity || column == Weight || column == CostBasis || column == Currency))
        f |= Qt::ItemIsEditable;
    return f;
}

bool HoldingsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= int(m_rows.size())
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row& row = m_rows[std::size_t(index.row())];
    // Closing an editor without typing hands back the same text: nothing to write or undo.
    if (value.typeId() == QMetaType::QString && value.toString() == editText(row, index.column()))
        return true;
    // The handler writes the project and reloads it, which resets this model: copy what it needs.
    const QString ticker = QString::fromStdString(row.holding.ticker);
    const QString portfolio = m_name;
    return m_editHandler(portfolio, ticker, index.column(), value);
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
