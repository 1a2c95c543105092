// End-to-end tests of `marketlens report`: the demo project (real DowJones30 prices and the
// dow_core portfolio of resources/demo/portfolio_dow_core.csv) rendered to PDF and HTML, the
// content checked in the files themselves (text extracted with pdftotext, page count from
// pdfinfo, the HTML's tables and inline SVG), usage errors (exit 1) and bad projects (exit 2,
// no output file), --sections and --json.
#include "cli_test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using cli_test::RunResult;

namespace {
// The holdings of resources/demo/portfolio_dow_core.csv.
const QStringList kDemoTickers = {QStringLiteral("MSFT"), QStringLiteral("IBM"),
    QStringLiteral("KO"), QStringLiteral("JNJ"), QStringLiteral("GE"), QStringLiteral("XOM")};

// Output of a poppler tool (pdftotext / pdfinfo); empty when it fails.
QString poppler(const QString& tool, const QStringList& args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString& pdf)
{
    return poppler(
        QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
}

int pdfPages(const QString& pdf)
{
    static const QRegularExpression pages(
        QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption);
    const auto m = pages.match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Text of an HTML fragment: tags dropped, the few entities the renderer writes decoded.
QString plain(QString html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(tag);
    html.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return html.simplified();
}

// Each <table>...</table> as a list of rows, each row the plain text of its cells.
QList<QList<QStringList>> htmlTables(const QString& html)
{
    static const QRegularExpression table(QStringLiteral("<table\\b.*?</table>"),
        QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression row(QStringLiteral("<tr\\b.*?</tr>"),
        QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cell(QStringLiteral("<t([dh])\\b[^>]*>(.*?)</t\\1>"),
        QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
    QList<QList<QStringList>> tables;
    for (auto t = table.globalMatch(html); t.hasNext();) {
        QList<QStringList> rows;
        const QString tableHtml = t.next().captured(0);
        for (auto r = row.globalMatch(tableHtml); r.hasNext();) {
            QStringList cells;
            const QString rowHtml = r.next().captured(0);
            for (auto c = cell.globalMatch(rowHtml); c.hasNext();)
                cells << plain(c.next().captured(2));
            rows << cells;
        }
        tables << rows;
    }
    return tables;
}
} // namespace

class TestCliReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;
    QString m_work;
    QString m_data;
    QString m_demo;

    RunResult run(const QStringList& args) const
    {
        return cli_test::runMarketlens(args, m_root.path(), m_data, m_work);
    }
    QString work(const QString& name) const { return QDir(m_work).filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_work = m_root.filePath(QStringLiteral("work"));
        m_data = m_root.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(QDir().mkpath(m_data));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const RunResult demo = run({QStringLiteral("demo"), QStringLiteral("demo.mlens")});
        QCOMPARE(demo.exitCode, 0);
        m_demo = work(QStringLiteral("demo.mlens"));
        QVERIFY(QFileInfo::exists(m_demo));
    }

    void pdfHasTheContent()
    {
        const RunResult r = run({QStringLiteral("report"), QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("demo.pdf")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("wrote demo.pdf")), qPrintable(r.out));
        const QString text = pdfText(work(QStringLiteral("demo.pdf")));
        QVERIFY(!text.isEmpty());
        QVERIFY(text.contains(QStringLiteral("MarketLens report: demo")));
        for (const QString& t : kDemoTickers)
            QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(t))),
                qPrintable(t));
        for (const char* title :
            {"Project and data", "Holdings", "Risk", "Risk charts", "Conventions"})
            QVERIFY2(text.contains(QLatin1String(title)), title);
        // The portfolio and a data source of the demo project (its import log).
        QVERIFY(text.contains(QStringLiteral("Dow Core")));
        QVERIFY(text.contains(QStringLiteral("dowjones30_prices.csv")));
        // Every page numbered "Page n of N", N the page count pdfinfo reads from the file.
        const int pages = pdfPages(work(QStringLiteral("demo.pdf")));
        QVERIFY(pages >= 2);
        for (int p = 1; p <= pages; ++p)
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(p).arg(pages)),
                qPrintable(QStringLiteral("Page %1 of %2").arg(p).arg(pages)));
        QVERIFY(!text.contains(QStringLiteral("Page %1 of").arg(pages + 1)));
        QCOMPARE(r.out.count(QStringLiteral("(%1 pages)").arg(pages)), 1);
    }

    void htmlHasTheContent()
    {
        const RunResult r = run({QStringLiteral("report"), QStringLiteral("demo.mlens"),
            QStringLiteral("--out=demo.html")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString html = readText(work(QStringLiteral("demo.html")));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>"), Qt::CaseInsensitive));
        // The holdings table: a header row, then one row per holding, the ticker first.
        const auto tables = htmlTables(html);
        QVERIFY(tables.size() >= 3);
        const QList<QStringList>* holdings = nullptr;
        for (const auto& t : tables) {
            QStringList firstColumn;
            for (const QStringList& row : t)
                if (!row.isEmpty())
                    firstColumn << row.first();
            bool all = true;
            for (const QString& ticker : kDemoTickers)
                all = all && firstColumn.contains(ticker);
            if (all && t.first().contains(QStringLiteral("Ticker"), Qt::CaseInsensitive)
                && t.first().contains(QStringLiteral("Quantity"), Qt::CaseInsensitive)) {
                holdings = &t;
                break;
            }
        }
        QVERIFY2(holdings, "no table with Ticker and Quantity columns and every demo holding");
        QVERIFY(holdings->size() >= 1 + kDemoTickers.size());
        // Quantities of resources/demo/portfolio_dow_core.csv in the MSFT and IBM rows.
        for (const QStringList& row : *holdings) {
            if (row.first() == QLatin1String("MSFT"))
                QVERIFY2(row.join(QLatin1Char('|'))
                             .contains(QRegularExpression(QStringLiteral("\\b1,?000(\\.0+)?\\b"))),
                    qPrintable(row.join(QLatin1Char('|'))));
            if (row.first() == QLatin1String("IBM"))
                QVERIFY2(row.join(QLatin1Char('|'))
                             .contains(QRegularExpression(QStringLiteral("\\b400(\\.0+)?\\b"))),
                    qPrintable(row.join(QLatin1Char('|'))));
        }
        // Charts inline as SVG (drawdown, VaR/ES, correlation heatmap, VaR backtest), and a
        // self-contained file: nothing loaded from elsewhere.
        QVERIFY2(html.count(QStringLiteral("<svg")) >= 4,
            qPrintable(QString::number(html.count(QStringLiteral("<svg")))));
        static const QRegularExpression external(
            QStringLiteral("(src|href)\\s*=\\s*[\"']?(https?:|file:|//)|<script|<link\\b|@import"),
            QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!html.contains(external), qPrintable(external.match(html).captured(0)));
        const QString text = plain(html);
        for (const char* title : {"Project and data", "Risk charts", "Conventions"})
            QVERIFY2(text.contains(QLatin1String(title)), title);
    }

    void sectionsFilterTheReport()
    {
        const RunResult r = run({QStringLiteral("report"), m_demo, QStringLiteral("--out"),
            work(QStringLiteral("part.pdf")), QStringLiteral("--sections"),
            QStringLiteral("conventions,holdings"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json();
        // Report order, whatever the order asked.
        QCOMPARE(o.value(QStringLiteral("sections")).toArray(),
            QJsonArray({QStringLiteral("holdings"), QStringLiteral("conventions")}));
        const QString text = pdfText(work(QStringLiteral("part.pdf")));
        QVERIFY(text.contains(QStringLiteral("Holdings")));
        QVERIFY(text.contains(QStringLiteral("Conventions")));
        QVERIFY(text.contains(QStringLiteral("XOM")));
        QVERIFY(!text.contains(QStringLiteral("Risk charts")));
        QVERIFY(!text.contains(QStringLiteral("Project and data")));
        QVERIFY(!text.contains(QStringLiteral("dowjones30_prices.csv")));
        const int full = pdfPages(work(QStringLiteral("demo.pdf")));
        QVERIFY(pdfPages(work(QStringLiteral("part.pdf"))) < full);
    }

    void jsonDescribesTheOutput()
    {
        const RunResult pdf
            = run({QStringLiteral("report"), QStringLiteral("demo.mlens"), QStringLiteral("--out"),
                QStringLiteral("j.pdf"), QStringLiteral("--json"), QStringLiteral("--confidence"),
                QStringLiteral("0.99"), QStringLiteral("--window"), QStringLiteral("120")});
        QVERIFY2(pdf.exitCode == 0, qPrintable(pdf.err));
        QJsonObject o = pdf.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("output")).toString(), QStringLiteral("j.pdf"));
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));
        QCOMPARE(o.value(QStringLiteral("pages")).toInt(), pdfPages(work(QStringLiteral("j.pdf"))));
        QVERIFY(o.value(QStringLiteral("seconds")).toDouble() > 0.0);
        QJsonArray all;
        for (const char* id : {"summary", "holdings", "risk", "charts", "conventions"})
            all.append(QLatin1String(id));
        for (const QJsonValue& id : all)
            QVERIFY2(o.value(QStringLiteral("sections")).toArray().contains(id),
                qPrintable(id.toString()));
        // Only the 99 % level was asked for, and a 120-return backtest window.
        const QString text = pdfText(work(QStringLiteral("j.pdf")));
        QVERIFY(text.contains(QStringLiteral("VaR and ES at 99 %")));
        QVERIFY(!text.contains(QStringLiteral("VaR and ES at 95")));
        QVERIFY(text.contains(QStringLiteral("rolling 120 returns")));

        const RunResult html = run({QStringLiteral("report"), QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("j.htm"), QStringLiteral("--json")});
        QVERIFY2(html.exitCode == 0, qPrintable(html.err));
        o = html.json();
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("html"));
        QVERIFY(!o.contains(QStringLiteral("pages")));
        QVERIFY(QFileInfo(work(QStringLiteral("j.htm"))).size() > 10000);
    }

    void usageErrorsExitOne_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --out") << QStringList {QStringLiteral("demo.mlens")}
                                  << QStringLiteral("--out");
        QTest::newRow("bad suffix") << QStringList {QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("u.docx")}
                                    << QStringLiteral(".pdf, .html");
        QTest::newRow("no file") << QStringList {QStringLiteral("--out"), QStringLiteral("u.pdf")}
                                 << QStringLiteral("FILE");
        QTest::newRow("two files") << QStringList {QStringLiteral("demo.mlens"),
            QStringLiteral("other.mlens"), QStringLiteral("--out"), QStringLiteral("u.pdf")}
                                   << QStringLiteral("exactly one");
        QTest::newRow("unknown section") << QStringList {QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("u.pdf"), QStringLiteral("--sections"),
            QStringLiteral("holdings,appendix")}
                                         << QStringLiteral("unknown section 'appendix'");
        QTest::newRow("bad confidence") << QStringList {QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("u.pdf"), QStringLiteral("--confidence"),
            QStringLiteral("95")} << QStringLiteral("bad confidence '95'");
        QTest::newRow("bad window") << QStringList {QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("u.pdf"), QStringLiteral("--window"),
            QStringLiteral("5")} << QStringLiteral("--window");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("u.pdf"), QStringLiteral("--landscape")}
                                        << QStringLiteral("unknown option --landscape");
    }

    void usageErrorsExitOne()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const RunResult r = run(QStringList {QStringLiteral("report")} + args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(work(QStringLiteral("u.pdf"))));
        QVERIFY(!QFileInfo::exists(work(QStringLiteral("u.docx"))));
    }

    void badProjectExitsTwo()
    {
        // Not a project: an SQLite-less text file with the suffix.
        QFile fake(work(QStringLiteral("notes.mlens")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("this is not a MarketLens project\n");
        fake.close();
        const QStringList outs = {QStringLiteral("bad.pdf"), QStringLiteral("bad.html")};
        for (const QString& out : outs) {
            RunResult r = run({QStringLiteral("report"), QStringLiteral("notes.mlens"),
                QStringLiteral("--out"), out});
            QCOMPARE(r.exitCode, 2);
            // "file: reason" on a line of its own (Qt may print a warning before it).
            static const QRegularExpression notAProject(
                QStringLiteral("(^|\\n)marketlens: notes\\.mlens: not a "));
            QVERIFY2(r.err.contains(notAProject), qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(work(out)));

            r = run({QStringLiteral("report"), QStringLiteral("missing.mlens"),
                QStringLiteral("--out"), out, QStringLiteral("--json")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("missing.mlens")), qPrintable(r.err));
            QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(true), false);
            QVERIFY(!QFileInfo::exists(work(out)));
        }
        // A portfolio the project does not have: a data error naming it, nothing written.
        RunResult r = run({QStringLiteral("report"), QStringLiteral("demo.mlens"),
            QStringLiteral("--out"), QStringLiteral("bad.pdf"), QStringLiteral("--portfolio"),
            QStringLiteral("nosuch")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nosuch")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(work(QStringLiteral("bad.pdf"))));
        // An output folder that does not exist: the error names the file.
        r = run({QStringLiteral("report"), QStringLiteral("demo.mlens"), QStringLiteral("--out"),
            QStringLiteral("no/such/folder/r.pdf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("r.pdf")), qPrintable(r.err));
        // An empty project: no prices to report on.
        QCOMPARE(run({QStringLiteral("new"), QStringLiteral("empty.mlens")}).exitCode, 0);
        r = run({QStringLiteral("report"), QStringLiteral("empty.mlens"), QStringLiteral("--out"),
            QStringLiteral("bad.pdf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no prices")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(work(QStringLiteral("bad.pdf"))));
    }

    void helpListsTheCommand()
    {
        RunResult r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("marketlens report FILE.mlens --out")));
        r = run({QStringLiteral("report"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--sections")));
        QVERIFY(r.out.contains(QStringLiteral("conventions")));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "test_cli_report.moc"
