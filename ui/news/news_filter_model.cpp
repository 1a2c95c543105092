#include "news_filter_model.h"

#include "news_model.h"

#include <QRegularExpression>

namespace marketlens::ui {

NewsFilterModel::NewsFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(NewsModel::SortRole);
    setDynamicSortFilter(true);
}

void NewsFilterModel::changed()
{
    invalidateFilter();
    Q_EMIT filterChanged();
}

void NewsFilterModel::setTicker(const QString& ticker)
{
    if (ticker == m_ticker)
        return;
    m_ticker = ticker;
    changed();
}

void NewsFilterModel::setDateRange(const QDate& from, const QDate& to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    changed();
}

void NewsFilterModel::setScoreRange(std::optional<double> min, std::optional<double> max)
{
    if (min == m_min && max == m_max)
        return;
    m_min = min;
    m_max = max;
    changed();
}

void NewsFilterModel::setLabel(std::optional<core::SentimentClass> label)
{
    if (label == m_label)
        return;
    m_label = label;
    changed();
}

void NewsFilterModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    m_words = text.split(blanks, Qt::SkipEmptyParts);
    changed();
}

void NewsFilterModel::reset()
{
    m_ticker.clear();
    m_from = m_to = QDate();
    m_min.reset();
    m_max.reset();
    m_label.reset();
    m_text.clear();
    m_words.clear();
    changed();
}

bool NewsFilterModel::isFiltering() const
{
    return !m_ticker.isEmpty() || m_from.isValid() || m_to.isValid() || m_min || m_max || m_label
        || !m_words.isEmpty();
}

bool NewsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* news = qobject_cast<const NewsModel*>(sourceModel());
    if (news && left.column() == NewsModel::TimeColumn && right.column() == NewsModel::TimeColumn) {
        const core::news::StoredNews* a = news->item(left.row());
        const core::news::StoredNews* b = news->item(right.row());
        if (a && b)
            return a->timestamp < b->timestamp;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool NewsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (!m_ticker.isEmpty()
        && !model->data(index, NewsModel::TickersRole)
                .toStringList()
                .contains(m_ticker, Qt::CaseInsensitive))
        return false;
    if (m_from.isValid() || m_to.isValid()) {
        const QDate day = model->data(index, NewsModel::DateRole).toDate();
        if ((m_from.isValid() && day < m_from) || (m_to.isValid() && day > m_to))
            return false;
    }
    if (m_min || m_max || m_label) {
        const QVariant score = model->data(index, NewsModel::ScoreRole);
        if (!score.isValid())
            return false;
        const double s = score.toDouble();
        if ((m_min && s < *m_min) || (m_max && s > *m_max))
            return false;
        if (m_label && model->data(index, NewsModel::LabelRole).toInt() != int(*m_label))
            return false;
    }
    if (!m_words.isEmpty()) {
        const QString text = model->data(index, NewsModel::SearchTextRole).toString();
        for (const QString& word : m_words) {
            if (!text.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace marketlens::ui
