#include "import_options_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace marketlens::ui {

ImportOptionsDialog::ImportOptionsDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import Options"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Detect automatically"), int(core::ImportKind::Auto));
    m_kind->addItem(tr("Prices, long (date, ticker, OHLCV)"), int(core::ImportKind::PricesLong));
    m_kind->addItem(
        tr("Prices, wide (date + one column per ticker)"), int(core::ImportKind::PricesWide));
    m_kind->addItem(tr("One instrument's OHLCV"), int(core::ImportKind::Ohlcv));
    m_kind->addItem(tr("Holdings (ticker + quantity or weight)"), int(core::ImportKind::Holdings));
    m_dateFormat = new QComboBox(this);
    m_dateFormat->addItem(tr("Detect automatically"), int(core::DateFormat::Auto));
    m_dateFormat->addItem(QStringLiteral("YYYY-MM-DD"), int(core::DateFormat::Iso));
    m_dateFormat->addItem(QStringLiteral("YYYY/MM/DD"), int(core::DateFormat::YmdSlash));
    m_dateFormat->addItem(tr("MM/DD/YYYY (month first)"), int(core::DateFormat::Mdy));
    m_dateFormat->addItem(tr("DD.MM.YYYY or DD/MM/YYYY (day first)"), int(core::DateFormat::Dmy));
    m_dateFormat->setToolTip(tr("Needed when every date in a file could be read either way"));
    m_ticker = new QLineEdit(this);
    m_ticker->setPlaceholderText(tr("from the file name"));
    m_ticker->setToolTip(tr("Ticker of a single-instrument OHLCV file"));
    m_portfolio = new QLineEdit(this);
    m_portfolio->setPlaceholderText(tr("from the file name"));
    m_portfolio->setToolTip(tr("Portfolio that a holdings file replaces or creates"));

    auto* form = new QFormLayout;
    form->addRow(tr("File layout:"), m_kind);
    form->addRow(tr("Date format:"), m_dateFormat);
    form->addRow(tr("Ticker:"), m_ticker);
    form->addRow(tr("Portfolio:"), m_portfolio);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose Files…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

core::ImportOptions ImportOptionsDialog::options() const
{
    core::ImportOptions o;
    o.kind = core::ImportKind(m_kind->currentData().toInt());
    o.dateFormat = core::DateFormat(m_dateFormat->currentData().toInt());
    o.ticker = m_ticker->text().trimmed().toStdString();
    o.portfolio = m_portfolio->text().trimmed().toStdString();
    return o;
}

} // namespace marketlens::ui
