#include "rolling_vol_view.h"

#include "risk_palette.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

RollingVolView::RollingVolView(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisX = new QDateTimeAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.0f %")); // localized labels: no "%%" escape
    m_axisY->setTitleText(tr("Annualised volatility"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    clear();
}

void RollingVolView::setData(
    std::span<const qint64> dates, const std::vector<VolatilityLine>& lines)
{
    chart()->removeAllSeries();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    int index = 0;
    for (const VolatilityLine& line : lines) {
        const std::size_t n = std::min(dates.size(), line.values.size());
        QList<QPointF> points;
        points.reserve(qsizetype(n));
        for (std::size_t i = 0; i < n; ++i) {
            const double v = line.values[i];
            if (!std::isfinite(v))
                continue;
            points.append(QPointF(double(dates[i]), v * 100.0));
            lo = std::min(lo, v * 100.0);
            hi = std::max(hi, v * 100.0);
            first = std::min(first, dates[i]);
            last = std::max(last, dates[i]);
        }
        auto* series = new QLineSeries;
        series->setName(line.name);
        series->setPen(QPen(risk::seriesColor(index), index == 0 ? 1.8 : 1.3));
        series->replace(points); // filled before it is shown
        chart()->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        ++index;
    }
    if (first > last) {
        fitDateAxis(m_axisX, QDateTime::currentMSecsSinceEpoch() - 365LL * 86400000LL,
            QDateTime::currentMSecsSinceEpoch());
        fitValueAxis(m_axisY, 0.0, 40.0, 0.0);
        setPlaceholderText(tr("Run the risk analysis to see the volatility over time"));
    } else {
        fitDateAxis(m_axisX, first, last);
        fitValueAxis(m_axisY, std::min(0.0, lo), hi, 0.05);
        m_axisY->setMin(std::min(0.0, lo));
        setPlaceholderText(QString());
    }
    connectLegendMarkers();
}

void RollingVolView::clear()
{
    setData({}, {});
}

int RollingVolView::lineCount() const
{
    return int(chart()->series().size());
}

QString RollingVolView::lineName(int index) const
{
    const auto all = chart()->series();
    return index >= 0 && index < all.size() ? all[index]->name() : QString();
}

int RollingVolView::pointCount(int index) const
{
    const auto all = chart()->series();
    if (index < 0 || index >= all.size())
        return 0;
    return int(static_cast<QLineSeries*>(all[index])->count());
}

double RollingVolView::valueAt(int index, qint64 dateMs) const
{
    const auto all = chart()->series();
    if (index < 0 || index >= all.size())
        return std::numeric_limits<double>::quiet_NaN();
    for (const QPointF& p : static_cast<QLineSeries*>(all[index])->points()) {
        if (qint64(p.x()) == dateMs)
            return p.y() / 100.0;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

QString RollingVolView::valueText(QPointF value) const
{
    QStringList parts {isoDate(qint64(value.x()))};
    for (QAbstractSeries* s : chart()->series()) {
        const auto points = static_cast<QLineSeries*>(s)->points();
        auto it = std::lower_bound(points.begin(), points.end(), value.x(),
            [](const QPointF& p, double x) { return p.x() < x; });
        if (it == points.end() || (it == points.begin() && it->x() > value.x() + 5 * 86400000.0))
            continue;
        parts << QStringLiteral("%1: %2 %").arg(s->name()).arg(QLocale().toString(it->y(), 'f', 1));
    }
    return parts.size() > 1 ? parts.join(QLatin1Char('\n')) : QString();
}

} // namespace marketlens::ui
