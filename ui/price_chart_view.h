#pragma once
// PriceChartView: the interactive price chart. Holds the full data of each series and shows a
// downsampled copy (min/max per pixel column) of the visible range, recomputed on every zoom/pan,
// so a 1,000,000-point series stays fluid while the data itself is never thinned.
// Interaction: wheel zoom (around the cursor), rubber-band zoom, drag to pan (middle button or
// Shift+left), double-click or Home resets, crosshair with a value tooltip, legend markers toggle
// series, optional rebasing to 100, candlesticks for a single instrument with OHLC data.

#include "core/types.h"

#include <QChartView>

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

    // Rebase every series to 100 at the first visible date.
    void setRebased(bool rebased);
    bool isRebased() const;
    // Candlesticks when exactly one series with OHLC data is shown.
    void setCandlesticks(bool on);
    bool candlesticks() const;

    void resetZoom();
    // Visible x range in ms since the epoch (UTC).
    void setVisibleRange(qint64 fromMs, qint64 toMs);
    qint64 visibleFromMs() const;
    qint64 visibleToMs() const;

    // Introspection (tests, inspector): per shown series.
    int seriesCount() const;
    QStringList seriesNames() const;
    qsizetype dataPointCount(int index) const;      // full data
    qsizetype displayedPointCount(int index) const; // after downsampling
    bool isSeriesVisible(int index) const;
    void setSeriesVisible(int index, bool visible);

Q_SIGNALS:
    void visibleRangeChanged(qint64 fromMs, qint64 toMs);
    // Emitted while the crosshair moves: the date under the cursor and one line per series.
    void crosshairMoved(qint64 ms, const QString& text);

protected:
    // Overrides for interaction (wheel, mouse, key, resize) live in the .cpp.

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace marketlens::ui
