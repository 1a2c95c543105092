// The model commands end to end through the real executable, on a project holding the MSFT
// OHLCV file (249 days, tests/data/msft_ohlcv.csv): train with metrics against every baseline
// (the naive MAE checked against a hand computation from the CSV), deterministic forecasts,
// export/import round trip, walk-forward backtest, listing, and bad model files.
#include "cli_test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using cli_test::runMarketlens;
using cli_test::RunResult;

namespace {

const QStringList kForecasters
    = {QStringLiteral("naive"), QStringLiteral("drift"), QStringLiteral("seasonal_naive"),
        QStringLiteral("moving_average"), QStringLiteral("linear_ar")};

QString dataFile(const QString& name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/") + name;
}

// Dates and closes of tests/data/msft_ohlcv.csv.
void readMsft(QStringList& dates, std::vector<double>& closes)
{
    QFile f(dataFile(QStringLiteral("msft_ohlcv.csv")));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read msft_ohlcv.csv");
    f.readLine(); // header
    while (!f.atEnd()) {
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        if (cells.size() < 5)
            continue;
        dates << cells[0].mid(1, 10);
        closes.push_back(cells[4].toDouble());
    }
}

} // namespace

class TestCliModels : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work, m_dataHome, m_project;
    qint64 m_modelId = 0;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(args, m_tmp.path(), m_dataHome, m_work);
    }
    QStringList trainArgs() const
    {
        return {QStringLiteral("train"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--window"), QStringLiteral("20"), QStringLiteral("--horizon"),
            QStringLiteral("5"), QStringLiteral("--epochs"), QStringLiteral("3"),
            QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--device"),
            QStringLiteral("cpu"), QStringLiteral("--json")};
    }
    QJsonArray forecastRows(qint64 id)
    {
        const RunResult r = run({QStringLiteral("forecast"), m_project, QStringLiteral("--model"),
            QString::number(id), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("forecast failed: %s", qPrintable(r.err));
        return r.json().value(QStringLiteral("forecast")).toArray();
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
        const RunResult imp
            = run({QStringLiteral("import"), m_project, dataFile(QStringLiteral("msft_ohlcv.csv")),
                QStringLiteral("--ticker"), QStringLiteral("MSFT")});
        QVERIFY2(imp.exitCode == 0, qPrintable(imp.err));
    }

    void helpListsModelCommands()
    {
        const RunResult help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* c : {"marketlens train FILE.mlens --ticker T --model",
                 "marketlens forecast FILE.mlens --model ID", "marketlens backtest",
                 "marketlens models FILE.mlens", "marketlens export-model FILE.mlens ID --out M.pt",
                 "marketlens import-model FILE.mlens M.pt", "marketlens tailrisk"})
            QVERIFY2(help.out.contains(QLatin1String(c)), c);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("train without model") << QStringList {QStringLiteral("train"),
            QStringLiteral("p.mlens"), QStringLiteral("--ticker"), QStringLiteral("MSFT")}
                                             << QStringLiteral("--model");
        QTest::newRow("unknown kind")
            << QStringList {QStringLiteral("train"), QStringLiteral("p.mlens"),
                   QStringLiteral("--ticker"), QStringLiteral("MSFT"), QStringLiteral("--model"),
                   QStringLiteral("rnn")}
            << QStringLiteral("--model must be mlp, cnn, lstm, gru or transformer");
        QTest::newRow("bad horizon") << QStringList {QStringLiteral("train"),
            QStringLiteral("p.mlens"), QStringLiteral("--ticker"), QStringLiteral("MSFT"),
            QStringLiteral("--model"), QStringLiteral("mlp"), QStringLiteral("--horizon"),
            QStringLiteral("0")} << QStringLiteral("--horizon");
        QTest::newRow("bad device") << QStringList {QStringLiteral("backtest"),
            QStringLiteral("p.mlens"), QStringLiteral("--ticker"), QStringLiteral("MSFT"),
            QStringLiteral("--model"), QStringLiteral("mlp"), QStringLiteral("--device"),
            QStringLiteral("tpu")} << QStringLiteral("--device");
        QTest::newRow("forecast without model") << QStringList {QStringLiteral("forecast"),
            QStringLiteral("p.mlens")} << QStringLiteral("--model ID");
        QTest::newRow("model id not a number") << QStringList {QStringLiteral("forecast"),
            QStringLiteral("p.mlens"), QStringLiteral("--model"), QStringLiteral("lstm")}
                                               << QStringLiteral("--model needs a model id");
        QTest::newRow("export id not a number") << QStringList {QStringLiteral("export-model"),
            QStringLiteral("p.mlens"), QStringLiteral("x"), QStringLiteral("--out"),
            QStringLiteral("m.pt")} << QStringLiteral("the model ID is a positive whole number");
        QTest::newRow("export without out") << QStringList {QStringLiteral("export-model"),
            QStringLiteral("p.mlens"), QStringLiteral("1")}
                                            << QStringLiteral("--out");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("models"),
            QStringLiteral("p.mlens"), QStringLiteral("--colour")}
                                        << QStringLiteral("unknown option --colour");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const RunResult r = run(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void trainReportsModelAgainstEveryBaseline()
    {
        const RunResult r = run(trainArgs());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("ok")).toBool(), true);
        m_modelId = j.value(QStringLiteral("id")).toInteger();
        QVERIFY(m_modelId > 0);
        QCOMPARE(j.value(QStringLiteral("kind")).toString(), QStringLiteral("mlp"));
        QCOMPARE(j.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        QCOMPARE(j.value(QStringLiteral("horizon")).toInt(), 5);
        const QJsonArray scores = j.value(QStringLiteral("forecasters")).toArray();
        QCOMPARE(scores.size(), 1 + kForecasters.size());
        QCOMPARE(scores.first().toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("mlp"));
        QVERIFY(scores.first().toObject().value(QStringLiteral("isModel")).toBool());
        const QJsonObject test = j.value(QStringLiteral("test")).toObject();
        const qint64 origins = test.value(QStringLiteral("origins")).toInteger();
        QVERIFY(origins > 10);
        for (const QString& name : kForecasters) {
            const QJsonObject s = cli_test::findByKey(scores, QStringLiteral("name"), name);
            QVERIFY2(!s.isEmpty(), qPrintable(name));
            QCOMPARE(s.value(QStringLiteral("count")).toInteger(), origins * 5);
            QVERIFY(std::isfinite(s.value(QStringLiteral("mae")).toDouble(NAN)));
            QVERIFY(std::isfinite(s.value(QStringLiteral("mase")).toDouble(NAN)));
        }

        // Naive MAE by hand: mean |P[t+h] - P[t]| over the test origins and h = 1..5.
        QStringList dates;
        std::vector<double> closes;
        readMsft(dates, closes);
        const qsizetype first = dates.indexOf(test.value(QStringLiteral("first")).toString());
        const qsizetype last = dates.indexOf(test.value(QStringLiteral("last")).toString());
        QVERIFY(first > 0 && last >= first && last + 5 < dates.size());
        QCOMPARE(last - first + 1, origins);
        double sum = 0;
        for (qsizetype t = first; t <= last; ++t)
            for (int h = 1; h <= 5; ++h)
                sum += std::abs(closes[std::size_t(t + h)] - closes[std::size_t(t)]);
        const double naiveMae = sum / double(origins * 5);
        const double got
            = cli_test::findByKey(scores, QStringLiteral("name"), QStringLiteral("naive"))
                  .value(QStringLiteral("mae"))
                  .toDouble();
        QVERIFY2(std::abs(got - naiveMae) < 1e-9 * naiveMae,
            qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(naiveMae)));

        // The verdict says plainly whether the model beats naive.
        const QString verdict = j.value(QStringLiteral("verdict")).toString();
        QCOMPARE(verdict.contains(QLatin1String("does not beat")),
            !j.value(QStringLiteral("beatsNaive")).toBool());
    }

    void trainTextPrintsTableAndVerdict()
    {
        QStringList args = trainArgs();
        args.removeLast(); // --json
        const RunResult r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^Model \\d+: MSFT mlp h5"))),
            qPrintable(r.out));
        for (const QString& name : kForecasters)
            QVERIFY2(r.out.contains(QStringLiteral("\n  ") + name), qPrintable(name));
        QVERIFY(r.out.contains(QLatin1String("mlp (model)")));
        QVERIFY(r.out.contains(QLatin1String("the naive forecast")));
        QVERIFY(r.err.contains(QLatin1String("epoch 3/3")));
    }

    void forecastIsDeterministic()
    {
        QVERIFY(m_modelId > 0);
        const RunResult a = run({QStringLiteral("forecast"), m_project, QStringLiteral("--model"),
            QString::number(m_modelId), QStringLiteral("--json")});
        const RunResult b = run({QStringLiteral("forecast"), m_project, QStringLiteral("--model"),
            QString::number(m_modelId), QStringLiteral("--json")});
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        QCOMPARE(a.out, b.out);
        const QJsonObject j = a.json();
        QCOMPARE(j.value(QStringLiteral("originDate")).toString(), QStringLiteral("2001-09-27"));
        QCOMPARE(j.value(QStringLiteral("originPrice")).toDouble(), 49.96);
        const QJsonArray rows = j.value(QStringLiteral("forecast")).toArray();
        QCOMPARE(rows.size(), 5);
        // Business days after Thursday 2001-09-27.
        const QStringList want = {QStringLiteral("2001-09-28"), QStringLiteral("2001-10-01"),
            QStringLiteral("2001-10-02"), QStringLiteral("2001-10-03"),
            QStringLiteral("2001-10-04")};
        for (int h = 0; h < 5; ++h) {
            const QJsonObject r = rows[h].toObject();
            QCOMPARE(r.value(QStringLiteral("date")).toString(), want[h]);
            QCOMPARE(r.value(QStringLiteral("naive")).toDouble(), 49.96);
            const double lo95 = r.value(QStringLiteral("lo95")).toDouble();
            const double lo80 = r.value(QStringLiteral("lo80")).toDouble();
            const double med = r.value(QStringLiteral("median")).toDouble();
            const double hi80 = r.value(QStringLiteral("hi80")).toDouble();
            const double hi95 = r.value(QStringLiteral("hi95")).toDouble();
            QVERIFY(lo95 > 0 && lo95 <= lo80 && lo80 <= med && med <= hi80 && hi80 <= hi95);
        }
        const RunResult text = run({QStringLiteral("forecast"), m_project,
            QStringLiteral("--model"), QString::number(m_modelId)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("2001-10-04")));
        QVERIFY(text.out.contains(QLatin1String("95 % band")));
    }

    void exportImportRoundTrip()
    {
        QVERIFY(m_modelId > 0);
        const QString pt = QDir(m_work).filePath(QStringLiteral("exported.pt"));
        const RunResult e = run({QStringLiteral("export-model"), m_project,
            QString::number(m_modelId), QStringLiteral("--out"), pt});
        QVERIFY2(e.exitCode == 0, qPrintable(e.err));
        QVERIFY(QFile::exists(pt));
        const QString meta = QDir(m_work).filePath(QStringLiteral("exported.json"));
        QVERIFY(QFile::exists(meta));

        const RunResult i = run({QStringLiteral("import-model"), m_project, pt,
            QStringLiteral("--meta"), meta, QStringLiteral("--json")});
        QVERIFY2(i.exitCode == 0, qPrintable(i.err));
        const qint64 imported = i.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(imported > m_modelId);
        QCOMPARE(i.json().value(QStringLiteral("ticker")).toString(), QStringLiteral("MSFT"));
        const QJsonArray original = forecastRows(m_modelId);
        QCOMPARE(original.size(), 5);
        QCOMPARE(forecastRows(imported), original);

        const RunResult list = run({QStringLiteral("models"), m_project, QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray models = list.json().value(QStringLiteral("models")).toArray();
        bool foundTrained = false, foundImported = false;
        for (const QJsonValue& v : models) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toInteger() == m_modelId) {
                foundTrained = true;
                QCOMPARE(o.value(QStringLiteral("origin")).toString(), QStringLiteral("trained"));
                QVERIFY(o.value(QStringLiteral("metrics"))
                            .toObject()
                            .contains(QStringLiteral("forecasters")));
            }
            if (o.value(QStringLiteral("id")).toInteger() == imported) {
                foundImported = true;
                QCOMPARE(o.value(QStringLiteral("origin")).toString(), QStringLiteral("imported"));
                QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("mlp"));
            }
        }
        QVERIFY(foundTrained && foundImported);
        const RunResult text = run({QStringLiteral("models"), m_project});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("imported")));
        QVERIFY(text.out.contains(QLatin1String("MSFT mlp h5")));
    }

    void badModelFiles_data()
    {
        QTest::addColumn<QString>("pt");
        QTest::addColumn<QString>("meta");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << "bad_truncated.pt"
                                   << "scripted.json"
                                   << "bad_truncated.pt"
                                   << "not a readable TorchScript model";
        QTest::newRow("random") << "bad_random.pt"
                                << "scripted.json"
                                << "bad_random.pt"
                                << "not a readable TorchScript model";
        QTest::newRow("shape") << "bad_shape.pt"
                               << "bad_shape.json"
                               << "bad_shape.pt"
                               << "output has shape";
        QTest::newRow("feature") << "scripted.pt"
                                 << "bad_feature.json"
                                 << "bad_feature.json"
                                 << "unknown feature \"logreturn\"";
    }
    void badModelFiles()
    {
        QFETCH(QString, pt);
        QFETCH(QString, meta);
        QFETCH(QString, named);
        QFETCH(QString, message);
        const RunResult r = run({QStringLiteral("import-model"), m_project,
            dataFile(QStringLiteral("models/") + pt), QStringLiteral("--meta"),
            dataFile(QStringLiteral("models/") + meta), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(named) && r.err.contains(message), qPrintable(r.err));
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(error.value(QStringLiteral("file")).toString().endsWith(named));
    }

    void unknownModelAndTicker()
    {
        const RunResult f = run({QStringLiteral("forecast"), m_project, QStringLiteral("--model"),
            QStringLiteral("9999")});
        QCOMPARE(f.exitCode, 2);
        const RunResult t = run({QStringLiteral("train"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("NOPE"), QStringLiteral("--model"), QStringLiteral("mlp")});
        QCOMPARE(t.exitCode, 2);
        QVERIFY2(t.err.contains(QLatin1String("NOPE")), qPrintable(t.err));
    }

    void backtestPerFoldAndPooled()
    {
        const RunResult r = run({QStringLiteral("backtest"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--window"), QStringLiteral("20"), QStringLiteral("--epochs"),
            QStringLiteral("2"), QStringLiteral("--folds"), QStringLiteral("2"),
            QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        const QJsonArray folds = j.value(QStringLiteral("folds")).toArray();
        QCOMPARE(folds.size(), 2);
        qint64 pooledCount = 0;
        for (const QJsonValue& f : folds) {
            const QJsonArray s = f.toObject().value(QStringLiteral("forecasters")).toArray();
            QCOMPARE(s.size(), 1 + kForecasters.size());
            pooledCount += cli_test::findByKey(s, QStringLiteral("name"), QStringLiteral("naive"))
                               .value(QStringLiteral("count"))
                               .toInteger();
        }
        // The second fold tests after the first one.
        QVERIFY(folds[1].toObject().value(QStringLiteral("testFirst")).toString()
            > folds[0].toObject().value(QStringLiteral("testLast")).toString());
        const QJsonObject pooled = j.value(QStringLiteral("pooled")).toObject();
        const QJsonArray ps = pooled.value(QStringLiteral("forecasters")).toArray();
        QCOMPARE(cli_test::findByKey(ps, QStringLiteral("name"), QStringLiteral("naive"))
                     .value(QStringLiteral("count"))
                     .toInteger(),
            pooledCount);
        QVERIFY(!pooled.value(QStringLiteral("verdict")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "test_cli_models.moc"
