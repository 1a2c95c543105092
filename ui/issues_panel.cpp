#include "issues_panel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace marketlens::ui {

IssuesPanel::IssuesPanel(QWidget* parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Kind"), tr("File"), tr("Line"), tr("Reason")});
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 130);
    m_list->setColumnWidth(1, 200);
    m_list->setColumnWidth(2, 60);
}

void IssuesPanel::addIssue(
    Severity severity, const QString& file, qint64 line, const QString& reason)
{
    auto* item = new QTreeWidgetItem(m_list);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxWarning;
    QString kind = tr("Warning");
    if (severity == Severity::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        kind = tr("Error");
    } else if (severity == Severity::Rejected) {
        kind = tr("Rejected row");
    }
    item->setIcon(0, style()->standardIcon(icon));
    item->setText(0, kind);
    item->setText(1, QFileInfo(file).fileName());
    item->setToolTip(1, file);
    item->setText(2, line > 0 ? QString::number(line) : QString());
    item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(3, reason);
    item->setToolTip(3, reason);
    Q_EMIT countChanged(count());
}

void IssuesPanel::clear()
{
    m_list->clear();
    Q_EMIT countChanged(0);
}

int IssuesPanel::count() const
{
    return m_list->topLevelItemCount();
}

QString IssuesPanel::text(int row, int column) const
{
    const auto* item = m_list->topLevelItem(row);
    return item ? item->text(column) : QString();
}

} // namespace marketlens::ui
