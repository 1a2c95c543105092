#include "price_chart_view.h"

#include "chart_style.h"
#include "chart_export.h"
#include "chart_view_impl.h"
#include "core/downsample.h"
#include "theme.h"
#include "ui/locale_format.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QMenu>
#include <QMessageBox>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {
namespace {

constexpr qint64 kDayMs = 86400000LL;
constexpr double kInf = std::numeric_limits<double>::infinity();


QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}


} // namespace

PriceChartView::PriceChartView(QWidget* parent)
    : QChartView(parent)
    , d(std::make_unique<Impl>(this))
{
    d->chart = new QChart;
    d->chart->setLocalizeNumbers(true); // axis numbers in the UI language, like the tables
    d->chart->setAnimationOptions(QChart::NoAnimation);
    d->chart->legend()->setAlignment(Qt::AlignTop);
    d->chart->setMargins(QMargins(4, 4, 8, 4));
    d->chart->layout()->setContentsMargins(0, 0, 0, 0);
    d->chart->setBackgroundRoundness(0);
    d->axisX = new QDateTimeAxis;
    d->axisY = new QValueAxis;
    d->axisY->setTickType(QValueAxis::TicksDynamic);
    d->axisY->setTickAnchor(0.0);
    for (QAbstractAxis* axis :
        {static_cast<QAbstractAxis*>(d->axisX), static_cast<QAbstractAxis*>(d->axisY)}) {
        axis->setGridLineColor(chartGridColor());
        axis->setLabelsColor(chartLabelColor());
    }
    d->chart->addAxis(d->axisX, Qt::AlignBottom);
    d->chart->addAxis(d->axisY, Qt::AlignRight); // prices read at the latest date
    applyChartPalette(d->chart); // light or dark theme (ui/theme.h)
    setChart(d->chart);
    setRenderHint(QPainter::Antialiasing, true);
    setRubberBand(QChartView::NoRubberBand); // our own horizontal band, see chart_interaction.cpp
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setToolTip(tr("Wheel: zoom around the cursor\n"
                  "Drag: zoom to the dragged date range\n"
                  "Shift+drag or middle-drag: pan; arrow keys pan, +/- zoom\n"
                  "Double-click or Home: show everything\n"
                  "Click a legend entry to hide or show its series\n"
                  "Right-click: rebase, candlesticks, copy, export"));
    d->createCrosshair();
    d->createCandleLayer();
    d->createMarkerLayer();
    // The plot width also changes when the axis labels grow or shrink: re-downsample for the
    // new pixel count (queued: the chart is in the middle of its layout here).
    connect(d->chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        d->updateCandleLayer();
        d->layoutMarkers(); // their pixel positions follow the plot area at once
        Q_EMIT plotAreaChanged();
        if (int(area.width()) != d->lastWidth && area.width() > 10) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    d->updateXAxisFormat();
                    d->refresh();
                },
                Qt::QueuedConnection);
        }
    });
    d->applyRange(
        QDateTime::currentMSecsSinceEpoch() - 365 * kDayMs, QDateTime::currentMSecsSinceEpoch());
}

PriceChartView::~PriceChartView() = default;

void PriceChartView::setSeries(std::vector<core::PriceSeries> input)
{
    d->series.clear();
    d->series.reserve(input.size());
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    for (core::PriceSeries& ps : input) {
        ChartSeriesData s;
        s.name = QString::fromStdString(ps.ticker);
        const std::size_t n = ps.size();
        s.x.resize(n);
        s.y.resize(n);
        const bool full = ps.open.size() == n && ps.high.size() == n && ps.low.size() == n
            && ps.close.size() == n;
        const auto at = [n](const std::vector<double>& v, std::size_t i) {
            return v.size() == n ? v[i] : core::kMissing;
        };
        for (std::size_t i = 0; i < n; ++i) {
            s.x[i] = double(ps.dates[i].toMsecsSinceEpoch());
            const double adj = at(ps.adjClose, i); // PriceSeries::valueAt, tolerant of sizes
            s.y[i] = std::isnan(adj) ? at(ps.close, i) : adj;
        }
        s.hasOhlc = full && ps.hasOhlc();
        if (s.hasOhlc) {
            s.open = std::move(ps.open);
            s.high = std::move(ps.high);
            s.low = std::move(ps.low);
            s.close = std::move(ps.close);
        }
        if (n > 0) {
            lo = std::min(lo, qint64(s.x.front()));
            hi = std::max(hi, qint64(s.x.back()));
        }
        d->series.push_back(std::move(s));
    }
    if (lo > hi) {
        lo = QDateTime::currentMSecsSinceEpoch() - 365 * kDayMs;
        hi = QDateTime::currentMSecsSinceEpoch();
    }
    if (hi - lo < 2 * kDayMs) { // one date: show a few days around it
        lo -= kDayMs;
        hi += kDayMs;
    }
    d->fullFrom = lo;
    d->fullTo = hi;
    d->rebuildChartSeries();
    d->applyRange(lo, hi);
}

void PriceChartView::clear()
{
    setSeries({});
}

void PriceChartView::setDownsampling(Downsampling method)
{
    d->method = method;
    d->refresh();
}

PriceChartView::Downsampling PriceChartView::downsampling() const
{
    return d->method;
}

void PriceChartView::setRebased(bool rebased)
{
    if (d->rebased == rebased)
        return;
    d->rebased = rebased;
    d->refresh();
    Q_EMIT rebasedChanged(rebased);
}

bool PriceChartView::isRebased() const
{
    return d->rebased;
}

void PriceChartView::setCandlesticks(bool on)
{
    if (d->candlesticksOn == on)
        return;
    d->candlesticksOn = on;
    d->rebuildChartSeries();
    d->refresh();
    Q_EMIT candlesticksChanged(on);
}

bool PriceChartView::candlesticks() const
{
    return d->candlesticksOn;
}
bool PriceChartView::showsCandlesticks() const
{
    return d->candleMode();
}

std::vector<core::OhlcBar> PriceChartView::displayedCandles() const
{
    return d->candleBars;
}

void PriceChartView::resetZoom()
{
    d->applyRange(d->fullFrom, d->fullTo);
}

void PriceChartView::setVisibleRange(qint64 fromMs, qint64 toMs)
{
    d->applyRange(fromMs, toMs);
}
qint64 PriceChartView::visibleFromMs() const
{
    return d->from;
}
qint64 PriceChartView::visibleToMs() const
{
    return d->to;
}

int PriceChartView::seriesCount() const
{
    return int(d->series.size());
}

QStringList PriceChartView::seriesNames() const
{
    QStringList names;
    for (const auto& s : d->series)
        names << s.name;
    return names;
}

qsizetype PriceChartView::dataPointCount(int index) const
{
    return index >= 0 && index < seriesCount() ? qsizetype(d->series[size_t(index)].x.size()) : 0;
}

qsizetype PriceChartView::displayedPointCount(int index) const
{
    return index >= 0 && index < seriesCount() ? d->series[size_t(index)].displayed : 0;
}

bool PriceChartView::isSeriesVisible(int index) const
{
    return index >= 0 && index < seriesCount() && d->series[size_t(index)].visible;
}

void PriceChartView::setSeriesVisible(int index, bool visible)
{
    if (index < 0 || index >= seriesCount())
        return;
    ChartSeriesData& s = d->series[size_t(index)];
    s.visible = visible;
    s.line->setVisible(visible);
    d->styleMarker(index);
    d->refresh();
}

QImage PriceChartView::toImage()
{
    d->hideCrosshair();
    return grab().toImage();
}

bool PriceChartView::exportPng(const QString& path)
{
    return toImage().save(path, "PNG");
}

void PriceChartView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), this, &PriceChartView::resetZoom);
    QAction* rebase = menu.addAction(tr("Rebase to 100"), this, &PriceChartView::setRebased);
    rebase->setCheckable(true);
    rebase->setChecked(d->rebased);
    rebase->setToolTip(tr("Divide each series by its value at the first visible date"));
    QAction* candles = menu.addAction(tr("Candlesticks"), this, &PriceChartView::setCandlesticks);
    candles->setCheckable(true);
    candles->setChecked(d->candlesticksOn);
    candles->setEnabled(d->series.size() == 1 && d->series.front().hasOhlc);
    menu.addSeparator();
    addChartExportActions(&menu, this); // copy, and PNG/SVG/PDF at a chosen size and DPI
    menu.exec(event->globalPos());
}

// ---- Impl: data to chart -------------------------------------------------------------------

bool PriceChartView::Impl::candleMode() const
{
    return candlesticksOn && series.size() == 1 && series.front().hasOhlc;
}

int PriceChartView::Impl::plotWidthPx() const
{
    const int w = int(chart->plotArea().width());
    return w > 10 ? w : std::max(10, q->viewport()->width() - 80);
}

void PriceChartView::Impl::rebuildChartSeries()
{
    hideCrosshair();
    chart->removeAllSeries(); // deletes the QLineSeries it owns
    candleBars.clear();
    for (std::size_t i = 0; i < series.size(); ++i) {
        ChartSeriesData& s = series[i];
        s.line = new QLineSeries;
        s.line->setName(s.name);
        QPen pen(seriesColor(int(i)));
        pen.setWidthF(1.0); // <= 1 px takes the raster engine's fast cosmetic stroker
        s.line->setPen(pen);
        chart->addSeries(s.line);
        s.line->attachAxis(axisX);
        s.line->attachAxis(axisY);
        s.line->setVisible(s.visible);
        s.displayed = 0;
    }
    // Candlesticks: the line series stays, empty, for its legend entry; the candle layer paints.
    for (QLegendMarker* m : chart->legend()->markers()) {
        QObject::connect(m, &QLegendMarker::clicked, q, [this, m] {
            for (std::size_t i = 0; i < series.size(); ++i) {
                if (m->series() == series[i].line) {
                    q->setSeriesVisible(int(i), !series[i].visible);
                    return;
                }
            }
        });
    }
    for (std::size_t i = 0; i < series.size(); ++i)
        styleMarker(int(i));
    updateCandleLayer();
}

void PriceChartView::Impl::styleMarker(int index)
{
    const ChartSeriesData& s = series[size_t(index)];
    for (QLegendMarker* m : chart->legend()->markers(s.line)) {
        // Qt hides a hidden series' marker; keep it so the series can be shown again, dimmed.
        m->setVisible(true);
        QColor c = index == 0 && candleMode() ? candleColor() : s.line->pen().color();
        QColor text = chartLabelColor();
        const qreal alpha = s.visible ? 1.0 : 0.3;
        c.setAlphaF(alpha);
        text.setAlphaF(alpha);
        m->setBrush(c);
        m->setPen(QPen(c));
        m->setLabelBrush(text);
        QFont f = m->font();
        f.setStrikeOut(!s.visible);
        m->setFont(f);
    }
}

double PriceChartView::Impl::displayValue(const ChartSeriesData& s, double v) const
{
    // v / base * 100 keeps the first visible value at exactly 100 (base / base is exactly 1).
    return rebased ? v / s.rebaseBase * 100.0 : v;
}

void PriceChartView::Impl::applyRange(qint64 newFrom, qint64 newTo)
{
    if (newTo < newFrom)
        std::swap(newFrom, newTo);
    if (!series.empty()) {
        const qint64 fullSpan = fullTo - fullFrom;
        const qint64 minSpan = std::min<qint64>(fullSpan, 2 * kDayMs);
        qint64 span = std::clamp(newTo - newFrom, minSpan, fullSpan);
        if (span != newTo - newFrom) { // keep the centre
            const qint64 c = newFrom + (newTo - newFrom) / 2;
            newFrom = c - span / 2;
        }
        newFrom = std::clamp(newFrom, fullFrom, fullTo - span);
        newTo = newFrom + span;
    } else if (newTo == newFrom) {
        newTo = newFrom + kDayMs;
    }
    const bool changed = newFrom != from || newTo != to;
    from = newFrom;
    to = newTo;
    updateXAxisFormat();
    refresh();
    if (changed)
        Q_EMIT q->visibleRangeChanged(from, to);
}

void PriceChartView::Impl::updateXAxisFormat()
{
    const double days = double(to - from) / double(kDayMs);
    const int w = plotWidthPx();
    QString format;
    double units = 0; // calendar units in the span: ticks further apart than one unit
    int labelPx = 0;
    if (days > 3 * 365) {
        format = QStringLiteral("yyyy");
        units = days / 366.0;
        labelPx = 70;
    } else if (days > 75) {
        format = QStringLiteral("MMM yyyy");
        units = days / 31.0;
        labelPx = 95;
    } else {
        format = displayDateFormatForAxis();
        units = days;
        labelPx = 95;
    }
    const int ticks = std::clamp(int(std::min(double(w / labelPx), std::floor(units) + 1)), 2, 13);
    if (axisX->format() != format)
        axisX->setFormat(format);
    if (axisX->tickCount() != ticks)
        axisX->setTickCount(ticks);
}

void PriceChartView::Impl::fitY(double lo, double hi)
{
    if (!(lo <= hi)) {
        lo = 0.0;
        hi = rebased ? 200.0 : 1.0;
    }
    double span = hi - lo;
    if (span <= 0.0)
        span = std::max(std::abs(hi) * 0.02, 1e-6);
    const double margin = span * 0.05;
    const double yLo = lo - margin, yHi = hi + margin;
    const int plotH = std::max(60, int(chart->plotArea().height()));
    const double step = niceStep((yHi - yLo) / std::max(2, plotH / 45));
    if (axisY->tickInterval() != step) // each setter re-lays out the axis: only on change
        axisY->setTickInterval(step);
    const int decimals = step >= 1.0 ? 0 : std::min(6, int(std::ceil(-std::log10(step))));
    const QString format = QStringLiteral("%.%1f").arg(decimals);
    if (axisY->labelFormat() != format)
        axisY->setLabelFormat(format);
    axisY->setRange(yLo, yHi);
}

void PriceChartView::Impl::refresh()
{
    // Every axis change and every replace() makes Qt Charts recompute the geometry (and a stroked
    // hit-test shape) of each series, so the frame is built first and the chart is touched in an
    // order where only the final replace() works on a non-empty series.
    const int w = plotWidthPx();
    lastWidth = w;
    double lo = kInf, hi = -kInf;
    const double x0 = double(from), x1 = double(to);
    std::vector<QList<QPointF>> lists(series.size());
    candleBars.clear();
    for (std::size_t si = 0; si < series.size(); ++si) {
        ChartSeriesData& s = series[si];
        const bool asCandles = si == 0 && candleMode();
        // Rebase divisor: the first present value at or after the visible start.
        s.rebaseBase = 1.0;
        if (rebased) {
            const auto vis = core::visibleIndexRange(s.x, x0, x1);
            const std::vector<double>& src = asCandles ? s.close : s.y;
            for (std::size_t i = vis.begin; i < vis.end; ++i) {
                if (!std::isnan(src[i]) && src[i] != 0.0) {
                    s.rebaseBase = src[i];
                    break;
                }
            }
        }
        s.displayed = 0;
        if (!s.visible)
            continue;
        if (asCandles) {
            // Bounded, readable candles: at most one per ~3 pixels, aggregated when needed.
            candleBars = core::aggregateOhlc(
                s.x, s.open, s.high, s.low, s.close, x0, x1, std::max(1, w / 3));
            for (const core::OhlcBar& b : candleBars) {
                const double h = displayValue(s, b.high), l = displayValue(s, b.low);
                if (b.x >= x0 && b.x <= x1) {
                    lo = std::min(lo, l);
                    hi = std::max(hi, h);
                }
            }
            s.displayed = qsizetype(candleBars.size());
            continue;
        }
        const auto pts = method == Downsampling::MinMax
            ? core::downsampleMinMax(s.x, s.y, x0, x1, w)
            : core::downsampleLttb(s.x, s.y, x0, x1, 2 * w);
        QList<QPointF>& list = lists[si];
        list.reserve(qsizetype(pts.size()));
        for (const core::XYPoint& p : pts) {
            const double v = displayValue(s, p.y);
            list.append(QPointF(p.x, v));
            if (p.x >= x0 && p.x <= x1 && !std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        s.displayed = list.size();
    }
    for (ChartSeriesData& s : series) {
        if (s.line->count() > 0)
            s.line->clear();
    }
    axisX->setRange(utc(from), utc(to));
    fitY(lo, hi);
    for (std::size_t si = 0; si < series.size(); ++si) {
        if (!lists[si].isEmpty())
            series[si].line->replace(lists[si]); // once per frame: append() per point is quadratic
    }
    updateCandleLayer();
    layoutMarkers();
}

} // namespace marketlens::ui
