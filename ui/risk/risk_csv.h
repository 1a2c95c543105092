#pragma once
// CSV export of a table model with a RawValueRole (the holdings risk table): a header row from the
// horizontal header (line breaks as spaces), then one row per model row in the model's order (pass
// the sort proxy to export what the user sees). Numbers are written from RawValueRole (Qt::UserRole
// + 2) with 17 significant digits so that the file reads back to the same doubles, text as it is,
// an invalid value (missing) as an empty field; fields with a comma, quote or line break are quoted
// (RFC 4180).

#include <QString>

class QAbstractItemModel;
class QIODevice;
class QWidget;

namespace marketlens::ui {

QString tableToCsv(const QAbstractItemModel& model);
// Writes to `path`; false with `error` set on failure.
bool writeTableCsv(const QAbstractItemModel& model, const QString& path, QString* error = nullptr);
// Asks for a file name (QFileDialog) and writes; reports failures in a message box.
void exportTableCsvWithDialog(
    QWidget* parent, const QAbstractItemModel& model, const QString& suggestedName);

} // namespace marketlens::ui
