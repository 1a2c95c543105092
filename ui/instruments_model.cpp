#include "instruments_model.h"
#include "ui/locale_format.h"

#include <QDate>
#include <QLocale>

#include <unordered_map>

namespace marketlens::ui {

InstrumentsModel::InstrumentsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void InstrumentsModel::setInstruments(std::vector<core::InstrumentInfo> instruments)
{
    beginResetModel();
    m_items = std::move(instruments);
    endResetModel();
}

void InstrumentsModel::updateCounts(const std::vector<core::InstrumentInfo>& instruments)
{
    std::unordered_map<std::int64_t, std::int64_t> byId;
    for (const core::InstrumentInfo& info : instruments)
        byId[info.id] = info.priceCount;
    for (core::InstrumentInfo& item : m_items)
        if (const auto it = byId.find(item.id); it != byId.end())
            item.priceCount = it->second;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0, Rows), index(rowCount() - 1, Rows));
}

QString InstrumentsModel::ticker(int row) const
{
    return row >= 0 && row < int(m_items.size())
        ? QString::fromStdString(m_items[std::size_t(row)].ticker)
        : QString();
}

int InstrumentsModel::rowOf(const QString& ticker) const
{
    const std::string t = ticker.toStdString();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].ticker == t)
            return int(i);
    }
    return -1;
}

int InstrumentsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int InstrumentsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InstrumentsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return {};
    const auto& item = m_items[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            column == Rows ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (column) {
        case Ticker:
            return QString::fromStdString(item.ticker);
        case Rows:
            return qlonglong(item.priceCount);
        case FirstDate:
            return item.firstDate ? item.firstDate->days() : -1;
        case LastDate:
            return item.lastDate ? item.lastDate->days() : -1;
        default:
            return {};
        }
    }
    if (role == Qt::EditRole && (column == FirstDate || column == LastDate)) {
        // The dates themselves (the display is the locale's text): clipboard and table export.
        const std::optional<core::Date>& d = column == FirstDate ? item.firstDate : item.lastDate;
        return d ? QVariant(QDate(d->year(), d->month(), d->day())) : QVariant();
    }
    if (role == Qt::ToolTipRole && !item.name.empty())
        return QString::fromStdString(item.name);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Ticker:
        return QString::fromStdString(item.ticker);
    case Rows:
        return item.priceCount < 0 ? QString() : QLocale().toString(qlonglong(item.priceCount));
    case FirstDate:
        return item.firstDate ? displayDate(*item.firstDate) : QString();
    case LastDate:
        return item.lastDate ? displayDate(*item.lastDate) : QString();
    default:
        return {};
    }
}

QVariant InstrumentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Ticker:
        return tr("Ticker");
    case Rows:
        return tr("Rows");
    case FirstDate:
        return tr("First date");
    case LastDate:
        return tr("Last date");
    default:
        return {};
    }
}

} // namespace marketlens::ui
