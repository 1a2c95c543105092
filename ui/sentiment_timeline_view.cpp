#include "sentiment_timeline_view.h"

#include "chart_export.h"
#include "chart_style.h"
#include "price_chart_view.h"
#include "sentiment_palette.h"
#include "theme.h"
#include "ui/locale_format.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {
namespace {

constexpr qint64 kDayMs = 86400000LL;
constexpr int kTopMargin = 16; // the legend line
constexpr int kBottomMargin = 7; // room for the lowest label's descent

qint64 dayMs(const core::news::DailySentiment& d)
{
    return d.date.toMsecsSinceEpoch();
}

// First day at or after `ms`.
std::vector<core::news::DailySentiment>::const_iterator firstFrom(
    const std::vector<core::news::DailySentiment>& days, qint64 ms)
{
    return std::lower_bound(days.begin(), days.end(), ms,
        [](const core::news::DailySentiment& d, qint64 t) { return dayMs(d) < t; });
}

QString signedNumber(double v)
{
    const QString text = QLocale().toString(v, 'f', 2);
    return v > 0.0 ? QLocale().positiveSign() + text : text;
}

} // namespace

SentimentTimelineView::SentimentTimelineView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setToolTip(tr("Daily sentiment of the news: bars show each day's mean score, lines the "
                  "exponentially decayed index.\nWheel zooms, drag pans and double-click resets "
                  "the price chart above."));
    installChartExportActions(this); // right-click: copy, export
}

QSize SentimentTimelineView::sizeHint() const
{
    return QSize(600, 130);
}

QSize SentimentTimelineView::minimumSizeHint() const
{
    return QSize(200, 60);
}

void SentimentTimelineView::setLines(std::vector<Line> lines)
{
    m_lines = std::move(lines);
    update();
}

void SentimentTimelineView::setEmptyText(const QString& text)
{
    m_emptyText = text;
    update();
}

bool SentimentTimelineView::hasData() const
{
    return std::any_of(
        m_lines.begin(), m_lines.end(), [](const Line& l) { return !l.days.empty(); });
}

void SentimentTimelineView::setVisibleRange(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + kDayMs;
    m_from = fromMs;
    m_to = toMs;
    update();
}

void SentimentTimelineView::follow(PriceChartView* chart)
{
    if (m_chart)
        disconnect(m_chart, nullptr, this, nullptr);
    m_chart = chart;
    if (!chart)
        return;
    connect(
        chart, &PriceChartView::visibleRangeChanged, this, &SentimentTimelineView::setVisibleRange);
    connect(chart, &PriceChartView::plotAreaChanged, this, qOverload<>(&QWidget::update));
    connect(this, &SentimentTimelineView::rangeRequested, chart, &PriceChartView::setVisibleRange);
    connect(this, &SentimentTimelineView::resetRequested, chart, &PriceChartView::resetZoom);
    setVisibleRange(chart->visibleFromMs(), chart->visibleToMs());
}

QRectF SentimentTimelineView::plotRect() const
{
    double left = 8.0, right = width() - 60.0;
    const QRectF area = m_chart ? m_chart->plotAreaRect() : QRectF();
    if (area.width() > 1.0) {
        // The price chart's plot area, in this widget's coordinates.
        const QWidget* vp = m_chart->viewport();
        left = mapFromGlobal(vp->mapToGlobal(QPointF(area.left(), 0))).x();
        right = mapFromGlobal(vp->mapToGlobal(QPointF(area.right(), 0))).x();
    }
    left = std::clamp(left, 0.0, double(width()));
    right = std::clamp(right, left + 1.0, std::max(left + 1.0, double(width())));
    return QRectF(QPointF(left, kTopMargin), QPointF(right, height() - kBottomMargin));
}

double SentimentTimelineView::xForMs(qint64 ms) const
{
    const QRectF plot = plotRect();
    return plot.left() + double(ms - m_from) / double(m_to - m_from) * plot.width();
}

double SentimentTimelineView::msAt(double x) const
{
    const QRectF plot = plotRect();
    return double(m_from) + (x - plot.left()) / plot.width() * double(m_to - m_from);
}

double SentimentTimelineView::yScale() const
{
    // Symmetric around 0: the largest |mean| or |decayed| in the visible range, rounded up to a
    // 1-2-5 step, at least the neutral band and at most 1 (scores are in [-1, 1]).
    double top = 0.0;
    for (std::size_t li = 0; li < m_lines.size(); ++li) {
        const auto& days = m_lines[li].days;
        for (auto it = firstFrom(days, m_from - kDayMs);
             it != days.end() && dayMs(*it) <= m_to + kDayMs; ++it) {
            top = std::max(top, std::abs(it->decayed));
            if (li == 0 && it->count > 0)
                top = std::max(top, std::abs(it->mean));
        }
    }
    return std::min(1.0, niceStep(std::max(top, kSentimentNeutralBand)));
}

void SentimentTimelineView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), chartBackgroundColor());
    const QColor label = chartLabelColor();
    m_drawnBars = 0;
    if (!hasData()) {
        QColor muted = label;
        muted.setAlphaF(0.65);
        p.setPen(muted);
        p.drawText(rect().adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        return;
    }
    const QRectF plot = plotRect();
    const double scale = yScale();
    const double range = scale * 1.15; // headroom: the +-scale grid lines and labels stay inside
    const auto yOf = [&](double v) { return plot.center().y() - v / range * plot.height() / 2.0; };

    // Grid, zero line and the y labels in the right gutter (where the price axis has its labels).
    QFont small = font();
    small.setPointSizeF(std::max(6.5, small.pointSizeF() * 0.85));
    p.setFont(small);
    p.setPen(QPen(chartGridColor(), 1.0));
    p.drawLine(QPointF(plot.left(), yOf(scale)), QPointF(plot.right(), yOf(scale)));
    p.drawLine(QPointF(plot.left(), yOf(-scale)), QPointF(plot.right(), yOf(-scale)));
    QColor zero = label;
    zero.setAlphaF(0.45);
    p.setPen(QPen(zero, 1.0));
    p.drawLine(QPointF(plot.left(), yOf(0.0)), QPointF(plot.right(), yOf(0.0)));
    p.setPen(label);
    const QFontMetricsF fm(small);
    for (double v : {scale, 0.0, -scale}) {
        const QString text = v == 0.0 ? QLocale().toString(0) : signedNumber(v);
        p.drawText(QPointF(plot.right() + 5.0, yOf(v) + fm.ascent() / 2.0 - 1.0), text);
    }

    p.save();
    p.setClipRect(plot.adjusted(0, -1, 0, 1));
    paintBars(p, plot, range);
    paintLines(p, plot, range);
    p.restore();

    // Legend: what the bars and lines are.
    p.setPen(label);
    double x = plot.left() + 2.0;
    const double baseline = fm.ascent() + 1.0;
    const QString bars = m_lines.empty() || m_lines.front().days.empty()
        ? QString()
        : tr("Bars: daily mean score of %1").arg(m_lines.front().ticker);
    if (!bars.isEmpty()) {
        p.fillRect(QRectF(x, baseline - 8.0, 4.0, 8.0), sentimentPositiveColor());
        p.fillRect(QRectF(x + 4.0, baseline - 4.0, 4.0, 4.0), sentimentNegativeColor());
        x += 11.0;
        p.drawText(QPointF(x, baseline), bars);
        x += fm.horizontalAdvance(bars) + 14.0;
    }
    const QString decayed = tr("Decayed index:");
    p.drawText(QPointF(x, baseline), decayed);
    x += fm.horizontalAdvance(decayed) + 6.0;
    for (const Line& line : m_lines) {
        if (line.days.empty())
            continue;
        p.setPen(QPen(line.color, 2.0));
        p.drawLine(QPointF(x, baseline - 4.0), QPointF(x + 12.0, baseline - 4.0));
        p.setPen(label);
        p.drawText(QPointF(x + 15.0, baseline), line.ticker);
        x += 15.0 + fm.horizontalAdvance(line.ticker) + 10.0;
    }
    paintHover(p, plot);
}

void SentimentTimelineView::paintBars(QPainter& p, const QRectF& plot, double scale)
{
    if (m_lines.empty())
        return;
    const auto& days = m_lines.front().days;
    const double pxPerDay = plot.width() * double(kDayMs) / double(m_to - m_from);
    const double zeroY = plot.center().y();
    const double half = plot.height() / 2.0;
    const QColor up = sentimentPositiveColor(), down = sentimentNegativeColor();
    const auto bar = [&](double x0, double w, double v) {
        const double h = std::min(1.0, std::abs(v) / scale) * half;
        p.fillRect(QRectF(x0, v > 0 ? zeroY - h : zeroY, w, std::max(h, 1.0)), v > 0 ? up : down);
        ++m_drawnBars;
    };
    const auto end = days.end();
    if (pxPerDay >= 2.0) { // one bar per day, centred on the day like the price points
        const double w = std::clamp(pxPerDay * 0.7, 1.0, 14.0);
        for (auto it = firstFrom(days, m_from - kDayMs); it != end && dayMs(*it) <= m_to + kDayMs;
             ++it) {
            if (it->count > 0)
                bar(xForMs(dayMs(*it)) - w / 2.0, w, it->mean);
        }
        return;
    }
    // Dense: per pixel column, the largest positive and the most negative mean.
    int column = std::numeric_limits<int>::min();
    double hi = 0.0, lo = 0.0;
    const auto flush = [&] {
        if (column == std::numeric_limits<int>::min())
            return;
        if (hi > 0.0)
            bar(column, 1.0, hi);
        if (lo < 0.0)
            bar(column, 1.0, lo);
    };
    for (auto it = firstFrom(days, m_from); it != end && dayMs(*it) <= m_to; ++it) {
        if (it->count == 0)
            continue;
        const int c = int(std::floor(xForMs(dayMs(*it))));
        if (c != column) {
            flush();
            column = c;
            hi = lo = 0.0;
        }
        hi = std::max(hi, it->mean);
        lo = std::min(lo, it->mean);
    }
    flush();
}

void SentimentTimelineView::paintLines(QPainter& p, const QRectF& plot, double scale)
{
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const Line& line : m_lines) {
        if (line.days.empty())
            continue;
        // One point before and after the visible range so the line reaches the edges.
        auto it = firstFrom(line.days, m_from);
        if (it != line.days.begin())
            --it;
        QPainterPath path;
        bool started = false;
        for (; it != line.days.end(); ++it) {
            const QPointF pt(xForMs(dayMs(*it)),
                plot.center().y()
                    - std::clamp(it->decayed / scale, -1.0, 1.0) * plot.height() / 2.0);
            if (started) {
                path.lineTo(pt);
            } else {
                path.moveTo(pt);
                started = true;
            }
            if (dayMs(*it) > m_to)
                break;
        }
        p.setPen(QPen(line.color, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

QString SentimentTimelineView::textAt(qint64 ms) const
{
    const qint64 day = qint64(std::floor(double(ms) / double(kDayMs) + 0.5)) * kDayMs;
    QStringList lines;
    for (const Line& line : m_lines) {
        const auto it = firstFrom(line.days, day);
        if (it == line.days.end() || dayMs(*it) != day)
            continue;
        QString text = line.ticker + QStringLiteral("  ");
        if (it->count > 0)
            text += tr("mean %1 of %n item(s)", nullptr, it->count).arg(signedNumber(it->mean));
        else
            text += tr("no news");
        text += QStringLiteral(" · ") + tr("decayed %1").arg(signedNumber(it->decayed));
        lines << text;
    }
    if (lines.isEmpty())
        return QString();
    lines.prepend(displayDateMs(day));
    return lines.join(QLatin1Char('\n'));
}

void SentimentTimelineView::paintHover(QPainter& p, const QRectF& plot)
{
    if (m_hoverX < plot.left() || m_hoverX > plot.right())
        return;
    const qint64 ms = qint64(msAt(m_hoverX));
    const QString text = textAt(ms);
    if (text.isEmpty())
        return;
    const qint64 day = qint64(std::floor(double(ms) / double(kDayMs) + 0.5)) * kDayMs;
    const double x = xForMs(day);
    p.setPen(QPen(QColor(0x60, 0x60, 0x60), 0.8, Qt::DashLine));
    p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    const QFontMetricsF fm(p.font());
    const QRectF textRect = fm.boundingRect(QRectF(0, 0, 1000, 1000), Qt::AlignLeft, text);
    QRectF box(0, 0, textRect.width() + 10.0, textRect.height() + 6.0);
    box.moveTopLeft(QPointF(x + 10.0, plot.top() + 2.0));
    if (box.right() > plot.right())
        box.moveRight(x - 10.0);
    box.moveLeft(std::max(box.left(), 0.0));
    p.setPen(QPen(QColor(0xA0, 0xA0, 0xA0), 0.8));
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawRect(box);
    p.setPen(QColor(0x20, 0x20, 0x20)); // on the light box in both themes, like the crosshair
    p.drawText(box.adjusted(5, 3, -5, -3), Qt::AlignLeft, text);
}

void SentimentTimelineView::mouseMoveEvent(QMouseEvent* event)
{
    const int x = int(event->position().x());
    if (m_pressX >= 0 && (event->buttons() & Qt::LeftButton)) {
        const QRectF plot = plotRect();
        const qint64 shift = qint64(
            std::llround(-double(x - m_pressX) / plot.width() * double(m_pressTo - m_pressFrom)));
        Q_EMIT rangeRequested(m_pressFrom + shift, m_pressTo + shift);
        if (!m_chart)
            setVisibleRange(m_pressFrom + shift, m_pressTo + shift);
    }
    m_hoverX = x;
    update();
}

void SentimentTimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressX = int(event->position().x());
        m_pressFrom = m_from;
        m_pressTo = m_to;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void SentimentTimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    m_pressX = -1;
    unsetCursor();
    QWidget::mouseReleaseEvent(event);
}

void SentimentTimelineView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT resetRequested();
    event->accept();
}

void SentimentTimelineView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        event->ignore();
        return;
    }
    const double centre = msAt(event->position().x());
    const double factor = std::pow(0.8, steps); // as the price chart: a notch shows 80 %
    const qint64 from = qint64(std::llround(centre - (centre - double(m_from)) * factor));
    const qint64 to = qint64(std::llround(centre + (double(m_to) - centre) * factor));
    Q_EMIT rangeRequested(from, to);
    if (!m_chart)
        setVisibleRange(from, to);
    event->accept();
}

void SentimentTimelineView::leaveEvent(QEvent* event)
{
    m_hoverX = -1;
    update();
    QWidget::leaveEvent(event);
}

void SentimentTimelineView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        update(); // theme switch: colours are read at paint time
    QWidget::changeEvent(event);
}

} // namespace marketlens::ui
