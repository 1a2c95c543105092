// LexiconSentiment against independent references:
//  - hand-computed VADER scores of fixed sentences (valences read from the lexicon files);
//  - tests/data/news/sentences_uci_labelled.csv: 2002 UCI sentences with the compound score of
//    npm vader-sentiment 1.1.3 and the AFINN comparative score of npm sentiment 5.0.2;
//  - tests/data/news/lexicon_afinn165_vs_marketnews.tsv: the entries where AFINN-165 (the list
//    inside sentiment 5.0.2) and the market-news list differ, to rebuild AFINN-165 exactly.

#include "core/news/lexicon_sentiment.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::news;

namespace {

QString dataPath(const char* name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/news/") + QString::fromLatin1(name);
}

double vaderCompound(double sum)
{
    return sum / std::sqrt(sum * sum + 15.0);
}

LexiconSentiment load(SentimentLexicon which)
{
    auto lex = LexiconSentiment::builtIn(which);
    if (!lex)
        qFatal("%s", lex.error().toString().c_str());
    return std::move(lex).value();
}

struct Sentence {
    int label = 0;
    QString text;
    double afinnComparative = 0.0;
    double vaderCompound = 0.0;
};

// RFC 4180 fields of one line (the file has no line breaks inside quotes).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field.append(c);
        }
    }
    fields.append(field);
    return fields;
}

std::vector<Sentence> loadSentences()
{
    QFile f(dataPath("sentences_uci_labelled.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the UCI sentences");
    std::vector<Sentence> out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const QStringList fields = csvFields(line);
        if (fields.size() != 5)
            qFatal("bad line %lld", static_cast<long long>(i + 1));
        out.push_back({fields[1].toInt(), fields[2], fields[3].toDouble(), fields[4].toDouble()});
    }
    return out;
}

// AFINN-165 as sentiment 5.0.2 has it: the market-news list with the differing entries undone.
QByteArray afinn165()
{
    QFile market(QStringLiteral(":/lexicons/afinn165_financialmarketnews.tsv"));
    QFile diff(dataPath("lexicon_afinn165_vs_marketnews.tsv"));
    if (!market.open(QIODevice::ReadOnly) || !diff.open(QIODevice::ReadOnly))
        qFatal("cannot read the AFINN lists");
    QHash<QByteArray, QByteArray> entries;
    for (const QByteArray& line : market.readAll().split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() == 2 && f[1] != "score")
            entries.insert(f[0], f[1]);
    }
    const QList<QByteArray> diffLines = diff.readAll().split('\n');
    for (qsizetype i = 1; i < diffLines.size(); ++i) {
        const QList<QByteArray> f = diffLines[i].split('\t');
        if (f.size() != 3)
            continue;
        if (f[1].isEmpty())
            entries.remove(f[0]);
        else
            entries.insert(f[0], f[1]);
    }
    QByteArray out;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        out += it.key() + '\t' + it.value() + '\n';
    return out;
}

double accuracy(const std::vector<Sentence>& sentences, const std::vector<double>& scores)
{
    int right = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i)
        right += ((scores[i] > 0) == (sentences[i].label == 1)) ? 1 : 0;
    return static_cast<double>(right) / static_cast<double>(sentences.size());
}

} // namespace

class TestLexiconSentiment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lexicons()
    {
        const LexiconSentiment market = load(SentimentLexicon::MarketNews);
        QCOMPARE(market.name(), QStringLiteral("afinn165-financialmarketnews"));
        QCOMPARE(market.size(), 3555);
        QCOMPARE(market.valence(QStringLiteral("good")), 3 * 0.8);
        QCOMPARE(market.valence(QStringLiteral("Layoffs")), -1 * 0.8);
        QVERIFY(market.contains(QStringLiteral("does not work")));
        const LexiconSentiment vader = load(SentimentLexicon::Vader);
        // 7517 lines, 14 tokens listed twice (the later line wins).
        QCOMPARE(vader.size(), 7503);
        QCOMPARE(vader.valence(QStringLiteral("good")), 1.9);
        QCOMPARE(vader.valence(QStringLiteral("lol")), 1.8);
        QCOMPARE(vader.valence(QStringLiteral(":)")), 2.0);
        QVERIFY(!vader.afinnScore(QStringLiteral("good")));
    }

    void badLexicons()
    {
        auto afinn = LexiconSentiment::fromAfinnData("word\tscore\ngood\t3\nbad\tx\n", "a.tsv");
        QVERIFY(!afinn);
        QCOMPARE(afinn.error().code, ErrorCode::BadData);
        QCOMPARE(afinn.error().line, 3);
        QCOMPARE(afinn.error().file, std::string("a.tsv"));
        auto dup = LexiconSentiment::fromAfinnData("good\t3\ngood\t2\n", "a.tsv");
        QVERIFY(!dup);
        QCOMPARE(dup.error().line, 2);
        QVERIFY(!LexiconSentiment::fromAfinnData("good\t9\n", "a.tsv"));
        auto vader = LexiconSentiment::fromVaderData("good\t1.9\t0.9\t[]\nnone\n", "v.txt");
        QVERIFY(!vader);
        QCOMPARE(vader.error().line, 2);
        QVERIFY(!LexiconSentiment::fromVaderData("", "v.txt"));
        auto missing
            = LexiconSentiment::fromFile(dataPath("absent.tsv"), SentimentLexicon::MarketNews);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
    }

    // Hand-computed with VADER's lexicon: good 1.9, terrible -2.1, great 3.1.
    void handComputedVader()
    {
        const LexiconSentiment vader = load(SentimentLexicon::Vader);
        const auto compound
            = [&](const char* text) { return vader.score(QString::fromUtf8(text)).compound; };
        QCOMPARE(compound("good"), vaderCompound(1.9));
        QCOMPARE(compound("not good"), vaderCompound(1.9 * -0.74));
        QCOMPARE(compound("The food is not good"), vaderCompound(1.9 * -0.74));
        // The booster at distance 1 adds 0.293, then "not" at distance 2 negates the result.
        QCOMPARE(compound("not very good"), vaderCompound((1.9 + 0.293) * -0.74));
        QCOMPARE(compound("very good"), vaderCompound(1.9 + 0.293));
        QCOMPARE(compound("very very good"), vaderCompound(1.9 + 0.293 + 0.293 * 0.95));
        QCOMPARE(compound("slightly good"), vaderCompound(1.9 - 0.293));
        // "but": before x0.5, after x1.5.
        QCOMPARE(compound("The food is good but the service is terrible"),
            vaderCompound(1.9 * 0.5 + -2.1 * 1.5));
        // ALL CAPS in mixed-case text: +0.733 away from zero; all-caps text gets no bonus.
        QCOMPARE(compound("The food is GOOD"), vaderCompound(1.9 + 0.733));
        QCOMPARE(compound("THE FOOD IS GOOD"), vaderCompound(1.9));
        QCOMPARE(compound("The food is VERY good"), vaderCompound(1.9 + 0.293 + 0.733));
        // Exclamation marks: 0.292 each, at most 4, towards the sum's sign.
        QCOMPARE(compound("good!!"), vaderCompound(1.9 + 2 * 0.292));
        QCOMPARE(compound("terrible!!!!!!"), vaderCompound(-2.1 - 4 * 0.292));
        // Question marks: 2 or 3 count 0.18 each.
        QCOMPARE(compound("great??"), vaderCompound(3.1 + 2 * 0.18));
        // Labels and thresholds.
        QCOMPARE(vader.score(QStringLiteral("good")).label, SentimentLabel::Positive);
        QCOMPARE(vader.score(QStringLiteral("not good")).label, SentimentLabel::Negative);
        QCOMPARE(vader.score(QStringLiteral("the table")).label, SentimentLabel::Neutral);
        QCOMPARE(vader.score(QStringLiteral("the table")).compound, 0.0);
        QCOMPARE(sentimentLabel(0.05), SentimentLabel::Positive);
        QCOMPARE(sentimentLabel(0.0499), SentimentLabel::Neutral);
        QCOMPARE(sentimentLabel(-0.05), SentimentLabel::Negative);
        QCOMPARE(QString::fromLatin1(sentimentLabelName(SentimentLabel::Neutral)),
            QStringLiteral("neutral"));
    }

    // The default options differ from vader-sentiment only where it misses the obvious.
    void defaultRules()
    {
        const LexiconSentiment vader = load(SentimentLexicon::Vader);
        const ScoringOptions ref = ScoringOptions::vaderReference();
        // "Not" at the start of a headline negates; vader-sentiment only knows "not".
        QCOMPARE(vader.score(QStringLiteral("Not good")).compound, vaderCompound(1.9 * -0.74));
        QCOMPARE(vader.score(QStringLiteral("Not good"), ref).compound, vaderCompound(1.9));
        // "But" with a capital.
        QCOMPARE(vader.score(QStringLiteral("Good. But terrible")).compound,
            vaderCompound(1.9 * 0.5 - 2.1 * 1.5));
        QCOMPARE(vader.score(QStringLiteral("Good. But terrible"), ref).compound,
            vaderCompound(1.9 - 2.1));
        // Five '!' are not a run vader-sentiment strips: the word is not found there.
        QCOMPARE(
            vader.score(QStringLiteral("great!!!!!")).compound, vaderCompound(3.1 + 4 * 0.292));
        QCOMPARE(vader.score(QStringLiteral("great!!!!!"), ref).compound, 0.0);
        QCOMPARE(vader.score(QStringLiteral("(great)")).compound, vaderCompound(3.1));
        // Phrases: "fed up" -1.8 as one item.
        QCOMPARE(vader.score(QStringLiteral("fed up")).compound, vaderCompound(-1.8));
        QCOMPARE(vader.score(QStringLiteral("fed up"), ref).compound, 0.0);
        // Emoticons are tokens of the lexicon.
        QCOMPARE(vader.score(QStringLiteral("earnings :)")).compound, vaderCompound(2.0));
    }

    void marketNews()
    {
        const LexiconSentiment market = load(SentimentLexicon::MarketNews);
        // AFINN valences x 0.8: surge 1, layoffs -1, loss -3, profit 2.
        QCOMPARE(market.score(QStringLiteral("Shares surge")).compound, vaderCompound(0.8));
        QCOMPARE(market.score(QStringLiteral("Company announces layoffs, loss widens")).compound,
            vaderCompound(-0.8 - 2.4));
        // profit 2, rose 1 | but | layoffs -1, loom -1.
        QCOMPARE(market.score(QStringLiteral("Profit rose but layoffs loom")).compound,
            vaderCompound((1.6 + 0.8) * 0.5 + (-0.8 - 0.8) * 1.5));
        QCOMPARE(market.score(QStringLiteral("no profit")).compound,
            vaderCompound(-0.8 + 1.6)); // "no" is itself in AFINN (-1), so it does not negate
        // "a" is dropped (one character), so "not" is right before "profit".
        QCOMPARE(market.score(QStringLiteral("not a profit")).compound, vaderCompound(1.6 * -0.74));
        // "outstanding" and "shares" are neutral in market news (5 and 1 in AFINN-165).
        QCOMPARE(market.score(QStringLiteral("outstanding shares")).compound, 0.0);
        // Phrase "does not work" (-3) instead of "not" negating nothing.
        QCOMPARE(
            market.score(QStringLiteral("the hedge does not work")).compound, vaderCompound(-2.4));
    }

    void contributions()
    {
        const LexiconSentiment vader = load(SentimentLexicon::Vader);
        const QString text = QStringLiteral("Very good results, but terrible guidance!");
        const SentimentScore s = vader.score(text);
        QCOMPARE(int(s.contributions.size()), 2);
        QCOMPARE(s.contributions[0].word, QStringLiteral("good"));
        QCOMPARE(s.contributions[0].position, 5);
        QCOMPARE(s.contributions[0].length, 4);
        QCOMPARE(s.contributions[0].contribution, (1.9 + 0.293) * 0.5);
        QCOMPARE(s.contributions[1].word, QStringLiteral("terrible"));
        QCOMPARE(text.mid(s.contributions[1].position, s.contributions[1].length),
            QStringLiteral("terrible"));
        QCOMPARE(s.contributions[1].contribution, -2.1 * 1.5);
        QCOMPARE(s.punctuationEmphasis, -0.292);
        QCOMPARE(s.sum, (1.9 + 0.293) * 0.5 - 2.1 * 1.5 - 0.292);
        QCOMPARE(s.compound, vaderCompound(s.sum));
        const SentimentScore phrase = vader.score(QStringLiteral("I am fed  up."));
        QCOMPARE(int(phrase.contributions.size()), 1);
        QCOMPARE(phrase.contributions[0].word, QStringLiteral("fed  up"));
        QCOMPARE(phrase.contributions[0].position, 5);
    }

    // vader-sentiment 1.1.3's recorded compound for every UCI sentence.
    void matchesVaderSentiment()
    {
        const LexiconSentiment vader = load(SentimentLexicon::Vader);
        const std::vector<Sentence> sentences = loadSentences();
        QCOMPARE(int(sentences.size()), 2002);
        int exact = 0;
        int close = 0;
        double maxDiff = 0.0;
        std::vector<double> mine;
        for (const Sentence& s : sentences) {
            const double c = vader.score(s.text, ScoringOptions::vaderReference()).compound;
            mine.push_back(c);
            const double d = std::abs(c - s.vaderCompound);
            exact += d <= 0.00005 + 1e-12 ? 1 : 0; // the file has 4 decimals
            close += d <= 0.01 ? 1 : 0;
            if (d > 0.00005 + 1e-12)
                qInfo("VADER mismatch %.4f vs %.4f: %s", c, s.vaderCompound, qPrintable(s.text));
            maxDiff = std::max(maxDiff, d);
        }
        qInfo("VADER compound: %d / %zu equal to 4 decimals, %d within 0.01, max |diff| %.6f",
            exact, sentences.size(), close, maxDiff);
        QVERIFY(close >= 0.95 * double(sentences.size()));
        QCOMPARE(exact, int(sentences.size()));
        // Accuracy against the 0/1 labels (positive = score > 0), the "recorded accuracies".
        std::vector<double> recordedVader;
        std::vector<double> recordedAfinn;
        for (const Sentence& s : sentences) {
            recordedVader.push_back(s.vaderCompound);
            recordedAfinn.push_back(s.afinnComparative);
        }
        const double accVader = accuracy(sentences, recordedVader);
        const double accAfinn = accuracy(sentences, recordedAfinn);
        QCOMPARE(accuracy(sentences, mine), accVader);
        std::vector<double> defaults;
        std::vector<double> market;
        const LexiconSentiment marketLex = load(SentimentLexicon::MarketNews);
        for (const Sentence& s : sentences) {
            defaults.push_back(vader.score(s.text).compound);
            market.push_back(marketLex.score(s.text).compound);
        }
        qInfo("accuracy vs labels (score > 0 = positive): recorded VADER %.4f, recorded AFINN "
              "%.4f, VADER lexicon default rules %.4f, market-news lexicon %.4f",
            accVader, accAfinn, accuracy(sentences, defaults), accuracy(sentences, market));
        QVERIFY(accuracy(sentences, defaults) >= accVader - 0.005);
        QVERIFY(accuracy(sentences, market) > 0.6);
    }

    // sentiment 5.0.2's recorded AFINN comparative score for every UCI sentence.
    void matchesAfinnSentiment()
    {
        const std::vector<Sentence> sentences = loadSentences();
        auto afinn = LexiconSentiment::fromAfinnData(afinn165(), QStringLiteral("afinn165"));
        QVERIFY(afinn);
        QCOMPARE(afinn->size(), 3382);
        const LexiconSentiment market = load(SentimentLexicon::MarketNews);
        int exact = 0;
        int marketExact = 0;
        for (const Sentence& s : sentences) {
            auto a = afinn->afinnScore(s.text);
            QVERIFY(a);
            // The file has 6 decimals.
            if (std::abs(a->comparative - s.afinnComparative) <= 0.0000005 + 1e-12)
                ++exact;
            else
                qInfo("AFINN mismatch %.6f vs %.6f: %s", a->comparative, s.afinnComparative,
                    qPrintable(s.text));
            auto m = market.afinnScore(s.text);
            QVERIFY(m);
            if (std::abs(m->comparative - s.afinnComparative) <= 0.0000005 + 1e-12)
                ++marketExact;
        }
        qInfo("AFINN comparative: %d / %zu equal with AFINN-165, %d with the market-news list",
            exact, sentences.size(), marketExact);
        QCOMPARE(exact, int(sentences.size()));
        QVERIFY(marketExact >= 0.9 * double(sentences.size()));
        // Hand-computed: "not good" = -3 over 2 tokens; punctuation is a separator.
        auto h = afinn->afinnScore(QStringLiteral("This is not good!"));
        QVERIFY(h);
        QCOMPARE(h->score, -3);
        QCOMPARE(h->tokens, 4);
        QCOMPARE(h->comparative, -0.75);
    }
};

QTEST_GUILESS_MAIN(TestLexiconSentiment)
#include "test_lexicon_sentiment.moc"
