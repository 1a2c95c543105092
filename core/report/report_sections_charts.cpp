// The charts section: the portfolio's underwater drawdown, VaR/ES by method, the correlation
// heatmap of the holdings, and the rolling VaR backtest (returns, the VaR forecast, exceptions)
// with its Kupiec/Christoffersen table. Charts carry data; ui/report draws them.
#include "core/report/report_sections.h"

#include <cmath>
#include <limits>

namespace marketlens::core::report {

namespace {

using namespace risk;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TableCell cell(std::string text, Tone tone = Tone::Normal)
{
    return TableCell {std::move(text), tone};
}

std::vector<double> days(const std::vector<Date>& dates)
{
    std::vector<double> x;
    x.reserve(dates.size());
    for (Date d : dates)
        x.push_back(double(d.days()));
    return x;
}

Chart underwaterChart(const RiskReport& r)
{
    const PortfolioRisk& p = r.portfolio;
    Chart c;
    c.title = "Drawdown of " + p.figures.ticker + " (underwater)";
    c.yLabel = "Drawdown from the running peak";
    c.percentY = true;
    c.aspect = 0.35;
    ChartSeries s;
    s.name = "Drawdown";
    s.x = days(p.dates);
    s.y = p.underwater;
    s.style = ChartSeries::Style::Area;
    s.colour = 3;
    c.series.push_back(std::move(s));
    return c;
}

// Bars per method (categories), one series per (measure, confidence).
Chart tailBarsChart(const RiskReport& r)
{
    const PortfolioRisk& p = r.portfolio;
    Chart c;
    c.title = "VaR and ES of " + p.figures.ticker + " by method";
    c.yLabel = r.options.conventions.lossAsPositive ? "Loss (one day)" : "Return (one day)";
    c.timeAxis = false;
    c.percentY = true;
    c.aspect = 0.4;
    for (RiskMethod m : r.options.methods)
        c.categories.push_back(methodTitle(m));
    const bool filtered = !p.filteredHistorical.empty();
    if (filtered)
        c.categories.push_back("Filtered historical");
    int colour = 0;
    for (double conf : r.options.confidences) {
        for (bool es : {false, true}) {
            ChartSeries s;
            s.name = std::string(es ? "ES " : "VaR ") + confidenceText(conf);
            s.style = ChartSeries::Style::Bars;
            s.colour = colour++;
            for (std::size_t i = 0; i < r.options.methods.size(); ++i) {
                const TailFigure* f = p.figures.tail(r.options.methods[i], conf);
                s.x.push_back(double(i));
                s.y.push_back(f ? (es ? f->es : f->var) : kNaN);
            }
            if (filtered) {
                double v = kNaN;
                for (const TailFigure& f : p.filteredHistorical)
                    if (std::abs(f.confidence - conf) < 1e-12)
                        v = es ? f.es : f.var;
                s.x.push_back(double(r.options.methods.size()));
                s.y.push_back(v);
            }
            c.series.push_back(std::move(s));
        }
    }
    return c;
}

Chart correlationChart(const RiskReport& r)
{
    Chart c;
    c.title = "Correlation of the holdings' returns (Pearson)";
    c.timeAxis = false;
    c.heatLabels = r.portfolio.tickers;
    c.matrix = r.portfolio.correlation;
    c.aspect = 1.0;
    return c;
}

// The chart of one backtest: portfolio returns, the VaR forecast (as a return, whatever the
// sign convention, so both lines share the axis) and the exceptions as points.
Chart backtestChart(const RiskReport& r, const BacktestFigure& b)
{
    const PortfolioRisk& p = r.portfolio;
    const VarBacktest& v = b.result;
    const double sign = r.options.conventions.lossAsPositive ? -1.0 : 1.0;
    Chart c;
    c.title = "VaR backtest at " + confidenceText(b.confidence) + " (" + riskMethodName(b.method)
        + ", rolling " + integerText(std::int64_t(r.options.window)) + " returns)";
    c.yLabel = "Daily return";
    c.percentY = true;
    c.aspect = 0.4;
    const std::vector<double> x = days(p.dates);
    ChartSeries returns {"Portfolio return", x, p.returns, ChartSeries::Style::Line, 0};
    ChartSeries forecast;
    forecast.name = "VaR " + confidenceText(b.confidence) + " forecast";
    forecast.x = x;
    forecast.style = ChartSeries::Style::Line;
    forecast.colour = 1;
    forecast.y.reserve(v.forecast.size());
    for (double f : v.forecast)
        forecast.y.push_back(std::isfinite(f) ? sign * f : kNaN);
    ChartSeries hits;
    hits.name = "Exceptions (" + integerText(std::int64_t(v.exceedances)) + ")";
    hits.style = ChartSeries::Style::Points;
    hits.colour = 3;
    for (std::size_t i = 0; i < v.hit.size() && i < p.returns.size() && i < x.size(); ++i)
        if (v.hit[i]) {
            hits.x.push_back(x[i]);
            hits.y.push_back(p.returns[i]);
        }
    c.series = {std::move(returns), std::move(forecast), std::move(hits)};
    return c;
}

Tone zoneTone(TrafficLight z)
{
    switch (z) {
    case TrafficLight::Green:
        return Tone::Good;
    case TrafficLight::Yellow:
        return Tone::Warning;
    case TrafficLight::Red:
        return Tone::Bad;
    }
    return Tone::Normal;
}

Table backtestTable(const RiskReport& r)
{
    Table t;
    t.caption = "VaR backtest of the portfolio";
    t.columns = {"Confidence", "Days", "Exceptions", "Expected", "Exception rate", "Kupiec LR",
        "Kupiec p", "Christoffersen LR", "Christoffersen p", "Basel zone"};
    t.numeric = {false, true, true, true, true, true, true, true, true, false};
    for (const BacktestFigure& b : r.portfolio.backtests) {
        const VarBacktest& v = b.result;
        const double rate
            = v.observations > 0 ? double(v.exceedances) / double(v.observations) : kNaN;
        t.rows.push_back(
            {cell(confidenceText(b.confidence)), cell(integerText(std::int64_t(v.observations))),
                cell(integerText(std::int64_t(v.exceedances))),
                cell(fixed(v.expectedRate * double(v.observations), 1)), cell(percent(rate)),
                cell(fixed(v.kupiec.statistic, 3)),
                cell(fixed(v.kupiec.pValue, 3), v.kupiec.pValue < 0.05 ? Tone::Bad : Tone::Normal),
                cell(fixed(v.independence.statistic, 3)),
                cell(fixed(v.independence.pValue, 3),
                    v.independence.pValue < 0.05 ? Tone::Bad : Tone::Normal),
                cell(trafficLightName(v.zone), zoneTone(v.zone))});
    }
    t.footnote = "An exception is a day whose return is below the VaR forecast from the "
                 "previous "
        + integerText(std::int64_t(r.options.window))
        + " returns. p < 0.05 "
          "rejects correct coverage (Kupiec) or independent exceptions (Christoffersen).";
    return t;
}

} // namespace

Result<bool> buildCharts(ReportContext& ctx, Section& section)
{
    if (!ctx.risk) {
        section.blocks.emplace_back(Paragraph {"No risk charts. " + ctx.riskError, false});
        return false;
    }
    const RiskReport& r = *ctx.risk;
    section.blocks.emplace_back(underwaterChart(r));
    section.blocks.emplace_back(tailBarsChart(r));
    if (r.portfolio.tickers.size() > 1
        && r.portfolio.correlation.size()
            == r.portfolio.tickers.size() * r.portfolio.tickers.size())
        section.blocks.emplace_back(correlationChart(r));
    for (const BacktestFigure& b : r.portfolio.backtests)
        section.blocks.emplace_back(backtestChart(r, b));
    if (!r.portfolio.backtests.empty())
        section.blocks.emplace_back(backtestTable(r));
    else
        section.blocks.emplace_back(Paragraph {"No VaR backtest: fewer returns than the window ("
                + integerText(std::int64_t(r.options.window)) + ").",
            true});
    return true;
}

} // namespace marketlens::core::report
