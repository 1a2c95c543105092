#include "forecast_chart_view.h"

#include "ui/risk/risk_palette.h"
#include "ui/locale_format.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {

const QColor kHistoryColor = seriesColor(0);
const QColor kForecastColor = seriesColor(1);
const QColor kNaiveColor(0x44, 0x44, 0x44);

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

// A series from the origin point followed by one point per horizon.
QList<QPointF> pathPoints(qint64 originMs, double origin, const std::vector<qint64>& dates,
    const std::vector<double>& values)
{
    QList<QPointF> points;
    points.reserve(qsizetype(values.size() + 1));
    points.append(QPointF(double(originMs), origin));
    const std::size_t n = std::min(dates.size(), values.size());
    for (std::size_t i = 0; i < n; ++i)
        points.append(QPointF(double(dates[i]), values[i]));
    return points;
}

QAreaSeries* band(
    const QString& name, const QList<QPointF>& lo, const QList<QPointF>& hi, const QColor& fill)
{
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->replace(hi);
    lower->replace(lo);
    auto* area = new QAreaSeries(upper, lower);
    upper->setParent(area); // deleted with the area when the chart removes it
    lower->setParent(area);
    area->setName(name);
    area->setBrush(fill);
    area->setPen(QPen(withAlpha(fill, std::min(255, fill.alpha() + 60)), 0.8));
    return area;
}

} // namespace

ForecastChartView::ForecastChartView(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisX = new QDateTimeAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%.2f"));
    m_axisY->setTitleText(tr("Price"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    clear(tr("Train a model or select one in the table to see its forecast"));
}

void ForecastChartView::clear(const QString& message)
{
    chart()->removeAllSeries();
    m_history = m_median = m_naive = nullptr;
    m_band80 = m_band95 = nullptr;
    m_data = {};
    chart()->setTitle(QString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    fitDateAxis(m_axisX, now - 365LL * 86400000LL, now);
    fitValueAxis(m_axisY, 0.0, 100.0, 0.0);
    // No made-up dates or prices behind the message.
    m_axisX->setVisible(false);
    m_axisY->setVisible(false);
    setPlaceholderText(message);
}

void ForecastChartView::setData(const ForecastChartData& d)
{
    if (d.historyDates.empty() || d.historyPrices.empty()) {
        clear(tr("No price history to show"));
        return;
    }
    chart()->removeAllSeries();
    m_history = m_median = m_naive = nullptr;
    m_band80 = m_band95 = nullptr;
    m_data = d;
    chart()->setTitle(d.title);

    QList<QPointF> history;
    const std::size_t n = std::min(d.historyDates.size(), d.historyPrices.size());
    history.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        history.append(QPointF(double(d.historyDates[i]), d.historyPrices[i]));
    const qint64 originMs = d.historyDates[n - 1];
    const double origin = d.historyPrices[n - 1];

    const bool haveForecast = !d.forecastDates.empty() && !d.median.empty();
    if (haveForecast && d.lo95.size() == d.median.size() && d.hi95.size() == d.median.size()) {
        m_band95 = band(tr("95 %"), pathPoints(originMs, origin, d.forecastDates, d.lo95),
            pathPoints(originMs, origin, d.forecastDates, d.hi95), withAlpha(kForecastColor, 45));
    }
    if (haveForecast && d.lo80.size() == d.median.size() && d.hi80.size() == d.median.size()) {
        m_band80 = band(tr("80 %"), pathPoints(originMs, origin, d.forecastDates, d.lo80),
            pathPoints(originMs, origin, d.forecastDates, d.hi80), withAlpha(kForecastColor, 90));
    }
    m_history = new QLineSeries;
    m_history->setName(tr("Price"));
    m_history->setPen(QPen(kHistoryColor, 1.5));
    m_history->replace(history);
    if (!d.naive.empty() && !d.forecastDates.empty()) {
        m_naive = new QLineSeries;
        m_naive->setName(tr("Naive"));
        QPen pen(kNaiveColor, 1.5, Qt::DashLine);
        m_naive->setPen(pen);
        m_naive->replace(pathPoints(originMs, origin, d.forecastDates, d.naive));
    }
    if (haveForecast) {
        m_median = new QLineSeries;
        m_median->setName(tr("Forecast"));
        m_median->setPen(QPen(kForecastColor, 2.2));
        m_median->replace(pathPoints(originMs, origin, d.forecastDates, d.median));
    }
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*> {
             m_band95, m_band80, m_history, m_naive, m_median}) {
        if (!s)
            continue;
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    fitAxes();
    m_axisX->setVisible(true);
    m_axisY->setVisible(true);
    setPlaceholderText(haveForecast ? QString() : tr("This model gave no forecast"));
    connectLegendMarkers();
}

int ForecastChartView::shownHistoryRows() const
{
    const int rows = int(std::min(m_data.historyDates.size(), m_data.historyPrices.size()));
    const int wanted = m_visibleHistory > 0
        ? m_visibleHistory
        : std::max(60, 15 * int(std::max<std::size_t>(m_data.forecastDates.size(), 1)));
    return std::min(rows, wanted);
}

void ForecastChartView::setVisibleHistory(int rows)
{
    m_visibleHistory = std::max(rows, 0);
    if (m_history)
        fitAxes();
}

void ForecastChartView::fitAxes()
{
    const std::size_t n = std::min(m_data.historyDates.size(), m_data.historyPrices.size());
    if (n == 0)
        return;
    const std::size_t from = n - std::size_t(shownHistoryRows());
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    const auto extend = [&](const std::vector<double>& values, std::size_t begin) {
        for (std::size_t i = begin; i < values.size(); ++i) {
            if (std::isfinite(values[i])) {
                lo = std::min(lo, values[i]);
                hi = std::max(hi, values[i]);
            }
        }
    };
    extend(m_data.historyPrices, from);
    for (const auto* v :
        {&m_data.median, &m_data.lo80, &m_data.hi80, &m_data.lo95, &m_data.hi95, &m_data.naive})
        extend(*v, 0);
    const qint64 first = m_data.historyDates[from];
    qint64 last = m_data.historyDates[n - 1];
    if (!m_data.forecastDates.empty())
        last = std::max(last, m_data.forecastDates.back());
    // A little room after the last forecast date so its end is not on the frame.
    fitDateAxis(m_axisX, first, last + std::max<qint64>((last - first) / 40, 86400000LL));
    if (last - first < 200LL * 86400000LL)
        m_axisX->setFormat(displayDateFormatForAxis());
    fitValueAxis(m_axisY, lo, hi, 0.05);
}

QString ForecastChartView::valueText(QPointF value) const
{
    return QStringLiteral("%1\n%2").arg(
        isoDate(qint64(value.x())), QLocale().toString(value.y(), 'f', 2));
}

FoldErrorsChart::FoldErrorsChart(QWidget* parent)
    : RiskChartView(parent)
{
    m_axisX = new QBarCategoryAxis;
    m_axisY = new QValueAxis;
    m_axisY->setTitleText(tr("MAE (price)"));
    m_axisY->setLabelFormat(QStringLiteral("%.2f"));
    m_axisX->setTitleText(tr("Fold (test period)"));
    risk::styleAxis(m_axisX);
    risk::styleAxis(m_axisY);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    clear(tr("Run a backtest to compare the model with the naive forecast fold by fold"));
}

void FoldErrorsChart::clear(const QString& message)
{
    chart()->removeAllSeries();
    m_modelSet = m_naiveSet = nullptr;
    m_labels.clear();
    m_axisX->clear();
    fitValueAxis(m_axisY, 0.0, 1.0, 0.0);
    chart()->setTitle(QString());
    setPlaceholderText(message);
}

void FoldErrorsChart::setData(const FoldErrorsData& d)
{
    const std::size_t n = std::min({d.labels.size(), d.modelMae.size(), d.naiveMae.size()});
    if (n == 0) {
        clear(tr("The backtest has no folds"));
        return;
    }
    chart()->removeAllSeries();
    m_axisX->clear();
    m_labels.assign(d.labels.begin(), d.labels.begin() + std::ptrdiff_t(n));
    chart()->setTitle(d.title);
    m_modelSet = new QBarSet(d.modelName.isEmpty() ? tr("Model") : d.modelName);
    m_naiveSet = new QBarSet(tr("Naive"));
    m_modelSet->setColor(kForecastColor);
    m_modelSet->setBorderColor(kForecastColor);
    m_naiveSet->setColor(QColor(0x9A, 0x9A, 0x9A));
    m_naiveSet->setBorderColor(QColor(0x9A, 0x9A, 0x9A));
    double hi = 0.0;
    QStringList categories;
    for (std::size_t i = 0; i < n; ++i) {
        const double m = std::isfinite(d.modelMae[i]) ? d.modelMae[i] : 0.0;
        const double b = std::isfinite(d.naiveMae[i]) ? d.naiveMae[i] : 0.0;
        m_modelSet->append(m);
        m_naiveSet->append(b);
        hi = std::max({hi, m, b});
        categories << QString::number(i + 1);
    }
    auto* series = new QBarSeries;
    series->append(m_modelSet);
    series->append(m_naiveSet);
    chart()->addSeries(series);
    m_axisX->append(categories);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    fitValueAxis(m_axisY, 0.0, hi, 0.08);
    m_axisY->setMin(0.0);
    setPlaceholderText(QString());
    connectLegendMarkers();
}

QString FoldErrorsChart::valueText(QPointF value) const
{
    const long i = std::lround(value.x());
    if (i < 0 || std::size_t(i) >= m_labels.size() || !m_modelSet || !m_naiveSet)
        return {};
    return tr("Fold %1: %2\nModel MAE %3, naive MAE %4")
        .arg(i + 1)
        .arg(m_labels[std::size_t(i)], QLocale().toString(m_modelSet->at(int(i)), 'f', 3),
            QLocale().toString(m_naiveSet->at(int(i)), 'f', 3));
}

} // namespace marketlens::ui
