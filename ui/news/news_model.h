#pragma once
// NewsModel: the project's news as a table (the "News" tab): time (local time; a date-only item
// shows its calendar day), linked tickers, headline, source, the score of the chosen sentiment
// model (background on the diverging green-amber-red scale of UX.md), that model's label, the
// label given in the file. Sorting uses SortRole (time and score as numbers; unscored items sort
// below every score). The model holds plain copies (StoredNews with bodies, StoredScore), filled on
// the GUI thread by load() or, for tests, by setNews()/setScores().
//
// explanationHtml() renders a scored text with the words that moved the score highlighted:
// background by sign (green positive, red negative) and strength, the weight in a tooltip.

#include "core/news/news_store.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::ui {

// "Positive", "Neutral", "Negative" (translated).
QString sentimentClassText(core::SentimentClass klass);
// `text` as HTML (escaped; blank lines become paragraph breaks, single line breaks spaces) with
// `words` highlighted (spans with a background by sign and |weight| relative to `scale`, or to the
// largest |weight| when `scale` is 0; title = the weight). Words outside the text or overlapping an
// earlier one are skipped.
QString explanationHtml(
    const QString& text, const std::vector<core::news::WordWeight>& words, double scale = 0.0);

class NewsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        TickersColumn,
        HeadlineColumn,
        SourceColumn,
        ScoreColumn,
        LabelColumn,
        FileLabelColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64 news id
        SortRole, // numbers for time/score, text otherwise
        TimestampRole, // qint64 UTC seconds
        DateRole, // QDate as shown (local day; the calendar day of a date-only item)
        ScoreRole, // double, invalid QVariant when the item has no score of the model
        LabelRole, // int (-1, 0, 1) of the model's label, invalid when unscored
        TickersRole, // QStringList
        SearchTextRole, // headline, body, source and tickers (for the text filter)
    };

    explicit NewsModel(QObject* parent = nullptr);

    // At most this many items are held (and shown): a project with a million news items would
    // otherwise take seconds and gigabytes to load on the GUI thread.
    static constexpr int kMaxLoaded = 20000;

    // One item as the table shows it (prepared once, on whichever thread reads it).
    struct Row {
        core::news::StoredNews item;
        std::optional<core::news::StoredScore> score;
        QDate date;
        QString time;
        QStringList tickers;
        QString search;
    };
    // What read() gives and apply() shows.
    struct Loaded {
        std::vector<Row> rows;
        QString modelKey;
        bool truncated = false;
    };
    // Reads the news items of `scope` (ticker and time range; all news by default), with bodies,
    // the newest kMaxLoaded of them when there are more (isTruncated() then says so), and their
    // scores of `modelKey`. Touches no model: runs on any thread with its own connection.
    static core::Result<Loaded> read(core::ProjectStore& store, const QString& modelKey,
        const core::news::NewsQuery& scope = {});
    void apply(Loaded loaded);
    // read() and apply(); on error the model is left as it was.
    core::Status load(core::ProjectStore& store, const QString& modelKey,
        const core::news::NewsQuery& scope = {});
    // True when the last load() found more items than kMaxLoaded (the oldest were left out).
    bool isTruncated() const { return m_truncated; }
    void setNews(std::vector<core::news::StoredNews> items);
    // Scores of `modelKey` (rows without one show no score).
    void setScores(const QString& modelKey, const std::vector<core::news::StoredScore>& scores);
    void clear();

    QString modelKey() const { return m_modelKey; }
    const core::news::StoredNews* item(int row) const;
    const core::news::StoredScore* score(int row) const;
    int rowOfId(qint64 id) const;
    int scoredCount() const;
    // Tickers linked to at least one item, sorted.
    QStringList tickers() const;
    // Days of the first and last item as shown (invalid when empty).
    QDate firstDate() const;
    QDate lastDate() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static Row makeRow(core::news::StoredNews item);

    std::vector<Row> m_rows;
    QString m_modelKey;
    bool m_truncated = false;
};

} // namespace marketlens::ui
