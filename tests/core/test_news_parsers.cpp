// News readers: CSV (Reuters-21578 sample, synonyms, reordered columns), JSON and JSON Lines,
// plain text, duplicates, limits, cancel and format detection (feeds and HTML to text:
// test_news_feeds.cpp). Timestamps are hand-computed UTC seconds (2003-06-10T04:00:00Z =
// 1055217600).
#include "core/news/news_dates.h"
#include "news_test_support.h"

#include <QDateTime>

#include <sys/stat.h>

#include <thread>

using namespace marketlens::core;
using namespace marketlens::core::news_test;

namespace {

bool hasWarning(const NewsParseResult& r, const char* text)
{
    for (const auto& w : r.warnings)
        if (w.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestNewsParsers : public QObject {
    Q_OBJECT

    ScratchFiles m_files;

    std::string write(const QByteArray& bytes, const char* suffix)
    {
        return m_files.write(bytes, suffix);
    }

private Q_SLOTS:
    void reutersCsvImportsAll70()
    {
        const auto path = fixture("news_reuters21578_acq_crude.csv");
        QCOMPARE(detectNewsFormat(path).value(), NewsFormat::Csv);
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(70));
        QCOMPARE(r.itemsRejected, qint64(0));
        QCOMPARE(r.duplicatesDropped, qint64(0)); // ids 489 and 502 share a heading, not a time
        QVERIFY(hasWarning(r, "columns not used: corpus, lewissplit, places"));

        const NewsItem& first = r.items.front();
        QCOMPARE(q(first.id), QStringLiteral("10"));
        QCOMPARE(first.line, qint64(2));
        QCOMPARE(first.itemNumber, qint64(1));
        QCOMPARE(
            q(first.headline), QStringLiteral("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE"));
        QCOMPARE(q(first.timestampText), QStringLiteral("1987-02-26 15:18:06"));
        QCOMPARE(first.timestamp, qint64(541351086)); // 6266 days * 86400 + 15:18:06
        QVERIFY(!first.dateOnly);
        QCOMPARE(first.body.size(), std::size_t(1287)); // Python csv: len(text)
        QVERIFY(q(first.body)
                    .startsWith(QStringLiteral("Computer Terminal Systems Inc said\nit has "
                                               "completed the sale of 200,000 shares")));
        QVERIFY(q(first.body).endsWith(QStringLiteral("terminals.\n Reuter")));
        QVERIFY(first.tickers.empty());

        const NewsItem& last = r.items.back();
        QCOMPARE(q(last.id), QStringLiteral("708"));
        QCOMPARE(last.line, qint64(1389));
        QCOMPARE(q(last.headline), QStringLiteral("ARGENTINE OIL PRODUCTION DOWN IN JANUARY 1987"));
        QCOMPARE(last.timestamp, qint64(541694946)); // 1987-03-02 14:49:06 UTC
        QCOMPARE(last.body.size(), std::size_t(360));

        // <B and R International Inc.> in item 21 is Reuters' notation, not HTML: kept verbatim.
        const NewsItem& saleTilney = r.items[20];
        QCOMPARE(q(saleTilney.id), QStringLiteral("315"));
        QVERIFY(q(saleTilney.body)
                    .startsWith(QStringLiteral("<Sale Tilney Plc> said it has purchased\n80 pct")));
        QVERIFY(saleTilney.body.find("<B and R International\nInc.>") != std::string::npos);

        std::size_t bodyBytes = 0;
        for (const auto& item : r.items) {
            // Every date round-trips: "YYYY-MM-DD HH:MM:SS" read as UTC.
            std::string iso = item.timestampText;
            iso[10] = 'T';
            QCOMPARE(q(formatUtcIso(item.timestamp)), q(iso + "Z"));
            QVERIFY(item.timestamp >= 541296000 && item.timestamp < 541728000); // 26 Feb..3 Mar
            QCOMPARE(q(item.sourceFile), q(path));
            bodyBytes += item.body.size();
        }
        QCOMPARE(bodyBytes, std::size_t(71102)); // Python: sum(len(text))
    }

    void csvSynonymsAndReorderedColumns()
    {
        const auto r = parseOk(fixture("news_synonyms.csv"));
        QCOMPARE(r.items.size(), std::size_t(4));
        QVERIFY(hasWarning(r, "columns not used: Extra"));

        const NewsItem& a = r.items[0];
        QCOMPARE(q(a.headline), QStringLiteral("Apple and Microsoft rally"));
        QCOMPARE(q(a.body), QStringLiteral("Both stocks rose."));
        QCOMPARE(a.timestamp, kJun10);
        QCOMPARE(a.tickers, (std::vector<std::string> {"AAPL", "MSFT"}));
        QCOMPARE(q(a.source), QStringLiteral("Example Wire"));
        QCOMPARE(q(a.url), QStringLiteral("https://news.example.com/1"));
        QVERIFY(a.label && a.label->klass == SentimentClass::Positive);
        QCOMPARE(a.line, qint64(2));

        const NewsItem& b = r.items[1];
        QCOMPARE(q(b.headline), QStringLiteral("IBM slips"));
        QCOMPARE(q(b.body), QStringLiteral("IBM fell.\n\nSecond & last.")); // HTML converted
        QCOMPARE(b.timestamp, kJun10 + 5 * kHour); // 06/10/2003 09:00
        QCOMPARE(b.tickers, (std::vector<std::string> {"IBM", "XOM"}));
        QVERIFY(b.label && !b.label->klass && b.label->value == -1.0);

        const NewsItem& c = r.items[2];
        QCOMPARE(q(c.headline), QStringLiteral("Quoted; headline with \"quotes\""));
        QCOMPARE(q(c.body), QStringLiteral("Multi-line\nbody line two\nbody line three"));
        QCOMPARE(c.timestamp, kJun10 + 5 * kHour); // EST
        QCOMPARE(c.line, qint64(4));
        QVERIFY(c.label && c.label->klass == SentimentClass::Neutral);

        const NewsItem& d = r.items[3];
        QCOMPARE(q(d.headline), QStringLiteral("Dotted date"));
        QCOMPARE(d.timestamp, kJun10 - 4 * kHour);
        QVERIFY(d.dateOnly);
        QCOMPARE(d.tickers, (std::vector<std::string> {"NVDA", "BRK.B"}));
        QCOMPARE(d.line, qint64(10));

        QCOMPARE(r.itemsRejected, qint64(2));
        QCOMPARE(r.rejected[0].line, qint64(7));
        QCOMPARE(r.rejected[0].itemNumber, qint64(4));
        QCOMPARE(q(r.rejected[0].reason), QStringLiteral("unrecognised date/time 'not a date'"));
        QCOMPARE(r.rejected[1].line, qint64(8));
        QCOMPARE(q(r.rejected[1].reason), QStringLiteral("no headline"));

        QCOMPARE(r.duplicatesDropped, qint64(1));
        QVERIFY(hasWarning(r, "item 6 (line 9) duplicates item 1 (line 2)"));
    }

    void csvSeparateDateAndTimeColumns()
    {
        const auto r = parseOk(fixture("news_date_time_columns.csv"));
        QCOMPARE(r.items.size(), std::size_t(2));
        QCOMPARE(r.items[0].timestamp, kJun10);
        QCOMPARE(q(r.items[0].timestampText), QStringLiteral("2003-06-10 04:00:00"));
        QCOMPARE(r.items[1].timestamp, kJun10 + 12 * kHour); // 4:00 PM
        QCOMPARE(r.items[1].tickers, (std::vector<std::string> {"AAPL", "MSFT"}));
        QCOMPARE(q(r.items[1].source), QStringLiteral("Wire B"));
    }

    void csvWithoutHeadlineColumnIsAnError()
    {
        const auto path = write("date,ticker,close\n2020-01-02,AAPL,1\n", "csv");
        const auto r = parseNewsCsv(path);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QCOMPARE(r.error().line, qint64(1));
        QVERIFY(r.error().message.find("no headline column") != std::string::npos);
    }

    void csvUnterminatedQuoteKeepsEarlierRows()
    {
        const auto path
            = write("date,headline,body\n2003-06-10,Fine,ok\n2003-06-11,Cut,\"no end\n", "csv");
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(1));
        QCOMPARE(r.itemsRejected, qint64(1));
        QCOMPARE(r.rejected[0].line, qint64(3));
    }

    void csvFieldLimitRejectsItem()
    {
        QByteArray big = "date,headline,body\n2003-06-10,Small,ok\n2003-06-10,Huge,";
        big += QByteArray(3000, 'x');
        big += "\n";
        NewsParseOptions options;
        options.maxFieldBytes = 1000;
        const auto r = parseOk(write(big, "csv"), NewsFormat::Auto, options);
        QCOMPARE(r.items.size(), std::size_t(1));
        QCOMPARE(r.rejected.size(), std::size_t(1));
        QCOMPARE(r.rejected[0].line, qint64(3));
        QCOMPARE(q(r.rejected[0].reason),
            QStringLiteral("body is longer than the limit of 1000 bytes (3000)"));
    }

    void invalidUtf8IsReplaced()
    {
        const auto path = write("date,headline\n2003-06-10,Caf\xC3\xA9 \xFF ok\n", "csv");
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(1));
        QCOMPARE(q(r.items[0].headline), QString::fromUtf8("Caf\xC3\xA9 \xEF\xBF\xBD ok"));
        QVERIFY(hasWarning(r, "invalid UTF-8 replaced by U+FFFD (first at item 1 (line 2))"));
    }

    void jsonWrapperObject()
    {
        const auto path = fixture("news_items.json");
        QCOMPARE(detectNewsFormat(path).value(), NewsFormat::Json);
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(3));
        const NewsItem& a = r.items[0];
        QCOMPARE(q(a.headline), QStringLiteral("Apple unveils new iPod"));
        QCOMPARE(q(a.body), QStringLiteral("Apple Inc unveiled a new iPod on Tuesday.")); // longest
        QCOMPARE(a.timestamp, kJun10);
        QCOMPARE(a.tickers, (std::vector<std::string> {"AAPL", "MSFT"}));
        QCOMPARE(q(a.source), QStringLiteral("Example Wire"));
        QCOMPARE(q(a.id), QStringLiteral("17"));
        QCOMPARE(q(a.url), QStringLiteral("https://news.example.com/a"));
        QVERIFY(a.label && a.label->value == 0.8);
        QCOMPARE(a.line, qint64(6));
        QCOMPARE(a.itemNumber, qint64(1));

        const NewsItem& b = r.items[1];
        QCOMPARE(q(b.headline), QStringLiteral("Epoch item"));
        QCOMPARE(b.timestamp, kJun10);
        QCOMPARE(q(b.body), QStringLiteral("HTML & body"));
        QCOMPARE(b.tickers, (std::vector<std::string> {"IBM", "XOM"}));
        QVERIFY(b.label && b.label->klass == SentimentClass::Negative);
        QCOMPARE(b.itemNumber, qint64(4));
        QCOMPARE(b.line, qint64(12));

        QCOMPARE(r.items[2].timestamp, kJun10 + 7 * kHour); // PDT
        QCOMPARE(r.items[2].itemNumber, qint64(6));

        QCOMPARE(r.rejected.size(), std::size_t(3));
        QCOMPARE(r.rejected[0].itemNumber, qint64(2));
        QCOMPARE(r.rejected[0].line, qint64(10));
        QCOMPARE(q(r.rejected[0].reason), QStringLiteral("unrecognised date/time 'sometime'"));
        QCOMPARE(r.rejected[1].itemNumber, qint64(3));
        QCOMPARE(r.rejected[1].line, qint64(11));
        QVERIFY(r.rejected[1].reason.find("invalid JSON") == 0);
        QCOMPARE(r.rejected[2].itemNumber, qint64(5));
        QCOMPARE(r.rejected[2].line, qint64(14));
        QCOMPARE(q(r.rejected[2].reason), QStringLiteral("item is not a JSON object"));
    }

    void jsonArrayAndSingleObject()
    {
        const auto r = parseOk(fixture("news_array.json"));
        QCOMPARE(r.items.size(), std::size_t(2));
        QCOMPARE(r.items[1].timestamp, kJun10 + kHour);
        QCOMPARE(r.items[1].tickers, std::vector<std::string> {"IBM"});
        QCOMPARE(r.items[1].line, qint64(3));

        const auto one = parseOk(write(R"({"title": "Only one", "date": "2003-06-10"})", "json"));
        QCOMPARE(one.items.size(), std::size_t(1));
        QCOMPARE(q(one.items[0].headline), QStringLiteral("Only one"));
    }

    void jsonDepthAndSizeLimits()
    {
        QByteArray deep
            = "[\n{\"title\": \"ok\", \"date\": \"2003-06-10\"},\n{\"title\": \"deep\", "
              "\"date\": \"2003-06-10\", \"x\": ";
        deep += QByteArray(100, '[') + QByteArray(100, ']') + "},\n";
        deep += "{\"title\": \"big\", \"date\": \"2003-06-10\", \"body\": \""
            + QByteArray(5000, 'b') + "\"},\n{\"title\": \"after\", \"date\": \"2003-06-11\"}\n]";
        NewsParseOptions options;
        options.maxItemBytes = 2000;
        const auto r = parseOk(write(deep, "json"), NewsFormat::Auto, options);
        QCOMPARE(r.items.size(), std::size_t(2));
        QCOMPARE(q(r.items[1].headline), QStringLiteral("after"));
        QCOMPARE(r.rejected.size(), std::size_t(2));
        QCOMPARE(r.rejected[0].itemNumber, qint64(2));
        QCOMPARE(r.rejected[0].line, qint64(3));
        QCOMPARE(q(r.rejected[0].reason), QStringLiteral("JSON nested deeper than 64 levels"));
        QCOMPARE(r.rejected[1].itemNumber, qint64(3));
        QCOMPARE(r.rejected[1].line, qint64(4));
        QVERIFY(r.rejected[1].reason.find("item is larger than the limit of 2000 bytes") == 0);

        // Truncated document: the items before stay, the cut item is rejected.
        const auto cut = parseOk(
            write("[{\"title\": \"a\", \"date\": \"2003-06-10\"},\n{\"title\": \"b", "json"));
        QCOMPARE(cut.items.size(), std::size_t(1));
        QCOMPARE(cut.rejected.size(), std::size_t(1));
        QCOMPARE(cut.rejected[0].line, qint64(2));
        QCOMPARE(cut.rejected[0].itemNumber, qint64(2));
    }

    void jsonLinesWithErrorsOnGivenLines()
    {
        const auto path = fixture("news_items.jsonl");
        QCOMPARE(detectNewsFormat(path).value(), NewsFormat::JsonLines);
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(3));
        QCOMPARE(r.items[0].line, qint64(1));
        QCOMPARE(r.items[0].tickers, std::vector<std::string> {"AAPL"});
        QCOMPARE(r.items[1].line, qint64(4));
        QCOMPARE(r.items[1].timestamp, kJun10 + kHour);
        QVERIFY(r.items[1].label && r.items[1].label->value == 1.0);
        QCOMPARE(r.items[2].line, qint64(7));
        QCOMPARE(r.items[2].timestamp, kJun10); // epoch milliseconds
        QCOMPARE(q(r.items[2].source), QStringLiteral("Wire"));
        QCOMPARE(r.rejected.size(), std::size_t(3));
        QCOMPARE(r.rejected[0].line, qint64(3));
        QVERIFY(r.rejected[0].reason.find("invalid JSON") == 0);
        QCOMPARE(r.rejected[1].line, qint64(5));
        QCOMPARE(q(r.rejected[1].reason), QStringLiteral("item is not a JSON object"));
        QCOMPARE(r.rejected[2].line, qint64(6));
        QCOMPARE(q(r.rejected[2].reason), QStringLiteral("no headline"));
    }

    void jsonLinesHugeLine()
    {
        QByteArray data = "{\"title\": \"a\", \"date\": \"2003-06-10\"}\n{\"title\": \"";
        data += QByteArray(10000, 'z') + "\", \"date\": \"2003-06-10\"}\n";
        data += "{\"title\": \"c\", \"date\": \"2003-06-10\"}\n";
        NewsParseOptions options;
        options.maxItemBytes = 1000;
        const auto r = parseOk(write(data, "jsonl"), NewsFormat::Auto, options);
        QCOMPARE(r.items.size(), std::size_t(2));
        QCOMPARE(r.rejected.size(), std::size_t(1));
        QCOMPARE(r.rejected[0].line, qint64(2));
        QCOMPARE(q(r.items[1].headline), QStringLiteral("c"));
        QCOMPARE(r.items[1].line, qint64(3));
    }

    void jsonLinesLineLongerThanOneReadPiece()
    {
        // Lines are read in 64 KiB pieces: a 200,000-byte line is put together whole, the next
        // line (CRLF) starts after it, and a too-long line spanning pieces is rejected once.
        const QByteArray body(200000, 'b');
        QByteArray data = "{\"title\": \"long\", \"date\": \"2003-06-10\", \"body\": \"" + body
            + "\"}\r\n{\"title\": \"next\", \"date\": \"2003-06-11\"}\r\n";
        const auto r = parseOk(write(data, "jsonl"));
        QCOMPARE(r.items.size(), std::size_t(2));
        QCOMPARE(r.items[0].body.size(), std::size_t(200000));
        QCOMPARE(q(r.items[1].headline), QStringLiteral("next"));
        QCOMPARE(r.items[1].line, qint64(2));

        NewsParseOptions options;
        options.maxItemBytes = 100000;
        const auto cut = parseOk(write(data, "jsonl"), NewsFormat::Auto, options);
        QCOMPARE(cut.items.size(), std::size_t(1));
        QCOMPARE(cut.rejected.size(), std::size_t(1));
        QCOMPARE(cut.rejected[0].line, qint64(1));
        QCOMPARE(cut.items[0].line, qint64(2));
    }

    void textFromAPipe()
    {
        // A pipe has no size: the whole-file readers read it to its end.
        QTemporaryDir dir;
        const QByteArray fifo = (dir.path() + QStringLiteral("/article.txt")).toLocal8Bit();
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QByteArray text = "Pipe headline\n\n" + QByteArray(300000, 'x') + "\n";
        std::thread writer([&] {
            QFile f(QString::fromLocal8Bit(fifo));
            if (f.open(QIODevice::WriteOnly))
                f.write(text);
        });
        const auto r = parseNewsText(fifo.toStdString(), {});
        writer.join();
        QVERIFY(r.ok());
        QCOMPARE(r->items.size(), std::size_t(1));
        QCOMPARE(q(r->items[0].headline), QStringLiteral("Pipe headline"));
        QCOMPARE(r->items[0].body.size(), std::size_t(300000));
    }

    void textArticle()
    {
        const auto path = fixture("news_article.txt");
        QCOMPARE(detectNewsFormat(path).value(), NewsFormat::Text);
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(1));
        const NewsItem& a = r.items[0];
        QCOMPARE(q(a.headline), QStringLiteral("IBM beats expectations"));
        QCOMPARE(q(a.body),
            QStringLiteral("IBM reported earnings above forecasts.\n\nAnalysts were pleased."));
        QCOMPARE(a.timestamp, kJun10 + 5 * kHour);
        QCOMPARE(a.tickers, (std::vector<std::string> {"IBM", "AAPL"}));
        QCOMPARE(q(a.source), QStringLiteral("Example Wire"));
        QCOMPARE(a.line, qint64(4));
        QVERIFY(!a.timeFromFile);
        QVERIFY(r.warnings.empty());
    }

    void textWithoutDateUsesModificationTime()
    {
        const auto path
            = write("\n\n  First line is the headline  \nBody one.\nBody two.\n", "txt");
        QFile f(q(path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(
            QDateTime::fromSecsSinceEpoch(kJun10, Qt::UTC), QFileDevice::FileModificationTime));
        f.close();
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(1));
        QCOMPARE(q(r.items[0].headline), QStringLiteral("First line is the headline"));
        QCOMPARE(q(r.items[0].body), QStringLiteral("Body one.\nBody two."));
        QCOMPARE(r.items[0].line, qint64(3));
        QCOMPARE(r.items[0].timestamp, kJun10);
        QVERIFY(r.items[0].timeFromFile);
        QVERIFY(
            hasWarning(r, "no Date: line; the file's modification time (2003-06-10T04:00:00Z)"));

        const auto bad = parseOk(write("Date: the day after\nHeadline\n", "txt"));
        QCOMPARE(bad.items.size(), std::size_t(0));
        QCOMPARE(bad.rejected.size(), std::size_t(1));
        QCOMPARE(bad.rejected[0].line, qint64(1));
    }

    void duplicateKey()
    {
        QCOMPARE(q(normaliseHeadline("Apple's  Q3:\tBeats!")), QStringLiteral("apples q3 beats"));
        QCOMPARE(q(normaliseHeadline(" \xC3\x89"
                                     "CLAIR  \xC3\xA9"
                                     "clair ")),
            QString::fromUtf8("\xC3\xA9"
                              "clair \xC3\xA9"
                              "clair")); // Unicode case folding
        QCOMPARE(newsDuplicateKey("Apple rallies.", 5), newsDuplicateKey("APPLE  rallies", 5));
        QVERIFY(newsDuplicateKey("Apple rallies", 5) != newsDuplicateKey("Apple rallies", 6));
        QCOMPARE(q(newsDuplicateKey("A b", 7)), QStringLiteral("a b|7"));
    }

    void labels()
    {
        QVERIFY(!parseNewsLabel("  ").has_value());
        QCOMPARE(parseNewsLabel("Bearish")->klass, std::optional(SentimentClass::Negative));
        QCOMPARE(parseNewsLabel("POS")->klass, std::optional(SentimentClass::Positive));
        QCOMPARE(parseNewsLabel("neutral")->klass, std::optional(SentimentClass::Neutral));
        QCOMPARE(parseNewsLabel("+0.5")->value, std::optional(0.5));
        const auto odd = parseNewsLabel("mixed");
        QVERIFY(odd && !odd->klass && !odd->value);
        QCOMPARE(q(odd->text), QStringLiteral("mixed"));
    }

    void cancel()
    {
        const NewsParseOptions options {[](std::int64_t, std::int64_t) { return false; }};
        for (const char* name : {"news_reuters21578_acq_crude.csv", "news_items.json",
                 "news_items.jsonl", "feed_rss2.xml", "news_article.txt"}) {
            const auto r = parseNewsFile(fixture(name), NewsFormat::Auto, options);
            QVERIFY2(!r, name);
            QCOMPARE(r.error().code, ErrorCode::Cancelled);
        }
    }

    void progressReachesTheEnd()
    {
        for (const char* name : {"news_reuters21578_acq_crude.csv", "news_items.json",
                 "news_items.jsonl", "feed_rss2.xml", "feed_malformed.xml"}) {
            std::int64_t lastDone = -1, lastTotal = 0;
            bool monotonic = true;
            NewsParseOptions options;
            options.progress = [&](std::int64_t done, std::int64_t total) -> bool {
                monotonic = monotonic && done >= lastDone && done <= total;
                lastDone = done;
                lastTotal = total;
                return true;
            };
            const auto path = fixture(name);
            parseOk(path, NewsFormat::Auto, options);
            QVERIFY2(monotonic, name);
            QCOMPARE(lastDone, lastTotal);
            QCOMPARE(lastTotal, qint64(QFile(q(path)).size()));
        }
    }

    void detection()
    {
        QCOMPARE(detectNewsFormat(write("[]", "dat")).value(), NewsFormat::Json);
        QCOMPARE(detectNewsFormat(write("{\"a\":1}\n{\"a\":2}\n", "json")).value(),
            NewsFormat::JsonLines);
        QCOMPARE(detectNewsFormat(write("<?xml version=\"1.0\"?>\n<feed></feed>", "dat")).value(),
            NewsFormat::Feed);
        QCOMPARE(
            detectNewsFormat(write("Title;Date\nx;2003-06-10\n", "dat")).value(), NewsFormat::Csv);
        QCOMPARE(
            detectNewsFormat(write("Just words\nmore words\n", "dat")).value(), NewsFormat::Text);
        QCOMPARE(detectNewsFormat(write("x", "ndjson")).value(), NewsFormat::JsonLines);
        QVERIFY(!detectNewsFormat(write("not json", "json")));
        QCOMPARE(detectNewsFormat(m_files.path(QStringLiteral("missing.csv")).toStdString())
                     .error()
                     .code,
            ErrorCode::Io);
    }

    void garbageNeverCrashes()
    {
        // Random bytes through every reader: errors or rejections, no crash.
        quint32 seed = 12345;
        for (int round = 0; round < 20; ++round) {
            QByteArray junk;
            for (int i = 0; i < 3000; ++i) {
                seed = seed * 1664525u + 1013904223u;
                static const char alphabet[] = "<>/&;#\"'{}[],:\n ab1\xC3\xFFitem title date";
                junk += alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            }
            for (const char* suffix : {"csv", "json", "jsonl", "xml", "txt"}) {
                const std::string path = write(
                    (suffix == std::string("xml") ? "<rss><channel><item>" : "") + junk, suffix);
                const auto r = parseNewsFile(path, NewsFormat::Auto);
                if (r)
                    QVERIFY(r->items.size() + std::size_t(r->itemsRejected) < 100000);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNewsParsers)
#include "test_news_parsers.moc"
