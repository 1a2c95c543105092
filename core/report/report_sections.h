#pragma once
// Internal to core/report (report_builder.cpp, report_sections_*.cpp): the table of report
// sections, the state the section builders share while one report is built, and the
// locale-independent number formats every table uses.
//
// Adding a section (sentiment, signals): write `Result<bool> buildX(ReportContext&, Section&)` in
// its own report_sections_x.cpp, declare it below and add one row to sectionTable() in
// report_builder.cpp at the place the section belongs in the report. A builder fills the
// section's blocks and returns whether it had real content; when it has none it still writes one
// sentence saying so (kept when the section was asked for by id, dropped otherwise). It returns an
// Error only for failures that stop the whole report (Cancelled, a database error).

#include "core/progress.h"
#include "core/project_store.h"
#include "core/report/report_builder.h"
#include "core/report/report_document.h"
#include "core/result.h"
#include "core/risk/risk_report.h"
#include "core/types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core::report {

struct ReportContext {
    ReportContext(ProjectStore& s, const ReportOptions& o)
        : store(s)
        , options(o)
    {
    }

    ProjectStore& store;
    const ReportOptions& options;
    bool explicitSections = false; // the caller named the sections
    std::vector<InstrumentInfo> instruments;
    std::vector<Portfolio> portfolios;
    std::optional<Portfolio> portfolio; // the report's portfolio; nullopt when the project has none

    // The risk run (computed or reused on first use, see ensureRisk()).
    risk::RiskRunOptions riskOptions; // options.risk with the report's portfolio
    bool riskDone = false;
    std::optional<risk::RiskReport> risk;
    bool riskReused = false; // the latest stored run was used
    std::string riskError; // why there is no risk run (shown in the risk and charts sections)

    // Progress of the whole build in units; the risk run gets kRiskUnits of them.
    Progress progress;
    std::int64_t done = 0, total = 0;
    bool step(std::int64_t units); // advances and reports; false = cancelled
};

inline constexpr std::int64_t kSectionUnits = 10;
inline constexpr std::int64_t kRiskUnits = 80;

// Computes (or reuses) the risk run once. Fails only when cancelled; any other risk error is
// kept in ctx.riskError for the sections to print.
Status ensureRisk(ReportContext& ctx);

using SectionBuilder = Result<bool> (*)(ReportContext& ctx, Section& section);
struct SectionSpec {
    const char* id;
    const char* title;
    SectionBuilder build;
    bool needsRisk; // the builder reads the risk run (progress reserves kRiskUnits for it)
};
const std::vector<SectionSpec>& sectionTable();

// Section builders.
Result<bool> buildSummary(ReportContext& ctx, Section& section);
Result<bool> buildHoldings(ReportContext& ctx, Section& section);
Result<bool> buildRisk(ReportContext& ctx, Section& section); // report_sections_risk.cpp
Result<bool> buildCharts(ReportContext& ctx, Section& section); // report_sections_charts.cpp
Result<bool> buildForecasts(ReportContext& ctx, Section& section); // report_sections_models.cpp
Result<bool> buildModels(ReportContext& ctx, Section& section); // report_sections_models.cpp
Result<bool> buildSentiment(ReportContext& ctx, Section& section); // report_sections_sentiment.cpp
Result<bool> buildSignals(ReportContext& ctx, Section& section); // report_sections_signals.cpp
// report_sections_signals.cpp: whether a model kind is a trading signal's ("signal_<key>"), and
// the one-line metrics summary of such a model's stored metrics JSON for its model card.
bool isSignalKind(const std::string& kind);
std::string signalMetricsSummary(const std::string& metricsJson);
Result<bool> buildConventions(ReportContext& ctx, Section& section);

// Locale-independent text of numbers ('.' decimal point, ASCII '-', no grouping), the same in
// PDF, HTML and tests. Non-finite values (and nullopt) give kMissingText.
inline constexpr const char* kMissingText = "\u2014"; // em dash
std::string fixed(double v, int decimals);
std::string fixed(const std::optional<double>& v, int decimals);
std::string percent(double fraction, int decimals = 2); // 0.0123 -> "1.23 %"
std::string percent(const std::optional<double>& fraction, int decimals = 2);
std::string confidenceText(double p); // 0.95 -> "95 %", 0.975 -> "97.5 %"
std::string quantityText(double v); // up to 6 decimals, trailing zeros dropped
std::string integerText(std::int64_t v);
std::string dateText(const std::optional<Date>& d); // ISO or kMissingText
std::string methodTitle(risk::RiskMethod m); // "Historical", "Gaussian", ...
std::string joinText(const std::vector<std::string>& items, const char* separator = ", ");

// Removes the named columns whose cells are all empty or kMissingText (instruments without names,
// portfolios without cost basis), so the report shows no columns of dashes.
void dropEmptyColumns(Table& table, const std::vector<std::string>& candidates);

} // namespace marketlens::core::report
