// Header synonyms and layout detection of the import, without touching a project.
#include "core/import_detect.h"

#include <QTest>

using namespace marketlens::core;

Q_DECLARE_METATYPE(marketlens::core::ColumnRole)
Q_DECLARE_METATYPE(marketlens::core::ImportKind)

class TestImportDetect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void synonyms_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<ColumnRole>("role");
        QTest::addColumn<bool>("percent");
        const struct {
            ColumnRole role;
            std::vector<const char*> names;
        } table[] = {
            {ColumnRole::Date, {"Date", "datum", " TIMESTAMP ", "Time", "Day", "Trade Date", "trade_date"}},
            {ColumnRole::Ticker, {"Ticker", "SYMBOL", "Instrument", "Code", "Security", "RIC"}},
            {ColumnRole::Open, {"Open", "Opening", "open price"}},
            {ColumnRole::High, {"High", "HIGH"}},
            {ColumnRole::Low, {"Low", "low"}},
            {ColumnRole::Close, {"Close", "Closing", "Last", "Price", "Close Price", "close_price"}},
            {ColumnRole::AdjClose, {"Adj Close", "Adjusted Close", "Adj_Close", "AdjClose", "adj. close"}},
            {ColumnRole::Volume, {"Volume", "Vol", "Qty traded"}},
            {ColumnRole::Quantity, {"Quantity", "Qty", "Shares", "Units", "Position"}},
            {ColumnRole::Weight, {"Weight", "Allocation"}},
            {ColumnRole::Cost, {"Cost", "Cost Basis", "Avg Cost", "Price Paid", "Unit Cost"}},
            {ColumnRole::Currency, {"Currency", "Ccy", "CCY"}},
            {ColumnRole::Unknown, {"AA", "MSFT", "C", "T", "Notes"}},
        };
        for (const auto& row : table) {
            for (const char* n : row.names)
                QTest::newRow(n) << QString(n) << row.role << false;
        }
        QTest::newRow("Weight %") << "Weight %" << ColumnRole::Weight << true;
        QTest::newRow("Pct") << "Pct" << ColumnRole::Weight << true;
        QTest::newRow("Allocation (%)") << "Allocation (%)" << ColumnRole::Weight << true;
    }
    void synonyms()
    {
        QFETCH(QString, name);
        QFETCH(ColumnRole, role);
        QFETCH(bool, percent);
        bool pct = !percent;
        QCOMPARE(classifyHeader(name.toStdString(), &pct), role);
        if (role == ColumnRole::Weight)
            QCOMPARE(pct, percent);
    }

    void layouts_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<ImportKind>("kind");
        QTest::newRow("long") << QStringList{"ticker", "close", "date"} << ImportKind::PricesLong;
        QTest::newRow("ohlcv") << QStringList{"Date", "Open", "High", "Low", "Close", "Volume"}
                               << ImportKind::Ohlcv;
        QTest::newRow("lone price") << QStringList{"Date", "Price"} << ImportKind::Ohlcv;
        QTest::newRow("wide") << QStringList{"Date", "AA", "T", "C"} << ImportKind::PricesWide;
        QTest::newRow("holdings qty") << QStringList{"Symbol", "Shares"} << ImportKind::Holdings;
        QTest::newRow("holdings weight") << QStringList{"Ticker", "Weight %", "CCY"}
                                         << ImportKind::Holdings;
        QTest::newRow("unknown") << QStringList{"foo", "bar"} << ImportKind::Auto;
        QTest::newRow("ticker only") << QStringList{"Ticker", "Notes"} << ImportKind::Auto;
        QTest::newRow("date only") << QStringList{"Date"} << ImportKind::Auto;
    }
    void layouts()
    {
        QFETCH(QStringList, header);
        QFETCH(ImportKind, kind);
        std::vector<std::string> h;
        for (const auto& s : header)
            h.push_back(s.toStdString());
        auto l = detectLayout(h, ImportKind::Auto, false);
        if (kind == ImportKind::Auto) {
            QVERIFY(!l.ok());
            QCOMPARE(l.error().code, ErrorCode::BadData);
            QVERIFY(l.error().message.find("'" + h[0] + "'") != std::string::npos);
            return;
        }
        QVERIFY(l.ok());
        QCOMPARE(l->kind, kind);
    }

    void closeAndAdjCloseBothKept()
    {
        auto l = detectLayout({"Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"},
                              ImportKind::Auto, false);
        QVERIFY(l.ok());
        QCOMPARE(l->col(ColumnRole::Close), 4);
        QCOMPARE(l->col(ColumnRole::AdjClose), 5);
        // Two columns with one meaning: the first wins, the other is ignored with a warning.
        auto d = detectLayout({"Date", "Close", "Price"}, ImportKind::Auto, false);
        QCOMPARE(d->col(ColumnRole::Close), 1);
        QCOMPARE(d->warnings.size(), std::size_t(1));
    }

    void wideTickersAndForcedKinds()
    {
        auto l = detectLayout({"Date", "AA", "MSFT"}, ImportKind::Auto, false);
        QCOMPARE(l->wideColumns.size(), std::size_t(2));
        QCOMPARE(l->wideColumns[1].second, std::string("MSFT"));
        QCOMPARE(l->wideColumns[1].first, 2);
        QVERIFY(!detectLayout({"Symbol", "Shares"}, ImportKind::Auto, true).ok()); // prices only
        QVERIFY(!detectLayout({"Date", "AA"}, ImportKind::Holdings, false).ok());
        QVERIFY(!detectLayout({"Date", "Close"}, ImportKind::PricesLong, false).ok());
        auto w = detectLayout({"Date", "Close"}, ImportKind::PricesWide, false);
        QCOMPARE(w->wideColumns.at(0).second, std::string("Close"));
    }

    void namesFromFiles()
    {
        QCOMPARE(tickerFromFileName("/data/MSFT.csv"), std::string("MSFT"));
        QCOMPARE(tickerFromFileName("msft_ohlcv.csv"), std::string("MSFT_OHLCV"));
        QCOMPARE(baseNameOf("/x/My Portfolio.csv"), std::string("My Portfolio"));
    }
};

QTEST_GUILESS_MAIN(TestImportDetect)
#include "test_import_detect.moc"
