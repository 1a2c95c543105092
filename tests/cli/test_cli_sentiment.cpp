// `marketlens sentiment` and `import-model --vocab` end to end through the real executable: news
// imported into a project are scored by the lexicon (counts per label and the stored compounds
// against hand computations from the market-news lexicon), only unscored items unless --all,
// usage and data errors with their exit codes, then the BERT-like fixture of
// tests/data/models/bert is imported and scores the same news under its own key while the
// lexicon's scores stay.
#include "cli_test_support.h"

#include "core/news/news_store.h"
#include "core/project_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

using cli_test::runMarketlens;
using cli_test::RunResult;
using namespace marketlens;

namespace {

QString dataFile(const QString& name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/") + name;
}

// Four headlines whose market-news lexicon valences (x 0.8 onto VADER's scale) are:
//   1 profit +2, record +2          -> sum 3.2,  compound 3.2 / sqrt(3.2^2 + 15) =  0.63694
//   2 shares 0, plunged -3, fraud -4, charges -2 -> -7.2, -7.2 / sqrt(51.84 + 15) = -0.88067
//   3 no lexicon word                -> 0, neutral
//   4 plunged -3                     -> -2.4, -2.4 / sqrt(5.76 + 15)   = -0.52675
const char* const kNewsCsv = "date,headline,ticker\n"
                             "2024-01-02,Microsoft profit hits record,MSFT\n"
                             "2024-01-02,Microsoft shares plunged after fraud charges,MSFT\n"
                             "2024-01-03,Microsoft holds annual meeting,MSFT\n"
                             "2024-01-04,Shares of Acme plunged after the results,MSFT\n";

const std::map<std::string, double> kLexiconCompound {
    {"Microsoft profit hits record", 3.2 / std::sqrt(3.2 * 3.2 + 15)},
    {"Microsoft shares plunged after fraud charges", -7.2 / std::sqrt(7.2 * 7.2 + 15)},
    {"Microsoft holds annual meeting", 0.0},
    {"Shares of Acme plunged after the results", -2.4 / std::sqrt(2.4 * 2.4 + 15)},
};

// Stored scores of `modelKey` by headline.
std::map<std::string, core::news::StoredScore> scoresByHeadline(
    const QString& project, const std::string& modelKey)
{
    std::map<std::string, core::news::StoredScore> out;
    auto store = core::ProjectStore::open(project.toStdString());
    if (!store)
        return out;
    auto news = core::news::listNews(*store);
    auto scores = core::news::loadScores(*store, modelKey);
    if (!news || !scores)
        return out;
    for (const core::news::StoredScore& s : *scores) {
        for (const core::news::StoredNews& n : *news) {
            if (n.id == s.newsId)
                out[n.headline] = s;
        }
    }
    return out;
}

} // namespace

class TestCliSentiment : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work, m_dataHome, m_project;
    qint64 m_bertId = 0;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(args, m_tmp.path(), m_dataHome, m_work);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_work = m_tmp.filePath(QStringLiteral("work"));
        m_dataHome = m_tmp.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("home"))));
        m_project = QDir(m_work).filePath(QStringLiteral("p.mlens"));
        QCOMPARE(run({QStringLiteral("new"), m_project}).exitCode, 0);
        const RunResult prices
            = run({QStringLiteral("import"), m_project, dataFile(QStringLiteral("msft_ohlcv.csv")),
                QStringLiteral("--ticker"), QStringLiteral("MSFT")});
        QVERIFY2(prices.exitCode == 0, qPrintable(prices.err));
    }

    void emptyProjectSaysSo()
    {
        const RunResult r = run({QStringLiteral("sentiment"), m_project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("no news to score")), qPrintable(r.out));
    }

    void importNews()
    {
        QFile f(QDir(m_work).filePath(QStringLiteral("news.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kNewsCsv);
        f.close();
        const RunResult r = run({QStringLiteral("import"), m_project, f.fileName(),
            QStringLiteral("--kind"), QStringLiteral("news")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    }

    void lexiconScoresImportedNews()
    {
        const RunResult r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(j.value(QLatin1String("model")).toString(), QStringLiteral("lexicon"));
        QVERIFY(!j.value(QLatin1String("name")).toString().isEmpty());
        QCOMPARE(j.value(QLatin1String("all")).toBool(), false);
        QCOMPARE(j.value(QLatin1String("newsItems")).toInteger(), 4);
        QCOMPARE(j.value(QLatin1String("itemsScored")).toInteger(), 4);
        QCOMPARE(j.value(QLatin1String("positive")).toInteger(), 1);
        QCOMPARE(j.value(QLatin1String("neutral")).toInteger(), 1);
        QCOMPARE(j.value(QLatin1String("negative")).toInteger(), 2);
        QCOMPARE(j.value(QLatin1String("indexScopes")).toInteger(), 1); // MSFT, no portfolio
        QVERIFY(j.value(QLatin1String("seconds")).toDouble() >= 0);

        const auto scores = scoresByHeadline(m_project, "lexicon");
        QCOMPARE(scores.size(), std::size_t(4));
        for (const auto& [headline, compound] : kLexiconCompound) {
            QVERIFY2(scores.count(headline), headline.c_str());
            QVERIFY2(std::abs(scores.at(headline).score - compound) < 1e-4,
                qPrintable(QStringLiteral("%1: %2 vs %3")
                               .arg(QString::fromStdString(headline))
                               .arg(scores.at(headline).score)
                               .arg(compound)));
        }
        // The lone lexicon word of the last headline explains it.
        const auto& last = scores.at("Shares of Acme plunged after the results");
        QVERIFY(!last.explanation.empty());
        QCOMPARE(QStringLiteral("Shares of Acme plunged after the results")
                     .mid(last.explanation.front().position, last.explanation.front().length),
            QStringLiteral("plunged"));
    }

    void onlyUnscoredUnlessAll()
    {
        RunResult r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QLatin1String("itemsScored")).toInteger(), 0);
        r = run({QStringLiteral("sentiment"), m_project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("already has a score")), qPrintable(r.out));
        r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--all"),
            QStringLiteral("--model"), QStringLiteral("lexicon:vader"),
            QStringLiteral("--no-explain")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Scored 4 of 4 news items")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("lexicon:vader")));
        QVERIFY(r.out.contains(QLatin1String("rebuilt for 1 scope")));
        for (const char* label : {"positive", "neutral", "negative"})
            QVERIFY(r.out.contains(QLatin1String(label)));
        const auto vader = scoresByHeadline(m_project, "lexicon:vader");
        QCOMPARE(vader.size(), std::size_t(4));
        for (const auto& [headline, score] : vader)
            QVERIFY2(score.explanation.empty(), headline.c_str()); // --no-explain
    }

    void usageAndDataErrors()
    {
        RunResult r = run({QStringLiteral("sentiment")});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--model"),
            QStringLiteral("bert")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(
            r.err.contains(QLatin1String("--model must be lexicon, lexicon:vader or a model id")));
        r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--model"),
            QStringLiteral("999"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), false);
        r = run({QStringLiteral("sentiment"), QDir(m_work).filePath(QStringLiteral("none.mlens"))});
        QCOMPARE(r.exitCode, 2);
    }

    void importBertModel()
    {
        const QString bert = dataFile(QStringLiteral("models/bert/"));
        // A side file without labels: refused, naming the file and the field.
        QFile bad(QDir(m_work).filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"format": "marketlens-sentiment", "version": 1, "do_lower_case": true,
                      "max_length": 32})");
        bad.close();
        RunResult r = run({QStringLiteral("import-model"), m_project,
            bert + QStringLiteral("tiny_bert.pt"), QStringLiteral("--meta"), bad.fileName(),
            QStringLiteral("--vocab"), bert + QStringLiteral("vocab.txt")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("bad.json"))
                && r.err.contains(QLatin1String("\"labels\" is missing")),
            qPrintable(r.err));

        r = run({QStringLiteral("import-model"), m_project, bert + QStringLiteral("tiny_bert.pt"),
            QStringLiteral("--meta"), bert + QStringLiteral("tiny_bert.json"),
            QStringLiteral("--vocab"), bert + QStringLiteral("vocab.txt"),
            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QLatin1String("kind")).toString(), QStringLiteral("sentiment_bert"));
        QCOMPARE(
            j.value(QLatin1String("name")).toString(), QStringLiteral("tiny-bert (test fixture)"));
        m_bertId = j.value(QLatin1String("id")).toInteger();
        QVERIFY(m_bertId > 0);

        r = run({QStringLiteral("models"), m_project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject listed
            = cli_test::findByKey(r.json().value(QLatin1String("models")).toArray(),
                QStringLiteral("kind"), QStringLiteral("sentiment_bert"));
        QCOMPARE(listed.value(QLatin1String("id")).toInteger(), m_bertId);
        QCOMPARE(listed.value(QLatin1String("origin")).toString(), QStringLiteral("imported"));
    }

    void bertScoresKeepLexiconScores()
    {
        QVERIFY(m_bertId > 0);
        const QString key = QStringLiteral("model:%1").arg(m_bertId);
        RunResult r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--model"),
            QString::number(m_bertId), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject j = r.json();
        QCOMPARE(j.value(QLatin1String("model")).toString(), key);
        QCOMPARE(
            j.value(QLatin1String("name")).toString(), QStringLiteral("tiny-bert (test fixture)"));
        QCOMPARE(j.value(QLatin1String("itemsScored")).toInteger(), 4);
        QCOMPARE(j.value(QLatin1String("positive")).toInteger()
                + j.value(QLatin1String("neutral")).toInteger()
                + j.value(QLatin1String("negative")).toInteger(),
            4);
        QCOMPARE(j.value(QLatin1String("indexScopes")).toInteger(), 1);
        // "model:ID" names the same model.
        r = run({QStringLiteral("sentiment"), m_project, QStringLiteral("--model"), key,
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QLatin1String("itemsScored")).toInteger(), 0);

        const auto bert = scoresByHeadline(m_project, key.toStdString());
        QCOMPARE(bert.size(), std::size_t(4));
        // The fixture was trained on "shares of acme ... plunged": clearly negative, with three
        // probabilities and an occlusion explanation whose most negative word is the verb.
        const std::string acme = "Shares of Acme plunged after the results";
        QCOMPARE(bert.at(acme).label, core::SentimentClass::Negative);
        QCOMPARE(bert.at(acme).probabilities.size(), std::size_t(3));
        QVERIFY(!bert.at(acme).explanation.empty());
        const auto& e = bert.at(acme).explanation;
        const auto worst = std::min_element(
            e.begin(), e.end(), [](const auto& a, const auto& b) { return a.weight < b.weight; });
        QCOMPARE(QString::fromStdString(acme).mid(worst->position, worst->length),
            QStringLiteral("plunged"));

        // Both models' scores are kept, each with its own values.
        const auto lexicon = scoresByHeadline(m_project, "lexicon");
        QCOMPARE(lexicon.size(), std::size_t(4));
        QVERIFY(std::abs(lexicon.at(acme).score - kLexiconCompound.at(acme)) < 1e-4);
        QVERIFY(std::abs(bert.at(acme).score - lexicon.at(acme).score) > 1e-3);
        auto store = core::ProjectStore::open(m_project.toStdString());
        QVERIFY(store);
        auto models = core::news::scoredModels(*store);
        QVERIFY(models);
        QStringList keys;
        for (const auto& m : *models)
            keys << QString::fromStdString(m.modelKey);
        QVERIFY2(keys.contains(QStringLiteral("lexicon")) && keys.contains(key)
                && keys.contains(QStringLiteral("lexicon:vader")),
            qPrintable(keys.join(QLatin1Char(','))));
        auto scopes = core::news::sentimentIndexScopes(*store, key.toStdString());
        QVERIFY(scopes);
        QCOMPARE(scopes->size(), std::size_t(1));
        QCOMPARE(scopes->front(), std::string("MSFT"));
    }
};

QTEST_GUILESS_MAIN(TestCliSentiment)
#include "test_cli_sentiment.moc"
