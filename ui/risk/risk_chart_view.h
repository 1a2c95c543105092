#pragma once
// RiskChartView: the common base of the risk dashboard's charts. It gives every chart the price
// chart's look (risk_palette.h) and behaviour: drag a horizontal rubber band to zoom, wheel to
// zoom around the cursor, double-click to reset, click a legend entry to hide or show its series,
// right-click for reset, copy chart and export chart (PNG/SVG/PDF, chart_export.h). A value
// tooltip follows the cursor.
// Subclasses build their series from plain data and replace them in one go (no point-by-point
// append on a visible series). GUI thread only; never enables OpenGL.

#include <QChartView>
#include <QImage>

class QAbstractSeries;
class QDateTimeAxis;
class QValueAxis;

namespace marketlens::ui {

class RiskChartView : public QChartView {
    Q_OBJECT
public:
    explicit RiskChartView(QWidget* parent = nullptr);

    // The chart at the widget's size; exportPng() writes it (false on I/O error).
    QImage toImage();
    bool exportPng(const QString& path);
    // Empty-state text drawn over the plot when there is no data ("" hides it).
    void setPlaceholderText(const QString& text);
    QString placeholderText() const { return m_placeholder; }

public Q_SLOTS:
    void resetZoom();

protected:
    // Subclasses call this after adding series so legend clicks toggle them.
    void connectLegendMarkers();
    // Text for the hover tooltip at a value position (x, y in the primary axes' units).
    virtual QString valueText(QPointF value) const;

    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_placeholder;
};

// Sets a value axis range with a little headroom and a nice tick interval.
void fitValueAxis(QValueAxis* axis, double lo, double hi, double headroom = 0.05);
// Sets a date axis (ms since the epoch, UTC) with a label format suited to the span.
void fitDateAxis(QDateTimeAxis* axis, qint64 fromMs, qint64 toMs);
// The day of ms since the epoch (UTC) as the UI shows dates (displayDateMs, locale_format.h).
QString isoDate(qint64 ms);

} // namespace marketlens::ui
