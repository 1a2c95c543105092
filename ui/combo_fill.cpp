#include "combo_fill.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QStandardItemModel>

#include <algorithm>

namespace marketlens::ui {

void replaceComboItems(QComboBox* box, const QList<ComboItem>& items, const QVariant& current)
{
    const QSignalBlocker block(box);
    if (auto* model = qobject_cast<QStandardItemModel*>(box->model())) {
        QList<QStandardItem*> rows;
        rows.reserve(items.size());
        for (const ComboItem& item : items) {
            rows << new QStandardItem(item.text);
            rows.back()->setData(item.data, Qt::UserRole);
        }
        model->clear();
        model->invisibleRootItem()->appendRows(rows);
    } else {
        box->clear();
        for (const ComboItem& item : items)
            box->addItem(item.text, item.data);
    }
    box->setCurrentIndex(items.isEmpty() ? -1 : std::max(0, box->findData(current)));
}

} // namespace marketlens::ui
