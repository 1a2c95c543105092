#pragma once
// PriceChartView: the interactive price chart. Holds the full data of each series and shows a
// downsampled copy (min/max per pixel column) of the visible range, recomputed on every zoom/pan,
// so a 1,000,000-point series stays fluid while the data itself is never thinned.
// Interaction: wheel zoom (around the cursor), left-drag draws a horizontal rubber band and zooms
// to it, drag to pan (middle button or Shift+left), arrow keys pan, +/- zoom, double-click or Home
// resets, crosshair with a value label (values are looked up in the full data, not the
// downsampled copy), legend markers toggle series (the marker is dimmed), optional rebasing to
// 100 at the first visible date, candlesticks for a single instrument with OHLC data (aggregated
// per group of rows when there are more than ~plot width / 3 of them), right-click menu (reset,
// rebase, candlesticks, copy chart, export chart as PNG/SVG/PDF: chart_export.h).
// News markers (optional layer, chart_news_markers.cpp): one marker per ticker and day on that
// ticker's price line, coloured and shaped by the day's mean sentiment (ui/sentiment_palette.h),
// a count badge when several items fall on it; markers closer than their width at the current
// zoom merge. Only markers in the visible range are laid out and drawn. Hover shows the headlines,
// a click emits newsMarkerClicked().
// Caller's contract: GUI thread only; setSeries() copies what it needs (x in ms, value =
// PriceSeries::valueAt, OHLC when present), so the caller may drop its data afterwards. The y
// axis always fits the visible data. Never enables OpenGL (the offscreen platform lacks it).

#include "core/downsample.h"
#include "core/types.h"

#include <QChartView>
#include <QImage>
#include <QList>

#include <limits>
#include <memory>
#include <vector>

namespace marketlens::ui {

// One news item for the marker layer.
struct NewsMarker {
    qint64 id = 0; // news id in the project
    qint64 dayMs = 0; // 00:00 UTC of the item's UTC calendar day, ms since the epoch
    QString ticker; // the series it is drawn on (a ticker not shown is ignored)
    QString headline;
    double score = std::numeric_limits<double>::quiet_NaN(); // in [-1, 1]; NaN: not scored
};

// A drawn marker (tests, tooltips): the items of one ticker on one day, or on neighbouring days
// whose markers would overlap at the current zoom.
struct NewsMarkerGroup {
    QString ticker;
    qint64 dayMs = 0; // the (first) day, where the marker sits
    QList<qint64> ids; // by day, then id
    double meanScore = std::numeric_limits<double>::quiet_NaN(); // of the scored items
    QPointF anchor; // viewport position of the price it points at: the close, or on
                    // candlesticks the high (symbol above) or the low (symbol below)
    QRectF rect; // viewport rectangle of the marker symbol (the click target)
};

class PriceChartView : public QChartView {
    Q_OBJECT
public:
    explicit PriceChartView(QWidget* parent = nullptr);
    ~PriceChartView() override;

    // Replaces what is shown. Several series are overlaid on one date axis.
    void setSeries(std::vector<core::PriceSeries> series);
    void clear();

    // Display reduction of line series: min/max per pixel column (default, exact at pixel
    // resolution) or LTTB (fewer points, smoother look).
    enum class Downsampling { MinMax, Lttb };
    void setDownsampling(Downsampling method);
    Downsampling downsampling() const;

    bool isRebased() const;
    bool candlesticks() const;
    // True when candlesticks are on, exactly one series is shown and it has OHLC data.
    bool showsCandlesticks() const;
    // The candles of the current frame, left to right, in data units (not rebased); empty when
    // no candlesticks are shown or the series is hidden. One item paints them all
    // (chart_candles.cpp), not a Qt Charts series.
    std::vector<core::OhlcBar> displayedCandles() const;

    // News markers: replaces the layer's items (any order). Cheap to call with thousands.
    void setNewsMarkers(std::vector<NewsMarker> markers);
    qsizetype newsMarkerCount() const;
    bool newsMarkersVisible() const;
    // The markers drawn now, left to right per series (empty while the layer is hidden).
    QList<NewsMarkerGroup> visibleNewsMarkers() const;
    // The plot area in viewport coordinates (other views align to it).
    QRectF plotAreaRect() const;

    // The chart as an image at the widget's size; exportPng() writes it (false on I/O error).
    QImage toImage();
    bool exportPng(const QString& path);

public Q_SLOTS:
    // Rebase every series to 100 at the first visible date (value / first visible value * 100).
    void setRebased(bool rebased);
    // Candlesticks when exactly one series with OHLC data is shown (on by default).
    void setCandlesticks(bool on);
    void resetZoom();
    void setNewsMarkersVisible(bool visible);

public:
    // Visible x range in ms since the epoch (UTC), clamped to the data's range.
    void setVisibleRange(qint64 fromMs, qint64 toMs);
    qint64 visibleFromMs() const;
    qint64 visibleToMs() const;

    // Introspection (tests, inspector): per shown series.
    int seriesCount() const;
    QStringList seriesNames() const;
    qsizetype dataPointCount(int index) const; // full data
    qsizetype displayedPointCount(int index) const; // after downsampling
    bool isSeriesVisible(int index) const;
    void setSeriesVisible(int index, bool visible);

Q_SIGNALS:
    void visibleRangeChanged(qint64 fromMs, qint64 toMs);
    // Emitted while the crosshair moves: the date under the cursor and one line per series.
    void crosshairMoved(qint64 ms, const QString& text);
    // Emitted when the user changes these from the context menu (or a setter changes them).
    void rebasedChanged(bool rebased);
    void candlesticksChanged(bool on);
    // A news marker was clicked: its items' ids and the click's global position.
    void newsMarkerClicked(const QList<qint64>& ids, const QPoint& globalPos);
    // The plot area moved or resized (axis labels, widget size): see plotAreaRect().
    void plotAreaChanged();

protected:
    // Interaction overrides live in chart_interaction.cpp.
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool viewportEvent(QEvent* event) override; // marker tooltips

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace marketlens::ui
