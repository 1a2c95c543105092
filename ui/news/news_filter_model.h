#pragma once
// NewsFilterModel: the News tab's filters over a NewsModel, all combined (AND):
//  - ticker: items linked to that ticker (empty = all);
//  - date range: the day as shown (NewsModel::DateRole), inclusive, either end open;
//  - score range: items scored by the shown model with min <= score <= max (unscored items are
//    hidden while a score range or label is set);
//  - label: the shown model's label (negative/neutral/positive);
//  - text: every whitespace-separated word must occur (case-insensitive) in the headline, body,
//    source or tickers.
// Sorting uses NewsModel::SortRole.

#include "core/news/news_item.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace marketlens::ui {

class NewsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit NewsFilterModel(QObject* parent = nullptr);

    void setTicker(const QString& ticker);
    void setDateRange(const QDate& from, const QDate& to); // invalid date = open end
    void setScoreRange(std::optional<double> min, std::optional<double> max);
    void setLabel(std::optional<core::SentimentClass> label);
    void setText(const QString& text);
    // Clears every filter.
    void reset();

    QString ticker() const { return m_ticker; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    std::optional<double> minScore() const { return m_min; }
    std::optional<double> maxScore() const { return m_max; }
    std::optional<core::SentimentClass> label() const { return m_label; }
    QString text() const { return m_text; }
    bool isFiltering() const;

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    // The time column compares the items' timestamps directly (the same order as SortRole):
    // sorting 20,000 rows through QVariants took most of a News tab reload.
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void changed();

    QString m_ticker;
    QDate m_from, m_to;
    std::optional<double> m_min, m_max;
    std::optional<core::SentimentClass> m_label;
    QString m_text;
    QStringList m_words;
};

} // namespace marketlens::ui
