#include "signals_charts.h"

#include "ui/locale_format.h"
#include "ui/risk/risk_palette.h"
#include "ui/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {

constexpr qint64 kDayMs = 86400000LL;
constexpr double kMarkerSize = 9.0; // triangle width in pixels
constexpr double kLatestSize = 15.0;
constexpr double kHitRadius = 9.0;
constexpr int kMaxBars = 8;

// Buy and sell: the two ends of the colour-blind-safe diverging scale (bluish green and
// vermillion red differ in lightness and in the blue-yellow direction).
QColor buyColor()
{
    return risk::kScaleLow;
}
QColor sellColor()
{
    return risk::kScaleHigh;
}

double positionOf(int predicted, int classes, bool longShort)
{
    if (predicted == classes - 1)
        return 1.0;
    if (longShort && predicted == 0)
        return -1.0;
    return 0.0;
}

QPainterPath triangle(QPointF tip, double width, bool up)
{
    // `tip` is the point touching the price: a buy sits below it pointing up, a sell above it
    // pointing down.
    const double h = width * 0.9;
    const double dir = up ? 1.0 : -1.0;
    QPainterPath path;
    path.moveTo(tip);
    path.lineTo(tip.x() - width / 2.0, tip.y() + dir * h);
    path.lineTo(tip.x() + width / 2.0, tip.y() + dir * h);
    path.closeSubpath();
    return path;
}

// fitDateAxis labels spans over three years by year alone; evenly spaced ticks then carry
// misleading year labels for spans of three to six years, so those get months too.
void fitSignalDateAxis(QDateTimeAxis* axis, qint64 from, qint64 to)
{
    fitDateAxis(axis, from, to);
    const qint64 span = to - from;
    if (span < 200 * kDayMs)
        axis->setFormat(displayDateFormatForAxis());
    else if (span < 6 * 366 * kDayMs) {
        axis->setFormat(QStringLiteral("MMM yyyy"));
        axis->setTickCount(6);
    }
}

} // namespace

std::vector<SignalMarker> signalMarkers(const std::vector<models::signals::SignalPoint>& points,
    const std::vector<core::Date>& dates, const std::vector<double>& prices, int classes,
    bool longShort)
{
    std::vector<SignalMarker> out;
    double previous = 0.0;
    for (const auto& p : points) {
        const double pos = positionOf(p.predicted, classes, longShort);
        if (pos == previous)
            continue;
        const auto it = std::lower_bound(dates.begin(), dates.end(), p.date);
        if (it == dates.end() || *it != p.date)
            continue;
        const double price = prices[std::size_t(it - dates.begin())];
        out.push_back(SignalMarker {p.date, price, pos > previous, pos});
        previous = pos;
    }
    return out;
}

// ---------------------------------------------------------------- price chart

SignalPriceChart::SignalPriceChart(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisX = new QDateTimeAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.2f"));
    m_axisY->setTitleText(tr("Price"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    setToolTip(tr("▲ buy (the signal turns up), ▼ sell; the large outlined one is the latest "
                  "signal.\nClick a marker to see why the model gave that signal.\n"
                  "Drag: zoom; wheel: zoom; double-click: whole history; right-click: export"));
    clear(tr("Run a signal model to see its buy and sell signals on the price"));
}

void SignalPriceChart::clear(const QString& message)
{
    chart()->removeAllSeries();
    m_price = nullptr;
    m_markers.clear();
    m_latest.reset();
    m_selected.reset();
    m_dates.clear();
    m_prices.clear();
    chart()->setTitle(QString());
    m_axisX->setVisible(false);
    m_axisY->setVisible(false);
    setPlaceholderText(message);
}

void SignalPriceChart::setData(const QString& title, const std::vector<core::Date>& dates,
    const std::vector<double>& prices, std::vector<SignalMarker> markers,
    const std::optional<SignalMarker>& latest)
{
    const std::size_t n = std::min(dates.size(), prices.size());
    if (n == 0) {
        clear(tr("No prices to show"));
        return;
    }
    chart()->removeAllSeries();
    m_dates.assign(dates.begin(), dates.begin() + std::ptrdiff_t(n));
    m_prices.assign(prices.begin(), prices.begin() + std::ptrdiff_t(n));
    m_markers = std::move(markers);
    m_latest = latest;
    m_selected.reset();
    chart()->setTitle(title);

    QList<QPointF> points;
    points.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        points.append(QPointF(double(m_dates[i].toMsecsSinceEpoch()), m_prices[i]));
    m_price = new QLineSeries;
    m_price->setName(tr("Price"));
    m_price->setPen(QPen(seriesColor(0), 1.3));
    m_price->replace(points);
    chart()->addSeries(m_price);
    m_price->attachAxis(m_axisX);
    m_price->attachAxis(m_axisY);

    // Start a little before the first signal so its context shows; the rest is a double-click
    // (reset zoom shows this range, the whole history is one zoom-out away).
    core::Date first = m_dates.front();
    if (!m_markers.empty() || m_latest) {
        const core::Date firstSignal = m_markers.empty() ? m_latest->date : m_markers.front().date;
        const auto it = std::lower_bound(m_dates.begin(), m_dates.end(), firstSignal);
        const std::size_t i = std::size_t(it - m_dates.begin());
        first = m_dates[i > 20 ? i - 20 : 0];
    }
    const qint64 from = first.toMsecsSinceEpoch();
    const qint64 to = m_dates[n - 1].toMsecsSinceEpoch();
    fitSignalDateAxis(m_axisX, from, to + std::max<qint64>((to - from) / 50, kDayMs));
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < n; ++i) {
        if (m_dates[i] >= first && std::isfinite(m_prices[i])) {
            lo = std::min(lo, m_prices[i]);
            hi = std::max(hi, m_prices[i]);
        }
    }
    fitValueAxis(m_axisY, lo, hi, 0.08); // room for the triangles above and below
    m_axisX->setVisible(true);
    m_axisY->setVisible(true);
    chart()->legend()->setVisible(false); // one series: the title says what it is
    setPlaceholderText(QString());
}

void SignalPriceChart::setSelectedDate(std::optional<core::Date> date)
{
    m_selected = date;
    viewport()->update();
}

int SignalPriceChart::buyCount() const
{
    return int(
        std::count_if(m_markers.begin(), m_markers.end(), [](const auto& m) { return m.buy; }));
}

int SignalPriceChart::sellCount() const
{
    return int(m_markers.size()) - buyCount();
}

QPointF SignalPriceChart::anchorOf(const SignalMarker& m) const
{
    if (!m_price)
        return {};
    const QPointF scene = chart()->mapToScene(
        chart()->mapToPosition(QPointF(double(m.date.toMsecsSinceEpoch()), m.price), m_price));
    return mapFromScene(scene);
}

QPointF SignalPriceChart::markerPosition(int i) const
{
    const SignalMarker* m = i < 0
        ? (m_latest ? &*m_latest : nullptr)
        : (std::size_t(i) < m_markers.size() ? &m_markers[std::size_t(i)] : nullptr);
    if (!m)
        return {};
    // The centre of the triangle: below the price for a buy, above for a sell.
    const double size = i < 0 ? kLatestSize : kMarkerSize;
    const QPointF a = anchorOf(*m);
    return QPointF(a.x(), a.y() + (m->buy ? 1.0 : -1.0) * (2.0 + size * 0.45));
}

int SignalPriceChart::hitTest(QPointF pos) const
{
    const QRectF plot = chart()->plotArea();
    int best = -2;
    double bestDistance = kHitRadius;
    const auto consider = [&](int i) {
        const QPointF c = markerPosition(i);
        if (!plot.contains(chart()->mapFromScene(mapToScene(c.toPoint()))))
            return;
        const double d = std::hypot(c.x() - pos.x(), c.y() - pos.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    };
    if (m_latest)
        consider(-1);
    for (int i = 0; i < int(m_markers.size()); ++i)
        consider(i);
    return best;
}

void SignalPriceChart::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const int hit = hitTest(event->position());
        if (hit != -2) {
            const core::Date date = hit < 0 ? m_latest->date : m_markers[std::size_t(hit)].date;
            setSelectedDate(date);
            Q_EMIT markerClicked(date);
            event->accept();
            return;
        }
    }
    RiskChartView::mousePressEvent(event);
}

void SignalPriceChart::paintEvent(QPaintEvent* event)
{
    RiskChartView::paintEvent(event);
    if (!m_price || (m_markers.empty() && !m_latest))
        return;
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing, true);
    const QRectF plot = mapFromScene(chart()->mapToScene(chart()->plotArea())).boundingRect();
    p.setClipRect(plot.adjusted(-kLatestSize, -kLatestSize, kLatestSize, kLatestSize));
    // Triangles get an outline in the chart's background colour so that neighbours and the
    // price line stay apart in both themes.
    const QColor outline = chartBackgroundColor();
    const auto draw = [&](const SignalMarker& m, double size, bool latest) {
        const QPointF a = anchorOf(m);
        if (a.x() < plot.left() - 1 || a.x() > plot.right() + 1)
            return;
        const QPointF tip(a.x(), a.y() + (m.buy ? 2.0 : -2.0));
        const QPainterPath path = triangle(tip, size, m.buy);
        p.setPen(latest ? QPen(chartLabelColor(), 1.6) : QPen(outline, 0.8));
        p.setBrush(m.buy ? buyColor() : sellColor());
        p.drawPath(path);
        if (m_selected && *m_selected == m.date) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(chartLabelColor(), 1.4, Qt::DotLine));
            const QPointF c = path.boundingRect().center();
            p.drawEllipse(c, size * 0.95, size * 0.95);
        }
    };
    for (const auto& m : m_markers)
        draw(m, kMarkerSize, false);
    if (m_latest)
        draw(*m_latest, kLatestSize, true);
}

QString SignalPriceChart::valueText(QPointF value) const
{
    // The price of the nearest date (the tooltip names the marker when there is one).
    if (m_dates.empty())
        return {};
    const qint64 ms = qint64(value.x());
    const auto it = std::lower_bound(m_dates.begin(), m_dates.end(), ms,
        [](core::Date d, qint64 x) { return d.toMsecsSinceEpoch() < x; });
    const std::size_t i
        = it == m_dates.end() ? m_dates.size() - 1 : std::size_t(it - m_dates.begin());
    QString text = QStringLiteral("%1\n%2").arg(
        displayDate(m_dates[i]), QLocale().toString(m_prices[i], 'f', 2));
    for (const auto& m : m_markers) {
        if (m.date == m_dates[i])
            text += QLatin1Char('\n') + (m.buy ? tr("▲ buy signal") : tr("▼ sell signal"));
    }
    return text;
}

// ---------------------------------------------------------------- equity

EquityChart::EquityChart(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisX = new QDateTimeAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.2f"));
    m_axisY->setTitleText(tr("Growth of 1"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    clear(tr("The backtest's equity curve appears here after a run"));
}

void EquityChart::clear(const QString& message)
{
    chart()->removeAllSeries();
    m_strategy = m_hold = nullptr;
    chart()->setTitle(QString());
    m_axisX->setVisible(false);
    m_axisY->setVisible(false);
    setPlaceholderText(message);
}

void EquityChart::setData(const std::vector<core::Date>& dates, const std::vector<double>& strategy,
    const std::vector<double>& buyAndHold, const QString& strategyName)
{
    const std::size_t n = std::min({dates.size(), strategy.size(), buyAndHold.size()});
    if (n == 0) {
        clear(tr("No backtest to show"));
        return;
    }
    chart()->removeAllSeries();
    QList<QPointF> s, h;
    double lo = 1.0, hi = 1.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = double(dates[i].toMsecsSinceEpoch());
        s.append(QPointF(x, strategy[i]));
        h.append(QPointF(x, buyAndHold[i]));
        for (double v : {strategy[i], buyAndHold[i]}) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    m_hold = new QLineSeries;
    m_hold->setName(tr("Buy and hold"));
    m_hold->setPen(QPen(risk::kMutedColor, 1.4, Qt::DashLine));
    m_hold->replace(h);
    m_strategy = new QLineSeries;
    m_strategy->setName(strategyName);
    m_strategy->setPen(QPen(seriesColor(1), 2.0));
    m_strategy->replace(s);
    for (QLineSeries* series : {m_hold, m_strategy}) {
        chart()->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    const qint64 from = dates.front().toMsecsSinceEpoch();
    const qint64 to = dates[n - 1].toMsecsSinceEpoch();
    fitSignalDateAxis(m_axisX, from, to);
    fitValueAxis(m_axisY, lo, hi, 0.05);
    m_axisX->setVisible(true);
    m_axisY->setVisible(true);
    chart()->legend()->setVisible(true);
    setPlaceholderText(QString());
    connectLegendMarkers();
}

QString EquityChart::valueText(QPointF value) const
{
    return QStringLiteral("%1\n%2").arg(
        isoDate(qint64(value.x())), QLocale().toString(value.y(), 'f', 3));
}

// ---------------------------------------------------------------- feature bars

FeatureBarsChart::FeatureBarsChart(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisY = new QBarCategoryAxis;
    m_axisX = new QValueAxis;
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    setRubberBand(QChartView::NoRubberBand);
    setMinimumSize(200, 160);
    clear(QString());
}

void FeatureBarsChart::clear(const QString& message)
{
    chart()->removeAllSeries();
    m_set = nullptr;
    m_names.clear();
    m_values.clear();
    m_errors.clear();
    m_axisY->clear();
    fitValueAxis(m_axisX, 0.0, 1.0, 0.0);
    chart()->setTitle(QString());
    m_axisX->setVisible(false);
    m_axisY->setVisible(false);
    setPlaceholderText(message);
}

void FeatureBarsChart::setData(const QString& title, const QString& axisTitle,
    const std::vector<QString>& names, const std::vector<double>& values,
    const std::vector<double>& errors, const QColor& color)
{
    // The largest few only: more categories than fit would have their labels elided.
    const std::size_t n = std::min({names.size(), values.size(), std::size_t(kMaxBars)});
    if (n == 0) {
        clear(tr("Nothing to show"));
        return;
    }
    chart()->removeAllSeries();
    m_axisY->clear();
    m_names.assign(names.begin(), names.begin() + std::ptrdiff_t(n));
    m_values.assign(values.begin(), values.begin() + std::ptrdiff_t(n));
    m_errors = errors.size() >= n
        ? std::vector<double>(errors.begin(), errors.begin() + std::ptrdiff_t(n))
        : std::vector<double>();
    chart()->setTitle(
        names.size() > n ? tr("%1 (top %2 of %3)").arg(title).arg(n).arg(names.size()) : title);
    m_set = new QBarSet(axisTitle);
    m_set->setColor(color);
    m_set->setBorderColor(color);
    QStringList categories;
    double lo = 0.0, hi = 0.0;
    // Horizontal bar categories run bottom-up: append in reverse so the first is on top.
    for (std::size_t k = n; k-- > 0;) {
        const double v = std::isfinite(m_values[k]) ? m_values[k] : 0.0;
        m_set->append(v);
        categories << m_names[k];
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(m_set);
    series->setBarWidth(0.7);
    chart()->addSeries(series);
    m_axisY->append(categories);
    series->attachAxis(m_axisY);
    series->attachAxis(m_axisX);
    m_axisX->setTitleText(axisTitle);
    fitValueAxis(m_axisX, lo, hi, 0.06);
    if (lo >= 0.0)
        m_axisX->setMin(0.0);
    m_axisX->setLabelFormat(hi - lo < 0.05 ? QStringLiteral("%.3f") : QStringLiteral("%.2f"));
    m_axisX->setVisible(true);
    m_axisY->setVisible(true);
    chart()->legend()->setVisible(false);
    setPlaceholderText(QString());
}

QString FeatureBarsChart::valueText(QPointF value) const
{
    const long row = std::lround(value.y());
    const long n = long(m_names.size());
    if (row < 0 || row >= n)
        return {};
    const std::size_t k = std::size_t(n - 1 - row); // categories were appended in reverse
    QString text
        = QStringLiteral("%1: %2").arg(m_names[k], QLocale().toString(m_values[k], 'f', 4));
    if (!m_errors.empty() && std::isfinite(m_errors[k]))
        text += QStringLiteral(" ± %1").arg(QLocale().toString(m_errors[k], 'f', 4));
    return text;
}

} // namespace marketlens::ui
