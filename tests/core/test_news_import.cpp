// News import into a project: every fixture format, the 70 Reuters articles, malformed feeds,
// --strict, Cancel, re-import, label schemes, ticker linking and the import log. Expected counts
// are taken from the fixture files by hand (see tests/data/news/news_README.md) or, for the
// Reuters file, counted here from its raw lines.
#include "core/news/news_import.h"
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "import_test_support.h"
#include "news_test_support.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace marketlens::core;
using namespace marketlens::core::news;
using news_test::fixture;
using news_test::kHour;
using news_test::kJun10;
using news_test::q;

namespace {

struct Expect {
    const char* file;
    const char* format;
    qint64 accepted, rejected, duplicatesInFile, linked, labelled;
};

// accepted/rejected/duplicates from the files; linked = items naming AAPL, MSFT, IBM or XOM in
// a ticker field (or, without one, in the text); labelled = items with a label.
constexpr Expect kRows[] = {
    {"news_synonyms.csv", "csv", 4, 2, 1, 2, 4},
    {"news_date_time_columns.csv", "csv", 2, 0, 0, 2, 0},
    {"news_items.json", "json", 3, 3, 0, 2, 2},
    {"news_array.json", "json", 2, 0, 0, 1, 0},
    {"news_items.jsonl", "jsonl", 3, 3, 0, 1, 1},
    {"feed_rss2.xml", "feed", 4, 0, 0, 3, 0},
    {"feed_atom.xml", "feed", 3, 0, 0, 1, 0},
    {"news_article.txt", "text", 1, 0, 0, 1, 0},
};

const StoredTickerLink* findLink(const StoredNews& n, const char* ticker)
{
    for (const auto& l : n.tickers) {
        if (l.ticker == ticker)
            return &l;
    }
    return nullptr;
}

const StoredNews* findNews(const std::vector<StoredNews>& items, const char* headline)
{
    for (const auto& n : items) {
        if (n.headline == headline)
            return &n;
    }
    return nullptr;
}

} // namespace

class TestNewsImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    news_test::ScratchFiles m_files;
    int m_n = 0;

    // A new project with the given instruments (and optional aliases per ticker).
    std::string newProject(
        const std::vector<std::pair<const char*, std::vector<std::string>>>& instruments = {})
    {
        const std::string path
            = m_dir.filePath(QStringLiteral("p%1.mlens").arg(++m_n)).toStdString();
        auto store = ProjectStore::create(path);
        if (!store)
            qFatal("cannot create project");
        for (const auto& [ticker, aliases] : instruments) {
            if (!store->instrumentId(ticker, true))
                qFatal("cannot add instrument");
            if (!aliases.empty() && !setInstrumentAliases(*store, ticker, aliases))
                qFatal("cannot set aliases");
        }
        return path;
    }

    std::string quoteProject()
    {
        return newProject({{"AAPL", {}}, {"MSFT", {}}, {"IBM", {}}, {"XOM", {}}});
    }

    static std::vector<StoredNews> stored(const std::string& project, NewsQuery query = {})
    {
        auto store = ProjectStore::open(project);
        auto items = listNews(*store, query);
        if (!items)
            qFatal("listNews failed: %s", items.error().toString().c_str());
        return std::move(items).value();
    }

    static NewsImportResult importOk(const std::string& project,
        const std::vector<std::string>& files, const NewsImportOptions& options = {})
    {
        auto r = importNewsFiles(project, files, options);
        if (!r)
            qFatal("import failed: %s", r.error().toString().c_str());
        return std::move(r).value();
    }

private Q_SLOTS:
    void everyFormat_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(kRows)); ++i)
            QTest::newRow(kRows[i].file) << i;
    }

    void everyFormat()
    {
        QFETCH(int, row);
        const Expect& e = kRows[row];
        const std::string project = quoteProject();
        const std::string path = fixture(e.file);
        QVERIFY(looksLikeNewsFile(path));
        const auto r = importOk(project, {path});
        QCOMPARE(r.files.size(), std::size_t(1));
        const NewsFileResult& f = r.files[0];
        QCOMPARE(q(f.file), q(path));
        QCOMPARE(q(f.format), QString::fromLatin1(e.format));
        QCOMPARE(f.itemsAccepted, e.accepted);
        QCOMPARE(f.itemsRejected, e.rejected);
        QCOMPARE(qint64(f.rejected.size()), e.rejected);
        QCOMPARE(f.duplicatesInFile, e.duplicatesInFile);
        QCOMPARE(f.duplicatesInProject, qint64(0));
        QCOMPARE(f.itemsLinked, e.linked);
        QCOMPARE(f.labelled, e.labelled);
        for (const auto& rej : f.rejected) {
            QCOMPARE(q(rej.file), q(path));
            QVERIFY(rej.line > 0 || rej.itemNumber > 0);
            QVERIFY(!rej.reason.empty());
        }
        const auto items = stored(project);
        QCOMPARE(qint64(items.size()), e.accepted);
        for (const auto& n : items)
            QCOMPARE(q(n.sourceFile), QString::fromLatin1(e.file));
    }

    // The 70 articles of Reuters-21578 acq/crude, counted from the file's record starts.
    void reuters70()
    {
        const std::string path = fixture("news_reuters21578_acq_crude.csv");
        QFile raw(q(path));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        const QString text = QString::fromUtf8(bytes);
        const qint64 records
            = text.count(QRegularExpression(QStringLiteral("^\"(acq|crude)\",\"\\d+\",\"1987-"),
                QRegularExpression::MultilineOption));
        QCOMPARE(records, qint64(70));

        const std::string project = newProject();
        std::vector<std::pair<qint64, qint64>> progress;
        auto r = importNewsFiles(project, {path}, {}, [&](std::int64_t done, std::int64_t total) {
            progress.emplace_back(done, total);
            return true;
        });
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        const NewsFileResult& f = r->files.at(0);
        QCOMPARE(f.itemsAccepted, records);
        QCOMPARE(f.itemsRejected, qint64(0));
        QCOMPARE(f.duplicatesInFile, qint64(0));
        QCOMPARE(f.itemsLinked, qint64(0)); // no instruments in the project
        QCOMPARE(r->itemsAccepted(), records);
        QVERIFY(!progress.empty());
        QCOMPARE(progress.back().first, qint64(bytes.size()));
        QCOMPARE(progress.back().second, qint64(bytes.size()));

        const auto items = stored(project);
        QCOMPARE(qint64(items.size()), records);
        QCOMPARE(q(items.front().headline),
            QStringLiteral("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE"));
        QCOMPARE(items.front().timestamp, qint64(541351086)); // 1987-02-26 15:18:06 UTC
        QCOMPARE(q(items.front().externalId), QStringLiteral("10"));
        QCOMPARE(items.front().itemNumber, qint64(1));

        // The import log: one row, kind news, the file's sha256 (as in news_README.md).
        auto store = ProjectStore::open(project);
        const auto log = store->importLog();
        QCOMPARE(log->size(), std::size_t(1));
        QCOMPARE(q((*log)[0].kind), QStringLiteral("news"));
        QCOMPARE(q((*log)[0].fileName), QStringLiteral("news_reuters21578_acq_crude.csv"));
        QCOMPARE((*log)[0].rowsAccepted, records);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(q((*log)[0].sha256), sha);
        QCOMPARE(sha,
            QStringLiteral("4e2b45ed8ae7831cbfff12997bdc1e8477da004539f4f96f46c5abe9576ac6dc"));
        QCOMPARE(q(f.sha256), sha);
    }

    // The same file again: every item is recognised as already stored, nothing is added.
    void reimportAddsNothing()
    {
        const std::string project = quoteProject();
        const std::string reuters = fixture("news_reuters21578_acq_crude.csv");
        importOk(project, {reuters, fixture("feed_rss2.xml")});
        const QRegularExpression kNewsRows(QStringLiteral("^news(_tickers)?:"));
        const auto before = import_test::dump(project).filter(kNewsRows);
        const auto again = importOk(project, {reuters, fixture("feed_rss2.xml")});
        QCOMPARE(again.files[0].duplicatesInProject, qint64(70));
        QCOMPARE(again.files[0].itemsAccepted, qint64(0));
        QCOMPARE(again.files[1].duplicatesInProject, qint64(4));
        QCOMPARE(again.itemsAccepted(), qint64(0));
        QCOMPARE(import_test::dump(project).filter(kNewsRows), before);
        QCOMPARE(import_test::count(project, "SELECT count(*) FROM news"), std::int64_t(74));
        QCOMPARE(import_test::count(project, "SELECT count(*) FROM import_log WHERE kind = 'news'"),
            std::int64_t(4));
        // Within one run, a second copy of a file is a duplicate of the first.
        const std::string fresh = newProject();
        const auto twice
            = importOk(fresh, {fixture("news_array.json"), fixture("news_array.json")});
        QCOMPARE(twice.files[0].itemsAccepted, qint64(2));
        QCOMPARE(twice.files[1].duplicatesInProject, qint64(2));
    }

    void malformedFeedReportsItemNumbers()
    {
        const std::string project = newProject();
        const std::string path = fixture("feed_malformed.xml");
        const auto r = importOk(project, {path});
        const NewsFileResult& f = r.files.at(0);
        QCOMPARE(f.itemsAccepted, qint64(2)); // items 1 and 4
        QCOMPARE(f.itemsRejected, qint64(4));
        const std::vector<std::pair<qint64, qint64>> where {{2, 10}, {3, 15}, {5, 25}, {6, 29}};
        for (std::size_t i = 0; i < where.size(); ++i) {
            QCOMPARE(f.rejected[i].itemNumber, where[i].first);
            QCOMPARE(f.rejected[i].line, where[i].second);
            QCOMPARE(q(f.rejected[i].file), q(path));
        }
        QCOMPARE(q(f.rejected[2].reason), QStringLiteral("no date"));
        const auto items = stored(project);
        QCOMPARE(items.size(), std::size_t(2));
        QCOMPARE(items[1].itemNumber, qint64(4));
        QCOMPARE(items[1].timestamp, qint64(1055343600)); // 11:00 EDT
    }

    void strictWritesNothing()
    {
        const std::string project = quoteProject();
        importOk(project, {fixture("news_array.json")});
        const QStringList before = import_test::dump(project);
        NewsImportOptions options;
        options.strict = true;
        const std::string bad = fixture("news_synonyms.csv");
        auto r = importNewsFiles(project, {fixture("feed_rss2.xml"), bad}, options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QCOMPARE(q(r.error().file), q(bad));
        QCOMPARE(r.error().line, qint64(7)); // the row with "not a date"
        QVERIFY2(r.error().message.find("unrecognised date/time 'not a date'") != std::string::npos,
            r.error().message.c_str());
        QCOMPARE(import_test::dump(project), before);
        // Without strict the same files import with the bad rows reported.
        options.strict = false;
        QVERIFY(importNewsFiles(project, {fixture("feed_rss2.xml"), bad}, options));
    }

    void cancelRollsBack()
    {
        const std::string project = quoteProject();
        importOk(project, {fixture("news_array.json")});
        const QStringList before = import_test::dump(project);
        const std::string first = fixture("news_synonyms.csv");
        const qint64 firstSize = QFileInfo(q(first)).size();
        bool cancelled = false;
        auto r = importNewsFiles(project, {first, fixture("news_reuters21578_acq_crude.csv")}, {},
            [&](std::int64_t done, std::int64_t) {
                cancelled = done > firstSize + 1000; // part way into the second file
                return !cancelled;
            });
        QVERIFY(cancelled);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(import_test::dump(project), before);

        // A session that ran and was rolled back (the dialog's Cancel after the report).
        auto session = NewsImportSession::begin(project);
        QVERIFY(session);
        auto ran = session->run({first}, {});
        QVERIFY(ran);
        QCOMPARE(ran->itemsAccepted(), qint64(4));
        session->rollback();
        QVERIFY(!session->commit());
        QCOMPARE(import_test::dump(project), before);
    }

    void labelSchemes()
    {
        const std::string binary = m_files.write(
            "date,headline,label\n2003-06-10,B one,0\n2003-06-10,B two,1\n2003-06-10,B three,"
            "bearish\n",
            "csv");
        const std::string ternary = m_files.write(
            "date,headline,label\n2003-06-10,T one,-1\n2003-06-10,T two,0\n2003-06-10,T three,1\n",
            "csv");
        const std::string continuous = m_files.write(
            "date,headline,label\n2003-06-10,C one,0.3\n2003-06-10,C two,-0.02\n2003-06-10,C "
            "three,-0.5\n2003-06-10,C four,0.05\n2003-06-10,C five,\n",
            "csv");
        auto classes = [](const std::string& project) {
            std::map<std::string, int> out; // headline -> class, 9 = none
            for (const auto& n : stored(project))
                out[n.headline] = n.labelClass ? int(*n.labelClass) : 9;
            return out;
        };
        const std::string p1 = newProject();
        const auto r1 = importOk(p1, {binary, ternary, continuous});
        QCOMPARE(r1.files[0].labelled, qint64(3));
        QCOMPARE(r1.files[2].labelled, qint64(4)); // "C five" has no label
        const std::map<std::string, int> autoExpected {{"B one", -1}, {"B two", 1}, {"B three", -1},
            {"T one", -1}, {"T two", 0}, {"T three", 1}, {"C one", 1}, {"C two", 0},
            {"C three", -1}, {"C four", 1}, {"C five", 9}};
        QCOMPARE(classes(p1), autoExpected);
        QCOMPARE(q(stored(p1)[0].labelText), QStringLiteral("0"));

        // Forced ternary: 0 is neutral; forced binary: -1 and 0.3 are no class (with a warning).
        const std::string p2 = newProject();
        NewsImportOptions ternaryOptions;
        ternaryOptions.labelScheme = LabelScheme::Ternary;
        importOk(p2, {binary}, ternaryOptions);
        QCOMPARE(classes(p2),
            (std::map<std::string, int> {{"B one", 0}, {"B two", 1}, {"B three", -1}}));
        const std::string p3 = newProject();
        NewsImportOptions binaryOptions;
        binaryOptions.labelScheme = LabelScheme::Binary;
        const auto r3 = importOk(p3, {ternary}, binaryOptions);
        QCOMPARE(r3.files[0].labelled, qint64(2));
        QCOMPARE(classes(p3),
            (std::map<std::string, int> {{"T one", 9}, {"T two", -1}, {"T three", 1}}));
        bool warned = false;
        for (const auto& w : r3.files[0].warnings)
            warned = warned
                || w
                    == "line 2: label '-1' is not 0 or 1 (binary labels); the item is "
                       "stored without a label class";
        QVERIFY(warned);
        const std::string p4 = newProject();
        NewsImportOptions continuousOptions;
        continuousOptions.labelScheme = LabelScheme::Continuous;
        importOk(p4, {binary}, continuousOptions);
        QCOMPARE(classes(p4),
            (std::map<std::string, int> {{"B one", 0}, {"B two", 1}, {"B three", -1}}));
    }

    void linking()
    {
        const std::string project = newProject({{"AAPL", {}}, {"IBM", {}},
            {"MSFT", {"Microsoft Corp", "Microsoft"}}, {"VOD.L", {"Vodafone"}}});
        const std::string path = m_files.write(
            "date,headline,body,tickers\n"
            "2003-06-10 04:00,$AAPL jumps,Shares of $aapl rose.,\n"
            "2003-06-10 05:00,Deal signed,\"International Business Machines (NYSE: IBM) said.\",\n"
            "2003-06-10 06:00,Microsoft Corp wins,Microsoft said so.,\n"
            "2003-06-10 07:00,Phones,LSE: VOD up,\n"
            "2003-06-10 08:00,Explicit wins,$AAPL and Microsoft,IBM\n"
            "2003-06-10 09:00,Unknown explicit,Pineapple and $ZZZZ,XOM\n",
            "csv");
        const auto r = importOk(project, {path});
        QCOMPARE(r.files[0].itemsAccepted, qint64(6));
        QCOMPARE(r.files[0].itemsLinked, qint64(5));
        const auto items = stored(project);
        const auto* cash = findLink(*findNews(items, "$AAPL jumps"), "AAPL");
        QVERIFY(cash);
        QVERIFY(cash->reason == LinkReason::Cashtag);
        QCOMPARE(q(cash->evidence), QStringLiteral("$AAPL"));
        QCOMPARE(cash->mentions, 2);
        const auto* exch = findLink(*findNews(items, "Deal signed"), "IBM");
        QVERIFY(exch && exch->reason == LinkReason::Exchange);
        QCOMPARE(q(exch->evidence), QStringLiteral("NYSE: IBM"));
        const StoredNews& ms = *findNews(items, "Microsoft Corp wins");
        QCOMPARE(ms.tickers.size(), std::size_t(1));
        QVERIFY(ms.tickers[0].reason == LinkReason::Alias);
        QCOMPARE(ms.tickers[0].mentions, 2); // "Microsoft Corp" and "Microsoft"
        const auto* vod = findLink(*findNews(items, "Phones"), "VOD.L");
        QVERIFY(vod && vod->reason == LinkReason::Exchange);
        const StoredNews& ex = *findNews(items, "Explicit wins");
        QCOMPARE(ex.tickers.size(), std::size_t(1)); // explicit: nothing else is looked at
        QCOMPARE(q(ex.tickers[0].ticker), QStringLiteral("IBM"));
        QVERIFY(ex.tickers[0].reason == LinkReason::Explicit);
        const StoredNews& unknown = *findNews(items, "Unknown explicit");
        QVERIFY(unknown.tickers.empty());
        QCOMPARE(unknown.explicitTickers, std::vector<std::string> {"XOM"});
        QVERIFY(std::count(r.files[0].warnings.begin(), r.files[0].warnings.end(),
                    "ticker XOM is not an instrument of the project")
            == 1);

        // XOM prices arrive later: relinking picks up the stored explicit ticker.
        {
            auto store = ProjectStore::open(project);
            QVERIFY(store->instrumentId("XOM", true));
            QCOMPARE(*relinkNews(*store), std::int64_t(1));
        }
        NewsQuery xom;
        xom.ticker = "XOM";
        QCOMPARE(stored(project, xom).size(), std::size_t(1));

        // Tickers given for the import become instruments and explicit links of every item.
        const std::string p2 = newProject({{"AAPL", {}}});
        NewsImportOptions options;
        options.tickers = {" nvda", "NVDA"};
        const auto r2 = importOk(p2, {path}, options);
        QCOMPARE(r2.files[0].itemsLinked, qint64(6));
        NewsQuery nvda;
        nvda.ticker = "NVDA";
        QCOMPARE(stored(p2, nvda).size(), std::size_t(6));
        QCOMPARE(stored(p2, nvda)[0].tickers.size(), std::size_t(1));
    }

    void newsOrPrices()
    {
        for (const char* news :
            {"news_reuters21578_acq_crude.csv", "news_synonyms.csv", "news_date_time_columns.csv",
                "news_items.jsonl", "feed_atom.xml", "news_article.txt"})
            QVERIFY2(looksLikeNewsFile(fixture(news)), news);
        for (const char* prices :
            {"dowjones30_prices.csv", "msft_ohlcv.csv", "swx_prices.csv", "nyse_composite.csv",
                "import/holdings.csv", "import/tiny_long.csv", "import/prices_long.xlsx"})
            QVERIFY2(!looksLikeNewsFile(import_test::dataFile(prices)), prices);
        // Stooq-style price text files and a CSV with a headline and a close column.
        QVERIFY(!looksLikeNewsFile(
            m_files.write("<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>\n"
                          "AAPL.US,D,20030610,000000,1.2,1.3,1.1,1.25,1000\n",
                "txt")));
        QVERIFY(!looksLikeNewsFile(m_files.write("Date,Close\n2003-06-10,1.5\n", "txt")));
        QVERIFY(!looksLikeNewsFile(m_files.write("Date,Headline,Close\n", "csv")));
        QVERIFY(
            looksLikeNewsFile(m_files.write("Apple, IBM and Microsoft rally\n\nBody.\n", "txt")));
    }

    void errorsNameTheFile()
    {
        const std::string project = newProject();
        const QStringList before = import_test::dump(project);
        const std::string noHeadline = m_files.write("date,close\n2003-06-10,1\n", "csv");
        auto r = importNewsFiles(project, {fixture("news_array.json"), noHeadline}, {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QCOMPARE(q(r.error().file), q(noHeadline));
        QCOMPARE(import_test::dump(project), before);
        auto missing = importNewsFiles(
            project, {m_files.path(QStringLiteral("none.json")).toStdString()}, {});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
        NewsImportOptions badFormat;
        badFormat.format = "pdf";
        QCOMPARE(importNewsFiles(project, {fixture("news_array.json")}, badFormat).error().code,
            ErrorCode::InvalidArgument);
        // A forced format that does not fit the file.
        NewsImportOptions feed;
        feed.format = "feed";
        QVERIFY(!importNewsFiles(project, {fixture("news_array.json")}, feed));
        QCOMPARE(import_test::dump(project), before);
    }
};

QTEST_GUILESS_MAIN(TestNewsImport)
#include "test_news_import.moc"
