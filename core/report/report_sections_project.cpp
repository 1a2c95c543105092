// Report sections about the project itself: summary (file, instruments, data sources,
// portfolios), holdings, and the conventions footnote.
#include "core/report/report_sections.h"

#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace marketlens::core::report {

namespace {

constexpr std::size_t kMaxInstrumentRows = 100; // beyond this the table is cut (footnote)

TableCell cell(std::string text, Tone tone = Tone::Normal)
{
    return TableCell {std::move(text), tone};
}

std::string importKindTitle(const std::string& kind)
{
    if (kind == "prices-long")
        return "prices (long)";
    if (kind == "prices-wide")
        return "prices (wide)";
    if (kind == "ohlcv")
        return "OHLCV";
    return kind;
}

std::string definedBy(const Portfolio& p)
{
    const bool q = std::all_of(p.holdings.begin(), p.holdings.end(),
        [](const Holding& h) { return h.quantity.has_value(); });
    const bool w = std::all_of(p.holdings.begin(), p.holdings.end(),
        [](const Holding& h) { return h.weight.has_value(); });
    if (p.holdings.empty())
        return kMissingText;
    return q ? "quantity" : w ? "weight" : "mixed";
}

const InstrumentInfo* findInstrument(const ReportContext& ctx, const std::string& ticker)
{
    std::string upper = ticker;
    for (char& c : upper)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    for (const InstrumentInfo& i : ctx.instruments)
        if (i.ticker == upper)
            return &i;
    return nullptr;
}

} // namespace

Result<bool> buildSummary(ReportContext& ctx, Section& section)
{
    auto version = ctx.store.schemaVersion();
    if (!version)
        return version.error();
    auto log = ctx.store.importLog();
    if (!log)
        return log.error();

    std::int64_t prices = 0;
    std::optional<Date> first, last;
    for (const InstrumentInfo& i : ctx.instruments) {
        prices += i.priceCount;
        if (i.firstDate && (!first || *i.firstDate < *first))
            first = i.firstDate;
        if (i.lastDate && (!last || *i.lastDate > *last))
            last = i.lastDate;
    }
    KeyValues facts;
    facts.items = {
        {"Project file",
            QFileInfo(QString::fromStdString(ctx.store.path())).fileName().toStdString()},
        {"Schema version", integerText(*version)},
        {"Instruments", integerText(std::int64_t(ctx.instruments.size()))},
        {"Prices (rows)", integerText(prices)},
        {"Price dates", dateText(first) + " to " + dateText(last)},
        {"Portfolios", integerText(std::int64_t(ctx.portfolios.size()))},
        {"Report portfolio", ctx.portfolio ? ctx.portfolio->name : std::string("none")},
        {"Imports", integerText(std::int64_t(log->size()))},
    };
    section.blocks.emplace_back(std::move(facts));

    Table inst;
    inst.caption = "Instruments";
    inst.columns = {"Ticker", "Name", "Currency", "Prices", "First date", "Last date"};
    inst.numeric = {false, false, false, true, false, false};
    for (const InstrumentInfo& i : ctx.instruments) {
        if (inst.rows.size() == kMaxInstrumentRows)
            break;
        inst.rows.push_back({cell(i.ticker), cell(i.name.empty() ? kMissingText : i.name),
            cell(i.currency.empty() ? kMissingText : i.currency), cell(integerText(i.priceCount)),
            cell(dateText(i.firstDate)), cell(dateText(i.lastDate))});
    }
    if (ctx.instruments.size() > kMaxInstrumentRows)
        inst.footnote = "First " + integerText(std::int64_t(kMaxInstrumentRows)) + " of "
            + integerText(std::int64_t(ctx.instruments.size())) + " instruments.";
    dropEmptyColumns(inst, {"Name", "Currency"});
    section.blocks.emplace_back(std::move(inst));

    if (log->empty()) {
        section.blocks.emplace_back(Paragraph {"No imports are recorded in the project.", false});
    } else {
        Table sources;
        sources.caption = "Data sources (import log)";
        sources.columns = {"File", "Kind", "Rows accepted", "Rows rejected", "Imported (UTC)",
            "SHA-256 (first 12)"};
        sources.numeric = {false, false, true, true, false, false};
        for (const ImportLogEntry& e : *log) {
            sources.rows.push_back(
                {cell(e.fileName), cell(importKindTitle(e.kind)), cell(integerText(e.rowsAccepted)),
                    cell(integerText(e.rowsRejected),
                        e.rowsRejected > 0 ? Tone::Warning : Tone::Normal),
                    cell(e.importedAt), cell(e.sha256.substr(0, 12))});
        }
        section.blocks.emplace_back(std::move(sources));
    }

    if (!ctx.portfolios.empty()) {
        Table ports;
        ports.caption = "Portfolios";
        ports.columns = {"Portfolio", "Base currency", "Holdings", "Defined by"};
        ports.numeric = {false, false, true, false};
        for (const Portfolio& p : ctx.portfolios)
            ports.rows.push_back(
                {cell(p.name), cell(p.baseCurrency.empty() ? kMissingText : p.baseCurrency),
                    cell(integerText(std::int64_t(p.holdings.size()))), cell(definedBy(p))});
        dropEmptyColumns(ports, {"Base currency"});
        section.blocks.emplace_back(std::move(ports));
    }
    return true;
}

Result<bool> buildHoldings(ReportContext& ctx, Section& section)
{
    if (!ctx.portfolio) {
        section.blocks.emplace_back(Paragraph {"The project has no portfolio.", false});
        return false;
    }
    const Portfolio& p = *ctx.portfolio;
    if (p.holdings.empty()) {
        section.blocks.emplace_back(Paragraph {"Portfolio " + p.name + " has no holdings.", false});
        return false;
    }
    const std::string by = definedBy(p);
    struct Row {
        const Holding* holding;
        const InstrumentInfo* info;
        std::optional<double> lastPrice;
        std::optional<Date> lastDate;
        std::optional<double> value;
        std::optional<double> weight;
    };
    std::vector<Row> rows;
    for (const Holding& h : p.holdings) {
        Row r {&h, findInstrument(ctx, h.ticker), {}, {}, {}, {}};
        if (r.info && r.info->lastDate) {
            auto s = ctx.store.prices(r.info->ticker, r.info->lastDate, r.info->lastDate);
            if (!s)
                return s.error();
            if (!s->empty() && std::isfinite(s->valueAt(0))) {
                r.lastPrice = s->valueAt(0);
                r.lastDate = s->dates.front();
            }
        }
        if (h.quantity && r.lastPrice)
            r.value = *h.quantity * *r.lastPrice;
        rows.push_back(r);
    }
    // Weights: by market value at each holding's last price, or the stated weights (scaled to
    // sum to 1 as the risk run does); none for a mixed portfolio.
    double sum = 0.0;
    bool complete = true;
    for (const Row& r : rows) {
        const std::optional<double> basis = by == "quantity" ? r.value : r.holding->weight;
        complete = complete && basis.has_value();
        sum += basis.value_or(0.0);
    }
    const bool weighted = (by == "quantity" || by == "weight") && complete && std::abs(sum) > 0;
    if (weighted)
        for (Row& r : rows)
            r.weight = (by == "quantity" ? *r.value : *r.holding->weight) / sum;

    Table t;
    t.caption = "Holdings of " + p.name;
    t.columns = {"Ticker", "Name", "Quantity", "Cost basis", "Last price", "Price date",
        "Market value", "Weight"};
    t.numeric = {false, false, true, true, true, false, true, true};
    std::set<std::int32_t> dates;
    double total = 0.0;
    for (const Row& r : rows) {
        const Holding& h = *r.holding;
        if (r.lastDate)
            dates.insert(r.lastDate->days());
        total += r.value.value_or(0.0);
        std::string name = r.info && !r.info->name.empty() ? r.info->name : kMissingText;
        t.rows.push_back({cell(r.info ? r.info->ticker : h.ticker), cell(std::move(name)),
            cell(h.quantity ? quantityText(*h.quantity) : kMissingText),
            cell(fixed(h.costBasis, 2)), cell(fixed(r.lastPrice, 2)), cell(dateText(r.lastDate)),
            cell(fixed(r.value, 2)), cell(percent(r.weight))});
    }
    t.rows.push_back({cell("Total"), cell(""), cell(""), cell(""), cell(""), cell(""),
        cell(by == "quantity" && complete ? fixed(total, 2) : kMissingText),
        cell(weighted ? percent(1.0) : kMissingText)});
    std::vector<std::string> notes;
    if (by == "quantity")
        notes.push_back("Weight = market value (quantity x last price) / total market value.");
    else if (by == "weight")
        notes.push_back("Weights as stated in the portfolio"
            + std::string(std::abs(sum - 1.0) > 1e-9 ? ", scaled to sum to 100 %." : "."));
    else
        notes.push_back("The portfolio mixes holdings given by quantity and by weight, so no "
                        "weights are shown.");
    if (dates.size() > 1)
        notes.push_back("The holdings' last prices are from different dates.");
    if (!complete && by != "mixed")
        notes.push_back("Some holdings have no price in the project.");
    t.footnote = joinText(notes, " ");
    dropEmptyColumns(t, {"Name", "Quantity", "Cost basis", "Market value"});
    section.blocks.emplace_back(std::move(t));
    return true;
}

Result<bool> buildConventions(ReportContext& ctx, Section& section)
{
    const risk::RiskRunOptions& o = ctx.risk ? ctx.risk->options : ctx.riskOptions;
    const risk::RiskConventions& c = o.conventions;
    section.blocks.emplace_back(
        Paragraph {ctx.risk ? ctx.risk->conventionsText : risk::conventionsStatement(o), true});
    KeyValues kv;
    kv.items = {
        {"Sign of VaR and ES",
            c.lossAsPositive ? "positive numbers are losses (a 2 % loss is 2.00 %)"
                             : "negative returns (a 2 % loss is -2.00 %), as PerformanceAnalytics"},
        {"Horizon", "one day (daily returns)"},
        {"Annualisation",
            fixed(c.periodsPerYear, 0) + " periods a year (volatility x sqrt("
                + fixed(c.periodsPerYear, 0) + "), geometric annual return)"},
        {"Return kind", o.returnKind == risk::ReturnKind::Log ? "log returns" : "simple returns"},
        {"Risk-free rate", "0 (Sharpe ratio of the geometric annual return; Sortino with MAR 0)"},
        {"Moments",
            c.sampleVariance ? "sample variance (n - 1) in Gaussian and modified VaR/ES"
                             : "population moments (n) in Gaussian and modified VaR/ES"},
        {"Missing prices",
            o.missing == risk::MissingPolicy::Drop ? "dates where every holding has a price"
                                                   : "forward-filled"},
        {"Portfolio", std::string(risk::constructionName(o.construction))},
        {"Monte Carlo",
            integerText(std::int64_t(o.scenarios)) + " scenarios, seed " + std::to_string(o.seed)},
        {"VaR backtest",
            std::string(risk::riskMethodName(o.backtestMethod)) + " VaR, rolling "
                + integerText(std::int64_t(o.window)) + " returns"},
    };
    if (ctx.risk) {
        kv.items.emplace_back("Risk run",
            ctx.riskReused ? "stored run of " + ctx.risk->createdAt + " (prices unchanged)"
                           : "computed for this report at " + ctx.risk->createdAt);
        kv.items.emplace_back("Data hash (SHA-256)", ctx.risk->dataHash);
    }
    kv.items.emplace_back("Numbers",
        "VaR, ES, volatility, returns and weights in percent with 2 decimals; '.' is the "
        "decimal point");
    section.blocks.emplace_back(std::move(kv));
    return true;
}

} // namespace marketlens::core::report
