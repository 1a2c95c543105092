// PricesTab, news part: the "News markers" toggle and the sentiment model choice in the chart's
// toolbar, the sentiment timeline under the chart, reading news, scores and the daily index of
// the shown tickers, and the popup of a marker click.
#include "prices_tab.h"

#include "chart_style.h"
#include "news_marker_popup.h"
#include "project_controller.h"
#include "sentiment_timeline_view.h"

#include "core/forecast/model_store.h"
#include "core/news/sentiment_index.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>

#include <cmath>
#include <unordered_map>

namespace marketlens::ui {
namespace {

constexpr std::int64_t kDaySeconds = 86400;
constexpr int kMaxPopupItems = 50;

// 00:00 UTC of the UTC day of `timestamp` (seconds), in ms.
qint64 utcDayMs(std::int64_t timestamp)
{
    std::int64_t day = timestamp / kDaySeconds;
    if (timestamp % kDaySeconds < 0)
        --day;
    return qint64(day) * kDaySeconds * 1000;
}

} // namespace

void PricesTab::setupNews()
{
    m_toolBar->addSeparator();
    m_newsMarkers
        = m_toolBar->addAction(QIcon(QStringLiteral(":/icons/news.svg")), tr("News Markers"));
    m_newsMarkers->setCheckable(true);
    m_newsMarkers->setChecked(true);
    m_newsMarkers->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_newsMarkers->setToolTip(tr("Mark the news of the shown instruments on their price lines, "
                                 "coloured by sentiment (Ctrl+Shift+M)"));
    connect(m_newsMarkers, &QAction::toggled, m_chart, &PriceChartView::setNewsMarkersVisible);

    auto* modelChooser = new QWidget(m_toolBar);
    auto* modelLayout = new QHBoxLayout(modelChooser);
    modelLayout->setContentsMargins(4, 0, 4, 0);
    auto* modelLabel = new QLabel(tr("Sentiment:"), modelChooser);
    m_modelBox = new QComboBox(modelChooser);
    m_modelBox->setObjectName(QStringLiteral("sentimentModelBox"));
    m_modelBox->setToolTip(tr("Sentiment model whose scores the markers and the timeline show"));
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    modelLabel->setBuddy(m_modelBox);
    modelLayout->addWidget(modelLabel);
    modelLayout->addWidget(m_modelBox);
    m_modelBoxAction = m_toolBar->addWidget(modelChooser);
    m_modelBoxAction->setVisible(false);
    connect(m_modelBox, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QStringLiteral("prices/sentimentModel"), sentimentModelKey());
        loadNews();
    });

    m_timeline = new SentimentTimelineView(this);
    m_timeline->setObjectName(QStringLiteral("sentimentTimeline"));
    m_timeline->follow(m_chart);
    m_chartSplitter = new QSplitter(Qt::Vertical, this);
    m_chartSplitter->addWidget(m_chart);
    m_chartSplitter->addWidget(m_timeline);
    m_chartSplitter->setCollapsible(0, false);
    m_chartSplitter->setStretchFactor(0, 4);
    m_chartSplitter->setStretchFactor(1, 1);
    m_chartSplitter->setSizes({440, 120});

    connect(m_chart, &PriceChartView::newsMarkerClicked, this, &PricesTab::showNewsPopup);
}

QString PricesTab::sentimentModelKey() const
{
    const QString key = m_modelBox->currentData().toString();
    return key.isEmpty() ? QString::fromLatin1(core::news::kLexiconModelKey) : key;
}

QString PricesTab::modelDisplayName(const QString& key) const
{
    if (const auto it = m_modelNames.constFind(key); it != m_modelNames.constEnd())
        return *it;
    if (key == QLatin1String(core::news::kLexiconModelKey))
        return tr("Lexicon");
    if (key == QLatin1String("lexicon:vader"))
        return tr("VADER lexicon");
    return key;
}

void PricesTab::refreshNews()
{
    m_newsCache.clear();
    m_modelsRead = false;
    loadNews();
}

void PricesTab::readSentimentModels()
{
    if (m_modelsRead || !m_project->isOpen() || m_project->isBusy())
        return;
    m_modelsRead = true;
    auto models = core::news::scoredModels(m_project->store());
    if (!models) {
        Q_EMIT message(tr("Cannot read the sentiment models: %1")
                           .arg(QString::fromStdString(models.error().message)));
        models = std::vector<core::news::ScoredModel> {};
    }
    m_hasScores = !models->empty();
    // Names of trained and imported models ("model:<id>").
    m_modelNames.clear();
    if (auto records = core::forecast::listModels(m_project->store())) {
        for (const auto& r : *records)
            m_modelNames.insert(
                QStringLiteral("model:%1").arg(r.id), QString::fromStdString(r.name));
    }
    const QString saved = QSettings().value(QStringLiteral("prices/sentimentModel")).toString();
    const QString previous = m_modelBox->currentData().toString();
    const QSignalBlocker block(m_modelBox);
    m_modelBox->clear();
    for (const auto& m : *models) {
        const QString key = QString::fromStdString(m.modelKey);
        m_modelBox->addItem(modelDisplayName(key), key);
    }
    // The choice made in this session, else the remembered one, else the lexicon, else the first.
    int index = -1;
    for (const QString& key :
        {previous, saved, QString::fromLatin1(core::news::kLexiconModelKey)}) {
        if (index < 0 && !key.isEmpty())
            index = m_modelBox->findData(key);
    }
    m_modelBox->setCurrentIndex(index >= 0 ? index : 0);
    m_modelBoxAction->setVisible(m_modelBox->count() > 1);
}

core::Result<PricesTab::TickerNews> PricesTab::readTickerNews(
    core::ProjectStore& store, const QString& ticker, const QString& modelKey, bool hasScores)
{
    TickerNews out;
    core::news::NewsQuery query;
    query.ticker = ticker.toStdString();
    query.withBody = false; // headlines are enough for markers and tooltips
    auto news = core::news::listNews(store, query);
    if (!news)
        return news.error();
    std::vector<std::int64_t> ids;
    ids.reserve(news->size());
    for (const auto& n : *news)
        ids.push_back(n.id);
    std::unordered_map<std::int64_t, double> scores;
    if (!ids.empty() && hasScores) {
        if (auto loaded = core::news::loadScores(store, modelKey.toStdString(), ids)) {
            for (const auto& s : *loaded)
                scores.emplace(s.newsId, s.score);
        }
    }
    std::vector<core::news::ScoredEvent> events;
    out.markers.reserve(news->size());
    for (const auto& n : *news) {
        NewsMarker m;
        m.id = n.id;
        m.dayMs = utcDayMs(n.timestamp);
        m.ticker = ticker;
        m.headline = QString::fromStdString(n.headline);
        if (const auto it = scores.find(n.id); it != scores.end()) {
            m.score = it->second;
            events.push_back({n.timestamp, it->second});
        }
        out.markers.push_back(std::move(m));
    }
    if (events.empty())
        return out;
    // The stored index (written by the scoring run); computed here with the default half-life
    // when the project has scores but no stored index for this ticker.
    auto stored
        = core::news::loadSentimentIndex(store, ticker.toStdString(), modelKey.toStdString());
    if (stored && !stored->empty()) {
        out.days = std::move(*stored);
    } else if (auto computed = core::news::dailySentimentIndex(std::move(events))) {
        out.days = std::move(*computed);
    }
    return out;
}

void PricesTab::loadNews()
{
    readSentimentModels();
    const bool canRead = m_project->isOpen() && !m_project->isBusy();
    const QString model = sentimentModelKey();
    auto keyOf = [model](const QString& ticker) { return model + QLatin1Char('\n') + ticker; };
    QStringList missing;
    for (const QString& ticker : m_shown)
        if (!m_newsCache.contains(keyOf(ticker)))
            missing << ticker;
    if (!missing.isEmpty() && canRead) {
        // Read them (on the reader thread in a large file, where the markers of the cached
        // tickers show meanwhile), then come back here. An unreadable ticker gets no markers.
        using Batch = std::vector<core::Result<TickerNews>>;
        const bool hasScores = m_hasScores;
        m_project->read<Batch>(
            m_newsRead, this,
            [missing, model, hasScores](core::ProjectStore& store) -> core::Result<Batch> {
                Batch batch;
                for (const QString& ticker : missing)
                    batch.push_back(readTickerNews(store, ticker, model, hasScores));
                return batch;
            },
            [this, missing, keyOf](core::Result<Batch> batch) {
                for (qsizetype i = 0; i < missing.size(); ++i) {
                    const core::Error* error = !batch ? &batch.error()
                        : !(*batch)[std::size_t(i)] ? &(*batch)[std::size_t(i)].error()
                                                     : nullptr;
                    if (error)
                        Q_EMIT message(tr("Cannot read the news of %1: %2")
                                           .arg(missing[i], QString::fromStdString(error->message)));
                    m_newsCache.insert(keyOf(missing[i]),
                        error ? TickerNews {} : std::move(*(*batch)[std::size_t(i)]));
                }
                loadNews();
            });
        if (!m_project->readsInBackground())
            return; // read already, and shown by the loadNews() of the read's end
    }
    std::vector<NewsMarker> markers;
    std::vector<SentimentTimelineView::Line> lines;
    for (int i = 0; i < m_shown.size(); ++i) {
        const QString& ticker = m_shown[i];
        auto it = m_newsCache.find(keyOf(ticker));
        if (it == m_newsCache.end())
            continue; // an import holds the file: what is cached is all there is
        markers.insert(markers.end(), it->markers.begin(), it->markers.end());
        if (!it->days.empty())
            lines.push_back({ticker, seriesColor(i), it->days});
    }
    m_chart->setNewsMarkers(std::move(markers));
    m_chart->setNewsMarkersVisible(m_newsMarkers->isChecked());
    if (!m_hasScores)
        m_timeline->setEmptyText(tr("Score news on the News tab to see sentiment here"));
    else if (m_shown.isEmpty())
        m_timeline->setEmptyText(tr("Select an instrument to see the sentiment of its news"));
    else
        m_timeline->setEmptyText(
            tr("No news of %1 scored by %2")
                .arg(m_shown.join(QStringLiteral(", ")), modelDisplayName(model)));
    m_timeline->setLines(std::move(lines));
}

void PricesTab::showNewsPopup(const QList<qint64>& ids, const QPoint& globalPos)
{
    if (ids.isEmpty())
        return;
    if (!m_project->isOpen() || m_project->isBusy()) {
        Q_EMIT message(tr("The news cannot be read while an import is running"));
        return;
    }
    core::ProjectStore& store = m_project->store();
    const QString model = sentimentModelKey();
    std::vector<std::int64_t> wanted;
    for (qsizetype i = 0; i < ids.size() && i < kMaxPopupItems; ++i)
        wanted.push_back(ids[i]);
    std::unordered_map<std::int64_t, core::news::StoredScore> scores;
    if (auto loaded = core::news::loadScores(store, model.toStdString(), wanted)) {
        for (auto& s : *loaded)
            scores.emplace(s.newsId, std::move(s));
    }
    std::vector<NewsMarkerPopup::Item> items;
    for (std::int64_t id : wanted) {
        auto news = core::news::newsById(store, id);
        if (!news) {
            Q_EMIT message(tr("Cannot read news item %1: %2")
                               .arg(id)
                               .arg(QString::fromStdString(news.error().message)));
            continue;
        }
        NewsMarkerPopup::Item item {std::move(*news), std::nullopt};
        if (auto it = scores.find(id); it != scores.end())
            item.score = it->second;
        items.push_back(std::move(item));
    }
    if (items.empty())
        return;
    if (!m_popup)
        m_popup = new NewsMarkerPopup(this);
    m_popup->setItems(items, modelDisplayName(model));
    if (ids.size() > kMaxPopupItems)
        Q_EMIT message(tr("Showing the first %1 of %2 news items of this marker")
                           .arg(kMaxPopupItems)
                           .arg(ids.size()));
    m_popup->showNear(globalPos);
}

} // namespace marketlens::ui
