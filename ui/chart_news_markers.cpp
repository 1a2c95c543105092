// PriceChartView news markers: one symbol per ticker and day on that ticker's price line.
// The items are sorted and grouped by day once (setNewsMarkers); each frame lays out only the
// days inside the visible range (binary search) and merges neighbours that would overlap, so the
// work per frame is bounded by the plot width, not by the number of news. One graphics item
// paints every marker (thousands of QGraphicsItems would each cost a scene index entry).
// Symbols: up triangle above the line for a positive day, down triangle below it for a negative
// one, a circle above it for neutral or unscored; colour from ui/sentiment_palette.h.
#include "chart_view_impl.h"
#include "sentiment_palette.h"
#include "theme.h"
#include "ui/locale_format.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {
namespace {

constexpr double kSymbolSize = 11.0; // px
constexpr double kGap = 3.0; // between the price point and the symbol
constexpr int kTooltipItems = 8;

// Paints Impl::drawnMarkers; its bounding rectangle is the whole chart.
class MarkerLayerItem : public QGraphicsItem {
public:
    MarkerLayerItem(const std::vector<DrawnMarker>* drawn, QGraphicsItem* parent)
        : QGraphicsItem(parent)
        , m_drawn(drawn)
    {
        setAcceptedMouseButtons(Qt::NoButton); // clicks are handled by the view
        setZValue(15); // over the series, under the crosshair (20)
    }

    // Repaint after a layout; the chart (and so the bounding rectangle) may have been resized.
    void relayout()
    {
        prepareGeometryChange();
        update();
    }

    QRectF boundingRect() const override
    {
        return parentItem() ? parentItem()->boundingRect() : QRectF();
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        if (m_drawn->empty())
            return;
        painter->setRenderHint(QPainter::Antialiasing, true);
        QFont badgeFont = painter->font();
        badgeFont.setPointSizeF(std::max(6.5, badgeFont.pointSizeF() * 0.78));
        badgeFont.setBold(true);
        painter->setFont(badgeFont);
        const QFontMetricsF fm(badgeFont);
        const QColor label = chartLabelColor();
        QColor background = chartBackgroundColor();
        background.setAlphaF(0.85);
        for (const DrawnMarker& m : *m_drawn) {
            const QColor fill = sentimentColor(m.mean);
            const QColor edge = fill.darker(170);
            const int sign = sentimentSign(m.mean);
            const QRectF& r = m.rect;
            // Stem from the price point to the symbol.
            painter->setPen(QPen(edge, 1.0));
            const bool above = r.center().y() < m.anchor.y();
            painter->drawLine(m.anchor, QPointF(m.anchor.x(), above ? r.bottom() : r.top()));
            QPainterPath symbol;
            if (sign > 0) {
                symbol.moveTo(r.center().x(), r.top());
                symbol.lineTo(r.bottomRight());
                symbol.lineTo(r.bottomLeft());
                symbol.closeSubpath();
            } else if (sign < 0) {
                symbol.moveTo(r.topLeft());
                symbol.lineTo(r.topRight());
                symbol.lineTo(r.center().x(), r.bottom());
                symbol.closeSubpath();
            } else {
                symbol.addEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
            }
            // A halo in the background colour keeps the symbol apart from lines and candles.
            painter->strokePath(symbol, QPen(background, 3.0));
            painter->fillPath(symbol, fill);
            painter->strokePath(symbol, QPen(edge, 1.0));
            if (m.count > 1) {
                const QString count = QLocale().toString(m.count);
                const QRectF badge(r.right() + 1.0, r.center().y() - fm.height() / 2.0,
                    fm.horizontalAdvance(count) + 4.0, fm.height());
                painter->setPen(Qt::NoPen);
                painter->setBrush(background);
                painter->drawRoundedRect(badge, 2.0, 2.0);
                painter->setPen(label);
                painter->drawText(badge, Qt::AlignCenter, count);
            }
        }
    }

private:
    const std::vector<DrawnMarker>* m_drawn;
};

// Horizontal room a marker takes: its symbol, its count badge (about 6 px a digit in the
// badge font) and a gap; a marker closer than this to the previous one merges into it.
double markerWidth(const DrawnMarker& m)
{
    if (m.count <= 1)
        return kSymbolSize + 2.0;
    return kSymbolSize + 2.0 + 6.0 * double(QString::number(m.count).size()) + 5.0;
}

QString signedScore(double score)
{
    if (std::isnan(score))
        return QString();
    const QString text = QLocale().toString(score, 'f', 2);
    return score > 0.0 ? QLocale().positiveSign() + text : text;
}

} // namespace

void PriceChartView::Impl::createMarkerLayer()
{
    markerLayer = new MarkerLayerItem(&drawnMarkers, chart);
}

QPointF PriceChartView::Impl::toViewport(QPointF chartPos) const
{
    return q->mapFromScene(chart->mapToScene(chartPos));
}

void PriceChartView::Impl::layoutMarkers()
{
    drawnMarkers.clear();
    const QRectF plot = chart->plotArea();
    const double yMin = axisY->min(), yMax = axisY->max();
    if (markersVisible && !markers.empty() && plot.width() > 1 && to > from && yMax > yMin) {
        const double msPerPx = double(to - from) / plot.width();
        for (std::size_t si = 0; si < series.size(); ++si) {
            const ChartSeriesData& s = series[si];
            const auto found = markerDays.constFind(s.name);
            if (!s.visible || s.x.empty() || found == markerDays.constEnd())
                continue;
            const std::vector<MarkerDay>& days = *found;
            const bool asCandles = si == 0 && candleMode();
            const std::vector<double>& values = asCandles ? s.close : s.y;
            const auto first = std::lower_bound(days.begin(), days.end(), from,
                [](const MarkerDay& d, qint64 ms) { return d.dayMs < ms; });
            for (auto it = first; it != days.end() && it->dayMs <= to; ++it) {
                const double x = plot.left() + double(it->dayMs - from) / msPerPx;
                if (!drawnMarkers.empty() && drawnMarkers.back().series == int(si)
                    && x - drawnMarkers.back().anchor.x() < markerWidth(drawnMarkers.back())) {
                    DrawnMarker& m = drawnMarkers.back(); // overlaps: merge into it
                    m.dayEnd = int(it - days.begin()) + 1;
                    m.count += it->count;
                    continue;
                }
                // The price in effect that day: the last row at or before it with a value.
                std::ptrdiff_t i
                    = std::upper_bound(s.x.begin(), s.x.end(), double(it->dayMs)) - s.x.begin() - 1;
                std::ptrdiff_t j = std::max<std::ptrdiff_t>(i, 0);
                while (j >= 0 && std::isnan(values[std::size_t(j)]))
                    --j;
                if (j < 0) { // none before: the first value after
                    j = std::max<std::ptrdiff_t>(i, 0);
                    while (j < std::ptrdiff_t(values.size()) && std::isnan(values[std::size_t(j)]))
                        ++j;
                    if (j == std::ptrdiff_t(values.size()))
                        continue;
                }
                DrawnMarker m;
                m.series = int(si);
                m.row = int(j);
                m.dayBegin = int(it - days.begin());
                m.dayEnd = m.dayBegin + 1;
                m.count = it->count;
                m.anchor = QPointF(x, 0.0); // y once the sign is known
                drawnMarkers.push_back(m);
            }
        }
        // Mean scores, anchors and symbol rectangles once the merged groups are known.
        for (DrawnMarker& m : drawnMarkers) {
            const ChartSeriesData& s = series[size_t(m.series)];
            const std::vector<MarkerDay>& days = markerDays[s.name];
            double sum = 0.0;
            int scored = 0;
            for (int k = m.dayBegin; k < m.dayEnd; ++k) {
                sum += days[size_t(k)].scoreSum;
                scored += days[size_t(k)].scored;
            }
            m.mean = scored > 0 ? sum / scored : std::nan("");
            const bool below = sentimentSign(m.mean) < 0;
            // The close (line) or, on candlesticks, the high for symbols above and the low for
            // symbols below, so the symbol never covers the candle.
            const bool onCandles = m.series == 0 && candleMode();
            double v = onCandles ? s.close[size_t(m.row)] : s.y[size_t(m.row)];
            if (onCandles) {
                const double extreme = below ? s.low[size_t(m.row)] : s.high[size_t(m.row)];
                v = std::isnan(extreme) ? v : extreme;
            }
            v = displayValue(s, v);
            m.anchor.setY(plot.bottom() - (v - yMin) / (yMax - yMin) * plot.height());
            double top = below ? m.anchor.y() + kGap : m.anchor.y() - kGap - kSymbolSize;
            if (!below && top < plot.top()) // no room above: below the line
                top = m.anchor.y() + kGap;
            else if (below && top + kSymbolSize > plot.bottom())
                top = m.anchor.y() - kGap - kSymbolSize;
            m.rect = QRectF(m.anchor.x() - kSymbolSize / 2.0, top, kSymbolSize, kSymbolSize);
        }
    }
    if (markerLayer)
        static_cast<MarkerLayerItem*>(markerLayer)->relayout();
}

int PriceChartView::Impl::markerAt(QPointF viewportPos) const
{
    int best = -1;
    double bestDist = 0.0;
    for (std::size_t i = 0; i < drawnMarkers.size(); ++i) {
        const QRectF r = drawnMarkers[i].rect.adjusted(-3, -3, 3, 3);
        const QRectF v(toViewport(r.topLeft()), toViewport(r.bottomRight()));
        if (!v.contains(viewportPos))
            continue;
        const double dist = std::abs(v.center().x() - viewportPos.x())
            + std::abs(v.center().y() - viewportPos.y());
        if (best < 0 || dist < bestDist) {
            best = int(i);
            bestDist = dist;
        }
    }
    return best;
}

QList<qint64> PriceChartView::Impl::markerIds(const DrawnMarker& m) const
{
    QList<qint64> ids;
    const std::vector<MarkerDay>& days = *markerDays.constFind(series[size_t(m.series)].name);
    for (int k = m.dayBegin; k < m.dayEnd; ++k) {
        const MarkerDay& day = days[size_t(k)];
        for (int i = day.first; i < day.first + day.count; ++i)
            ids << markers[size_t(i)].id;
    }
    return ids;
}

QString PriceChartView::Impl::markerToolTip(const DrawnMarker& m) const
{
    const std::vector<MarkerDay>& days = *markerDays.constFind(series[size_t(m.series)].name);
    const qint64 firstDay = days[size_t(m.dayBegin)].dayMs;
    const qint64 lastDay = days[size_t(m.dayEnd - 1)].dayMs;
    QString when = displayDateMs(firstDay);
    if (lastDay != firstDay)
        when = PriceChartView::tr("%1 to %2").arg(when, displayDateMs(lastDay));
    QString html = QStringLiteral("<b>%1</b> &middot; %2 &middot; %3")
                       .arg(series[size_t(m.series)].name.toHtmlEscaped(), when,
                           PriceChartView::tr("%n news item(s)", nullptr, m.count));
    if (!std::isnan(m.mean))
        html += QStringLiteral("<br>")
            + PriceChartView::tr("Mean score %1").arg(signedScore(m.mean));
    html += QStringLiteral("<table cellspacing=\"2\">");
    int shown = 0;
    for (int k = m.dayBegin; k < m.dayEnd && shown < kTooltipItems; ++k) {
        const MarkerDay& day = days[size_t(k)];
        for (int i = day.first; i < day.first + day.count && shown < kTooltipItems; ++i, ++shown) {
            const NewsMarker& n = markers[size_t(i)];
            const QString score
                = std::isnan(n.score) ? PriceChartView::tr("not scored") : signedScore(n.score);
            html += QStringLiteral("<tr><td><span style=\"color:%1\">&#9632;</span> %2</td>"
                                   "<td>%3</td></tr>")
                        .arg(sentimentColor(n.score).name(), score, n.headline.toHtmlEscaped());
        }
    }
    html += QStringLiteral("</table>");
    if (m.count > shown)
        html
            += PriceChartView::tr("and %n more", nullptr, m.count - shown) + QStringLiteral("<br>");
    html += QStringLiteral("<i>%1</i>")
                .arg(PriceChartView::tr("Click to read the text and why it "
                                        "scored so"));
    return html;
}

// ---- public API ------------------------------------------------------------------------------

void PriceChartView::setNewsMarkers(std::vector<NewsMarker> items)
{
    std::sort(items.begin(), items.end(), [](const NewsMarker& a, const NewsMarker& b) {
        if (a.ticker != b.ticker)
            return a.ticker < b.ticker;
        if (a.dayMs != b.dayMs)
            return a.dayMs < b.dayMs;
        return a.id < b.id;
    });
    d->markers = std::move(items);
    d->markerDays.clear();
    std::vector<MarkerDay>* days = nullptr;
    QString ticker;
    for (std::size_t i = 0; i < d->markers.size(); ++i) {
        const NewsMarker& n = d->markers[i];
        if (!days || n.ticker != ticker) {
            ticker = n.ticker;
            days = &d->markerDays[ticker];
        }
        if (days->empty() || days->back().dayMs != n.dayMs)
            days->push_back(MarkerDay {n.dayMs, int(i), 0, 0.0, 0});
        MarkerDay& day = days->back();
        ++day.count;
        if (!std::isnan(n.score)) {
            day.scoreSum += n.score;
            ++day.scored;
        }
    }
    d->layoutMarkers();
}

qsizetype PriceChartView::newsMarkerCount() const
{
    return qsizetype(d->markers.size());
}

bool PriceChartView::newsMarkersVisible() const
{
    return d->markersVisible;
}

void PriceChartView::setNewsMarkersVisible(bool visible)
{
    if (d->markersVisible == visible)
        return;
    d->markersVisible = visible;
    d->layoutMarkers();
}

QList<NewsMarkerGroup> PriceChartView::visibleNewsMarkers() const
{
    QList<NewsMarkerGroup> groups;
    for (const DrawnMarker& m : d->drawnMarkers) {
        NewsMarkerGroup g;
        g.ticker = d->series[size_t(m.series)].name;
        g.dayMs = d->markerDays[g.ticker][size_t(m.dayBegin)].dayMs;
        g.ids = d->markerIds(m);
        g.meanScore = m.mean;
        g.anchor = d->toViewport(m.anchor);
        g.rect = QRectF(d->toViewport(m.rect.topLeft()), d->toViewport(m.rect.bottomRight()));
        groups << g;
    }
    return groups;
}

QRectF PriceChartView::plotAreaRect() const
{
    return d->plotArea();
}

bool PriceChartView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int m = d->markerAt(help->pos());
        if (m >= 0) {
            QToolTip::showText(
                help->globalPos(), d->markerToolTip(d->drawnMarkers[size_t(m)]), viewport());
            return true;
        }
    }
    return QChartView::viewportEvent(event);
}

} // namespace marketlens::ui
