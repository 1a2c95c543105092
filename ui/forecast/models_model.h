#pragma once
// ModelsModel: the models panel's table, one row per trained or imported model stored in the
// project: name, a plain "beats naive" yes/no column, kind, ticker, horizon, the test MAE and
// MASE of the model beside the naive forecast's on the same origins, and when it was created.
// Roles: DisplayRole formatted text, SortRole the raw value (numbers sort numerically, missing
// values first), IdRole the record's id (every column). The name is editable: setData() emits
// renameRequested() and the owner stores the name. Plain data in, GUI thread only.
//
// A record's metricsJson is read with core::forecast::parseStoredMetrics.

#include "core/forecast/model_store.h"
#include "core/forecast/stored_metrics.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace marketlens::ui {

using ModelMetrics = core::forecast::StoredMetrics;

class ModelsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        // The verdict right after the name, so it stays in view when the table scrolls sideways.
        NameColumn,
        BeatsNaiveColumn,
        KindColumn,
        TickerColumn,
        HorizonColumn,
        ModelMaeColumn,
        NaiveMaeColumn,
        ModelMaseColumn,
        NaiveMaseColumn,
        CreatedColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit ModelsModel(QObject* parent = nullptr);

    // Records without weights (core::forecast::listModels), any order.
    void setRecords(std::vector<core::forecast::ModelRecord> records);
    const std::vector<core::forecast::ModelRecord>& records() const { return m_records; }
    const ModelMetrics& metrics(int row) const { return m_metrics[std::size_t(row)]; }
    int rowOfId(qint64 id) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void renameRequested(qint64 id, const QString& name);

private:
    QVariant rawValue(int row, int column) const;

    std::vector<core::forecast::ModelRecord> m_records;
    std::vector<ModelMetrics> m_metrics;
};

} // namespace marketlens::ui
