// Page layout of a report (see report_layout.h): measures every block once on a 72-dpi image,
// splits the flow into A4 pages (headings kept with what follows, paragraphs split between lines,
// tables between rows with the header row repeated, charts kept whole) and records positioned
// drawing operations that the PDF writer and the preview paint identically.
#include "ui/report/report_layout.h"

#include <QFontMetricsF>
#include <QImage>

#include <algorithm>
#include <numeric>

namespace marketlens::ui::report_detail {

using namespace core::report;

namespace {

constexpr double kCellPadY = 2.5;
constexpr double kBlockGap = 9.0;
constexpr double kSectionGap = 16.0;

class Layouter {
public:
    explicit Layouter(const ReportDocument& doc)
        : m_doc(doc)
        , m_device(1, 1, QImage::Format_RGB32)
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
                // Charts get more air: a chart's title must not read as the previous one's.
                m_y += std::holds_alternative<Chart>(block) ? kBlockGap + 6.0 : kBlockGap;
            }
        }
        return std::move(m_pages);
    }

private:
    QFont font(FontRole role, double scale = 1.0) const
    {
        return reportFont(role, &m_device, scale);
    }
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
    void textLine(
        double x, double top, const QString& text, FontRole role, Ink ink, double scale = 1.0)
    {
        ops().push_back(
            TextOp {QPointF(x, top + metrics(role, scale).ascent()), text, role, ink, scale});
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
        if (const QString meta = generatedLine(m_doc); !meta.isEmpty()) {
            m_y += 2.0;
            flowLines(
                wrap(meta, FontRole::Meta, kContentWidth), kMarginX, FontRole::Meta, Ink::Muted);
        }
        m_y += 4.0;
        ops().push_back(
            LineOp {QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading, 1.2});
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
        ops().push_back(
            LineOp {QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Rule, 0.6});
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
                ops().push_back(TextOp {QPointF(kMarginX, m_y + ascent + double(i) * ls), keys[i],
                    FontRole::Key, Ink::Muted});
            for (qsizetype i = 0; i < values.size(); ++i)
                ops().push_back(TextOp {QPointF(kMarginX + keyW, m_y + ascent + double(i) * ls),
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
        ops().push_back(
            ChartOp {QRectF(kMarginX + (kContentWidth - width) / 2.0, m_y, width, height), &chart});
        m_y += height;
    }

    struct TableGeometry {
        double scale = 1.0;
        double padX = 4.0; // narrower for wide tables
        std::vector<double> widths;
    };

    TableGeometry tableGeometry(const Table& t) const
    {
        const std::size_t cols = t.columns.size();
        TableGeometry best;
        // Columns get their natural width when the table fits, else headers wrap between words;
        // wide tables (the risk table: a column per method and confidence) then lose padding
        // and font size, down to 65 %, before a word has to break.
        const struct {
            double scale, padX;
        } steps[] = {{1.0, 4.0}, {0.9, 3.0}, {0.8, 2.5}, {0.72, 2.0}, {0.65, 1.8}};
        for (const auto [scale, padX] : steps) {
            const QFontMetricsF cellFm = metrics(FontRole::TableCell, scale);
            const QFontMetricsF headFm = metrics(FontRole::TableHeader, scale);
            std::vector<double> natural(cols, 0.0);
            std::vector<double> minimum(cols, 0.0);
            const auto measure
                = [&](std::size_t c, const QString& text, const QFontMetricsF& fm, bool whole) {
                      const double full = fm.horizontalAdvance(text) + 2.0 * padX;
                      natural[c] = std::max(natural[c], full);
                      if (whole) {
                          minimum[c] = std::max(minimum[c], full);
                          return;
                      }
                      for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                          minimum[c] = std::max(
                              minimum[c], std::min(120.0, fm.horizontalAdvance(word) + 2.0 * padX));
                  };
            for (std::size_t c = 0; c < cols; ++c)
                measure(c, qstr(t.columns[c]), headFm, false);
            for (const auto& row : t.rows) {
                // A number ("100.00 %") never wraps.
                for (std::size_t c = 0; c < cols && c < row.size(); ++c)
                    measure(c, qstr(row[c].text), cellFm, t.numeric.size() > c && t.numeric[c]);
            }
            const double sumNatural = std::accumulate(natural.begin(), natural.end(), 0.0);
            const double sumMinimum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
            best.scale = scale;
            best.padX = padX;
            best.widths = natural;
            if (sumNatural <= kContentWidth) {
                // Spread the spare width in proportion: the table spans the text column.
                for (double& w : best.widths)
                    w += (kContentWidth - sumNatural) * w / sumNatural;
                return best;
            }
            if (sumMinimum <= kContentWidth) {
                const double slack = sumNatural - sumMinimum;
                for (std::size_t c = 0; c < cols; ++c)
                    best.widths[c] = minimum[c]
                        + (kContentWidth - sumMinimum) * (natural[c] - minimum[c]) / slack;
                return best;
            }
            if (scale < 0.7) {
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
            // (+1: QTextLayout's line width and the metrics' advance differ by rounding; a
            // column sized to its longest word must not wrap that word.)
            lines.push_back(wrap(text, role, g.widths[c] - 2.0 * g.padX + 1.0, g.scale));
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
            ops().push_back(RectOp {QRectF(kMarginX, m_y, kContentWidth, height), Fill::HeaderRow});
        else if (zebra)
            ops().push_back(RectOp {QRectF(kMarginX, m_y, kContentWidth, height), Fill::Zebra});
        double x = kMarginX;
        for (std::size_t c = 0; c < g.widths.size(); ++c) {
            const bool numeric = t.numeric.size() > c && t.numeric[c];
            Ink ink = role == FontRole::TableHeader ? Ink::Heading : Ink::Text;
            if (tones && c < tones->size()) {
                const Tone tone = (*tones)[c];
                const QRectF cell(x, m_y, g.widths[c], height);
                if (tone == Tone::Good)
                    ops().push_back(RectOp {cell, Fill::Good});
                else if (tone == Tone::Warning)
                    ops().push_back(RectOp {cell, Fill::Warning});
                else if (tone == Tone::Bad)
                    ops().push_back(RectOp {cell, Fill::Bad});
                else if (tone == Tone::Muted)
                    ink = Ink::Muted;
            }
            for (qsizetype i = 0; i < lines[c].size(); ++i) {
                const QString& text = lines[c][i];
                const double w = fm.horizontalAdvance(text);
                const double tx = numeric ? x + g.widths[c] - g.padX - w : x + g.padX;
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
            for (const QString& line : wrap(caption, FontRole::Caption, kContentWidth)) {
                textLine(kMarginX, m_y, line, FontRole::Caption, Ink::Heading);
                m_y += lineSpacing(FontRole::Caption);
            }
            m_y += 3.0;
        }
        std::vector<QString> heads;
        for (const std::string& column : t.columns)
            heads.push_back(qstr(column));
        std::vector<QStringList> lines;
        const double height = rowLines(heads, g, FontRole::TableHeader, lines);
        paintRow(lines, t, g, FontRole::TableHeader, height, nullptr, false);
        ops().push_back(
            LineOp {QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading, 0.8});
    }

    void place(const Table& t)
    {
        if (t.columns.empty()) {
            if (!t.caption.empty())
                place(Paragraph {t.caption, false});
            return;
        }
        const TableGeometry g = tableGeometry(t);
        std::vector<QString> heads;
        for (const std::string& column : t.columns)
            heads.push_back(qstr(column));
        std::vector<QStringList> lines;
        const double captionH = t.caption.empty() ? 0.0
                                                  : lineSpacing(FontRole::Caption)
                    * double(wrap(qstr(t.caption), FontRole::Caption, kContentWidth).size())
                + 3.0;
        const double headH = rowLines(heads, g, FontRole::TableHeader, lines) + captionH;
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
                ops().push_back(LineOp {
                    QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading, 0.8});
                newPage();
                tableHeader(t, g, true);
            }
            std::vector<Tone> tones;
            for (const TableCell& cell : t.rows[r])
                tones.push_back(cell.tone);
            paintRow(rowText[r], t, g, FontRole::TableCell, rowH[r], &tones, r % 2 == 1);
        }
        ops().push_back(
            LineOp {QLineF(kMarginX, m_y, kMarginX + kContentWidth, m_y), Ink::Heading, 0.8});
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

std::vector<LaidOutPage> layoutReport(const ReportDocument& doc)
{
    return Layouter(doc).run();
}

} // namespace marketlens::ui::report_detail
