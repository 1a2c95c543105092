#include "models_panel.h"

#include "models_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace marketlens::ui {

ModelsPanel::ModelsPanel(QWidget* parent)
    : QWidget(parent)
{
    m_model = new ModelsModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelsModel::SortRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("modelsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ModelsModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_empty = new QLabel(tr("No models yet. Use Train… to train one on an instrument's prices, "
                            "or Import Model… to add a TorchScript forecaster trained elsewhere."),
        this);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #666;"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);

    // Selection, not the current row: after a reset the current index may already be on the
    // row the analyst clicks, which changes the selection but not the current row.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { Q_EMIT modelSelected(currentId()); });
    connect(m_model, &ModelsModel::renameRequested, this, &ModelsPanel::renameRequested);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT activated(index.data(ModelsModel::IdRole).toLongLong());
    });
    setRecords({});
}

void ModelsPanel::setRecords(std::vector<core::forecast::ModelRecord> records)
{
    const qint64 keep = currentId();
    {
        const QSignalBlocker block(m_view->selectionModel());
        m_model->setRecords(std::move(records));
    }
    m_empty->setVisible(m_model->rowCount() == 0);
    fitColumns();
    if (keep != 0 && m_model->rowOfId(keep) >= 0)
        selectId(keep);
    else if (keep != 0)
        Q_EMIT modelSelected(0);
}

qint64 ModelsPanel::currentId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ModelsModel::IdRole).toLongLong();
}

void ModelsPanel::selectId(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ModelsPanel::fitColumns()
{
    m_view->resizeColumnsToContents();
    // A long model name should not push the metrics out of view.
    m_view->setColumnWidth(
        ModelsModel::NameColumn, std::min(m_view->columnWidth(ModelsModel::NameColumn), 260));
}

} // namespace marketlens::ui
