#pragma once
// ImportOptionsDialog: overrides of the automatic detection for one import (layout, date format
// for ambiguous day/month order, ticker of single-instrument files, portfolio name of holdings
// files). Used by File > Import Files With Options.

#include "core/price_import.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace marketlens::ui {

class ImportOptionsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportOptionsDialog(QWidget* parent = nullptr);
    core::ImportOptions options() const;

private:
    QComboBox* m_kind = nullptr;
    QComboBox* m_dateFormat = nullptr;
    QLineEdit* m_ticker = nullptr;
    QLineEdit* m_portfolio = nullptr;
};

} // namespace marketlens::ui
