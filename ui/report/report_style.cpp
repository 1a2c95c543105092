// The look of a report page (see report_layout.h): fonts, light and dark colours, text
// wrapping, and the painting of a laid-out page with its running header and footer.
#include "ui/report/report_layout.h"

#include "ui/chart_style.h"
#include "ui/risk/risk_palette.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace marketlens::ui::report_detail {

using namespace core::report;

namespace {

QColor blend(const QColor& a, const QColor& b, double t)
{
    const auto mix = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QString rightTrimmed(QString text)
{
    qsizetype n = text.size();
    while (n > 0 && text.at(n - 1).isSpace())
        --n;
    text.truncate(n);
    return text;
}
} // namespace

QFont reportFont(FontRole role, const QPaintDevice* device, double scale)
{
    double size = 9.5;
    bool bold = false;
    switch (role) {
    case FontRole::Title:
        size = 20.0, bold = true;
        break;
    case FontRole::Subtitle:
        size = 11.5;
        break;
    case FontRole::Meta:
        size = 8.0;
        break;
    case FontRole::Heading:
        size = 13.5, bold = true;
        break;
    case FontRole::Body:
        size = 9.5;
        break;
    case FontRole::Note:
        size = 7.5;
        break;
    case FontRole::Key:
        size = 9.0, bold = true;
        break;
    case FontRole::Caption:
        size = 9.0, bold = true;
        break;
    case FontRole::TableHeader:
        size = 8.0, bold = true;
        break;
    case FontRole::TableCell:
        size = 8.0;
        break;
    case FontRole::Furniture:
        size = 7.5;
        break;
    case FontRole::ChartTitle:
        size = 9.5, bold = true;
        break;
    case FontRole::ChartLabel:
        size = 7.5;
        break;
    case FontRole::ChartTick:
        size = 7.0;
        break;
    case FontRole::HeatValue:
        size = 7.0;
        break;
    }
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
        QStringLiteral("Liberation Sans"), QStringLiteral("Helvetica"), QStringLiteral("Arial")});
    font.setStyleHint(QFont::SansSerif);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(false); // advances independent of neighbours: measured widths hold everywhere
    const int dpi = device ? device->logicalDpiY() : 72;
    font.setPointSizeF(size * scale * 72.0 / double(dpi > 0 ? dpi : 72));
    font.setBold(bold);
    return font;
}

ReportTheme ReportTheme::light()
{
    ReportTheme t;
    t.paper = Qt::white;
    t.text = QColor(0x22, 0x22, 0x22);
    t.muted = QColor(0x5F, 0x5F, 0x5F);
    t.heading = QColor(0x12, 0x3A, 0x63);
    t.rule = QColor(0xB8, 0xB8, 0xB8);
    t.grid = kGridColor;
    t.plotFrame = QColor(0x80, 0x80, 0x80);
    t.headerRow = QColor(0xE6, 0xEC, 0xF3);
    t.zebra = QColor(0xF5, 0xF6, 0xF8);
    t.goodFill = blend(risk::kScaleLow, t.paper, 0.72);
    t.warningFill = blend(risk::kScaleMid, t.paper, 0.45);
    t.badFill = blend(risk::kScaleHigh, t.paper, 0.72);
    return t;
}

ReportTheme ReportTheme::darkTheme()
{
    ReportTheme t;
    t.dark = true;
    t.paper = QColor(0x1F, 0x21, 0x24);
    t.text = QColor(0xE4, 0xE4, 0xE4);
    t.muted = QColor(0xA6, 0xA6, 0xA6);
    t.heading = QColor(0x9C, 0xC3, 0xEE);
    t.rule = QColor(0x55, 0x57, 0x5B);
    t.grid = QColor(0x3A, 0x3D, 0x42);
    t.plotFrame = QColor(0x90, 0x90, 0x90);
    t.headerRow = QColor(0x2C, 0x35, 0x42);
    t.zebra = QColor(0x26, 0x28, 0x2C);
    t.goodFill = blend(risk::kScaleLow, t.paper, 0.6);
    t.warningFill = blend(QColor(0xB0, 0x8A, 0x20), t.paper, 0.55);
    t.badFill = blend(risk::kScaleHigh, t.paper, 0.6);
    return t;
}

QColor ReportTheme::ink(Ink ink) const
{
    switch (ink) {
    case Ink::Text:
        return text;
    case Ink::Muted:
        return muted;
    case Ink::Heading:
        return heading;
    case Ink::Rule:
        return rule;
    case Ink::Good:
        return risk::kScaleLow;
    case Ink::Warning:
        return QColor(0xB0, 0x7A, 0x00);
    case Ink::Bad:
        return risk::kScaleHigh;
    }
    return text;
}

QColor ReportTheme::fill(Fill fill) const
{
    switch (fill) {
    case Fill::HeaderRow:
        return headerRow;
    case Fill::Zebra:
        return zebra;
    case Fill::Good:
        return goodFill;
    case Fill::Warning:
        return warningFill;
    case Fill::Bad:
        return badFill;
    }
    return zebra;
}

QStringList wrapText(
    const QString& text, const QFont& font, const QPaintDevice* device, double width)
{
    QStringList out;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        if (paragraph.trimmed().isEmpty()) {
            out << QString();
            continue;
        }
        QTextLayout layout(paragraph, font, const_cast<QPaintDevice*>(device));
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(std::max(1.0, width));
            out << rightTrimmed(paragraph.mid(line.textStart(), line.textLength()));
        }
        layout.endLayout();
    }
    if (out.isEmpty())
        out << QString();
    return out;
}

QString displayTime(const std::string& isoUtc)
{
    const QString text = qstr(isoUtc);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return text;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString generatedLine(const ReportDocument& doc)
{
    QString line;
    if (!doc.generatedUtc.empty())
        line = QStringLiteral("Generated %1").arg(displayTime(doc.generatedUtc));
    if (!doc.generator.empty())
        line += (line.isEmpty() ? QStringLiteral("Generated by ") : QStringLiteral(" by "))
            + qstr(doc.generator);
    return line;
}

void paintReportPage(QPainter& painter, const ReportDocument& doc, const LaidOutPage& page,
    int index, int count, const ReportTheme& theme)
{
    const QPaintDevice* device = painter.device();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(0.0, 0.0, kPageWidth, kPageHeight), theme.paper);

    // Running header and footer.
    const QFont furniture = reportFont(FontRole::Furniture, device);
    const QFontMetricsF fm(furniture, const_cast<QPaintDevice*>(device));
    painter.setFont(furniture);
    painter.setPen(theme.muted);
    const double headerBase = kMarginTop - 20.0;
    const QString pageText = QStringLiteral("Page %1 of %2").arg(index + 1).arg(count);
    const double pageW = fm.horizontalAdvance(pageText);
    const QString title = fm.elidedText(qstr(doc.title), Qt::ElideRight, kContentWidth * 0.6);
    painter.drawText(QPointF(kMarginX, headerBase), title);
    if (!doc.subtitle.empty()) {
        const QString sub = fm.elidedText(
            qstr(doc.subtitle), Qt::ElideRight, kContentWidth - fm.horizontalAdvance(title) - 24.0);
        painter.drawText(
            QPointF(kMarginX + kContentWidth - fm.horizontalAdvance(sub), headerBase), sub);
    }
    painter.setPen(QPen(theme.rule, 0.5));
    painter.drawLine(
        QPointF(kMarginX, headerBase + 5.0), QPointF(kMarginX + kContentWidth, headerBase + 5.0));
    const double footerLine = kPageHeight - kMarginBottom + 16.0;
    painter.drawLine(QPointF(kMarginX, footerLine), QPointF(kMarginX + kContentWidth, footerLine));
    painter.setPen(theme.muted);
    const QString generated = generatedLine(doc);
    painter.drawText(QPointF(kMarginX, footerLine + 5.0 + fm.ascent()),
        fm.elidedText(generated, Qt::ElideRight, kContentWidth - pageW - 24.0));
    painter.drawText(
        QPointF(kMarginX + kContentWidth - pageW, footerLine + 5.0 + fm.ascent()), pageText);

    FontRole lastRole = FontRole::Furniture;
    double lastScale = -1.0;
    for (const PageOp& op : page.ops) {
        if (const auto* text = std::get_if<TextOp>(&op)) {
            if (text->role != lastRole || text->scale != lastScale) {
                painter.setFont(reportFont(text->role, device, text->scale));
                lastRole = text->role;
                lastScale = text->scale;
            }
            painter.setPen(theme.ink(text->ink));
            painter.drawText(text->baseline, text->text);
        } else if (const auto* rect = std::get_if<RectOp>(&op)) {
            painter.fillRect(rect->rect, theme.fill(rect->fill));
        } else if (const auto* line = std::get_if<LineOp>(&op)) {
            painter.setPen(QPen(theme.ink(line->ink), line->width));
            painter.drawLine(line->line);
        } else if (const auto* chart = std::get_if<ChartOp>(&op)) {
            paintReportChart(painter, chart->rect, *chart->chart, theme);
            lastScale = -1.0; // the chart changed the font
        }
    }
    painter.restore();
}

} // namespace marketlens::ui::report_detail
