// Price and holdings import: layouts, sniffing, bad rows with their lines, transactions
// (cancel, error, strict, rollback leave the project exactly as it was), re-import, import log.
#include "import_test_support.h"

#include <QCryptographicHash>
#include <QTest>

#include <cmath>

using namespace import_test;

Q_DECLARE_METATYPE(marketlens::core::DateFormat)

class TestPriceImport : public QObject, public ImportFixture {
    Q_OBJECT

private Q_SLOTS:
    void longFileAndImportLog()
    {
        const auto project = newProject();
        auto r = importFiles(project, {dataFile("import/tiny_long.csv")}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        const FileImportResult& f = r->files.at(0);
        QCOMPARE(f.kind, ImportKind::PricesLong);
        QCOMPARE(f.delimiter, ',');
        QCOMPARE(f.dateFormat, DateFormat::Iso);
        QCOMPARE(f.rowsAccepted, 2);
        QCOMPARE(f.rowsRejected, 0);
        QCOMPARE(f.tickers, std::vector<std::string>{"AAA"});
        const auto s = prices(project, "AAA");
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s.dates[1].toIso(), std::string("2020-01-03"));
        QCOMPARE(s.open[1], 10.5);
        QCOMPARE(s.high[1], 12.0);
        QCOMPARE(s.low[1], 10.0);
        QCOMPARE(s.close[1], 11.5);
        QCOMPARE(s.volume[1], 1200.0);
        QVERIFY(std::isnan(s.adjClose[1]));
        // sha256sum tests/data/import/tiny_long.csv
        const std::string sha = "89261b7dafeada79c60eede228f6b2f3645a236188f14ceaadf8f3c8b3cb3d09";
        QCOMPARE(f.sha256, sha);
        auto store = ProjectStore::open(project);
        auto log = store->importLog();
        QCOMPARE(log->size(), std::size_t(1));
        QCOMPARE(log->at(0).fileName, std::string("tiny_long.csv"));
        QCOMPARE(log->at(0).sha256, sha);
        QCOMPARE(log->at(0).kind, std::string("prices-long"));
        QCOMPARE(log->at(0).rowsAccepted, 2);
        QCOMPARE(log->at(0).rowsRejected, 0);
    }

    void reimportUpdatesWithoutDuplicates()
    {
        const auto project = newProject();
        const auto file = dataFile("import/tiny_long.csv");
        QVERIFY(importFiles(project, {file}, {}).ok());
        auto again = importFiles(project, {file}, {});
        QVERIFY(again.ok());
        QVERIFY(again->files[0].warnings.empty()); // stored rows are not in-file duplicates
        QCOMPARE(count(project, "SELECT count(*) FROM prices"), 2);
        QCOMPARE(count(project, "SELECT count(*) FROM instruments"), 1);
        QCOMPARE(count(project, "SELECT count(*) FROM import_log"), 2);
        // Present values replace, missing ones keep what is stored.
        const auto update = write("upd.csv", "date,ticker,close,volume\n2020-01-03,aaa,11.75,\n");
        QVERIFY(importFiles(project, {update}, {}).ok());
        const auto s = prices(project, "AAA");
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s.close[1], 11.75);
        QCOMPARE(s.volume[1], 1200.0);
        QCOMPARE(s.open[1], 10.5);
    }

    void badRowsWithLines()
    {
        const auto project = newProject();
        const auto file = dataFile("import/bad_rows.csv");
        auto r = importFiles(project, {file}, {});
        QVERIFY(r.ok());
        const FileImportResult& f = r->files.at(0);
        QCOMPARE(f.rowsAccepted, 3);
        QCOMPARE(f.rowsRejected, 8);
        QCOMPARE(f.rejected.size(), std::size_t(8));
        const std::pair<int, const char*> expected[] = {
            {3, "wrong number of fields: expected 7, found 5"},
            {4, "unparsable date '2020-13-03'"},
            {5, "unparsable number in column close: 'abc'"},
            {6, "negative price in column low: -9"},
            {7, "high 8 is below low 9"},
            {8, "unparsable number in column close: '10.5\n'"}, // quoted line break
            {10, "negative volume in column volume: -5"},       // line after the quoted break
            {11, "no values"},
        };
        for (std::size_t i = 0; i < std::size(expected); ++i) {
            QCOMPARE(f.rejected[i].line, std::int64_t(expected[i].first));
            QCOMPARE(f.rejected[i].file, file);
            QVERIFY2(contains(f.rejected[i].reason, expected[i].second),
                     f.rejected[i].reason.c_str());
        }
        // Line 13 repeats 2020-01-02: the later row wins for present values, with a warning.
        const auto s = prices(project, "AAA");
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s.close[0], 10.75);
        QCOMPARE(s.volume[0], 1000.0);
        bool warned = false;
        for (const auto& w : f.warnings)
            warned = warned || (contains(w, "line 13") && contains(w, "2020-01-02"));
        QVERIFY(warned);
        auto store = ProjectStore::open(project);
        QCOMPARE(store->importLog()->at(0).rowsRejected, 8);
    }

    void duplicatesInUnsortedFiles()
    {
        // Dates out of order, one real duplicate (line 5), in a new and in an existing instrument.
        const QByteArray text = "Date,Ticker,Close\n2020-01-03,A,1\n2020-01-01,A,2\n"
                                "2020-01-02,A,3\n2020-01-01,A,4\n2020-01-06,A,5\n";
        for (int round = 0; round < 2; ++round) {
            const auto project = newProject();
            if (round == 1)
                QVERIFY(importFiles(project, {write("pre.csv", "Date,Ticker,Close\n2019-12-31,A,9\n")},
                                    {}).ok());
            auto r = importFiles(project, {write("u.csv", text)}, {});
            QVERIFY(r.ok());
            QCOMPARE(r->files[0].rowsAccepted, 5);
            int dupWarnings = 0;
            for (const auto& w : r->files[0].warnings)
                dupWarnings += contains(w, "appears again") ? 1 : 0;
            QCOMPARE(dupWarnings, 1);
            QVERIFY(contains(r->files[0].warnings.front(), "line 5:"));
            const auto s = prices(project, "A");
            QCOMPARE(s.size(), std::size_t(4 + round));
            QCOMPARE(s.close[round], 4.0); // 2020-01-01: the later row wins
        }
    }

    void strictImportsNothing()
    {
        const auto project = newProject();
        QVERIFY(importFiles(project, {dataFile("import/tiny_long.csv")}, {}).ok());
        const QStringList before = dump(project);
        ImportOptions o;
        o.strict = true;
        const auto bad = dataFile("import/bad_rows.csv");
        auto r = importFiles(project, {dataFile("msft_ohlcv.csv"), bad}, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadData);
        QCOMPARE(r.error().file, bad);
        QCOMPARE(r.error().line, 3);
        QVERIFY(contains(r.error().toString(), "wrong number of fields"));
        QCOMPARE(dump(project), before);
    }

    void dowJonesWide()
    {
        const auto project = newProject();
        auto r = importFiles(project, {dataFile("dowjones30_prices.csv")}, {});
        QVERIFY(r.ok());
        const auto& f = r->files[0];
        QCOMPARE(f.kind, ImportKind::PricesWide);
        QCOMPARE(f.tickers.size(), std::size_t(30));
        QCOMPARE(f.rowsAccepted, 2529);
        QCOMPARE(f.rowsRejected, 0);
        QCOMPARE(f.valuesWritten, 2529 * 30); // the file has no missing values
        QCOMPARE(count(project, "SELECT count(*) FROM prices"), 2529 * 30);
        // First and last rows, as written in the CSV text.
        const auto aa = prices(project, "AA");
        QCOMPARE(aa.size(), std::size_t(2529));
        QCOMPARE(aa.dates.front().toIso(), std::string("1990-12-31"));
        QCOMPARE(aa.close.front(), 5.92);
        QCOMPARE(aa.dates.back().toIso(), std::string("2001-01-02"));
        QCOMPARE(aa.close.back(), 31.88);
        QVERIFY(std::isnan(aa.open.back()));
        QCOMPARE(prices(project, "DIS").close.front(), 7.86);
        QCOMPARE(prices(project, "DIS").close.back(), 27.94);
        QCOMPARE(prices(project, "MSFT").close.back(), 43.38);
        QCOMPARE(prices(project, "T").close.front(), 14.67); // one-letter tickers are tickers
        QCOMPARE(prices(project, "C").close.back(), 50.08);
    }

    void wideBadCellKeepsRow()
    {
        const auto project = newProject();
        const auto file = write("w.csv", "Date,AAA,BBB\n2020-01-02,1,2\n2020-01-03,x,3\n"
                                         "2020-01-06,,4\nbad,5,6\n");
        auto r = importFiles(project, {file}, {});
        QVERIFY(r.ok());
        const auto& f = r->files[0];
        QCOMPARE(f.kind, ImportKind::PricesWide);
        QCOMPARE(f.rowsRejected, 2);
        QCOMPARE(f.rejected[0].line, 3);
        QVERIFY(contains(f.rejected[0].reason, "column AAA: 'x'"));
        QCOMPARE(f.rejected[1].line, 5);
        QVERIFY(contains(f.rejected[1].reason, "unparsable date 'bad'"));
        QCOMPARE(prices(project, "AAA").size(), std::size_t(1));
        QCOMPARE(prices(project, "BBB").size(), std::size_t(3));
        QCOMPARE(f.valuesWritten, 4);
    }

    void msftOhlcv()
    {
        const auto project = newProject();
        auto r = importFiles(project, {dataFile("msft_ohlcv.csv")}, {});
        QVERIFY(r.ok());
        QCOMPARE(r->files[0].kind, ImportKind::Ohlcv);
        QCOMPARE(r->files[0].tickers, std::vector<std::string>{"MSFT_OHLCV"});
        auto s = prices(project, "MSFT_OHLCV");
        QCOMPARE(s.size(), std::size_t(249));
        QVERIFY(s.hasOhlc());
        QCOMPARE(s.dates[0].toIso(), std::string("2000-09-27"));
        QCOMPARE(s.open[0], 63.4375);
        QCOMPARE(s.high[0], 63.5625);
        QCOMPARE(s.low[0], 59.8125);
        QCOMPARE(s.close[0], 60.625);
        QCOMPARE(s.volume[0], 53077800.0);
        QCOMPARE(s.close.back(), 49.96);
        ImportOptions o;
        o.ticker = "msft";
        QVERIFY(importFiles(project, {dataFile("msft_ohlcv.csv")}, o).ok());
        QCOMPARE(prices(project, "MSFT").size(), std::size_t(249));
    }

    void holdings()
    {
        const auto project = newProject();
        auto r = importFiles(project, {dataFile("import/holdings.csv")}, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->files[0].kind, ImportKind::Holdings);
        QCOMPARE(r->files[0].portfolio, std::string("holdings"));
        auto store = ProjectStore::open(project);
        auto ps = store->portfolios();
        QCOMPARE(ps->size(), std::size_t(1));
        const auto& h = ps->at(0).holdings;
        QCOMPARE(h.size(), std::size_t(3));
        QCOMPARE(h[0].ticker, std::string("AAPL"));
        QCOMPARE(*h[0].quantity, 100.0);
        QCOMPARE(*h[0].costBasis, 150.25);
        QCOMPARE(h[0].currency, std::string("USD"));
        QCOMPARE(h[1].ticker, std::string("MSFT"));
        QCOMPARE(*h[1].costBasis, 1210.5);
        QCOMPARE(h[2].ticker, std::string("KO"));
        QVERIFY(!h[2].costBasis);
        QCOMPARE(h[2].currency, std::string("EUR"));

        ImportOptions o;
        o.portfolio = "Model";
        auto w = importFiles(project, {dataFile("import/holdings_weights_pct.csv")}, o);
        QVERIFY(w.ok());
        bool warned = false;
        for (const auto& s : w->files[0].warnings)
            warned = warned || contains(s, "percent");
        QVERIFY(warned);
        ps = store->portfolios();
        QCOMPARE(ps->at(0).name, std::string("Model"));
        const auto& m = ps->at(0).holdings;
        QCOMPARE(*m[0].weight, 0.40);
        QCOMPARE(*m[1].weight, 0.355);
        QCOMPARE(*m[2].weight, 0.245);
        QCOMPARE(m[2].currency, std::string("CHF"));

        // Holdings then prices in one session: the instruments the portfolio created are reused.
        auto mixed = importFiles(project, {dataFile("import/holdings.csv"),
                                           write("k.csv", "Date,Ticker,Close\n2020-01-02,ko,50\n")},
                                 {});
        QVERIFY2(mixed.ok(), mixed.ok() ? "" : mixed.error().toString().c_str());
        QCOMPARE(count(project, "SELECT count(*) FROM instruments WHERE ticker = 'KO'"), 1);
        QCOMPARE(prices(project, "KO").close.at(0), 50.0);

        // Weights summing to ~100 without a % header are percentages too.
        auto w2 = importFiles(project, {write("p.csv", "Ticker,Weight\nA,60\nB,40\n")}, {});
        QVERIFY(w2.ok());
        ps = store->portfolios();
        QCOMPARE(ps->size(), std::size_t(3));
        QCOMPARE(ps->at(2).name, std::string("p")); // ordered by name
        QCOMPARE(ps->at(2).holdings.at(0).weight.value_or(-1), 0.6);
    }

    void cancelLeavesProjectUntouched()
    {
        const auto project = newProject();
        QVERIFY(importFiles(project, {dataFile("import/tiny_long.csv")}, {}).ok());
        const QStringList before = dump(project);
        const auto big = write("big.csv", generateLong(100, 500));
        int calls = 0;
        auto r = importFiles(project, {big}, {},
                             [&](std::int64_t, std::int64_t) { return ++calls < 2; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(dump(project), before);
    }

    void errorLeavesProjectUntouched()
    {
        const auto project = newProject();
        QVERIFY(importFiles(project, {dataFile("import/tiny_long.csv")}, {}).ok());
        const QStringList before = dump(project);
        const std::string missing = m_dir.filePath("missing.csv").toStdString();
        auto r = importFiles(project, {dataFile("msft_ohlcv.csv"), missing}, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Io);
        QCOMPARE(r.error().file, missing);
        QCOMPARE(dump(project), before);

        const auto junk = write("junk.csv", "foo,bar\n1,2\n");
        auto j = importFiles(project, {dataFile("swx_prices.csv"), junk}, {});
        QVERIFY(!j.ok());
        QCOMPARE(j.error().code, ErrorCode::BadData);
        QCOMPARE(j.error().file, junk);
        QVERIFY(contains(j.error().message, "'foo'"));
        QCOMPARE(dump(project), before);
    }

    void sessionRollbackAndCommit()
    {
        const auto project = newProject();
        const QStringList before = dump(project);
        {
            auto s = ImportSession::begin(project);
            QVERIFY(s.ok());
            auto r = s->run({dataFile("swx_prices.csv")}, {});
            QVERIFY(r.ok());
            QCOMPARE(r->files[0].valuesWritten, 1917 * 6);
            s->rollback();
        }
        QCOMPARE(dump(project), before);
        {
            auto s = ImportSession::begin(project);
            QVERIFY(s->run({dataFile("nyse_composite.csv")}, {}).ok());
        } // destroyed without commit: rolled back
        QCOMPARE(dump(project), before);
        {
            auto s = ImportSession::begin(project);
            auto r = s->run({dataFile("nyse_composite.csv")}, {});
            QVERIFY(r.ok());
            QVERIFY(s->commit().ok());
            // The real file repeats 1966-02-23 (line 289, amid 1967 dates) and 1969-12-08
            // (line 964): 9311 rows, 9309 dates; the later rows win and are reported.
            QCOMPARE(r->files[0].rowsAccepted, 9311);
            QCOMPARE(r->files[0].rowsRejected, 0);
            bool warned = false;
            for (const auto& w : r->files[0].warnings)
                warned = warned || (contains(w, "line 289:") && contains(w, "1966-02-23"));
            QVERIFY(warned);
        }
        QCOMPARE(prices(project, "NYSE").size(), std::size_t(9309));
        QCOMPARE(prices(project, "NYSE").close.back(), 472.87);
    }

    void streaming50kRows()
    {
        const QByteArray text = generateLong(100, 500);
        const auto file = write("long50k.csv", text);
        const auto project = newProject();
        std::int64_t last = -1, total = 0;
        bool monotonic = true;
        auto r = importFiles(project, {file}, {}, [&](std::int64_t done, std::int64_t all) {
            monotonic = monotonic && done >= last;
            last = done;
            total = all;
            return true;
        });
        QVERIFY(r.ok());
        QVERIFY(monotonic);
        QCOMPARE(total, std::int64_t(text.size()));
        QCOMPARE(last, total);
        QCOMPARE(r->files[0].rowsAccepted, 50000);
        QCOMPARE(r->files[0].tickers.size(), std::size_t(100));
        QCOMPARE(count(project, "SELECT count(*) FROM prices"), 50000);
        const auto s = prices(project, "T42");
        QCOMPARE(s.size(), std::size_t(500));
        QCOMPARE(s.close[317], 100 + 42 + 3.17);
        QCOMPARE(s.dates[317], Date(18317));
        QCOMPARE(r->files[0].sha256,
                 QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().toStdString());
    }

    void holdingsBadRowsAndBrokenQuote()
    {
        const auto project = newProject();
        const auto file = write("h.csv", "Ticker,Quantity,Cost\nAAA,10,5\n,3,1\nBBB,,2\n"
                                         "CCC,x,1\nDDD,4,-1\nAAA,12,6\n\nEEE,\"7\n");
        auto r = importFiles(project, {file}, {});
        QVERIFY(r.ok());
        const auto& f = r->files[0];
        QCOMPARE(f.rowsAccepted, 2); // AAA twice: the later row wins
        const std::pair<int, const char*> expected[] = {
            {3, "empty ticker"},
            {4, "no quantity or weight"},
            {5, "unparsable number in column Quantity: 'x'"},
            {6, "negative cost basis"},
            {9, "unterminated quoted field"}, // line 8 is blank
        };
        QCOMPARE(f.rejected.size(), std::size(expected));
        for (std::size_t i = 0; i < std::size(expected); ++i) {
            QCOMPARE(f.rejected[i].line, std::int64_t(expected[i].first));
            QVERIFY2(contains(f.rejected[i].reason, expected[i].second),
                     f.rejected[i].reason.c_str());
        }
        auto store = ProjectStore::open(project);
        const auto ps = store->portfolios();
        QCOMPARE(ps->at(0).name, std::string("h"));
        QCOMPARE(ps->at(0).holdings.size(), std::size_t(1));
        QCOMPARE(ps->at(0).holdings[0].quantity.value_or(0), 12.0);
        QCOMPARE(ps->at(0).holdings[0].costBasis.value_or(0), 6.0);
    }

    void optionParsing()
    {
        ImportKind k{};
        bool pricesOnly = false;
        QVERIFY(parseImportKind("prices", k, pricesOnly) && k == ImportKind::Auto && pricesOnly);
        QVERIFY(parseImportKind("Holdings", k, pricesOnly) && k == ImportKind::Holdings);
        QVERIFY(parseImportKind("wide", k, pricesOnly) && k == ImportKind::PricesWide);
        QVERIFY(!parseImportKind("xml", k, pricesOnly));
        DateFormat f{};
        QVERIFY(parseDateFormat("DD.MM.YYYY", f) && f == DateFormat::Dmy);
        QVERIFY(parseDateFormat("mm/dd/yyyy", f) && f == DateFormat::Mdy);
        QVERIFY(parseDateFormat("iso", f) && f == DateFormat::Iso);
        QVERIFY(!parseDateFormat("yy", f));
        QCOMPARE(std::string(importKindName(ImportKind::PricesWide)), std::string("prices-wide"));
    }

    void forcedKinds()
    {
        // --kind prices on a holdings-looking file is an error; --kind wide forces tickers.
        const auto project = newProject();
        ImportOptions o;
        o.pricesOnly = true;
        QVERIFY(!importFiles(project, {dataFile("import/holdings.csv")}, o).ok());
        ImportOptions wide;
        wide.kind = ImportKind::PricesWide;
        auto r = importFiles(project, {write("f.csv", "Date,Close\n2020-01-02,3\n")}, wide);
        QVERIFY(r.ok());
        QCOMPARE(prices(project, "CLOSE").close[0], 3.0);
    }
};

QTEST_GUILESS_MAIN(TestPriceImport)
#include "test_price_import.moc"
