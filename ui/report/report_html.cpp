// renderHtml / reportHtml (report_render.h): one self-contained HTML5 file. The CSS is inline,
// charts are inline SVG painted by the same chart painter as the PDF (through QSvgGenerator),
// and nothing refers outside the file: no scripts, no stylesheets, fonts or images to fetch.
// The markup is also well-formed XML (every element closed, only the XML entities), so any XML
// reader can check it.
#include "ui/report/report_layout.h"
#include "ui/report/report_render.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace marketlens::ui {

using namespace core::report;
using namespace report_detail;

namespace {

constexpr char kCss[] = R"css(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif;
  color: #222; background: #fff; margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 58em; margin: 0 auto; padding: 1.5em 2em 3em; }
header.report { border-bottom: 2px solid #123a63; margin-bottom: 1.2em; padding-bottom: 0.6em; }
h1 { color: #123a63; font-size: 1.9em; margin: 0 0 0.2em; }
h2 { color: #123a63; font-size: 1.35em; border-bottom: 1px solid #b8b8b8; padding-bottom: 0.15em;
  margin: 1.6em 0 0.6em; }
.subtitle { font-size: 1.1em; margin: 0.2em 0; }
.meta, .note, .table-note, footer { color: #5f5f5f; font-size: 0.85em; }
nav.toc ol { margin: 0.3em 0 0; padding-left: 1.4em; columns: 2; }
nav.toc a { color: #123a63; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1.2em; margin: 0.4em 0; }
dl.kv dt { font-weight: bold; color: #5f5f5f; }
dl.kv dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 0.5em 0; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.86em; }
table.data caption { text-align: left; font-weight: bold; color: #123a63; padding: 0.2em 0; }
table.data th { background: #e6ecf3; color: #123a63; text-align: left; padding: 0.25em 0.5em;
  border-bottom: 1.5px solid #123a63; }
table.data td { padding: 0.2em 0.5em; vertical-align: top; }
table.data tbody tr:nth-child(even) { background: #f5f6f8; }
table.data tbody { border-bottom: 1.5px solid #123a63; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data td.tone-good { background: #c6e7dd; }
table.data td.tone-warning { background: #fbedc9; }
table.data td.tone-bad { background: #efcdc9; }
table.data td.tone-muted { color: #8a8a8a; }
figure.chart { margin: 0.8em 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
footer { border-top: 1px solid #b8b8b8; margin-top: 2.5em; padding-top: 0.5em; }
@page { size: A4; margin: 16mm 17mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  figure.chart, tr, dl.kv > div { break-inside: avoid; }
  h2 { break-after: avoid; }
  nav.toc { display: none; }
}
)css";

QString esc(const std::string& text)
{
    return qstr(text).toHtmlEscaped();
}

// Escaped text with line breaks kept.
QString escLines(const std::string& text)
{
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

// An id attribute value from a section id: letters, digits, '-' and '_' only.
QString anchor(const Section& section, int index)
{
    QString id;
    for (const QChar c : qstr(section.id)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            id += c;
        else if (c == QLatin1Char('-') || c == QLatin1Char('_'))
            id += c;
    }
    return id.isEmpty() ? QStringLiteral("section-%1").arg(index + 1) : QStringLiteral("s-") + id;
}

QString toneClass(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QStringLiteral("tone-good");
    case Tone::Warning:
        return QStringLiteral("tone-warning");
    case Tone::Bad:
        return QStringLiteral("tone-bad");
    case Tone::Muted:
        return QStringLiteral("tone-muted");
    case Tone::Normal:
        break;
    }
    return {};
}

// The chart as an <svg> element (no XML declaration), scaled by CSS to the column width.
QString chartSvg(const Chart& chart)
{
    const double width = kContentWidth;
    const double height = reportChartHeight(chart, width);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(int(std::ceil(width)), int(std::ceil(height))));
        svg.setViewBox(QRectF(0.0, 0.0, width, height));
        svg.setResolution(72); // one unit per point, as in the PDF
        svg.setTitle(qstr(chart.title));
        svg.setDescription(QStringLiteral("MarketLens report chart"));
        QPainter painter;
        if (painter.begin(&svg)) {
            paintReportChart(painter, QRectF(0.0, 0.0, width, height), chart, ReportTheme::light());
            painter.end();
        }
    }
    QString text = QString::fromUtf8(buffer.data());
    const qsizetype start = text.indexOf(QLatin1String("<svg"));
    if (start < 0)
        return {};
    text.remove(0, start);
    // Size the root by CSS (width 100%, height from the viewBox) instead of fixed millimetres.
    const qsizetype rootEnd = text.indexOf(QLatin1Char('>'));
    QString root = text.left(rootEnd);
    static const QRegularExpression size(QStringLiteral(R"re(\s(width|height)="[^"]*")re"));
    root.remove(size);
    root += QStringLiteral(" role=\"img\" aria-label=\"%1\"").arg(esc(chart.title));
    text = root + text.mid(rootEnd).trimmed();
    // QSvgGenerator names the one family the painter used; give browsers without it the same
    // fallbacks as the page's CSS.
    static const QRegularExpression family(QStringLiteral(R"re(font-family="([^"]*)")re"));
    text.replace(
        family, QStringLiteral(R"(font-family="\1, 'Noto Sans', Helvetica, Arial, sans-serif")"));
    return text;
}

void writeTable(QString& out, const Table& t)
{
    const auto numeric = [&t](std::size_t c) { return t.numeric.size() > c && t.numeric[c]; };
    out += QStringLiteral("<div class=\"table-wrap\"><table class=\"data\">\n");
    if (!t.caption.empty())
        out += QStringLiteral("<caption>%1</caption>\n").arg(esc(t.caption));
    out += QStringLiteral("<thead><tr>");
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        out += numeric(c) ? QStringLiteral("<th class=\"num\" scope=\"col\">")
                          : QStringLiteral("<th scope=\"col\">");
        out += esc(t.columns[c]) + QStringLiteral("</th>");
    }
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const auto& row : t.rows) {
        out += QStringLiteral("<tr>");
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            QStringList classes;
            if (numeric(c))
                classes << QStringLiteral("num");
            const TableCell cell = c < row.size() ? row[c] : TableCell {};
            if (const QString tone = toneClass(cell.tone); !tone.isEmpty())
                classes << tone;
            out += classes.isEmpty()
                ? QStringLiteral("<td>")
                : QStringLiteral("<td class=\"%1\">").arg(classes.join(QLatin1Char(' ')));
            out += escLines(cell.text) + QStringLiteral("</td>");
        }
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table></div>\n");
    if (!t.footnote.empty())
        out += QStringLiteral("<p class=\"table-note\">%1</p>\n").arg(escLines(t.footnote));
}

void writeBlock(QString& out, const Block& block)
{
    if (const auto* p = std::get_if<Paragraph>(&block)) {
        out += p->note ? QStringLiteral("<p class=\"note\">") : QStringLiteral("<p>");
        out += escLines(p->text) + QStringLiteral("</p>\n");
    } else if (const auto* kv = std::get_if<KeyValues>(&block)) {
        out += QStringLiteral("<dl class=\"kv\">\n");
        for (const auto& [key, value] : kv->items) {
            out += QStringLiteral("<div style=\"display: contents\"><dt>%1</dt><dd>%2</dd></div>\n")
                       .arg(escLines(key), escLines(value));
        }
        out += QStringLiteral("</dl>\n");
    } else if (const auto* table = std::get_if<Table>(&block)) {
        writeTable(out, *table);
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
        out += QStringLiteral("<figure class=\"chart\">\n") + chartSvg(*chart)
            + QStringLiteral("\n</figure>\n");
    }
}

// The HTML; false when `progress` cancelled.
bool buildHtml(const ReportDocument& doc, const core::Progress& progress, QString& out)
{
    const int total = int(doc.sections.size());
    if (!core::reportProgress(progress, 0, total))
        return false;
    const QString generated = generatedLine(doc);
    out.reserve(1 << 16);
    out += QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    if (!doc.generator.empty())
        out += QStringLiteral("<meta name=\"generator\" content=\"%1\"/>\n")
                   .arg(esc(doc.generator));
    out += QStringLiteral("<title>%1</title>\n<style>").arg(esc(doc.title));
    out += QLatin1String(kCss);
    out += QStringLiteral("</style>\n</head>\n<body>\n<main>\n<header class=\"report\">\n");
    out += QStringLiteral("<h1>%1</h1>\n").arg(escLines(doc.title));
    if (!doc.subtitle.empty())
        out += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(escLines(doc.subtitle));
    out += QStringLiteral("<p class=\"meta\">%1</p>\n</header>\n").arg(generated.toHtmlEscaped());
    if (doc.sections.size() > 1) {
        out += QStringLiteral("<nav class=\"toc\"><strong>Contents</strong><ol>\n");
        for (int i = 0; i < total; ++i) {
            const Section& s = doc.sections[std::size_t(i)];
            out += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n")
                       .arg(anchor(s, i), esc(s.title));
        }
        out += QStringLiteral("</ol></nav>\n");
    }
    for (int i = 0; i < total; ++i) {
        const Section& s = doc.sections[std::size_t(i)];
        out += QStringLiteral("<section id=\"%1\">\n<h2>%2</h2>\n").arg(anchor(s, i), esc(s.title));
        for (const Block& block : s.blocks)
            writeBlock(out, block);
        out += QStringLiteral("</section>\n");
        if (!core::reportProgress(progress, i + 1, total))
            return false;
    }
    out += QStringLiteral("<footer>%1</footer>\n</main>\n</body>\n</html>\n")
               .arg(generated.toHtmlEscaped());
    return true;
}

} // namespace

QString reportHtml(const ReportDocument& doc)
{
    QString out;
    buildHtml(doc, {}, out);
    return out;
}

core::Status renderHtml(
    const ReportDocument& doc, const QString& path, const core::Progress& progress)
{
    QString html;
    if (!buildHtml(doc, progress, html)) {
        return core::makeError(core::ErrorCode::Cancelled,
            QCoreApplication::translate("ReportRender", "report rendering cancelled")
                .toStdString());
    }
    // A temporary file renamed over `path` at the end: a failure leaves no partial file.
    QSaveFile file(path);
    const QByteArray bytes = html.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return core::makeError(core::ErrorCode::Io,
            QCoreApplication::translate("ReportRender", "cannot write %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString())
                .toStdString(),
            path.toStdString());
    }
    return {};
}

} // namespace marketlens::ui
