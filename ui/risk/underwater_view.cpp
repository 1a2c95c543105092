#include "underwater_view.h"

#include "risk_palette.h"
#include "ui/theme.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

UnderwaterView::UnderwaterView(QWidget* parent)
    : RiskChartView(parent)
{
    m_upper = new QLineSeries(this);
    m_lower = new QLineSeries(this);
    m_area = new QAreaSeries(m_upper, m_lower);
    m_area->setName(tr("Drawdown"));
    QColor fill = risk::kScaleHigh;
    fill.setAlphaF(0.35);
    m_area->setBrush(fill);
    m_area->setPen(QPen(risk::kScaleHigh.darker(115), 1.0));
    m_trough = new QScatterSeries;
    m_trough->setName(tr("Maximum drawdown"));
    m_trough->setMarkerSize(9.0);
    m_trough->setColor(chartLabelColor());
    m_trough->setBorderColor(Qt::white);
    m_axisX = new QDateTimeAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.0f %")); // localized labels: no "%%" escape
    m_axisY->setTitleText(tr("Below previous peak"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    for (QAbstractSeries* s :
        {static_cast<QAbstractSeries*>(m_area), static_cast<QAbstractSeries*>(m_trough)}) {
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    chart()->legend()->setVisible(false);
    chart()->setMargins(QMargins(4, 12, 8, 4)); // room for the top axis label
    m_label = new QGraphicsSimpleTextItem(chart());
    m_label->setBrush(chartLabelColor());
    m_label->setZValue(10);
    connect(chart(), &QChart::plotAreaChanged, this, [this] { placeLabel(); });
    clear();
}

void UnderwaterView::setData(std::span<const qint64> dates, std::span<const double> underwater,
    qint64 peakMs, qint64 recoveryMs)
{
    const std::size_t n = std::min(dates.size(), underwater.size());
    QList<QPointF> upper;
    upper.reserve(qsizetype(n));
    std::size_t trough = 0;
    double lowest = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(underwater[i]))
            continue;
        upper.append(QPointF(double(dates[i]), underwater[i] * 100.0));
        if (underwater[i] < lowest) {
            lowest = underwater[i];
            trough = i;
        }
    }
    m_upper->replace(upper);
    if (upper.isEmpty()) {
        m_lower->clear();
        m_trough->clear();
        m_troughMs = -1;
        m_label->setText(QString());
        fitDateAxis(m_axisX, QDateTime::currentMSecsSinceEpoch() - 365LL * 86400000LL,
            QDateTime::currentMSecsSinceEpoch());
        fitValueAxis(m_axisY, -10.0, 0.0, 0.0);
        setPlaceholderText(tr("Run the risk analysis to see the drawdowns"));
        placeLabel();
        return;
    }
    m_lower->replace(
        QList<QPointF> {QPointF(upper.first().x(), 0.0), QPointF(upper.last().x(), 0.0)});
    m_troughMs = lowest < 0.0 ? dates[trough] : -1;
    if (m_troughMs >= 0)
        m_trough->replace(QList<QPointF> {QPointF(double(m_troughMs), lowest * 100.0)});
    else
        m_trough->clear();
    fitDateAxis(m_axisX, qint64(upper.first().x()), qint64(upper.last().x()));
    fitValueAxis(m_axisY, std::min(lowest * 100.0, -1.0), 0.0, 0.06);
    m_axisY->setMax(0.0);

    QString text;
    if (m_troughMs >= 0) {
        text = tr("Maximum drawdown %1 % on %2")
                   .arg(QLocale().toString(lowest * 100.0, 'f', 1))
                   .arg(isoDate(m_troughMs));
        if (peakMs >= 0)
            text += tr("\npeak %1").arg(isoDate(peakMs));
        text += recoveryMs >= 0 ? tr(", recovered %1").arg(isoDate(recoveryMs))
                                : tr(", not recovered");
    } else {
        text = tr("No drawdown in this period");
    }
    m_label->setText(text);
    setPlaceholderText(QString());
    placeLabel();
}

void UnderwaterView::clear()
{
    setData({}, {});
}

double UnderwaterView::minimumValue() const
{
    double lo = 0.0;
    for (const QPointF& p : m_upper->points())
        lo = std::min(lo, p.y() / 100.0);
    return lo;
}

QString UnderwaterView::annotation() const
{
    return m_label->text();
}

int UnderwaterView::pointCount() const
{
    return int(m_upper->count());
}

QString UnderwaterView::valueText(QPointF value) const
{
    if (m_upper->count() == 0)
        return {};
    const auto points = m_upper->points();
    auto it = std::lower_bound(points.begin(), points.end(), value.x(),
        [](const QPointF& p, double x) { return p.x() < x; });
    if (it == points.end())
        --it;
    return tr("%1: %2 % below the previous peak")
        .arg(isoDate(qint64(it->x())))
        .arg(QLocale().toString(-it->y(), 'f', 1));
}

void UnderwaterView::placeLabel()
{
    if (m_trough->count() == 0) {
        const QRectF area = chart()->plotArea();
        m_label->setPos(area.left() + 8.0, area.top() + 8.0);
        m_label->setVisible(!m_label->text().isEmpty());
        return;
    }
    // Beside the trough marker, on the side with more room, kept inside the plot.
    const QRectF area = chart()->plotArea();
    const QPointF at = chart()->mapToPosition(m_trough->at(0), m_trough);
    const QRectF box = m_label->boundingRect();
    double x = at.x() + 10.0;
    if (x + box.width() > area.right() - 4.0)
        x = at.x() - 10.0 - box.width();
    x = std::max(area.left() + 4.0, x);
    double y = std::clamp(at.y() - box.height() / 2.0, area.top() + 4.0,
        std::max(area.top() + 4.0, area.bottom() - box.height() - 4.0));
    m_label->setPos(x, y);
    m_label->setVisible(true);
}

} // namespace marketlens::ui
