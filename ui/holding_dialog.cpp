#include "holding_dialog.h"

#include "portfolio_editor.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace marketlens::ui {

AddHoldingDialog::AddHoldingDialog(const QString& portfolio,
    const std::vector<core::InstrumentInfo>& instruments, const QStringList& taken,
    const QString& defaultCurrency, QWidget* parent)
    : QDialog(parent)
    , m_instruments(instruments)
    , m_taken(taken)
    , m_defaultCurrency(defaultCurrency)
{
    setWindowTitle(tr("Add Holding to %1").arg(portfolio));
    QStringList tickers;
    for (const auto& info : m_instruments)
        tickers << QString::fromStdString(info.ticker);

    m_ticker = new QLineEdit(this);
    m_ticker->setPlaceholderText(tr("e.g. MSFT"));
    auto* completer = new QCompleter(tickers, m_ticker);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_ticker->setCompleter(completer);
    m_tickerInfo = new QLabel(this);
    m_tickerInfo->setEnabled(false);
    m_quantity = new QLineEdit(this);
    m_quantity->setPlaceholderText(tr("units (negative for a short position)"));
    m_weight = new QLineEdit(this);
    m_weight->setPlaceholderText(tr("percent of the portfolio, e.g. 12.5"));
    m_cost = new QLineEdit(this);
    m_cost->setPlaceholderText(tr("per unit (optional)"));
    m_currency = new QLineEdit(this);
    m_currency->setMaxLength(3);
    m_currency->setPlaceholderText(tr("e.g. USD"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Ticker:"), m_ticker);
    form->addRow(QString(), m_tickerInfo);
    form->addRow(tr("&Quantity:"), m_quantity);
    form->addRow(tr("&Weight (%):"), m_weight);
    form->addRow(tr("&Cost basis:"), m_cost);
    form->addRow(tr("C&urrency:"), m_currency);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("Give a quantity, a weight or both. The ticker may be new to the project."), this));
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_ticker, &QLineEdit::textChanged, this, &AddHoldingDialog::onTickerEdited);
    connect(m_currency, &QLineEdit::textEdited, this, [this] { m_currencyTouched = true; });
    for (QLineEdit* edit : {m_quantity, m_weight, m_cost, m_currency})
        connect(edit, &QLineEdit::textChanged, this, &AddHoldingDialog::validate);
    m_currency->setText(m_defaultCurrency);
    validate();
    resize(sizeHint().expandedTo(QSize(420, 0)));
}

QString AddHoldingDialog::errorText() const
{
    return m_error->text();
}

void AddHoldingDialog::onTickerEdited()
{
    const QString ticker = m_ticker->text().trimmed().toUpper();
    const core::InstrumentInfo* known = nullptr;
    for (const auto& info : m_instruments) {
        if (QString::fromStdString(info.ticker) == ticker)
            known = &info;
    }
    if (ticker.isEmpty())
        m_tickerInfo->clear();
    else if (!known)
        m_tickerInfo->setText(tr("New ticker: no prices stored yet"));
    else if (known->priceCount < 0) // a large project still counting its rows
        m_tickerInfo->setText(tr("Prices stored"));
    else
        m_tickerInfo->setText(
            tr("%1 prices stored").arg(QLocale().toString(qlonglong(known->priceCount))));
    // The instrument's own currency is the best guess until the user types one.
    if (!m_currencyTouched) {
        const QString currency = known && !known->currency.empty()
            ? QString::fromStdString(known->currency)
            : m_defaultCurrency;
        m_currency->setText(currency);
    }
    validate();
}

void AddHoldingDialog::validate()
{
    QString problem;
    core::Holding h;
    h.ticker = m_ticker->text().trimmed().toUpper().toStdString();
    const QString ticker = QString::fromStdString(h.ticker);
    if (ticker.isEmpty())
        problem = tr("Type a ticker.");
    else if (ticker.contains(QLatin1Char(' ')))
        problem = tr("A ticker has no spaces.");
    else if (m_taken.contains(ticker))
        problem = tr("%1 is already in this portfolio; edit its row instead.").arg(ticker);
    const auto quantity
        = PortfolioEditor::parseNumber(m_quantity->text(), tr("Quantity"), false, true);
    const auto weight = PortfolioEditor::parseNumber(m_weight->text(), tr("Weight"), true, true);
    const auto cost = PortfolioEditor::parseNumber(m_cost->text(), tr("Cost basis"), false, false);
    QString currency;
    const auto cur = PortfolioEditor::parseCurrency(m_currency->text(), &currency);
    for (const auto* p : {&quantity, &weight, &cost, &cur}) {
        if (problem.isEmpty() && !p->ok)
            problem = p->error;
    }
    if (problem.isEmpty() && !quantity.value && !weight.value)
        problem = tr("Give a quantity or a weight.");
    h.quantity = quantity.value;
    h.weight = weight.value;
    h.costBasis = cost.value;
    h.currency = currency.toStdString();
    m_valid = problem.isEmpty();
    m_holding = h;
    // Say nothing about an untouched, empty form.
    const bool pristine
        = ticker.isEmpty() && m_quantity->text().isEmpty() && m_weight->text().isEmpty();
    m_error->setText(pristine ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace marketlens::ui
