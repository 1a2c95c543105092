#include "table_export.h"

#include "holdings_model.h"
#include "instruments_model.h"
#include "risk/holdings_risk_model.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QTableView>

#include <xlsxwriter.h>

#include <charconv>
#include <cmath>
#include <map>

namespace marketlens::ui {
namespace {

struct Cell {
    enum Kind { Empty, Number, Day, DateTime, Text } kind = Empty;
    double number = 0;
    QDate date;
    QDateTime dateTime;
    QString text;
};

const QDate kUnixEpoch(1970, 1, 1);

QString shortest(double v)
{
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, static_cast<qsizetype>(r.ptr - buf));
}

// A plain number as the C locale writes it ("-12.5", "1e-3"): no grouping, '.' decimal point.
bool plainNumber(const QString& text, double& out)
{
    if (text.isEmpty() || text.size() > 40)
        return false;
    const QByteArray latin = text.toLatin1();
    const char* begin = latin.constData();
    const auto r = std::from_chars(begin, begin + latin.size(), out);
    return r.ec == std::errc() && r.ptr == begin + latin.size() && std::isfinite(out);
}

Cell cellAt(const QAbstractItemModel& model, int row, int column, const TableExportOptions& o)
{
    QVariant v = model.data(model.index(row, column), o.valueRole);
    if (o.valueRole == Qt::DisplayRole) {
        // Dates are shown in the locale's format (locale_format.h); a model that gives the
        // QDate/QDateTime as its edit value exports that, as ISO, instead of the shown text.
        const QVariant edit = model.data(model.index(row, column), Qt::EditRole);
        if (edit.typeId() == QMetaType::QDate || edit.typeId() == QMetaType::QDateTime)
            v = edit;
    }
    Cell c;
    if (!v.isValid() || v.isNull())
        return c;
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::Short: {
        const double x = v.toDouble();
        if (!std::isfinite(x))
            return c;
        if (o.dayNumberColumns.contains(column)) {
            c.kind = Cell::Day;
            c.date = kUnixEpoch.addDays(static_cast<qint64>(std::floor(x)));
        } else {
            c.kind = Cell::Number;
            c.number = x;
        }
        return c;
    }
    case QMetaType::QDate:
        c.kind = v.toDate().isValid() ? Cell::Day : Cell::Empty;
        c.date = v.toDate();
        return c;
    case QMetaType::QDateTime:
        c.kind = v.toDateTime().isValid() ? Cell::DateTime : Cell::Empty;
        c.dateTime = v.toDateTime();
        return c;
    default:
        break;
    }
    c.text = v.toString();
    if (c.text.isEmpty())
        return c;
    c.kind = Cell::Text;
    if (o.valueRole == Qt::DisplayRole) {
        const QDate d = c.text.size() == 10 ? QDate::fromString(c.text, Qt::ISODate) : QDate();
        if (d.isValid()) {
            c.kind = Cell::Day;
            c.date = d;
        } else if (plainNumber(c.text, c.number)) {
            c.kind = Cell::Number;
        }
    }
    return c;
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString headerText(const QAbstractItemModel& model, int column)
{
    return model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString().simplified();
}

// The Excel number format that shows `value` as the table shows `display`: as many decimals,
// thousands grouping, and a percentage when the display is value x 100 followed by '%'.
QString numberFormat(double value, const QString& display)
{
    const QLocale locale;
    QString digits = display.trimmed();
    const bool percentSign = digits.endsWith(QLatin1Char('%'));
    if (percentSign)
        digits = digits.chopped(1).trimmed();
    int decimals = -1;
    for (const QChar point : {locale.decimalPoint().front(), QChar(u'.')}) {
        const qsizetype at = digits.lastIndexOf(point);
        if (at < 0)
            continue;
        int n = 0;
        while (at + 1 + n < digits.size() && digits.at(at + 1 + n).isDigit())
            ++n;
        if (at + 1 + n == digits.size()) {
            decimals = n;
            break;
        }
    }
    bool shown = false;
    double displayed = locale.toDouble(digits, &shown);
    if (!shown)
        displayed = QLocale::c().toDouble(digits, &shown);
    const bool percent = percentSign && shown
        && std::abs(displayed - value * 100.0)
            <= 0.5 * std::pow(10.0, -std::max(decimals, 0)) + 1e-9;
    if (decimals < 0)
        decimals = shown || value != std::floor(value) || std::abs(value) >= 1e15
            ? (value == std::floor(value) ? 0 : 2)
            : 0;
    QString format = QStringLiteral("#,##0");
    if (decimals > 0)
        format += QLatin1Char('.') + QString(decimals, QLatin1Char('0'));
    if (percent)
        format += QLatin1Char('%');
    return format;
}

const QAbstractItemModel* sourceOf(const QAbstractItemModel* model)
{
    while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(model)) {
        if (!proxy->sourceModel())
            break;
        model = proxy->sourceModel();
    }
    return model;
}

} // namespace

TableExportOptions tableExportOptionsFor(const QAbstractItemModel& model)
{
    TableExportOptions o;
    o.valueRole = Qt::DisplayRole;
    const QAbstractItemModel* source = sourceOf(&model);
    if (qobject_cast<const HoldingsModel*>(source)) {
        o.valueRole = HoldingsModel::SortRole;
    } else if (qobject_cast<const InstrumentsModel*>(source)) {
        o.valueRole = InstrumentsModel::SortRole;
        o.dayNumberColumns = {InstrumentsModel::FirstDate, InstrumentsModel::LastDate};
    } else if (qobject_cast<const HoldingsRiskModel*>(source)) {
        o.valueRole = HoldingsRiskModel::RawValueRole;
    }
    return o;
}

QString tableToCsv(const QAbstractItemModel& model, const TableExportOptions& options)
{
    const QString eol = QStringLiteral("\r\n");
    const int columns = model.columnCount();
    QStringList cells;
    for (int c = 0; c < columns; ++c)
        cells << csvField(headerText(model, c));
    QString out = cells.join(QLatin1Char(',')) + eol;
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < columns; ++c) {
            const Cell cell = cellAt(model, r, c, options);
            switch (cell.kind) {
            case Cell::Empty:
                cells << QString();
                break;
            case Cell::Number:
                cells << shortest(cell.number);
                break;
            case Cell::Day:
                cells << cell.date.toString(Qt::ISODate);
                break;
            case Cell::DateTime:
                cells << cell.dateTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                break;
            case Cell::Text:
                cells << csvField(cell.text);
                break;
            }
        }
        out += cells.join(QLatin1Char(',')) + eol;
    }
    return out;
}

bool writeTableCsv(const QAbstractItemModel& model, const QString& path,
    const TableExportOptions& options, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(tableToCsv(model, options).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool writeTableXlsx(const QAbstractItemModel& model, const QString& path,
    const TableExportOptions& options, QString* error)
{
    const QString temp = path + QStringLiteral(".part");
    const QByteArray tempName = QFile::encodeName(temp);
    lxw_workbook* workbook = workbook_new(tempName.constData());
    if (!workbook) {
        if (error)
            *error = QCoreApplication::translate("TableExport", "cannot create %1").arg(temp);
        return false;
    }
    QString sheetName = options.sheetName.left(31);
    if (sheetName.isEmpty())
        sheetName = QStringLiteral("Sheet1");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheetName.toUtf8().constData());
    if (!sheet)
        sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* dayFormat = workbook_add_format(workbook);
    format_set_num_format(dayFormat, "yyyy-mm-dd");
    lxw_format* timeFormat = workbook_add_format(workbook);
    format_set_num_format(timeFormat, "yyyy-mm-dd hh:mm:ss");
    std::map<QString, lxw_format*> numberFormats;
    auto formatFor = [&](const QString& code) {
        auto it = numberFormats.find(code);
        if (it == numberFormats.end()) {
            lxw_format* f = workbook_add_format(workbook);
            format_set_num_format(f, code.toUtf8().constData());
            it = numberFormats.emplace(code, f).first;
        }
        return it->second;
    };

    const int columns = std::min(model.columnCount(), int(LXW_COL_MAX));
    const int rows = std::min(model.rowCount(), int(LXW_ROW_MAX) - 1);
    std::vector<double> widths(static_cast<std::size_t>(std::max(columns, 0)), 8.0);
    lxw_error status = LXW_NO_ERROR;
    auto note = [&](lxw_error e) {
        if (status == LXW_NO_ERROR)
            status = e;
    };
    auto widen = [&](int c, qsizetype chars) {
        auto& w = widths[static_cast<std::size_t>(c)];
        w = std::min(60.0, std::max(w, double(chars) + 2.0));
    };
    for (int c = 0; c < columns; ++c) {
        const QString h = headerText(model, c);
        note(worksheet_write_string(sheet, 0, lxw_col_t(c), h.toUtf8().constData(), bold));
        widen(c, h.size());
    }
    for (int r = 0; r < rows; ++r) {
        const auto row = lxw_row_t(r + 1);
        for (int c = 0; c < columns; ++c) {
            const auto col = lxw_col_t(c);
            const Cell cell = cellAt(model, r, c, options);
            const QString display = model.data(model.index(r, c), Qt::DisplayRole).toString();
            switch (cell.kind) {
            case Cell::Empty:
                break;
            case Cell::Number:
                note(worksheet_write_number(
                    sheet, row, col, cell.number, formatFor(numberFormat(cell.number, display))));
                break;
            case Cell::Day: {
                lxw_datetime d {cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0.0};
                note(worksheet_write_datetime(sheet, row, col, &d, dayFormat));
                widen(c, 10);
                break;
            }
            case Cell::DateTime: {
                const QDate day = cell.dateTime.date();
                const QTime t = cell.dateTime.time();
                lxw_datetime d {day.year(), day.month(), day.day(), t.hour(), t.minute(),
                    t.second() + t.msec() / 1000.0};
                note(worksheet_write_datetime(sheet, row, col, &d, timeFormat));
                widen(c, 19);
                break;
            }
            case Cell::Text:
                note(worksheet_write_string(
                    sheet, row, col, cell.text.toUtf8().constData(), nullptr));
                break;
            }
            widen(c, display.size());
        }
    }
    for (int c = 0; c < columns; ++c)
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths[std::size_t(c)], nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0)
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows), lxw_col_t(columns - 1));
    const lxw_error closed = workbook_close(workbook);
    if (status == LXW_NO_ERROR)
        status = closed;
    if (status != LXW_NO_ERROR) {
        QFile::remove(temp);
        if (error)
            *error = QString::fromUtf8(lxw_strerror(status));
        return false;
    }
    if (QFile::exists(path) && !QFile::remove(path)) {
        QFile::remove(temp);
        if (error)
            *error = QCoreApplication::translate("TableExport", "cannot replace %1").arg(path);
        return false;
    }
    if (!QFile::rename(temp, path)) {
        QFile::remove(temp);
        if (error)
            *error = QCoreApplication::translate("TableExport", "cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool exportTableWithDialog(
    QWidget* parent, const QAbstractItemModel& model, const QString& suggestedName)
{
    QSettings settings;
    const QString dir
        = settings.value(QStringLiteral("tableExport/dir"), QDir::homePath()).toString();
    const QString csvFilter = QCoreApplication::translate("TableExport", "CSV files (*.csv)");
    const QString xlsxFilter
        = QCoreApplication::translate("TableExport", "Excel workbooks (*.xlsx)");
    QString filter
        = settings.value(QStringLiteral("tableExport/xlsx")).toBool() ? xlsxFilter : csvFilter;
    const QString base = suggestedName.isEmpty()
        ? QCoreApplication::translate("TableExport", "table")
        : suggestedName;
    QString path = QFileDialog::getSaveFileName(parent,
        QCoreApplication::translate("TableExport", "Export table"), QDir(dir).filePath(base),
        csvFilter + QStringLiteral(";;") + xlsxFilter, &filter);
    if (path.isEmpty())
        return false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool xlsx = suffix == QLatin1String("xlsx")
        || (suffix != QLatin1String("csv") && filter == xlsxFilter);
    if (QFileInfo(path).suffix().isEmpty())
        path += xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    settings.setValue(QStringLiteral("tableExport/dir"), QFileInfo(path).absolutePath());
    settings.setValue(QStringLiteral("tableExport/xlsx"), xlsx);
    const TableExportOptions options = tableExportOptionsFor(model);
    QString error;
    const bool ok = xlsx ? writeTableXlsx(model, path, options, &error)
                         : writeTableCsv(model, path, options, &error);
    if (!ok) {
        QMessageBox::warning(parent, QCoreApplication::translate("TableExport", "Export table"),
            QCoreApplication::translate("TableExport", "Could not write %1: %2").arg(path, error));
    }
    return ok;
}

QAbstractItemView* findTableView(QWidget* root)
{
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()
            && qobject_cast<QTableView*>(view) && (!root || root->isAncestorOf(view)))
            return view;
    }
    if (!root)
        return nullptr;
    for (QTableView* view : root->findChildren<QTableView*>()) {
        if (view->isVisible() && view->model() && view->model()->columnCount() > 0)
            return view;
    }
    return nullptr;
}

} // namespace marketlens::ui
