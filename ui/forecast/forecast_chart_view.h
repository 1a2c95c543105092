#pragma once
// Charts of the "Forecasts" tab, with the risk charts' look and behaviour (RiskChartView: zoom,
// pan, reset, legend toggles, export).
//
// ForecastChartView: the recent price history (about 250 rows), the model's median forecast,
// its 80 % and 95 % prediction intervals as shaded bands (QAreaSeries), and the naive forecast
// (the last price carried forward), dates on the x axis. Every forecast series starts at the
// origin (the last history point) so the forecast visibly continues the history: point 0 of the
// median, naive and band series is the origin, points 1..H the horizons.
//
// The x axis shows the last visibleHistory() rows of the history (0 = automatic: 15 rows per
// horizon day, at least 60 and at most all) so that a few days of forecast are not a sliver
// beside a year of prices; all rows stay in the series (zoom out or pan to see them).
//
// FoldErrorsChart: the walk-forward backtest's MAE per fold of the model beside the naive
// forecast's (grouped bars), so a model that only wins on average is visible fold by fold.
// Caller's contract: GUI thread; setData() copies.

#include "ui/risk/risk_chart_view.h"

#include <QString>

#include <vector>

class QAreaSeries;
class QBarCategoryAxis;
class QBarSet;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace marketlens::ui {

struct ForecastChartData {
    QString title; // e.g. "MSFT · LSTM h5"
    std::vector<qint64> historyDates; // ms since the epoch, UTC
    std::vector<double> historyPrices;
    std::vector<qint64> forecastDates; // one per horizon
    std::vector<double> median, lo80, hi80, lo95, hi95;
    std::vector<double> naive; // naive point forecast per horizon (empty: not shown)
};

class ForecastChartView : public RiskChartView {
    Q_OBJECT
public:
    explicit ForecastChartView(QWidget* parent = nullptr);

    void setData(const ForecastChartData& data);
    // Empty chart with a message ("Select a model…", an error).
    void clear(const QString& message);
    // History rows in view (0: automatic); applies to the shown data at once.
    void setVisibleHistory(int rows);
    int visibleHistory() const { return m_visibleHistory; }
    // The rows the axis shows now (the automatic rule resolved).
    int shownHistoryRows() const;

    QLineSeries* historySeries() const { return m_history; }
    QLineSeries* medianSeries() const { return m_median; }
    QLineSeries* naiveSeries() const { return m_naive; }
    QAreaSeries* band80() const { return m_band80; }
    QAreaSeries* band95() const { return m_band95; }

protected:
    QString valueText(QPointF value) const override;

private:
    void fitAxes();

    ForecastChartData m_data;
    int m_visibleHistory = 0;
    QLineSeries* m_history = nullptr;
    QLineSeries* m_median = nullptr;
    QLineSeries* m_naive = nullptr;
    QAreaSeries* m_band80 = nullptr;
    QAreaSeries* m_band95 = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
};

struct FoldErrorsData {
    QString title;
    std::vector<QString> labels; // per fold, e.g. "2004-01-02 – 2004-06-30"
    std::vector<double> modelMae; // per fold
    std::vector<double> naiveMae; // per fold
    QString modelName; // legend of the model's bars ("LSTM")
};

class FoldErrorsChart : public RiskChartView {
    Q_OBJECT
public:
    explicit FoldErrorsChart(QWidget* parent = nullptr);

    void setData(const FoldErrorsData& data);
    void clear(const QString& message);
    QBarSet* modelSet() const { return m_modelSet; }
    QBarSet* naiveSet() const { return m_naiveSet; }

protected:
    QString valueText(QPointF value) const override;

private:
    QBarSet* m_modelSet = nullptr;
    QBarSet* m_naiveSet = nullptr;
    QBarCategoryAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    std::vector<QString> m_labels;
};

} // namespace marketlens::ui
