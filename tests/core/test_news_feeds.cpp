// News feeds (RSS 2.0, Atom, malformed feeds) and HTML to text. Timestamps are hand-computed UTC
// seconds (2003-06-10T04:00:00Z = 1055217600; offsets and named zones added by hand).
#include "core/news/html_text.h"
#include "news_test_support.h"

using namespace marketlens::core;
using namespace marketlens::core::news_test;

class TestNewsFeeds : public QObject {
    Q_OBJECT

    ScratchFiles m_files;

    std::string write(const QByteArray& bytes, const char* suffix)
    {
        return m_files.write(bytes, suffix);
    }

private Q_SLOTS:
    void rss2Feed()
    {
        const auto path = fixture("feed_rss2.xml");
        QCOMPARE(detectNewsFormat(path).value(), NewsFormat::Feed);
        const auto r = parseOk(path);
        QCOMPARE(r.itemsRejected, qint64(0));
        QCOMPARE(r.items.size(), std::size_t(4));

        const NewsItem& a = r.items[0];
        QCOMPARE(q(a.headline), QStringLiteral("Apple & IBM sign enterprise deal"));
        QCOMPARE(q(a.body),
            QStringLiteral("Apple Computer (Nasdaq: AAPL) and IBM (NYSE: IBM) said "
                           "on Tuesday they would work together.\n\nShares of "
                           "both rose & analysts cheered."));
        QCOMPARE(a.timestamp, kJun10);
        QCOMPARE(q(a.timestampText), QStringLiteral("Tue, 10 Jun 2003 04:00:00 GMT"));
        QCOMPARE(a.tickers, (std::vector<std::string> {"AAPL", "IBM"}));
        QCOMPARE(q(a.id), QStringLiteral("ex-2003-06-10-0001"));
        QCOMPARE(q(a.url), QStringLiteral("https://news.example.com/markets/2003/06/10/apple-ibm"));
        QCOMPARE(q(a.source), QStringLiteral("Example Markets Wire"));
        QCOMPARE(a.itemNumber, qint64(1));
        QCOMPARE(a.line, qint64(16));

        const NewsItem& b = r.items[1];
        QCOMPARE(q(b.headline), QStringLiteral("Oil prices slip as OPEC weighs output"));
        QCOMPARE(q(b.body),
            QString::fromUtf8("Oil slips\n\nCrude oil fell 2% on Tuesday \xE2\x80\x94 "
                              "the third daily drop.\n\nBrent: $27.10\nWTI: $29.05"));
        QCOMPARE(b.timestamp, kJun10 + 5 * kHour); // EST
        QCOMPARE(b.tickers, std::vector<std::string> {"XOM"});

        const NewsItem& c = r.items[2];
        QCOMPARE(q(c.headline), QStringLiteral("Microsoft to cut prices in Europe")); // &nbsp;
        QCOMPARE(c.timestamp, kJun10 + 15 * 60); // 23:15 -05:00
        QCOMPARE(q(c.source), QStringLiteral("Example Partner Wire"));

        const NewsItem& d = r.items[3];
        QCOMPARE(d.timestamp, kJun10 - 6 * kHour - 30 * 60); // Mon 17:30 -0400 = 21:30Z
        QCOMPARE(q(d.body), QStringLiteral("Stocks ended the day mixed. $MSFT edged up."));
        QVERIFY(d.url.empty());
    }

    void atomFeed()
    {
        const auto r = parseOk(fixture("feed_atom.xml"));
        QCOMPARE(r.itemsRejected, qint64(0));
        QCOMPARE(r.items.size(), std::size_t(3));
        const NewsItem& a = r.items[0];
        QCOMPARE(q(a.headline), QStringLiteral("Atom & XHTML powered robots"));
        QCOMPARE(q(a.body),
            QStringLiteral("This is XHTML content & more.\n\nSecond paragraph about $AAPL."));
        QCOMPARE(a.timestamp, qint64(1071318569)); // 2003-12-13T08:29:29-04:00 = 12:29:29Z
        QCOMPARE(q(a.url), QStringLiteral("https://research.example.com/2003/12/13/atom03"));
        QCOMPARE(q(a.id), QStringLiteral("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"));
        QCOMPARE(a.tickers, std::vector<std::string> {"AAPL"});
        QCOMPARE(q(a.source), QStringLiteral("Example Research Notes"));

        const NewsItem& b = r.items[1];
        QCOMPARE(q(b.headline), QStringLiteral("Quarterly outlook: banks"));
        QCOMPARE(q(b.body), QStringLiteral("Banks look cheap.\n\nJPMorgan (NYSE: JPM) leads."));
        QCOMPARE(b.timestamp, qint64(1071219600)); // 2003-12-12T10:00:00.250+01:00 = 09:00Z
        QCOMPARE(q(b.url), QStringLiteral("https://research.example.com/2003/12/12/banks"));

        const NewsItem& c = r.items[2];
        QCOMPARE(q(c.headline), QStringLiteral("Plain <text> title"));
        QCOMPARE(q(c.body), QStringLiteral("Line one <b> stays literal."));
        QCOMPARE(c.timestamp, qint64(1071100800)); // 2003-12-11T00:00:00Z
    }

    void malformedFeedRejectsItemsNotTheFile()
    {
        const auto r = parseOk(fixture("feed_malformed.xml"));
        QCOMPARE(r.items.size(), std::size_t(2));
        QCOMPARE(q(r.items[0].headline), QStringLiteral("First item is fine"));
        QCOMPARE(r.items[0].timestamp, qint64(1055318400)); // 2003-06-11T08:00:00Z
        QCOMPARE(q(r.items[1].headline), QStringLiteral("Fourth item is fine again"));
        QCOMPARE(r.items[1].timestamp, qint64(1055343600)); // 11:00 EDT = 15:00Z
        QCOMPARE(r.items[1].itemNumber, qint64(4));
        QCOMPARE(r.items[1].line, qint64(20));
        QCOMPARE(q(r.items[1].source), QStringLiteral("Broken Wire"));

        QCOMPARE(r.rejected.size(), std::size_t(4));
        QCOMPARE(r.rejected[0].itemNumber, qint64(2));
        QCOMPARE(r.rejected[0].line, qint64(10));
        QVERIFY2(r.rejected[0].reason.find("malformed XML at line 12") == 0,
            r.rejected[0].reason.c_str());
        QCOMPARE(r.rejected[1].itemNumber, qint64(3));
        QCOMPARE(r.rejected[1].line, qint64(15));
        QCOMPARE(q(r.rejected[1].reason),
            QStringLiteral("unrecognised date/time 'Someday, 45 Jun 2003 99:00:00 GMT'"));
        QCOMPARE(r.rejected[2].itemNumber, qint64(5));
        QCOMPARE(r.rejected[2].line, qint64(25));
        QCOMPARE(q(r.rejected[2].reason), QStringLiteral("no date"));
        QCOMPARE(r.rejected[3].itemNumber, qint64(6));
        QCOMPARE(r.rejected[3].line, qint64(29));
        QVERIFY(r.rejected[3].reason.find("malformed XML") == 0);
    }

    void feedRootMustBeAFeed()
    {
        const auto path = write("<?xml version=\"1.0\"?><html><body>x</body></html>", "xml");
        QVERIFY(!detectNewsFormat(path));
        const auto r = parseNewsFeed(path);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadData);
    }

    void htmlToPlainText()
    {
        QCOMPARE(q(htmlToText("<p>One&nbsp;two</p><p>Three<br>four</p>")),
            QStringLiteral("One two\n\nThree\nfour"));
        QCOMPARE(q(htmlToText("a<script>var x = '<p>';</script>b<style>p{}</style>c")),
            QStringLiteral("abc"));
        QCOMPARE(q(htmlToText("&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;&eacute;&bogus;")),
            QString::fromUtf8("&<>\"'AB\xF0\x9F\x98\x80\xC3\xA9&bogus;"));
        QCOMPARE(q(htmlToText("AT&T &#0; &#xD800;")),
            QString::fromUtf8("AT&T \xEF\xBF\xBD \xEF\xBF\xBD"));
        QCOMPARE(q(htmlToText("  lots \n\t of   space  ")), QStringLiteral("lots of space"));
        QCOMPARE(q(htmlToText("a < b and c > d")), QStringLiteral("a < b and c > d"));
        QCOMPARE(q(htmlToText("<a href=\"x>y\">link</a> text <!-- hidden --> end")),
            QStringLiteral("link text end"));
        QCOMPARE(q(htmlToText("<div>cut <b")), QStringLiteral("cut"));
        QCOMPARE(q(htmlToText("<p>open <!-- never closed")), QStringLiteral("open"));
        QCOMPARE(q(htmlToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")),
            QStringLiteral("a b\nc"));
        QCOMPARE(
            q(htmlToText("<ul><li>x</li><li>y</li></ul><p>z</p>")), QStringLiteral("x\ny\n\nz"));
        QCOMPARE(
            q(htmlToText("<SCRIPT>alert(1)</SCRIPT>ok<script>never closed")), QStringLiteral("ok"));
        QCOMPARE(q(htmlToText("<![CDATA[raw <b>]]>")), QStringLiteral("raw <b>"));
        QCOMPARE(q(decodeHtmlEntities("x &amp;amp; &nbsp;y")), QStringLiteral("x &amp;  y"));
        QVERIFY(looksLikeHtml("<p>x</p>"));
        QVERIFY(looksLikeHtml("line<br/>break"));
        QVERIFY(looksLikeHtml("AT&amp;T"));
        QVERIFY(looksLikeHtml("<a href=\"u\">x"));
        QVERIFY(!looksLikeHtml("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE"));
        QVERIFY(!looksLikeHtml("<B and R International\nInc.>"));
        QVERIFY(!looksLikeHtml("AT&T rises; a < b"));
    }

    void htmlInvariantsOnRandomMarkup()
    {
        // Whatever the markup, the text is trimmed, has single spaces, at most one blank line
        // and no tabs; ASCII in gives valid UTF-8 out.
        static const char alphabet[] = "<>/&;#x\"'=! \n\tpbrdivlscriptampnbsp-[]CDATA12";
        quint32 seed = 7;
        for (int round = 0; round < 3000; ++round) {
            std::string html;
            seed = seed * 1664525u + 1013904223u;
            const int len = int((seed >> 22) % 200);
            for (int i = 0; i < len; ++i) {
                seed = seed * 1664525u + 1013904223u;
                html += alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            }
            const QString text = q(htmlToText(html));
            QVERIFY(text == text.trimmed());
            QVERIFY(!text.contains(QLatin1String("  ")));
            QVERIFY(!text.contains(QLatin1String("\n\n\n")));
            QVERIFY(!text.contains(QLatin1Char('\t')));
            QVERIFY(!text.contains(QChar::ReplacementCharacter)
                || html.find("&#") != std::string::npos);
        }
    }

    void itemsWithoutDateTakeTheChannelDate()
    {
        const auto path = write("<rss version=\"2.0\"><channel><title>Wire</title>"
                                "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
                                "<item><title>Undated</title></item></channel></rss>",
            "rss");
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(1));
        QCOMPARE(r.items[0].timestamp, kJun10);
        QCOMPARE(q(r.items[0].source), QStringLiteral("Wire"));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY(r.warnings[0].find("items without a date were given the feed's date")
            != std::string::npos);
    }

    void rss1Rdf()
    {
        const auto path = write(
            "<?xml version=\"1.0\"?>\n<rdf:RDF "
            "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            "<channel rdf:about=\"x\"><title>RDF Wire</title></channel>\n"
            "<item rdf:about=\"https://e.x/1\"><title>RDF item</title><link>https://e.x/1</link>"
            "<dc:date>2003-06-10T06:00:00+02:00</dc:date><description>Text.</description></item>\n"
            "</rdf:RDF>\n",
            "rdf");
        QCOMPARE(detectNewsFormat(path).value(), NewsFormat::Feed);
        const auto r = parseOk(path);
        QCOMPARE(r.items.size(), std::size_t(1));
        QCOMPARE(r.items[0].timestamp, kJun10);
        QCOMPARE(r.items[0].line, qint64(4));
        QCOMPARE(q(r.items[0].source), QStringLiteral("RDF Wire"));
        QCOMPARE(q(r.items[0].url), QStringLiteral("https://e.x/1"));
        QCOMPARE(q(r.items[0].body), QStringLiteral("Text."));
    }
};

QTEST_GUILESS_MAIN(TestNewsFeeds)
#include "test_news_feeds.moc"
