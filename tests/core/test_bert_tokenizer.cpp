// BertTokenizer against tokenisations derived by hand from BERT's published rules (basic
// tokenizer + WordPiece, see core/news/bert_tokenizer.h) on the hand-written vocabulary
// tests/data/news/vocab_bert_small.txt (id = line number - 1).

#include "core/news/bert_tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace marketlens::core;
using namespace marketlens::core::news;

namespace {

QString vocabPath()
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/news/vocab_bert_small.txt");
}

BertTokenizer load(const BertTokenizerOptions& options = {})
{
    auto tok = BertTokenizer::fromVocabFile(vocabPath(), options);
    if (!tok)
        qFatal("%s", tok.error().toString().c_str());
    return std::move(tok).value();
}

QStringList words(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* w : list)
        out.append(QString::fromUtf8(w));
    return out;
}

Result<BertTokenizer> loadText(const QByteArray& content, QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("vocab.txt"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    f.close();
    return BertTokenizer::fromVocabFile(path);
}

} // namespace

class TestBertTokenizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void vocabulary()
    {
        const BertTokenizer tok = load();
        QCOMPARE(tok.vocabSize(), 47);
        QCOMPARE(tok.padId(), 0);
        QCOMPARE(tok.unkId(), 1);
        QCOMPARE(tok.clsId(), 2);
        QCOMPARE(tok.sepId(), 3);
        QCOMPARE(tok.tokenId(QStringLiteral("##aff")), 19);
        QCOMPARE(tok.tokenId(QStringLiteral("news")), 46);
        QCOMPARE(tok.tokenId(QStringLiteral("absent")), -1);
        QCOMPARE(tok.idToken(28), QString::fromUtf8("股"));
        QVERIFY(tok.idToken(47).isEmpty());
    }

    void vocabularyErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto empty = loadText("[PAD]\n[UNK]\n\n[CLS]\n[SEP]\n", dir);
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::BadData);
        QCOMPARE(empty.error().line, 3);
        QVERIFY(QString::fromStdString(empty.error().file).endsWith("vocab.txt"));

        auto dup = loadText("[PAD]\n[UNK]\n[CLS]\nrose\n[SEP]\nrose\n", dir);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, ErrorCode::BadData);
        QCOMPARE(dup.error().line, 6);
        QVERIFY(QString::fromStdString(dup.error().message).contains("first on line 4"));

        auto missing = loadText("[UNK]\n[CLS]\n[SEP]\nrose\n", dir);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(missing.error().message).contains("[PAD]"));

        // CRLF line ends and no final line break are fine; ids are line numbers.
        auto crlf = loadText("[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nrose", dir);
        QVERIFY(crlf);
        QCOMPARE(crlf->tokenId(QStringLiteral("rose")), 4);
        QCOMPARE(crlf->tokenize(QStringLiteral("Rose")), words({"rose"}));

        auto absent = BertTokenizer::fromVocabFile(dir.filePath(QStringLiteral("none.txt")));
        QVERIFY(!absent);
        QCOMPARE(absent.error().code, ErrorCode::Io);
    }

    void accents()
    {
        const BertTokenizer tok = load();
        // Precomposed and decomposed accents both lower-case and strip to plain letters.
        QCOMPARE(tok.tokenize(QString::fromUtf8("Café déjà vu")), words({"cafe", "deja", "vu"}));
        QCOMPARE(tok.tokenize(QString::fromUtf8("Cafe\u0301 de\u0301ja\u0300")),
            words({"cafe", "deja"}));
        // Cased model: no lower-casing, no accent stripping; NFC makes the decomposed é the
        // vocabulary's precomposed one.
        BertTokenizerOptions cased;
        cased.doLowerCase = false;
        const BertTokenizer c = load(cased);
        QCOMPARE(c.tokenize(QString::fromUtf8("Cafe\u0301")), words({"Café"}));
        QCOMPARE(c.tokenize(QString::fromUtf8("cafe")), words({"cafe"}));
        QCOMPARE(c.tokenize(QString::fromUtf8("Deja")), words({"[UNK]"}));
        // Cased but strip_accents=True: "Café" -> "Cafe".
        cased.stripAccents = true;
        QCOMPARE(load(cased).tokenize(QString::fromUtf8("Café")), words({"Cafe"}));
        // Lower-casing with strip_accents=False keeps the accent: "café" is not in the vocabulary.
        BertTokenizerOptions keep;
        keep.stripAccents = false;
        QCOMPARE(load(keep).basicTokenize(QString::fromUtf8("Café")), words({"café"}));
        QCOMPARE(load(keep).tokenize(QString::fromUtf8("Café")), words({"[UNK]"}));
    }

    void cjk()
    {
        const BertTokenizer tok = load();
        QCOMPARE(tok.tokenize(QString::fromUtf8("股票上涨")), words({"股", "票", "上", "涨"}));
        QCOMPARE(tok.tokenIds(QString::fromUtf8("Apple股票上涨")),
            (std::vector<std::int64_t> {25, 28, 29, 30, 31}));
        // 跌 (U+8DCC) is an ideograph of its own, unknown here; kana are not split per character,
        // and accent stripping drops the dakuten of ぶ (NFD: ふ + U+3099, category Mn) as BERT
        // uncased does.
        QCOMPARE(
            tok.basicTokenize(QString::fromUtf8("股票跌かぶ")), words({"股", "票", "跌", "かふ"}));
        QCOMPARE(tok.tokenize(QString::fromUtf8("股票跌")), words({"股", "票", "[UNK]"}));
        // Extension B (U+20000, a surrogate pair in UTF-16) is in BERT's ranges too.
        QCOMPARE(
            tok.basicTokenize(QString::fromUtf8("a\U00020000b")), words({"a", "\U00020000", "b"}));
        BertTokenizerOptions noCjk;
        noCjk.tokenizeChineseChars = false;
        QCOMPARE(load(noCjk).basicTokenize(QString::fromUtf8("股票上涨")), words({"股票上涨"}));
        // One word then: 股 matches, but no "##票..." piece does, so the whole word is [UNK].
        QCOMPARE(load(noCjk).tokenize(QString::fromUtf8("股票上涨")), words({"[UNK]"}));
    }

    void punctuation()
    {
        const BertTokenizer tok = load();
        QCOMPARE(tok.tokenize(QStringLiteral("U.S.-listed shares")),
            words({"u", ".", "s", ".", "-", "listed", "shares"}));
        // Every ASCII symbol is punctuation, $ + % included.
        QCOMPARE(tok.tokenize(QStringLiteral("$AAPL +5%")), words({"$", "aapl", "+", "5", "%"}));
        // Unicode punctuation (em dash, Pd; curly quotes, Pi/Pf) splits too.
        QCOMPARE(tok.basicTokenize(QString::fromUtf8("rose\u2014fell \u201Cnews\u201D")),
            words({"rose", "\u2014", "fell", "\u201C", "news", "\u201D"}));
        QCOMPARE(
            tok.tokenize(QString::fromUtf8("rose\u2014fell")), words({"rose", "[UNK]", "fell"}));
        // A symbol that is not punctuation (U+00A9, category So) stays inside the word.
        QCOMPARE(tok.basicTokenize(QString::fromUtf8("apple\u00A9")), words({"apple\u00A9"}));
    }

    void wordPiece()
    {
        const BertTokenizer tok = load();
        QCOMPARE(tok.tokenize(QStringLiteral("unaffable")), words({"un", "##aff", "##able"}));
        QCOMPARE(
            tok.tokenIds(QStringLiteral("unaffable")), (std::vector<std::int64_t> {18, 19, 20}));
        // "##x" never matches: the whole word is [UNK], not un ##aff ##able [UNK].
        QCOMPARE(tok.tokenize(QStringLiteral("unaffablex rose")), words({"[UNK]", "rose"}));
        QCOMPARE(tok.tokenize(QStringLiteral("xyz")), words({"[UNK]"}));
        // Longest match first: "stocks" = stock ##s, "rallied" = rall ##ied, "rally" = rall ##y.
        QCOMPARE(tok.tokenize(QStringLiteral("stocks rallied rally")),
            words({"stock", "##s", "rall", "##ied", "rall", "##y"}));
    }

    void longWords()
    {
        const BertTokenizer tok = load();
        // 100 characters is still a word: a ##a ##a ...; 101 is [UNK] without trying.
        const QStringList hundred = tok.tokenize(QString(100, QLatin1Char('a')));
        QCOMPARE(hundred.size(), 100);
        QCOMPARE(hundred.front(), QStringLiteral("a"));
        QCOMPARE(hundred.back(), QStringLiteral("##a"));
        QCOMPARE(tok.tokenize(QString(101, QLatin1Char('a')) + QStringLiteral(" rose")),
            words({"[UNK]", "rose"}));
        BertTokenizerOptions small;
        small.maxInputCharsPerWord = 3;
        QCOMPARE(
            load(small).tokenize(QStringLiteral("aaa aaaa")), words({"a", "##a", "##a", "[UNK]"}));
    }

    void cleanUp()
    {
        const BertTokenizer tok = load();
        // NUL, U+FFFD, BEL and a zero-width space (Cf) vanish; tab, newline, CR and a no-break
        // space (Zs) separate words.
        const QString text = QString::fromUtf8("hel") + QChar(0)
            + QString::fromUtf8("lo\tw\uFFFDor\u200Bld\n\rrose\u00A0fell\x07!");
        QCOMPARE(tok.tokenize(text), words({"hello", "world", "rose", "fell", "!"}));
        QVERIFY(tok.tokenize(QStringLiteral(" \t\n ")).isEmpty());
        QVERIFY(tok.tokenize(QString()).isEmpty());
    }

    void specialTokens()
    {
        const BertTokenizer tok = load();
        // Special tokens written in the text stay whole; a lower-case look-alike is split.
        QCOMPARE(tok.tokenize(QStringLiteral("hello [MASK] world[SEP]rose")),
            words({"hello", "[MASK]", "world", "[SEP]", "rose"}));
        QCOMPARE(tok.tokenize(QStringLiteral("[mask]")), words({"[", "[UNK]", "]"}));
    }

    void encode()
    {
        const BertTokenizer tok = load();
        auto enc = tok.encode(QStringLiteral("Hello world!"), 7);
        QVERIFY(enc);
        QCOMPARE(enc->inputIds, (std::vector<std::int64_t> {2, 32, 33, 13, 3, 0, 0}));
        QCOMPARE(enc->attentionMask, (std::vector<std::int64_t> {1, 1, 1, 1, 1, 0, 0}));
        QCOMPARE(enc->tokenTypeIds, (std::vector<std::int64_t>(7, 0)));
        QCOMPARE(enc->tokenCount, 5);
        // Truncation keeps the beginning.
        auto cut = tok.encode(QStringLiteral("Hello world!"), 3);
        QVERIFY(cut);
        QCOMPARE(cut->inputIds, (std::vector<std::int64_t> {2, 32, 3}));
        auto none = tok.encode(QString(), 4);
        QVERIFY(none);
        QCOMPARE(none->inputIds, (std::vector<std::int64_t> {2, 3, 0, 0}));
        auto bad = tok.encode(QStringLiteral("x"), 1);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    }

    void windows()
    {
        const BertTokenizer tok = load();
        // 11 pieces: the stock rall ##ied on news , the stock ##s fell
        const QString text = QStringLiteral("the stock rallied on news, the stocks fell");
        QCOMPARE(tok.tokenIds(text),
            (std::vector<std::int64_t> {14, 40, 42, 44, 45, 46, 6, 14, 40, 41, 27}));
        // maxLength 6 = 4 pieces a window; stride 1 -> windows start at pieces 0, 3, 6, 9.
        auto w = tok.encodeWindows(text, 6, 1);
        QVERIFY(w);
        QCOMPARE(w->totalPieces, 11);
        QCOMPARE(int(w->windows.size()), 4);
        QCOMPARE(w->windows[0].inputIds, (std::vector<std::int64_t> {2, 14, 40, 42, 44, 3}));
        QCOMPARE(w->windows[1].inputIds, (std::vector<std::int64_t> {2, 44, 45, 46, 6, 3}));
        QCOMPARE(w->windows[2].inputIds, (std::vector<std::int64_t> {2, 6, 14, 40, 41, 3}));
        QCOMPARE(w->windows[3].inputIds, (std::vector<std::int64_t> {2, 41, 27, 3, 0, 0}));
        QCOMPARE(w->windows[3].attentionMask, (std::vector<std::int64_t> {1, 1, 1, 1, 0, 0}));
        QCOMPARE(w->windows[3].firstPiece, 9);
        QCOMPARE(w->windows[3].pieceCount, 2);
        // No overlap: 0, 4, 8 (the last has 3 pieces).
        auto flat = tok.encodeWindows(text, 6, 0);
        QVERIFY(flat);
        QCOMPARE(int(flat->windows.size()), 3);
        QCOMPARE(flat->windows[1].inputIds, (std::vector<std::int64_t> {2, 45, 46, 6, 14, 3}));
        QCOMPARE(flat->windows[2].inputIds, (std::vector<std::int64_t> {2, 40, 41, 27, 3, 0}));
        // A window exactly filled by the text is the only one.
        auto one = tok.encodeWindows(QStringLiteral("the stock"), 4, 1);
        QVERIFY(one);
        QCOMPARE(int(one->windows.size()), 1);
        QCOMPARE(one->windows[0].inputIds, (std::vector<std::int64_t> {2, 14, 40, 3}));
        auto empty = tok.encodeWindows(QString(), 4, 1);
        QVERIFY(empty);
        QCOMPARE(int(empty->windows.size()), 1);
        QCOMPARE(empty->windows[0].inputIds, (std::vector<std::int64_t> {2, 3, 0, 0}));
        // Aggregation: windows of 4, 4, 4 and 2 pieces.
        auto agg = aggregateWindows(*w, {{0.2, 0.8}, {0.4, 0.6}, {0.6, 0.4}, {1.0, 0.0}});
        QVERIFY(agg);
        QCOMPARE(agg->at(0), (4 * 0.2 + 4 * 0.4 + 4 * 0.6 + 2 * 1.0) / 14.0);
        QCOMPARE(agg->at(1), (4 * 0.8 + 4 * 0.6 + 4 * 0.4 + 2 * 0.0) / 14.0);
        QVERIFY(!aggregateWindows(*w, {{0.2, 0.8}}));
        QVERIFY(!aggregateWindows(*w, {{0.2, 0.8}, {0.4}, {0.6, 0.4}, {1.0, 0.0}}));
        QCOMPARE(aggregateWindows(*empty, {{0.3, 0.7}})->at(1), 0.7);
        QVERIFY(!tok.encodeWindows(text, 6, 4));
        QVERIFY(!tok.encodeWindows(text, 6, -1));
        QVERIFY(!tok.encodeWindows(text, 2, 0));
    }

    // Cross-check with an independent Python implementation using Python's Unicode tables
    // (vocab_make_reference.py): 20 Reuters articles and Unicode stress cases (German sharp s,
    // dotted capital I, Greek, full-width forms, ligatures, emoji, Extension B, controls).
    void pythonReference()
    {
        const BertTokenizer tok = []() {
            auto t = BertTokenizer::fromVocabFile(
                QStringLiteral(MARKETLENS_TEST_DATA "/news/vocab_reference.txt"));
            if (!t)
                qFatal("%s", t.error().toString().c_str());
            return std::move(t).value();
        }();
        QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/news/vocab_reference_cases.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(f.readAll())["cases"].toArray();
        QCOMPARE(cases.size(), 28);
        const auto strings = [](const QJsonValue& v) {
            QStringList out;
            for (const QJsonValue& x : v.toArray())
                out.append(x.toString());
            return out;
        };
        int pieces = 0;
        for (const QJsonValue& c : cases) {
            const QString text = c["text"].toString();
            QCOMPARE(tok.basicTokenize(text), strings(c["basic"]));
            QCOMPARE(tok.tokenize(text), strings(c["pieces"]));
            pieces += static_cast<int>(c["pieces"].toArray().size());
        }
        QVERIFY(pieces > 3000);
    }
};

QTEST_GUILESS_MAIN(TestBertTokenizer)
#include "test_bert_tokenizer.moc"
