#pragma once
// ImportReportDialog: shows what an import would write before it becomes visible: per file the
// detected layout, delimiter, date format and the accepted/rejected row counts, plus a table of
// the rejected rows (file, line, reason). "Import N rows" accepts (the caller commits), "Abort
// import" rejects (the caller rolls back). Open it with open() so the event loop keeps running.

#include "core/price_import.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace marketlens::ui {

class ImportReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportReportDialog(const core::ImportResult& result, QWidget* parent = nullptr);

    // For tests and automation.
    int rejectedRowCount() const;
    qint64 rejectedLine(int row) const;
    QString rejectedReason(int row) const;
    QPushButton* importButton() const { return m_import; }
    QPushButton* abortButton() const { return m_abort; }

private:
    QTableWidget* m_files = nullptr;
    QTableWidget* m_rejected = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_abort = nullptr;
};

// Human-readable names used in the report and the log.
QString importKindLabel(core::ImportKind kind);
QString dateFormatLabel(core::DateFormat format);
QString delimiterLabel(char delimiter);

} // namespace marketlens::ui
