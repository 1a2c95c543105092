#pragma once
// ReportDocument: the content of a MarketLens report (tear sheet) as plain data, independent of
// its output format. core/report/report_builder.h fills it from a project; ui/report renders the
// same document to a paginated vector PDF, a self-contained HTML file (charts as inline SVG) and
// preview page images. Nothing here knows about widgets, painting or torch.
//
// Contract:
// - Text is UTF-8 plain text (renderers escape it); no markup inside strings.
// - Numbers in tables are already formatted as text by the builder (locale-independent, '.'
//   decimal point), so PDF, HTML and the tests read exactly the same strings. A cell may carry a
//   `tone` for colouring (risk scores, "beats naive" verdicts).
// - Charts carry their data (not pictures): renderers draw them as vectors at any size.
//   Dates on chart x axes are core::Date days; NaN y values are gaps.

#include "core/date.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace marketlens::core::report {

enum class Tone { Normal, Good, Warning, Bad, Muted };

struct Paragraph {
    std::string text;
    bool note = false; // small print (footnotes, conventions)
};

struct KeyValues {
    std::vector<std::pair<std::string, std::string>> items; // "Project" -> "demo.mlens", ...
};

struct TableCell {
    std::string text;
    Tone tone = Tone::Normal;
};

struct Table {
    std::string caption; // may be empty
    std::vector<std::string> columns;
    std::vector<bool> numeric; // per column: right-aligned (empty = all text)
    std::vector<std::vector<TableCell>> rows;
    std::string footnote; // may be empty
};

struct ChartSeries {
    std::string name;
    std::vector<double> x; // Date days for time axes, else plain values / category index
    std::vector<double> y;
    // Line: a polyline (NaN breaks it); Area: filled to zero (drawdowns); Points: markers only
    // (VaR exceptions); Bars: one bar per x (categories).
    enum class Style { Line, Area, Points, Bars } style = Style::Line;
    int colour = 0; // index into the renderer's series palette
};

struct Chart {
    std::string title;
    std::string xLabel, yLabel;
    bool timeAxis = true; // x values are Date days
    bool percentY = false; // y values are fractions shown as percentages
    std::vector<ChartSeries> series;
    std::vector<std::string> categories; // Bars: labels of x = 0, 1, ...
    // Heatmap (correlation matrix): when non-empty the chart is a labelled square heatmap of
    // `matrix` (row-major, heatLabels.size() squared) on a diverging scale [-1, 1]; series unused.
    std::vector<std::string> heatLabels;
    std::vector<double> matrix;
    double aspect = 0.45; // height / width of the plot when rendered
};

using Block = std::variant<Paragraph, KeyValues, Table, Chart>;

struct Section {
    std::string id; // stable id ("summary", "holdings", "risk", ...) used by --sections
    std::string title;
    std::vector<Block> blocks;
};

struct ReportDocument {
    std::string title; // "MarketLens report: demo"
    std::string subtitle; // portfolio, date range
    std::string generatedUtc; // ISO 8601
    std::string generator; // "MarketLens 0.4.0"
    std::vector<Section> sections;
};

} // namespace marketlens::core::report
