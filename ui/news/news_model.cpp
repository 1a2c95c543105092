#include "news_model.h"

#include "ui/locale_format.h"
#include "ui/risk/risk_palette.h"
#include "ui/sentiment_palette.h"

#include "core/project_store.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace marketlens::ui {

namespace cn = core::news;

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// Colour `c` at opacity `alpha` over white, as an opaque colour (rich text has no blending).
QColor overWhite(const QColor& c, double alpha)
{
    const auto mix = [alpha](int x) { return int(std::lround(255.0 + (x - 255.0) * alpha)); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

// Bodies are paragraphs separated by blank lines, often hard-wrapped inside (wire copy): blank
// lines stay paragraph breaks, single line breaks flow as spaces.
QString escapedText(const QString& text)
{
    QString html = text.toHtmlEscaped();
    static const QRegularExpression paragraph(QStringLiteral("\\n[ \\t]*\\n\\s*"));
    html.replace(paragraph, QStringLiteral("<br><br>"));
    html.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return html;
}
} // namespace

QString sentimentClassText(core::SentimentClass klass)
{
    switch (klass) {
    case core::SentimentClass::Positive:
        return NewsModel::tr("Positive");
    case core::SentimentClass::Negative:
        return NewsModel::tr("Negative");
    case core::SentimentClass::Neutral:
        break;
    }
    return NewsModel::tr("Neutral");
}

QString explanationHtml(const QString& text, const std::vector<cn::WordWeight>& words, double scale)
{
    std::vector<cn::WordWeight> sorted;
    double maxAbs = 0.0;
    for (const auto& w : words) {
        if (w.position < 0 || w.length <= 0 || w.position + w.length > text.size()
            || !std::isfinite(w.weight) || w.weight == 0.0)
            continue;
        sorted.push_back(w);
        maxAbs = std::max(maxAbs, std::abs(w.weight));
    }
    if (scale > 0.0)
        maxAbs = scale;
    std::sort(sorted.begin(), sorted.end(),
        [](const cn::WordWeight& a, const cn::WordWeight& b) { return a.position < b.position; });
    const QLocale locale;
    QString html;
    int at = 0;
    for (const auto& w : sorted) {
        if (w.position < at)
            continue; // overlaps the previous highlight
        html += escapedText(text.mid(at, w.position - at));
        const double strength = maxAbs > 0.0 ? std::min(1.0, std::abs(w.weight) / maxAbs) : 0.0;
        const QColor base = sentimentColor(w.weight > 0.0 ? 1.0 : -1.0);
        const QColor back = overWhite(base, 0.25 + 0.6 * strength);
        const QString weight = (w.weight > 0.0 ? QStringLiteral("+") : QString())
            + locale.toString(w.weight, 'f', 3);
        html += QStringLiteral("<span style=\"background-color:%1; color:#000000;\" title=\"%2\">%3"
                               "</span>")
                    .arg(back.name(),
                        NewsModel::tr("Weight %1 (%2)")
                            .arg(weight,
                                w.weight > 0.0 ? NewsModel::tr("towards positive")
                                               : NewsModel::tr("towards negative"))
                            .toHtmlEscaped(),
                        escapedText(text.mid(w.position, w.length)));
        at = w.position + w.length;
    }
    html += escapedText(text.mid(at));
    return html;
}

NewsModel::NewsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

NewsModel::Row NewsModel::makeRow(cn::StoredNews item)
{
    Row row;
    const QDateTime utc = QDateTime::fromSecsSinceEpoch(item.timestamp, Qt::UTC);
    if (item.dateOnly) {
        // A calendar day given by the file: shown as that day, never shifted by the time zone.
        row.date = utc.date();
        row.time = displayDate(row.date);
    } else {
        const QDateTime local = utc.toLocalTime();
        row.date = local.date();
        row.time = displayDateTime(local);
    }
    for (const auto& link : item.tickers)
        row.tickers << qs(link.ticker);
    row.search = qs(item.headline) + QLatin1Char('\n') + qs(item.body) + QLatin1Char('\n')
        + qs(item.source) + QLatin1Char('\n') + row.tickers.join(QLatin1Char(' '));
    row.item = std::move(item);
    return row;
}

core::Result<NewsModel::Loaded> NewsModel::read(
    core::ProjectStore& store, const QString& modelKey, const cn::NewsQuery& scope)
{
    // Newest first with a limit (one more than kept, to know whether some were left out), then
    // back to time order; the scores of those items only.
    cn::NewsQuery query = scope;
    query.withBody = true;
    query.limit = kMaxLoaded + 1;
    auto items = cn::listNews(store, query);
    if (!items)
        return items.error();
    Loaded loaded;
    loaded.modelKey = modelKey;
    loaded.truncated = items->size() > std::size_t(kMaxLoaded);
    if (loaded.truncated)
        items->resize(std::size_t(kMaxLoaded));
    std::reverse(items->begin(), items->end());
    std::vector<std::int64_t> ids;
    ids.reserve(items->size());
    for (const auto& item : *items)
        ids.push_back(item.id);
    core::Result<std::vector<cn::StoredScore>> scores = std::vector<cn::StoredScore> {};
    if (!ids.empty())
        scores = cn::loadScores(store, modelKey.toStdString(), ids);
    if (!scores)
        return scores.error();
    std::unordered_map<std::int64_t, const cn::StoredScore*> byId;
    for (const auto& s : *scores)
        byId[s.newsId] = &s;
    loaded.rows.reserve(items->size());
    for (auto& item : *items) {
        Row row = makeRow(std::move(item));
        if (const auto it = byId.find(row.item.id); it != byId.end())
            row.score = *it->second;
        loaded.rows.push_back(std::move(row));
    }
    return loaded;
}

void NewsModel::apply(Loaded loaded)
{
    beginResetModel();
    m_rows = std::move(loaded.rows);
    m_modelKey = std::move(loaded.modelKey);
    m_truncated = loaded.truncated;
    endResetModel();
}

core::Status NewsModel::load(
    core::ProjectStore& store, const QString& modelKey, const cn::NewsQuery& scope)
{
    auto loaded = read(store, modelKey, scope);
    if (!loaded)
        return loaded.error();
    apply(std::move(*loaded));
    return {};
}

void NewsModel::setNews(std::vector<cn::StoredNews> items)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(items.size());
    for (auto& item : items)
        m_rows.push_back(makeRow(std::move(item)));
    endResetModel();
}

void NewsModel::setScores(const QString& modelKey, const std::vector<cn::StoredScore>& scores)
{
    m_modelKey = modelKey;
    std::unordered_map<std::int64_t, const cn::StoredScore*> byId;
    for (const auto& s : scores)
        byId[s.newsId] = &s;
    for (auto& row : m_rows) {
        const auto it = byId.find(row.item.id);
        if (it == byId.end())
            row.score.reset();
        else
            row.score = *it->second;
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void NewsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const cn::StoredNews* NewsModel::item(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)].item : nullptr;
}

const cn::StoredScore* NewsModel::score(int row) const
{
    if (row < 0 || row >= rowCount() || !m_rows[std::size_t(row)].score)
        return nullptr;
    return &*m_rows[std::size_t(row)].score;
}

int NewsModel::rowOfId(qint64 id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].item.id == id)
            return int(i);
    }
    return -1;
}

int NewsModel::scoredCount() const
{
    return int(std::count_if(
        m_rows.begin(), m_rows.end(), [](const Row& r) { return r.score.has_value(); }));
}

QStringList NewsModel::tickers() const
{
    QStringList all;
    for (const auto& row : m_rows)
        all << row.tickers;
    all.removeDuplicates();
    all.sort();
    return all;
}

QDate NewsModel::firstDate() const
{
    QDate first;
    for (const auto& row : m_rows)
        if (!first.isValid() || row.date < first)
            first = row.date;
    return first;
}

QDate NewsModel::lastDate() const
{
    QDate last;
    for (const auto& row : m_rows)
        if (!last.isValid() || row.date > last)
            last = row.date;
    return last;
}

int NewsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NewsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NewsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const cn::StoredNews& item = row.item;
    const int column = index.column();
    switch (role) {
    case IdRole:
        return qint64(item.id);
    case TimestampRole:
        return qint64(item.timestamp);
    case DateRole:
        return row.date;
    case ScoreRole:
        return row.score ? QVariant(row.score->score) : QVariant();
    case LabelRole:
        return row.score ? QVariant(int(row.score->label)) : QVariant();
    case TickersRole:
        return row.tickers;
    case SearchTextRole:
        return row.search;
    default:
        break;
    }
    if (role == SortRole) {
        switch (column) {
        case TimeColumn:
            return qint64(item.timestamp);
        case ScoreColumn:
            // Unscored items sort below every score.
            return row.score ? row.score->score : -2.0;
        case LabelColumn:
            return row.score ? int(row.score->label) : -2;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case TimeColumn:
            return row.time;
        case TickersColumn:
            return row.tickers.join(QStringLiteral(", "));
        case HeadlineColumn:
            return qs(item.headline);
        case SourceColumn:
            return qs(item.source);
        case ScoreColumn:
            return row.score ? QLocale().toString(row.score->score, 'f', 2) : QString();
        case LabelColumn:
            return row.score ? sentimentClassText(row.score->label) : QString();
        case FileLabelColumn:
            return qs(item.labelText);
        default:
            return {};
        }
    }
    if (role == Qt::BackgroundRole && column == ScoreColumn && row.score)
        return sentimentColor(row.score->score);
    if (role == Qt::ForegroundRole && column == ScoreColumn && row.score)
        return risk::readableTextColor(sentimentColor(row.score->score));
    if (role == Qt::TextAlignmentRole && column == ScoreColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case TimeColumn:
            return item.dateOnly ? tr("The file gives only the day")
                                 : QDateTime::fromSecsSinceEpoch(item.timestamp, Qt::UTC)
                                       .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        case HeadlineColumn:
            return qs(item.headline);
        case ScoreColumn:
        case LabelColumn:
            return row.score ? tr("Score of %1 in [-1, 1]: negative below -0.05, positive above "
                                  "0.05")
                                   .arg(m_modelKey)
                             : tr("Not scored by %1 yet (News > Score News…)").arg(m_modelKey);
        case FileLabelColumn:
            return item.sourceFile.empty()
                ? QVariant()
                : QVariant(
                    tr("Item %1 of %2")
                        .arg(QLocale().toString(qlonglong(item.itemNumber)), qs(item.sourceFile)));
        default:
            return {};
        }
    }
    return {};
}

QVariant NewsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case TickersColumn:
            return tr("Tickers");
        case HeadlineColumn:
            return tr("Headline");
        case SourceColumn:
            return tr("Source");
        case ScoreColumn:
            return tr("Score");
        case LabelColumn:
            return tr("Label");
        case FileLabelColumn:
            return tr("File label");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("Publication time in your local time zone");
        case TickersColumn:
            return tr("Instruments the item is linked to (explicit, exchange mention, cashtag or "
                      "company name)");
        case ScoreColumn:
            return tr("Sentiment score of the chosen model, from -1 (negative) to +1 (positive)");
        case LabelColumn:
            return tr("The chosen model's label");
        case FileLabelColumn:
            return tr("The label given in the imported file (training data)");
        default:
            return {};
        }
    }
    return {};
}

} // namespace marketlens::ui
