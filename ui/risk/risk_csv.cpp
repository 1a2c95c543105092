#include "risk_csv.h"

#include <QAbstractItemModel>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

namespace marketlens::ui {

namespace {
constexpr int kRawValueRole = Qt::UserRole + 2;

QString field(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

QString tableToCsv(const QAbstractItemModel& model)
{
    QString out;
    const int columns = model.columnCount();
    QStringList cells;
    for (int c = 0; c < columns; ++c)
        cells << field(
            model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().simplified());
    out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < columns; ++c) {
            const QModelIndex index = model.index(r, c);
            const QVariant raw = model.data(index, kRawValueRole);
            if (raw.typeId() == QMetaType::Double)
                cells << QString::number(raw.toDouble(), 'g', 17);
            else if (raw.isValid())
                cells << field(raw.toString());
            else
                cells << QString();
        }
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

bool writeTableCsv(const QAbstractItemModel& model, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(tableToCsv(model).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void exportTableCsvWithDialog(
    QWidget* parent, const QAbstractItemModel& model, const QString& suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export table as CSV"),
        suggestedName, QObject::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeTableCsv(model, path, &error)) {
        QMessageBox::warning(parent, QObject::tr("Export table as CSV"),
            QObject::tr("Could not write %1: %2").arg(path, error));
    }
}

} // namespace marketlens::ui
