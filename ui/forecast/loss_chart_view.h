#pragma once
// LossChartView: the training dialog's live chart of the training and validation loss per epoch
// (pinball loss on the scaled targets). Epochs arrive one or a few at a time from the worker's
// throttled updates; the axes follow. GUI thread only; never enables OpenGL.

#include "models/trainer.h"
#include "ui/risk/risk_chart_view.h"

#include <vector>

class QLineSeries;
class QValueAxis;

namespace marketlens::ui {

class LossChartView : public RiskChartView {
    Q_OBJECT
public:
    explicit LossChartView(QWidget* parent = nullptr);

    // Starts an empty chart for a run of `epochs` epochs.
    void reset(int epochs);
    void addEpochs(const std::vector<models::EpochRecord>& epochs);
    // Replaces everything with a complete history (the result of a run).
    void setHistory(const std::vector<models::EpochRecord>& history, int epochs);

    QLineSeries* trainSeries() const { return m_train; }
    QLineSeries* validationSeries() const { return m_val; }

protected:
    QString valueText(QPointF value) const override;

private:
    void fitAxes();

    QLineSeries* m_train = nullptr;
    QLineSeries* m_val = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    int m_epochs = 1;
    int m_lastEpoch = 0;
    double m_lo = 0.0, m_hi = 0.0;
};

} // namespace marketlens::ui
