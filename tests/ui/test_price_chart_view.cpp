// PriceChartView on the offscreen platform: series, downsampled display, zoom/pan/reset through
// real input events, legend toggling, rebasing, candlesticks and the crosshair. Expected values
// come from the generated data (or tests/data/msft_ohlcv.csv) by brute force, not from the
// chart's own helpers.
#include "ui/price_chart_view.h"

#include <QFile>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace marketlens;
using marketlens::ui::PriceChartView;

namespace {

constexpr qint64 kDayMs = 86400000LL;

// Random walk on consecutive days, prices rounded to cents; OHLC around the close when asked.
core::PriceSeries makeSeries(
    const std::string& ticker, std::size_t n, int firstDay, unsigned seed, bool ohlc = false)
{
    core::PriceSeries s;
    s.ticker = ticker;
    std::mt19937 rng(seed);
    std::normal_distribution<double> step(0.0, 0.01);
    std::uniform_real_distribution<double> u(0.0, 0.02);
    double p = 50.0;
    for (std::size_t i = 0; i < n; ++i) {
        p = std::max(1.0, p * (1.0 + step(rng)));
        const double c = std::round(p * 100.0) / 100.0;
        s.dates.emplace_back(firstDay + int(i));
        s.close.push_back(c);
        s.adjClose.push_back(core::kMissing);
        s.volume.push_back(1000.0);
        if (ohlc) {
            const double o = std::round(c * (1.0 + u(rng) - 0.01) * 100.0) / 100.0;
            s.open.push_back(o);
            s.high.push_back(std::max(o, c) + std::round(u(rng) * 100.0) / 100.0);
            s.low.push_back(std::min(o, c) - std::round(u(rng) * 100.0) / 100.0);
        } else {
            s.open.push_back(core::kMissing);
            s.high.push_back(core::kMissing);
            s.low.push_back(core::kMissing);
        }
    }
    return s;
}

// tests/data/msft_ohlcv.csv when another helper has copied it there, else generated OHLC data.
core::PriceSeries msftLike()
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/msft_ohlcv.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return makeSeries("MSFT", 249, 11227, 99, true);
    core::PriceSeries s;
    s.ticker = "MSFT";
    f.readLine(); // header: Date,Open,High,Low,Close,Volume
    while (!f.atEnd()) {
        const QList<QByteArray> c = f.readLine().trimmed().split(',');
        if (c.size() < 6)
            continue;
        const auto d = core::Date::fromIso(QByteArray(c[0]).replace('"', "").toStdString());
        if (!d)
            continue;
        s.dates.push_back(*d);
        s.open.push_back(c[1].toDouble());
        s.high.push_back(c[2].toDouble());
        s.low.push_back(c[3].toDouble());
        s.close.push_back(c[4].toDouble());
        s.adjClose.push_back(core::kMissing);
        s.volume.push_back(c[5].toDouble());
    }
    return s;
}

QList<QLineSeries*> lineSeries(PriceChartView& view)
{
    QList<QLineSeries*> out;
    for (QAbstractSeries* s : view.chart()->series())
        if (auto* l = qobject_cast<QLineSeries*>(s))
            out << l;
    return out;
}

QValueAxis* yAxis(PriceChartView& view)
{
    const QList<QAbstractAxis*> axes = view.chart()->axes(Qt::Vertical);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis*>(axes.front());
}

// Plot area in viewport coordinates (where mouse events are delivered).
QRectF plotArea(PriceChartView& view)
{
    return view.mapFromScene(view.chart()->mapRectToScene(view.chart()->plotArea())).boundingRect();
}

void sendMouse(PriceChartView& view, QEvent::Type type, QPointF pos, Qt::MouseButton button,
    Qt::MouseButtons buttons, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QMouseEvent ev(type, pos, view.viewport()->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(view.viewport(), &ev);
}

} // namespace

class TestPriceChartView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<PriceChartView> m_view;

    void showView(int w = 1000, int h = 600)
    {
        m_view = std::make_unique<PriceChartView>();
        m_view->resize(w, h);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QCoreApplication::processEvents(); // let the chart layout settle (plot area)
    }

private Q_SLOTS:
    void init() { showView(); }
    void cleanup() { m_view.reset(); }

    void twoSeriesGiveTwoNamedLines()
    {
        m_view->setSeries({makeSeries("AAA", 500, 10000, 1), makeSeries("BBB", 400, 10050, 2)});
        const auto lines = lineSeries(*m_view);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0]->name(), QStringLiteral("AAA"));
        QCOMPARE(lines[1]->name(), QStringLiteral("BBB"));
        QCOMPARE(m_view->seriesNames(), QStringList({"AAA", "BBB"}));
        QCOMPARE(m_view->dataPointCount(1), qsizetype(400));
        // Both fit unreduced (<= 4 points per pixel): every row is shown.
        QCOMPARE(lines[0]->count(), 500);
        QVERIFY(m_view->displayedCandles().empty());
    }

    void millionPointsAreDownsampledNotThinned()
    {
        m_view->setSeries({makeSeries("BIG", 1000000, 0, 3)});
        QCOMPARE(m_view->dataPointCount(0), qsizetype(1000000));
        const int width = m_view->width();
        QVERIFY2(m_view->displayedPointCount(0) <= 4 * width + 2,
            qPrintable(QString::number(m_view->displayedPointCount(0))));
        QVERIFY(m_view->displayedPointCount(0) > width); // min/max per column, not a thin line
        QCOMPARE(qsizetype(lineSeries(*m_view).at(0)->count()), m_view->displayedPointCount(0));
    }

    void zoomShowsVisibleRangeWithExtremes()
    {
        const auto s = makeSeries("BIG", 1000000, 0, 4);
        m_view->setSeries({s});
        const qint64 from = s.dates[200000].toMsecsSinceEpoch();
        const qint64 to = s.dates[300000].toMsecsSinceEpoch();
        m_view->setVisibleRange(from, to);
        QCOMPARE(m_view->visibleFromMs(), from);
        QCOMPARE(m_view->visibleToMs(), to);
        const QList<QPointF> pts = lineSeries(*m_view).at(0)->points();
        QVERIFY(pts.size() <= 4 * m_view->width() + 2);
        // Inside the range, except the one row adjacent to each edge.
        QCOMPARE(qint64(pts.front().x()), from - kDayMs);
        QCOMPARE(qint64(pts.back().x()), to + kDayMs);
        for (qsizetype i = 1; i + 1 < pts.size(); ++i)
            QVERIFY(pts[i].x() >= double(from) && pts[i].x() <= double(to));
        const auto [mn, mx]
            = std::minmax_element(s.close.begin() + 200000, s.close.begin() + 300001);
        bool hasMin = false, hasMax = false;
        for (const QPointF& p : pts) {
            hasMin = hasMin || p.y() == *mn;
            hasMax = hasMax || p.y() == *mx;
        }
        QVERIFY(hasMin && hasMax);
        // The y axis fits the visible data with a small margin.
        auto* axisY = qobject_cast<QValueAxis*>(m_view->chart()->axes(Qt::Vertical).at(0));
        QVERIFY(axisY->min() < *mn && axisY->min() > *mn - 0.1 * (*mx - *mn));
        QVERIFY(axisY->max() > *mx && axisY->max() < *mx + 0.1 * (*mx - *mn));
    }

    void wheelZoomsAroundCursor()
    {
        const auto s = makeSeries("AAA", 5000, 0, 5);
        m_view->setSeries({s});
        m_view->setVisibleRange(1000 * kDayMs, 3000 * kDayMs);
        const QRectF plot = plotArea(*m_view);
        const QPointF pos(plot.left() + 0.25 * plot.width(), plot.center().y());
        const double before = 1000.0 * kDayMs + 0.25 * 2000.0 * kDayMs;
        QWheelEvent ev(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view->viewport(), &ev);
        const double from = double(m_view->visibleFromMs()), to = double(m_view->visibleToMs());
        QVERIFY(std::abs((to - from) - 0.8 * 2000.0 * kDayMs) < kDayMs);
        // The date under the cursor stays under the cursor.
        QVERIFY(std::abs(from + 0.25 * (to - from) - before) < kDayMs);
    }

    void shiftDragPans()
    {
        m_view->setSeries({makeSeries("AAA", 5000, 0, 6)});
        m_view->setVisibleRange(2000 * kDayMs, 3000 * kDayMs);
        const QRectF plot = plotArea(*m_view);
        const QPointF start = plot.center();
        const QPointF end = start - QPointF(100, 0); // drag left: later dates come into view
        sendMouse(*m_view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton,
            Qt::ShiftModifier);
        sendMouse(*m_view, QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(*m_view, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton,
            Qt::ShiftModifier);
        const double expected = 100.0 / plot.width() * 1000.0 * kDayMs;
        const double shift = double(m_view->visibleFromMs()) - 2000.0 * kDayMs;
        QVERIFY2(std::abs(shift - expected) < 0.01 * expected,
            qPrintable(QString("%1 vs %2").arg(shift).arg(expected)));
        QCOMPARE(m_view->visibleToMs() - m_view->visibleFromMs(), 1000 * kDayMs);
    }

    void rubberBandZoomsToDraggedRange()
    {
        m_view->setSeries({makeSeries("AAA", 5000, 0, 7)});
        const QRectF plot = plotArea(*m_view);
        const QPointF a(plot.left() + 0.2 * plot.width(), plot.center().y());
        const QPointF b(plot.left() + 0.6 * plot.width(), plot.center().y());
        const double span = double(m_view->visibleToMs() - m_view->visibleFromMs());
        const double from0 = double(m_view->visibleFromMs());
        sendMouse(*m_view, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
        sendMouse(*m_view, QEvent::MouseMove, b, Qt::NoButton, Qt::LeftButton);
        sendMouse(*m_view, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
        const double tol = 2.0 / plot.width() * span; // pixel rounding
        QVERIFY(std::abs(double(m_view->visibleFromMs()) - (from0 + 0.2 * span)) < tol);
        QVERIFY(std::abs(double(m_view->visibleToMs()) - (from0 + 0.6 * span)) < tol);
    }

    void doubleClickAndHomeReset()
    {
        const auto s = makeSeries("AAA", 5000, 100, 8);
        m_view->setSeries({s});
        m_view->setVisibleRange(2000 * kDayMs, 2500 * kDayMs);
        const QPointF c = plotArea(*m_view).center();
        sendMouse(*m_view, QEvent::MouseButtonDblClick, c, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(m_view->visibleFromMs(), s.dates.front().toMsecsSinceEpoch());
        QCOMPARE(m_view->visibleToMs(), s.dates.back().toMsecsSinceEpoch());
        m_view->setVisibleRange(2000 * kDayMs, 2500 * kDayMs);
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QCOMPARE(m_view->visibleFromMs(), s.dates.front().toMsecsSinceEpoch());
        QTest::keyClick(m_view.get(), Qt::Key_Plus);
        QVERIFY(m_view->visibleToMs() - m_view->visibleFromMs() < 4999 * kDayMs);
    }

    void legendMarkerTogglesSeries()
    {
        m_view->setSeries({makeSeries("AAA", 500, 0, 9), makeSeries("BBB", 500, 0, 10)});
        QLineSeries* line = lineSeries(*m_view).at(1);
        const auto markers = m_view->chart()->legend()->markers(line);
        QCOMPARE(markers.size(), 1);
        Q_EMIT markers[0]->clicked();
        QVERIFY(!m_view->isSeriesVisible(1));
        QVERIFY(!line->isVisible());
        QVERIFY(markers[0]->isVisible()); // kept, dimmed, so it can be clicked again
        QVERIFY(markers[0]->labelBrush().color().alphaF() < 0.5);
        Q_EMIT markers[0]->clicked();
        QVERIFY(m_view->isSeriesVisible(1));
        QVERIFY(line->isVisible());
    }

    void rebaseMakesFirstVisibleValue100()
    {
        const auto a = makeSeries("AAA", 1000, 0, 11);
        const auto b = makeSeries("BBB", 1000, 0, 12);
        m_view->setSeries({a, b});
        m_view->setVisibleRange(100 * kDayMs, 500 * kDayMs);
        QSignalSpy spy(m_view.get(), &PriceChartView::rebasedChanged);
        m_view->setRebased(true);
        QCOMPARE(spy.count(), 1);
        const auto lines = lineSeries(*m_view);
        for (int k = 0; k < 2; ++k) {
            const auto& src = k == 0 ? a : b;
            const QList<QPointF> pts = lines[k]->points(); // 401 rows + 2 neighbours, unreduced
            QCOMPARE(qint64(pts[1].x()), 100 * kDayMs);
            QCOMPARE(pts[1].y(), 100.0);
            QCOMPARE(pts[201].y(), src.close[300] / src.close[100] * 100.0);
        }
        m_view->setRebased(false);
        QCOMPARE(lines[0]->points()[1].y(), a.close[100]);
    }

    void candlesticksEqualDataOrBucketAggregates()
    {
        const core::PriceSeries s = msftLike();
        QVERIFY(s.size() > 100);
        m_view->setSeries({s});
        QVERIFY(m_view->showsCandlesticks());
        QCOMPARE(m_view->seriesNames(), QStringList {QStringLiteral("MSFT")});
        std::vector<core::OhlcBar> bars = m_view->displayedCandles();
        QCOMPARE(bars.size(), s.size()); // 1000 px / 3 > rows: one per row
        for (std::size_t i = 0; i < bars.size(); ++i) {
            QCOMPARE(qint64(bars[i].x), s.dates[i].toMsecsSinceEpoch());
            QCOMPARE(bars[i].open, s.open[i]);
            QCOMPARE(bars[i].high, s.high[i]);
            QCOMPARE(bars[i].low, s.low[i]);
            QCOMPARE(bars[i].close, s.close[i]);
        }
        // Narrow: more candles than width / 3, so groups of rows are aggregated.
        m_view->resize(400, 400);
        QCoreApplication::processEvents();
        bars = m_view->displayedCandles();
        QVERIFY(bars.size() < s.size());
        QVERIFY(bars.size() <= std::size_t(m_view->width() / 3 + 2));
        for (std::size_t k = 0; k < bars.size(); ++k) {
            const qint64 t0 = qint64(bars[k].x);
            const qint64 t1 = k + 1 < bars.size() ? qint64(bars[k + 1].x) : INT64_MAX;
            double o = 0, h = -1e300, l = 1e300, c = 0;
            bool first = true;
            for (std::size_t i = 0; i < s.size(); ++i) {
                const qint64 t = s.dates[i].toMsecsSinceEpoch();
                if (t < t0 || t >= t1)
                    continue;
                if (first)
                    o = s.open[i];
                first = false;
                h = std::max(h, s.high[i]);
                l = std::min(l, s.low[i]);
                c = s.close[i];
            }
            QVERIFY(!first);
            QCOMPARE(bars[k].open, o);
            QCOMPARE(bars[k].high, h);
            QCOMPARE(bars[k].low, l);
            QCOMPARE(bars[k].close, c);
        }
        // Off: a plain line; two series: never candles.
        m_view->setCandlesticks(false);
        QVERIFY(!m_view->showsCandlesticks());
        QVERIFY(m_view->displayedCandles().empty());
        QVERIFY(m_view->displayedPointCount(0) > 0);
        m_view->setCandlesticks(true);
        m_view->setSeries({s, makeSeries("AAA", 100, 11227, 13)});
        QVERIFY(!m_view->showsCandlesticks());
        QVERIFY(m_view->displayedCandles().empty());
    }

    // The candles are painted where the axes say: the body's centre pixel has the rising or
    // falling colour, the wick above the body is the outline grey, and hiding the series (legend)
    // removes them. Positions come from the axis ranges and the plot area, not the painter.
    void candlesArePaintedAtTheirAxisPositions()
    {
        const core::PriceSeries s = msftLike();
        m_view->setSeries({s});
        m_view->setVisibleRange(s.dates[20].toMsecsSinceEpoch(), s.dates[60].toMsecsSinceEpoch());
        QCoreApplication::processEvents();
        const std::vector<core::OhlcBar> bars = m_view->displayedCandles();
        QVERIFY(bars.size() >= 30);
        QValueAxis* y = yAxis(*m_view);
        QVERIFY(y);
        const QRectF plot = plotArea(*m_view);
        const double from = double(m_view->visibleFromMs()), to = double(m_view->visibleToMs());
        const auto px = [&](double ms) { return plot.left() + (ms - from) / (to - from) * plot.width(); };
        const auto py = [&](double v) {
            return plot.bottom() - (v - y->min()) / (y->max() - y->min()) * plot.height();
        };
        // The tallest rising and falling bodies inside the plot.
        const core::OhlcBar* up = nullptr;
        const core::OhlcBar* down = nullptr;
        for (const core::OhlcBar& b : bars) {
            if (b.x <= from || b.x >= to)
                continue;
            const core::OhlcBar*& best = b.close >= b.open ? up : down;
            if (!best || std::abs(b.close - b.open) > std::abs(best->close - best->open))
                best = &b;
        }
        QVERIFY(up && down);
        const QImage image = m_view->viewport()->grab().toImage();
        const auto colourAt = [&](double x, double yy) {
            return QColor(image.pixel(int(std::round(x)), int(std::round(yy)))).rgb();
        };
        for (const core::OhlcBar* b : {up, down}) {
            const double bodyTop = py(std::max(b->open, b->close));
            const double bodyBottom = py(std::min(b->open, b->close));
            QVERIFY2(bodyBottom - bodyTop > 4.0, "the test needs a body a few pixels tall");
            const QRgb expected
                = b->close >= b->open ? QColor(0x1B, 0x9E, 0x77).rgb() : QColor(0xD9, 0x5F, 0x02).rgb();
            QCOMPARE(colourAt(px(b->x), (bodyTop + bodyBottom) / 2.0), expected);
            const double wickTop = py(b->high);
            if (bodyTop - wickTop > 4.0)
                QCOMPARE(colourAt(std::round(px(b->x)), (wickTop + bodyTop) / 2.0),
                    QColor(0x55, 0x55, 0x55).rgb());
        }
        m_view->setSeriesVisible(0, false);
        QVERIFY(m_view->displayedCandles().empty());
        const QImage hidden = m_view->viewport()->grab().toImage();
        const double upMid = (py(up->open) + py(up->close)) / 2.0;
        QVERIFY(QColor(hidden.pixel(int(std::round(px(up->x))), int(std::round(upMid)))).rgb()
            != QColor(0x1B, 0x9E, 0x77).rgb());
        m_view->setSeriesVisible(0, true);
    }

    void crosshairShowsNearestFullDataValue()
    {
        const auto s = makeSeries("BIG", 1000000, 0, 14);
        m_view->setSeries({s, makeSeries("SML", 3000, 0, 15)});
        QSignalSpy spy(m_view.get(), &PriceChartView::crosshairMoved);
        const QRectF plot = plotArea(*m_view);
        const QPointF pos(plot.left() + 0.37 * plot.width(), plot.center().y());
        sendMouse(*m_view, QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
        QCOMPARE(spy.count(), 1);
        // Independent: the day under the cursor by linear mapping, nearest data row.
        const double from = double(m_view->visibleFromMs()), to = double(m_view->visibleToMs());
        const double ms = from + (pos.x() - plot.left()) / plot.width() * (to - from);
        const std::size_t i = std::size_t(std::llround(ms / double(kDayMs)));
        const qint64 got = spy.at(0).at(0).toLongLong();
        QVERIFY(std::abs(got - s.dates[i].toMsecsSinceEpoch()) <= kDayMs); // pixel rounding
        const std::size_t gi = std::size_t(got / kDayMs);
        const QString text = spy.at(0).at(1).toString();
        QVERIFY2(text.contains(QString::number(s.close[gi], 'f', 2)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("BIG")));
        QVERIFY(text.startsWith(QString::fromStdString(s.dates[gi].toIso())));
        // Outside the 3000 days of SML, its last row is shown with its own date.
        QVERIFY(text.contains(QStringLiteral("SML")));
    }

    void exportWritesPng()
    {
        m_view->setSeries({makeSeries("AAA", 800, 7000, 16)});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(m_view->exportPng(path));
        QImage img(path);
        QCOMPARE(img.size(), m_view->size() * m_view->devicePixelRatio());
    }
};

QTEST_MAIN(TestPriceChartView)
#include "test_price_chart_view.moc"
