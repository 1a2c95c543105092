#pragma once
// Filling a combo box with thousands of items (the tickers of a large project) in one model
// insertion. QComboBox::addItem() inserts one row at a time, each with its model signals and a
// size-hint update: 5,000 tickers cost tens of milliseconds of the GUI thread at every project
// open (docs/performance-load.md).

#include <QList>
#include <QString>
#include <QVariant>

class QComboBox;

namespace marketlens::ui {

struct ComboItem {
    QString text;
    QVariant data; // Qt::UserRole
};

// Replaces the items of `box` with its signals blocked, then makes current the item whose data
// equals `current` (the first item when none does; none when `items` is empty). A box with a
// model other than its own QStandardItemModel is filled item by item.
void replaceComboItems(QComboBox* box, const QList<ComboItem>& items, const QVariant& current);

} // namespace marketlens::ui
