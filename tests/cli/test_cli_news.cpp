// End-to-end runs of `marketlens import --kind news`, `news` and `aliases`: JSON results, rejected
// items on stderr as file:line, exit codes 0/1/2, linking after aliases and after a price import.
// Expected counts come from the fixture files in tests/data/news (see news_README.md).
#include "cli_test_support.h"
#include "core/news/news_store.h"
#include "core/project_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cli_test;

namespace {

QString newsFixture(const char* name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/news/") + QLatin1String(name);
}

QStringList headlines(const QJsonObject& o)
{
    QStringList out;
    for (const QJsonValue& v : o.value(QStringLiteral("items")).toArray())
        out << v.toObject().value(QStringLiteral("headline")).toString();
    return out;
}

QJsonObject itemByHeadline(const QJsonObject& o, const QString& headline)
{
    return findByKey(
        o.value(QStringLiteral("items")).toArray(), QStringLiteral("headline"), headline);
}

} // namespace

class TestCliNews : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work;
    QString m_dataHome;
    int m_n = 0;

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

    // A new project, with prices for `tickers` when given (so they are instruments).
    QString newProject(const QByteArray& prices = {})
    {
        const QString path = QDir(m_work).filePath(QStringLiteral("p%1.mlens").arg(++m_n));
        if (run({QStringLiteral("new"), path}).exitCode != 0)
            qFatal("new failed");
        if (!prices.isEmpty()) {
            const QString csv = writeFile(QStringLiteral("prices%1.csv").arg(m_n), prices);
            const RunResult r = run({QStringLiteral("import"), path, csv});
            if (r.exitCode != 0)
                qFatal("price import failed: %s", qPrintable(r.err));
        }
        return path;
    }

    static QByteArray quotePrices()
    {
        return "date,ticker,close\n2003-06-10,AAPL,17.5\n2003-06-10,MSFT,24.75\n"
               "2003-06-10,IBM,82.25\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_work = QDir(m_tmp.path()).filePath(QStringLiteral("work"));
        m_dataHome = QDir(m_tmp.path()).filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(QDir().mkpath(m_dataHome));
    }

    void importNewsJsonAndStderr()
    {
        const QString project = newProject(quotePrices());
        const QString synonyms = newsFixture("news_synonyms.csv");
        RunResult r = run({QStringLiteral("import"), project, synonyms, QStringLiteral("--kind"),
            QStringLiteral("news"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("news"));
        QCOMPARE(o.value(QStringLiteral("itemsAccepted")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("itemsRejected")).toInt(), 2);
        const QJsonObject f = o.value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(f.value(QStringLiteral("file")).toString(), synonyms);
        QCOMPARE(f.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
        QCOMPARE(f.value(QStringLiteral("itemsAccepted")).toInt(), 4);
        QCOMPARE(f.value(QStringLiteral("itemsRejected")).toInt(), 2);
        QCOMPARE(f.value(QStringLiteral("duplicatesInFile")).toInt(), 1);
        QCOMPARE(f.value(QStringLiteral("duplicatesInProject")).toInt(), 0);
        QCOMPARE(f.value(QStringLiteral("itemsLinked")).toInt(), 2); // AAPL+MSFT, IBM(+XOM)
        QCOMPARE(f.value(QStringLiteral("labelled")).toInt(), 4);
        QVERIFY(f.value(QStringLiteral("warnings")).isArray());
        const QJsonArray rejected = f.value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 2);
        const QJsonObject r0 = rejected.at(0).toObject();
        QCOMPARE(r0.value(QStringLiteral("file")).toString(), synonyms);
        QCOMPARE(r0.value(QStringLiteral("line")).toInt(), 7);
        QCOMPARE(r0.value(QStringLiteral("item")).toInt(), 4);
        QCOMPARE(r0.value(QStringLiteral("reason")).toString(),
            QStringLiteral("unrecognised date/time 'not a date'"));
        QCOMPARE(rejected.at(1).toObject().value(QStringLiteral("line")).toInt(), 8);
        QVERIFY2(r.err.contains(synonyms
                     + QStringLiteral(":7: item 4: unrecognised date/time "
                                      "'not a date'")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(synonyms + QStringLiteral(":8: item 5: no headline")),
            qPrintable(r.err));

        // Again: all four are already there.
        r = run({QStringLiteral("import"), project, synonyms, QStringLiteral("--kind=news"),
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject again
            = r.json().value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(again.value(QStringLiteral("duplicatesInProject")).toInt(), 4);
        QCOMPARE(again.value(QStringLiteral("itemsAccepted")).toInt(), 0);

        // A feed without --kind goes to the news import; the text output names the counts.
        r = run({QStringLiteral("import"), project, newsFixture("news_date_time_columns.csv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("news (csv), 2 items accepted, 0 rejected")),
            qPrintable(r.out));

        r = run({QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("newsItems")).toInt(), 6);
        QCOMPARE(r.json().value(QStringLiteral("schemaVersion")).toInt(), 5);
    }

    void newsListing()
    {
        const QString project = newProject(quotePrices());
        QCOMPARE(run({QStringLiteral("import"), project, newsFixture("news_synonyms.csv"),
                         newsFixture("news_date_time_columns.csv"), QStringLiteral("--kind"),
                         QStringLiteral("news")})
                     .exitCode,
            0);
        // A lexicon score for one item, written the way the scorer stores it.
        qint64 ibmId = 0;
        {
            auto store = marketlens::core::ProjectStore::open(project.toStdString());
            QVERIFY(store);
            const auto all = marketlens::core::news::listNews(*store);
            for (const auto& n : *all) {
                if (n.headline == "IBM slips")
                    ibmId = n.id;
            }
            QVERIFY(ibmId > 0);
            QVERIFY(marketlens::core::news::saveScores(*store, "lexicon",
                {{ibmId, -0.40625, marketlens::core::SentimentClass::Negative, {}, {}}}));
        }
        RunResult r = run({QStringLiteral("news"), project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("count")).toInt(), 6);
        // Oldest first: the dotted date is a day (00:00 UTC), EST 04:00 = 09:00 UTC after the
        // 09:00 UTC item with the lower id, 4:00 PM last.
        QCOMPARE(headlines(o),
            (QStringList {QStringLiteral("Dotted date"),
                QStringLiteral("Apple and Microsoft rally"),
                QStringLiteral("Separate date and time columns"), QStringLiteral("IBM slips"),
                QStringLiteral("Quoted; headline with \"quotes\""),
                QStringLiteral("Afternoon item")}));
        const QJsonObject ibm = itemByHeadline(o, QStringLiteral("IBM slips"));
        QCOMPARE(
            ibm.value(QStringLiteral("time")).toString(), QStringLiteral("2003-06-10T09:00:00Z"));
        QCOMPARE(ibm.value(QStringLiteral("label")).toString(), QStringLiteral("-1"));
        QCOMPARE(ibm.value(QStringLiteral("labelClass")).toString(), QStringLiteral("negative"));
        const QJsonArray ibmTickers = ibm.value(QStringLiteral("tickers")).toArray();
        QCOMPARE(ibmTickers.size(), 1); // XOM is no instrument
        QCOMPARE(ibmTickers.at(0).toObject().value(QStringLiteral("ticker")).toString(),
            QStringLiteral("IBM"));
        QCOMPARE(ibmTickers.at(0).toObject().value(QStringLiteral("reason")).toString(),
            QStringLiteral("explicit"));
        const QJsonObject score = ibm.value(QStringLiteral("score")).toObject();
        QCOMPARE(score.value(QStringLiteral("model")).toString(), QStringLiteral("lexicon"));
        QCOMPARE(score.value(QStringLiteral("score")).toDouble(), -0.40625);
        QCOMPARE(score.value(QStringLiteral("label")).toString(), QStringLiteral("negative"));
        QVERIFY(itemByHeadline(o, QStringLiteral("Afternoon item"))
                    .value(QStringLiteral("score"))
                    .isNull());

        r = run({QStringLiteral("news"), project, QStringLiteral("--ticker"),
            QStringLiteral("aapl"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(headlines(r.json()),
            (QStringList {
                QStringLiteral("Apple and Microsoft rally"), QStringLiteral("Afternoon item")}));
        r = run({QStringLiteral("news"), project, QStringLiteral("--limit"), QStringLiteral("2"),
            QStringLiteral("--json")});
        QCOMPARE(headlines(r.json()),
            (QStringList {QStringLiteral("Afternoon item"),
                QStringLiteral("Quoted; headline with \"quotes\"")}));
        r = run({QStringLiteral("news"), project, QStringLiteral("--from"),
            QStringLiteral("2003-06-11"), QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("count")).toInt(), 0);
        r = run({QStringLiteral("news"), project, QStringLiteral("--to"),
            QStringLiteral("2003-06-10")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("6 news items")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("2003-06-10T09:00:00Z -0.406 negative  IBM slips")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("tickers: AAPL (explicit), MSFT (explicit)")),
            qPrintable(r.out));

        // Usage errors exit 1, an unknown ticker or project 2.
        QCOMPARE(
            run({QStringLiteral("news"), project, QStringLiteral("--from"), QStringLiteral("June")})
                .exitCode,
            1);
        QCOMPARE(
            run({QStringLiteral("news"), project, QStringLiteral("--limit"), QStringLiteral("-3")})
                .exitCode,
            1);
        QCOMPARE(run({QStringLiteral("news")}).exitCode, 1);
        r = run(
            {QStringLiteral("news"), project, QStringLiteral("--ticker"), QStringLiteral("ZZZ")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.contains(QStringLiteral("no instrument with ticker ZZZ")), qPrintable(r.err));
        QCOMPARE(run({QStringLiteral("news"), QDir(m_work).filePath(QStringLiteral("none.mlens"))})
                     .exitCode,
            2);
    }

    void aliasesRelink()
    {
        const QString project = newProject(quotePrices());
        const QString json = writeFile(QStringLiteral("ms.json"),
            R"([{"title": "Microsoft Corp wins contract", "date": "2003-06-12T10:00:00Z",
                 "body": "Microsoft said the deal is large."},
                {"title": "Nothing to see", "date": "2003-06-12T11:00:00Z"}])");
        RunResult r = run({QStringLiteral("import"), project, json, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json()
                     .value(QStringLiteral("files"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("itemsLinked"))
                     .toInt(),
            0);

        r = run({QStringLiteral("aliases"), project, QStringLiteral("msft"),
            QStringLiteral("Microsoft Corp"), QStringLiteral("Microsoft"),
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("newsRelinked")).toInt(), 1);
        const QJsonArray instruments = o.value(QStringLiteral("instruments")).toArray();
        QCOMPARE(instruments.size(), 1);
        QCOMPARE(instruments.at(0).toObject().value(QStringLiteral("ticker")).toString(),
            QStringLiteral("MSFT"));
        QCOMPARE(
            instruments.at(0).toObject().value(QStringLiteral("aliases")).toArray().toVariantList(),
            (QVariantList {QStringLiteral("Microsoft"), QStringLiteral("Microsoft Corp")}));

        r = run({QStringLiteral("news"), project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--json")});
        o = r.json();
        QCOMPARE(headlines(o), QStringList {QStringLiteral("Microsoft Corp wins contract")});
        const QJsonObject link = o.value(QStringLiteral("items"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("tickers"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        QCOMPARE(link.value(QStringLiteral("reason")).toString(), QStringLiteral("alias"));
        QCOMPARE(link.value(QStringLiteral("mentions")).toInt(), 2);

        r = run({QStringLiteral("aliases"), project, QStringLiteral("MSFT")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Microsoft; Microsoft Corp")), qPrintable(r.out));
        r = run({QStringLiteral("aliases"), project, QStringLiteral("MSFT"),
            QStringLiteral("--clear"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("newsRelinked")).toInt(), 1);
        r = run({QStringLiteral("news"), project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("count")).toInt(), 0);

        r = run({QStringLiteral("aliases"), project, QStringLiteral("ZZZ"), QStringLiteral("Zed")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("ZZZ")), qPrintable(r.err));
        QCOMPARE(run({QStringLiteral("aliases")}).exitCode, 1);
        QCOMPARE(run({QStringLiteral("aliases"), project, QStringLiteral("--clear")}).exitCode, 1);
    }

    // News first, prices later: the price import links the stored news to the new instrument.
    void priceImportLinksStoredNews()
    {
        const QString project = newProject();
        QCOMPARE(
            run({QStringLiteral("import"), project, newsFixture("news_synonyms.csv")}).exitCode, 0);
        const QString prices = writeFile(QStringLiteral("ibm.csv"),
            "date,ticker,close\n2003-06-10,IBM,82.25\n2003-06-11,IBM,83.5\n");
        RunResult r = run({QStringLiteral("import"), project, prices});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("news items linked anew: 1")), qPrintable(r.out));
        r = run({QStringLiteral("news"), project, QStringLiteral("--ticker"), QStringLiteral("IBM"),
            QStringLiteral("--json")});
        QCOMPARE(headlines(r.json()), QStringList {QStringLiteral("IBM slips")});
    }

    void errorsAndExitCodes()
    {
        const QString project = newProject(quotePrices());
        // Not a news file: the error names the file and line; nothing imported.
        const QString prices
            = writeFile(QStringLiteral("notnews.csv"), "date,close\n2003-06-10,1\n");
        RunResult r = run({QStringLiteral("import"), project, prices, QStringLiteral("--kind"),
            QStringLiteral("news")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(prices + QStringLiteral(":1: ")), qPrintable(r.err));

        // --strict: every rejected item listed, nothing imported, exit 2.
        r = run({QStringLiteral("import"), project, newsFixture("news_array.json"),
            newsFixture("news_synonyms.csv"), QStringLiteral("--kind"), QStringLiteral("news"),
            QStringLiteral("--strict"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("committed")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("itemsRejected")).toInt(), 2);
        QVERIFY(r.err.contains(QStringLiteral("news_synonyms.csv:7: ")));
        r = run({QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("newsItems")).toInt(), 0);

        // A malformed feed imports its good items and reports the others with item numbers.
        const QString feed = newsFixture("feed_malformed.xml");
        r = run({QStringLiteral("import"), project, feed});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(feed + QStringLiteral(":10: item 2: malformed XML at line 12")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(feed + QStringLiteral(":25: item 5: no date")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2 items accepted, 4 rejected")), qPrintable(r.out));

        // Usage errors.
        for (const QStringList& args :
            {QStringList {QStringLiteral("--label-scheme"), QStringLiteral("fuzzy"),
                 QStringLiteral("--kind"), QStringLiteral("news")},
                QStringList {QStringLiteral("--kind"), QStringLiteral("news"),
                    QStringLiteral("--portfolio"), QStringLiteral("P")},
                QStringList {QStringLiteral("--kind"), QStringLiteral("prices"),
                    QStringLiteral("--tickers"), QStringLiteral("AAPL")},
                QStringList {QStringLiteral("--kind"), QStringLiteral("gossip")}}) {
            r = run(QStringList {QStringLiteral("import"), project, newsFixture("news_array.json")}
                + args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(QLatin1Char(' ')) + ": " + r.err));
        }
        // News and prices in one import: refused (one import is one transaction).
        r = run({QStringLiteral("import"), project, newsFixture("news_array.json"),
            writeFile(QStringLiteral("more.csv"), "date,ticker,close\n2003-06-11,IBM,83\n")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("mix news and price files")), qPrintable(r.err));
    }

    void labelSchemeAndTickers()
    {
        const QString project = newProject();
        const QString csv = writeFile(QStringLiteral("labels.csv"),
            "date,headline,label\n2003-06-10,Zero,0\n2003-06-10,One,1\n");
        RunResult r = run({QStringLiteral("import"), project, csv, QStringLiteral("--kind"),
            QStringLiteral("news"), QStringLiteral("--label-scheme"), QStringLiteral("ternary"),
            QStringLiteral("--tickers"), QStringLiteral("nvda,AMD"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json()
                     .value(QStringLiteral("files"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("itemsLinked"))
                     .toInt(),
            2);
        r = run({QStringLiteral("news"), project, QStringLiteral("--ticker"), QStringLiteral("AMD"),
            QStringLiteral("--json")});
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(itemByHeadline(o, QStringLiteral("Zero"))
                     .value(QStringLiteral("labelClass"))
                     .toString(),
            QStringLiteral("neutral"));
        QCOMPARE(
            itemByHeadline(o, QStringLiteral("One")).value(QStringLiteral("labelClass")).toString(),
            QStringLiteral("positive"));
        const QJsonArray tickers
            = itemByHeadline(o, QStringLiteral("Zero")).value(QStringLiteral("tickers")).toArray();
        QCOMPARE(tickers.size(), 2);
        QCOMPARE(tickers.at(0).toObject().value(QStringLiteral("ticker")).toString(),
            QStringLiteral("NVDA"));
    }
};

QTEST_GUILESS_MAIN(TestCliNews)
#include "test_cli_news.moc"
