#include "models_model.h"
#include "ui/locale_format.h"

#include "models/signals/signal_pipeline.h"
#include "ui/forecast/forecast_types.h"
#include "ui/risk/risk_palette.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace fc = core::forecast;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString formatNumber(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

ModelsModel::ModelsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ModelsModel::setRecords(std::vector<fc::ModelRecord> records)
{
    beginResetModel();
    // Signal classifiers are stored in the same table but do not forecast prices.
    std::erase_if(records,
        [](const fc::ModelRecord& r) { return models::signals::isSignalModelKind(r.kind); });
    m_records = std::move(records);
    m_metrics.clear();
    for (const auto& r : m_records)
        m_metrics.push_back(fc::parseStoredMetrics(r.metricsJson, r.kind));
    endResetModel();
}

int ModelsModel::rowOfId(qint64 id) const
{
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        if (m_records[i].id == id)
            return int(i);
    }
    return -1;
}

int ModelsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ModelsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelsModel::rawValue(int row, int column) const
{
    const fc::ModelRecord& r = m_records[std::size_t(row)];
    const ModelMetrics& m = m_metrics[std::size_t(row)];
    const auto* model = m.model();
    const auto* naive = m.find("naive");
    switch (column) {
    case NameColumn:
        return QString::fromStdString(r.name);
    case KindColumn:
        return r.origin == "imported" ? tr("Imported")
                                      : modelKindTitle(QString::fromStdString(r.kind));
    case TickerColumn:
        return QString::fromStdString(r.ticker);
    case HorizonColumn:
        return r.horizon;
    case CreatedColumn:
        return QDateTime::fromString(QString::fromStdString(r.createdUtc), Qt::ISODate);
    case ModelMaeColumn:
        return model ? model->errors.mae : kNaN;
    case NaiveMaeColumn:
        return naive ? naive->errors.mae : kNaN;
    case ModelMaseColumn:
        return model ? model->errors.mase : kNaN;
    case NaiveMaseColumn:
        return naive ? naive->errors.mase : kNaN;
    case BeatsNaiveColumn:
        return m.beatsNaive ? QVariant(*m.beatsNaive) : QVariant();
    default:
        return {};
    }
}

QVariant ModelsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int col = index.column();
    const QVariant raw = rawValue(row, col);
    switch (role) {
    case IdRole:
        return qint64(m_records[std::size_t(row)].id);
    case SortRole:
        if (col >= ModelMaeColumn && col <= NaiveMaseColumn) {
            const double v = raw.toDouble();
            return std::isfinite(v) ? v : -std::numeric_limits<double>::infinity();
        }
        if (col == BeatsNaiveColumn)
            return raw.isValid() ? (raw.toBool() ? 2 : 1) : 0;
        return raw;
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (col == CreatedColumn) {
            // Shown in the UI's date format; the edit value (read by the table export) is the
            // date-time itself, so files keep ISO.
            const QDateTime t = raw.toDateTime();
            if (!t.isValid())
                return QString::fromStdString(m_records[std::size_t(row)].createdUtc);
            return role == Qt::EditRole ? QVariant(t.toLocalTime())
                                        : QVariant(displayDateTime(t.toLocalTime()));
        }
        if (col == ModelMaeColumn || col == NaiveMaeColumn)
            return formatNumber(raw.toDouble(), 3);
        if (col == ModelMaseColumn || col == NaiveMaseColumn)
            return formatNumber(raw.toDouble(), 3);
        if (col == BeatsNaiveColumn)
            return raw.isValid() ? (raw.toBool() ? tr("yes") : tr("no")) : QStringLiteral("—");
        return raw;
    case Qt::TextAlignmentRole:
        if (col >= HorizonColumn && col <= NaiveMaseColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (col == BeatsNaiveColumn)
            return int(Qt::AlignCenter);
        return {};
    case Qt::BackgroundRole:
        if (col == BeatsNaiveColumn && raw.isValid()) {
            QColor c = raw.toBool() ? risk::kScaleLow : risk::kScaleHigh;
            c.setAlpha(60);
            return c;
        }
        return {};
    case Qt::ToolTipRole: {
        const ModelMetrics& m = m_metrics[std::size_t(row)];
        if (col == BeatsNaiveColumn || (col >= ModelMaeColumn && col <= NaiveMaseColumn))
            return m.verdict.empty()
                ? tr("Errors on the held-out test part; the naive forecast repeats the last "
                     "price.")
                : QString::fromStdString(m.verdict);
        if (col == NameColumn)
            return tr("Double-click to rename");
        return {};
    }
    default:
        return {};
    }
}

bool ModelsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    const QString name = value.toString().trimmed();
    auto& r = m_records[std::size_t(index.row())];
    if (name.isEmpty() || name.toStdString() == r.name)
        return false;
    r.name = name.toStdString();
    Q_EMIT dataChanged(index, index);
    Q_EMIT renameRequested(r.id, name);
    return true;
}

Qt::ItemFlags ModelsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ModelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case KindColumn:
            return tr("Kind");
        case TickerColumn:
            return tr("Ticker");
        case HorizonColumn:
            return tr("Horizon");
        case CreatedColumn:
            return tr("Created");
        case ModelMaeColumn:
            return tr("Test MAE");
        case NaiveMaeColumn:
            return tr("Naive MAE");
        case ModelMaseColumn:
            return tr("Test MASE");
        case NaiveMaseColumn:
            return tr("Naive MASE");
        case BeatsNaiveColumn:
            return tr("Beats naive");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case HorizonColumn:
            return tr("Days ahead the model forecasts (1..H)");
        case ModelMaeColumn:
            return tr("Mean absolute error of the model's median forecast on the test part");
        case NaiveMaeColumn:
            return tr("Mean absolute error of the naive forecast (last price) on the same origins");
        case ModelMaseColumn:
            return tr("Mean absolute scaled error: MAE over the mean one-day price change of the "
                      "training part (below 1 beats a one-day naive forecast in sample)");
        case NaiveMaseColumn:
            return tr("MASE of the naive forecast on the same origins");
        case BeatsNaiveColumn:
            return tr("Yes when the model's MAE and MASE are both below the naive forecast's");
        default:
            return {};
        }
    }
    return {};
}

} // namespace marketlens::ui
