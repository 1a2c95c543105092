// Ticker linking: explicit tickers win; exchange mentions, cashtags and company aliases
// otherwise; only the project's instruments count; unknown mentions become warnings.
#include "core/news/ticker_linker.h"

#include <QTest>

using namespace marketlens::core;

namespace {

TickerLinker projectLinker()
{
    return TickerLinker({
        {"AAPL", {"Apple", "Apple Inc", "Apple Computer"}},
        {"MSFT", {"Microsoft", "Microsoft Corp", "Microsoft Corporation"}},
        {"IBM", {"International Business Machines", "IBM"}},
        {"BRK-B", {"Berkshire Hathaway"}},
        {"VOD.L", {"Vodafone"}},
        {"RY.TO", {}},
        {"BAC", {"Bank of America"}},
        {"AXP", {"American Express"}},
        {"GOOG", {"Alphabet"}},
        {"GOOGL", {"Alphabet"}},
        {"CAT", {}},
    });
}

QStringList tickers(const TickerLinks& l)
{
    QStringList out;
    for (const auto& link : l.links)
        out << QString::fromStdString(link.ticker) + QLatin1Char(':')
                + QLatin1String(linkReasonKey(link.reason));
    return out;
}

QStringList symbols(const std::vector<TextMention>& m)
{
    QStringList out;
    for (const auto& x : m)
        out << QString::fromStdString(x.symbol);
    return out;
}

} // namespace

class TestTickerLinker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cashtags()
    {
        const auto m = findCashtags("Buy $AAPL and $BRK.B, not $5 or $100m; US$5 nor $$X. "
                                    "($msft) $TOOLONGX $IBM's $GOOG.");
        QCOMPARE(symbols(m), (QStringList {"AAPL", "BRK.B", "MSFT", "IBM", "GOOG"}));
        QCOMPARE(m[0].offset, std::size_t(4));
        QCOMPARE(QString::fromStdString(m[1].text), QStringLiteral("$BRK.B"));
        QVERIFY(findCashtags("$ 5 $_X $1A").empty());
    }

    void exchangeMentions()
    {
        const auto m = findExchangeMentions(
            "Deal (NYSE: IBM) with NASDAQ:MSFT and (Nasdaq: AAPL); LSE: VOD, TSX:RY, "
            "HKEX: 0700, NYSE American: XYZ, NYSEG: NO, nyse:  brk.b.");
        QCOMPARE(
            symbols(m), (QStringList {"IBM", "MSFT", "AAPL", "VOD", "RY", "0700", "XYZ", "BRK.B"}));
        QCOMPARE(QString::fromStdString(m[0].exchange), QStringLiteral("NYSE"));
        QCOMPARE(QString::fromStdString(m[0].text), QStringLiteral("NYSE: IBM"));
        QCOMPARE(QString::fromStdString(m[6].exchange), QStringLiteral("NYSE AMERICAN"));
        QCOMPARE(QString::fromStdString(exchangeSuffix("lse")), QStringLiteral("L"));
        QCOMPARE(QString::fromStdString(exchangeSuffix("TSX")), QStringLiteral("TO"));
        QVERIFY(exchangeSuffix("NYSE").empty());
    }

    void explicitTickersWin()
    {
        const auto linker = projectLinker();
        const auto l = linker.link({"msft", "ZZZZ"}, "Apple (NASDAQ: AAPL) rallies", "$IBM too");
        QCOMPARE(tickers(l), QStringList {"MSFT:explicit"});
        QCOMPARE(QString::fromStdString(l.links[0].evidence), QStringLiteral("msft"));
        QCOMPARE(l.warnings.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(l.warnings[0]),
            QStringLiteral("ticker ZZZZ is not an instrument of the project"));
    }

    void unknownExplicitFallsBackToText()
    {
        const auto l = projectLinker().link({"ZZZZ"}, "$AAPL jumps", "");
        QCOMPARE(tickers(l), QStringList {"AAPL:cashtag"});
        QCOMPARE(l.warnings.size(), std::size_t(1));
    }

    void textReasonsAndOrder()
    {
        const auto linker = projectLinker();
        const auto l = linker.link({}, "Microsoft Corp and Apple team up",
            "Apple Inc. (Nasdaq: AAPL) and Microsoft said... $IBM rose; $XYZ fell. "
            "Shares of Berkshire Hathaway ($BRK.B) and Vodafone (LSE: VOD) and RBC (TSX: RY).");
        QCOMPARE(tickers(l),
            (QStringList {"AAPL:exchange", "VOD.L:exchange", "RY.TO:exchange", "IBM:cashtag",
                "BRK-B:cashtag", "MSFT:alias"}));
        const TickerLink& aapl = l.links[0];
        QCOMPARE(QString::fromStdString(aapl.evidence), QStringLiteral("Nasdaq: AAPL"));
        QCOMPARE(aapl.mentions, 3); // exchange + "Apple" (headline) + "Apple Inc" (body)
        const TickerLink& msft = l.links[5];
        QCOMPARE(QString::fromStdString(msft.evidence), QStringLiteral("microsoft corp"));
        QCOMPARE(msft.mentions, 2);
        QCOMPARE(l.warnings.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(l.warnings[0]),
            QStringLiteral("cashtag $XYZ names no instrument of the project"));
    }

    void aliasesAreWholeWords()
    {
        const auto linker = projectLinker();
        QVERIFY(linker.link({}, "Pineapple prices soar at Applebee's", "").links.empty());
        QVERIFY(linker.link({}, "Snapple and Apples", "").links.empty());
        QCOMPARE(tickers(linker.link({}, "APPLE's results", "")), QStringList {"AAPL:alias"});
        QCOMPARE(tickers(linker.link({}, "Sales at \"Apple\".", "")), QStringList {"AAPL:alias"});
        QCOMPARE(tickers(linker.link({}, "Apple\xE2\x80\x99s iPhone", "")),
            QStringList {"AAPL:alias"}); // curly apostrophe is no letter
        QVERIFY(linker
                    .link({},
                        "\xC3\xA9"
                        "Apple",
                        "")
                    .links.empty()); // é is a letter
        // Line breaks and blank runs inside a name.
        QCOMPARE(tickers(linker.link({}, "", "deal with Bank of\n  America today")),
            QStringList {"BAC:alias"});
        // "American Express" is matched first; "America" alone is no alias of anything.
        QCOMPARE(tickers(linker.link({}, "American Express and Bank of America", "")),
            (QStringList {"AXP:alias", "BAC:alias"}));
        // One alias of two share classes links both.
        QCOMPARE(tickers(linker.link({}, "Alphabet earnings", "")),
            (QStringList {"GOOG:alias", "GOOGL:alias"}));
    }

    void longestAliasFirst()
    {
        const TickerLinker linker({{"A", {"General"}}, {"GE", {"General Electric"}}});
        const auto l = linker.link({}, "General Electric beats; General market calm", "");
        QCOMPARE(tickers(l), (QStringList {"GE:alias", "A:alias"}));
        QCOMPARE(l.links[0].mentions, 1);
        QCOMPARE(l.links[1].mentions, 1); // "General" inside "General Electric" is not counted
    }

    void aliasesWithPunctuation()
    {
        const TickerLinker linker({{"T", {"AT&T"}}, {"DOT", {".Com Holdings"}}, {"MMM", {"3M"}}});
        QCOMPARE(tickers(linker.link({}, "AT&T and 3M rise; the .com holdings fall", "")),
            (QStringList {"T:alias", "MMM:alias", "DOT:alias"}));
        QVERIFY(linker.link({}, "CAT&T 13M x.com holdings", "").links.empty());
    }

    void tickerSpellings()
    {
        const auto linker = projectLinker();
        QCOMPARE(
            QString::fromStdString(linker.knownTicker("brk.b").value()), QStringLiteral("BRK-B"));
        QCOMPARE(
            QString::fromStdString(linker.knownTicker("BRK/B").value()), QStringLiteral("BRK-B"));
        QCOMPARE(QString::fromStdString(linker.knownTicker("VOD", "LSE").value()),
            QStringLiteral("VOD.L"));
        QVERIFY(!linker.knownTicker("VOD").has_value());
        QVERIFY(!linker.knownTicker("VOD", "NYSE").has_value());
        // Bare tickers in prose are not links ("CAT" the animal); a cashtag is.
        QVERIFY(linker.link({}, "The CAT sat", "").links.empty());
        QCOMPARE(tickers(linker.link({}, "$CAT up", "")), QStringList {"CAT:cashtag"});
    }

    void nothingKnown()
    {
        const TickerLinker empty({});
        const auto l = empty.link({"AAPL"}, "$AAPL (NYSE: IBM)", "");
        QVERIFY(l.links.empty());
        QCOMPARE(l.warnings.size(), std::size_t(3));
    }

    void linksNewsItem()
    {
        NewsItem item;
        item.headline = "Microsoft Corporation news";
        item.body = "Nothing else.";
        QCOMPARE(tickers(projectLinker().link(item)), QStringList {"MSFT:alias"});
    }
};

QTEST_GUILESS_MAIN(TestTickerLinker)
#include "test_ticker_linker.moc"
