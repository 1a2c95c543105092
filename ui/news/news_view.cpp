// NewsView widgets, filters and the details pane; the jobs and their dialogs are in
// news_view_jobs.cpp.
#include "news_view.h"

#include "news_filter_model.h"
#include "news_model.h"

#include "ui/combo_fill.h"
#include "ui/locale_format.h"
#include "ui/project_controller.h"
#include "ui/risk/risk_palette.h"
#include "ui/sentiment_palette.h"

#include "core/news/news_store.h"
#include "models/sentiment_scorers.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace cn = core::news;

namespace {
const QDate kAnyDate(1900, 1, 1);
constexpr int kModelNameRole = Qt::UserRole + 1; // of the model combo's items

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString linkReasonText(core::LinkReason reason)
{
    switch (reason) {
    case core::LinkReason::Explicit:
        return NewsView::tr("given in the file");
    case core::LinkReason::Exchange:
        return NewsView::tr("exchange mention");
    case core::LinkReason::Cashtag:
        return NewsView::tr("cashtag");
    case core::LinkReason::Alias:
        return NewsView::tr("company name");
    }
    return {};
}

QToolButton* toolButton(QAction* action, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(true);
    return b;
}
} // namespace

NewsView::NewsView(ProjectController* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
{
    setObjectName(QStringLiteral("newsView"));
    m_model = new NewsModel(this);
    m_filter = new NewsFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_controller = new NewsController(this);
    createActions();
    createWidgets();
    connectController();
    // Another project: its filters start afresh; dataReloaded() follows and reads it.
    connect(m_project, &ProjectController::projectOpened, this, [this] { m_filter->reset(); });
    connect(m_project, &ProjectController::dataReloaded, this, &NewsView::reload);
    reload();
}

NewsView::~NewsView() = default;

void NewsView::createWidgets()
{
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    for (QAction* a : {m_importAction, m_scoreAction, m_trainAction, m_importModelAction})
        top->addWidget(toolButton(a, this));
    top->addSpacing(12);
    auto* modelLabel = new QLabel(tr("&Scores of:"), this);
    m_modelBox = new QComboBox(this);
    m_modelBox->setObjectName(QStringLiteral("newsModelBox"));
    // Not AdjustToContents: long model names must not widen the tab (and squeeze the docks).
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelBox->setMinimumContentsLength(18);
    m_modelBox->setToolTip(tr("The sentiment model whose scores, labels and explanations are "
                              "shown; every model's scores are kept"));
    modelLabel->setBuddy(m_modelBox);
    top->addWidget(modelLabel);
    top->addWidget(m_modelBox);
    top->addSpacing(12);
    m_search = new QLineEdit(this); // in the top row: the filter row is full at 900 px
    top->addWidget(m_search, 1);
    m_count = new QLabel(this);
    top->addWidget(m_count);

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    auto addLabelled = [this, filters](const QString& text, QWidget* w) {
        auto* l = new QLabel(text, this);
        l->setBuddy(w);
        filters->addWidget(l);
        filters->addWidget(w);
    };
    m_tickerBox = new QComboBox(this);
    m_tickerBox->setToolTip(tr("Show only news linked to this instrument"));
    m_tickerBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tickerBox->setMinimumContentsLength(8);
    addLabelled(tr("Tic&ker:"), m_tickerBox);
    auto dateEdit = [this](const QString& tip) {
        auto* e = new QDateEdit(this);
        e->setCalendarPopup(true);
        e->setMinimumDate(kAnyDate);
        e->setSpecialValueText(tr("Any"));
        e->setDisplayFormat(displayDateFormat());
        e->setDate(kAnyDate);
        e->setToolTip(tip);
        return e;
    };
    m_fromEdit = dateEdit(tr("Show news from this day on (the day as shown in the table)"));
    m_toEdit = dateEdit(tr("Show news up to this day"));
    addLabelled(tr("Fr&om:"), m_fromEdit);
    addLabelled(tr("&To:"), m_toEdit);
    m_labelBox = new QComboBox(this);
    m_labelBox->addItem(tr("Any"), QVariant());
    m_labelBox->addItem(tr("Positive"), int(core::SentimentClass::Positive));
    m_labelBox->addItem(tr("Neutral"), int(core::SentimentClass::Neutral));
    m_labelBox->addItem(tr("Negative"), int(core::SentimentClass::Negative));
    m_labelBox->setToolTip(tr("Show only news the chosen model labelled so"));
    addLabelled(tr("&Label:"), m_labelBox);
    auto scoreSpin = [this](double value, const QString& tip) {
        auto* s = new QDoubleSpinBox(this);
        s->setRange(-1.0, 1.0);
        s->setSingleStep(0.05);
        s->setDecimals(2);
        s->setValue(value);
        s->setToolTip(tip);
        return s;
    };
    m_minScore = scoreSpin(-1.0,
        tr("Lowest score shown (-1 to +1); unscored news is hidden "
           "while the range is narrower than -1 to +1"));
    m_maxScore = scoreSpin(1.0, tr("Highest score shown"));
    addLabelled(tr("S&core:"), m_minScore);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_maxScore);
    m_search->setObjectName(QStringLiteral("newsSearch"));
    m_search->setMinimumWidth(140);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search headline and text"));
    m_search->setToolTip(tr("Every word must occur in the headline, body, source or tickers"));
    filters->addWidget(toolButton(m_resetFiltersAction, this));
    filters->addStretch(1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("newsTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NewsModel::TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(NewsModel::HeadlineColumn, QHeaderView::Stretch);
    header->resizeSection(NewsModel::TimeColumn, 130);
    header->resizeSection(NewsModel::TickersColumn, 90);
    header->resizeSection(NewsModel::SourceColumn, 90);
    header->resizeSection(NewsModel::ScoreColumn, 60);
    header->resizeSection(NewsModel::LabelColumn, 70);
    header->resizeSection(NewsModel::FileLabelColumn, 70);
    m_table->setToolTip(tr("The project's news; click a header to sort, select a row to read it"));

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("newsDetails"));
    m_details->setOpenExternalLinks(true);
    m_details->setPlaceholderText(tr("Select a news item to read it with the words that moved "
                                     "its score highlighted"));
    m_details->viewport()->installEventFilter(this);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);

    connect(m_modelBox, &QComboBox::activated, this, [this] {
        m_wantedKey = m_modelBox->currentData().toString();
        reload();
    });
    connect(m_tickerBox, &QComboBox::currentIndexChanged, this, &NewsView::applyFilters);
    connect(m_labelBox, &QComboBox::currentIndexChanged, this, &NewsView::applyFilters);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, &NewsView::applyFilters);
    connect(m_toEdit, &QDateEdit::dateChanged, this, &NewsView::applyFilters);
    connect(m_minScore, &QDoubleSpinBox::valueChanged, this, &NewsView::applyFilters);
    connect(m_maxScore, &QDoubleSpinBox::valueChanged, this, &NewsView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &NewsView::applyFilters);
    connect(m_filter, &NewsFilterModel::filterChanged, this, &NewsView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &NewsView::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &NewsView::showDetails);
}

QString NewsView::modelKey() const
{
    return m_model->modelKey();
}

void NewsView::setModelKey(const QString& key)
{
    m_wantedKey = key;
    reload();
}

bool NewsView::isBusy() const
{
    return m_controller->isBusy();
}

int NewsView::shownCount() const
{
    return m_filter->rowCount();
}

void NewsView::reloadModelList()
{
    m_modelBox->clear();
    if (!m_project->isOpen())
        return;
    std::vector<models::SentimentModelInfo> infos;
    if (auto available = models::availableSentimentModels(m_project->store()))
        infos = std::move(*available);
    else
        infos.push_back(
            {cn::kLexiconModelKey, tr("Lexicon (market news)").toStdString(), "lexicon"});
    QHash<QString, qint64> counts;
    if (auto scored = cn::scoredModels(m_project->store())) {
        for (const auto& m : *scored) {
            counts.insert(qs(m.modelKey), m.count);
            const bool listed = std::any_of(infos.begin(), infos.end(),
                [&](const models::SentimentModelInfo& i) { return i.modelKey == m.modelKey; });
            if (!listed) // scores of a model deleted since: still viewable
                infos.push_back({m.modelKey, m.modelKey, "scores"});
        }
    }
    const QLocale locale;
    for (const auto& info : infos) {
        const QString key = qs(info.modelKey);
        const qint64 n = counts.value(key, 0);
        m_modelBox->addItem(n > 0
                ? tr("%1 (%2 scored)").arg(qs(info.displayName), locale.toString(n))
                : tr("%1 (not run)").arg(qs(info.displayName)),
            key);
        m_modelBox->setItemData(m_modelBox->count() - 1, key, Qt::ToolTipRole);
        m_modelBox->setItemData(m_modelBox->count() - 1, qs(info.displayName), kModelNameRole);
    }
    int index = m_modelBox->findData(m_wantedKey);
    if (index < 0)
        index = m_modelBox->findData(QString::fromLatin1(cn::kLexiconModelKey));
    m_modelBox->setCurrentIndex(std::max(index, 0));
}

void NewsView::reload()
{
    if (!m_project->isOpen()) {
        m_modelRead.invalidate();
        m_loading = false;
        m_model->clear();
        m_modelBox->clear();
        m_details->clear();
        updateActions();
        return;
    }
    if (m_project->isBusy())
        return; // a job holds the file; the job's end reloads
    const qint64 selected = [this] {
        const QModelIndex current = m_table->currentIndex();
        return current.isValid() ? current.data(NewsModel::IdRole).toLongLong() : qint64(0);
    }();
    reloadModelList();
    loadModel(wantedScope(), true, selected);
    updateActions();
}

void NewsView::reloadTickers()
{
    const QString current
        = m_tickerBox->count() > 0 ? m_tickerBox->currentData().toString() : m_filter->ticker();
    QStringList tickers = m_model->tickers();
    for (const auto& info : m_project->instruments())
        tickers << qs(info.ticker);
    tickers.removeDuplicates();
    tickers.sort();
    QList<ComboItem> items;
    items.reserve(tickers.size() + 1);
    items.append({tr("All"), QString()});
    for (const QString& t : std::as_const(tickers))
        items.append({t, t});
    replaceComboItems(m_tickerBox, items, current);
    applyFilters();
}

void NewsView::loadModel(const core::news::NewsQuery& scope, bool refresh, qint64 selected)
{
    const QString key = m_modelBox->currentData().toString();
    m_loading = true;
    updateCount();
    m_project->read<NewsModel::Loaded>(
        m_modelRead, this,
        [key, scope](core::ProjectStore& store) { return NewsModel::read(store, key, scope); },
        [this, scope, refresh, selected](core::Result<NewsModel::Loaded> loaded) {
            m_loading = false;
            if (!loaded) {
                updateCount();
                Q_EMIT errorOccurred(tr("News"),
                    tr("Cannot read the news: %1").arg(qs(loaded.error().toString())), {});
                return;
            }
            m_model->apply(std::move(*loaded));
            m_scope = scope;
            if (refresh)
                reloadTickers();
            if (selected > 0)
                selectNews(selected);
            updateCount();
            updateActions();
        });
}

core::news::NewsQuery NewsView::wantedScope() const
{
    core::news::NewsQuery scope;
    if (m_tickerBox->count() > 0)
        scope.ticker = m_tickerBox->currentData().toString().toStdString();
    // Local days: a day more on each side covers every time zone; the filter model is exact.
    constexpr qint64 kDay = 86400;
    if (m_fromEdit->date() != kAnyDate)
        scope.from = m_fromEdit->date().startOfDay(Qt::UTC).toSecsSinceEpoch() - kDay;
    if (m_toEdit->date() != kAnyDate)
        scope.to = m_toEdit->date().startOfDay(Qt::UTC).toSecsSinceEpoch() + 2 * kDay;
    return scope;
}

void NewsView::applyFilters()
{
    if (m_restoring)
        return;
    // With more news than the model holds, the ticker and dates choose what is read.
    const core::news::NewsQuery scope = wantedScope();
    const bool scoped = !m_scope.ticker.empty() || m_scope.from || m_scope.to;
    if ((m_model->isTruncated() || scoped) && m_project->isOpen() && !m_project->isBusy()
        && (scope.ticker != m_scope.ticker || scope.from != m_scope.from
            || scope.to != m_scope.to))
        loadModel(scope);
    m_filter->setTicker(m_tickerBox->currentData().toString());
    const QDate from = m_fromEdit->date() == kAnyDate ? QDate() : m_fromEdit->date();
    const QDate to = m_toEdit->date() == kAnyDate ? QDate() : m_toEdit->date();
    m_filter->setDateRange(from, to);
    const QVariant label = m_labelBox->currentData();
    m_filter->setLabel(label.isValid()
            ? std::optional<core::SentimentClass>(core::SentimentClass(label.toInt()))
            : std::nullopt);
    const double lo = m_minScore->value(), hi = m_maxScore->value();
    m_filter->setScoreRange(lo > -1.0 ? std::optional<double>(lo) : std::nullopt,
        hi < 1.0 ? std::optional<double>(hi) : std::nullopt);
    m_filter->setText(m_search->text());
}

void NewsView::updateCount()
{
    const QLocale locale;
    const int shown = m_filter->rowCount(), total = m_model->rowCount();
    if (m_loading)
        m_count->setText(tr("Reading the news…"));
    else if (m_model->isTruncated())
        m_count->setText(tr("%1 of the newest %2 items (choose a ticker or dates for older ones)")
                .arg(locale.toString(shown), locale.toString(total)));
    else
        m_count->setText(shown == total
                ? tr("%n item(s)", nullptr, total)
                : tr("%1 of %2 items").arg(locale.toString(shown), locale.toString(total)));
    m_resetFiltersAction->setEnabled(m_filter->isFiltering());
    if (!m_table->currentIndex().isValid())
        m_details->clear();
}

void NewsView::selectNews(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void NewsView::showDetails()
{
    const QModelIndex current = m_filter->mapToSource(m_table->currentIndex());
    const cn::StoredNews* item = m_model->item(current.row());
    if (!item) {
        m_details->clear();
        return;
    }
    const cn::StoredScore* score = m_model->score(current.row());
    const QLocale locale;
    // The explanation's positions index "headline\n\nbody" (scoringText): the headline's words
    // are highlighted in the title, the body's in the text below, on one strength scale.
    const QString headline = qs(item->headline);
    const int bodyStart = int(headline.size()) + 2;
    std::vector<cn::WordWeight> headWords, bodyWords;
    double scale = 0.0;
    if (score) {
        for (cn::WordWeight w : score->explanation) {
            scale = std::max(scale, std::abs(w.weight));
            if (w.position + w.length <= headline.size()) {
                headWords.push_back(w);
            } else if (w.position >= bodyStart) {
                w.position -= bodyStart;
                bodyWords.push_back(w);
            }
        }
    }
    QString html = QStringLiteral("<h3>%1</h3>").arg(explanationHtml(headline, headWords, scale));
    QStringList meta;
    meta << current.siblingAtColumn(NewsModel::TimeColumn).data().toString();
    if (!item->source.empty())
        meta << qs(item->source).toHtmlEscaped();
    if (!item->url.empty())
        meta << QStringLiteral("<a href=\"%1\">%2</a>")
                    .arg(qs(item->url).toHtmlEscaped(), tr("link"));
    html += QStringLiteral("<p>%1").arg(meta.join(QStringLiteral(" · ")));
    QStringList links;
    for (const auto& link : item->tickers) {
        QString text = QStringLiteral("<b>%1</b> (%2")
                           .arg(qs(link.ticker).toHtmlEscaped(), linkReasonText(link.reason));
        if (!link.evidence.empty() && link.reason != core::LinkReason::Explicit)
            text += QStringLiteral(": “%1”").arg(qs(link.evidence).toHtmlEscaped());
        links << text + QLatin1Char(')');
    }
    html += QStringLiteral("<br>")
        + (links.isEmpty() ? tr("Not linked to an instrument")
                           : tr("Tickers: %1").arg(links.join(QStringLiteral(", "))));
    if (!item->sourceFile.empty())
        html += QStringLiteral("<br>")
            + tr("From %1, item %2")
                  .arg(qs(item->sourceFile).toHtmlEscaped(),
                      locale.toString(qlonglong(item->itemNumber)));
    if (!item->labelText.empty())
        html += QStringLiteral(" · ")
            + tr("label in the file: %1").arg(qs(item->labelText).toHtmlEscaped());
    html += QStringLiteral("</p>");

    const QString key = m_model->modelKey();
    const QString modelName = m_modelBox->currentData(kModelNameRole).toString();
    if (score) {
        const QColor colour = sentimentColor(score->score);
        html += QStringLiteral("<p><span style=\"background-color:%1; color:%2;\">&nbsp;%3&nbsp;"
                               "</span> %4")
                    .arg(colour.name(), risk::readableTextColor(colour).name(),
                        locale.toString(score->score, 'f', 3), sentimentClassText(score->label))
            + QStringLiteral(" · ") + tr("by %1").arg(modelName.toHtmlEscaped());
        if (score->probabilities.size() == 3)
            html += QStringLiteral(" · ")
                + tr("P(negative) %1, P(neutral) %2, P(positive) %3")
                      .arg(locale.toString(score->probabilities[0], 'f', 2),
                          locale.toString(score->probabilities[1], 'f', 2),
                          locale.toString(score->probabilities[2], 'f', 2));
        // The decayed daily index of each linked ticker on the item's (UTC) day.
        if (!m_project->isBusy()) {
            const core::Date day(int(std::floor(double(item->timestamp) / 86400.0)));
            QStringList index;
            for (const auto& link : item->tickers) {
                auto days
                    = cn::loadSentimentIndex(m_project->store(), link.ticker, key.toStdString());
                if (!days)
                    continue;
                for (auto it = days->rbegin(); it != days->rend(); ++it) {
                    if (it->date <= day) {
                        index << QStringLiteral("%1 %2").arg(
                            qs(link.ticker).toHtmlEscaped(), locale.toString(it->decayed, 'f', 2));
                        break;
                    }
                }
            }
            if (!index.isEmpty())
                html += QStringLiteral("<br>")
                    + tr("Sentiment index that day (exponentially decayed): %1")
                          .arg(index.join(QStringLiteral(", ")));
        }
        html += QStringLiteral("</p>");
    } else {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Not scored by %1 yet (Models > Score News…)")
                             .arg(modelName.toHtmlEscaped()));
    }
    if (!item->body.empty())
        html += QStringLiteral("<p>%1</p>").arg(explanationHtml(qs(item->body), bodyWords, scale));
    m_details->setHtml(html);
}

bool NewsView::eventFilter(QObject* watched, QEvent* event)
{
    // Tooltips of the highlighted words: the weight is in the character format's tool tip.
    if (watched == m_details->viewport() && event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = m_details->cursorForPosition(help->pos()).charFormat().toolTip();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_details->viewport());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void NewsView::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("news/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("news/header"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("news/model"), modelKey());
    settings.setValue(QStringLiteral("news/ticker"), m_filter->ticker());
    settings.setValue(QStringLiteral("news/label"), m_labelBox->currentIndex());
    settings.setValue(QStringLiteral("news/minScore"), m_minScore->value());
    settings.setValue(QStringLiteral("news/maxScore"), m_maxScore->value());
    settings.setValue(QStringLiteral("news/search"), m_search->text());
}

void NewsView::restoreState()
{
    QSettings settings;
    m_splitter->restoreState(settings.value(QStringLiteral("news/splitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("news/header")).toByteArray());
    m_restoring = true;
    m_labelBox->setCurrentIndex(
        std::clamp(settings.value(QStringLiteral("news/label"), 0).toInt(), 0, 3));
    m_minScore->setValue(settings.value(QStringLiteral("news/minScore"), -1.0).toDouble());
    m_maxScore->setValue(settings.value(QStringLiteral("news/maxScore"), 1.0).toDouble());
    m_search->setText(settings.value(QStringLiteral("news/search")).toString());
    const QString ticker = settings.value(QStringLiteral("news/ticker")).toString();
    if (m_tickerBox->findData(ticker) < 0 && !ticker.isEmpty())
        m_tickerBox->addItem(ticker, ticker);
    m_tickerBox->setCurrentIndex(std::max(0, m_tickerBox->findData(ticker)));
    m_restoring = false;
    m_wantedKey = settings.value(QStringLiteral("news/model")).toString();
    applyFilters();
    reload();
}

} // namespace marketlens::ui
