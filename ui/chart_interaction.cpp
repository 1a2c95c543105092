// PriceChartView interaction: wheel/keyboard zoom, rubber-band zoom, panning, reset, crosshair.
// Chosen gestures: left-drag draws a horizontal rubber band (zoom to that date range), because
// selecting a period is what analysts do most; Shift+left-drag or middle-drag pans. Presses
// outside the plot area go to Qt Charts (legend markers).
#include "chart_view_impl.h"
#include "ui/locale_format.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {
namespace {

// Two decimals when they are exact, otherwise up to 10 significant digits: the crosshair shows
// the stored value, not a rounded one.
QString formatValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("n/a");
    const QLocale locale; // the UI language's decimal point and grouping
    return QString::number(v, 'f', 2).toDouble() == v ? locale.toString(v, 'f', 2)
                                                      : locale.toString(v, 'g', 10);
}

// The day in the UI's date format and its short weekday name ("1/2/2024 Tue", "02.01.2024 Di.").
QString dayLabel(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
    return displayDate(day) + QLatin1Char(' ')
        + QLocale().dayName(day.dayOfWeek(), QLocale::ShortFormat);
}

// Index of the row whose x is nearest to `x` (x sorted, non-empty).
std::size_t nearestIndex(const std::vector<double>& xs, double x)
{
    const auto it = std::lower_bound(xs.begin(), xs.end(), x);
    if (it == xs.begin())
        return 0;
    if (it == xs.end())
        return xs.size() - 1;
    const std::size_t i = std::size_t(it - xs.begin());
    return (x - xs[i - 1]) <= (xs[i] - x) ? i - 1 : i;
}

} // namespace

QRectF PriceChartView::Impl::plotArea() const
{
    const QRectF scene = chart->mapRectToScene(chart->plotArea());
    return q->mapFromScene(scene).boundingRect();
}

double PriceChartView::Impl::msAt(double viewportX) const
{
    const QRectF plot = plotArea();
    if (plot.width() <= 0)
        return double(from);
    return double(from) + (viewportX - plot.left()) / plot.width() * double(to - from);
}

void PriceChartView::Impl::zoomAround(double centerMs, double factor)
{
    const double f = double(from), t = double(to);
    applyRange(qint64(std::llround(centerMs - (centerMs - f) * factor)),
        qint64(std::llround(centerMs + (t - centerMs) * factor)));
}

void PriceChartView::Impl::panByFraction(double fraction)
{
    const qint64 shift = qint64(std::llround(double(to - from) * fraction));
    applyRange(from + shift, to + shift);
}

void PriceChartView::Impl::createCrosshair()
{
    QPen pen(QColor(0x60, 0x60, 0x60), 0.8, Qt::DashLine);
    crossV = new QGraphicsLineItem(chart);
    crossH = new QGraphicsLineItem(chart);
    crossBox = new QGraphicsRectItem(chart);
    crossText = new QGraphicsSimpleTextItem(crossBox);
    for (QGraphicsLineItem* l : {crossV, crossH}) {
        l->setPen(pen);
        l->setZValue(20);
    }
    crossBox->setBrush(QColor(255, 255, 255, 235));
    crossBox->setPen(QPen(QColor(0xA0, 0xA0, 0xA0), 0.8));
    crossBox->setZValue(21);
    QFont font = crossText->font();
    font.setStyleHint(QFont::Monospace);
    font.setFamily(QStringLiteral("monospace"));
    crossText->setFont(font);
    hideCrosshair();
}

void PriceChartView::Impl::hideCrosshair()
{
    for (QGraphicsItem* item : {static_cast<QGraphicsItem*>(crossV),
             static_cast<QGraphicsItem*>(crossH), static_cast<QGraphicsItem*>(crossBox)}) {
        if (item)
            item->setVisible(false);
    }
}

QString PriceChartView::Impl::crosshairText(qint64 ms, qint64* nearestMs) const
{
    // The date shown is the data date nearest to the cursor over all visible series.
    double best = double(ms);
    double bestDist = -1.0;
    for (const ChartSeriesData& s : series) {
        if (!s.visible || s.x.empty())
            continue;
        const double x = s.x[nearestIndex(s.x, double(ms))];
        if (bestDist < 0.0 || std::abs(x - double(ms)) < bestDist) {
            bestDist = std::abs(x - double(ms));
            best = x;
        }
    }
    *nearestMs = qint64(best);
    QStringList lines {dayLabel(qint64(best))};
    int nameWidth = 0;
    for (const ChartSeriesData& s : series)
        nameWidth = std::max<int>(nameWidth, int(s.name.size()));
    for (std::size_t si = 0; si < series.size(); ++si) {
        const ChartSeriesData& s = series[si];
        if (!s.visible || s.x.empty())
            continue;
        const std::size_t i = nearestIndex(s.x, best); // full data, not the displayed copy
        QString line = s.name.leftJustified(nameWidth + 2);
        if (si == 0 && candleMode()) {
            line += QStringLiteral("O %1  H %2  L %3  C %4")
                        .arg(formatValue(s.open[i]), formatValue(s.high[i]), formatValue(s.low[i]),
                            formatValue(s.close[i]));
        } else {
            line += formatValue(s.y[i]);
        }
        if (rebased) {
            const double v = si == 0 && candleMode() ? s.close[i] : s.y[i];
            line += QStringLiteral("  = %1").arg(QLocale().toString(displayValue(s, v), 'f', 2));
        }
        if (qint64(s.x[i]) != qint64(best))
            line += QStringLiteral("  (%1)").arg(displayDateMs(qint64(s.x[i])));
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void PriceChartView::Impl::updateCrosshair(QPointF viewportPos)
{
    const QPointF p = chart->mapFromScene(q->mapToScene(viewportPos.toPoint()));
    const QRectF plot = chart->plotArea();
    if (series.empty() || !plot.contains(p)) {
        hideCrosshair();
        return;
    }
    crossV->setLine(p.x(), plot.top(), p.x(), plot.bottom());
    crossH->setLine(plot.left(), p.y(), plot.right(), p.y());
    qint64 nearest = 0;
    const QString text = crosshairText(qint64(std::llround(msAt(viewportPos.x()))), &nearest);
    crossText->setText(text);
    const QRectF tr = crossText->boundingRect();
    const QRectF box(0, 0, tr.width() + 12, tr.height() + 8);
    crossBox->setRect(box);
    crossText->setPos(6, 4);
    // Beside the cursor, flipped to stay inside the plot area.
    QPointF at(p.x() + 14, p.y() + 14);
    if (at.x() + box.width() > plot.right())
        at.setX(p.x() - 14 - box.width());
    if (at.y() + box.height() > plot.bottom())
        at.setY(p.y() - 14 - box.height());
    at.setX(std::max(at.x(), plot.left()));
    at.setY(std::max(at.y(), plot.top()));
    crossBox->setPos(at);
    crossV->setVisible(true);
    crossH->setVisible(true);
    crossBox->setVisible(true);
    Q_EMIT q->crosshairMoved(nearest, text);
}

// ---- event overrides -------------------------------------------------------------------------

void PriceChartView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0 || d->series.empty()) {
        event->ignore();
        return;
    }
    const QRectF plot = d->plotArea();
    const double x = event->position().x();
    const double center = x >= plot.left() && x <= plot.right()
        ? d->msAt(x)
        : double(d->from + (d->to - d->from) / 2);
    d->zoomAround(center, std::pow(0.8, steps)); // one notch shows 80 % of the span
    event->accept();
}

void PriceChartView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        const int marker = d->markerAt(event->position());
        if (marker >= 0) { // a news marker, not the start of a rubber band
            Q_EMIT newsMarkerClicked(d->markerIds(d->drawnMarkers[std::size_t(marker)]),
                event->globalPosition().toPoint());
            event->accept();
            return;
        }
    }
    const bool inPlot = d->plotArea().contains(event->position());
    const bool left = event->button() == Qt::LeftButton;
    if (inPlot && !d->series.empty() && (left || event->button() == Qt::MiddleButton)) {
        d->drag = (event->button() == Qt::MiddleButton || event->modifiers() & Qt::ShiftModifier)
            ? Impl::Drag::Pan
            : Impl::Drag::RubberBand;
        d->pressPos = event->position().toPoint();
        d->pressFrom = d->from;
        d->pressTo = d->to;
        if (d->drag == Impl::Drag::Pan)
            viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event); // legend markers and other scene items
}

void PriceChartView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const QRectF plot = d->plotArea();
    if (d->drag == Impl::Drag::Pan && plot.width() > 0) {
        const double span = double(d->pressTo - d->pressFrom);
        const qint64 shift
            = qint64(std::llround(-(pos.x() - d->pressPos.x()) / plot.width() * span));
        d->applyRange(d->pressFrom + shift, d->pressTo + shift);
    } else if (d->drag == Impl::Drag::RubberBand && std::abs(pos.x() - d->pressPos.x()) > 3) {
        if (!d->rubberBand)
            d->rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        const int x = std::clamp(pos.x(), int(plot.left()), int(plot.right()));
        d->rubberBand->setGeometry(QRect(QPoint(std::min(x, d->pressPos.x()), int(plot.top())),
            QPoint(std::max(x, d->pressPos.x()), int(plot.bottom()))));
        d->rubberBand->show();
    }
    d->updateCrosshair(event->position());
    if (d->drag == Impl::Drag::None) {
        // A pointing hand over a news marker says it can be clicked.
        if (d->markerAt(event->position()) >= 0)
            viewport()->setCursor(Qt::PointingHandCursor);
        else
            viewport()->unsetCursor();
        QChartView::mouseMoveEvent(event);
    } else {
        event->accept();
    }
}

void PriceChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (d->drag == Impl::Drag::None) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    if (d->drag == Impl::Drag::RubberBand && d->rubberBand && d->rubberBand->isVisible()) {
        const QRect band = d->rubberBand->geometry();
        d->rubberBand->hide();
        if (band.width() >= 4)
            d->applyRange(qint64(d->msAt(band.left())), qint64(d->msAt(band.right())));
    }
    d->drag = Impl::Drag::None;
    viewport()->unsetCursor();
    event->accept();
}

void PriceChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (d->markerAt(event->position()) >= 0) { // a fast second click on a marker keeps the zoom
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && d->plotArea().contains(event->position())) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void PriceChartView::keyPressEvent(QKeyEvent* event)
{
    const double center = double(d->from + (d->to - d->from) / 2);
    switch (event->key()) {
    case Qt::Key_Left:
        d->panByFraction(-0.1);
        break;
    case Qt::Key_Right:
        d->panByFraction(0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        d->zoomAround(center, 0.8);
        break;
    case Qt::Key_Minus:
        d->zoomAround(center, 1.25);
        break;
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PriceChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    d->hideCrosshair();
    d->updateXAxisFormat();
    d->refresh(); // the pixel width changed: re-downsample
}

void PriceChartView::leaveEvent(QEvent* event)
{
    d->hideCrosshair();
    QChartView::leaveEvent(event);
}

} // namespace marketlens::ui
