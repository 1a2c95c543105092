// The report's one chart painter: line/area/points/bar series on a date, numeric or category x
// axis, and the correlation heatmap. It paints on any QPainter (PDF, SVG, preview image) with
// plain vector primitives and real text (drawText), never a bitmap, so the PDF stays vector and
// pdftotext finds every title and tick label.
#include "ui/report/report_chart_axes.h"
#include "ui/report/report_layout.h"
#include "ui/report/report_render.h"

#include "ui/chart_style.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace marketlens::ui {

using core::report::Chart;
using core::report::ChartSeries;
using namespace report_detail;

namespace {

constexpr double kPad = 4.0;
constexpr double kSwatch = 14.0;
constexpr double kLegendGap = 12.0;

bool finite(double v)
{
    return std::isfinite(v);
}

QImage measureDevice()
{
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(2835); // 72 dpi: reportFont() sizes fonts in logical units anyway
    image.setDotsPerMeterY(2835);
    return image;
}

// --- legend -----------------------------------------------------------------------------------

struct LegendItem {
    const ChartSeries* series = nullptr;
    QString name;
    QPointF at; // top-left of the entry, relative to the legend's top-left
};

struct Legend {
    std::vector<LegendItem> items;
    double height = 0.0;
};

Legend layoutLegend(const Chart& chart, double width, const QPaintDevice* device)
{
    Legend legend;
    const QFont font = reportFont(FontRole::ChartLabel, device);
    const QFontMetricsF fm(font, const_cast<QPaintDevice*>(device));
    double x = 0.0;
    int row = 0;
    for (const ChartSeries& s : chart.series) {
        if (s.name.empty())
            continue;
        const QString name = qstr(s.name);
        const double w = kSwatch + 4.0 + fm.horizontalAdvance(name);
        if (x > 0.0 && x + w > width) {
            x = 0.0;
            ++row;
        }
        legend.items.push_back({&s, name, QPointF(x, row * fm.lineSpacing())});
        x += w + kLegendGap;
    }
    if (!legend.items.empty())
        legend.height = (row + 1) * fm.lineSpacing() + 2.0;
    return legend;
}

// Area fills are the series colour blended with the paper, opaque: no transparency group in the
// PDF (some printers rasterise those) and the same look in every SVG renderer.
QColor areaFill(const QColor& colour, const QColor& paper)
{
    const auto mix = [](int a, int b) { return int(std::lround(a * 0.32 + b * 0.68)); };
    return QColor(mix(colour.red(), paper.red()), mix(colour.green(), paper.green()),
        mix(colour.blue(), paper.blue()));
}

void paintSwatch(QPainter& p, const QRectF& box, const ChartSeries& s, const QColor& paper)
{
    const QColor colour = seriesColor(s.colour);
    const double midY = box.center().y();
    switch (s.style) {
    case ChartSeries::Style::Line:
        p.setPen(QPen(colour, 1.6));
        p.drawLine(QPointF(box.left(), midY), QPointF(box.right(), midY));
        break;
    case ChartSeries::Style::Area: {
        p.setPen(QPen(colour, 0.8));
        p.setBrush(areaFill(colour, paper));
        p.drawRect(QRectF(box.left(), midY - 3.5, box.width(), 7.0));
        break;
    }
    case ChartSeries::Style::Points:
        p.setPen(QPen(paper, 0.4));
        p.setBrush(colour);
        p.drawEllipse(QPointF(box.center().x(), midY), 2.6, 2.6);
        break;
    case ChartSeries::Style::Bars:
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRect(QRectF(box.center().x() - 4.0, midY - 4.0, 8.0, 8.0));
        break;
    }
    p.setBrush(Qt::NoBrush);
}

// --- XY charts --------------------------------------------------------------------------------

struct XyFrame {
    double titleH = 0.0;
    Legend legend;
    double yTitleH = 0.0;
    double topPad = 0.0; // room for the top tick label, centred on the plot's top edge
    double plotH = 0.0;
    double xTicksH = 0.0;
    double xTitleH = 0.0;
    double total() const
    {
        return titleH + legend.height + yTitleH + topPad + plotH + xTicksH + xTitleH + kPad;
    }
};

XyFrame xyFrame(const Chart& chart, double width, const QPaintDevice* device)
{
    XyFrame f;
    const QFontMetricsF label(
        reportFont(FontRole::ChartLabel, device), const_cast<QPaintDevice*>(device));
    const QFontMetricsF tick(
        reportFont(FontRole::ChartTick, device), const_cast<QPaintDevice*>(device));
    f.titleH = chartTitleHeight(chart, width, device);
    f.legend = layoutLegend(chart, width, device);
    if (!chart.yLabel.empty())
        f.yTitleH = label.lineSpacing() + 1.0;
    f.topPad = tick.ascent() * 0.5 + 3.0;
    const double aspect = chart.aspect > 0.05 ? std::min(chart.aspect, 1.5) : 0.45;
    f.plotH = std::max(40.0, width * aspect);
    // Category labels may wrap onto a second line.
    f.xTicksH = tick.lineSpacing() * (chart.categories.empty() ? 1.0 : 2.0) + 4.0;
    if (!chart.xLabel.empty())
        f.xTitleH = label.lineSpacing() + 1.0;
    return f;
}

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (finite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    bool valid() const { return lo <= hi; }
};

void drawTextAt(QPainter& p, const QPointF& baseline, const QString& text)
{
    p.drawText(baseline, text);
}

// A dense, jagged series (ten years of daily returns on 16 cm): more than 1.5 points per point
// of width moving on average more than half a point up or down between neighbours. It is drawn
// as a hairline and before the other lines, so that its shape and the lines over it (a VaR
// forecast) stay readable instead of one solid band.
bool isNoisy(const ChartSeries& s, const std::function<QPointF(double, double)>& map)
{
    const std::size_t n = std::min(s.x.size(), s.y.size());
    if (n < 3)
        return false;
    const double span = std::fabs(map(s.x[n - 1], 0.0).x() - map(s.x[0], 0.0).x());
    if (!(span > 0.0) || double(n) / span <= 1.5)
        return false;
    double moves = 0.0;
    std::size_t steps = 0;
    for (std::size_t i = 1; i < n; ++i) {
        if (finite(s.y[i]) && finite(s.y[i - 1])) {
            moves += std::fabs(map(0.0, s.y[i]).y() - map(0.0, s.y[i - 1]).y());
            ++steps;
        }
    }
    return steps > 0 && moves / double(steps) > 0.5;
}

// Area series paint in two passes: the fill under the grid (`fillOnly`), the outline over it.
void paintSeries(QPainter& p, const ChartSeries& s, int barIndex, int barCount,
    const std::function<QPointF(double, double)>& map, double zeroY, const QColor& paper,
    bool fillOnly = false)
{
    const QColor colour = seriesColor(s.colour);
    const std::size_t n = std::min(s.x.size(), s.y.size());
    const bool dense = s.style == ChartSeries::Style::Line && isNoisy(s, map);
    switch (s.style) {
    case ChartSeries::Style::Line:
    case ChartSeries::Style::Area: {
        // One sub-path per run of finite points: NaN is a gap.
        QPainterPath line;
        QPainterPath area;
        bool open = false;
        QPointF first;
        QPointF last;
        auto closeRun = [&] {
            if (open) {
                area.lineTo(last.x(), zeroY);
                area.lineTo(first.x(), zeroY);
                area.closeSubpath();
            }
            open = false;
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (!finite(s.x[i]) || !finite(s.y[i])) {
                closeRun();
                continue;
            }
            const QPointF pt = map(s.x[i], s.y[i]);
            if (!open) {
                line.moveTo(pt);
                area.moveTo(pt.x(), zeroY);
                area.lineTo(pt);
                first = pt;
                open = true;
            } else {
                line.lineTo(pt);
                area.lineTo(pt);
            }
            last = pt;
        }
        closeRun();
        if (fillOnly) {
            p.setPen(Qt::NoPen);
            p.setBrush(areaFill(colour, paper));
            p.drawPath(area);
            p.setBrush(Qt::NoBrush);
            return;
        }
        QPen pen(colour, dense ? 0.5 : (s.style == ChartSeries::Style::Area ? 0.8 : 1.1));
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.drawPath(line);
        break;
    }
    case ChartSeries::Style::Points:
        p.setPen(QPen(paper, 0.5));
        p.setBrush(colour);
        for (std::size_t i = 0; i < n; ++i) {
            if (finite(s.x[i]) && finite(s.y[i]))
                p.drawEllipse(map(s.x[i], s.y[i]), 2.5, 2.5);
        }
        p.setBrush(Qt::NoBrush);
        break;
    case ChartSeries::Style::Bars: {
        const double slot = 0.8 / std::max(1, barCount);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        for (std::size_t i = 0; i < n; ++i) {
            if (!finite(s.x[i]) || !finite(s.y[i]))
                continue;
            const double x0 = s.x[i] - 0.4 + barIndex * slot;
            const QPointF a = map(x0 + slot * 0.08, s.y[i]);
            const QPointF b = map(x0 + slot * 0.92, 0.0);
            p.drawRect(QRectF(a, b).normalized());
        }
        p.setBrush(Qt::NoBrush);
        break;
    }
    }
}

void paintXyChart(QPainter& p, const QRectF& rect, const Chart& chart, const ReportTheme& theme)
{
    const XyFrame f = xyFrame(chart, rect.width(), p.device());
    const QFont labelFont = reportFont(FontRole::ChartLabel, p.device());
    const QFont tickFont = reportFont(FontRole::ChartTick, p.device());
    const QFontMetricsF tickFm(tickFont, p.device());
    const QFontMetricsF labelFm(labelFont, p.device());
    double y = rect.top();
    paintChartTitle(p, rect, chart, theme);
    y += f.titleH;
    if (!f.legend.items.empty()) {
        p.setFont(labelFont);
        for (const LegendItem& item : f.legend.items) {
            const QPointF at = rect.topLeft() + QPointF(item.at.x(), y - rect.top() + item.at.y());
            paintSwatch(
                p, QRectF(at.x(), at.y(), kSwatch, labelFm.height()), *item.series, theme.paper);
            p.setPen(theme.text);
            drawTextAt(p, QPointF(at.x() + kSwatch + 4.0, at.y() + labelFm.ascent()), item.name);
        }
        y += f.legend.height;
    }

    // Data ranges.
    const bool categorical = !chart.categories.empty();
    Range xr;
    Range yr;
    int barCount = 0;
    bool hasAreaOrBars = false;
    for (const ChartSeries& s : chart.series) {
        const std::size_t n = std::min(s.x.size(), s.y.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (finite(s.x[i]) && finite(s.y[i])) {
                xr.add(s.x[i]);
                yr.add(s.y[i]);
            }
        }
        barCount += s.style == ChartSeries::Style::Bars ? 1 : 0;
        hasAreaOrBars = hasAreaOrBars || s.style == ChartSeries::Style::Area
            || s.style == ChartSeries::Style::Bars;
    }
    if (hasAreaOrBars)
        yr.add(0.0);
    if (categorical) {
        xr.lo = -0.5;
        xr.hi = double(chart.categories.size()) - 0.5;
    }

    const double plotTop = y + f.yTitleH + f.topPad;
    if (!xr.valid() || !yr.valid()) {
        const QRectF box(rect.left(), plotTop, rect.width(), f.plotH);
        p.setPen(QPen(theme.plotFrame, 0.5));
        p.drawRect(box);
        p.setFont(labelFont);
        p.setPen(theme.muted);
        p.drawText(box, Qt::AlignCenter, QStringLiteral("No data"));
        return;
    }

    const int yTarget = std::max(3, int(f.plotH / 32.0));
    const AxisTicks yTicks = numericTicks(yr.lo, yr.hi, yTarget, chart.percentY);
    double labelW = 0.0;
    for (const QString& label : yTicks.labels)
        labelW = std::max(labelW, tickFm.horizontalAdvance(label));
    const QRectF plot(
        rect.left() + labelW + 6.0, plotTop, rect.width() - labelW - 6.0 - 6.0, f.plotH);

    AxisTicks xTicks;
    double xlo = xr.lo;
    double xhi = xr.hi;
    if (categorical) {
        for (std::size_t i = 0; i < chart.categories.size(); ++i) {
            xTicks.values.push_back(double(i));
            xTicks.labels.push_back(qstr(chart.categories[i]));
        }
    } else if (chart.timeAxis) {
        xTicks = dateTicks(xr.lo, xr.hi, std::max(2, int(plot.width() / 72.0)));
    } else {
        xTicks = numericTicks(xr.lo, xr.hi, std::max(2, int(plot.width() / 60.0)), false);
        xlo = xTicks.lo;
        xhi = xTicks.hi;
    }
    if (!(xhi > xlo)) {
        xlo -= 1.0;
        xhi += 1.0;
    }
    const double ylo = yTicks.lo;
    const double yhi = yTicks.hi;
    const auto map = [&](double xv, double yv) {
        return QPointF(plot.left() + (xv - xlo) / (xhi - xlo) * plot.width(),
            plot.bottom() - (yv - ylo) / (yhi - ylo) * plot.height());
    };

    // Y axis title above the plot (horizontal: readable and extractable as one string).
    if (f.yTitleH > 0.0) {
        p.setFont(labelFont);
        p.setPen(theme.muted);
        drawTextAt(p, QPointF(rect.left(), y + labelFm.ascent()),
            labelFm.elidedText(qstr(chart.yLabel), Qt::ElideRight, rect.width()));
    }

    // Area fills first: the grid stays visible over them.
    const double zeroY = map(xlo, std::clamp(0.0, ylo, yhi)).y();
    p.save();
    p.setClipRect(plot.adjusted(-1.0, -3.0, 1.0, 1.0));
    for (const ChartSeries& s : chart.series) {
        if (s.style == ChartSeries::Style::Area)
            paintSeries(p, s, 0, barCount, map, zeroY, theme.paper, true);
    }
    p.restore();

    // Grid and tick labels.
    p.setFont(tickFont);
    for (std::size_t i = 0; i < yTicks.values.size(); ++i) {
        const double py = map(xlo, yTicks.values[i]).y();
        p.setPen(QPen(theme.grid, 0.5));
        p.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
        p.setPen(theme.muted);
        const double w = tickFm.horizontalAdvance(yTicks.labels[i]);
        drawTextAt(
            p, QPointF(plot.left() - 4.0 - w, py + tickFm.ascent() * 0.35), yTicks.labels[i]);
    }
    const double slotW = categorical ? plot.width() / double(chart.categories.size()) : 0.0;
    double lastLabelRight = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < xTicks.values.size(); ++i) {
        const double px = map(xTicks.values[i], ylo).x();
        if (px < plot.left() - 0.5 || px > plot.right() + 0.5)
            continue;
        if (!categorical) {
            p.setPen(QPen(theme.grid, 0.5));
            p.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        }
        p.setPen(QPen(theme.plotFrame, 0.5));
        p.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 3.0));
        p.setPen(theme.muted);
        if (categorical) {
            const QStringList lines = wrapText(xTicks.labels[i], tickFont, p.device(), slotW - 2.0);
            for (int l = 0; l < std::min<int>(2, int(lines.size())); ++l) {
                const double w = tickFm.horizontalAdvance(lines[l]);
                drawTextAt(p,
                    QPointF(px - w / 2.0,
                        plot.bottom() + 4.0 + tickFm.ascent() + l * tickFm.lineSpacing()),
                    lines[l]);
            }
        } else {
            const double w = tickFm.horizontalAdvance(xTicks.labels[i]);
            const double left = std::clamp(px - w / 2.0, rect.left(), rect.right() - w);
            if (left < lastLabelRight + 4.0)
                continue; // never overprint a neighbour
            drawTextAt(p, QPointF(left, plot.bottom() + 4.0 + tickFm.ascent()), xTicks.labels[i]);
            lastLabelRight = left + w;
        }
    }
    if (f.xTitleH > 0.0) {
        p.setFont(labelFont);
        p.setPen(theme.muted);
        const QString xLabel = labelFm.elidedText(qstr(chart.xLabel), Qt::ElideRight, plot.width());
        const double w = labelFm.horizontalAdvance(xLabel);
        drawTextAt(p,
            QPointF(plot.center().x() - w / 2.0, plot.bottom() + f.xTicksH + labelFm.ascent()),
            xLabel);
    }

    // Series, clipped to the plot.
    p.save();
    p.setClipRect(plot.adjusted(-1.0, -3.0, 1.0, 1.0));
    int barIndex = 0;
    for (const ChartSeries& s : chart.series) {
        if (s.style == ChartSeries::Style::Bars) {
            paintSeries(p, s, barIndex++, barCount, map, zeroY, theme.paper);
        }
    }
    for (const ChartSeries& s : chart.series) {
        if (s.style == ChartSeries::Style::Area)
            paintSeries(p, s, 0, barCount, map, zeroY, theme.paper);
    }
    for (const bool noisyPass : {true, false}) {
        for (const ChartSeries& s : chart.series) {
            if (s.style == ChartSeries::Style::Line && isNoisy(s, map) == noisyPass)
                paintSeries(p, s, 0, barCount, map, zeroY, theme.paper);
        }
    }
    for (const ChartSeries& s : chart.series) {
        if (s.style == ChartSeries::Style::Points)
            paintSeries(p, s, 0, barCount, map, zeroY, theme.paper);
    }
    p.restore();

    // Axes: the zero line when the range crosses zero, then the frame's left and bottom edges.
    if (ylo < 0.0 && yhi > 0.0) {
        p.setPen(QPen(theme.muted, 0.6));
        p.drawLine(QPointF(plot.left(), zeroY), QPointF(plot.right(), zeroY));
    }
    p.setPen(QPen(theme.plotFrame, 0.7));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
}

} // namespace

double report_detail::chartTitleHeight(const Chart& chart, double width, const QPaintDevice* device)
{
    if (chart.title.empty())
        return 0.0;
    const QFont font = reportFont(FontRole::ChartTitle, device);
    const QStringList lines = wrapText(qstr(chart.title), font, device, width);
    return QFontMetricsF(font, const_cast<QPaintDevice*>(device)).lineSpacing()
        * double(lines.size())
        + 3.0;
}

void report_detail::paintChartTitle(
    QPainter& p, const QRectF& rect, const Chart& chart, const ReportTheme& theme)
{
    if (chart.title.empty())
        return;
    const QFont font = reportFont(FontRole::ChartTitle, p.device());
    const QFontMetricsF fm(font, p.device());
    p.setFont(font);
    p.setPen(theme.heading);
    const QStringList lines = wrapText(qstr(chart.title), font, p.device(), rect.width());
    for (qsizetype i = 0; i < lines.size(); ++i)
        drawTextAt(p, QPointF(rect.left(), rect.top() + fm.ascent() + double(i) * fm.lineSpacing()),
            lines[i]);
}

double report_detail::reportChartHeight(const Chart& chart, double width)
{
    if (!chart.heatLabels.empty())
        return heatmapHeight(chart, width);
    const QImage device = measureDevice();
    return xyFrame(chart, width, &device).total();
}

void report_detail::paintReportChart(
    QPainter& painter, const QRectF& rect, const Chart& chart, const ReportTheme& theme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (!chart.heatLabels.empty())
        paintHeatmap(painter, rect, chart, theme);
    else
        paintXyChart(painter, rect, chart, theme);
    painter.restore();
}

void paintReportChart(QPainter& painter, const QRectF& rect, const Chart& chart)
{
    report_detail::paintReportChart(painter, rect, chart, ReportTheme::light());
}

} // namespace marketlens::ui
