// `marketlens signals` end to end through the real executable, on a project holding the Dow
// Jones 30 closes (tests/data/dowjones30_prices.csv, 2529 days x 30 stocks): gradient boosting
// and logistic regression on MSFT against the equal-weighted market of the other 29, with
// --json; the document's parts agree with each other and with the data (confusion matrix sums
// to the test rows, both baselines scored on them, the always-up accuracy is the share of up
// days among the test dates computed here from the CSV, one equity value per test row, the
// saved model listed by `models`); the text output; a one-instrument project (no market) whose
// ticker gains the sentiment feature once it has a news index; refusals with their exit codes.
#include "cli_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using cli_test::runMarketlens;
using cli_test::RunResult;

namespace {

// Date -> MSFT close of the Dow Jones file.
QMap<QString, double> msftCloses()
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read dowjones30_prices.csv");
    const QStringList header = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
    const qsizetype col = header.indexOf(QStringLiteral("\"MSFT\""));
    QMap<QString, double> out;
    while (!f.atEnd()) {
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        if (cells.size() == header.size())
            out.insert(cells[0].mid(1, 10), cells[col].toDouble());
    }
    return out;
}

} // namespace

class TestCliSignals : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work, m_dataHome, m_project;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(args, m_tmp.path(), m_dataHome, m_work);
    }
    QStringList signalArgs(const QString& model) const
    {
        return {QStringLiteral("signals"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--model"), model, QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_work = m_tmp.filePath(QStringLiteral("work"));
        m_dataHome = m_tmp.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("home"))));
        m_project = QDir(m_work).filePath(QStringLiteral("dj.mlens"));
        QCOMPARE(run({QStringLiteral("new"), m_project}).exitCode, 0);
        const RunResult imp = run({QStringLiteral("import"), m_project,
            QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv")});
        QVERIFY2(imp.exitCode == 0, qPrintable(imp.err));
    }

    void jsonIsConsistent_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("gbm") << QStringLiteral("gbm");
        QTest::newRow("logit") << QStringLiteral("logit");
    }
    void jsonIsConsistent()
    {
        QFETCH(QString, model);
        const RunResult r = run(signalArgs(model));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QVERIFY(j.value(QStringLiteral("ok")).toBool());
        QCOMPARE(j.value(QStringLiteral("kind")).toString(), QStringLiteral("signal_") + model);
        QCOMPARE(j.value(QStringLiteral("ticker")).toString(), QStringLiteral("MSFT"));
        QVERIFY(j.value(QStringLiteral("market")).toString().contains(QLatin1String("equal")));
        const QJsonArray features = j.value(QStringLiteral("features")).toArray();
        QVERIFY(features.contains(QStringLiteral("mkt_ret1")));
        QVERIFY(features.contains(QStringLiteral("rsi14")));
        QVERIFY(!features.contains(QStringLiteral("volume_z"))); // the file has closes only
        QVERIFY(!features.contains(QStringLiteral("sentiment")));

        // 2529 dates, 49 warm-up rows (ma50_dist needs 50 prices), the last (horizon 1)
        // unlabelled: 2479 labelled rows, floor(0.3 n) = 743 test rows.
        const int test = j.value(QStringLiteral("testRows")).toInt();
        QCOMPARE(j.value(QStringLiteral("rows")).toInt(), 2529 - 49);
        QCOMPARE(test, 743);
        const QJsonObject m = j.value(QStringLiteral("model")).toObject();
        const QJsonObject maj = j.value(QStringLiteral("majority")).toObject();
        const QJsonObject up = j.value(QStringLiteral("alwaysUp")).toObject();
        qint64 sum = 0, upRows = 0, right = 0;
        const QJsonArray confusion = m.value(QStringLiteral("confusion")).toArray();
        QCOMPARE(confusion.size(), 2);
        for (int i = 0; i < 2; ++i)
            for (int c = 0; c < 2; ++c) {
                const qint64 v = confusion[i].toArray()[c].toInteger();
                sum += v;
                upRows += i == 1 ? v : 0;
                right += i == c ? v : 0;
            }
        QCOMPARE(sum, qint64(test));
        QCOMPARE(m.value(QStringLiteral("count")).toInt(), test);
        QCOMPARE(maj.value(QStringLiteral("count")).toInt(), test);
        QCOMPARE(up.value(QStringLiteral("count")).toInt(), test);
        QVERIFY(std::abs(m.value(QStringLiteral("accuracy")).toDouble() - double(right) / test)
            < 1e-12);
        QVERIFY(std::abs(up.value(QStringLiteral("accuracy")).toDouble() - double(upRows) / test)
            < 1e-12);
        QCOMPARE(up.value(QStringLiteral("rocAuc")).toDouble(), 0.5);

        // The up days among the test dates, from the CSV: close of the next date > close.
        const QMap<QString, double> closes = msftCloses();
        const QJsonArray points = j.value(QStringLiteral("testPoints")).toArray();
        QCOMPARE(points.size(), test);
        qint64 upFromCsv = 0;
        for (const QJsonValue& v : points) {
            const QString d = v.toObject().value(QStringLiteral("date")).toString();
            auto it = closes.find(d);
            QVERIFY(it != closes.end() && std::next(it) != closes.end());
            const bool isUp = std::next(it).value() > it.value();
            upFromCsv += isUp ? 1 : 0;
            QCOMPARE(v.toObject().value(QStringLiteral("truth")).toInt(), isUp ? 1 : 0);
        }
        QCOMPARE(upFromCsv, upRows);
        QVERIFY(j.value(QStringLiteral("beatsBaselines")).isBool());
        QVERIFY(!j.value(QStringLiteral("verdict")).toString().isEmpty());

        const QJsonObject bt = j.value(QStringLiteral("backtest")).toObject();
        QCOMPARE(bt.value(QStringLiteral("dates")).toArray().size(), test);
        const QJsonObject sig = bt.value(QStringLiteral("signal")).toObject();
        const QJsonObject bh = bt.value(QStringLiteral("buyAndHold")).toObject();
        QCOMPARE(sig.value(QStringLiteral("equity")).toArray().size(), test);
        QCOMPARE(bh.value(QStringLiteral("equity")).toArray().size(), test);
        QCOMPARE(bt.value(QStringLiteral("costBps")).toDouble(), 5.0);
        QCOMPARE(bt.value(QStringLiteral("slippageBps")).toDouble(), 2.0);
        // Buy and hold: the growth of the close over the test days, the first day's return
        // r0 less the 7 bp of buying: (1 + r0 - c) / (1 + r0) x growth - 1.
        const QString first = points.first().toObject().value(QStringLiteral("date")).toString();
        const QString last = points.last().toObject().value(QStringLiteral("date")).toString();
        const double growth = std::next(closes.find(last)).value() / closes.value(first);
        const double r0 = std::next(closes.find(first)).value() / closes.value(first) - 1;
        QVERIFY(std::abs(bh.value(QStringLiteral("totalReturn")).toDouble()
                    - ((1 + r0 - 0.0007) / (1 + r0) * growth - 1))
            < 1e-9);
        QVERIFY(!bt.value(QStringLiteral("verdict")).toString().isEmpty());

        const QJsonArray importance = j.value(QStringLiteral("importance")).toArray();
        QCOMPARE(importance.size(), features.size());
        QVERIFY(!j.value(QStringLiteral("attributionMethod")).toString().isEmpty());
        const QJsonObject why = j.value(QStringLiteral("explanation")).toObject();
        QCOMPARE(why.value(QStringLiteral("date")).toString(), QStringLiteral("2001-01-02"));
        QCOMPARE(why.value(QStringLiteral("contributions")).toArray().size(), features.size());
        QCOMPARE(j.value(QStringLiteral("latest")).toObject().value(QStringLiteral("date")),
            why.value(QStringLiteral("date")));

        // Saved, and listed by `models`.
        const qint64 id = j.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        const RunResult list = run({QStringLiteral("models"), m_project, QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonObject listed
            = cli_test::findByKey(list.json().value(QStringLiteral("models")).toArray(),
                QStringLiteral("kind"), QStringLiteral("signal_") + model);
        QCOMPARE(listed.value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(listed.value(QStringLiteral("ticker")).toString(), QStringLiteral("MSFT"));
        QCOMPARE(listed.value(QStringLiteral("metrics"))
                     .toObject()
                     .value(QStringLiteral("testRows"))
                     .toInt(),
            test);
        // The forecasting command refuses it.
        const RunResult f = run({QStringLiteral("forecast"), m_project, QStringLiteral("--model"),
            QString::number(id)});
        QCOMPARE(f.exitCode, 2);
        QVERIFY2(f.err.contains(QLatin1String("marketlens signals")), qPrintable(f.err));
    }

    void textOutputAndExplainDate()
    {
        const RunResult r = run({QStringLiteral("signals"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("IBM"), QStringLiteral("--model"), QStringLiteral("logit"),
            QStringLiteral("--no-save"), QStringLiteral("--no-search"), QStringLiteral("--explain"),
            QStringLiteral("2000-06-01"), QStringLiteral("--cost-bps"), QStringLiteral("10")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* s : {"majority", "always up", "buy and hold", "Top features",
                 "Signal for 2000-06-01", "costs 10 bp", "Confusion matrix"})
            QVERIFY2(r.out.contains(QLatin1String(s)), s);
        QVERIFY(!r.out.contains(QLatin1String("saved")));
    }

    // A project with one instrument has no market (no mkt_* columns); once the ticker has a
    // lexicon sentiment index, the sentiment feature joins the columns.
    void oneInstrumentWithNewsSentiment()
    {
        const QString project = QDir(m_work).filePath(QStringLiteral("msft.mlens"));
        QCOMPARE(run({QStringLiteral("new"), project}).exitCode, 0);
        const RunResult imp = run({QStringLiteral("import"), project,
            QStringLiteral(MARKETLENS_TEST_DATA "/msft_ohlcv.csv"), QStringLiteral("--ticker"),
            QStringLiteral("MSFT")});
        QVERIFY2(imp.exitCode == 0, qPrintable(imp.err));
        const QStringList args = {QStringLiteral("signals"), project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--model"), QStringLiteral("logit"),
            QStringLiteral("--no-search"), QStringLiteral("--no-save"), QStringLiteral("--json")};
        const RunResult before = run(args);
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        QJsonObject j = before.json();
        QCOMPARE(j.value(QStringLiteral("market")).toString(), QString());
        QVERIFY(j.value(QStringLiteral("id")).isNull());
        QJsonArray features = j.value(QStringLiteral("features")).toArray();
        QVERIFY(!features.contains(QStringLiteral("mkt_ret1")));
        QVERIFY(features.contains(QStringLiteral("volume_z"))); // the OHLCV file has volume
        QVERIFY(!features.contains(QStringLiteral("sentiment")));

        const QString csv = QDir(m_work).filePath(QStringLiteral("msft_news.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("date,headline\n"
                    "2001-01-10,Microsoft shares surge on record profit\n"
                    "2001-03-14,Microsoft warns of layoffs and weak demand\n"
                    "2001-06-20,Microsoft wins praise for strong results\n");
        }
        const RunResult news
            = run({QStringLiteral("import"), project, csv, QStringLiteral("--kind"),
                QStringLiteral("news"), QStringLiteral("--tickers"), QStringLiteral("MSFT")});
        QVERIFY2(news.exitCode == 0, qPrintable(news.err));
        const RunResult scored = run({QStringLiteral("sentiment"), project});
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        const RunResult after = run(args);
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        j = after.json();
        features = j.value(QStringLiteral("features")).toArray();
        QVERIFY(features.contains(QStringLiteral("sentiment")));
        QCOMPARE(j.value(QStringLiteral("importance")).toArray().size(), features.size());
        QVERIFY(j.value(QStringLiteral("search")).toArray().isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown ticker") << QStringList {QStringLiteral("--ticker"),
            QStringLiteral("NOPE"), QStringLiteral("--model"), QStringLiteral("gbm")}
                                        << 2 << QStringLiteral("NOPE");
        QTest::newRow("unknown model")
            << QStringList {QStringLiteral("--ticker"), QStringLiteral("MSFT"),
                   QStringLiteral("--model"), QStringLiteral("knn")}
            << 1 << QStringLiteral("--model must be rf, gbm, svm, logit or mlp");
        QTest::newRow("bad horizon")
            << QStringList {QStringLiteral("--ticker"), QStringLiteral("MSFT"),
                   QStringLiteral("--model"), QStringLiteral("gbm"), QStringLiteral("--horizon"),
                   QStringLiteral("0")}
            << 1 << QStringLiteral("--horizon needs a whole number from 1 to 250");
        QTest::newRow("no model") << QStringList {QStringLiteral("--ticker"),
            QStringLiteral("MSFT")}
                                  << 1 << QStringLiteral("--model KIND");
        QTest::newRow("bad explain date") << QStringList {QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--model"), QStringLiteral("logit"),
            QStringLiteral("--explain"), QStringLiteral("June")}
                                          << 1 << QStringLiteral("--explain needs a date");
        QTest::newRow("unknown market") << QStringList {QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--model"), QStringLiteral("logit"),
            QStringLiteral("--market"), QStringLiteral("SPX")}
                                        << 2 << QStringLiteral("SPX");
    }
    void refusals()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, message);
        const RunResult r = run(QStringList {QStringLiteral("signals"), m_project} + extra);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSignals)
#include "test_cli_signals.moc"
