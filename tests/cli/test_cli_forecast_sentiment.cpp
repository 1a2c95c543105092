// `marketlens train/forecast/backtest` with the news sentiment feature, end to end: a project
// whose prices follow the news of two business days before (made with the core API: prices, news linked to the
// ticker, lexicon scores and index), trained with --sentiment and with --features; the stored
// model names the feature, forecast reads the index itself; clear errors without an index.
#include "cli_test_support.h"

#include "core/cli_commands.h"
#include "core/news/sentiment_scoring.h"
#include "core/project_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens::core;
using namespace marketlens::core::news;
using cli_test::runMarketlens;

namespace {

// Market-news headlines with known lexicon signs (docs/sentiment.md): "surge", "record profit"
// positive; "warns of layoffs" negative.
const char* const kHeadlines[] = {"NEWS shares surge on record profit", "NEWS warns of layoffs"};

} // namespace

class TestCliForecastSentiment : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

    cli_test::RunResult run(const QStringList& args)
    {
        return runMarketlens(
            args, m_dir.path(), m_dir.filePath(QStringLiteral("data")), m_dir.path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("news.mlens"));
        auto store = ProjectStore::create(m_project.toStdString());
        QVERIFY(store);
        auto id = store->instrumentId("NEWS", true);
        auto other = store->instrumentId("QUIET", true);
        QVERIFY(id && other);
        // 500 business days from 2015-01-05: a good or bad headline per day at random (the
        // last two good); the return two business days later is +1 % after good news and -1 %
        // after bad. Row t's sentiment feature is the index of the day before t (no same-day
        // news), i.e. the news of t-1, which drives the return of t+1: the one the model
        // forecasts from row t.
        Date d = *Date::fromYmd(2015, 1, 5);
        double price = 100.0;
        std::string sql = "INSERT INTO prices (instrument_id, date, close) VALUES ";
        bool prevGood = true, prevPrevGood = true;
        std::mt19937 rng(3); // news without a pattern: only the headline tells the next move
        std::bernoulli_distribution coin(0.5);
        for (int t = 0; t < 500; ++t) {
            if (t > 0)
                price *= prevPrevGood ? 1.01 : 0.99;
            const bool good = coin(rng) || t >= 498;
            for (std::int64_t iid : {*id, *other}) {
                sql += (sql.back() == ' ' ? "" : ", ") + std::string("(") + std::to_string(iid)
                    + ", '" + d.toIso() + "', " + std::to_string(price) + ")";
            }
            StoredNews n;
            n.timestamp = std::int64_t(d.days()) * 86400 + 14 * 3600;
            n.headline = std::string(kHeadlines[good ? 0 : 1]) + " (" + d.toIso() + ")";
            n.tickers.push_back({"NEWS", LinkReason::Explicit, {}, 1});
            auto nid = insertNews(*store, n);
            QVERIFY(nid && *nid > 0);
            prevPrevGood = prevGood;
            prevGood = good;
            do
                d = Date(d.days() + 1);
            while (d.dayOfWeek() >= 6);
        }
        QVERIFY(store->db().exec(sql));
        auto scorer = LexiconScorer::builtIn();
        QVERIFY(scorer);
        auto scored = scoreProjectNews(*store, **scorer, {false, false, 0.01});
        QVERIFY2(scored, scored ? "" : scored.error().toString().c_str());
        QCOMPARE(scored->itemsScored, std::int64_t(500));
        QVERIFY(scored->positive > 50 && scored->negative > 50);
    }

    void trainForecastAndBacktestWithSentiment()
    {
        auto trained = run({QStringLiteral("train"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("NEWS"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--window"), QStringLiteral("5"), QStringLiteral("--horizon"),
            QStringLiteral("1"), QStringLiteral("--epochs"), QStringLiteral("100"),
            QStringLiteral("--sentiment"), QStringLiteral("--json")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err + trained.out));
        const QJsonObject j = trained.json();
        const qint64 id = j.value(QStringLiteral("id")).toInteger();
        qInfo("%s", qPrintable(j.value(QStringLiteral("verdict")).toString()));
        QVERIFY(id > 0);
        // The stored model lists the default features plus sentiment (no volume in this series).
        auto models = run({QStringLiteral("models"), m_project, QStringLiteral("--json")});
        QCOMPARE(models.exitCode, 0);
        const QJsonArray list = models.json().value(QStringLiteral("models")).toArray();
        QJsonArray features;
        for (const QJsonValue& m : list)
            if (m.toObject().value(QStringLiteral("id")).toInteger() == id)
                features = m.toObject().value(QStringLiteral("features")).toArray();
        QCOMPARE(features,
            (QJsonArray {QStringLiteral("logret"), QStringLiteral("vol20"), QStringLiteral("dow"),
                QStringLiteral("sentiment")}));
        // The move after news is +-1 %: the model knows it, naive cannot.
        QVERIFY2(j.value(QStringLiteral("beatsNaive")).toBool(),
            qPrintable(j.value(QStringLiteral("verdict")).toString()));

        // forecast loads the index itself; the news of the day before the last was good: up
        // about 1 %.
        auto f = run({QStringLiteral("forecast"), m_project, QStringLiteral("--model"),
            QString::number(id), QStringLiteral("--json")});
        QVERIFY2(f.exitCode == 0, qPrintable(f.err + f.out));
        const QJsonObject fj = f.json();
        const double origin = fj.value(QStringLiteral("originPrice")).toDouble();
        const double median = fj.value(QStringLiteral("forecast"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("median"))
                                  .toDouble();
        QVERIFY2(median > origin * 1.004,
            qPrintable(QStringLiteral("%1 -> %2").arg(origin).arg(median)));

        auto b = run({QStringLiteral("backtest"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("NEWS"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--window"), QStringLiteral("5"), QStringLiteral("--horizon"),
            QStringLiteral("1"), QStringLiteral("--epochs"), QStringLiteral("2"),
            QStringLiteral("--folds"), QStringLiteral("2"), QStringLiteral("--features"),
            QStringLiteral("logret,sentiment"), QStringLiteral("--json")});
        QVERIFY2(b.exitCode == 0, qPrintable(b.err + b.out));
        QCOMPARE(b.json().value(QStringLiteral("folds")).toArray().size(), 2);
    }

    void errorsWithoutAnIndex()
    {
        // QUIET has prices but no news.
        auto r = run({QStringLiteral("train"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("QUIET"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--sentiment")});
        QCOMPARE(r.exitCode, int(kExitData));
        QVERIFY2(r.err.contains(QStringLiteral("sentiment index of QUIET"))
                && r.err.contains(QStringLiteral("marketlens sentiment")),
            qPrintable(r.err));
        auto bad = run(
            {QStringLiteral("train"), m_project, QStringLiteral("--ticker"), QStringLiteral("NEWS"),
                QStringLiteral("--model"), QStringLiteral("mlp"), QStringLiteral("--epochs"),
                QStringLiteral("1"), QStringLiteral("--features"), QStringLiteral("logret,,dow")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QStringLiteral("--features")), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestCliForecastSentiment)
#include "test_cli_forecast_sentiment.moc"
