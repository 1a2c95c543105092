#pragma once
// Help > About MarketLens: what the program is, its license, how saving works, and the versions
// of everything it runs on (MarketLens, Qt at run time and build time, LibTorch, SQLite, Boost),
// the compute device and the data folder, with a "Copy" button that puts versionsText() on the
// clipboard for bug reports.

#include <QDialog>

class QLabel;

namespace marketlens::ui {

// Plain text, one "name: value" line each, untranslated (bug reports are read by developers).
QString aboutVersionsText();

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The text shown (rich text), for tests.
    QString text() const;
    // Copies aboutVersionsText() to the clipboard.
    void copyVersions();

private:
    QLabel* m_text = nullptr;
};

// Opens a (non-blocking) About box over `parent`, or raises the one already open.
void showAboutDialog(QWidget* parent);

} // namespace marketlens::ui
