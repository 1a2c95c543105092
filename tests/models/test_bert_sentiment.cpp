// BERT-style sentiment models: a small BERT-like encoder written in plain PyTorch and scripted /
// traced by Debian's python3-torch (scripts/make-bert-fixture.py, tests/data/models/bert) gives
// in MarketLens the logits PyTorch computed for the same texts; the ids PyTorch saw were made by
// the Python reference tokenizer, so the C++ tokenizer is checked against them too. Long texts
// are scored window by window and aggregated as the fixture script did; bad files are refused
// with the file and field named; occlusion finds the word that made a text negative; a record
// stored in a project scores the same after reloading.
#include "core/forecast/model_store.h"
#include "core/news/bert_tokenizer.h"
#include "core/project_store.h"
#include "models/bert_sentiment.h"
#include "models/sentiment_scorers.h"

#include "model_test_files.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace marketlens;
using namespace marketlens::models;
using core::ErrorCode;
using core::SentimentClass;
using core::forecast::ModelRecord;
using core::news::StoredScore;

using model_test::readJson;
using model_test::writeFile;
using model_test::writeJson;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/models/bert/") + name;
}

std::string path(const QString& name)
{
    return fixture(name).toStdString();
}

QJsonArray cases()
{
    return readJson(fixture(QStringLiteral("expected.json")))
        .value(QLatin1String("cases"))
        .toArray();
}

ModelRecord imported(const QString& base = QStringLiteral("tiny_bert"))
{
    auto r = importBertModel(path(base + QStringLiteral(".pt")),
        path(base + QStringLiteral(".json")), path(QStringLiteral("vocab.txt")));
    if (!r)
        qFatal("import failed: %s", r.error().toString().c_str());
    return std::move(r).value();
}

std::unique_ptr<core::news::SentimentScorer> scorerOf(const ModelRecord& record)
{
    auto s = bertScorer(record);
    if (!s)
        qFatal("scorer failed: %s", s.error().toString().c_str());
    return std::move(s).value();
}

// The fixture's labels are in FinBERT's order (positive, negative, neutral); StoredScore keeps
// negative, neutral, positive.
std::vector<double> storedOrder(const QJsonArray& modelOrder)
{
    return {modelOrder.at(1).toDouble(), modelOrder.at(2).toDouble(), modelOrder.at(0).toDouble()};
}

} // namespace

class TestBertSentiment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenizerGivesPythonsIds();
    void logitsMatchPyTorch_data();
    void logitsMatchPyTorch();
    void recordDescribesModel();
    void scoresAndLabels();
    void longTextWindowsAggregate();
    void importErrorsNameFileAndField();
    void occlusionFindsTheWord();
    void longTextExplanations();
    void storedRecordRoundTrip();
};

void TestBertSentiment::tokenizerGivesPythonsIds()
{
    auto tok = core::news::BertTokenizer::fromVocabFile(fixture(QStringLiteral("vocab.txt")));
    QVERIFY(tok);
    for (const QJsonValue& v : cases()) {
        const QJsonObject c = v.toObject();
        auto e = tok->encode(c.value(QLatin1String("text")).toString(), 32);
        QVERIFY(e);
        std::vector<std::int64_t> expected;
        for (const QJsonValue& id : c.value(QLatin1String("input_ids")).toArray())
            expected.push_back(id.toInteger());
        QCOMPARE(e->inputIds, expected);
    }
}

void TestBertSentiment::logitsMatchPyTorch_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("key");
    QTest::newRow("scripted, 3 inputs, tensor")
        << QStringLiteral("tiny_bert") << QStringLiteral("logits");
    QTest::newRow("traced, 2 inputs, tuple")
        << QStringLiteral("tiny_bert_traced") << QStringLiteral("logits_traced");
}

void TestBertSentiment::logitsMatchPyTorch()
{
    QFETCH(QString, model);
    QFETCH(QString, key);
    const ModelRecord record = imported(model);
    std::vector<QString> texts;
    for (const QJsonValue& v : cases())
        texts.push_back(v.toObject().value(QLatin1String("text")).toString());
    auto logits = bertLogits(record, texts);
    QVERIFY2(logits, logits ? "" : logits.error().toString().c_str());
    QCOMPARE(logits->size(), texts.size());
    for (qsizetype i = 0; i < cases().size(); ++i) {
        const QJsonArray expected = cases().at(i).toObject().value(key).toArray();
        QCOMPARE(qsizetype((*logits)[std::size_t(i)].size()), expected.size());
        for (qsizetype c = 0; c < expected.size(); ++c) {
            const double got = (*logits)[std::size_t(i)][std::size_t(c)];
            if (std::abs(got - expected.at(c).toDouble()) > 1e-4)
                QFAIL(qPrintable(QStringLiteral("text %1 class %2: %3 vs PyTorch %4")
                                     .arg(i)
                                     .arg(c)
                                     .arg(got)
                                     .arg(expected.at(c).toDouble())));
        }
    }
}

void TestBertSentiment::recordDescribesModel()
{
    const ModelRecord r = imported();
    QCOMPARE(r.kind, std::string("sentiment_bert"));
    QCOMPARE(r.origin, std::string("imported"));
    QCOMPARE(r.name, std::string("tiny-bert (test fixture)"));
    QCOMPARE(r.window, 32);
    QVERIFY(!r.weights.empty());
    const QJsonObject h
        = QJsonDocument::fromJson(QByteArray::fromStdString(r.hyperParamsJson)).object();
    QCOMPARE(h.value(QLatin1String("meta")).toObject().value(QLatin1String("stride")).toInt(), 8);
    QVERIFY(h.value(QLatin1String("vocab")).toString().startsWith(QLatin1String("[PAD]\n[UNK]")));
    QCOMPARE(h.value(QLatin1String("token_type_ids")).toBool(), true);
    const QJsonObject ht = QJsonDocument::fromJson(
        QByteArray::fromStdString(imported(QStringLiteral("tiny_bert_traced")).hyperParamsJson))
                               .object();
    QCOMPARE(ht.value(QLatin1String("token_type_ids")).toBool(), false);
    QCOMPARE(ht.value(QLatin1String("pad_to_max_length")).toBool(), false);
}

void TestBertSentiment::scoresAndLabels()
{
    auto scorer = scorerOf(imported());
    QCOMPARE(scorer->modelKey(), std::string("model:0"));
    std::vector<QString> texts;
    for (const QJsonValue& v : cases())
        texts.push_back(v.toObject().value(QLatin1String("text")).toString());
    auto scores = scorer->scoreTexts(texts, false);
    QVERIFY(scores);
    for (qsizetype i = 0; i < cases().size(); ++i) {
        const QJsonObject c = cases().at(i).toObject();
        const std::vector<double> p
            = storedOrder(c.value(QLatin1String("probabilities")).toArray());
        const StoredScore& s = (*scores)[std::size_t(i)];
        QCOMPARE(s.probabilities.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k)
            QVERIFY(std::abs(s.probabilities[std::size_t(k)] - p[std::size_t(k)]) < 1e-4);
        QVERIFY(std::abs(s.score - (p[2] - p[0])) < 1e-4);
        QVERIFY(s.explanation.empty());
    }
    // Hand-read from the fixture's logits: the clear cases.
    QCOMPARE((*scores)[0].label, SentimentClass::Negative); // plunged ... weak
    QCOMPARE((*scores)[1].label, SentimentClass::Positive); // rose ... record
    QCOMPARE((*scores)[2].label, SentimentClass::Neutral); // said ... held a meeting
    QCOMPARE((*scores)[5].label, SentimentClass::Negative); // warned, layoffs, lawsuit, tumbled
    QVERIFY((*scores)[0].score < -0.9 && (*scores)[1].score > 0.9);
}

void TestBertSentiment::longTextWindowsAggregate()
{
    const QJsonObject c = cases().last().toObject();
    const QJsonArray windows = c.value(QLatin1String("windows")).toArray();
    QCOMPARE(windows.size(), 3); // 62 pieces, 30 per window, 8 shared: starts 0, 22, 44
    QCOMPARE(windows.at(1).toObject().value(QLatin1String("first")).toInt(), 22);
    const QString text = c.value(QLatin1String("text")).toString();
    auto scores = scorerOf(imported())->scoreTexts({text}, false);
    QVERIFY2(scores, scores ? "" : scores.error().toString().c_str());
    const std::vector<double> p = storedOrder(c.value(QLatin1String("probabilities")).toArray());
    for (int k = 0; k < 3; ++k)
        QVERIFY2(std::abs((*scores)[0].probabilities[std::size_t(k)] - p[std::size_t(k)]) < 1e-4,
            qPrintable(QString::number((*scores)[0].probabilities[std::size_t(k)])));
    // Not the first window's verdict alone: the positive opening is outweighed by the rest.
    const QJsonArray first = windows.at(0).toObject().value(QLatin1String("logits")).toArray();
    QVERIFY(first.at(0).toDouble() > first.at(1).toDouble());
    QCOMPARE((*scores)[0].label, SentimentClass::Negative);
    // The truncated single window (bertLogits) is what PyTorch gave for the first 30 pieces.
    auto logits = bertLogits(imported(), {text});
    QVERIFY(logits);
    for (int k = 0; k < 3; ++k)
        QVERIFY(std::abs((*logits)[0][std::size_t(k)] - first.at(k).toDouble()) < 1e-4);
}

void TestBertSentiment::importErrorsNameFileAndField()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString meta = dir.filePath(QStringLiteral("m.json"));
    const QString vocab = dir.filePath(QStringLiteral("vocab.txt"));
    const QJsonObject good = readJson(fixture(QStringLiteral("tiny_bert.json")));
    auto importWith = [&](const QJsonObject& o, const std::string& vocabPath) {
        writeJson(meta, o);
        return importBertModel(path(QStringLiteral("tiny_bert.pt")), meta.toStdString(), vocabPath);
    };
    const std::string goodVocab = path(QStringLiteral("vocab.txt"));

    QJsonObject o = good;
    o.remove(QStringLiteral("labels"));
    auto r = importWith(o, goodVocab);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::BadData);
    QCOMPARE(r.error().file, meta.toStdString());
    QVERIFY2(r.error().message.find("\"labels\" is missing") != std::string::npos,
        r.error().message.c_str());

    o = good;
    o[QStringLiteral("labels")]
        = QJsonArray {QStringLiteral("negative"), QStringLiteral("bullish")};
    r = importWith(o, goodVocab);
    QVERIFY(!r);
    QCOMPARE(r.error().file, meta.toStdString());
    QVERIFY(r.error().message.find("\"bullish\" is not one of") != std::string::npos);

    // Two labels for a model with three logits: the module's file and the shape are named.
    o = good;
    o[QStringLiteral("labels")]
        = QJsonArray {QStringLiteral("negative"), QStringLiteral("positive")};
    r = importWith(o, goodVocab);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::BadData);
    QCOMPARE(r.error().file, path(QStringLiteral("tiny_bert.pt")));
    QVERIFY2(r.error().message.find("logits have shape [1, 3]") != std::string::npos
            && r.error().message.find("\"labels\"") != std::string::npos,
        r.error().message.c_str());

    o = good;
    o[QStringLiteral("max_lenght")] = 64;
    r = importWith(o, goodVocab);
    QVERIFY(!r);
    QVERIFY(r.error().message.find("unknown field \"max_lenght\"") != std::string::npos);

    o = good;
    o.remove(QStringLiteral("do_lower_case"));
    r = importWith(o, goodVocab);
    QVERIFY(!r);
    QVERIFY(r.error().message.find("\"do_lower_case\"") != std::string::npos);

    // More positions than the model has (64): the full-length check fails, naming max_length.
    o = good;
    o[QStringLiteral("max_length")] = 100;
    r = importWith(o, goodVocab);
    QVERIFY(!r);
    QCOMPARE(r.error().file, path(QStringLiteral("tiny_bert.pt")));
    QVERIFY2(r.error().message.find("[1, 100]") != std::string::npos
            && r.error().message.find("max_length") != std::string::npos,
        r.error().message.c_str());

    o = good;
    o[QStringLiteral("token_type_ids")] = true;
    writeJson(meta, o);
    r = importBertModel(path(QStringLiteral("tiny_bert_traced.pt")), meta.toStdString(), goodVocab);
    QVERIFY(!r);
    QVERIFY(r.error().message.find("takes only 2 arguments") != std::string::npos);

    // Vocabulary: a token twice (line 7 repeats line 6), then no [UNK].
    writeFile(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\nthe\n");
    r = importWith(good, vocab.toStdString());
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::BadData);
    QCOMPARE(r.error().file, vocab.toStdString());
    QCOMPARE(r.error().line, std::int64_t(7));
    writeFile(vocab, "[PAD]\n[CLS]\n[SEP]\nthe\n");
    r = importWith(good, vocab.toStdString());
    QVERIFY(!r);
    QCOMPARE(r.error().file, vocab.toStdString());
    QVERIFY(r.error().message.find("[UNK]") != std::string::npos);
    r = importWith(good, dir.filePath(QStringLiteral("missing.txt")).toStdString());
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);

    // A module that is not TorchScript; a side file that is not JSON.
    writeFile(dir.filePath(QStringLiteral("bad.pt")), "not a zip archive");
    writeFile(meta, QJsonDocument(good).toJson());
    r = importBertModel(
        dir.filePath(QStringLiteral("bad.pt")).toStdString(), meta.toStdString(), goodVocab);
    QVERIFY(!r);
    QCOMPARE(r.error().file, dir.filePath(QStringLiteral("bad.pt")).toStdString());
    QVERIFY(r.error().message.find("TorchScript") != std::string::npos);
    writeFile(meta, "{\"format\": ");
    r = importBertModel(path(QStringLiteral("tiny_bert.pt")), meta.toStdString(), goodVocab);
    QVERIFY(!r);
    QCOMPARE(r.error().file, meta.toStdString());
}

void TestBertSentiment::occlusionFindsTheWord()
{
    auto scorer = scorerOf(imported());
    const QString negative = QStringLiteral("Shares of Acme plunged after the results on Monday");
    const QString positive = QStringLiteral("The retailer said sales soared, analysts at IBM said");
    auto scores = scorer->scoreTexts({negative, positive}, true);
    QVERIFY2(scores, scores ? "" : scores.error().toString().c_str());
    const StoredScore& neg = (*scores)[0];
    QCOMPARE(neg.label, SentimentClass::Negative);
    QVERIFY(!neg.explanation.empty());
    // Largest |weight| first; the most negative word is the verb.
    const auto mostNegative = std::min_element(neg.explanation.begin(), neg.explanation.end(),
        [](const auto& a, const auto& b) { return a.weight < b.weight; });
    QCOMPARE(negative.mid(mostNegative->position, mostNegative->length), QStringLiteral("plunged"));
    QVERIFY(mostNegative->weight < -0.5);
    QCOMPARE(neg.explanation.front().position, mostNegative->position);
    for (std::size_t i = 1; i < neg.explanation.size(); ++i)
        QVERIFY(std::abs(neg.explanation[i - 1].weight) >= std::abs(neg.explanation[i].weight));
    const StoredScore& pos = (*scores)[1];
    QCOMPARE(pos.label, SentimentClass::Positive);
    const auto mostPositive = std::max_element(pos.explanation.begin(), pos.explanation.end(),
        [](const auto& a, const auto& b) { return a.weight < b.weight; });
    QCOMPARE(positive.mid(mostPositive->position, mostPositive->length), QStringLiteral("soared"));
    // Explaining does not change the score (up to the float noise of other batch paddings).
    auto plain = scorer->scoreTexts({negative}, false);
    QVERIFY(plain);
    QVERIFY(std::abs((*plain)[0].score - neg.score) < 1e-6);
}

void TestBertSentiment::longTextExplanations()
{
    auto scorer = scorerOf(imported());
    // 62 pieces in 3 windows: every word is occluded in the windows that hold it.
    const QString text = cases().last().toObject().value(QLatin1String("text")).toString();
    // 99 words: more than 64, so neighbouring words are occluded together (phrases).
    QString longer;
    for (int i = 0; i < 33; ++i)
        longer += QStringLiteral("investors were optimistic ");
    auto scores = scorer->scoreTexts({text, longer.trimmed()}, true);
    QVERIFY2(scores, scores ? "" : scores.error().toString().c_str());
    const auto& e = (*scores)[0].explanation;
    QVERIFY(!e.empty() && e.size() <= 32);
    QStringList words;
    for (const auto& w : e) {
        QVERIFY(w.position >= 0 && w.position + w.length <= text.size());
        words << text.mid(w.position, w.length);
        QVERIFY2(!words.last().contains(QLatin1Char(' ')), qPrintable(words.last()));
    }
    // The negative words of the second half (the article's verdict) are among the weights.
    QVERIFY2(words.contains(QStringLiteral("plunged")) || words.contains(QStringLiteral("tumbled")),
        qPrintable(words.join(QLatin1Char(','))));
    const auto& phrases = (*scores)[1].explanation;
    QVERIFY(!phrases.empty());
    for (const auto& w : phrases) {
        QVERIFY(w.position + w.length <= longer.size());
        QVERIFY(longer.mid(w.position, w.length).count(QLatin1Char(' ')) == 1); // two words
    }
}

void TestBertSentiment::storedRecordRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = QDir(dir.path()).filePath(QStringLiteral("p.mlens")).toStdString();
    const std::vector<QString> texts {
        QStringLiteral("Investors warned of layoffs"), QStringLiteral("Oil prices rallied")};
    ModelRecord record = imported();
    auto before = scorerOf(record)->scoreTexts(texts, true);
    QVERIFY(before);
    std::int64_t id = 0;
    {
        auto store = core::ProjectStore::create(file);
        QVERIFY(store);
        auto saved = core::forecast::saveModel(*store, record);
        QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
        id = *saved;
    }
    auto store = core::ProjectStore::open(file);
    QVERIFY(store);
    auto loaded = core::forecast::loadModel(*store, id);
    QVERIFY(loaded);
    QCOMPARE(loaded->kind, std::string("sentiment_bert"));
    QCOMPARE(loaded->weights, record.weights);
    auto scorer = scorerOf(*loaded);
    QCOMPARE(scorer->modelKey(), "model:" + std::to_string(id));
    QCOMPARE(scorer->displayName(), std::string("tiny-bert (test fixture)"));
    auto after = scorer->scoreTexts(texts, true);
    QVERIFY(after);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        QCOMPARE((*after)[i].score, (*before)[i].score);
        QCOMPARE((*after)[i].label, (*before)[i].label);
        QCOMPARE((*after)[i].explanation.size(), (*before)[i].explanation.size());
    }
    // Opened by key, as the CLI and the UI do: "model:ID" or the bare id; the lexicons too.
    for (const std::string& key : {"model:" + std::to_string(id), std::to_string(id)}) {
        auto byKey = openSentimentScorer(*store, key);
        QVERIFY2(byKey, byKey ? "" : byKey.error().toString().c_str());
        QCOMPARE((*byKey)->modelKey(), "model:" + std::to_string(id));
    }
    auto lexicon = openSentimentScorer(*store, "lexicon:vader");
    QVERIFY(lexicon);
    QCOMPARE((*lexicon)->modelKey(), std::string("lexicon:vader"));
    QCOMPARE(openSentimentScorer(*store, "model:999").error().code, ErrorCode::NotFound);
    QCOMPARE(openSentimentScorer(*store, "finbert").error().code, ErrorCode::NotFound);
    auto available = availableSentimentModels(*store);
    QVERIFY(available);
    QCOMPARE(available->size(), std::size_t(3));
    QCOMPARE(available->at(0).modelKey, std::string("lexicon"));
    QCOMPARE(available->at(1).modelKey, std::string("lexicon:vader"));
    QCOMPARE(available->at(2).kind, std::string("sentiment_bert"));
    QCOMPARE(available->at(2).displayName, std::string("tiny-bert (test fixture)"));
    // A model that is no sentiment model is refused by key (InvalidArgument) and by bertScorer.
    ModelRecord forecaster = *loaded;
    forecaster.id = 0;
    forecaster.kind = "lstm";
    auto forecasterId = core::forecast::saveModel(*store, forecaster);
    QVERIFY(forecasterId);
    QCOMPARE(openSentimentScorer(*store, std::to_string(*forecasterId)).error().code,
        ErrorCode::InvalidArgument);
    QCOMPARE(availableSentimentModels(*store)->size(), std::size_t(3));
    // A record of another kind is refused.
    ModelRecord other = *loaded;
    other.kind = "lstm";
    auto refused = bertScorer(other);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::BadData);
}

QTEST_GUILESS_MAIN(TestBertSentiment)
#include "test_bert_sentiment.moc"
