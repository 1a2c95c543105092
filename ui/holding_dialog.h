#pragma once
// AddHoldingDialog: asks for one new holding of a portfolio: the ticker (completed from the
// project's instruments; a new ticker is allowed and creates an instrument without prices),
// quantity, weight in percent, cost basis and currency, checked with PortfolioEditor's input rules
// as they are typed (OK stays disabled while something is wrong, and the reason is shown).

#include "core/types.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace marketlens::ui {

class AddHoldingDialog : public QDialog {
    Q_OBJECT
public:
    // `taken`: tickers already held (refused); `defaultCurrency` fills the currency of a ticker
    // whose instrument has none.
    AddHoldingDialog(const QString& portfolio, const std::vector<core::InstrumentInfo>& instruments,
        const QStringList& taken, const QString& defaultCurrency, QWidget* parent = nullptr);

    // The holding typed; meaningful when isValid().
    core::Holding holding() const { return m_holding; }
    bool isValid() const { return m_valid; }
    QString errorText() const;

    QLineEdit* tickerEdit() const { return m_ticker; }
    QLineEdit* quantityEdit() const { return m_quantity; }
    QLineEdit* weightEdit() const { return m_weight; }
    QLineEdit* costEdit() const { return m_cost; }
    QLineEdit* currencyEdit() const { return m_currency; }

private:
    void onTickerEdited();
    void validate();

    std::vector<core::InstrumentInfo> m_instruments;
    QStringList m_taken;
    QString m_defaultCurrency;
    QLineEdit* m_ticker = nullptr;
    QLineEdit* m_quantity = nullptr;
    QLineEdit* m_weight = nullptr;
    QLineEdit* m_cost = nullptr;
    QLineEdit* m_currency = nullptr;
    QLabel* m_tickerInfo = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    core::Holding m_holding;
    bool m_valid = false;
    bool m_currencyTouched = false;
};

} // namespace marketlens::ui
