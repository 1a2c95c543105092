// The trainable sentiment classifiers (models/text_classifier.h) on the 2000 labelled UCI
// sentences of tests/data/news/sentences_uci_labelled.csv (label 0/1; two rows without a label
// are skipped): with 5-fold cross-validation both the bag-of-n-grams and the Transformer beat,
// on held-out folds, the accuracies recorded in that file for vader-sentiment 1.1.3 (0.8077) and
// npm sentiment's AFINN (0.7912), and both lexicons scored on the same folds. Same seed, same
// result; a record stored in a project scores identically after reopening; explanations put the
// sign on the right word; bad inputs and records are refused.
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/text_classifier.h"
#include "models/torch_runtime.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <optional>

using namespace marketlens;
using namespace marketlens::models;
using core::SentimentClass;

namespace {

// The accuracies recorded in the data file's README (docs/sentiment.md), positive when > 0.
constexpr double kRecordedVaderAccuracy = 0.8077;
constexpr double kRecordedAfinnAccuracy = 0.7912;

// RFC 4180 fields of one CSV record that may span lines.
QStringList readRecord(QFile& f)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine());
        for (int i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == '"') {
                    field += c;
                    ++i;
                } else if (c == QLatin1Char('"')) {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                fields << field;
                field.clear();
            } else if (c != QLatin1Char('\n') && c != QLatin1Char('\r')) {
                field += c;
            }
        }
        if (!quoted)
            break;
    }
    fields << field;
    return fields;
}

std::vector<TextExample> uciSentences()
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/news/sentences_uci_labelled.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read sentences_uci_labelled.csv");
    readRecord(f); // source,label,text,afinn_comparative,vader_compound
    std::vector<TextExample> out;
    while (!f.atEnd()) {
        const QStringList r = readRecord(f);
        if (r.size() < 3 || r[1].isEmpty() || r[2].isEmpty())
            continue;
        out.push_back({r[2],
            r[1] == QLatin1String("1") ? SentimentClass::Positive : SentimentClass::Negative});
    }
    return out;
}

void printValidation(const char* what, const CrossValidation& cv)
{
    for (std::size_t f = 0; f < cv.perFold.size(); ++f) {
        const FoldMetrics& m = cv.perFold[f];
        qInfo("%s fold %zu (n %lld): accuracy %.4f macro-F1 %.4f | market-news lexicon %.4f / "
              "%.4f | VADER %.4f / %.4f",
            what, f + 1, static_cast<long long>(m.testSize), m.accuracy, m.macroF1,
            m.lexiconAccuracy, m.lexiconMacroF1, m.vaderAccuracy, m.vaderMacroF1);
    }
    const FoldMetrics& m = cv.mean;
    qInfo("%s mean: accuracy %.4f macro-F1 %.4f | market-news lexicon %.4f / %.4f | VADER %.4f "
          "/ %.4f",
        what, m.accuracy, m.macroF1, m.lexiconAccuracy, m.lexiconMacroF1, m.vaderAccuracy,
        m.vaderMacroF1);
}

// Smaller than the defaults (embedding 64) so the ten fits of the file stay quick on 2 shared
// cores; the defaults are measured in docs/models.md.
TextClassifierOptions options(TextModelKind kind)
{
    TextClassifierOptions o;
    o.kind = kind;
    o.seed = 7;
    o.embeddingDim = 32;
    o.epochs = kind == TextModelKind::Bow ? 8 : 5;
    return o;
}

} // namespace

class TestTextClassifier : public QObject {
    Q_OBJECT
private:
    std::vector<TextExample> m_data;
    std::optional<TrainedTextClassifier> m_bow, m_transformer;

    void checkBeatsBaselines(const char* what, const TrainedTextClassifier& t)
    {
        printValidation(what, t.validation);
        const FoldMetrics& m = t.validation.mean;
        QCOMPARE(t.validation.folds, 5);
        QCOMPARE(t.validation.perFold.size(), std::size_t(5));
        QCOMPARE(m.testSize, std::int64_t(m_data.size()));
        QVERIFY2(m.accuracy > kRecordedVaderAccuracy, qPrintable(QString::number(m.accuracy)));
        QVERIFY(m.accuracy > kRecordedAfinnAccuracy);
        QVERIFY(m.accuracy > m.lexiconAccuracy);
        QVERIFY(m.accuracy > m.vaderAccuracy);
        QVERIFY(m.macroF1 > m.lexiconMacroF1);
        QVERIFY(m.macroF1 > m.vaderMacroF1);
        // The lexicons on the same folds decide by sign with two classes, the convention of the
        // recorded accuracies: VADER (our rules are a superset of vader-sentiment's) lands near
        // its recorded value; the market-news list under VADER's rules near AFINN's.
        qInfo("same folds: VADER %.4f, market-news lexicon %.4f", m.vaderAccuracy,
            m.lexiconAccuracy);
        QVERIFY(std::abs(m.vaderAccuracy - kRecordedVaderAccuracy) < 0.02);
        QVERIFY(std::abs(m.lexiconAccuracy - kRecordedAfinnAccuracy) < 0.05);
    }

    void checkExplanations(const TrainedTextClassifier& t)
    {
        auto scorer = textClassifierScorer(t.record);
        QVERIFY2(scorer, scorer ? "" : scorer.error().message.c_str());
        const std::vector<QString> texts
            = {QStringLiteral("The service was great"), QStringLiteral("The food was terrible")};
        auto scores = (*scorer)->scoreTexts(texts, true);
        QVERIFY(scores);
        QCOMPARE(scores->size(), std::size_t(2));
        const auto& good = (*scores)[0];
        const auto& bad = (*scores)[1];
        QCOMPARE(good.label, SentimentClass::Positive);
        QCOMPARE(bad.label, SentimentClass::Negative);
        QVERIFY(good.score > 0 && bad.score < 0);
        QCOMPARE(good.probabilities.size(), std::size_t(3));
        QCOMPARE(good.probabilities[1], 0.0); // no neutral class in the training data
        QVERIFY(qAbs(good.probabilities[0] + good.probabilities[2] - 1.0) < 1e-6);
        QVERIFY(!good.explanation.empty() && !bad.explanation.empty());
        // The word that moved the score most: "great" at 16 (5 units), "terrible" at 13 (8).
        QCOMPARE(good.explanation.front().position, 16);
        QCOMPARE(good.explanation.front().length, 5);
        QVERIFY(good.explanation.front().weight > 0);
        QCOMPARE(bad.explanation.front().position, 13);
        QCOMPARE(bad.explanation.front().length, 8);
        QVERIFY(bad.explanation.front().weight < 0);
        for (std::size_t i = 1; i < good.explanation.size(); ++i)
            QVERIFY(qAbs(good.explanation[i - 1].weight) >= qAbs(good.explanation[i].weight));
    }

private Q_SLOTS:
    void initTestCase()
    {
        initTorchRuntime(1); // small models: one thread beats two threads synchronising
        m_data = uciSentences();
        QCOMPARE(m_data.size(), std::size_t(2000));
        std::size_t positive = 0;
        for (const TextExample& e : m_data)
            positive += e.label == SentimentClass::Positive ? 1 : 0;
        QCOMPARE(positive, std::size_t(1000));
    }

    void bowBeatsLexiconsOnHeldOutFolds()
    {
        auto t = trainTextClassifier(m_data, options(TextModelKind::Bow), 5);
        QVERIFY2(t, t ? "" : t.error().message.c_str());
        qInfo("bow: %.1f s (5 folds + final fit)", t->seconds);
        checkBeatsBaselines("bow", *t);
        QCOMPARE(t->record.kind, std::string("sentiment_bow"));
        QCOMPARE(t->record.origin, std::string("trained"));
        QCOMPARE(t->record.id, std::int64_t(0));
        QCOMPARE(t->record.window, 1);
        QCOMPARE(t->record.horizon, 1);
        QVERIFY(!t->record.weights.empty());
        QVERIFY(t->record.metricsJson.find("\"folds\":5") != std::string::npos);
        m_bow = std::move(*t);
    }

    void transformerBeatsLexiconsOnHeldOutFolds()
    {
        auto t = trainTextClassifier(m_data, options(TextModelKind::Transformer), 5);
        QVERIFY2(t, t ? "" : t.error().message.c_str());
        qInfo("transformer: %.1f s (5 folds + final fit)", t->seconds);
        checkBeatsBaselines("transformer", *t);
        QCOMPARE(t->record.kind, std::string("sentiment_transformer"));
        m_transformer = std::move(*t);
    }

    void explanationsNameTheWord()
    {
        QVERIFY(m_bow && m_transformer);
        checkExplanations(*m_bow);
        checkExplanations(*m_transformer);
    }

    void sameSeedSameResult()
    {
        const std::vector<TextExample> part(m_data.begin(), m_data.begin() + 400);
        const std::vector<QString> probe = {
            QStringLiteral("Not bad at all, would buy again."), QStringLiteral("Waste of money")};
        for (TextModelKind kind : {TextModelKind::Bow, TextModelKind::Transformer}) {
            TextClassifierOptions o = options(kind);
            o.epochs = 2;
            std::vector<double> accuracies, scores;
            for (int run = 0; run < 2; ++run) {
                auto t = trainTextClassifier(part, o, 2);
                QVERIFY(t);
                accuracies.push_back(t->validation.mean.accuracy);
                auto scorer = textClassifierScorer(t->record);
                QVERIFY(scorer);
                auto s = (*scorer)->scoreTexts(probe, false);
                QVERIFY(s);
                for (const auto& x : *s)
                    scores.push_back(x.score);
            }
            QCOMPARE(accuracies[0], accuracies[1]);
            QCOMPARE(scores[0], scores[2]);
            QCOMPARE(scores[1], scores[3]);
        }
        // Another seed draws other folds and weights.
        TextClassifierOptions o = options(TextModelKind::Bow);
        o.epochs = 2;
        auto a = trainTextClassifier(part, o, 0);
        o.seed = 8;
        auto b = trainTextClassifier(part, o, 0);
        QVERIFY(a && b);
        QCOMPARE(a->validation.folds, 0);
        QVERIFY(a->validation.perFold.empty());
        auto sa = (*textClassifierScorer(a->record))->scoreTexts(probe, false);
        auto sb = (*textClassifierScorer(b->record))->scoreTexts(probe, false);
        QVERIFY(sa && sb);
        QVERIFY((*sa)[0].score != (*sb)[0].score);
    }

    void storedRecordScoresIdentically()
    {
        QVERIFY(m_bow && m_transformer);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p.mlens")).toStdString();
        std::vector<std::int64_t> ids;
        {
            auto store = core::ProjectStore::create(path);
            QVERIFY(store);
            for (const auto* t : {&*m_bow, &*m_transformer}) {
                auto id = core::forecast::saveModel(*store, t->record);
                QVERIFY(id);
                ids.push_back(*id);
            }
        }
        auto store = core::ProjectStore::open(path);
        QVERIFY(store);
        const std::vector<QString> texts = {QStringLiteral("Great phone, terrible battery."),
            QStringLiteral("I would not recommend this to anyone."), QString(),
            QStringLiteral("Shares of $IBM rose 5% after strong quarterly earnings (NYSE: IBM).")};
        int k = 0;
        for (const auto* t : {&*m_bow, &*m_transformer}) {
            auto loaded = core::forecast::loadModel(*store, ids[std::size_t(k++)]);
            QVERIFY(loaded);
            QCOMPARE(loaded->weights, t->record.weights);
            auto before = textClassifierScorer(t->record);
            auto after = textClassifierScorer(*loaded);
            QVERIFY(before && after);
            QCOMPARE((*after)->modelKey(), "model:" + std::to_string(loaded->id));
            QCOMPARE((*after)->displayName(), t->record.name);
            auto a = (*before)->scoreTexts(texts, true);
            auto b = (*after)->scoreTexts(texts, true);
            QVERIFY(a && b);
            QCOMPARE(a->size(), texts.size());
            for (std::size_t i = 0; i < texts.size(); ++i) {
                QCOMPARE((*a)[i].score, (*b)[i].score);
                QCOMPARE((*a)[i].label, (*b)[i].label);
                QCOMPARE((*a)[i].probabilities, (*b)[i].probabilities);
                QCOMPARE((*a)[i].explanation.size(), (*b)[i].explanation.size());
                for (std::size_t j = 0; j < (*a)[i].explanation.size(); ++j) {
                    QCOMPARE((*a)[i].explanation[j].position, (*b)[i].explanation[j].position);
                    QCOMPARE((*a)[i].explanation[j].weight, (*b)[i].explanation[j].weight);
                }
                QVERIFY((*a)[i].score >= -1.0 && (*a)[i].score <= 1.0);
            }
            QVERIFY((*a)[2].explanation.empty()); // the empty text has no words
        }
    }

    void refusesBadInput()
    {
        std::vector<TextExample> oneClass;
        for (const TextExample& e : m_data) {
            if (e.label == SentimentClass::Positive && oneClass.size() < 50)
                oneClass.push_back(e);
        }
        auto one = trainTextClassifier(oneClass, options(TextModelKind::Bow), 5);
        QVERIFY(!one);
        QCOMPARE(one.error().code, core::ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(one.error().message).contains(QLatin1String("two classes")));

        const std::vector<TextExample> few(m_data.begin() + 995, m_data.begin() + 1004);
        auto tooFew = trainTextClassifier(few, options(TextModelKind::Bow), 5);
        QVERIFY(!tooFew);
        QCOMPARE(tooFew.error().code, core::ErrorCode::InvalidArgument);
        QVERIFY(!trainTextClassifier(few, options(TextModelKind::Bow), 1));

        std::atomic_bool cancel {true};
        auto cancelled = trainTextClassifier(m_data, options(TextModelKind::Bow), 5, {}, &cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, core::ErrorCode::Cancelled);

        QVERIFY(m_bow);
        core::forecast::ModelRecord wrongKind = m_bow->record;
        wrongKind.kind = "mlp";
        auto s1 = textClassifierScorer(wrongKind);
        QVERIFY(!s1);
        QCOMPARE(s1.error().code, core::ErrorCode::BadData);
        core::forecast::ModelRecord broken = m_bow->record;
        broken.weights = "not a torchscript zip";
        auto s2 = textClassifierScorer(broken);
        QVERIFY(!s2);
        QCOMPARE(s2.error().code, core::ErrorCode::BadData);
        core::forecast::ModelRecord noSettings = m_bow->record;
        noSettings.hyperParamsJson = "{}";
        auto s3 = textClassifierScorer(noSettings);
        QVERIFY(!s3);
        QCOMPARE(s3.error().code, core::ErrorCode::BadData);
    }

    void reportsProgress()
    {
        const std::vector<TextExample> part(m_data.begin() + 800, m_data.begin() + 1200);
        TextClassifierOptions o = options(TextModelKind::Bow);
        o.epochs = 2;
        std::vector<TextTrainProgress> seen;
        auto t = trainTextClassifier(
            part, o, 2, [&seen](const TextTrainProgress& p) { seen.push_back(p); });
        QVERIFY(t);
        QVERIFY(t->record.historyJson.find("\"epoch\":2") != std::string::npos);
        QVERIFY(seen.size() >= 6); // each epoch of 2 folds and the final fit ends with a report
        QCOMPARE(seen.back().fraction, 1.0);
        QCOMPARE(seen.back().fold, 0);
        for (const auto& p : seen) {
            QVERIFY(p.fraction > 0.0 && p.fraction <= 1.0);
            QVERIFY(p.fold >= 0 && p.fold <= 2);
            QCOMPARE(p.folds, 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestTextClassifier)
#include "test_text_classifier.moc"
