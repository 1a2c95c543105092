#pragma once
// UnderwaterView: the drawdown ("underwater") curve of the portfolio: wealth over its running
// peak minus 1, an area below zero over the dates, with the maximum drawdown marked at its trough
// and annotated with its depth and dates. Caller's contract: GUI thread; setData() copies;
// `dates` (ms since the epoch, UTC, ascending) and `underwater` (<= 0) have the same length.

#include "risk_chart_view.h"

#include <span>
#include <vector>

class QAreaSeries;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace marketlens::ui {

class UnderwaterView : public RiskChartView {
    Q_OBJECT
public:
    explicit UnderwaterView(QWidget* parent = nullptr);

    // `peakMs`/`recoveryMs` of the worst episode (< 0 when unknown / not recovered) go into the
    // annotation; the trough is found in the data.
    void setData(std::span<const qint64> dates, std::span<const double> underwater,
        qint64 peakMs = -1, qint64 recoveryMs = -1);
    void clear();

    // What is shown (tests): the lowest plotted value (as a fraction), its date, the annotation.
    double minimumValue() const;
    qint64 troughMs() const { return m_troughMs; }
    QString annotation() const;
    int pointCount() const;

protected:
    QString valueText(QPointF value) const override;

private:
    void placeLabel();

    QLineSeries* m_upper = nullptr;
    QLineSeries* m_lower = nullptr;
    QAreaSeries* m_area = nullptr;
    QScatterSeries* m_trough = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QGraphicsSimpleTextItem* m_label = nullptr;
    qint64 m_troughMs = -1;
};

} // namespace marketlens::ui
