#pragma once
// ReturnHistogramView: histogram of the portfolio's returns with vertical VaR and ES lines.
// Bins are equally wide from the smallest to the largest return (the largest falls in the last
// bin); the x axis shows returns in percent, the y axis the number of periods per bin. The VaR
// and ES lines are drawn at the given values as returns (a loss is negative), labelled in the
// legend and at the top of each line. Caller's contract: GUI thread; setData() copies.

#include "risk_chart_view.h"

#include <span>
#include <vector>

class QAreaSeries;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

namespace marketlens::ui {

class ReturnHistogramView : public RiskChartView {
    Q_OBJECT
public:
    explicit ReturnHistogramView(QWidget* parent = nullptr);

    // `varReturn`/`esReturn` as returns (negative for a loss; NaN hides the line); `label`
    // names the confidence and method, e.g. "95 %, historical".
    void setData(
        std::span<const double> returns, double varReturn, double esReturn, const QString& label);
    void clear();
    // 0 (default): ceil(sqrt(n)) bins, between 10 and 80.
    void setBinCount(int bins);

    // Equal-width bin counts of `returns` over [min, max]; `lo` and `width` receive the first
    // bin's lower edge and the bin width.
    static std::vector<int> binReturns(
        std::span<const double> returns, int bins, double* lo = nullptr, double* width = nullptr);

    // What is shown (tests): counts per bin, the first edge and width (as returns), line positions.
    const std::vector<int>& binCounts() const { return m_counts; }
    double binLow() const { return m_lo; }
    double binWidth() const { return m_width; }
    double varLineX() const; // as a return; NaN when hidden
    double esLineX() const;

protected:
    QString valueText(QPointF value) const override;

private:
    void rebuild();
    void placeLabels();

    std::vector<double> m_returns;
    double m_var = 0.0, m_es = 0.0;
    QString m_label;
    int m_requestedBins = 0;
    std::vector<int> m_counts;
    double m_lo = 0.0, m_width = 0.0;
    QAreaSeries* m_area = nullptr;
    QLineSeries* m_upper = nullptr;
    QLineSeries* m_varLine = nullptr;
    QLineSeries* m_esLine = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QGraphicsSimpleTextItem* m_varText = nullptr;
    QGraphicsSimpleTextItem* m_esText = nullptr;
};

} // namespace marketlens::ui
