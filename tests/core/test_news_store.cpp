// News in the project file (schema v5): items, ticker links, aliases and relinking, sentiment
// scores per model, the daily index, and the migration from version 4. Expected values are the
// ones written by the test itself (hand-chosen timestamps 2003-06-10T04:00:00Z + hours).
#include "core/news/news_parsers.h"
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "news_test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace marketlens::core;
using namespace marketlens::core::news;
using namespace marketlens::core::news_test;

namespace {

StoredNews item(const char* headline, qint64 timestamp, std::vector<StoredTickerLink> links = {},
    const char* body = "")
{
    StoredNews n;
    n.headline = headline;
    n.timestamp = timestamp;
    n.body = body;
    n.source = "Example Wire";
    n.sourceFile = "wire.csv";
    n.tickers = std::move(links);
    return n;
}

StoredTickerLink link(const char* ticker, LinkReason reason = LinkReason::Explicit,
    const char* evidence = "", int mentions = 1)
{
    return StoredTickerLink {ticker, reason, evidence, mentions};
}

std::vector<QString> headlines(const std::vector<StoredNews>& items)
{
    std::vector<QString> out;
    for (const auto& n : items)
        out.push_back(q(n.headline));
    return out;
}

std::int64_t insertOk(ProjectStore& store, const StoredNews& n)
{
    auto id = insertNews(store, n);
    if (!id)
        qFatal("insertNews failed: %s", id.error().toString().c_str());
    return *id;
}

} // namespace

class TestNewsStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::string newPath()
    {
        return m_dir.filePath(QStringLiteral("p%1.mlens").arg(++m_n)).toStdString();
    }

    ProjectStore newStore()
    {
        auto s = ProjectStore::create(newPath());
        if (!s)
            qFatal("create failed");
        return std::move(s).value();
    }

    qint64 count(ProjectStore& store, const char* sql) { return *store.db().queryInt(sql); }

private Q_SLOTS:
    void insertListAndQuery()
    {
        ProjectStore store = newStore();
        QCOMPARE(*store.schemaVersion(), 5);
        StoredNews a = item("Apple and Microsoft rally", kJun10 + 2 * kHour,
            {link("AAPL"), link("MSFT", LinkReason::Alias, "Microsoft", 2)}, "Both rose.");
        a.url = "https://news.example.com/1";
        a.externalId = "17";
        a.labelText = "positive";
        a.labelClass = SentimentClass::Positive;
        a.itemNumber = 3;
        a.dateOnly = false;
        const auto idA = insertOk(store, a);
        const auto idB = insertOk(store, item("IBM slips", kJun10, {link("IBM")}));
        const auto idC = insertOk(store,
            item("Apple sued", kJun10 + 30 * kHour, {link("AAPL", LinkReason::Cashtag, "$AAPL")}));
        QVERIFY(idA > 0 && idB > 0 && idC > 0);
        QCOMPARE(*newsCount(store), std::int64_t(3));
        // The links created the instruments.
        QCOMPARE(count(store, "SELECT count(*) FROM instruments"), qint64(3));

        const auto all = listNews(store);
        QVERIFY(all);
        QCOMPARE(headlines(*all),
            (std::vector<QString> {"IBM slips", "Apple and Microsoft rally", "Apple sued"}));
        const StoredNews& got = (*all)[1];
        QCOMPARE(got.id, idA);
        QCOMPARE(got.timestamp, kJun10 + 2 * kHour);
        QCOMPARE(q(got.body), QStringLiteral("Both rose."));
        QCOMPARE(q(got.url), QStringLiteral("https://news.example.com/1"));
        QCOMPARE(q(got.externalId), QStringLiteral("17"));
        QCOMPARE(q(got.labelText), QStringLiteral("positive"));
        QVERIFY(got.labelClass == SentimentClass::Positive);
        QCOMPARE(got.itemNumber, qint64(3));
        QCOMPARE(q(got.sourceFile), QStringLiteral("wire.csv"));
        QCOMPARE(got.tickers.size(), std::size_t(2));
        QCOMPARE(q(got.tickers[0].ticker), QStringLiteral("AAPL"));
        QVERIFY(got.tickers[0].reason == LinkReason::Explicit);
        QCOMPARE(q(got.tickers[1].ticker), QStringLiteral("MSFT"));
        QVERIFY(got.tickers[1].reason == LinkReason::Alias);
        QCOMPARE(q(got.tickers[1].evidence), QStringLiteral("Microsoft"));
        QCOMPARE(got.tickers[1].mentions, 2);
        QCOMPARE(got.explicitTickers, std::vector<std::string> {"AAPL"});
        QVERIFY(!(*all)[0].labelClass);
        QCOMPARE(q(scoringText(got)), QStringLiteral("Apple and Microsoft rally\n\nBoth rose."));
        QCOMPARE(q(scoringText((*all)[0])), QStringLiteral("IBM slips"));

        NewsQuery byTicker;
        byTicker.ticker = "aapl";
        QCOMPARE(headlines(*listNews(store, byTicker)),
            (std::vector<QString> {"Apple and Microsoft rally", "Apple sued"}));
        NewsQuery range;
        range.from = kJun10 + kHour;
        range.to = kJun10 + 30 * kHour; // inclusive
        QCOMPARE(headlines(*listNews(store, range)),
            (std::vector<QString> {"Apple and Microsoft rally", "Apple sued"}));
        range.to = kJun10 + 30 * kHour - 1;
        QCOMPARE(headlines(*listNews(store, range)),
            (std::vector<QString> {"Apple and Microsoft rally"}));
        NewsQuery unknown;
        unknown.ticker = "XOM";
        QCOMPARE(listNews(store, unknown)->size(), std::size_t(0));
        NewsQuery limited;
        limited.limit = 2;
        limited.withBody = false;
        const auto newest = listNews(store, limited);
        QCOMPARE(
            headlines(*newest), (std::vector<QString> {"Apple sued", "Apple and Microsoft rally"}));
        QVERIFY((*newest)[1].body.empty());
        QCOMPARE((*newest)[1].tickers.size(), std::size_t(2));

        const auto one = newsById(store, idB);
        QVERIFY(one);
        QCOMPARE(q(one->headline), QStringLiteral("IBM slips"));
        QCOMPARE(q(one->tickers.at(0).ticker), QStringLiteral("IBM"));
        QCOMPARE(newsById(store, 999).error().code, ErrorCode::NotFound);
    }

    // The duplicate key (normalised headline + time) is unique in the whole project.
    void duplicateKeyAcrossProject()
    {
        ProjectStore store = newStore();
        const auto first = insertOk(store, item("Apple's  Q3: Beats!", kJun10, {link("AAPL")}));
        QVERIFY(first > 0);
        QCOMPARE(insertOk(store, item("APPLES Q3 beats", kJun10, {link("MSFT")})), std::int64_t(0));
        QCOMPARE(*newsCount(store), std::int64_t(1));
        // Nothing of the duplicate was written: no link to MSFT, no MSFT instrument.
        QCOMPARE(count(store, "SELECT count(*) FROM news_tickers"), qint64(1));
        QCOMPARE(count(store, "SELECT count(*) FROM instruments WHERE ticker = 'MSFT'"), qint64(0));
        QCOMPARE(q(*store.db().queryText("SELECT dup_key FROM news")),
            q(newsDuplicateKey("Apple's  Q3: Beats!", kJun10)));
        // Same headline an hour later is another item.
        QVERIFY(insertOk(store, item("Apple's Q3: beats", kJun10 + kHour)) > first);
        QCOMPARE(*newsCount(store), std::int64_t(2));
        QCOMPARE(insertNews(store, item("   ", kJun10)).error().code, ErrorCode::InvalidArgument);
    }

    void deleteCascades()
    {
        ProjectStore store = newStore();
        const auto a = insertOk(store, item("A", kJun10, {link("AAPL"), link("MSFT")}));
        const auto b = insertOk(store, item("B", kJun10, {link("AAPL")}));
        QVERIFY(saveScores(store, kLexiconModelKey,
            {StoredScore {a, 0.5, SentimentClass::Positive, {}, {}},
                StoredScore {b, -0.5, SentimentClass::Negative, {}, {}}}));
        QVERIFY(saveScores(
            store, "model:1", {StoredScore {a, 0.25, SentimentClass::Positive, {}, {}}}));
        QVERIFY(deleteNews(store, {a}));
        QCOMPARE(*newsCount(store), std::int64_t(1));
        QCOMPARE(count(store, "SELECT count(*) FROM news_tickers"), qint64(1));
        QCOMPARE(count(store, "SELECT count(*) FROM sentiment_scores"), qint64(1));
        QCOMPARE(loadScores(store, kLexiconModelKey)->at(0).newsId, b);
        // Instruments stay; deleting an instrument takes its links with it.
        QCOMPARE(count(store, "SELECT count(*) FROM instruments"), qint64(2));
        QVERIFY(store.db().exec("DELETE FROM instruments WHERE ticker = 'AAPL'"));
        QCOMPARE(count(store, "SELECT count(*) FROM news_tickers"), qint64(0));
    }

    void aliasesAndRelink()
    {
        ProjectStore store = newStore();
        for (const char* t : {"MSFT", "AAPL", "IBM"})
            QVERIFY(store.instrumentId(t, true));
        QCOMPARE(setInstrumentAliases(store, "XOM", {"Exxon"}).error().code, ErrorCode::NotFound);
        QVERIFY(setInstrumentAliases(
            store, "msft", {"  Microsoft Corp ", "microsoft corp", "", "Microsoft", " "}));
        const auto all = instrumentAliases(store);
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(3));
        QCOMPARE(q((*all)[0].ticker), QStringLiteral("AAPL"));
        QVERIFY((*all)[0].aliases.empty());
        QCOMPARE(q((*all)[2].ticker), QStringLiteral("MSFT"));
        QCOMPARE((*all)[2].aliases, (std::vector<std::string> {"Microsoft", "Microsoft Corp"}));

        // An item without links that names Microsoft; an explicit AAPL item; an item whose own
        // ticker XOM was no instrument when it was stored.
        const auto m = insertOk(
            store, item("Microsoft Corp beats", kJun10, {}, "Microsoft Corp said on Tuesday."));
        const auto x = insertOk(store, item("Apple news", kJun10, {link("AAPL")}));
        StoredNews oil = item("Oil major gains", kJun10);
        oil.explicitTickers = {"xom"};
        const auto o = insertOk(store, oil);
        QCOMPARE(*relinkNews(store), std::int64_t(1)); // only the Microsoft item changes
        auto mn = newsById(store, m);
        QCOMPARE(mn->tickers.size(), std::size_t(1));
        QCOMPARE(q(mn->tickers[0].ticker), QStringLiteral("MSFT"));
        QVERIFY(mn->tickers[0].reason == LinkReason::Alias);
        QCOMPARE(q(mn->tickers[0].evidence).toLower(), QStringLiteral("microsoft corp"));
        QCOMPARE(mn->tickers[0].mentions, 2); // headline and body
        QCOMPARE(q(newsById(store, x)->tickers.at(0).ticker), QStringLiteral("AAPL"));
        QVERIFY(newsById(store, o)->tickers.empty());
        QCOMPARE(*relinkNews(store), std::int64_t(0)); // nothing new

        // XOM becomes an instrument: its explicit ticker links it now.
        QVERIFY(store.instrumentId("XOM", true));
        QCOMPARE(*relinkNews(store), std::int64_t(1));
        QCOMPARE(q(newsById(store, o)->tickers.at(0).ticker), QStringLiteral("XOM"));
        QVERIFY(newsById(store, o)->tickers.at(0).reason == LinkReason::Explicit);

        // Clearing the aliases unlinks the Microsoft item again; explicit links are kept.
        QVERIFY(setInstrumentAliases(store, "MSFT", {}));
        QCOMPARE(*relinkNews(store), std::int64_t(1));
        QVERIFY(newsById(store, m)->tickers.empty());
        QCOMPARE(newsById(store, x)->tickers.size(), std::size_t(1));
    }

    void scoresPerModel()
    {
        ProjectStore store = newStore();
        const auto a = insertOk(store, item("A", kJun10));
        const auto b = insertOk(store, item("B", kJun10 + kHour));
        StoredScore sa {a, 0.1 + 0.2, SentimentClass::Positive, {}, {{0, 1, 0.3}, {3, 5, -0.125}}};
        StoredScore sb {b, -0.75, SentimentClass::Negative, {}, {}};
        QVERIFY(saveScores(store, kLexiconModelKey, {sa, sb}));
        StoredScore ma {a, 0.6, SentimentClass::Positive, {0.1, 0.2, 0.7}, {{2, 4, 0.05}}};
        QVERIFY(saveScores(store, "model:7", {ma}));

        auto lex = loadScores(store, kLexiconModelKey);
        QVERIFY(lex);
        QCOMPARE(lex->size(), std::size_t(2));
        QCOMPARE((*lex)[0].newsId, a);
        QCOMPARE((*lex)[0].score, 0.1 + 0.2); // exact round trip
        QVERIFY((*lex)[0].label == SentimentClass::Positive);
        QVERIFY((*lex)[0].probabilities.empty());
        QCOMPARE((*lex)[0].explanation.size(), std::size_t(2));
        QCOMPARE((*lex)[0].explanation[1].position, 3);
        QCOMPARE((*lex)[0].explanation[1].length, 5);
        QCOMPARE((*lex)[0].explanation[1].weight, -0.125);
        QVERIFY((*lex)[1].label == SentimentClass::Negative);

        auto model = loadScores(store, "model:7", {b, a});
        QCOMPARE(model->size(), std::size_t(1));
        QCOMPARE((*model)[0].probabilities, (std::vector<double> {0.1, 0.2, 0.7}));

        // Rescoring one item with the lexicon replaces that score and keeps the model's.
        sa.score = -0.2;
        sa.label = SentimentClass::Neutral;
        QVERIFY(saveScores(store, kLexiconModelKey, {sa}));
        lex = loadScores(store, kLexiconModelKey, {a});
        QCOMPARE(lex->size(), std::size_t(1));
        QCOMPARE((*lex)[0].score, -0.2);
        QVERIFY((*lex)[0].label == SentimentClass::Neutral);
        QCOMPARE(loadScores(store, kLexiconModelKey, {b})->at(0).score, -0.75);
        QCOMPARE(loadScores(store, "model:7")->at(0).score, 0.6);

        const auto models = scoredModels(store);
        QCOMPARE(models->size(), std::size_t(2));
        QCOMPARE(q((*models)[0].modelKey), QStringLiteral("lexicon"));
        QCOMPARE((*models)[0].count, std::int64_t(2));
        QCOMPARE(q((*models)[1].modelKey), QStringLiteral("model:7"));
        QCOMPARE((*models)[1].count, std::int64_t(1));
        QVERIFY(!(*models)[1].lastScoredUtc.empty());

        QVERIFY(deleteScores(store, "model:7"));
        QCOMPARE(scoredModels(store)->size(), std::size_t(1));
        // A failing batch writes nothing.
        const StoredScore bad {999, 0.5, SentimentClass::Positive, {}, {}};
        QVERIFY(!saveScores(store, kLexiconModelKey,
            {StoredScore {a, 0.9, SentimentClass::Positive, {}, {}}, bad}));
        QCOMPARE(loadScores(store, kLexiconModelKey, {a})->at(0).score, -0.2);
    }

    void sentimentIndex()
    {
        ProjectStore store = newStore();
        const Date d0 = *Date::fromIso("2003-06-10");
        const std::vector<DailySentiment> days {{d0, 0.5, 2, 0.5},
            {Date(d0.days() + 1), 0.0, 0, 0.25}, {Date(d0.days() + 2), -1.0, 1, -0.375}};
        QVERIFY(saveSentimentIndex(store, "AAPL", kLexiconModelKey, days));
        QVERIFY(saveSentimentIndex(store, "portfolio:Tech", kLexiconModelKey, {days[0]}));
        QVERIFY(saveSentimentIndex(store, "IBM", "model:2", {days[2]}));
        auto got = loadSentimentIndex(store, "AAPL", kLexiconModelKey);
        QVERIFY(got);
        QCOMPARE(got->size(), std::size_t(3));
        QCOMPARE((*got)[1].date.toIso(), std::string("2003-06-11"));
        QCOMPARE((*got)[2].mean, -1.0);
        QCOMPARE((*got)[2].count, 1);
        QCOMPARE((*got)[2].decayed, -0.375);
        QCOMPARE(*sentimentIndexScopes(store, kLexiconModelKey),
            (std::vector<std::string> {"AAPL", "portfolio:Tech"}));
        QCOMPARE(*sentimentIndexScopes(store, "model:2"), std::vector<std::string> {"IBM"});
        // Saving again replaces the (scope, model) index only.
        QVERIFY(saveSentimentIndex(store, "AAPL", kLexiconModelKey, {days[1]}));
        QCOMPARE(loadSentimentIndex(store, "AAPL", kLexiconModelKey)->size(), std::size_t(1));
        QCOMPARE(loadSentimentIndex(store, "IBM", "model:2")->size(), std::size_t(1));
        QVERIFY(loadSentimentIndex(store, "MSFT", kLexiconModelKey)->empty());
    }

    // A version-4 project (prices, aliases, models) opens as version 5 with everything kept.
    void migratesVersion4()
    {
        const std::string path = newPath();
        {
            auto v4 = ProjectStore::createAtVersion(path, 4);
            QVERIFY(v4);
            QVERIFY(v4->db().exec(
                "INSERT INTO instruments (id, ticker, created_at) VALUES (4, 'MSFT', 'x');"
                "INSERT INTO instrument_aliases (instrument_id, alias) VALUES (4, 'Microsoft');"
                "INSERT INTO prices (instrument_id, date, close) VALUES (4, '2003-06-10', 24.5);"
                "INSERT INTO models (kind, origin, created_utc, spec_json, weights) VALUES "
                "('mlp', 'trained', 't', '{}', x'00');"));
            QCOMPARE(*v4->db().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'news'"),
                std::int64_t(0));
        }
        auto store = ProjectStore::open(path);
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        QCOMPARE(*store->schemaVersion(), 5);
        QCOMPARE(store->prices("MSFT")->close[0], 24.5);
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM models"), std::int64_t(1));
        QCOMPARE(instrumentAliases(*store)->at(0).aliases, std::vector<std::string> {"Microsoft"});
        for (const char* table : {"news", "news_tickers", "sentiment_scores", "sentiment_index"})
            QCOMPARE(*store->db().queryInt(std::string("SELECT count(*) FROM sqlite_master WHERE "
                                                       "type = 'table' AND name = '")
                         + table + "'"),
                std::int64_t(1));
        const auto id = insertOk(*store, item("Microsoft rallies", kJun10));
        QCOMPARE(*relinkNews(*store), std::int64_t(1));
        QCOMPARE(q(newsById(*store, id)->tickers.at(0).ticker), QStringLiteral("MSFT"));
    }
};

QTEST_GUILESS_MAIN(TestNewsStore)
#include "test_news_store.moc"
