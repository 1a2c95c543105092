// The correlation heatmap of the report charts: a square grid of cells on the diverging
// green-amber-red scale of ui/risk/risk_palette.h (-1 .. 1) with the values written in the cells
// when they fit, row and column labels (columns turned when the names are long) and the colour
// scale as discrete vector bands (a gradient could become a bitmap in some PDF viewers).
#include "ui/report/report_layout.h"

#include "ui/risk/risk_palette.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace marketlens::ui::report_detail {

using core::report::Chart;

namespace {

constexpr double kPad = 4.0;
constexpr int kScaleSteps = 24;

bool finite(double v)
{
    return std::isfinite(v);
}

void drawTextAt(QPainter& p, const QPointF& baseline, const QString& text)
{
    p.drawText(baseline, text);
}

struct HeatFrame {
    double titleH = 0.0;
    double labelW = 0.0; // row labels
    double cell = 0.0;
    bool rotatedColumns = false;
    double columnH = 0.0;
    double scaleW = 0.0;
    double left = 0.0; // offset of the row labels from the rect's left (centred)
};

HeatFrame heatFrame(const Chart& chart, double width, const QPaintDevice* device)
{
    HeatFrame f;
    const QFontMetricsF tick(
        reportFont(FontRole::ChartTick, device), const_cast<QPaintDevice*>(device));
    f.titleH = chartTitleHeight(chart, width, device);
    for (const std::string& label : chart.heatLabels)
        f.labelW = std::max(f.labelW, tick.horizontalAdvance(qstr(label)));
    f.labelW = std::min(f.labelW, 90.0);
    f.scaleW = 10.0 + 4.0 + tick.horizontalAdvance(QStringLiteral("-1.0"));
    const double n = double(std::max<std::size_t>(1, chart.heatLabels.size()));
    const double avail = width - f.labelW - 6.0 - 14.0 - f.scaleW;
    f.cell = std::clamp(avail / n, 6.0, 36.0);
    f.rotatedColumns = f.labelW > f.cell - 2.0;
    f.columnH = f.rotatedColumns ? f.labelW + 4.0 : tick.lineSpacing() + 2.0;
    const double used = f.labelW + 6.0 + f.cell * n + 14.0 + f.scaleW;
    f.left = std::max(0.0, (width - used) / 2.0);
    return f;
}

} // namespace

void paintHeatmap(QPainter& p, const QRectF& rect, const Chart& chart, const ReportTheme& theme)
{
    const HeatFrame f = heatFrame(chart, rect.width(), p.device());
    const QFont tickFont = reportFont(FontRole::ChartTick, p.device());
    const QFontMetricsF tickFm(tickFont, p.device());
    paintChartTitle(p, rect, chart, theme);
    const int n = int(chart.heatLabels.size());
    const double gridLeft = rect.left() + f.left + f.labelW + 6.0;
    const double gridTop = rect.top() + f.titleH + kPad;
    const bool valid = n > 0 && chart.matrix.size() == std::size_t(n) * std::size_t(n);
    p.setFont(tickFont);
    for (int i = 0; i < n; ++i) {
        const QString label
            = tickFm.elidedText(qstr(chart.heatLabels[std::size_t(i)]), Qt::ElideRight, f.labelW);
        const double w = tickFm.horizontalAdvance(label);
        const double cy = gridTop + (i + 0.5) * f.cell;
        p.setPen(theme.text);
        drawTextAt(p, QPointF(gridLeft - 6.0 - w, cy + tickFm.ascent() * 0.35), label);
        const double cx = gridLeft + (i + 0.5) * f.cell;
        const double below = gridTop + n * f.cell + 3.0;
        if (f.rotatedColumns) {
            p.save();
            p.translate(cx + tickFm.ascent() * 0.35, below);
            p.rotate(90.0); // reads top to bottom, starting under the column
            drawTextAt(p, QPointF(0.0, 0.0), label);
            p.restore();
        } else {
            drawTextAt(p, QPointF(cx - w / 2.0, below + tickFm.ascent()), label);
        }
    }
    if (valid) {
        QFont valueFont
            = reportFont(FontRole::HeatValue, p.device(), std::clamp(f.cell / 28.0, 0.6, 1.0));
        const QFontMetricsF valueFm(valueFont, p.device());
        const bool showValues = valueFm.horizontalAdvance(QStringLiteral("-0.00")) < f.cell - 2.0;
        p.setFont(valueFont);
        for (int r = 0; r < n; ++r) {
            for (int c = 0; c < n; ++c) {
                const double v = chart.matrix[std::size_t(r) * std::size_t(n) + std::size_t(c)];
                const QRectF cell(gridLeft + c * f.cell, gridTop + r * f.cell, f.cell, f.cell);
                const QColor colour = finite(v) ? risk::correlationColor(v) : theme.grid;
                p.setPen(QPen(theme.paper, 0.5));
                p.setBrush(colour);
                p.drawRect(cell);
                if (showValues) {
                    const QString text
                        = finite(v) ? QString::number(v, 'f', 2) : QStringLiteral("–");
                    const double w = valueFm.horizontalAdvance(text);
                    p.setPen(risk::readableTextColor(colour));
                    drawTextAt(p,
                        QPointF(cell.center().x() - w / 2.0,
                            cell.center().y() + valueFm.ascent() * 0.35),
                        text);
                }
            }
        }
        p.setBrush(Qt::NoBrush);
    }
    // Diverging scale: +1 at the top, -1 at the bottom, in discrete vector bands.
    const double scaleLeft = gridLeft + n * f.cell + 14.0;
    const double scaleH = std::max(40.0, n * f.cell);
    for (int i = 0; i < kScaleSteps; ++i) {
        const double rho = 1.0 - (i + 0.5) * 2.0 / kScaleSteps;
        const QRectF band(
            scaleLeft, gridTop + i * scaleH / kScaleSteps, 10.0, scaleH / kScaleSteps + 0.3);
        p.setPen(Qt::NoPen);
        p.setBrush(risk::correlationColor(rho));
        p.drawRect(band);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(theme.plotFrame, 0.5));
    p.drawRect(QRectF(scaleLeft, gridTop, 10.0, scaleH));
    p.setPen(theme.muted);
    p.setFont(tickFont);
    const struct {
        double rho;
        const char* text;
    } marks[] = {{1.0, "1.0"}, {0.0, "0.0"}, {-1.0, "-1.0"}};
    for (const auto& mark : marks) {
        const double py = gridTop + (1.0 - mark.rho) / 2.0 * scaleH;
        drawTextAt(p, QPointF(scaleLeft + 13.0, py + tickFm.ascent() * 0.35),
            QString::fromLatin1(mark.text));
    }
}

double heatmapHeight(const Chart& chart, double width)
{
    QImage device(1, 1, QImage::Format_RGB32);
    const HeatFrame f = heatFrame(chart, width, &device);
    const double n = double(chart.heatLabels.size());
    return f.titleH + kPad + std::max(40.0, f.cell * n) + f.columnH + kPad;
}

} // namespace marketlens::ui::report_detail
