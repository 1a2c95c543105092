#pragma once
// Internal to ui/report: the page layout shared by the PDF writer and the preview pages, the
// fonts and colours of a report, and the chart painter's sizing rule.
//
// Units: everything is laid out in PostScript points (1/72 inch) on an A4 page (595 x 842).
// The painter handed to paintReportPage() / paintReportChart() must map one logical unit to one
// point on paper (a QPdfWriter at 72 dpi as it is, a QImage with a scaled painter). Fonts come
// from reportFont(), which sizes them in logical units whatever the device's DPI, so text keeps
// its size relative to the geometry on every device and layout measured once holds everywhere.

#include "core/report/report_document.h"

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <variant>
#include <vector>

class QPainter;
class QPaintDevice;

namespace marketlens::ui::report_detail {

inline constexpr double kPageWidth = 595.0; // A4 in points (QPageSize::A4 sizePoints())
inline constexpr double kPageHeight = 842.0;
inline constexpr double kMarginX = 50.0;
inline constexpr double kMarginTop = 58.0; // below the running header
inline constexpr double kMarginBottom = 58.0; // above the footer
inline constexpr double kContentWidth = kPageWidth - 2.0 * kMarginX;

enum class FontRole {
    Title,
    Subtitle,
    Meta,
    Heading,
    Body,
    Note,
    Key,
    Caption,
    TableHeader,
    TableCell,
    Furniture, // running header and footer
    ChartTitle,
    ChartLabel, // axis titles, legend
    ChartTick,
    HeatValue,
};

// The font of `role` sized in logical units of a painter on `device` (see the units note above).
// `scale` shrinks it (wide tables).
QFont reportFont(FontRole role, const QPaintDevice* device, double scale = 1.0);

// Colours by meaning, resolved by the theme when painting (the preview may be dark).
enum class Ink { Text, Muted, Heading, Rule, Good, Warning, Bad };
enum class Fill { HeaderRow, Zebra, Good, Warning, Bad };

struct ReportTheme {
    bool dark = false;
    QColor paper, text, muted, heading, rule, grid, plotFrame;
    QColor headerRow, zebra, goodFill, warningFill, badFill;
    QColor goodInk, warningInk, badInk;
    static ReportTheme light();
    static ReportTheme darkTheme();
    QColor ink(Ink ink) const;
    QColor fill(Fill fill) const;
};

struct TextOp {
    QPointF baseline;
    QString text;
    FontRole role = FontRole::Body;
    Ink ink = Ink::Text;
    double scale = 1.0;
};
struct RectOp {
    QRectF rect;
    Fill fill = Fill::Zebra;
};
struct LineOp {
    QLineF line;
    Ink ink = Ink::Rule;
    double width = 0.5;
};
struct ChartOp {
    QRectF rect;
    const core::report::Chart* chart = nullptr; // points into the laid-out document
};
using PageOp = std::variant<TextOp, RectOp, LineOp, ChartOp>;

struct LaidOutPage {
    std::vector<PageOp> ops;
};

// Splits the document into pages (at least one). The pages point into `doc`, which must outlive
// them. Deterministic: the PDF and the preview get the same pages.
std::vector<LaidOutPage> layoutReport(const core::report::ReportDocument& doc);

// Paints page `index` (0-based) of `count`: paper, running header (title), footer (generation
// time, "Page n of N") and the page's content.
void paintReportPage(QPainter& painter, const core::report::ReportDocument& doc,
    const LaidOutPage& page, int index, int count, const ReportTheme& theme);

// The chart painter with a theme (the public paintReportChart() uses the light one).
void paintReportChart(QPainter& painter, const QRectF& rect, const core::report::Chart& chart,
    const ReportTheme& theme);
// A chart's title wrapped to `width`: its height (0 without a title) and its painting from the
// top of `rect` (shared by the XY charts and the heatmap).
double chartTitleHeight(const core::report::Chart& chart, double width, const QPaintDevice* device);
void paintChartTitle(QPainter& painter, const QRectF& rect, const core::report::Chart& chart,
    const ReportTheme& theme);

// The heatmap part of the chart painter (report_chart_heatmap.cpp).
void paintHeatmap(QPainter& painter, const QRectF& rect, const core::report::Chart& chart,
    const ReportTheme& theme);
double heatmapHeight(const core::report::Chart& chart, double width);
// Height the chart needs when drawn `width` wide (title, legend, plot at the chart's aspect,
// axes; heatmaps are square).
double reportChartHeight(const core::report::Chart& chart, double width);

// Lines of `text` wrapped to `width` in `font` (measured on `device`); '\n' starts a new line.
// Never empty: an empty text gives one empty line.
QStringList wrapText(
    const QString& text, const QFont& font, const QPaintDevice* device, double width);

// "2026-11-29T20:35:00Z" -> "2026-11-29 20:35 UTC"; other text is returned as it is.
QString displayTime(const std::string& isoUtc);
// "Generated 2026-11-29 20:35 UTC by MarketLens 0.4.0" (parts left out when the document lacks
// them; empty when it has neither).
QString generatedLine(const core::report::ReportDocument& doc);

inline QString qstr(const std::string& text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace marketlens::ui::report_detail
