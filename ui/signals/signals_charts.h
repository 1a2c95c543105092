#pragma once
// Charts of the "Signals" tab, with the risk charts' look and behaviour (RiskChartView: zoom,
// pan, reset, legend toggles, export, light and dark themes).
//
// SignalPriceChart: the ticker's price with a marker wherever the signal's position changes
// (signalMarkers): an up triangle below the price for a buy (the position rises), a down
// triangle above it for a sell (it falls), in the colour-blind-safe green and red of the
// diverging scale (ui/risk/risk_palette.h); the shape alone tells them apart. The latest signal
// ("today") is a larger outlined triangle. Clicking a marker (within a few pixels) emits
// markerClicked(date); the selected date gets a ring. The x axis starts a little before the
// first signal; double-click shows the whole history.
// EquityChart: the signal's equity curve against buy-and-hold (growth of 1).
// FeatureBarsChart: one horizontal bar per feature (largest on top), e.g. permutation
// importance or mean |SHAP|.
// Caller's contract: GUI thread; setters copy.

#include "core/date.h"
#include "models/signals/signal_pipeline.h"
#include "ui/risk/risk_chart_view.h"

#include <QString>

#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace marketlens::ui {

struct SignalMarker {
    core::Date date;
    double price = 0;
    bool buy = true; // the position rose (else it fell)
    double position = 0; // after the change
};

// Position rule of core/signals/signal_backtest.h: long/flat 1 for up (class classes-1), else
// 0; long/short 1 for up, -1 for down (class 0), 0 for flat. One marker per change of position,
// starting flat; `prices` looked up by date in (dates, prices) (points without a price skipped).
std::vector<SignalMarker> signalMarkers(const std::vector<models::signals::SignalPoint>& points,
    const std::vector<core::Date>& dates, const std::vector<double>& prices, int classes,
    bool longShort);

class SignalPriceChart : public RiskChartView {
    Q_OBJECT
public:
    explicit SignalPriceChart(QWidget* parent = nullptr);

    void setData(const QString& title, const std::vector<core::Date>& dates,
        const std::vector<double>& prices, std::vector<SignalMarker> markers,
        const std::optional<SignalMarker>& latest);
    void clear(const QString& message);
    void setSelectedDate(std::optional<core::Date> date);

    const std::vector<SignalMarker>& markers() const { return m_markers; }
    int buyCount() const;
    int sellCount() const;
    // Viewport position of marker i (markers()), or of the latest marker (i = -1).
    QPointF markerPosition(int i) const;
    QLineSeries* priceSeries() const { return m_price; }

Q_SIGNALS:
    void markerClicked(core::Date date);

protected:
    QString valueText(QPointF value) const override;
    void mousePressEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QPointF anchorOf(const SignalMarker& m) const;
    int hitTest(QPointF pos) const; // marker index, -1 latest, -2 none

    QLineSeries* m_price = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    std::vector<SignalMarker> m_markers;
    std::optional<SignalMarker> m_latest;
    std::optional<core::Date> m_selected;
    std::vector<core::Date> m_dates;
    std::vector<double> m_prices;
};

class EquityChart : public RiskChartView {
    Q_OBJECT
public:
    explicit EquityChart(QWidget* parent = nullptr);
    void setData(const std::vector<core::Date>& dates, const std::vector<double>& strategy,
        const std::vector<double>& buyAndHold, const QString& strategyName);
    void clear(const QString& message);
    QLineSeries* strategySeries() const { return m_strategy; }
    QLineSeries* buyAndHoldSeries() const { return m_hold; }

protected:
    QString valueText(QPointF value) const override;

private:
    QLineSeries* m_strategy = nullptr;
    QLineSeries* m_hold = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
};

class FeatureBarsChart : public RiskChartView {
    Q_OBJECT
public:
    explicit FeatureBarsChart(QWidget* parent = nullptr);
    // Bars in the given order from the top, the first 8 (the title then says "top 8 of n");
    // `errors` (same size or empty) are shown in the tooltip.
    void setData(const QString& title, const QString& axisTitle, const std::vector<QString>& names,
        const std::vector<double>& values, const std::vector<double>& errors, const QColor& color);
    void clear(const QString& message);
    int barCount() const { return int(m_names.size()); }
    QBarSet* barSet() const { return m_set; }

protected:
    QString valueText(QPointF value) const override;

private:
    QBarSet* m_set = nullptr;
    QBarCategoryAxis* m_axisY = nullptr;
    QValueAxis* m_axisX = nullptr;
    std::vector<QString> m_names;
    std::vector<double> m_values, m_errors;
};

} // namespace marketlens::ui
