// `marketlens train-sentiment` end to end through the real executable: a project gets 120
// labelled sentences of tests/data/news/sentences_uci_labelled.csv (60 negative, 60 positive,
// label 0/1, one day apart) through `import --kind news`; training with 3 stratified folds
// reports per-fold and mean accuracy/macro-F1 of the model and both lexicons on folds of 40
// (20 + 20) items and stores a model row that `models` lists. Refusals: no labelled news, bad
// options.
#include "cli_test_support.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using cli_test::runMarketlens;
using cli_test::RunResult;

namespace {

// The first `perClass` sentences of each label of the UCI file as (label, text).
QList<QPair<int, QString>> uciSentences(int perClass)
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/news/sentences_uci_labelled.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read sentences_uci_labelled.csv");
    f.readLine();
    QList<QPair<int, QString>> out;
    int counts[2] = {0, 0};
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        // source,label,text,afinn,vader: the text is quoted when it holds a comma; keep the
        // simple rows (no quotes) so this reader stays trivial.
        if (line.contains(QLatin1Char('"')))
            continue;
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() != 5 || cells[2].isEmpty())
            continue;
        const int label = cells[1].toInt();
        if (counts[label] >= perClass)
            continue;
        ++counts[label];
        out.append({label, cells[2]});
    }
    return out;
}

} // namespace

class TestCliTrainSentiment : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work, m_dataHome, m_project;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(args, m_tmp.path(), m_dataHome, m_work);
    }
    QStringList trainArgs(const QString& kind, const QString& folds, const QString& epochs) const
    {
        return {QStringLiteral("train-sentiment"), m_project, QStringLiteral("--model"), kind,
            QStringLiteral("--folds"), folds, QStringLiteral("--epochs"), epochs,
            QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")};
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
    }

    void refusesProjectWithoutLabelledNews()
    {
        const RunResult r
            = run(trainArgs(QStringLiteral("bow"), QStringLiteral("3"), QStringLiteral("1")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no labelled news")), qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(true), false);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("kind") << QStringList {QStringLiteral("--model"), QStringLiteral("lstm")}
                              << QStringLiteral("--model must be bow or transformer");
        QTest::newRow("one fold") << QStringList {QStringLiteral("--folds"), QStringLiteral("1")}
                                  << QStringLiteral("--folds");
        QTest::newRow("epochs") << QStringList {QStringLiteral("--epochs"), QStringLiteral("x")}
                                << QStringLiteral("--epochs");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("--ticker"),
            QStringLiteral("IBM")} << QStringLiteral("ticker");
    }
    void usageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const RunResult r = run(QStringList {QStringLiteral("train-sentiment"), m_project} + extra);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void trainsOnImportedLabelledNews()
    {
        const auto sentences = uciSentences(60);
        QCOMPARE(sentences.size(), 120);
        const QString csv = QDir(m_work).filePath(QStringLiteral("labelled.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("date,headline,label\n");
            QDate day(2024, 1, 1);
            for (const auto& [label, text] : sentences) {
                f.write(QStringLiteral("%1,%2,%3\n")
                            .arg(day.toString(Qt::ISODate), text)
                            .arg(label)
                            .toUtf8());
                day = day.addDays(1);
            }
        }
        const RunResult imp = run({QStringLiteral("import"), m_project, csv,
            QStringLiteral("--kind"), QStringLiteral("news")});
        QVERIFY2(imp.exitCode == 0, qPrintable(imp.err));

        const RunResult r
            = run(trainArgs(QStringLiteral("bow"), QStringLiteral("3"), QStringLiteral("3")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("ok")).toBool(), true);
        const qint64 id = j.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(j.value(QStringLiteral("kind")).toString(), QStringLiteral("sentiment_bow"));
        QCOMPARE(j.value(QStringLiteral("model")).toString(), QStringLiteral("bow"));
        QCOMPARE(j.value(QStringLiteral("examples")).toInt(), 120);
        QCOMPARE(j.value(QStringLiteral("classes")).toInt(), 2);
        QCOMPARE(j.value(QStringLiteral("folds")).toInt(), 3);
        QCOMPARE(j.value(QStringLiteral("seed")).toString(), QStringLiteral("5"));
        const QJsonArray folds = j.value(QStringLiteral("perFold")).toArray();
        QCOMPARE(folds.size(), 3);
        for (int f = 0; f < 3; ++f) {
            const QJsonObject o = folds[f].toObject();
            QCOMPARE(o.value(QStringLiteral("fold")).toInt(), f + 1);
            QCOMPARE(o.value(QStringLiteral("testSize")).toInt(), 40); // stratified: 20 + 20
            for (const char* k : {"accuracy", "macroF1", "lexiconAccuracy", "lexiconMacroF1",
                     "vaderAccuracy", "vaderMacroF1"}) {
                const double v = o.value(QLatin1String(k)).toDouble(-1);
                QVERIFY2(v >= 0.0 && v <= 1.0, k);
                // 40 items per fold: accuracies are multiples of 1/40.
                if (QByteArray(k).endsWith("ccuracy"))
                    QVERIFY(qAbs(v * 40 - std::round(v * 40)) < 1e-9);
            }
        }
        const QJsonObject mean = j.value(QStringLiteral("mean")).toObject();
        QCOMPARE(mean.value(QStringLiteral("testSize")).toInt(), 120);
        double sum = 0;
        for (const QJsonValue& v : folds)
            sum += v.toObject().value(QStringLiteral("accuracy")).toDouble();
        QVERIFY(qAbs(mean.value(QStringLiteral("accuracy")).toDouble() - sum / 3) < 1e-12);
        QVERIFY(j.contains(QStringLiteral("beatsLexicons")));

        const RunResult models
            = run({QStringLiteral("models"), m_project, QStringLiteral("--json")});
        QCOMPARE(models.exitCode, 0);
        const QJsonObject row
            = cli_test::findByKey(models.json().value(QStringLiteral("models")).toArray(),
                QStringLiteral("kind"), QStringLiteral("sentiment_bow"));
        QCOMPARE(row.value(QStringLiteral("id")).toInteger(), id);

        // The same seed gives the same folds and the same model.
        const RunResult again
            = run(trainArgs(QStringLiteral("bow"), QStringLiteral("3"), QStringLiteral("3")));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().value(QStringLiteral("perFold")), j.value(QStringLiteral("perFold")));
    }

    void transformerAndTableOutput()
    {
        const RunResult r = run({QStringLiteral("train-sentiment"), m_project,
            QStringLiteral("--model"), QStringLiteral("transformer"), QStringLiteral("--folds"),
            QStringLiteral("2"), QStringLiteral("--epochs"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("sentiment_transformer")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("2-fold cross-validation")));
        QVERIFY(r.out.contains(QLatin1String("VADER acc")));
        QVERIFY(r.out.contains(QLatin1String("  mean ")));
        QVERIFY(r.err.contains(QLatin1String("fold 1/2: epoch 1/1")));
        QVERIFY(r.err.contains(QLatin1String("final fit: epoch 1/1")));
    }
};

QTEST_GUILESS_MAIN(TestCliTrainSentiment)
#include "test_cli_train_sentiment.moc"
