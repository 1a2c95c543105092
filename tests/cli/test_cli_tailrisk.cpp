// End-to-end runs of `marketlens tailrisk` on the demo project: per-holding probabilities and
// base rates, calibration keys that agree with each other, the model stored in the project, the
// text form, and usage errors. One epoch on 20-day windows: the pipeline is under test here (the
// model's skill is tested in tests/models/test_tail_risk.cpp).
#include "cli_test_support.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cli_test;

class TestCliTailRisk : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_project;
    qint64 m_modelId = -1;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(
            args, m_tmp.path(), m_tmp.filePath(QStringLiteral("data")), m_tmp.path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_project = m_tmp.filePath(QStringLiteral("demo.mlens"));
        const RunResult r = run({QStringLiteral("demo"), m_project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void jsonScoresAndCalibration()
    {
        const RunResult r = run({QStringLiteral("tailrisk"), m_project, QStringLiteral("--epochs"),
            QStringLiteral("1"), QStringLiteral("--window"), QStringLiteral("20"),
            QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--device"),
            QStringLiteral("cpu"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json();
        QVERIFY(o.value(QStringLiteral("ok")).toBool());
        QCOMPARE(o.value(QStringLiteral("portfolio")).toString(), QStringLiteral("Dow Core"));
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("tailrisk_cnn"));
        m_modelId = o.value(QStringLiteral("modelId")).toInteger(-1);
        QVERIFY(m_modelId > 0);
        QCOMPARE(o.value(QStringLiteral("horizonDays")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("varLevel")).toDouble(), 0.95);
        QCOMPARE(o.value(QStringLiteral("window")).toInt(), 20);
        QCOMPARE(o.value(QStringLiteral("epochs")).toInt(), 1);

        // One score per holding of the demo portfolio, each a probability with its own rate.
        const QJsonArray scores = o.value(QStringLiteral("scores")).toArray();
        QCOMPARE(scores.size(), 6);
        for (const char* t : {"MSFT", "IBM", "KO", "JNJ", "GE", "XOM"}) {
            const QJsonObject s
                = findByKey(scores, QStringLiteral("ticker"), QString::fromLatin1(t));
            QVERIFY2(!s.isEmpty(), t);
            const double p = s.value(QStringLiteral("probability")).toDouble(-1);
            QVERIFY2(p > 0.0 && p < 1.0, t);
            const double base = s.value(QStringLiteral("baseRate")).toDouble(-1);
            QVERIFY2(base > 0.0 && base < 0.5, t);
            QVERIFY(!s.value(QStringLiteral("asOf")).toString().isEmpty());
        }

        // Calibration: the keys are there and agree with each other.
        const QJsonObject c = o.value(QStringLiteral("calibration")).toObject();
        for (const char* key : {"testCount", "baseRate", "testRate", "brier", "brierBaseRate",
                 "brierSkill", "lift", "auc", "reliability"})
            QVERIFY2(c.contains(QLatin1String(key)), key);
        const double testCount = c.value(QStringLiteral("testCount")).toDouble();
        QVERIFY(testCount > 100);
        const QJsonArray bins = c.value(QStringLiteral("reliability")).toArray();
        QCOMPARE(bins.size(), 10);
        double sum = 0, positives = 0;
        for (const QJsonValue& v : bins) {
            const QJsonObject b = v.toObject();
            sum += b.value(QStringLiteral("count")).toDouble();
            positives += b.value(QStringLiteral("count")).toDouble()
                * b.value(QStringLiteral("observedRate")).toDouble();
        }
        QCOMPARE(sum, testCount);
        const double testRate = c.value(QStringLiteral("testRate")).toDouble();
        QVERIFY(std::abs(positives / testCount - testRate) < 1e-9);
        const double brier = c.value(QStringLiteral("brier")).toDouble();
        const double brierBase = c.value(QStringLiteral("brierBaseRate")).toDouble();
        QVERIFY(
            std::abs(c.value(QStringLiteral("brierSkill")).toDouble() - (1.0 - brier / brierBase))
            < 1e-9);
        const double auc = c.value(QStringLiteral("auc")).toDouble(-1);
        QVERIFY(auc >= 0.0 && auc <= 1.0);
        QVERIFY(o.value(QStringLiteral("trainCount")).toDouble() > testCount);
    }

    void storedAndListed()
    {
        // `models --json` lists the stored record with its kind.
        QVERIFY(m_modelId > 0);
        const RunResult models
            = run({QStringLiteral("models"), m_project, QStringLiteral("--json")});
        QVERIFY2(models.exitCode == 0, qPrintable(models.err));
        const QJsonObject mo = models.json();
        QJsonArray list;
        for (const QJsonValue& v : mo) {
            if (v.isArray())
                list = v.toArray();
        }
        QJsonObject record;
        for (const QJsonValue& v : list) {
            if (v.toObject().value(QStringLiteral("id")).toInteger(-1) == m_modelId)
                record = v.toObject();
        }
        QVERIFY2(!record.isEmpty(), qPrintable(models.out.left(2000)));
        QCOMPARE(record.value(QStringLiteral("kind")).toString(), QStringLiteral("tailrisk_cnn"));
    }

    void textForm()
    {
        const RunResult r = run({QStringLiteral("tailrisk"), m_project, QStringLiteral("--epochs"),
            QStringLiteral("1"), QStringLiteral("--window"), QStringLiteral("20")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Learned tail risk of portfolio \"Dow Core\"")));
        QVERIFY(r.out.contains(QStringLiteral("MSFT")));
        QVERIFY(r.out.contains(QStringLiteral("Brier score")));
        QVERIFY(r.out.contains(QStringLiteral("Stored as model")));
        QVERIFY(r.err.contains(QStringLiteral("epoch 1/1")));
    }

    void errors()
    {
        QCOMPARE(run({QStringLiteral("tailrisk")}).exitCode, 1);
        QCOMPARE(run({QStringLiteral("tailrisk"), m_project, QStringLiteral("--epochs"),
                         QStringLiteral("zero")})
                     .exitCode,
            1);
        QCOMPARE(run({QStringLiteral("tailrisk"), m_project, QStringLiteral("--window"),
                         QStringLiteral("1")})
                     .exitCode,
            1);
        const RunResult missing = run({QStringLiteral("tailrisk"), m_project,
            QStringLiteral("--portfolio"), QStringLiteral("Nope"), QStringLiteral("--json")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(!missing.json().value(QStringLiteral("ok")).toBool(true));
    }
};

QTEST_GUILESS_MAIN(TestCliTailRisk)
#include "test_cli_tailrisk.moc"
