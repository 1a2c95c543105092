// End-to-end runs of the built `marketlens` executable: exit codes, stderr diagnostics, JSON.
// Each run gets its own HOME and XDG folders inside a QTemporaryDir, so the user's real data
// folder is never touched.
#include "cli_test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cli_test;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work; // current folder of the runs
    QString m_dataHome;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(args, m_tmp.path(), m_dataHome, m_work);
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = QDir(m_work).filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray longCsv()
    {
        return "date,ticker,open,high,low,close,volume\n"
               "2020-01-02,AAA,10,11,9,10.5,1000\n"
               "2020-01-03,AAA,10.5,12,10,11.5,1100\n"
               "2020-01-06,AAA,11.5,12,11,11.75,900\n"
               "2020-01-02,BBB,20,21,19,20.5,500\n"
               "2020-01-03,BBB,20.5,22,20,21.5,600\n";
    }

    // Lines 3, 4 and 5 are bad: impossible date, a close that is not a number, no ticker.
    static QByteArray badCsv()
    {
        return "date,ticker,open,high,low,close,volume\n"
               "2020-01-02,AAA,10,11,9,10.5,1000\n"
               "2020-13-45,AAA,10,11,9,10.5,1000\n"
               "2020-01-06,AAA,10,11,9,abc,1000\n"
               "2020-01-07,,10,11,9,10.5,1000\n"
               "2020-01-08,AAA,10,11,9,10.5,1000\n";
    }

    void expectRejectedLines(const QString& err, const QString& file)
    {
        for (int line : {3, 4, 5}) {
            const QRegularExpression re(
                QStringLiteral("^.*%1:%2: \\S.*$").arg(QRegularExpression::escape(file)).arg(line),
                QRegularExpression::MultilineOption);
            QVERIFY2(re.match(err).hasMatch(),
                qPrintable(QStringLiteral("line %1 missing in:\n%2").arg(line).arg(err)));
        }
        for (int line : {1, 2, 6}) {
            const QString tag = QStringLiteral("%1:%2:").arg(file).arg(line);
            QVERIFY2(!err.contains(tag), qPrintable(err));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_work = m_tmp.filePath(QStringLiteral("work"));
        m_dataHome = m_tmp.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("home"))));
    }

    void helpAndVersion()
    {
        const RunResult help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("marketlens import FILE.mlens INPUT...")));
        const RunResult version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^marketlens \\d+\\.\\d+\\.\\d+\\s*$"))
                     .match(version.out)
                     .hasMatch(),
            qPrintable(version.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
        QTest::newRow("new without file") << QStringList {QStringLiteral("new")};
        QTest::newRow("import without input")
            << QStringList {QStringLiteral("import"), QStringLiteral("p.mlens")};
        QTest::newRow("bad kind") << QStringList {QStringLiteral("import"),
            QStringLiteral("p.mlens"), QStringLiteral("x.csv"), QStringLiteral("--kind"),
            QStringLiteral("bonds")};
        QTest::newRow("bad date format")
            << QStringList {QStringLiteral("import"), QStringLiteral("p.mlens"),
                   QStringLiteral("x.csv"), QStringLiteral("--date-format=someday")};
        QTest::newRow("option without value") << QStringList {QStringLiteral("import"),
            QStringLiteral("p.mlens"), QStringLiteral("x.csv"), QStringLiteral("--ticker")};
        QTest::newRow("unknown option") << QStringList {
            QStringLiteral("info"), QStringLiteral("p.mlens"), QStringLiteral("--colour")};
        QTest::newRow("two files for info") << QStringList {
            QStringLiteral("info"), QStringLiteral("a.mlens"), QStringLiteral("b.mlens")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const RunResult r = run(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("marketlens: ")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void newImportInfo()
    {
        const QString project = QDir(m_work).filePath(QStringLiteral("p.mlens"));
        RunResult r = run({QStringLiteral("new"), project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(project));
        QCOMPARE(run({QStringLiteral("new"), project}).exitCode, 2); // exists: refused

        writeFile(QStringLiteral("long.csv"), longCsv());
        writeFile(QStringLiteral("wide.csv"),
            "Date,CCC,DDD\n"
            "2020-01-02,1.5,2.5\n"
            "2020-01-03,1.6,2.6\n"
            "2020-01-06,1.7,2.7\n"
            "2020-01-07,1.8,2.8\n");
        writeFile(QStringLiteral("holdings.csv"),
            "ticker,quantity,cost_basis,currency\n"
            "AAA,100,10.25,USD\n"
            "CCC,50,1.5,USD\n");
        r = run({QStringLiteral("import"), QStringLiteral("p.mlens"), QStringLiteral("long.csv"),
            QStringLiteral("wide.csv"), QStringLiteral("holdings.csv"),
            QStringLiteral("--portfolio"), QStringLiteral("Test Book"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("rowsRejected")).toInt(), 0);
        const QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 3);
        QCOMPARE(files[0].toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("prices-long"));
        QCOMPARE(files[0].toObject().value(QStringLiteral("rowsAccepted")).toInt(), 5);
        QCOMPARE(files[1].toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("prices-wide"));
        QCOMPARE(files[2].toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("holdings"));
        QCOMPARE(files[2].toObject().value(QStringLiteral("rowsAccepted")).toInt(), 2);

        r = run({QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        o = r.json();
        QCOMPARE(o.value(QStringLiteral("schemaVersion")).toInt(), 5);
        const QJsonArray instruments = o.value(QStringLiteral("instruments")).toArray();
        QCOMPARE(instruments.size(), 4);
        struct Expect {
            const char* ticker;
            int rows;
            int ohlcRows;
            const char* first;
            const char* last;
        };
        for (const Expect& e : {Expect {"AAA", 3, 3, "2020-01-02", "2020-01-06"},
                 Expect {"BBB", 2, 2, "2020-01-02", "2020-01-03"},
                 Expect {"CCC", 4, 0, "2020-01-02", "2020-01-07"},
                 Expect {"DDD", 4, 0, "2020-01-02", "2020-01-07"}}) {
            const QJsonObject i
                = findByKey(instruments, QStringLiteral("ticker"), QString::fromLatin1(e.ticker));
            QVERIFY2(!i.isEmpty(), e.ticker);
            QCOMPARE(i.value(QStringLiteral("rows")).toInt(), e.rows);
            QCOMPARE(i.value(QStringLiteral("ohlcRows")).toInt(), e.ohlcRows);
            QCOMPARE(i.value(QStringLiteral("firstDate")).toString(), QString::fromLatin1(e.first));
            QCOMPARE(i.value(QStringLiteral("lastDate")).toString(), QString::fromLatin1(e.last));
        }
        const QJsonArray portfolios = o.value(QStringLiteral("portfolios")).toArray();
        QCOMPARE(portfolios.size(), 1);
        const QJsonObject book = portfolios[0].toObject();
        QCOMPARE(book.value(QStringLiteral("name")).toString(), QStringLiteral("Test Book"));
        const QJsonArray holdings = book.value(QStringLiteral("holdings")).toArray();
        QCOMPARE(holdings.size(), 2);
        const QJsonObject aaa
            = findByKey(holdings, QStringLiteral("ticker"), QStringLiteral("AAA"));
        QCOMPARE(aaa.value(QStringLiteral("quantity")).toDouble(), 100.0);
        QCOMPARE(aaa.value(QStringLiteral("costBasis")).toDouble(), 10.25);
        QCOMPARE(aaa.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QVERIFY(aaa.value(QStringLiteral("weight")).isNull());
        QCOMPARE(o.value(QStringLiteral("imports")).toArray().size(), 3);

        // Human-readable info names every instrument with its row count.
        r = run({QStringLiteral("info"), project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("AAA\\s+3 rows\\s+2020-01-02 \\.\\. 2020-01-06"))
                     .match(r.out)
                     .hasMatch(),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Test Book")));

        // Re-importing the same prices updates rows instead of duplicating them.
        r = run({QStringLiteral("import"), project, QStringLiteral("long.csv")});
        QCOMPARE(r.exitCode, 0);
        o = run({QStringLiteral("info"), project, QStringLiteral("--json")}).json();
        QCOMPARE(findByKey(o.value(QStringLiteral("instruments")).toArray(),
                     QStringLiteral("ticker"), QStringLiteral("AAA"))
                     .value(QStringLiteral("rows"))
                     .toInt(),
            3);
    }

    // Decision (docs/cli.md): without --strict, bad rows are reported on stderr and the good
    // rows are imported with exit code 0; --strict imports nothing and exits with 2.
    void badRowsReportedWithLineNumbers()
    {
        const QString project = QDir(m_work).filePath(QStringLiteral("bad.mlens"));
        QCOMPARE(run({QStringLiteral("new"), project}).exitCode, 0);
        writeFile(QStringLiteral("bad.csv"), badCsv());
        RunResult r = run({QStringLiteral("import"), project, QStringLiteral("bad.csv")});
        QCOMPARE(r.exitCode, 0);
        expectRejectedLines(r.err, QStringLiteral("bad.csv"));
        QVERIFY2(r.out.contains(QStringLiteral("2 rows accepted, 3 rejected")), qPrintable(r.out));
        const QJsonObject o
            = run({QStringLiteral("info"), project, QStringLiteral("--json")}).json();
        const QJsonArray instruments = o.value(QStringLiteral("instruments")).toArray();
        QCOMPARE(instruments.size(), 1);
        QCOMPARE(instruments[0].toObject().value(QStringLiteral("rows")).toInt(), 2);
        const QJsonObject log = o.value(QStringLiteral("imports")).toArray().at(0).toObject();
        QCOMPARE(log.value(QStringLiteral("rowsAccepted")).toInt(), 2);
        QCOMPARE(log.value(QStringLiteral("rowsRejected")).toInt(), 3);
    }

    void badRowsInJson()
    {
        const QString project = QDir(m_work).filePath(QStringLiteral("badjson.mlens"));
        QCOMPARE(run({QStringLiteral("new"), project}).exitCode, 0);
        writeFile(QStringLiteral("bad.csv"), badCsv());
        const RunResult r = run({QStringLiteral("import"), project, QStringLiteral("bad.csv"),
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        expectRejectedLines(r.err, QStringLiteral("bad.csv")); // stderr too, in JSON mode
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("rowsAccepted")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("rowsRejected")).toInt(), 3);
        const QJsonArray rejected = o.value(QStringLiteral("files"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("rejected"))
                                        .toArray();
        QCOMPARE(rejected.size(), 3);
        QList<int> lines;
        for (const QJsonValue& v : rejected) {
            lines << v.toObject().value(QStringLiteral("line")).toInt();
            QVERIFY(!v.toObject().value(QStringLiteral("reason")).toString().isEmpty());
        }
        QCOMPARE(lines, (QList<int> {3, 4, 5}));
    }

    void strictImportsNothing()
    {
        const QString project = QDir(m_work).filePath(QStringLiteral("strict.mlens"));
        QCOMPARE(run({QStringLiteral("new"), project}).exitCode, 0);
        writeFile(QStringLiteral("long.csv"), longCsv());
        QCOMPARE(run({QStringLiteral("import"), project, QStringLiteral("long.csv")}).exitCode, 0);
        writeFile(QStringLiteral("bad.csv"), badCsv());
        const QByteArray before = fileHash(project);
        RunResult r = run({QStringLiteral("import"), project, QStringLiteral("long.csv"),
            QStringLiteral("bad.csv"), QStringLiteral("--strict")});
        QCOMPARE(r.exitCode, 2);
        expectRejectedLines(r.err, QStringLiteral("bad.csv"));
        QVERIFY2(r.err.contains(QStringLiteral("nothing was imported")), qPrintable(r.err));
        QCOMPARE(fileHash(project), before);

        r = run({QStringLiteral("import"), project, QStringLiteral("bad.csv"),
            QStringLiteral("--strict"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("committed")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("rowsRejected")).toInt(), 3);
        QCOMPARE(fileHash(project), before);
    }

    void nonProjectFile()
    {
        const QString notes = writeFile(QStringLiteral("notes.mlens"), "just some notes\n");
        const QByteArray before = fileHash(notes);
        RunResult r = run({QStringLiteral("info"), QStringLiteral("notes.mlens")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("notes.mlens")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("not a MarketLens project")), qPrintable(r.err));
        writeFile(QStringLiteral("long.csv"), longCsv());
        r = run({QStringLiteral("import"), QStringLiteral("notes.mlens"),
            QStringLiteral("long.csv"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("notes.mlens")));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(
            o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("NotAProject"));
        QCOMPARE(fileHash(notes), before);

        r = run({QStringLiteral("info"), QStringLiteral("nowhere.mlens")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("nowhere.mlens")));

        const QString project = QDir(m_work).filePath(QStringLiteral("p2.mlens"));
        QCOMPARE(run({QStringLiteral("new"), project}).exitCode, 0);
        r = run({QStringLiteral("import"), project, QStringLiteral("missing.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("missing.csv")));
    }

    void demoProject()
    {
        const QString project = QDir(m_work).filePath(QStringLiteral("demo-copy.mlens"));
        RunResult r = run({QStringLiteral("demo"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        const QJsonArray instruments = o.value(QStringLiteral("instruments")).toArray();
        QCOMPARE(instruments.size(), 30); // DowJones30; msft_ohlcv.csv merges into MSFT
        const QJsonObject aa
            = findByKey(instruments, QStringLiteral("ticker"), QStringLiteral("AA"));
        QCOMPARE(aa.value(QStringLiteral("rows")).toInt(), 2529);
        QCOMPARE(aa.value(QStringLiteral("firstDate")).toString(), QStringLiteral("1990-12-31"));
        QCOMPARE(aa.value(QStringLiteral("lastDate")).toString(), QStringLiteral("2001-01-02"));
        // MSFT: 2529 DowJones30 closes plus 182 later msft.dat days; OHLC on all 249 msft.dat days.
        const QJsonObject msft
            = findByKey(instruments, QStringLiteral("ticker"), QStringLiteral("MSFT"));
        QCOMPARE(msft.value(QStringLiteral("rows")).toInt(), 2711);
        QCOMPARE(msft.value(QStringLiteral("ohlcRows")).toInt(), 249);
        QCOMPARE(msft.value(QStringLiteral("lastDate")).toString(), QStringLiteral("2001-09-27"));
        const QJsonArray portfolios = o.value(QStringLiteral("portfolios")).toArray();
        QCOMPARE(portfolios.size(), 1);
        QCOMPARE(portfolios[0].toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Dow Core"));
        const QJsonArray holdings
            = portfolios[0].toObject().value(QStringLiteral("holdings")).toArray();
        QCOMPARE(holdings.size(), 6);
        const QJsonObject h = findByKey(holdings, QStringLiteral("ticker"), QStringLiteral("MSFT"));
        QCOMPARE(h.value(QStringLiteral("quantity")).toDouble(), 1000.0);
        QCOMPARE(h.value(QStringLiteral("costBasis")).toDouble(), 7.52);
        QCOMPARE(run({QStringLiteral("demo"), project}).exitCode, 2); // exists: refused
    }

    // "demo.mlens" that is not in the current folder is created in, and then found in, the
    // user data folder.
    void demoInUserDataFolder()
    {
        RunResult r
            = run({QStringLiteral("info"), QStringLiteral("demo.mlens"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString path = r.json().value(QStringLiteral("project")).toString();
        QVERIFY2(path.startsWith(m_dataHome), qPrintable(path));
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(QDir(m_work).filePath(QStringLiteral("demo.mlens"))));
        r = run({QStringLiteral("demo"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("project")).toString(), path);
        QCOMPARE(r.json().value(QStringLiteral("created")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
