#include "risk_view_data.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace marketlens::ui {

namespace cr = core::risk;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameConfidence(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

// The strings of this file get their own translation context; lupdate files `RiskViewData::tr`
// calls under it (a free RiskViewData::tr() wrapper would be filed under a context nothing looks up).
struct RiskViewData {
    Q_DECLARE_TR_FUNCTIONS(RiskViewData)
};

QString explanationOf(const cr::HoldingScore& score)
{
    QStringList lines;
    for (const cr::FactorContribution& f : score.contributions) {
        lines << RiskViewData::tr("%1: %2 pts (rank %3 %, weight %4 %)")
                     .arg(QString::fromUtf8(cr::scoreFactorName(f.factor)))
                     .arg(QLocale().toString(f.points, 'f', 1))
                     .arg(QLocale().toString(f.percentile * 100.0, 'f', 0))
                     .arg(QLocale().toString(f.weight * 100.0, 'f', 0));
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

bool reportHasTail(const cr::RiskReport& report, cr::RiskMethod method, double confidence)
{
    return report.portfolio.figures.tail(method, confidence) != nullptr;
}

std::vector<qint64> reportDatesMs(const cr::RiskReport& report)
{
    std::vector<qint64> out;
    out.reserve(report.portfolio.dates.size());
    for (const core::Date& d : report.portfolio.dates)
        out.push_back(d.toMsecsSinceEpoch());
    return out;
}

double asReturn(const cr::RiskReport& report, double figure)
{
    return report.options.conventions.lossAsPositive ? -figure : figure;
}

HoldingRiskTable holdingRiskTable(
    const cr::RiskReport& report, cr::RiskMethod method, double confidence)
{
    HoldingRiskTable table;
    table.methodName = QString::fromUtf8(cr::riskMethodName(method));
    table.selectedConfidence = confidence;
    for (double p : report.options.confidences) {
        bool seen = false;
        for (double q : table.confidences)
            seen = seen || sameConfidence(p, q);
        if (!seen)
            table.confidences.push_back(p);
    }
    std::sort(table.confidences.begin(), table.confidences.end());
    const cr::PortfolioRisk& pf = report.portfolio;
    const cr::ComponentFigure* component = nullptr;
    for (const cr::ComponentFigure& c : pf.components) {
        if (c.method == method && sameConfidence(c.confidence, confidence))
            component = &c;
    }
    // Each holding's position in the portfolio's lists, by ticker: one lookup per row (a scan
    // per row was 25 million string comparisons, 0.3 s, for 5,000 holdings).
    std::unordered_map<std::string_view, std::vector<std::size_t>> positions;
    positions.reserve(pf.tickers.size());
    for (std::size_t i = 0; i < pf.tickers.size(); ++i)
        positions[pf.tickers[i]].push_back(i);
    const std::vector<std::size_t> none;
    table.rows.reserve(report.instruments.size());
    for (const cr::SeriesRisk& s : report.instruments) {
        HoldingRiskRow row;
        row.ticker = QString::fromStdString(s.ticker);
        row.weight = kNaN;
        row.componentVar = kNaN;
        row.componentShare = kNaN;
        const auto found = positions.find(s.ticker);
        for (const std::size_t i : found == positions.end() ? none : found->second) {
            if (i < pf.weights.size())
                row.weight = pf.weights[i];
            if (component && i < component->component.size()) {
                row.componentVar = component->component[i];
                row.componentShare = i < component->share.size() ? component->share[i] : kNaN;
            }
        }
        row.volatility = s.volatility.sampleAnnualised;
        for (double p : table.confidences) {
            const cr::TailFigure* t = s.tail(method, p);
            row.var.push_back(t ? t->var : kNaN);
            row.es.push_back(t ? t->es : kNaN);
        }
        row.maxDrawdown = s.maxDrawdown;
        row.beta = s.beta ? *s.beta : kNaN;
        row.score = s.score ? s.score->score : kNaN;
        if (s.score)
            row.scoreExplanation = explanationOf(*s.score);
        table.rows.push_back(std::move(row));
    }
    return table;
}

BacktestData backtestData(const cr::RiskReport& report, double confidence)
{
    BacktestData out;
    const cr::PortfolioRisk& pf = report.portfolio;
    const cr::BacktestFigure* best = nullptr;
    for (const cr::BacktestFigure& b : pf.backtests) {
        if (!best || std::abs(b.confidence - confidence) < std::abs(best->confidence - confidence))
            best = &b;
    }
    if (!best)
        return out;
    out.dates = reportDatesMs(report);
    out.returns = pf.returns;
    out.forecast.reserve(best->result.forecast.size());
    for (double f : best->result.forecast)
        out.forecast.push_back(std::isfinite(f) ? asReturn(report, f) : kNaN);
    out.hits = best->result.hit;
    out.observations = best->result.observations;
    out.exceedances = best->result.exceedances;
    out.expectedRate = best->result.expectedRate;
    out.kupiecLr = best->result.kupiec.statistic;
    out.kupiecP = best->result.kupiec.pValue;
    out.independenceLr = best->result.independence.statistic;
    out.independenceP = best->result.independence.pValue;
    out.zone = int(best->result.zone);
    out.label = RiskViewData::tr("%1, window %2")
                    .arg(selectionLabel(best->method, best->confidence))
                    .arg(report.options.window);
    return out;
}

std::vector<VolatilityLine> volatilityLines(const cr::RiskReport& report)
{
    const cr::PortfolioRisk& pf = report.portfolio;
    std::vector<VolatilityLine> lines;
    if (!pf.rollingSampleVol.empty())
        lines.push_back({RiskViewData::tr("Rolling %1 days").arg(report.options.window), pf.rollingSampleVol});
    if (!pf.ewmaVol.empty())
        lines.push_back({RiskViewData::tr("EWMA (λ 0.94)"), pf.ewmaVol});
    if (!pf.garchVol.empty())
        lines.push_back({RiskViewData::tr("GARCH(1,1)"), pf.garchVol});
    return lines;
}

QString methodTitle(cr::RiskMethod method)
{
    switch (method) {
    case cr::RiskMethod::Historical:
        return RiskViewData::tr("Historical");
    case cr::RiskMethod::Gaussian:
        return RiskViewData::tr("Gaussian");
    case cr::RiskMethod::Modified:
        return RiskViewData::tr("Modified (Cornish-Fisher)");
    case cr::RiskMethod::MonteCarlo:
        return RiskViewData::tr("Monte Carlo");
    }
    return {};
}

QString selectionLabel(cr::RiskMethod method, double confidence)
{
    return RiskViewData::tr("%1 %, %2")
        .arg(QLocale().toString(confidence * 100.0, 'g', 4),
            QString::fromUtf8(cr::riskMethodName(method)));
}

} // namespace marketlens::ui
