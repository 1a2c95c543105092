#include "backtest_view.h"

#include "risk_palette.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {
QString pValueText(double p)
{
    return p < 0.001 ? QStringLiteral("< 0.001") : QLocale().toString(p, 'f', 3);
}
} // namespace

BacktestChart::BacktestChart(QWidget* parent)
    : RiskChartView(parent)
{
    m_returns = new QScatterSeries;
    m_returns->setName(tr("Daily return"));
    m_returns->setMarkerSize(3.5);
    QColor grey = risk::kMutedColor;
    grey.setAlphaF(0.6);
    m_returns->setColor(grey);
    m_returns->setBorderColor(Qt::transparent);
    m_forecast = new QLineSeries;
    m_forecast->setName(tr("VaR forecast"));
    m_forecast->setPen(QPen(risk::seriesColor(0), 1.6));
    m_hits = new QScatterSeries;
    m_hits->setName(tr("Exceedance"));
    m_hits->setMarkerSize(6.5);
    m_hits->setColor(risk::kExceedanceColor);
    m_hits->setBorderColor(Qt::white);
    m_axisX = new QDateTimeAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.0f %")); // localized labels: no "%%" escape
    m_axisY->setTitleText(tr("Daily return"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(m_returns),
             static_cast<QAbstractSeries*>(m_forecast), static_cast<QAbstractSeries*>(m_hits)}) {
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    connectLegendMarkers();
    setData({});
}

void BacktestChart::setData(const BacktestData& data)
{
    const std::size_t n = std::min(data.dates.size(), data.returns.size());
    QList<QPointF> returns, forecast, hits;
    returns.reserve(qsizetype(n));
    forecast.reserve(qsizetype(n));
    double lo = 0.0, hi = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = double(data.dates[i]);
        const double r = data.returns[i];
        if (!std::isfinite(r))
            continue;
        returns.append(QPointF(x, r * 100.0));
        lo = std::min(lo, r * 100.0);
        hi = std::max(hi, r * 100.0);
        if (i < data.forecast.size() && std::isfinite(data.forecast[i])) {
            forecast.append(QPointF(x, data.forecast[i] * 100.0));
            lo = std::min(lo, data.forecast[i] * 100.0);
        }
        if (i < data.hits.size() && data.hits[i])
            hits.append(QPointF(x, r * 100.0));
    }
    m_returns->replace(returns);
    m_forecast->replace(forecast);
    m_hits->replace(hits);
    m_hits->setName(tr("Exceedances (%1)").arg(hits.size()));
    if (returns.isEmpty()) {
        fitDateAxis(m_axisX, QDateTime::currentMSecsSinceEpoch() - 365LL * 86400000LL,
            QDateTime::currentMSecsSinceEpoch());
        fitValueAxis(m_axisY, -5.0, 5.0, 0.0);
        setPlaceholderText(tr("Run the risk analysis to backtest the VaR forecast"));
        return;
    }
    fitDateAxis(m_axisX, qint64(returns.first().x()), qint64(returns.last().x()));
    fitValueAxis(m_axisY, lo, hi, 0.05);
    setPlaceholderText(QString());
}

int BacktestChart::exceedanceMarkerCount() const
{
    return int(m_hits->count());
}

int BacktestChart::returnPointCount() const
{
    return int(m_returns->count());
}

int BacktestChart::forecastPointCount() const
{
    return int(m_forecast->count());
}

QString BacktestChart::valueText(QPointF value) const
{
    const auto points = m_forecast->points();
    auto it = std::lower_bound(points.begin(), points.end(), value.x(),
        [](const QPointF& p, double x) { return p.x() < x; });
    if (it == points.end())
        return {};
    return tr("%1: VaR forecast %2 %")
        .arg(isoDate(qint64(it->x())))
        .arg(QLocale().toString(it->y(), 'f', 2));
}

BacktestView::BacktestView(QWidget* parent)
    : QWidget(parent)
    , m_chart(new BacktestChart(this))
{
    auto* panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("backtestPanel"));
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(8, 4, 4, 4);
    m_title = new QLabel(panel);
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_exceedances = new QLabel(panel);
    m_kupiec = new QLabel(panel);
    m_independence = new QLabel(panel);
    m_zone = new QLabel(panel);
    m_zone->setAlignment(Qt::AlignCenter);
    m_zone->setMargin(3);
    for (QLabel* l : {m_exceedances, m_kupiec, m_independence}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
    }
    auto* exLabel = new QLabel(tr("Exceedances"), panel);
    exLabel->setToolTip(tr("Days whose return fell below the VaR forecast, against the number "
                           "expected at this confidence"));
    auto* kuLabel = new QLabel(tr("Kupiec POF"), panel);
    kuLabel->setToolTip(tr("Kupiec's proportion-of-failures test: is the exceedance rate the "
                           "expected one? Likelihood ratio, chi-squared with 1 degree of freedom; "
                           "a p-value below 0.05 rejects the VaR model"));
    auto* chLabel = new QLabel(tr("Christoffersen"), panel);
    chLabel->setToolTip(tr("Christoffersen's independence test: do exceedances cluster? "
                           "Likelihood ratio, chi-squared with 1 degree of freedom"));
    auto* zoneLabel = new QLabel(tr("Basel zone"), panel);
    zoneLabel->setToolTip(tr("Basel traffic light from the binomial distribution of exceedances: "
                             "green below 95 %, yellow below 99.99 %, red above"));
    form->addRow(exLabel, m_exceedances);
    form->addRow(kuLabel, m_kupiec);
    form->addRow(chLabel, m_independence);
    form->addRow(zoneLabel, m_zone);
    m_note = new QLabel(panel);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #666;"));
    column->addWidget(m_title);
    column->addLayout(form);
    column->addWidget(m_note);
    column->addStretch(1);
    panel->setMinimumWidth(220);
    panel->setMaximumWidth(300);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    row->addWidget(m_chart, 1);
    row->addWidget(panel);
    clear();
}

QColor BacktestView::zoneColorOf(int zone)
{
    return zone <= 0 ? risk::kScaleLow : zone == 1 ? risk::kScaleMid : risk::kScaleHigh;
}

void BacktestView::setData(const BacktestData& data)
{
    m_chart->setData(data);
    if (data.observations == 0) {
        m_title->setText(tr("VaR backtest"));
        for (QLabel* l : {m_exceedances, m_kupiec, m_independence, m_zone})
            l->setText(QStringLiteral("–"));
        m_zone->setStyleSheet(QString());
        m_note->setText(tr("No backtest yet: the period must be longer than the window."));
        return;
    }
    m_title->setText(
        data.label.isEmpty() ? tr("VaR backtest") : tr("VaR backtest (%1)").arg(data.label));
    const double expected = double(data.observations) * data.expectedRate;
    m_exceedances->setText(tr("%1 of %2 days (expected %3)")
                               .arg(data.exceedances)
                               .arg(data.observations)
                               .arg(QLocale().toString(expected, 'f', 1)));
    m_kupiec->setText(
        tr("LR %1, p %2")
            .arg(QLocale().toString(data.kupiecLr, 'f', 2))
            .arg(pValueText(data.kupiecP)));
    m_independence->setText(
        tr("LR %1, p %2")
            .arg(QLocale().toString(data.independenceLr, 'f', 2))
            .arg(pValueText(data.independenceP)));
    const QString zoneName = data.zone <= 0 ? tr("Green")
        : data.zone == 1                    ? tr("Yellow")
                                            : tr("Red");
    m_zone->setText(zoneName);
    const QColor bg = zoneColorOf(data.zone);
    m_zone->setStyleSheet(QStringLiteral("background: %1; color: %2; border-radius: 3px;")
                              .arg(bg.name(), risk::readableTextColor(bg).name()));
    const bool rejected = data.kupiecP < 0.05 || data.independenceP < 0.05;
    m_note->setText(rejected ? tr("At the 5 % level the tests reject this VaR model.")
                             : tr("At the 5 % level the tests do not reject this VaR model."));
}

void BacktestView::clear()
{
    setData({});
}

QString BacktestView::exceedancesText() const
{
    return m_exceedances->text();
}
QString BacktestView::kupiecText() const
{
    return m_kupiec->text();
}
QString BacktestView::independenceText() const
{
    return m_independence->text();
}
QString BacktestView::zoneText() const
{
    return m_zone->text();
}
QColor BacktestView::zoneColor() const
{
    return zoneColorOf(m_zone->text() == tr("Red") ? 2 : m_zone->text() == tr("Yellow") ? 1 : 0);
}

} // namespace marketlens::ui
