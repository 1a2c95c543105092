#include "import_report_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace marketlens::ui {

QString importKindLabel(core::ImportKind kind)
{
    switch (kind) {
    case core::ImportKind::PricesLong:
        return ImportReportDialog::tr("Prices (long)");
    case core::ImportKind::PricesWide:
        return ImportReportDialog::tr("Prices (wide)");
    case core::ImportKind::Ohlcv:
        return ImportReportDialog::tr("OHLCV");
    case core::ImportKind::Holdings:
        return ImportReportDialog::tr("Holdings");
    case core::ImportKind::Auto:
        break;
    }
    return ImportReportDialog::tr("Unknown");
}

QString dateFormatLabel(core::DateFormat format)
{
    switch (format) {
    case core::DateFormat::Iso:
        return QStringLiteral("YYYY-MM-DD");
    case core::DateFormat::YmdSlash:
        return QStringLiteral("YYYY/MM/DD");
    case core::DateFormat::Mdy:
        return QStringLiteral("MM/DD/YYYY");
    case core::DateFormat::Dmy:
        return QStringLiteral("DD.MM.YYYY");
    case core::DateFormat::Auto:
        break;
    }
    return ImportReportDialog::tr("n/a");
}

QString delimiterLabel(char delimiter)
{
    switch (delimiter) {
    case ',':
        return ImportReportDialog::tr("comma");
    case ';':
        return ImportReportDialog::tr("semicolon");
    case '\t':
        return ImportReportDialog::tr("tab");
    case '|':
        return ImportReportDialog::tr("pipe");
    default:
        return QString(QChar::fromLatin1(delimiter));
    }
}

namespace {
QTableWidgetItem* numberItem(qint64 value)
{
    auto* item = new QTableWidgetItem(QLocale().toString(value));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setupTable(QTableWidget* table, const QStringList& headers)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(22);
    table->horizontalHeader()->setStretchLastSection(true);
}
} // namespace

ImportReportDialog::ImportReportDialog(const core::ImportResult& result, QWidget* parent)
    : QDialog(parent)
    , m_files(new QTableWidget(this))
    , m_rejected(new QTableWidget(this))
{
    setWindowTitle(tr("Import report"));
    setObjectName(QStringLiteral("ImportReportDialog"));
    resize(820, 520);

    const qint64 accepted = result.rowsAccepted();
    const qint64 rejected = result.rowsRejected();
    auto* summary = new QLabel(
        tr("%1 rows can be imported; %2 rows were rejected and will be skipped. Nothing is "
           "written to the project until you choose \"Import\".")
            .arg(QLocale().toString(accepted), QLocale().toString(rejected)),
        this);
    summary->setWordWrap(true);

    setupTable(m_files,
        {tr("File"), tr("Detected as"), tr("Delimiter"), tr("Date format"), tr("Accepted"),
            tr("Rejected")});
    m_files->setRowCount(int(result.files.size()));
    for (int r = 0; r < int(result.files.size()); ++r) {
        const auto& f = result.files[std::size_t(r)];
        const QString path = QString::fromStdString(f.file);
        auto* name = new QTableWidgetItem(QFileInfo(path).fileName());
        name->setToolTip(path);
        m_files->setItem(r, 0, name);
        m_files->setItem(r, 1, new QTableWidgetItem(importKindLabel(f.kind)));
        m_files->setItem(r, 2, new QTableWidgetItem(delimiterLabel(f.delimiter)));
        m_files->setItem(r, 3,
            new QTableWidgetItem(
                f.kind == core::ImportKind::Holdings ? tr("n/a") : dateFormatLabel(f.dateFormat)));
        m_files->setItem(r, 4, numberItem(f.rowsAccepted));
        m_files->setItem(r, 5, numberItem(f.rowsRejected));
    }
    m_files->resizeColumnsToContents();
    m_files->horizontalHeader()->setStretchLastSection(false);
    m_files->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->setMaximumHeight(40 + 24 * std::min(int(result.files.size()), 5));

    setupTable(m_rejected, {tr("File"), tr("Line"), tr("Reason")});
    int rows = 0;
    for (const auto& f : result.files)
        rows += int(f.rejected.size());
    m_rejected->setRowCount(rows);
    int r = 0;
    for (const auto& f : result.files) {
        for (const auto& bad : f.rejected) {
            const QString path = QString::fromStdString(bad.file.empty() ? f.file : bad.file);
            auto* name = new QTableWidgetItem(QFileInfo(path).fileName());
            name->setToolTip(path);
            m_rejected->setItem(r, 0, name);
            m_rejected->setItem(r, 1, numberItem(bad.line));
            auto* reason = new QTableWidgetItem(QString::fromStdString(bad.reason));
            reason->setToolTip(reason->text());
            m_rejected->setItem(r, 2, reason);
            ++r;
        }
    }
    m_rejected->setColumnWidth(0, 220);
    m_rejected->setColumnWidth(1, 70);
    qint64 listed = rows;
    auto* rejectedTitle = new QLabel(listed < rejected
            ? tr("Rejected rows (first %1 of %2)")
                  .arg(QLocale().toString(listed), QLocale().toString(rejected))
            : tr("Rejected rows"),
        this);
    rejectedTitle->setStyleSheet(QStringLiteral("font-weight: bold"));

    auto* buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(
        tr("Import %1 rows").arg(QLocale().toString(accepted)), QDialogButtonBox::AcceptRole);
    m_abort = buttons->addButton(tr("Abort import"), QDialogButtonBox::RejectRole);
    m_import->setToolTip(tr("Write the accepted rows to the project and skip the rejected ones"));
    m_abort->setToolTip(tr("Leave the project exactly as it was"));
    m_abort->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(new QLabel(tr("<b>Files</b>"), this));
    layout->addWidget(m_files);
    layout->addWidget(rejectedTitle);
    layout->addWidget(m_rejected, 1);
    layout->addWidget(buttons);
}

int ImportReportDialog::rejectedRowCount() const
{
    return m_rejected->rowCount();
}

qint64 ImportReportDialog::rejectedLine(int row) const
{
    const auto* item = m_rejected->item(row, 1);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

QString ImportReportDialog::rejectedReason(int row) const
{
    const auto* item = m_rejected->item(row, 2);
    return item ? item->text() : QString();
}

} // namespace marketlens::ui
