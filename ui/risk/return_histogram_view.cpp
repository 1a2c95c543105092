#include "return_histogram_view.h"

#include "risk_palette.h"

#include <QAreaSeries>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString pct(double v)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(v * 100.0, 'f', 2));
}
} // namespace

ReturnHistogramView::ReturnHistogramView(QWidget* parent)
    : RiskChartView(parent)
{
    m_upper = new QLineSeries(this);
    m_area = new QAreaSeries(m_upper);
    m_area->setName(tr("Portfolio returns"));
    QColor fill = risk::seriesColor(0);
    fill.setAlphaF(0.55);
    m_area->setBrush(fill);
    m_area->setPen(QPen(risk::seriesColor(0).darker(120), 1.0));
    m_varLine = new QLineSeries;
    m_varLine->setPen(QPen(risk::kVarColor, 2.0));
    m_esLine = new QLineSeries;
    m_esLine->setPen(QPen(risk::kEsColor, 2.0, Qt::DashLine));
    m_axisX = new QValueAxis;
    m_axisX->setLabelFormat(QStringLiteral("%.1f %")); // localized labels: no "%%" escape
    m_axisX->setTitleText(tr("Daily return"));
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    m_axisY->setTitleText(tr("Days"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(m_area),
             static_cast<QAbstractSeries*>(m_varLine), static_cast<QAbstractSeries*>(m_esLine)}) {
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    m_varText = new QGraphicsSimpleTextItem(chart());
    m_esText = new QGraphicsSimpleTextItem(chart());
    m_varText->setBrush(risk::kVarColor);
    m_esText->setBrush(risk::kEsColor);
    m_varText->setZValue(10);
    m_esText->setZValue(10);
    // The VaR and ES lines carry their labels on the plot; a legend would only repeat them.
    chart()->legend()->setVisible(false);
    chart()->setMargins(QMargins(4, 12, 8, 4));
    connect(chart(), &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    setPlaceholderText(tr("Run the risk analysis to see the return distribution"));
    clear();
}

std::vector<int> ReturnHistogramView::binReturns(
    std::span<const double> returns, int bins, double* lo, double* width)
{
    double mn = std::numeric_limits<double>::infinity(), mx = -mn;
    for (double r : returns) {
        if (std::isfinite(r)) {
            mn = std::min(mn, r);
            mx = std::max(mx, r);
        }
    }
    if (bins < 1 || !(mn <= mx)) {
        if (lo)
            *lo = 0.0;
        if (width)
            *width = 0.0;
        return {};
    }
    // All values equal: one unit-wide bin around them keeps the chart drawable.
    const double w = mx > mn ? (mx - mn) / bins : 1e-4;
    if (mx <= mn)
        mn -= w * bins / 2.0;
    std::vector<int> counts(std::size_t(bins), 0);
    for (double r : returns) {
        if (!std::isfinite(r))
            continue;
        const int b = std::clamp(int(std::floor((r - mn) / w)), 0, bins - 1);
        ++counts[std::size_t(b)];
    }
    if (lo)
        *lo = mn;
    if (width)
        *width = w;
    return counts;
}

void ReturnHistogramView::setData(
    std::span<const double> returns, double varReturn, double esReturn, const QString& label)
{
    m_returns.assign(returns.begin(), returns.end());
    m_var = varReturn;
    m_es = esReturn;
    m_label = label;
    rebuild();
}

void ReturnHistogramView::clear()
{
    setData({}, kNaN, kNaN, QString());
}

void ReturnHistogramView::setBinCount(int bins)
{
    m_requestedBins = std::max(0, bins);
    rebuild();
}

double ReturnHistogramView::varLineX() const
{
    return m_varLine->count() > 0 ? m_varLine->at(0).x() / 100.0 : kNaN;
}

double ReturnHistogramView::esLineX() const
{
    return m_esLine->count() > 0 ? m_esLine->at(0).x() / 100.0 : kNaN;
}

QString ReturnHistogramView::valueText(QPointF value) const
{
    if (m_counts.empty() || m_width <= 0.0)
        return {};
    const int b = int(std::floor((value.x() / 100.0 - m_lo) / m_width));
    if (b < 0 || b >= int(m_counts.size()))
        return {};
    return tr("%1 to %2: %n day(s)", nullptr, m_counts[std::size_t(b)])
        .arg(pct(m_lo + b * m_width), pct(m_lo + (b + 1) * m_width));
}

void ReturnHistogramView::rebuild()
{
    const int n = int(std::count_if(
        m_returns.begin(), m_returns.end(), [](double r) { return std::isfinite(r); }));
    const int bins = m_requestedBins > 0
        ? m_requestedBins
        : std::clamp(int(std::ceil(std::sqrt(double(std::max(n, 1))))), 10, 80);
    m_counts = n > 0 ? binReturns(m_returns, bins, &m_lo, &m_width) : std::vector<int>();
    if (n == 0) {
        m_lo = 0.0;
        m_width = 0.0;
    }

    // The step outline of the bars, built once and handed over with replace().
    QList<QPointF> outline;
    int peak = 0;
    if (!m_counts.empty()) {
        outline.reserve(qsizetype(m_counts.size()) * 2 + 2);
        outline.append(QPointF(m_lo * 100.0, 0.0));
        for (std::size_t b = 0; b < m_counts.size(); ++b) {
            const double x0 = (m_lo + double(b) * m_width) * 100.0;
            const double x1 = (m_lo + double(b + 1) * m_width) * 100.0;
            outline.append(QPointF(x0, m_counts[b]));
            outline.append(QPointF(x1, m_counts[b]));
            peak = std::max(peak, m_counts[b]);
        }
        outline.append(QPointF((m_lo + double(m_counts.size()) * m_width) * 100.0, 0.0));
    }
    m_upper->replace(outline);

    const double top = std::max(peak > 0 ? 5.0 : 10.0, peak * 1.12);
    const auto vertical = [top](QLineSeries* s, double x) {
        if (std::isfinite(x))
            s->replace(QList<QPointF> {QPointF(x * 100.0, 0.0), QPointF(x * 100.0, top)});
        else
            s->clear();
    };
    vertical(m_varLine, m_var);
    vertical(m_esLine, m_es);
    const QString suffix = m_label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_label);
    m_varLine->setName(std::isfinite(m_var) ? tr("VaR%1: %2").arg(suffix, pct(m_var)) : tr("VaR"));
    m_esLine->setName(std::isfinite(m_es) ? tr("ES%1: %2").arg(suffix, pct(m_es)) : tr("ES"));
    m_varLine->setVisible(std::isfinite(m_var));
    m_esLine->setVisible(std::isfinite(m_es));

    double lo = m_counts.empty() ? -0.05 : m_lo;
    double hi = m_counts.empty() ? 0.05 : m_lo + double(m_counts.size()) * m_width;
    for (double v : {m_var, m_es}) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    fitValueAxis(m_axisX, lo * 100.0, hi * 100.0, 0.02);
    m_axisY->setTickType(QValueAxis::TicksDynamic);
    m_axisY->setTickAnchor(0.0);
    fitValueAxis(m_axisY, 0.0, top, 0.0);
    m_axisY->setMin(0.0);
    m_axisY->setTickInterval(std::max(1.0, m_axisY->tickInterval())); // whole days
    m_varText->setText(std::isfinite(m_var) ? tr("VaR%1\n%2").arg(suffix, pct(m_var)) : QString());
    m_esText->setText(std::isfinite(m_es) ? tr("ES%1\n%2").arg(suffix, pct(m_es)) : QString());
    setPlaceholderText(
        n == 0 ? tr("Run the risk analysis to see the return distribution") : QString());
    placeLabels();
}

void ReturnHistogramView::placeLabels()
{
    // ES lies left of VaR (a larger loss): put its label left of its line, VaR's to the right,
    // so the two never overlap.
    const auto place = [this](QGraphicsSimpleTextItem* item, QLineSeries* s, bool leftOfLine) {
        if (s->count() < 2 || item->text().isEmpty() || !s->isVisible()) {
            item->setVisible(false);
            return;
        }
        const QPointF top = chart()->mapToPosition(s->at(1), s);
        const QRectF box = item->boundingRect();
        const QRectF area = chart()->plotArea();
        double x = leftOfLine ? top.x() - box.width() - 4.0 : top.x() + 4.0;
        x = std::clamp(
            x, area.left() + 2.0, std::max(area.left() + 2.0, area.right() - box.width()));
        item->setPos(x, top.y() + 2.0);
        item->setVisible(true);
    };
    place(m_varText, m_varLine, false);
    place(m_esText, m_esLine, true);
}

} // namespace marketlens::ui
