// PriceChartView candlesticks: one graphics item paints every candle of the frame.
// Qt Charts' QCandlestickSeries makes a QCandlestickSet and a graphics item per candle and lays
// them all out again on every range change: rebuilding ~350 of them took 25 ms per zoom or pan
// and up to 80 ms with the repaint on the 25M-price project (docs/performance-load.md). Here a
// zoom only replaces a vector of bars; the item maps them to pixels when it paints, from the
// axes' ranges and the plot area of that moment, so it can never be out of step with the axes.
// Wicks are drawn in one drawLines() call and bodies in one drawRects() call per colour.
#include "chart_view_impl.h"

#include "theme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>

namespace marketlens::ui {
namespace {

const QColor kIncreasing(0x1B, 0x9E, 0x77); // close >= open
const QColor kDecreasing(0xD9, 0x5F, 0x02); // close < open
const QColor kOutline(0x55, 0x55, 0x55);
constexpr double kBodyWidth = 0.7; // of the narrowest gap between neighbouring candles
constexpr double kMaxBodyPx = 40.0;

// Paints through Impl::paintCandles (the item cannot name the view's private Impl).
class CandleLayerItem : public QGraphicsItem {
public:
    CandleLayerItem(std::function<void(QPainter*)> paintFn, QGraphicsItem* parent)
        : QGraphicsItem(parent)
        , m_paint(std::move(paintFn))
    {
        setAcceptedMouseButtons(Qt::NoButton); // the view handles the mouse
        setZValue(10); // over the grid and the (empty) line series, under the markers (15)
    }

    void relayout()
    {
        prepareGeometryChange(); // the chart may have been resized
        update();
    }

    QRectF boundingRect() const override
    {
        return parentItem() ? parentItem()->boundingRect() : QRectF();
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        m_paint(painter);
    }

private:
    std::function<void(QPainter*)> m_paint;
};

} // namespace

void PriceChartView::Impl::createCandleLayer()
{
    candleLayer = new CandleLayerItem([this](QPainter* p) { paintCandles(p); }, chart);
}

void PriceChartView::Impl::paintCandles(QPainter* painter) const
{
    const QRectF plot = chart->plotArea();
    const double x0 = double(from), x1 = double(to);
    const double yMin = axisY->min(), yMax = axisY->max();
    if (candleBars.empty() || series.empty() || !(x1 > x0) || !(yMax > yMin) || plot.width() < 1.0)
        return;
    const ChartSeriesData& s = series.front();
    const double pxPerMs = plot.width() / (x1 - x0);
    const double pxPerUnit = plot.height() / (yMax - yMin);
    const auto px = [&](double ms) { return plot.left() + (ms - x0) * pxPerMs; };
    const auto py = [&](double v) { return plot.bottom() - (displayValue(s, v) - yMin) * pxPerUnit; };
    double gapMs = x1 - x0;
    for (std::size_t i = 1; i < candleBars.size(); ++i)
        gapMs = std::min(gapMs, candleBars[i].x - candleBars[i - 1].x);
    const double body = std::clamp(gapMs * pxPerMs * kBodyWidth, 1.0, kMaxBodyPx);

    QList<QLineF> wicks;
    QList<QRectF> up, down;
    wicks.reserve(qsizetype(candleBars.size()));
    for (const core::OhlcBar& b : candleBars) {
        if (std::isnan(b.high) || std::isnan(b.low) || std::isnan(b.open) || std::isnan(b.close))
            continue;
        // Whole pixels (+0.5 for the 1 px pen) keep thin candles crisp without antialiasing.
        const double cx = std::round(px(b.x)) + 0.5;
        wicks.append(QLineF(cx, py(b.high), cx, py(b.low)));
        const double top = py(std::max(b.open, b.close));
        const double bottom = py(std::min(b.open, b.close));
        const QRectF r(std::round(cx - body / 2.0), top, std::max(1.0, std::round(body)),
            std::max(1.0, bottom - top));
        (b.close >= b.open ? up : down).append(r);
    }
    painter->save();
    painter->setClipRect(plot);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(kOutline, 1.0));
    painter->drawLines(wicks);
    painter->setBrush(kIncreasing);
    painter->drawRects(up);
    painter->setBrush(kDecreasing);
    painter->drawRects(down);
    painter->restore();
}

void PriceChartView::Impl::updateCandleLayer()
{
    if (!candleLayer)
        return;
    candleLayer->setVisible(candleMode() && !series.empty() && series.front().visible);
    static_cast<CandleLayerItem*>(candleLayer)->relayout();
}

QColor PriceChartView::Impl::candleColor()
{
    return kIncreasing;
}

} // namespace marketlens::ui
