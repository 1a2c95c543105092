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
// Caller's contract: GUI thread only; setSeries() copies what it needs (x in ms, value =
// PriceSeries::valueAt, OHLC when present), so the caller may drop its data afterwards. The y
// axis always fits the visible data. Never enables OpenGL (the offscreen platform lacks it).

#include "core/types.h"

#include <QChartView>
#include <QImage>

#include <memory>
#include <vector>

namespace marketlens::ui {

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

    // The chart as an image at the widget's size; exportPng() writes it (false on I/O error).
    QImage toImage();
    bool exportPng(const QString& path);

public Q_SLOTS:
    // Rebase every series to 100 at the first visible date (value / first visible value * 100).
    void setRebased(bool rebased);
    // Candlesticks when exactly one series with OHLC data is shown (on by default).
    void setCandlesticks(bool on);
    void resetZoom();

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

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace marketlens::ui
