// Page layout of a report (see report_layout.h): measures every block once on a 72-dpi image,
// splits the flow into A4 pages (headings kept with what follows, paragraphs split between lines,
// tables between rows with the header row repeated, charts kept whole) and records positioned
// drawing operations that the PDF writer and the preview paint identically.
#include "ui/report/report_layout.h"

#include "ui/chart_style.h"
#include "ui/risk/risk_palette.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace marketlens::ui::report_detail {

using namespace core::report;

namespace {

constexpr double kCellPadX = 4.0;
constexpr double kCellPadY = 2.5;
constexpr double kBlockGap = 9.0;
constexpr double kSectionGap = 16.0;

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

class Layouter {
public:
    explicit Layouter(const ReportDocument& doc) : m_doc(doc), m_device(1, 1, QImage::Format_RGB32)
    {
        m_device.setDotsPerMeterX(2835);
        m_device.setDotsPerMeterY(2835);
    }

    std::vector<LaidOutPage> run()
    {
        newPage();
        titleBlock();
        for (const Section& section : m_doc.sections) {
            heading(section);
            for (const Block& block : section.blocks) {
                std::visit([this](const auto& b) { place(b); }, block);
                m_y += kBlockGap;
            }
        }
        return std::move(m_pages);
    }

private:
    QFont font(FontRole role, double scale = 1.0) const { return reportFont(role, &m_device, scale); }
    QFontMetricsF metrics(FontRole role, double scale = 1.0) const
    {
        return QFontMetricsF(font(role, scale), const_cast<QImage*>(&m_device));
    }
    double lineSpacing(FontRole role, double scale = 1.0) const
    {
        return metrics(role, scale).lineSpacing();
    }
    QStringList wrap(const QString& text, FontRole role, double width, double scale = 1.0) const
    {
        return wrapText(text, font(role, scale), &m_device, width);
    }

    double bottom() const { return kPageHeight - kMarginBottom; }
    double remaining() const { return bottom() - m_y; }
    bool atTop() const { return m_y <= kMarginTop + 0.01; }
    void newPage()
    {
        m_pages.emplace_back();
        m_y = kMarginTop;
    }
    void ensure(double height)
    {
        if (remaining() < height && !atTop())
            newPage();
    }
    std::vector<PageOp>& ops() { return m_pages.back().ops; }

    // One line of text whose box starts at `top`.
    void textLine(double x, double top, const QString& text, FontRole role, Ink ink,
        double scale = 1.0)
    {
        ops().push_back(TextOp{QPointF(x, top + metrics(role, scale).ascent()), text, role, ink,
            scale});
    }

    // Wrapped lines that may continue on the next page (at least `keep` lines stay together).
    void flowLines(const QStringList& lines, double x, FontRole role, Ink ink, int keep = 2)
    {
        const double ls = lineSpacing(role);
        ensure(ls * std::min<qsizetype>(keep, lines.size()));
        for (const QString& line : lines) {
            ensure(ls);
            textLine(x, m_y, line, role, ink);
            m_y += ls;
        }
    }

    void titleBlock()
    {
        flowLines(wrap(qstr(m_doc.title), FontRole::Title, kContentWidth), kMarginX,
            FontRole::Title, Ink::Heading);
        m_y += 2.0;
        if (!m_doc.subtitle.empty()) {
            flowLines(wrap(qstr(m_doc.subtitle), FontRole::Subtitle, kContentWidth), kMarginX,
                FontRole::Subtitle, Ink::Text);
        }
        QString meta = QStringLiteral("Generated %1").arg(displayTime(m_doc.generatedUtc));
        if (!m_doc.generator.empty())
            meta += QStringLiteral(" by ") + qstr(m_doc.generator);
        m_y += 2.0;
        flowLines(wrap(meta, FontRole::Meta, kContentWidth), kMarginX, FontRole::Meta, Ink::Muted);
        m_y += 4.0;
        ops().push_back(LineOp{QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading,
            1.2});
        m_y += 6.0;
    }

    double firstPieceHeight(const Section& section) const
    {
        if (section.blocks.empty())
            return 0.0;
        const Block& block = section.blocks.front();
        if (const auto* chart = std::get_if<Chart>(&block))
            return std::min(reportChartHeight(*chart, kContentWidth), bottom() - kMarginTop - 40.0);
        if (const auto* table = std::get_if<Table>(&block))
            return (table->caption.empty() ? 0.0 : lineSpacing(FontRole::Caption) + 3.0)
                + 3.0 * (lineSpacing(FontRole::TableCell) + 2.0 * kCellPadY);
        return 2.0 * lineSpacing(FontRole::Body);
    }

    void heading(const Section& section)
    {
        const QStringList lines = wrap(qstr(section.title), FontRole::Heading, kContentWidth);
        const double ls = lineSpacing(FontRole::Heading);
        const double height = ls * double(lines.size()) + 8.0;
        if (!atTop())
            m_y += kSectionGap;
        if (remaining() < height + firstPieceHeight(section) && !atTop())
            newPage();
        for (const QString& line : lines) {
            textLine(kMarginX, m_y, line, FontRole::Heading, Ink::Heading);
            m_y += ls;
        }
        m_y += 2.0;
        ops().push_back(LineOp{QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Rule,
            0.6});
        m_y += 6.0;
    }

    void place(const Paragraph& p)
    {
        const FontRole role = p.note ? FontRole::Note : FontRole::Body;
        flowLines(wrap(qstr(p.text), role, kContentWidth), kMarginX, role,
            p.note ? Ink::Muted : Ink::Text);
    }

    void place(const KeyValues& kv)
    {
        const QFontMetricsF keyFm = metrics(FontRole::Key);
        double keyW = 0.0;
        for (const auto& [key, value] : kv.items)
            keyW = std::max(keyW, keyFm.horizontalAdvance(qstr(key)));
        keyW = std::min(keyW + 12.0, kContentWidth * 0.4);
        const double valueW = kContentWidth - keyW;
        const double ls = std::max(lineSpacing(FontRole::Key), lineSpacing(FontRole::Body));
        const double ascent = std::max(keyFm.ascent(), metrics(FontRole::Body).ascent());
        for (const auto& [key, value] : kv.items) {
            const QStringList keys = wrap(qstr(key), FontRole::Key, keyW - 8.0);
            const QStringList values = wrap(qstr(value), FontRole::Body, valueW);
            const double height = ls * double(std::max(keys.size(), values.size())) + 2.0;
            ensure(height);
            // Key and value share their baselines.
            for (qsizetype i = 0; i < keys.size(); ++i)
                ops().push_back(TextOp{QPointF(kMarginX, m_y + ascent + double(i) * ls), keys[i],
                    FontRole::Key, Ink::Muted});
            for (qsizetype i = 0; i < values.size(); ++i)
                ops().push_back(TextOp{QPointF(kMarginX + keyW, m_y + ascent + double(i) * ls),
                    values[i], FontRole::Body, Ink::Text});
            m_y += height;
        }
    }

    void place(const Chart& chart)
    {
        const double maxHeight = bottom() - kMarginTop;
        double width = kContentWidth;
        double height = reportChartHeight(chart, width);
        if (height > maxHeight) {
            width *= maxHeight / height * 0.98;
            height = reportChartHeight(chart, width);
        }
        ensure(height);
        ops().push_back(ChartOp{QRectF(kMarginX + (kContentWidth - width) / 2.0, m_y, width,
                                    height),
            &chart});
        m_y += height;
    }

    struct TableGeometry {
        double scale = 1.0;
        std::vector<double> widths;
    };

    TableGeometry tableGeometry(const Table& t) const
    {
        const std::size_t cols = t.columns.size();
        TableGeometry best;
        for (double scale : {1.0, 0.9, 0.8, 0.72}) {
            const QFontMetricsF cellFm = metrics(FontRole::TableCell, scale);
            const QFontMetricsF headFm = metrics(FontRole::TableHeader, scale);
            std::vector<double> natural(cols, 0.0);
            std::vector<double> minimum(cols, 0.0);
            const auto measure = [&](std::size_t c, const QString& text, const QFontMetricsF& fm) {
                natural[c] = std::max(natural[c], fm.horizontalAdvance(text) + 2.0 * kCellPadX);
                for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    minimum[c] = std::max(minimum[c],
                        std::min(120.0, fm.horizontalAdvance(word) + 2.0 * kCellPadX));
            };
            for (std::size_t c = 0; c < cols; ++c)
                measure(c, qstr(t.columns[c]), headFm);
            for (const auto& row : t.rows) {
                for (std::size_t c = 0; c < cols && c < row.size(); ++c)
                    measure(c, qstr(row[c].text), cellFm);
            }
            const double sumNatural = std::accumulate(natural.begin(), natural.end(), 0.0);
            const double sumMinimum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
            best.scale = scale;
            best.widths = natural;
            if (sumNatural <= kContentWidth) {
                // Spread the spare width in proportion: the table spans the text column.
                for (double& w : best.widths)
                    w += (kContentWidth - sumNatural) * w / sumNatural;
                return best;
            }
            if (sumMinimum <= kContentWidth && scale < 0.85) {
                const double slack = sumNatural - sumMinimum;
                for (std::size_t c = 0; c < cols; ++c)
                    best.widths[c] = minimum[c]
                        + (kContentWidth - sumMinimum) * (natural[c] - minimum[c]) / slack;
                return best;
            }
            if (scale < 0.75) {
                for (std::size_t c = 0; c < cols; ++c)
                    best.widths[c] = minimum[c] * kContentWidth / sumMinimum;
            }
        }
        return best;
    }

    // Lines of every cell of a row and the row's height.
    double rowLines(const std::vector<QString>& texts, const TableGeometry& g, FontRole role,
        std::vector<QStringList>& lines) const
    {
        lines.clear();
        int most = 1;
        for (std::size_t c = 0; c < g.widths.size(); ++c) {
            const QString text = c < texts.size() ? texts[c] : QString();
            lines.push_back(wrap(text, role, g.widths[c] - 2.0 * kCellPadX, g.scale));
            most = std::max(most, int(lines.back().size()));
        }
        return most * lineSpacing(role, g.scale) + 2.0 * kCellPadY;
    }

    void paintRow(const std::vector<QStringList>& lines, const Table& t, const TableGeometry& g,
        FontRole role, double height, const std::vector<Tone>* tones, bool zebra)
    {
        const double ls = lineSpacing(role, g.scale);
        const QFontMetricsF fm = metrics(role, g.scale);
        if (role == FontRole::TableHeader)
            ops().push_back(RectOp{QRectF(kMarginX, m_y, kContentWidth, height), Fill::HeaderRow});
        else if (zebra)
            ops().push_back(RectOp{QRectF(kMarginX, m_y, kContentWidth, height), Fill::Zebra});
        double x = kMarginX;
        for (std::size_t c = 0; c < g.widths.size(); ++c) {
            const bool numeric = t.numeric.size() > c && t.numeric[c];
            Ink ink = role == FontRole::TableHeader ? Ink::Heading : Ink::Text;
            if (tones && c < tones->size()) {
                const Tone tone = (*tones)[c];
                const QRectF cell(x, m_y, g.widths[c], height);
                if (tone == Tone::Good)
                    ops().push_back(RectOp{cell, Fill::Good});
                else if (tone == Tone::Warning)
                    ops().push_back(RectOp{cell, Fill::Warning});
                else if (tone == Tone::Bad)
                    ops().push_back(RectOp{cell, Fill::Bad});
                else if (tone == Tone::Muted)
                    ink = Ink::Muted;
            }
            for (qsizetype i = 0; i < lines[c].size(); ++i) {
                const QString& text = lines[c][i];
                const double w = fm.horizontalAdvance(text);
                const double tx = numeric ? x + g.widths[c] - kCellPadX - w : x + kCellPadX;
                textLine(tx, m_y + kCellPadY + double(i) * ls, text, role, ink, g.scale);
            }
            x += g.widths[c];
        }
        m_y += height;
    }

    void tableHeader(const Table& t, const TableGeometry& g, bool continued)
    {
        if (!t.caption.empty()) {
            QString caption = qstr(t.caption);
            if (continued)
                caption += QStringLiteral(" (continued)");
            textLine(kMarginX, m_y, caption, FontRole::Caption, Ink::Heading);
            m_y += lineSpacing(FontRole::Caption) + 3.0;
        }
        std::vector<QString> heads;
        for (const std::string& column : t.columns)
            heads.push_back(qstr(column));
        std::vector<QStringList> lines;
        const double height = rowLines(heads, g, FontRole::TableHeader, lines);
        paintRow(lines, t, g, FontRole::TableHeader, height, nullptr, false);
        ops().push_back(LineOp{QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading,
            0.8});
    }

    void place(const Table& t)
    {
        if (t.columns.empty()) {
            if (!t.caption.empty())
                place(Paragraph{t.caption, false});
            return;
        }
        const TableGeometry g = tableGeometry(t);
        std::vector<QString> heads;
        for (const std::string& column : t.columns)
            heads.push_back(qstr(column));
        std::vector<QStringList> lines;
        const double headH = rowLines(heads, g, FontRole::TableHeader, lines)
            + (t.caption.empty() ? 0.0 : lineSpacing(FontRole::Caption) + 3.0);
        std::vector<std::vector<QStringList>> rowText(t.rows.size());
        std::vector<double> rowH(t.rows.size());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            std::vector<QString> texts;
            for (const TableCell& cell : t.rows[r])
                texts.push_back(qstr(cell.text));
            rowH[r] = rowLines(texts, g, FontRole::TableCell, rowText[r]);
        }
        ensure(headH + (rowH.empty() ? 0.0 : rowH.front()));
        tableHeader(t, g, false);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            if (remaining() < rowH[r] && !atTop()) {
                ops().push_back(LineOp{QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y),
                    Ink::Heading, 0.8});
                newPage();
                tableHeader(t, g, true);
            }
            std::vector<Tone> tones;
            for (const TableCell& cell : t.rows[r])
                tones.push_back(cell.tone);
            paintRow(rowText[r], t, g, FontRole::TableCell, rowH[r], &tones, r % 2 == 1);
        }
        ops().push_back(LineOp{QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading,
            0.8});
        if (!t.footnote.empty()) {
            m_y += 3.0;
            flowLines(wrap(qstr(t.footnote), FontRole::Note, kContentWidth), kMarginX,
                FontRole::Note, Ink::Muted, 1);
        }
    }

    const ReportDocument& m_doc;
    QImage m_device;
    std::vector<LaidOutPage> m_pages;
    double m_y = kMarginTop;
};

} // namespace

QFont reportFont(FontRole role, const QPaintDevice* device, double scale)
{
    double size = 9.5;
    bool bold = false;
    switch (role) {
    case FontRole::Title: size = 20.0, bold = true; break;
    case FontRole::Subtitle: size = 11.5; break;
    case FontRole::Meta: size = 8.0; break;
    case FontRole::Heading: size = 13.5, bold = true; break;
    case FontRole::Body: size = 9.5; break;
    case FontRole::Note: size = 7.5; break;
    case FontRole::Key: size = 9.0, bold = true; break;
    case FontRole::Caption: size = 9.0, bold = true; break;
    case FontRole::TableHeader: size = 8.0, bold = true; break;
    case FontRole::TableCell: size = 8.0; break;
    case FontRole::Furniture: size = 7.5; break;
    case FontRole::ChartTitle: size = 9.5, bold = true; break;
    case FontRole::ChartLabel: size = 7.5; break;
    case FontRole::ChartTick: size = 7.0; break;
    case FontRole::HeatValue: size = 7.0; break;
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
    case Ink::Text: return text;
    case Ink::Muted: return muted;
    case Ink::Heading: return heading;
    case Ink::Rule: return rule;
    case Ink::Good: return risk::kScaleLow;
    case Ink::Warning: return QColor(0xB0, 0x7A, 0x00);
    case Ink::Bad: return risk::kScaleHigh;
    }
    return text;
}

QColor ReportTheme::fill(Fill fill) const
{
    switch (fill) {
    case Fill::HeaderRow: return headerRow;
    case Fill::Zebra: return zebra;
    case Fill::Good: return goodFill;
    case Fill::Warning: return warningFill;
    case Fill::Bad: return badFill;
    }
    return zebra;
}

QStringList wrapText(const QString& text, const QFont& font, const QPaintDevice* device,
    double width)
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

std::vector<LaidOutPage> layoutReport(const ReportDocument& doc)
{
    return Layouter(doc).run();
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
        const QString sub = fm.elidedText(qstr(doc.subtitle), Qt::ElideRight,
            kContentWidth - fm.horizontalAdvance(title) - 24.0);
        painter.drawText(QPointF(kMarginX + kContentWidth - fm.horizontalAdvance(sub), headerBase),
            sub);
    }
    painter.setPen(QPen(theme.rule, 0.5));
    painter.drawLine(QPointF(kMarginX, headerBase + 5.0),
        QPointF(kMarginX + kContentWidth, headerBase + 5.0));
    const double footerLine = kPageHeight - kMarginBottom + 16.0;
    painter.drawLine(QPointF(kMarginX, footerLine), QPointF(kMarginX + kContentWidth, footerLine));
    painter.setPen(theme.muted);
    QString generated = QStringLiteral("Generated %1").arg(displayTime(doc.generatedUtc));
    if (!doc.generator.empty())
        generated += QStringLiteral(" by ") + qstr(doc.generator);
    painter.drawText(QPointF(kMarginX, footerLine + 5.0 + fm.ascent()),
        fm.elidedText(generated, Qt::ElideRight, kContentWidth - pageW - 24.0));
    painter.drawText(QPointF(kMarginX + kContentWidth - pageW, footerLine + 5.0 + fm.ascent()),
        pageText);

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
