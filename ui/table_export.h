#pragma once
// Table export: any QAbstractItemModel (pass the sort/filter proxy to export what the user sees,
// in its order) to CSV or to an Excel .xlsx workbook.
//
// Values: each cell's TableExportOptions::valueRole. A number (double, float, integer) is a number
// (NaN/inf = empty), a QDate/QDateTime a date, an invalid QVariant empty, anything else text;
// integers in `dayNumberColumns` are days since 1970-01-01 (core::Date) and become dates. With
// the DisplayRole, text that is exactly an ISO date or a plain '.'-decimal number is one too, and
// a cell whose EditRole is a QDate/QDateTime exports that (its DisplayRole is the locale's text).
// CSV (RFC 4180): a header row from the horizontal header, CRLF line ends, UTF-8, numbers in the
// shortest form that reads back to the same double with '.' whatever the locale, dates
// YYYY-MM-DD (date-times "YYYY-MM-DD HH:MM:SS"), fields with , " CR or LF quoted with "" inside.
// Excel (libxlsxwriter): numbers are number cells at full precision with a number format taken
// from the cell's DisplayRole text (its decimals, thousands grouping, "%" when the text shows the
// value x 100 with a percent sign), dates real date cells (serial numbers, yyyy-mm-dd), a bold
// frozen header row with an autofilter, column widths from the text. Files are written to a
// temporary name and renamed, so a failed export leaves an existing file as it was.
// GUI thread (the model is read directly).

#include <QSet>
#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QWidget;

namespace marketlens::ui {

struct TableExportOptions {
    int valueRole = 0; // Qt::DisplayRole
    QSet<int> dayNumberColumns;
    QString sheetName = QStringLiteral("Sheet1");
};

// The options for this application's tables, looked up through proxy models: HoldingsModel and
// InstrumentsModel export their SortRole (instrument first/last dates as dates), HoldingsRiskModel
// its RawValueRole, any other model its DisplayRole.
TableExportOptions tableExportOptionsFor(const QAbstractItemModel& model);

QString tableToCsv(const QAbstractItemModel& model, const TableExportOptions& options);
// Write `path`; false with `error` set on failure.
bool writeTableCsv(const QAbstractItemModel& model, const QString& path,
    const TableExportOptions& options, QString* error = nullptr);
bool writeTableXlsx(const QAbstractItemModel& model, const QString& path,
    const TableExportOptions& options, QString* error = nullptr);

// Asks for a file (CSV or Excel, by the chosen filter or the suffix; the folder is remembered in
// QSettings) and writes it with tableExportOptionsFor(model); failures in a message box. False
// when cancelled or failed.
bool exportTableWithDialog(
    QWidget* parent, const QAbstractItemModel& model, const QString& suggestedName = QString());

// The table the File menu's "Export table…" acts on: the item view holding the focus or, failing
// that, the first visible table view under `root`; nullptr when there is none.
QAbstractItemView* findTableView(QWidget* root);

} // namespace marketlens::ui
