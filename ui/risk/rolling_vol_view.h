#pragma once
// RollingVolView: conditional and rolling volatility of the portfolio over the dates, annualised,
// one line per estimator (sample rolling window, EWMA, GARCH(1,1)); NaN values (before the first
// full window) are left out. Caller's contract: GUI thread; setData() copies; every line has one
// value per date (ms since the epoch, UTC, ascending).

#include "risk_chart_view.h"

#include <span>
#include <vector>

class QDateTimeAxis;
class QValueAxis;

namespace marketlens::ui {

struct VolatilityLine {
    QString name; // e.g. "Rolling 250 days"
    std::vector<double> values; // annualised volatility as a fraction, NaN where undefined
};

class RollingVolView : public RiskChartView {
    Q_OBJECT
public:
    explicit RollingVolView(QWidget* parent = nullptr);

    void setData(std::span<const qint64> dates, const std::vector<VolatilityLine>& lines);
    void clear();

    // What is shown (tests).
    int lineCount() const;
    QString lineName(int index) const;
    int pointCount(int index) const;
    // Plotted value (as a fraction) of line `index` at `dateMs`; NaN when not plotted there.
    double valueAt(int index, qint64 dateMs) const;

protected:
    QString valueText(QPointF value) const override;

private:
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
};

} // namespace marketlens::ui
