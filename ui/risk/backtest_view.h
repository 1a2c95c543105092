#pragma once
// BacktestView: the VaR backtest of the portfolio. A chart of the daily returns (grey points),
// the rolling one-day VaR forecast (line) and the exceedances (days whose return fell below the
// forecast, red markers), and beside it a panel with the test results: exceedances against the
// expected number, Kupiec's proportion-of-failures LR and p-value, Christoffersen's independence
// LR and p-value, and the Basel traffic-light zone in its colour.
// Caller's contract: GUI thread; setData() copies; all vectors have one value per date.

#include "risk_chart_view.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineSeries;
class QScatterSeries;
class QDateTimeAxis;
class QValueAxis;

namespace marketlens::ui {

struct BacktestData {
    std::vector<qint64> dates; // ms since the epoch, UTC
    std::vector<double> returns;
    std::vector<double> forecast; // VaR as a return (negative for a loss); NaN before the window
    std::vector<bool> hits; // exceedance on that date
    std::size_t observations = 0; // days with a forecast
    std::size_t exceedances = 0;
    double expectedRate = 0.0; // 1 - confidence
    double kupiecLr = 0.0, kupiecP = 1.0;
    double independenceLr = 0.0, independenceP = 1.0;
    int zone = 0; // 0 green, 1 yellow, 2 red (Basel)
    QString label; // e.g. "99 %, historical, window 250"
};

class BacktestChart : public RiskChartView {
    Q_OBJECT
public:
    explicit BacktestChart(QWidget* parent = nullptr);
    void setData(const BacktestData& data);
    int exceedanceMarkerCount() const;
    int returnPointCount() const;
    int forecastPointCount() const;

protected:
    QString valueText(QPointF value) const override;

private:
    QScatterSeries* m_returns = nullptr;
    QLineSeries* m_forecast = nullptr;
    QScatterSeries* m_hits = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
};

class BacktestView : public QWidget {
    Q_OBJECT
public:
    explicit BacktestView(QWidget* parent = nullptr);
    void setData(const BacktestData& data);
    void clear();

    BacktestChart* chart() const { return m_chart; }
    int exceedanceMarkerCount() const { return m_chart->exceedanceMarkerCount(); }
    // Panel texts (tests).
    QString exceedancesText() const;
    QString kupiecText() const;
    QString independenceText() const;
    QString zoneText() const;
    QColor zoneColor() const;

    // Colour of a Basel zone (0 green, 1 yellow, 2 red) from the diverging scale.
    static QColor zoneColorOf(int zone);

private:
    BacktestChart* m_chart = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_exceedances = nullptr;
    QLabel* m_kupiec = nullptr;
    QLabel* m_independence = nullptr;
    QLabel* m_zone = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace marketlens::ui
