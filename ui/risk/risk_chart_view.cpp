#include "risk_chart_view.h"
#include "ui/locale_format.h"

#include "risk_palette.h"
#include "ui/chart_export.h"
#include "ui/theme.h"

#include <QAbstractSeries>
#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace risk {

void styleChart(QChart* chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setLabelColor(chartLabelColor());
    chart->setMargins(QMargins(4, 4, 8, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    QFont title = QApplication::font();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->setTitleBrush(chartLabelColor());
    applyChartPalette(chart); // light or dark theme (ui/theme.h)
}

void styleAxis(QAbstractAxis* axis)
{
    axis->setGridLineColor(chartGridColor());
    axis->setLabelsColor(chartLabelColor());
    QFont title = QApplication::font();
    title.setPointSizeF(title.pointSizeF() * 0.9);
    axis->setTitleFont(title);
    axis->setTitleBrush(chartLabelColor());
}

} // namespace risk

void fitValueAxis(QValueAxis* axis, double lo, double hi, double headroom)
{
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0.0;
        hi = 1.0;
    }
    if (hi <= lo) {
        const double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const double pad = (hi - lo) * headroom;
    lo -= pad;
    hi += pad;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(niceStep((hi - lo) / 6.0));
    axis->setRange(lo, hi);
}

void fitDateAxis(QDateTimeAxis* axis, qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + 86400000LL;
    const double years = double(toMs - fromMs) / (365.25 * 86400000.0);
    axis->setFormat(years > 3.0 ? QStringLiteral("yyyy") : QStringLiteral("MMM yyyy"));
    axis->setTickCount(years > 3.0 ? std::clamp(int(years / std::ceil(years / 8.0)) + 1, 3, 9) : 6);
    axis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC),
        QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC));
}

QString isoDate(qint64 ms)
{
    return displayDateMs(ms);
}

RiskChartView::RiskChartView(QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setLocalizeNumbers(true); // axis numbers in the UI language, like the tables
    risk::styleChart(chart);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing, true);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setMinimumSize(240, 180);
    setToolTip(tr("Drag: zoom to the dragged range; wheel: zoom\n"
                  "Double-click: show everything\n"
                  "Click a legend entry to hide or show its series\n"
                  "Right-click: copy or export the chart"));
}

QImage RiskChartView::toImage()
{
    return grab().toImage();
}

bool RiskChartView::exportPng(const QString& path)
{
    return toImage().save(path, "PNG");
}

void RiskChartView::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    viewport()->update();
}

void RiskChartView::resetZoom()
{
    chart()->zoomReset();
}

void RiskChartView::connectLegendMarkers()
{
    for (QLegendMarker* marker : chart()->legend()->markers()) {
        disconnect(marker, &QLegendMarker::clicked, this, nullptr);
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            QAbstractSeries* s = marker->series();
            s->setVisible(!s->isVisible());
            marker->setVisible(true); // keep the entry so it can be clicked again
            QColor c = marker->labelBrush().color();
            c.setAlphaF(s->isVisible() ? 1.0 : 0.4);
            marker->setLabelBrush(c);
        });
    }
}

QString RiskChartView::valueText(QPointF value) const
{
    const QLocale locale;
    return QStringLiteral("%1; %2").arg(locale.toString(value.x(), 'g', 4),
        locale.toString(value.y(), 'g', 4));
}

void RiskChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    resetZoom();
    event->accept();
}

void RiskChartView::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    if (!chart()->plotArea().contains(chartPos) || chart()->series().isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const QPointF value = chart()->mapToValue(chartPos, chart()->series().first());
    const QString text = valueText(value);
    if (!text.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void RiskChartView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    chart()->zoom(std::pow(1.25, steps));
    event->accept();
}

void RiskChartView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), this, &RiskChartView::resetZoom);
    menu.addSeparator();
    addChartExportActions(&menu, this); // copy, and PNG/SVG/PDF at a chosen size and DPI
    menu.exec(event->globalPos());
}

void RiskChartView::paintEvent(QPaintEvent* event)
{
    QChartView::paintEvent(event);
    if (m_placeholder.isEmpty())
        return;
    QPainter p(viewport());
    p.setPen(risk::kMutedColor);
    p.drawText(viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
        m_placeholder);
}

} // namespace marketlens::ui
