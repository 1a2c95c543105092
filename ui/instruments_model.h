#pragma once
// InstrumentsModel: the instruments of the project (ticker, stored rows, first and last date).
// DisplayRole is formatted text; SortRole the raw value (row count, date as days since epoch).

#include "core/types.h"

#include <QAbstractTableModel>

#include <vector>

namespace marketlens::ui {

class InstrumentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Ticker, Rows, FirstDate, LastDate, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit InstrumentsModel(QObject* parent = nullptr);

    void setInstruments(std::vector<core::InstrumentInfo> instruments);
    // Takes the row counts of `instruments` (by id) for the rows held; a count of -1 means "not
    // counted yet" and shows as an empty cell (ProjectController counts large files later).
    void updateCounts(const std::vector<core::InstrumentInfo>& instruments);
    const std::vector<core::InstrumentInfo>& instruments() const { return m_items; }
    QString ticker(int row) const;
    int rowOf(const QString& ticker) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<core::InstrumentInfo> m_items;
};

} // namespace marketlens::ui
