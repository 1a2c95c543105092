// News markers on the price chart and the sentiment timeline under it, on the offscreen platform.
// Chart level: marker positions against QChart::mapToPosition of the price of the day (computed
// here from the generated data), grouping per day, merging when zoomed out, colour and side by
// sign, a real mouse click on a marker, the toggle, the timeline following zoom and the plot's
// edges. Tab level: a project with Microsoft's real prices (tests/data/msft_ohlcv.csv, prices
// read back from the file here) and news, scores and an index written through news_store.h.
#include "ui/main_window.h"
#include "ui/news_marker_popup.h"
#include "ui/price_chart_view.h"
#include "ui/prices_tab.h"
#include "ui/project_controller.h"
#include "ui/sentiment_palette.h"
#include "ui/sentiment_timeline_view.h"
#include "ui/theme.h"

#include "core/news/news_store.h"
#include "core/price_import.h"
#include "core/project_store.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>
#include <map>

using namespace marketlens;
using ui::NewsMarker;
using ui::NewsMarkerGroup;
using ui::PriceChartView;

namespace {

constexpr qint64 kDayMs = 86400000LL;
constexpr int kFirstDay = 11000; // 2000-02-12

// Close prices 100 + i + 0.25 * (i % 7) on consecutive days from kFirstDay.
core::PriceSeries makeSeries(const std::string& ticker, int n)
{
    core::PriceSeries s;
    s.ticker = ticker;
    for (int i = 0; i < n; ++i) {
        s.dates.emplace_back(kFirstDay + i);
        s.close.push_back(100.0 + i + 0.25 * (i % 7));
        for (auto* v : {&s.open, &s.high, &s.low, &s.adjClose})
            v->push_back(core::kMissing);
        s.volume.push_back(1000.0);
    }
    return s;
}

double priceOnDay(int day)
{
    const int i = day - kFirstDay;
    return 100.0 + i + 0.25 * (i % 7);
}

NewsMarker marker(qint64 id, int day, const QString& ticker, double score)
{
    NewsMarker m;
    m.id = id;
    m.dayMs = qint64(day) * kDayMs;
    m.ticker = ticker;
    m.headline = QStringLiteral("Headline %1").arg(id);
    m.score = score;
    return m;
}

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(); // queued re-layout after the plot area changed
}

// Where Qt Charts puts the value (ms, price) of the chart's first series, in viewport pixels.
QPointF expectedAnchor(PriceChartView& view, qint64 ms, double price)
{
    QChart* chart = view.chart();
    const QPointF inChart
        = chart->mapToPosition(QPointF(double(ms), price), chart->series().first());
    return view.mapFromScene(chart->mapToScene(inChart));
}

const NewsMarkerGroup* groupOnDay(const QList<NewsMarkerGroup>& groups, int day)
{
    for (const auto& g : groups) {
        if (g.dayMs == qint64(day) * kDayMs)
            return &g;
    }
    return nullptr;
}

struct Bar {
    double high = 0, low = 0, close = 0;
};

// High, low and close of each date of tests/data/msft_ohlcv.csv, read apart from the import.
std::map<QString, Bar> msftBars()
{
    std::map<QString, Bar> closes;
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/msft_ohlcv.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return closes;
    f.readLine();
    while (!f.atEnd()) {
        const QList<QByteArray> c = f.readLine().trimmed().split(',');
        if (c.size() >= 5)
            closes[QString::fromLatin1(QByteArray(c[0]).replace('"', ""))]
                = {c[2].toDouble(), c[3].toDouble(), c[4].toDouble()};
    }
    return closes;
}

qint64 utcSeconds(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

qint64 dayMsOf(const char* isoDate)
{
    return QDateTime(
        QDate::fromString(QString::fromLatin1(isoDate), Qt::ISODate), QTime(0, 0), Qt::UTC)
        .toMSecsSinceEpoch();
}

} // namespace

class TestNewsMarkers : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path; // MSFT prices, news, lexicon + VADER scores, stored lexicon index
    QString m_plainPath; // MSFT prices and news, no scores
    std::vector<std::int64_t> m_ids; // ids of the stored news, in the order written

    // Writes the news of the tab tests into `path`; with `scores` also two models' scores and
    // the lexicon index.
    bool writeNews(const QString& path, bool scores)
    {
        auto store = core::ProjectStore::open(path.toStdString());
        if (!store)
            return false;
        struct Item {
            const char* when;
            const char* headline;
            const char* body;
        };
        const Item items[] = {
            {"2001-01-10T14:30:00Z", "Microsoft shares surge on strong earnings", ""},
            {"2001-01-10T18:00:00Z", "Microsoft beats estimates", ""},
            {"2001-03-05T09:00:00Z", "Microsoft faces antitrust loss",
                "The appeal court ruled against the company."},
            {"2001-03-10T12:00:00Z", "Microsoft weekend briefing", ""}, // a Saturday
            {"2001-06-01T12:00:00Z", "Microsoft holds annual meeting", ""},
        };
        m_ids.clear();
        for (const Item& it : items) {
            core::news::StoredNews n;
            n.timestamp = utcSeconds(it.when);
            n.headline = it.headline;
            n.body = it.body;
            n.source = "Test Wire";
            n.tickers.push_back({"MSFT", core::LinkReason::Explicit, "MSFT", 1});
            auto id = core::news::insertNews(*store, n);
            if (!id || *id <= 0)
                return false;
            m_ids.push_back(*id);
        }
        if (!scores)
            return true;
        using core::news::StoredScore;
        using core::news::WordWeight;
        std::vector<StoredScore> lexicon = {
            {m_ids[0], 0.6, core::SentimentClass::Positive, {},
                {{17, 5, 0.45}, {26, 6, 0.30}}}, // "surge", "strong"
            {m_ids[1], 0.2, core::SentimentClass::Positive, {}, {{10, 5, 0.2}}}, // "beats"
            {m_ids[2], -0.5, core::SentimentClass::Negative, {}, {{26, 4, -0.5}}}, // "loss"
            {m_ids[3], 0.0, core::SentimentClass::Neutral, {}, {}},
        };
        std::vector<StoredScore> vader = {
            {m_ids[0], 0.3, core::SentimentClass::Positive, {}, {}},
            {m_ids[2], -0.2, core::SentimentClass::Negative, {}, {}},
        };
        if (!core::news::saveScores(*store, "lexicon", lexicon)
            || !core::news::saveScores(*store, "lexicon:vader", vader))
            return false;
        // A hand-made index (the timeline shows what is stored).
        std::vector<core::news::DailySentiment> days;
        for (int d = 0; d < 60; ++d) {
            core::news::DailySentiment s;
            s.date = core::Date(int(dayMsOf("2001-01-10") / kDayMs) + d);
            s.count = d == 0 ? 2 : (d == 54 ? 1 : 0);
            s.mean = d == 0 ? 0.4 : (d == 54 ? -0.5 : 0.0);
            s.decayed = d < 54 ? 0.4 : -0.1;
            days.push_back(s);
        }
        return bool(core::news::saveSentimentIndex(*store, "MSFT", "lexicon", days));
    }

    bool makeProject(const QString& path, bool scores)
    {
        if (!core::ProjectStore::create(path.toStdString()))
            return false;
        core::ImportOptions options;
        options.ticker = "MSFT";
        auto imported = core::importFiles(
            path.toStdString(), {std::string(MARKETLENS_TEST_DATA "/msft_ohlcv.csv")}, options);
        return imported && writeNews(path, scores);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MarketLensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_news_markers"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("news.mlens"));
        m_plainPath = m_dir.filePath(QStringLiteral("plain.mlens"));
        QVERIFY(makeProject(m_path, true));
        QVERIFY(makeProject(m_plainPath, false));
    }

    // ---- chart level ---------------------------------------------------------------------

    void markersSitOnThePriceOfTheirDay()
    {
        PriceChartView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSeries({makeSeries("AAA", 200)});
        view.setNewsMarkers({marker(1, kFirstDay + 20, "AAA", 0.5),
            marker(2, kFirstDay + 20, "AAA", 0.3), marker(3, kFirstDay + 50, "AAA", -0.6),
            marker(4, kFirstDay + 80, "AAA", std::nan("")),
            marker(5, kFirstDay + 300, "AAA", 0.1), // after the data: never in range
            marker(6, kFirstDay + 30, "ZZZ", 0.9)}); // not shown
        settle();
        QCOMPARE(view.newsMarkerCount(), 6);
        const auto groups = view.visibleNewsMarkers();
        QCOMPARE(groups.size(), 3);
        for (int day : {20, 50, 80}) {
            const NewsMarkerGroup* g = groupOnDay(groups, kFirstDay + day);
            QVERIFY2(g, qPrintable(QStringLiteral("day %1").arg(day)));
            const QPointF want = expectedAnchor(
                view, qint64(kFirstDay + day) * kDayMs, priceOnDay(kFirstDay + day));
            QVERIFY2(std::abs(g->anchor.x() - want.x()) < 0.75
                    && std::abs(g->anchor.y() - want.y()) < 0.75,
                qPrintable(QStringLiteral("day %1: (%2, %3) vs (%4, %5)")
                               .arg(day)
                               .arg(g->anchor.x())
                               .arg(g->anchor.y())
                               .arg(want.x())
                               .arg(want.y())));
        }
        // Two items on one day: one marker with both ids and their mean score.
        const NewsMarkerGroup* two = groupOnDay(groups, kFirstDay + 20);
        QCOMPARE(two->ids, (QList<qint64> {1, 2}));
        QCOMPARE(two->meanScore, 0.4);
        // Positive: green end, symbol above the line; negative: red end, below; unscored: grey.
        const QColor up = ui::sentimentColor(two->meanScore);
        QVERIFY(up.green() > up.red());
        QVERIFY(two->rect.bottom() < two->anchor.y());
        const NewsMarkerGroup* down = groupOnDay(groups, kFirstDay + 50);
        QCOMPARE(down->ids, (QList<qint64> {3}));
        const QColor red = ui::sentimentColor(down->meanScore);
        QVERIFY(red.red() > red.green());
        QVERIFY(down->rect.top() > down->anchor.y());
        QVERIFY(std::isnan(groupOnDay(groups, kFirstDay + 80)->meanScore));
        QCOMPARE(ui::sentimentColor(std::nan("")), ui::kSentimentUnscored);
    }

    void markersFollowZoomAndClicksEmitIds()
    {
        PriceChartView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSeries({makeSeries("AAA", 200)});
        view.setNewsMarkers(
            {marker(1, kFirstDay + 20, "AAA", 0.5), marker(2, kFirstDay + 20, "AAA", 0.3),
                marker(3, kFirstDay + 50, "AAA", -0.6), marker(4, kFirstDay + 80, "AAA", 0.0)});
        settle();
        const qint64 from = qint64(kFirstDay + 40) * kDayMs, to = qint64(kFirstDay + 100) * kDayMs;
        view.setVisibleRange(from, to);
        settle();
        auto groups = view.visibleNewsMarkers();
        QCOMPARE(groups.size(), 2); // day 20 is left of the range
        const NewsMarkerGroup* g = groupOnDay(groups, kFirstDay + 50);
        QVERIFY(g);
        const QPointF want
            = expectedAnchor(view, qint64(kFirstDay + 50) * kDayMs, priceOnDay(kFirstDay + 50));
        QVERIFY(std::abs(g->anchor.x() - want.x()) < 0.75);
        QVERIFY(std::abs(g->anchor.y() - want.y()) < 0.75);

        QSignalSpy clicked(&view, &PriceChartView::newsMarkerClicked);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, g->rect.center().toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).value<QList<qint64>>(), (QList<qint64> {3}));
        // The click is not the start of a rubber-band zoom.
        QCOMPARE(view.visibleFromMs(), from);
        QCOMPARE(view.visibleToMs(), to);

        // Hidden layer: nothing drawn, the same click is a plain chart click.
        view.setNewsMarkersVisible(false);
        QVERIFY(view.visibleNewsMarkers().isEmpty());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, g->rect.center().toPoint());
        QCOMPARE(clicked.count(), 1);
        view.setNewsMarkersVisible(true);
        QCOMPARE(view.visibleNewsMarkers().size(), 2);
    }

    void thousandsOfItemsMergeIntoFewMarkers()
    {
        PriceChartView view;
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSeries({makeSeries("AAA", 2000)});
        std::vector<NewsMarker> items;
        for (int i = 0; i < 6000; ++i) // three a day over 2000 days
            items.push_back(marker(i + 1, kFirstDay + i / 3, "AAA", (i % 5 - 2) / 2.0));
        view.setNewsMarkers(items);
        settle();
        const auto all = view.visibleNewsMarkers();
        const double plotWidth = view.plotAreaRect().width();
        QVERIFY(all.size() <= int(plotWidth / 11.0) + 2); // at most one per symbol width
        qsizetype ids = 0;
        for (const auto& g : all)
            ids += g.ids.size();
        QCOMPARE(ids, qsizetype(6000)); // every item is in exactly one marker
        if (const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR"); !dir.isEmpty())
            view.grab().save(dir + QStringLiteral("/news_markers_dense.png"));
        // Zoomed to 10 days: one marker per day again, three ids each.
        view.setVisibleRange(qint64(kFirstDay + 1000) * kDayMs, qint64(kFirstDay + 1009) * kDayMs);
        settle();
        const auto zoomed = view.visibleNewsMarkers();
        QCOMPARE(zoomed.size(), 10);
        for (const auto& g : zoomed)
            QCOMPARE(g.ids.size(), qsizetype(3));
    }

    void timelineFollowsTheChart()
    {
        QWidget box;
        auto* layout = new QVBoxLayout(&box);
        auto* chart = new PriceChartView(&box);
        auto* timeline = new ui::SentimentTimelineView(&box);
        layout->addWidget(chart, 3);
        layout->addWidget(timeline, 1);
        box.resize(1000, 700);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        chart->setSeries({makeSeries("AAA", 200)});
        timeline->follow(chart);
        std::vector<core::news::DailySentiment> days;
        for (int d = 0; d < 200; ++d)
            days.push_back({core::Date(kFirstDay + d), d % 3 == 0 ? 0.5 : -0.25, 1, 0.1});
        timeline->setLines({{QStringLiteral("AAA"), ui::seriesColor(0), days}});
        settle();
        QCOMPARE(timeline->visibleFromMs(), chart->visibleFromMs());
        QCOMPARE(timeline->visibleToMs(), chart->visibleToMs());

        const qint64 from = qint64(kFirstDay + 30) * kDayMs, to = qint64(kFirstDay + 90) * kDayMs;
        chart->setVisibleRange(from, to);
        settle();
        QCOMPARE(timeline->visibleFromMs(), from);
        QCOMPARE(timeline->visibleToMs(), to);
        // The same day is at the same x in both (both widgets start at the box's left edge).
        const QRectF plot = chart->plotAreaRect();
        const QPointF chartLeft = chart->viewport()->mapTo(&box, plot.topLeft());
        const QPointF chartRight = chart->viewport()->mapTo(&box, plot.topRight());
        const QRectF tl = timeline->plotRect();
        QVERIFY(std::abs(timeline->mapTo(&box, tl.topLeft()).x() - chartLeft.x()) < 1.0);
        QVERIFY(std::abs(timeline->mapTo(&box, tl.topRight()).x() - chartRight.x()) < 1.0);
        const double mid = timeline->xForMs(qint64(kFirstDay + 60) * kDayMs);
        const QPointF want = chart->viewport()->mapTo(&box,
            expectedAnchor(*chart, qint64(kFirstDay + 60) * kDayMs, priceOnDay(kFirstDay + 60)));
        QVERIFY(std::abs(timeline->mapTo(&box, QPointF(mid, 0)).x() - want.x()) < 1.0);

        // Wheel over the timeline zooms the chart (and so the timeline).
        QWheelEvent wheel(QPointF(mid, timeline->height() / 2.0),
            timeline->mapToGlobal(QPointF(mid, timeline->height() / 2.0)), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(timeline, &wheel);
        settle();
        QVERIFY(chart->visibleToMs() - chart->visibleFromMs() < to - from);
        QCOMPARE(timeline->visibleFromMs(), chart->visibleFromMs());
        // Hover text: the day's mean, count and decayed value.
        const QString text = timeline->textAt(qint64(kFirstDay + 60) * kDayMs);
        QVERIFY2(text.contains(QStringLiteral("0.50")) && text.contains(QStringLiteral("1 item"))
                && text.contains(QStringLiteral("0.10")),
            qPrintable(text));
        timeline->repaint();
        QVERIFY(timeline->drawnBarCount() > 0);
    }

    void popupHighlightsExplanationWords()
    {
        const QString text = QStringLiteral("Shares surge & <fall>");
        const QString html = ui::NewsMarkerPopup::highlightedHtml(text,
            {{7, 5, 0.5}, {15, 6, -0.25}, {9, 3, 0.1}, {40, 2, 1.0}}); // overlap, out of range
        QCOMPARE(html.count(QStringLiteral("<span")), 2);
        QVERIFY(html.startsWith(QStringLiteral("Shares <span")));
        QVERIFY(html.contains(QStringLiteral(">surge</span>")));
        QVERIFY(html.contains(QStringLiteral("&amp; <span")));
        QVERIFY(html.contains(QStringLiteral(">&lt;fall&gt;</span>")));
    }

    // ---- Prices tab ------------------------------------------------------------------------

    void pricesTabShowsMarkersTimelineAndPopup()
    {
        QSettings().clear();
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        ui::PricesTab tab(&project);
        tab.resize(1200, 800);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.restoreState();
        tab.reload();
        tab.selectTickers({QStringLiteral("MSFT")});
        settle();
        PriceChartView* chart = tab.chart();
        QCOMPARE(chart->newsMarkerCount(), 5);
        const auto groups = chart->visibleNewsMarkers();
        QCOMPARE(groups.size(), 4); // two items on 2001-01-10
        const std::map<QString, Bar> bars = msftBars();
        QVERIFY(!bars.empty());
        // One OHLC instrument: candlesticks, so symbols sit over the day's high (positive,
        // neutral, unscored) or under its low (negative). The weekend item is on Friday's bar.
        QVERIFY(chart->showsCandlesticks());
        struct Placed {
            const char* day;
            const char* priceDay;
            bool low;
        };
        const Placed placed[]
            = {{"2001-01-10", "2001-01-10", false}, {"2001-03-05", "2001-03-05", true},
                {"2001-03-10", "2001-03-09", false}, {"2001-06-01", "2001-06-01", false}};
        for (const auto& [day, priceDay, low] : placed) {
            const NewsMarkerGroup* g = nullptr;
            for (const auto& x : groups)
                g = x.dayMs == dayMsOf(day) ? &x : g;
            QVERIFY2(g, day);
            const Bar& bar = bars.at(QString::fromLatin1(priceDay));
            const QPointF want = expectedAnchor(*chart, dayMsOf(day), low ? bar.low : bar.high);
            QVERIFY2(std::abs(g->anchor.x() - want.x()) < 0.75
                    && std::abs(g->anchor.y() - want.y()) < 0.75,
                day);
        }
        const NewsMarkerGroup* jan = nullptr;
        for (const auto& x : groups)
            jan = x.dayMs == dayMsOf("2001-01-10") ? &x : jan;
        QCOMPARE(jan->ids, (QList<qint64> {m_ids[0], m_ids[1]}));
        QVERIFY(std::abs(jan->meanScore - 0.4) < 1e-12);

        // Two models have scores: the choice is offered, the lexicon first.
        QVERIFY(tab.sentimentModelBox()->isVisibleTo(&tab));
        QCOMPARE(tab.sentimentModelBox()->count(), 2);
        QCOMPARE(tab.sentimentModelKey(), QStringLiteral("lexicon"));

        // Timeline: the stored index of MSFT, following the chart.
        ui::SentimentTimelineView* timeline = tab.sentimentTimeline();
        QVERIFY(timeline->hasData());
        QCOMPARE(timeline->lines().size(), std::size_t(1));
        QCOMPARE(timeline->lines().front().days.size(), std::size_t(60));
        QVERIFY(timeline->textAt(dayMsOf("2001-01-10")).contains(QStringLiteral("2 item")));
        chart->setVisibleRange(dayMsOf("2000-12-01"), dayMsOf("2001-04-01"));
        settle();
        QCOMPARE(timeline->visibleFromMs(), dayMsOf("2000-12-01"));

        // Screenshots for a human look (not a check): MARKETLENS_GRAB_DIR=/some/folder.
        if (const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR"); !dir.isEmpty()) {
            tab.grab().save(dir + QStringLiteral("/news_markers_tab.png"));
            ui::applyTheme(ui::ThemeChoice::Dark);
            settle();
            tab.grab().save(dir + QStringLiteral("/news_markers_tab_dark.png"));
            ui::applyTheme(ui::ThemeChoice::Light);
            settle();
        }

        // Hovering a marker lists its headlines with their scores.
        {
            const NewsMarkerGroup* march = nullptr;
            const auto shown = chart->visibleNewsMarkers();
            for (const auto& x : shown)
                march = x.dayMs == dayMsOf("2001-03-05") ? &x : march;
            QVERIFY(march);
            const QPoint at = march->rect.center().toPoint();
            QHelpEvent help(QEvent::ToolTip, at, chart->viewport()->mapToGlobal(at));
            QApplication::sendEvent(chart->viewport(), &help);
            QVERIFY(QToolTip::isVisible());
            QVERIFY2(QToolTip::text().contains(QStringLiteral("Microsoft faces antitrust loss"))
                    && QToolTip::text().contains(QStringLiteral("-0.50")),
                qPrintable(QToolTip::text()));
            QToolTip::hideText();
        }

        // Click the January marker: the popup shows both items, scores and highlighted words.
        const NewsMarkerGroup* janZoomed = nullptr;
        const auto zoomedGroups = chart->visibleNewsMarkers();
        for (const auto& x : zoomedGroups)
            janZoomed = x.dayMs == dayMsOf("2001-01-10") ? &x : janZoomed;
        QVERIFY(janZoomed);
        QTest::mouseClick(
            chart->viewport(), Qt::LeftButton, {}, janZoomed->rect.center().toPoint());
        ui::NewsMarkerPopup* popup = tab.newsPopup();
        QVERIFY(popup);
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->itemCount(), 2);
        QVERIFY(popup->html().contains(QStringLiteral(">surge</span>")));
        QVERIFY(popup->html().contains(QStringLiteral(">beats</span> estimates")));
        QVERIFY(popup->html().contains(QStringLiteral("Test Wire")));
        QVERIFY(popup->html().contains(QStringLiteral("+0.60")));
        if (const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR"); !dir.isEmpty())
            popup->grab().save(dir + QStringLiteral("/news_marker_popup.png"));
        popup->close();

        // Another model: the markers take its scores.
        tab.sentimentModelBox()->setCurrentIndex(
            tab.sentimentModelBox()->findData(QStringLiteral("lexicon:vader")));
        settle();
        for (const auto& x : chart->visibleNewsMarkers()) {
            if (x.dayMs == dayMsOf("2001-01-10"))
                QVERIFY(std::abs(x.meanScore - 0.3) < 1e-12); // only item 0 scored by VADER
        }

        // The toggle hides the markers and is remembered.
        QAction* toggle = tab.newsMarkersAction();
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QVERIFY(chart->visibleNewsMarkers().isEmpty());
        tab.saveState();
        ui::PricesTab again(&project);
        again.restoreState();
        QVERIFY(!again.newsMarkersAction()->isChecked());
        toggle->trigger();
        QVERIFY(!chart->visibleNewsMarkers().isEmpty());
        tab.saveState();
    }

    void pricesTabWithoutScoresExplainsTheEmptyTimeline()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_plainPath));
        ui::PricesTab tab(&project);
        tab.resize(1000, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.reload();
        tab.selectTickers({QStringLiteral("MSFT")});
        settle();
        QVERIFY(!tab.sentimentTimeline()->hasData());
        QCOMPARE(tab.sentimentTimeline()->emptyText(),
            QStringLiteral("Score news on the News tab to see sentiment here"));
        QVERIFY(!tab.sentimentModelBox()->isVisibleTo(&tab));
        // Unscored items are still marked (grey circles).
        QCOMPARE(tab.chart()->newsMarkerCount(), 5);
        for (const auto& g : tab.chart()->visibleNewsMarkers())
            QVERIFY(std::isnan(g.meanScore));
    }

    void markerShortcutIsUniqueInTheWindow()
    {
        ui::MainWindow window;
        const QKeySequence key = window.pricesTab()->newsMarkersAction()->shortcut();
        QVERIFY(!key.isEmpty());
        int uses = 0;
        for (QAction* a : window.findChildren<QAction*>()) {
            if (a->shortcuts().contains(key))
                ++uses;
        }
        QCOMPARE(uses, 1);
    }
};

QTEST_MAIN(TestNewsMarkers)
#include "test_news_markers.moc"
