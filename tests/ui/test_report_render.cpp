// Report rendering (ui/report/report_render.h) of a hand-built document holding every block type,
// unicode and markup characters, and a table long enough to span pages:
// - PDF: page count from pdfinfo equals the preview's, "Page n of N" on every page (pdftotext
//   page by page), section titles, every row of the long table exactly once with its header row
//   repeated on each page it reaches, chart titles and axis tick labels as text, no image
//   XObject (pdfimages -list): the charts are vectors.
// - HTML: well-formed (read with QXmlStreamReader), titles, escaped text read back unchanged,
//   table cells with numeric and tone classes, one <svg> per chart with paths and text, no
//   external reference and no script.
// - Errors name the file; cancelling leaves no file (and an existing one untouched).
// - Axis ticks: years, months and percentages against hand-worked values.
#include "ui/report/report_chart_axes.h"
#include "ui/report/report_layout.h"
#include "ui/report/report_render.h"

#include "core/date.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>
#include <tuple>

using namespace marketlens;
using namespace marketlens::core::report;

namespace {

constexpr int kLongRows = 150;
const char* const kUnicode = "Prix & <valeurs> \"cotées\" 'ok' — 中文测试 Ünïcödé";

double day(int y, int m, int d)
{
    return double(core::Date::fromYmd(y, m, d)->days());
}

QString rowLabel(int i)
{
    return QStringLiteral("R%1").arg(i, 4, 10, QLatin1Char('0'));
}

ReportDocument makeDocument()
{
    ReportDocument doc;
    doc.title = "MarketLens report: démo & <test>";
    doc.subtitle = "Portfolio 核心 · 2019-01-02 to 2023-12-29";
    doc.generatedUtc = "2026-11-29T20:15:00Z";
    doc.generator = "MarketLens 0.4.0";

    Section summary {"summary", "Project summary", {}};
    summary.blocks.push_back(
        KeyValues {{{"Project", "demo.mlens"}, {"Instruments", "5"}, {"Remark", kUnicode}}});
    summary.blocks.push_back(
        Paragraph {"This report was rendered by the test from a document built "
                   "by hand. It checks that long paragraphs wrap onto several "
                   "lines within the text column, and that words are never cut "
                   "in the middle unless a single word is longer than a line.",
            false});
    doc.sections.push_back(summary);

    Section holdings {"holdings", "Holdings", {}};
    Table h;
    h.caption = "Holdings on 2023-12-29";
    h.columns = {"Ticker", "Name", "Quantity", "Value", "Risk score"};
    h.numeric = {false, false, true, true, true};
    h.rows = {{{"AAPL"}, {"Apple Inc."}, {"120"}, {"23101.20"}, {"35", Tone::Good}},
        {{"MSFT"}, {"Microsoft"}, {"80"}, {"30083.20"}, {"55", Tone::Warning}},
        {{"TSLA"}, {"Tesla & Co <x>"}, {"40"}, {"9935.20"}, {"88", Tone::Bad}},
        {{"CASH"}, {"现金"}, {"1"}, {"1000.00"}, {"n/a", Tone::Muted}}};
    h.footnote = "Values in USD at the last close.";
    holdings.blocks.push_back(h);
    doc.sections.push_back(holdings);

    Section prices {"prices", "Price history", {}};
    Table t;
    t.caption = "Daily closes";
    t.columns = {"Row", "Date", "Closing price", "Return"};
    t.numeric = {false, false, true, true};
    for (int i = 1; i <= kLongRows; ++i) {
        const core::Date d(core::Date::fromYmd(2023, 1, 2)->days() + i);
        t.rows.push_back({{rowLabel(i).toStdString()}, {d.toIso()},
            {QString::number(100.0 + i * 0.25, 'f', 2).toStdString()},
            {QString::number((i % 7 - 3) * 0.1, 'f', 2).toStdString() + "%",
                i % 7 - 3 < 0 ? Tone::Bad : Tone::Normal}});
    }
    prices.blocks.push_back(t);
    doc.sections.push_back(prices);

    Section charts {"charts", "Charts", {}};
    Chart line;
    line.title = "Portfolio value";
    line.xLabel = "Trading day";
    line.yLabel = "Value (USD)";
    ChartSeries value {"Portfolio", {}, {}, ChartSeries::Style::Line, 0};
    ChartSeries bench {"Benchmark", {}, {}, ChartSeries::Style::Line, 1};
    for (double d = day(2019, 1, 2); d <= day(2023, 12, 29); d += 7.0) {
        const double k = (d - day(2019, 1, 2)) / 365.0;
        value.x.push_back(d);
        value.y.push_back(k > 2.0 && k < 2.2 ? std::numeric_limits<double>::quiet_NaN()
                                             : 100.0 + 20.0 * k + 8.0 * std::sin(k * 6.0));
        bench.x.push_back(d);
        bench.y.push_back(100.0 + 15.0 * k);
    }
    line.series = {value, bench};
    charts.blocks.push_back(line);

    Chart dd;
    dd.title = "Drawdown";
    dd.yLabel = "Drawdown";
    dd.percentY = true;
    dd.aspect = 0.3;
    ChartSeries under {"Underwater", {}, {}, ChartSeries::Style::Area, 2};
    ChartSeries breaches {"VaR exceptions", {}, {}, ChartSeries::Style::Points, 1};
    for (double d = day(2023, 1, 16); d <= day(2023, 6, 20); d += 1.0) {
        under.x.push_back(d);
        under.y.push_back(-0.3 * std::fabs(std::sin((d - day(2023, 1, 16)) / 30.0)));
        if (int(d) % 17 == 0) {
            breaches.x.push_back(d);
            breaches.y.push_back(under.y.back());
        }
    }
    dd.series = {under, breaches};
    charts.blocks.push_back(dd);

    Chart bars;
    bars.title = "VaR and ES by method";
    bars.timeAxis = false;
    bars.percentY = true;
    bars.categories = {"Historical", "Parametric", "Monte Carlo", "Cornish-Fisher"};
    bars.series = {
        {"VaR 99%", {0, 1, 2, 3}, {-0.031, -0.028, -0.029, -0.034}, ChartSeries::Style::Bars, 0},
        {"ES 99%", {0, 1, 2, 3}, {-0.041, -0.032, -0.035, -0.045}, ChartSeries::Style::Bars, 1}};
    charts.blocks.push_back(bars);

    Chart heat;
    heat.title = "Correlation of daily returns";
    heat.heatLabels = {"AAPL", "MSFT", "TSLA", "SPY"};
    heat.matrix = {
        1.0, 0.72, 0.41, 0.83, 0.72, 1.0, 0.38, 0.86, 0.41, 0.38, 1.0, 0.52, 0.83, 0.86, 0.52, 1.0};
    charts.blocks.push_back(heat);
    doc.sections.push_back(charts);

    Section conventions {"conventions", "Conventions", {}};
    conventions.blocks.push_back(Paragraph {"VaR and ES are negative returns; volatility is "
                                            "annualised with 252 days.",
        true});
    doc.sections.push_back(conventions);
    return doc;
}

// Runs a poppler tool; empty optional-like (ok false) when it is not installed.
QString runTool(const QString& tool, const QStringList& args, bool* found)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    *found = !exe.isEmpty();
    if (!*found)
        return {};
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>")
            .arg(tool, QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

void keep(const QString& path)
{
    const QString dir = qEnvironmentVariable("MARKETLENS_TEST_ARTIFACTS");
    if (!dir.isEmpty()) {
        const QString target = dir + "/" + QFileInfo(path).fileName();
        QFile::remove(target);
        QFile::copy(path, target);
    }
}

} // namespace

class TestReportRender : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ReportDocument m_doc = makeDocument();

private Q_SLOTS:
    void axisTicks()
    {
        using namespace marketlens::ui::report_detail;
        // Five years of dates: one tick per January.
        const AxisTicks years = dateTicks(day(2019, 1, 2), day(2023, 12, 29), 6);
        QCOMPARE(years.labels, (std::vector<QString> {"2020", "2021", "2022", "2023"}));
        QCOMPARE(years.values.front(), day(2020, 1, 1));
        // Five months: month starts, the first with its year.
        const AxisTicks months = dateTicks(day(2023, 1, 16), day(2023, 6, 20), 6);
        QCOMPARE(months.labels, (std::vector<QString> {"Feb 2023", "Mar", "Apr", "May", "Jun"}));
        QCOMPARE(months.values.back(), day(2023, 6, 1));
        // Drawdowns down to -32%: steps of 10% from -40% to 0%.
        const AxisTicks pct = numericTicks(-0.32, 0.0, 5, true);
        QCOMPARE(pct.labels, (std::vector<QString> {"-40%", "-30%", "-20%", "-10%", "0%"}));
        QCOMPARE(pct.lo, -0.4);
        const AxisTicks small = numericTicks(-0.031, 0.0, 4, true);
        QCOMPARE(small.labels.front(), QStringLiteral("-4%"));
        QCOMPARE(small.labels.back(), QStringLiteral("0%"));
        const AxisTicks fine = numericTicks(-0.0042, 0.0011, 5, true);
        QCOMPARE(fine.labels.front(), QStringLiteral("-0.6%"));
        QCOMPARE(fine.labels.back(), QStringLiteral("0.2%"));
        const AxisTicks prices = numericTicks(97.0, 203.0, 5, false);
        QCOMPARE(prices.labels.front(), QStringLiteral("50"));
        QCOMPARE(prices.labels.back(), QStringLiteral("250"));
    }

    void pdfContent()
    {
        const QString path = m_dir.filePath("report.pdf");
        std::int64_t lastTotal = 0;
        const core::Status status = ui::renderPdf(m_doc, path, [&](std::int64_t, std::int64_t n) {
            lastTotal = n;
            return true;
        });
        QVERIFY2(status.ok(), status.error().toString().c_str());
        QVERIFY(QFileInfo(path).size() > 1000);
        keep(path);

        bool found = false;
        const QString info = runTool("pdfinfo", {path}, &found);
        if (!found)
            QSKIP(
                "pdfinfo/pdftotext (Debian poppler-utils) not installed: PDF content not checked");
        const QRegularExpressionMatch pagesMatch
            = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pagesMatch.hasMatch(), qPrintable(info));
        const int pages = pagesMatch.captured(1).toInt();
        QCOMPARE(lastTotal, std::int64_t(pages));
        // 150 rows of about 13 points on pages of 726 points: the long table alone needs three.
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        QVERIFY(info.contains(QStringLiteral("A4")) || info.contains(QStringLiteral("595")));
        QVERIFY(info.contains(QString::fromUtf8("MarketLens report: démo & <test>")));

        const auto previews = ui::renderPreviewPages(m_doc);
        QVERIFY(previews.ok());
        QCOMPARE(int(previews->size()), pages);

        QString all;
        QMap<QString, int> rowSeen;
        int pagesWithLongTable = 0;
        for (int i = 1; i <= pages; ++i) {
            const QString text = runTool("pdftotext",
                {"-f", QString::number(i), "-l", QString::number(i), "-enc", "UTF-8", path, "-"},
                &found);
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)),
                qPrintable(QStringLiteral("page %1:\n%2").arg(i).arg(text)));
            QVERIFY2(text.contains(QStringLiteral("Generated 2026-11-29 20:15 UTC by MarketLens")),
                qPrintable(text));
            const QRegularExpression rows(QStringLiteral("\\bR(\\d{4})\\b"));
            bool hasRows = false;
            for (auto it = rows.globalMatch(text); it.hasNext();) {
                ++rowSeen[it.next().captured(0)];
                hasRows = true;
            }
            if (hasRows) {
                ++pagesWithLongTable;
                // The header row is repeated on every page the table reaches.
                QVERIFY2(text.contains(QStringLiteral("Closing price")), qPrintable(text));
            }
            all += text;
        }
        QVERIFY(pagesWithLongTable >= 3);
        QCOMPARE(rowSeen.size(), kLongRows);
        for (int i = 1; i <= kLongRows; ++i)
            QCOMPARE(rowSeen.value(rowLabel(i)), 1);
        QVERIFY(all.contains(QStringLiteral("Daily closes (continued)")));

        for (const Section& s : m_doc.sections)
            QVERIFY2(all.contains(QString::fromStdString(s.title)), s.title.c_str());
        // Cells, key/values, unicode and markup characters as plain text.
        for (const char* text :
            {"Apple Inc.", "23101.20", "Tesla & Co <x>", "现金", "demo.mlens", "中文测试",
                "Prix & <valeurs>", "Values in USD at the last close.", "annualised with 252 days"})
            QVERIFY2(all.contains(QString::fromUtf8(text)), text);
        // Charts: titles, legends, axis titles and tick labels are text, not pictures.
        for (const char* text : {"Portfolio value", "Benchmark", "Trading day", "Value (USD)",
                 "2020", "2023", "Drawdown", "Underwater", "VaR exceptions", "-30%", "Feb 2023",
                 "VaR and ES by method", "Monte Carlo", "Cornish-Fisher", "-4%",
                 "Correlation of daily returns", "SPY", "0.83", "-1.0"})
            QVERIFY2(all.contains(QString::fromUtf8(text)), text);

        // Vector charts: the PDF embeds no image at all.
        const QString images = runTool("pdfimages", {"-list", path}, &found);
        if (found) {
            const QStringList lines = images.split('\n', Qt::SkipEmptyParts);
            QVERIFY2(lines.size() == 2, qPrintable(images)); // the two header lines only
        }
    }

    void htmlContent()
    {
        const QString path = m_dir.filePath("report.html");
        const core::Status status = ui::renderHtml(m_doc, path);
        QVERIFY2(status.ok(), status.error().toString().c_str());
        keep(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QCOMPARE(html, ui::reportHtml(m_doc));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));

        // Self-contained: the only URLs are the SVG namespaces, and there is no script.
        const QRegularExpression url(QStringLiteral("https?://[^\"'\\s<>]*"));
        for (auto it = url.globalMatch(html); it.hasNext();) {
            const QString u = it.next().captured(0);
            QVERIFY2(u == "http://www.w3.org/2000/svg" || u == "http://www.w3.org/1999/xlink",
                qPrintable(u));
        }
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("src="), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("url("), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<image"), Qt::CaseInsensitive));
        const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
        for (auto it = href.globalMatch(html); it.hasNext();) {
            const QString target = it.next().captured(1);
            QVERIFY2(target.startsWith('#'), qPrintable(target));
        }
        // Escaped markup characters in the source.
        QVERIFY(html.contains(QStringLiteral("Tesla &amp; Co &lt;x&gt;")));

        // Well-formed: read the whole document as XML.
        QString body = html;
        body.remove(0, body.indexOf(QStringLiteral("<html")));
        QXmlStreamReader xml(body);
        QStringList h1, h2, cells, numericCells, toneCells, dts, dds, svgTexts;
        int svgs = 0, svgDepth = 0, paths = 0;
        QList<int> textsPerSvg, pathsPerSvg;
        QString current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const QString name = xml.name().toString();
                const QString cls = xml.attributes().value("class").toString();
                if (name == "svg") {
                    ++svgs;
                    ++svgDepth;
                    textsPerSvg << 0;
                    pathsPerSvg << 0;
                } else if (svgDepth > 0
                    && (name == "path" || name == "polyline" || name == "rect"
                        || name == "polygon")) {
                    ++pathsPerSvg.last();
                    ++paths;
                } else if (svgDepth > 0 && name == "text") {
                    ++textsPerSvg.last();
                    svgTexts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (name == "h1") {
                    h1 << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (name == "h2") {
                    h2 << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (name == "dt") {
                    dts << xml.readElementText();
                } else if (name == "dd") {
                    dds << xml.readElementText();
                } else if (name == "td" || name == "th") {
                    const QString text = xml.readElementText();
                    cells << text;
                    if (cls.split(' ').contains("num"))
                        numericCells << text;
                    if (cls.contains("tone-"))
                        toneCells << cls + ":" + text;
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("svg")) {
                --svgDepth;
            }
        }
        QVERIFY2(!xml.hasError(),
            qPrintable(
                QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber())));

        QCOMPARE(h1, QStringList {QString::fromUtf8("MarketLens report: démo & <test>")});
        QStringList titles;
        for (const Section& s : m_doc.sections)
            titles << QString::fromStdString(s.title);
        QCOMPARE(h2, titles);
        QCOMPARE(dts, (QStringList {"Project", "Instruments", "Remark"}));
        QCOMPARE(dds.last(), QString::fromUtf8(kUnicode));
        QVERIFY(cells.contains(QStringLiteral("Tesla & Co <x>")));
        QVERIFY(cells.contains(QString::fromUtf8("现金")));
        for (int i = 1; i <= kLongRows; ++i)
            QVERIFY(cells.contains(rowLabel(i)));
        QCOMPARE(cells.count(QStringLiteral("Closing price")), 1); // one header in HTML
        QVERIFY(numericCells.contains(QStringLiteral("23101.20")));
        QVERIFY(numericCells.contains(QStringLiteral("Closing price")));
        QVERIFY(!numericCells.contains(QStringLiteral("Apple Inc.")));
        QVERIFY(toneCells.contains(QStringLiteral("num tone-bad:88")));
        QVERIFY(toneCells.contains(QStringLiteral("num tone-good:35")));

        // One <svg> per chart, each with drawing primitives and its text.
        QCOMPARE(svgs, 4);
        for (int i = 0; i < svgs; ++i) {
            QVERIFY(pathsPerSvg[i] > 0);
            QVERIFY(textsPerSvg[i] > 0);
        }
        for (const char* text : {"Portfolio value", "Value (USD)", "2021", "Drawdown", "-30%",
                 "Monte Carlo", "Correlation of daily returns", "0.72", "SPY"})
            QVERIFY2(svgTexts.contains(QString::fromUtf8(text)), text);
    }

    void previewPages()
    {
        ui::ReportRenderOptions options;
        options.previewDpi = 72;
        const auto light = ui::renderPreviewPages(m_doc, options);
        QVERIFY(light.ok());
        QVERIFY(light->size() >= 4);
        QCOMPARE(light->front().size(), QSize(595, 842));
        QCOMPARE(light->front().pixelColor(5, 5), QColor(Qt::white));
        options.dark = true;
        options.previewDpi = 144;
        const auto dark = ui::renderPreviewPages(m_doc, options);
        QVERIFY(dark.ok());
        QCOMPARE(dark->size(), light->size());
        QCOMPARE(dark->front().size(), QSize(1190, 1684));
        QVERIFY(dark->front().pixelColor(5, 5).lightness() < 60);
        const QString dir = qEnvironmentVariable("MARKETLENS_TEST_ARTIFACTS");
        if (!dir.isEmpty()) {
            options.dark = false;
            const auto pages = ui::renderPreviewPages(m_doc, options);
            for (std::size_t i = 0; i < pages->size(); ++i)
                (*pages)[i].save(QStringLiteral("%1/report-page-%2.png").arg(dir).arg(i + 1));
            dark->front().save(dir + "/report-page-1-dark.png");
        }
    }

    void errorsNameTheFile()
    {
        const QString pdf = m_dir.filePath("no-such-folder/sub/report.pdf");
        const core::Status a = ui::renderPdf(m_doc, pdf);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, core::ErrorCode::Io);
        QVERIFY2(QString::fromStdString(a.error().message).contains("report.pdf"),
            a.error().message.c_str());
        const QString html = m_dir.filePath("no-such-folder/sub/report.html");
        const core::Status b = ui::renderHtml(m_doc, html);
        QVERIFY(!b.ok());
        QCOMPARE(b.error().code, core::ErrorCode::Io);
        QVERIFY2(QString::fromStdString(b.error().message).contains("report.html"),
            b.error().message.c_str());
        QVERIFY(!QFileInfo::exists(m_dir.filePath("no-such-folder")));
    }

    void cancelLeavesNoFile()
    {
        const QString pdf = m_dir.filePath("cancelled.pdf");
        int calls = 0;
        const core::Status a = ui::renderPdf(m_doc, pdf, [&](std::int64_t done, std::int64_t) {
            ++calls;
            return done < 2;
        });
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, core::ErrorCode::Cancelled);
        QCOMPARE(calls, 3);
        QVERIFY(!QFileInfo::exists(pdf));

        // An earlier report at the path survives a cancelled one.
        const QString html = m_dir.filePath("cancelled.html");
        {
            QFile old(html);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        const core::Status b
            = ui::renderHtml(m_doc, html, [](std::int64_t done, std::int64_t) { return done < 1; });
        QCOMPARE(b.error().code, core::ErrorCode::Cancelled);
        QFile old(html);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        const QStringList left = QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY2(!left.contains("cancelled.pdf"), qPrintable(left.join(", ")));
        for (const QString& name : left)
            QVERIFY2(!name.startsWith("cancelled.pdf"), qPrintable(name)); // no temporary left
    }

    // A tear sheet of realistic size (daily charts over five years, a 10 x 10 heatmap, tables):
    // its page count from the layout rule, and how long each output takes (printed only).
    void largeDocument()
    {
        ReportDocument doc = m_doc;
        doc.sections.clear();
        for (int s = 0; s < 5; ++s) {
            // (QString::arg: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.)
            const auto text = [](const char* f, int n) { return QString(f).arg(n).toStdString(); };
            Section section {text("s%1", s), text("Section %1", s + 1), {}};
            Table t = std::get<Table>(m_doc.sections[2].blocks[0]);
            t.rows.resize(40);
            section.blocks.push_back(t);
            Chart daily;
            daily.title = text("Daily series %1", s + 1);
            for (int k = 0; k < 3; ++k) {
                ChartSeries series {text("Series %1", k), {}, {}, ChartSeries::Style::Line, k};
                for (double d = day(2019, 1, 2); d <= day(2023, 12, 29); d += 1.0) {
                    series.x.push_back(d);
                    series.y.push_back(100.0 + k * 10.0 + std::sin(d / 50.0 + k) * 20.0);
                }
                daily.series.push_back(series);
            }
            section.blocks.push_back(daily);
            Chart heat;
            heat.title = text("Correlation %1", s + 1);
            for (int i = 0; i < 10; ++i)
                heat.heatLabels.push_back(text("T%1", i));
            for (int i = 0; i < 100; ++i)
                heat.matrix.push_back(i / 10 == i % 10 ? 1.0 : std::cos(i * 0.7));
            section.blocks.push_back(heat);
            doc.sections.push_back(section);
        }
        QElapsedTimer timer;
        timer.start();
        const QString pdf = m_dir.filePath("large.pdf");
        QVERIFY(ui::renderPdf(doc, pdf).ok());
        const qint64 pdfMs = timer.restart();
        QVERIFY(ui::renderHtml(doc, m_dir.filePath("large.html")).ok());
        const qint64 htmlMs = timer.restart();
        const auto pages = ui::renderPreviewPages(doc);
        const qint64 previewMs = timer.elapsed();
        QVERIFY(pages.ok());
        // Each section: a 40-row table (about 560 points) and two charts (about 280 and 400
        // points) on pages of 726 points: two pages per section.
        QCOMPARE(int(pages->size()), 10);
        qInfo(
            "%d pages: PDF %lld ms (%lld KiB), HTML %lld ms (%lld KiB), preview at 96 dpi %lld ms",
            int(pages->size()), pdfMs, QFileInfo(pdf).size() / 1024, htmlMs,
            QFileInfo(m_dir.filePath("large.html")).size() / 1024, previewMs);
    }

    // Hard content for the layout: a 14-column risk table with long headers, a long Chinese
    // paragraph, a heatmap of 18 long names, charts with no data or one point. Every text line
    // stays inside the text column (wrapped or shrunk, never cut off at the page edge).
    void hardLayoutStaysInColumn()
    {
        using namespace marketlens::ui::report_detail;
        ReportDocument doc;
        doc.title = "Layout stress";
        Section s {"risk", "Risk", {}};
        Table wide;
        wide.caption = "Risk per holding: value at risk and expected shortfall by method and "
                       "confidence, volatility, drawdown, ratios, beta and the risk score";
        wide.columns = {"Ticker", "VaR 95% historical", "VaR 99% historical", "VaR 95% parametric",
            "VaR 99% parametric", "ES 95% historical", "ES 99% historical", "Volatility (annual)",
            "Max drawdown", "Sharpe ratio", "Sortino ratio", "Beta to SPY", "Risk score",
            "Component VaR share"};
        wide.numeric.assign(wide.columns.size(), true);
        wide.numeric[0] = false;
        for (int r = 0; r < 12; ++r) {
            std::vector<TableCell> row {{"TICKER" + std::to_string(r)}};
            for (std::size_t c = 1; c < wide.columns.size(); ++c)
                row.push_back({QString::number(-0.0123 * double(c + r), 'f', 4).toStdString()});
            wide.rows.push_back(row);
        }
        s.blocks.push_back(wide);
        std::string chinese;
        for (int i = 0; i < 12; ++i)
            chinese += "风险价值和预期亏损按历史模拟法计算，置信水平为百分之九十九。";
        s.blocks.push_back(Paragraph {chinese, false});
        s.blocks.push_back(Paragraph {std::string(300, 'x'), true}); // one word longer than a line
        Chart heat;
        heat.title = "Correlation of many instruments";
        Chart epochs;
        epochs.title = "Training and validation loss of the forecasting network per epoch, with "
                       "the naive baseline for comparison (a title longer than one line)";
        epochs.timeAxis = false;
        epochs.xLabel = "Epoch";
        epochs.yLabel = "Loss";
        ChartSeries loss {"Training loss", {}, {}, ChartSeries::Style::Line, 0};
        for (int e = 1; e <= 250; ++e) {
            loss.x.push_back(e);
            loss.y.push_back(1.0 / e);
        }
        epochs.series = {loss};
        s.blocks.push_back(epochs);
        for (int i = 0; i < 18; ++i) {
            heat.heatLabels.push_back("Instrument " + std::string(1, char('A' + i)) + " Ltd");
            for (int j = 0; j < 18; ++j)
                heat.matrix.push_back(i == j ? 1.0 : std::sin(i * 3.1 + j * 3.1) * 0.9);
        }
        s.blocks.push_back(heat);
        Chart empty;
        empty.title = "No observations";
        empty.series = {{"Nothing", {}, {}, ChartSeries::Style::Line, 0}};
        s.blocks.push_back(empty);
        Chart one;
        one.title = "One observation";
        one.percentY = true;
        one.series = {{"Single", {day(2023, 3, 1)}, {0.02}, ChartSeries::Style::Points, 1}};
        s.blocks.push_back(one);
        doc.sections.push_back(s);

        const std::vector<LaidOutPage> pages = layoutReport(doc);
        QVERIFY(pages.size() >= 2);
        QImage device(1, 1, QImage::Format_RGB32);
        int texts = 0;
        for (const LaidOutPage& page : pages) {
            for (const PageOp& op : page.ops) {
                if (const auto* text = std::get_if<TextOp>(&op)) {
                    const QFontMetricsF fm(reportFont(text->role, &device, text->scale), &device);
                    const double right = text->baseline.x() + fm.horizontalAdvance(text->text);
                    QVERIFY2(text->baseline.x() >= kMarginX - 0.01
                            && right <= kMarginX + kContentWidth + 0.5,
                        qPrintable(QStringLiteral("%1 from %2 to %3")
                                       .arg(text->text)
                                       .arg(text->baseline.x())
                                       .arg(right)));
                    QVERIFY(text->baseline.y() > kMarginTop
                        && text->baseline.y() < kPageHeight - kMarginBottom);
                    ++texts;
                } else if (const auto* chart = std::get_if<ChartOp>(&op)) {
                    QVERIFY(chart->rect.left() >= kMarginX - 0.01);
                    QVERIFY(chart->rect.right() <= kMarginX + kContentWidth + 0.01);
                    QVERIFY(chart->rect.bottom() <= kPageHeight - kMarginBottom + 0.01);
                }
            }
        }
        QVERIFY(texts > 40);

        const QString path = m_dir.filePath("stress.pdf");
        QVERIFY(ui::renderPdf(doc, path).ok());
        keep(path);
        bool found = false;
        const QString text = runTool("pdftotext", {"-enc", "UTF-8", path, "-"}, &found);
        if (found) {
            for (const char* t : {"Sortino", "TICKER11", "-0.2952", "风险价值", "No data", "Epoch",
                     "250", "(a title longer than one line)", "the risk score", "Instrument R Ltd",
                     "Correlation of many instruments"})
                QVERIFY2(text.contains(QString::fromUtf8(t)), t);
        }
        const QString dir = qEnvironmentVariable("MARKETLENS_TEST_ARTIFACTS");
        if (!dir.isEmpty()) {
            const auto images = ui::renderPreviewPages(doc);
            for (std::size_t i = 0; i < images->size(); ++i)
                (*images)[i].save(QStringLiteral("%1/stress-page-%2.png").arg(dir).arg(i + 1));
        }
    }

    // The renderers run off the GUI thread (the report dialog and the CLI use worker threads):
    // two documents rendered at the same time give exactly what one thread gives.
    void rendersOnWorkerThreads()
    {
        const QString expected = ui::reportHtml(m_doc);
        const auto expectedPages = ui::renderPreviewPages(m_doc);
        QVERIFY(expectedPages.ok());
        auto job = [this](int i) {
            const QString pdf = m_dir.filePath(QStringLiteral("thread-%1.pdf").arg(i));
            const bool ok = ui::renderPdf(m_doc, pdf).ok();
            const auto pages = ui::renderPreviewPages(m_doc);
            return std::make_tuple(ok, ui::reportHtml(m_doc), pages.ok() ? pages->size() : 0);
        };
        QFuture<std::tuple<bool, QString, std::size_t>> a = QtConcurrent::run(job, 1);
        QFuture<std::tuple<bool, QString, std::size_t>> b = QtConcurrent::run(job, 2);
        for (auto* f : {&a, &b}) {
            const auto [ok, html, pages] = f->result();
            QVERIFY(ok);
            QCOMPARE(html, expected);
            QCOMPARE(pages, expectedPages->size());
        }
    }

    void emptyDocumentHasOnePage()
    {
        ReportDocument empty;
        empty.title = "Empty";
        const auto pages = ui::renderPreviewPages(empty);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(1));
        const QString path = m_dir.filePath("empty.html");
        QVERIFY(ui::renderHtml(empty, path).ok());
        QVERIFY(!ui::reportHtml(empty).contains("<svg"));
    }
};

QTEST_MAIN(TestReportRender)
#include "test_report_render.moc"
