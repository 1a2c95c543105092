#pragma once
// Private state of PriceChartView, shared by price_chart_view.cpp (data, downsampling, axes,
// menu) and chart_interaction.cpp (mouse, keys, crosshair). Not part of the public API.

#include "price_chart_view.h"

#include "core/downsample.h"

#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QLineSeries>
#include <QPointer>
#include <QRubberBand>
#include <QValueAxis>

#include <vector>

namespace marketlens::ui {

struct ChartSeriesData {
    QString name;
    std::vector<double> x; // ms since the epoch, ascending
    std::vector<double> y; // PriceSeries::valueAt, NaN where missing
    std::vector<double> open, high, low, close; // filled only when the series has OHLC
    bool hasOhlc = false;
    bool visible = true;
    QLineSeries* line = nullptr; // owned by the chart
    double rebaseBase = 1.0; // divisor of the current frame when rebased
    qsizetype displayed = 0;
};

// The news items of one ticker on one day: markers[first, first + count) of Impl::markers.
struct MarkerDay {
    qint64 dayMs = 0;
    int first = 0;
    int count = 0;
    double scoreSum = 0.0; // over the scored items
    int scored = 0;
};

// A marker as laid out for the current frame (chart item coordinates).
struct DrawnMarker {
    int series = 0; // index into Impl::series
    int row = 0; // the price row the marker points at
    int dayBegin = 0, dayEnd = 0; // range of the ticker's MarkerDay list
    int count = 0; // items
    double mean = 0.0; // mean score of the scored items, NaN when none
    QPointF anchor; // the price point
    QRectF rect; // the symbol
};

struct PriceChartView::Impl {
    explicit Impl(PriceChartView* view)
        : q(view)
    {
    }

    PriceChartView* q;
    QChart* chart = nullptr;
    QDateTimeAxis* axisX = nullptr;
    QValueAxis* axisY = nullptr;
    std::vector<ChartSeriesData> series;
    Downsampling method = Downsampling::MinMax;
    bool rebased = false;
    bool candlesticksOn = true;
    qint64 fullFrom = 0, fullTo = 0; // data range (ms)
    qint64 from = 0, to = 0; // visible range (ms)
    int lastWidth = 0; // plot width (px) the current frame was downsampled for

    // Interaction state (chart_interaction.cpp).
    enum class Drag { None, RubberBand, Pan };
    Drag drag = Drag::None;
    QPoint pressPos;
    qint64 pressFrom = 0, pressTo = 0;
    QRubberBand* rubberBand = nullptr;
    QGraphicsLineItem* crossV = nullptr;
    QGraphicsLineItem* crossH = nullptr;
    QGraphicsRectItem* crossBox = nullptr;
    QGraphicsSimpleTextItem* crossText = nullptr;

    // News markers (chart_news_markers.cpp).
    std::vector<NewsMarker> markers; // sorted by ticker, day, id
    QHash<QString, std::vector<MarkerDay>> markerDays; // per ticker, by day
    bool markersVisible = true;
    std::vector<DrawnMarker> drawnMarkers;
    QGraphicsItem* markerLayer = nullptr; // child of the chart, paints drawnMarkers

    // Candlesticks (chart_candles.cpp): the bars of the current frame, in data units (not
    // rebased); one item of our own paints them all.
    std::vector<core::OhlcBar> candleBars;
    QGraphicsItem* candleLayer = nullptr; // child of the chart

    // price_chart_view.cpp
    bool candleMode() const;
    int plotWidthPx() const;
    void rebuildChartSeries();
    // Clamps to the data range (keeping the span when possible), re-downsamples, re-fits y.
    void applyRange(qint64 newFrom, qint64 newTo);
    void refresh();
    void updateXAxisFormat();
    void fitY(double lo, double hi);
    void styleMarker(int index);
    double displayValue(const ChartSeriesData& s, double v) const;

    // chart_interaction.cpp
    QRectF plotArea() const; // in viewport coordinates
    double msAt(double viewportX) const;
    void zoomAround(double centerMs, double factor);
    void panByFraction(double fraction);
    void createCrosshair();
    void updateCrosshair(QPointF viewportPos);
    void hideCrosshair();
    QString crosshairText(qint64 ms, qint64* nearestMs) const;

    // chart_candles.cpp
    void createCandleLayer();
    void updateCandleLayer(); // after candleBars, the axes or the plot area changed
    static QColor candleColor(); // of a rising candle: the legend marker's colour
    void paintCandles(QPainter* painter) const; // in chart item coordinates

    // chart_news_markers.cpp
    void createMarkerLayer();
    // Recomputes drawnMarkers for the visible range, axes and plot area; repaints the layer.
    void layoutMarkers();
    int markerAt(QPointF viewportPos) const; // index into drawnMarkers, -1 when none
    QList<qint64> markerIds(const DrawnMarker& m) const;
    QString markerToolTip(const DrawnMarker& m) const;
    QPointF toViewport(QPointF chartPos) const;
};

} // namespace marketlens::ui
