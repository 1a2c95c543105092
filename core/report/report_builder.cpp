// buildReport(): resolves the report's portfolio and sections, then runs the section builders of
// sectionTable() in order (the sections themselves are in report_sections_*.cpp). Also the risk
// run shared by the risk and charts sections, and the locale-independent number formats.
#include "core/report/report_builder.h"

#include "core/report/report_sections.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

namespace marketlens::core::report {

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The options of a run that decide its numbers, without the label, thread count and the
// portfolio/instrument choice (compared separately).
QJsonObject runShape(const risk::RiskRunOptions& o)
{
    QJsonObject j = risk::toJson(o);
    for (const char* key : {"name", "threads", "portfolio", "instruments", "weights"})
        j.remove(QLatin1String(key));
    return j;
}

// The date the run's initial weights were taken on: the first row of the aligned prices, i.e.
// for MissingPolicy::Drop the last date before the first return on which every series has a
// price, for ForwardFill the first date on which every series has one. nullopt when unknown.
std::optional<Date> initialWeightDate(const std::vector<PriceSeries>& series,
    const risk::RiskRunOptions& o, std::optional<Date> firstReturn)
{
    if (series.empty() || !firstReturn)
        return std::nullopt;
    std::set<std::int32_t> common([&] {
        std::set<std::int32_t> s;
        for (Date d : series.front().dates)
            s.insert(d.days());
        return s;
    }());
    for (std::size_t i = 1; i < series.size(); ++i) {
        std::set<std::int32_t> next;
        for (Date d : series[i].dates)
            if (common.count(d.days()))
                next.insert(d.days());
        common.swap(next);
    }
    if (o.missing == risk::MissingPolicy::ForwardFill)
        return common.empty() ? std::nullopt : std::optional<Date>(Date(*common.begin()));
    auto it = common.lower_bound(firstReturn->days());
    if (it == common.begin())
        return std::nullopt;
    return Date(*std::prev(it));
}

// True when `run` was computed for exactly the holdings of `portfolio` as they are now (tickers,
// and the initial weights their quantities or weights give). Any doubt = false (recompute).
bool sameHoldings(ProjectStore& store, const risk::RiskReport& run, const Portfolio& portfolio)
{
    const risk::PortfolioRisk& p = run.portfolio;
    if (p.tickers.size() != portfolio.holdings.size() || p.weights.size() != p.tickers.size())
        return false;
    std::vector<double> expected;
    const bool byQuantity = std::all_of(portfolio.holdings.begin(), portfolio.holdings.end(),
        [](const Holding& h) { return h.quantity.has_value(); });
    std::vector<PriceSeries> series;
    for (std::size_t i = 0; i < p.tickers.size(); ++i) {
        const Holding& h = portfolio.holdings[i];
        std::string upperTicker = h.ticker;
        for (char& c : upperTicker)
            c = char(std::toupper(static_cast<unsigned char>(c)));
        if (upperTicker != p.tickers[i])
            return false;
        if (!byQuantity) {
            if (!h.weight)
                return false;
            expected.push_back(*h.weight);
            continue;
        }
        auto s = store.prices(p.tickers[i], run.options.from, run.options.to);
        if (!s)
            return false;
        series.push_back(std::move(*s));
    }
    if (byQuantity) {
        std::vector<PriceSeries> aligned = series;
        if (!run.options.benchmark.empty()) {
            auto b = store.prices(run.options.benchmark, run.options.from, run.options.to);
            if (!b)
                return false;
            aligned.push_back(std::move(*b));
        }
        const auto d0 = initialWeightDate(aligned, run.options, run.firstDate);
        if (!d0)
            return false;
        for (std::size_t i = 0; i < series.size(); ++i) {
            const auto& dates = series[i].dates;
            auto it = std::lower_bound(dates.begin(), dates.end(), *d0);
            if (it == dates.end() || *it != *d0)
                return false;
            expected.push_back(*portfolio.holdings[i].quantity
                * series[i].valueAt(std::size_t(it - dates.begin())));
        }
    }
    double sum = 0.0;
    for (double w : expected)
        sum += w;
    if (!(std::abs(sum) > 0.0))
        return false;
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (!(std::abs(expected[i] / sum - p.weights[i]) <= 1e-9))
            return false;
    return true;
}

// The latest stored run when it fits the report (same portfolio, holdings, options and prices).
std::optional<risk::RiskReport> reusableRun(ReportContext& ctx)
{
    auto latest = risk::latestRiskRun(ctx.store);
    if (!latest || !latest->has_value())
        return std::nullopt;
    risk::RiskReport& run = **latest;
    risk::RiskRunOptions wanted = ctx.riskOptions;
    for (char& c : wanted.benchmark)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    if (run.options.portfolio != ctx.portfolio->name || !run.options.instruments.empty()
        || runShape(run.options) != runShape(wanted))
        return std::nullopt;
    auto stale = risk::isRiskRunStale(ctx.store, run);
    if (!stale || *stale || !sameHoldings(ctx.store, run, *ctx.portfolio))
        return std::nullopt;
    return std::move(run);
}

} // namespace

bool ReportContext::step(std::int64_t units)
{
    done = std::min(total, done + units);
    return reportProgress(progress, done, total);
}

Status ensureRisk(ReportContext& ctx)
{
    if (ctx.riskDone)
        return {};
    ctx.riskDone = true;
    const std::int64_t base = ctx.done;
    if (!ctx.portfolio) {
        ctx.riskError = "The project has no portfolio, so there are no risk figures.";
    } else if (auto reused = reusableRun(ctx)) {
        ctx.risk = std::move(*reused);
        ctx.riskReused = true;
    } else {
        Progress inner;
        if (ctx.progress) {
            inner = [&ctx, base](std::int64_t d, std::int64_t t) {
                const std::int64_t units = t > 0 ? kRiskUnits * std::min(d, t) / t : 0;
                return ctx.progress(base + units, ctx.total);
            };
        }
        auto run = risk::computeRiskReport(ctx.store, ctx.riskOptions, inner);
        if (run) {
            ctx.risk = std::move(*run);
        } else if (run.error().code == ErrorCode::Cancelled) {
            return run.error();
        } else {
            ctx.riskError = "The risk figures could not be computed: " + run.error().message;
            if (!ctx.riskError.empty() && ctx.riskError.back() != '.')
                ctx.riskError += '.';
        }
    }
    ctx.done = base;
    if (!ctx.step(kRiskUnits))
        return makeError(ErrorCode::Cancelled, "report cancelled");
    return {};
}

const std::vector<SectionSpec>& sectionTable()
{
    // Report order. New sections (sentiment, signals) are one row each; see report_sections.h.
    static const std::vector<SectionSpec> table {
        {"summary", "Project and data", &buildSummary, false},
        {"holdings", "Holdings", &buildHoldings, false},
        {"risk", "Risk", &buildRisk, true},
        {"charts", "Risk charts", &buildCharts, true},
        {"forecasts", "Forecasts against baselines", &buildForecasts, false},
        {"models", "Model cards", &buildModels, false},
        {"sentiment", "News sentiment", &buildSentiment, false},
        {"signals", "Trading signals", &buildSignals, false},
        {"conventions", "Conventions", &buildConventions, false},
    };
    return table;
}

const std::vector<std::string>& allSectionIds()
{
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v;
        for (const SectionSpec& s : sectionTable())
            v.emplace_back(s.id);
        return v;
    }();
    return ids;
}

Result<ReportDocument> buildReport(
    ProjectStore& store, const ReportOptions& options, const Progress& progress)
{
    // Which sections, in report order (the order of `options.sections` does not matter).
    const std::vector<SectionSpec>& table = sectionTable();
    std::vector<const SectionSpec*> chosen;
    for (const std::string& id : options.sections) {
        const std::string key = lower(id);
        auto it = std::find_if(
            table.begin(), table.end(), [&](const SectionSpec& s) { return key == s.id; });
        if (it == table.end())
            return makeError(ErrorCode::InvalidArgument,
                "unknown report section '" + id + "' (valid: " + joinText(allSectionIds()) + ")");
    }
    for (const SectionSpec& s : table) {
        const bool asked = options.sections.empty()
            || std::any_of(options.sections.begin(), options.sections.end(),
                [&](const std::string& id) { return lower(id) == s.id; });
        if (asked)
            chosen.push_back(&s);
    }
    if (!store.isOpen())
        return makeError(ErrorCode::InvalidArgument, "the project is not open");

    ReportContext ctx(store, options);
    ctx.explicitSections = !options.sections.empty();
    ctx.progress = progress;
    auto instruments = store.instruments();
    if (!instruments)
        return instruments.error();
    ctx.instruments = std::move(*instruments);
    auto portfolios = store.portfolios();
    if (!portfolios)
        return portfolios.error();
    ctx.portfolios = std::move(*portfolios);
    if (!options.portfolio.empty()) {
        for (const Portfolio& p : ctx.portfolios)
            if (!ctx.portfolio && p.name == options.portfolio)
                ctx.portfolio = p;
        for (const Portfolio& p : ctx.portfolios)
            if (!ctx.portfolio && lower(p.name) == lower(options.portfolio))
                ctx.portfolio = p;
        if (!ctx.portfolio) {
            std::vector<std::string> names;
            for (const Portfolio& p : ctx.portfolios)
                names.push_back(p.name);
            return makeError(ErrorCode::NotFound,
                "no portfolio named '" + options.portfolio + "' (the project has: "
                    + (names.empty() ? std::string("none") : joinText(names)) + ")");
        }
    } else if (!ctx.portfolios.empty()) {
        ctx.portfolio = ctx.portfolios.front();
    }
    std::int64_t priceCount = 0;
    for (const InstrumentInfo& i : ctx.instruments)
        priceCount += i.priceCount;
    if (priceCount == 0)
        return makeError(
            ErrorCode::BadData, "the project has no prices: import prices before making a report");

    // The report analyses its portfolio's holdings; instruments/weights of the risk options
    // would describe another portfolio, so they are dropped.
    ctx.riskOptions = options.risk;
    ctx.riskOptions.portfolio = ctx.portfolio ? ctx.portfolio->name : std::string();
    ctx.riskOptions.instruments.clear();
    ctx.riskOptions.weights.clear();

    bool needsRisk = false;
    for (const SectionSpec* s : chosen) {
        ctx.total += kSectionUnits;
        needsRisk = needsRisk || s->needsRisk;
    }
    if (needsRisk)
        ctx.total += kRiskUnits;
    if (!reportProgress(progress, 0, ctx.total))
        return makeError(ErrorCode::Cancelled, "report cancelled");

    ReportDocument doc;
    const std::string file
        = QFileInfo(QString::fromStdString(store.path())).completeBaseName().toStdString();
    doc.title = "MarketLens report: " + file;
    doc.generatedUtc = utcNowIso();
    doc.generator = options.generator;
    for (const SectionSpec* spec : chosen) {
        if (spec->needsRisk) {
            if (auto s = ensureRisk(ctx); !s)
                return s.error();
        }
        Section section;
        section.id = spec->id;
        section.title = spec->title;
        auto hasContent = spec->build(ctx, section);
        if (!hasContent)
            return hasContent.error();
        if (*hasContent || ctx.explicitSections)
            doc.sections.push_back(std::move(section));
        if (!ctx.step(kSectionUnits))
            return makeError(ErrorCode::Cancelled, "report cancelled");
    }

    // Subtitle: the portfolio and the dates the figures cover.
    std::string subtitle = ctx.portfolio ? "Portfolio " + ctx.portfolio->name : "No portfolio";
    if (ctx.risk && ctx.risk->firstDate && ctx.risk->lastDate) {
        subtitle
            += ", returns " + ctx.risk->firstDate->toIso() + " to " + ctx.risk->lastDate->toIso();
    } else {
        std::optional<Date> first, last;
        for (const InstrumentInfo& i : ctx.instruments) {
            if (i.firstDate && (!first || *i.firstDate < *first))
                first = i.firstDate;
            if (i.lastDate && (!last || *i.lastDate > *last))
                last = i.lastDate;
        }
        if (first && last)
            subtitle += ", prices " + first->toIso() + " to " + last->toIso();
    }
    doc.subtitle = subtitle;
    return doc;
}

// --- number formats ---

std::string fixed(double v, int decimals)
{
    if (!std::isfinite(v))
        return kMissingText;
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (r.ec != std::errc())
        return kMissingText;
    std::string s(buf, r.ptr);
    // "-0.00" reads as a loss that is not there.
    if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos)
        s.erase(0, 1);
    return s;
}

std::string fixed(const std::optional<double>& v, int decimals)
{
    return v ? fixed(*v, decimals) : std::string(kMissingText);
}

std::string percent(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return kMissingText;
    return fixed(fraction * 100.0, decimals) + " %";
}

std::string percent(const std::optional<double>& fraction, int decimals)
{
    return fraction ? percent(*fraction, decimals) : std::string(kMissingText);
}

std::string confidenceText(double p)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::round(p * 1e8) / 1e6);
    return std::string(buf, r.ptr) + " %";
}

std::string quantityText(double v)
{
    std::string s = fixed(v, 6);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s;
}

std::string integerText(std::int64_t v)
{
    return std::to_string(v);
}

std::string dateText(const std::optional<Date>& d)
{
    return d ? d->toIso() : std::string(kMissingText);
}

std::string methodTitle(risk::RiskMethod m)
{
    switch (m) {
    case risk::RiskMethod::Historical:
        return "Historical";
    case risk::RiskMethod::Gaussian:
        return "Gaussian";
    case risk::RiskMethod::Modified:
        return "Modified";
    case risk::RiskMethod::MonteCarlo:
        return "Monte Carlo";
    }
    return risk::riskMethodName(m);
}

std::string joinText(const std::vector<std::string>& items, const char* separator)
{
    std::string out;
    for (const std::string& s : items) {
        if (!out.empty())
            out += separator;
        out += s;
    }
    return out;
}

void dropEmptyColumns(Table& table, const std::vector<std::string>& candidates)
{
    for (std::size_t c = table.columns.size(); c-- > 0;) {
        if (std::find(candidates.begin(), candidates.end(), table.columns[c]) == candidates.end())
            continue;
        const bool empty = std::all_of(table.rows.begin(), table.rows.end(), [&](const auto& row) {
            return c >= row.size() || row[c].text.empty() || row[c].text == kMissingText;
        });
        if (!empty)
            continue;
        table.columns.erase(table.columns.begin() + std::ptrdiff_t(c));
        if (c < table.numeric.size())
            table.numeric.erase(table.numeric.begin() + std::ptrdiff_t(c));
        for (auto& row : table.rows)
            if (c < row.size())
                row.erase(row.begin() + std::ptrdiff_t(c));
    }
}

} // namespace marketlens::core::report
