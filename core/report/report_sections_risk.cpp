// The risk section: VaR/ES per method and confidence, the measures table with the risk score,
// the score factors and component VaR, for every holding and the portfolio of the run.
#include "core/report/report_sections.h"

#include <cmath>

namespace marketlens::core::report {

namespace {

using namespace risk;

TableCell cell(std::string text, Tone tone = Tone::Normal)
{
    return TableCell {std::move(text), tone};
}

Tone zoneTone(ScoreZone z)
{
    switch (z) {
    case ScoreZone::Green:
        return Tone::Good;
    case ScoreZone::Amber:
        return Tone::Warning;
    case ScoreZone::Red:
        return Tone::Bad;
    }
    return Tone::Normal;
}

std::string portfolioLabel(const RiskReport& r)
{
    return r.portfolio.figures.ticker + " (portfolio)";
}

bool sameConfidence(double a, double b)
{
    return std::abs(a - b) < 1e-12;
}

Table tailTable(const RiskReport& r, double p)
{
    const RiskRunOptions& o = r.options;
    Table t;
    t.caption = "VaR and ES at " + confidenceText(p) + " confidence (one day)";
    t.columns = {"Series"};
    t.numeric = {false};
    for (RiskMethod m : o.methods) {
        t.columns.push_back("VaR " + methodTitle(m));
        t.columns.push_back("ES " + methodTitle(m));
        t.numeric.insert(t.numeric.end(), {true, true});
    }
    auto row = [&](const SeriesRisk& s, const std::string& label) {
        std::vector<TableCell> cells {cell(label)};
        for (RiskMethod m : o.methods) {
            const TailFigure* f = s.tail(m, p);
            cells.push_back(cell(f ? percent(f->var) : kMissingText));
            cells.push_back(cell(f ? percent(f->es) : kMissingText));
        }
        t.rows.push_back(std::move(cells));
    };
    for (const SeriesRisk& s : r.instruments)
        row(s, s.ticker);
    row(r.portfolio.figures, portfolioLabel(r));
    for (const TailFigure& f : r.portfolio.filteredHistorical)
        if (sameConfidence(f.confidence, p))
            t.footnote = "Portfolio, filtered historical simulation (GARCH(1,1) filter): VaR "
                + percent(f.var) + ", ES " + percent(f.es) + ".";
    return t;
}

Table measuresTable(const RiskReport& r)
{
    Table t;
    t.caption = "Risk measures";
    t.columns = {"Series", "Weight", "Volatility (ann.)", "Return (ann.)", "Max drawdown",
        "Sharpe (ann.)", "Sortino", "Beta", "Risk score"};
    t.numeric = {false, true, true, true, true, true, true, true, true};
    auto row = [&](const SeriesRisk& s, const std::string& label, std::optional<double> weight) {
        TableCell score = cell(kMissingText);
        if (s.score)
            score = cell(fixed(s.score->score, 0) + " " + scoreZoneName(s.score->zone),
                zoneTone(s.score->zone));
        t.rows.push_back({cell(label), cell(percent(weight)),
            cell(percent(s.volatility.sampleAnnualised)), cell(percent(s.annualisedReturn)),
            cell(percent(s.maxDrawdown)), cell(fixed(s.sharpe, 2)), cell(fixed(s.sortino, 3)),
            cell(fixed(s.beta, 2)), std::move(score)});
    };
    const PortfolioRisk& p = r.portfolio;
    for (std::size_t i = 0; i < r.instruments.size(); ++i)
        row(r.instruments[i], r.instruments[i].ticker,
            i < p.weights.size() ? std::optional<double>(p.weights[i]) : std::nullopt);
    row(p.figures, portfolioLabel(r), 1.0);
    std::string note = "Weight: share of the holding at the start of the run (before the first "
                       "return on "
        + dateText(r.firstDate) + "; " + constructionName(p.construction)
        + "); the holdings section shows the weights at the last prices. Max drawdown as a "
          "positive fraction of the peak. Sortino per period. ";
    note += r.options.benchmark.empty() ? "No benchmark, so no beta. "
                                        : "Beta to " + r.options.benchmark + ". ";
    note += "Risk score 0 (least) to 100 (most risky within the portfolio): green < 40, "
            "amber 40-70, red > 70.";
    t.footnote = note;
    return t;
}

Table scoreTable(const RiskReport& r)
{
    Table t;
    t.caption = "Risk score factors";
    t.columns = {"Ticker", "Score", "Why"};
    t.numeric = {false, true, false};
    for (const SeriesRisk& s : r.instruments)
        if (s.score)
            t.rows.push_back(
                {cell(s.ticker), cell(fixed(s.score->score, 0), zoneTone(s.score->zone)),
                    cell(s.score->explanation())});
    return t;
}

// One table per confidence: component VaR and its share of the total, per method.
std::vector<Table> componentTables(const RiskReport& r)
{
    std::vector<Table> tables;
    const PortfolioRisk& p = r.portfolio;
    for (double conf : r.options.confidences) {
        std::vector<const ComponentFigure*> figures;
        for (const ComponentFigure& c : p.components)
            if (sameConfidence(c.confidence, conf) && c.component.size() == p.tickers.size())
                figures.push_back(&c);
        if (figures.empty())
            continue;
        Table t;
        t.caption = "Component VaR at " + confidenceText(conf) + " (fixed initial weights)";
        t.columns = {"Ticker", "Weight"};
        t.numeric = {false, true};
        for (const ComponentFigure* c : figures) {
            t.columns.push_back("Component " + methodTitle(c->method));
            t.columns.push_back("Share " + methodTitle(c->method));
            t.numeric.insert(t.numeric.end(), {true, true});
        }
        for (std::size_t i = 0; i < p.tickers.size(); ++i) {
            std::vector<TableCell> row {cell(p.tickers[i]),
                cell(i < p.weights.size() ? percent(p.weights[i]) : kMissingText)};
            for (const ComponentFigure* c : figures) {
                row.push_back(cell(percent(c->component[i])));
                row.push_back(cell(percent(c->share[i], 1)));
            }
            t.rows.push_back(std::move(row));
        }
        std::vector<TableCell> total {cell("Total"), cell(percent(1.0))};
        for (const ComponentFigure* c : figures) {
            total.push_back(cell(percent(c->total)));
            total.push_back(cell(percent(1.0, 1)));
        }
        t.rows.push_back(std::move(total));
        t.footnote = "Euler decomposition: the components add up to the VaR of the holdings kept "
                     "at their initial weights.";
        tables.push_back(std::move(t));
    }
    return tables;
}

} // namespace

Result<bool> buildRisk(ReportContext& ctx, Section& section)
{
    if (!ctx.risk) {
        section.blocks.emplace_back(Paragraph {ctx.riskError, false});
        return true; // the reason is the content: a reader must see why there are no figures
    }
    const RiskReport& r = *ctx.risk;
    std::string intro = "Risk of " + r.portfolio.figures.ticker + " ("
        + joinText(r.portfolio.tickers) + "; " + constructionName(r.portfolio.construction)
        + "): " + integerText(std::int64_t(r.observations)) + " daily returns from "
        + dateText(r.firstDate) + " to " + dateText(r.lastDate) + ".";
    intro += ctx.riskReused ? " Figures of the stored risk run of " + r.createdAt + "."
                            : " Computed for this report.";
    section.blocks.emplace_back(Paragraph {std::move(intro), false});
    for (double p : r.options.confidences)
        section.blocks.emplace_back(tailTable(r, p));
    section.blocks.emplace_back(measuresTable(r));
    Table scores = scoreTable(r);
    if (!scores.rows.empty())
        section.blocks.emplace_back(std::move(scores));
    for (Table& t : componentTables(r))
        section.blocks.emplace_back(std::move(t));
    if (!r.warnings.empty())
        section.blocks.emplace_back(
            Paragraph {"Warnings: " + joinText(r.warnings, "; ") + ".", true});
    return true;
}

} // namespace marketlens::core::report
