#pragma once
// IssuesPanel: rejected rows, warnings and errors of the last jobs, each with file and line.
// countChanged() lets the dock title show "Issues (n)".

#include <QWidget>

class QTreeWidget;

namespace marketlens::ui {

class IssuesPanel : public QWidget {
    Q_OBJECT
public:
    enum class Severity { Error, Warning, Rejected };

    explicit IssuesPanel(QWidget* parent = nullptr);

    void addIssue(Severity severity, const QString& file, qint64 line, const QString& reason);
    void clear();
    int count() const;
    // Text of one column of an entry (0 kind, 1 file, 2 line, 3 reason), for tests.
    QString text(int row, int column) const;

Q_SIGNALS:
    void countChanged(int count);

private:
    QTreeWidget* m_list = nullptr;
};

} // namespace marketlens::ui
