#include "loss_chart_view.h"

#include "ui/risk/risk_palette.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

LossChartView::LossChartView(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisX = new QValueAxis;
    m_axisY = new QValueAxis;
    m_axisX->setTitleText(tr("Epoch"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTitleText(tr("Loss"));
    m_axisY->setLabelFormat(QStringLiteral("%.3f"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    m_train = new QLineSeries;
    m_train->setName(tr("Training loss"));
    m_train->setPen(QPen(risk::seriesColor(0), 2.0));
    m_train->setPointsVisible(true);
    m_val = new QLineSeries;
    m_val->setName(tr("Validation loss"));
    m_val->setPen(QPen(risk::seriesColor(1), 2.0));
    m_val->setPointsVisible(true);
    for (QLineSeries* s : {m_train, m_val}) {
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    setMinimumSize(320, 200);
    reset(10);
    connectLegendMarkers();
}

void LossChartView::reset(int epochs)
{
    m_epochs = std::max(epochs, 1);
    m_lastEpoch = 0;
    m_lo = std::numeric_limits<double>::infinity();
    m_hi = -m_lo;
    m_train->clear();
    m_val->clear();
    fitAxes();
    setPlaceholderText(tr("The losses appear after the first epoch"));
}

void LossChartView::addEpochs(const std::vector<models::EpochRecord>& epochs)
{
    if (epochs.empty())
        return;
    for (const auto& e : epochs) {
        // A backtest refits: a new run starts again at epoch 1.
        if (e.epoch <= m_lastEpoch) {
            m_train->clear();
            m_val->clear();
            m_lo = std::numeric_limits<double>::infinity();
            m_hi = -m_lo;
        }
        m_lastEpoch = e.epoch;
        if (std::isfinite(e.trainLoss)) {
            m_train->append(e.epoch, e.trainLoss);
            m_lo = std::min(m_lo, e.trainLoss);
            m_hi = std::max(m_hi, e.trainLoss);
        }
        if (std::isfinite(e.valLoss) && e.valLoss >= 0) {
            m_val->append(e.epoch, e.valLoss);
            m_lo = std::min(m_lo, e.valLoss);
            m_hi = std::max(m_hi, e.valLoss);
        }
    }
    setPlaceholderText(QString());
    fitAxes();
}

void LossChartView::setHistory(const std::vector<models::EpochRecord>& history, int epochs)
{
    reset(std::max(epochs, int(history.size())));
    addEpochs(history);
}

void LossChartView::fitAxes()
{
    const int span = std::max(m_epochs, m_lastEpoch);
    m_axisX->setRange(0.5, span + 0.5);
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(1.0);
    m_axisX->setTickInterval(std::max(1.0, niceStep(span / 8.0)));
    if (std::isfinite(m_lo))
        fitValueAxis(m_axisY, m_lo, m_hi, 0.08);
    else
        fitValueAxis(m_axisY, 0.0, 1.0, 0.0);
}

QString LossChartView::valueText(QPointF value) const
{
    return tr("Epoch %1: loss %2")
        .arg(std::lround(value.x()))
        .arg(QLocale().toString(value.y(), 'f', 4));
}

} // namespace marketlens::ui
