// End-to-end runs of `marketlens risk`: JSON contents against the PerformanceAnalytics oracle,
// sign convention, exit codes, and the run stored in the project.
#include "cli_test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cli_test;

namespace {

// One value of tests/data/risk/oracle_dowjones30.csv (PerformanceAnalytics 2.0.8).
double oracleValue(const QString& metric, const QString& column)
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/risk/oracle_dowjones30.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return NAN;
    auto cells = [](const QByteArray& line) {
        QStringList c = QString::fromUtf8(line.trimmed()).split(QLatin1Char(','));
        for (QString& s : c)
            s.remove(QLatin1Char('"'));
        return c;
    };
    const QStringList header = cells(f.readLine());
    const qsizetype col = header.indexOf(column);
    while (!f.atEnd()) {
        const QStringList row = cells(f.readLine());
        if (row.value(0) == metric && col > 0)
            return row.value(col).toDouble();
    }
    return NAN;
}

QJsonObject findSeries(const QJsonArray& a, const QString& ticker)
{
    return findByKey(a, QStringLiteral("ticker"), ticker);
}

double tailValue(const QJsonObject& series, const QString& method, double p, const char* key)
{
    for (const QJsonValue& v : series.value(QStringLiteral("tails")).toArray()) {
        const QJsonObject t = v.toObject();
        if (t.value(QStringLiteral("method")).toString() == method
            && std::abs(t.value(QStringLiteral("confidence")).toDouble() - p) < 1e-12)
            return t.value(QString::fromLatin1(key)).toDouble();
    }
    return NAN;
}

} // namespace

class TestCliRisk : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_project;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(args, m_tmp.path(), m_tmp.filePath(QStringLiteral("data")),
                             m_tmp.path());
    }

    int storedRuns()
    {
        const RunResult r = run({QStringLiteral("info"), m_project, QStringLiteral("--json")});
        return r.exitCode == 0 ? r.json().value(QStringLiteral("riskRuns")).toInt(-1) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_project = m_tmp.filePath(QStringLiteral("dj.mlens"));
        QCOMPARE(run({QStringLiteral("new"), m_project}).exitCode, 0);
        const RunResult r = run({QStringLiteral("import"), m_project,
            QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(storedRuns(), 0);
    }

    void jsonMatchesOracleAndIsStored()
    {
        const RunResult r = run({QStringLiteral("risk"), m_project, QStringLiteral("--instruments"),
            QStringLiteral("AA,ibm"), QStringLiteral("--confidence"), QStringLiteral("0.95,0.99"),
            QStringLiteral("--method"), QStringLiteral("historical,modified"),
            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json();
        QVERIFY(o.value(QStringLiteral("ok")).toBool());
        const qint64 runId = o.value(QStringLiteral("runId")).toInteger(-1);
        QVERIFY(runId > 0);
        const QJsonArray instruments = o.value(QStringLiteral("instruments")).toArray();
        QCOMPARE(instruments.size(), 2);
        const QJsonObject options = o.value(QStringLiteral("options")).toObject();
        QCOMPARE(options.value(QStringLiteral("confidences")).toArray(), (QJsonArray {0.95, 0.99}));
        QCOMPARE(options.value(QStringLiteral("methods")).toArray(),
            (QJsonArray {QStringLiteral("historical"), QStringLiteral("modified")}));
        const QJsonObject aa = findSeries(instruments, QStringLiteral("AA"));
        QCOMPARE(aa.value(QStringLiteral("tails")).toArray().size(), 4);
        QVERIFY(!findSeries(instruments, QStringLiteral("IBM")).isEmpty());
        for (const auto& [method, name] : {std::pair {"historical", "hist"}, {"modified", "mod"}})
            for (double p : {0.95, 0.99}) {
                const QString suffix = p == 0.95 ? QStringLiteral("95") : QStringLiteral("99");
                const double expected = oracleValue(
                    QStringLiteral("VaR_%1_%2").arg(QString::fromLatin1(name), suffix),
                    QStringLiteral("AA"));
                const double got = tailValue(aa, QString::fromLatin1(method), p, "var");
                QVERIFY2(std::abs(got - expected) <= 1e-9 * std::abs(expected),
                    qPrintable(QStringLiteral("%1 %2: %3 vs %4")
                                   .arg(QString::fromLatin1(method))
                                   .arg(p)
                                   .arg(got, 0, 'g', 17)
                                   .arg(expected, 0, 'g', 17)));
            }
        QVERIFY(std::abs(aa.value(QStringLiteral("volatility"))
                             .toObject()
                             .value(QStringLiteral("sampleAnnualised"))
                             .toDouble()
                    - oracleValue(QStringLiteral("vol_annualized"), QStringLiteral("AA")))
            < 1e-12);
        QVERIFY(o.value(QStringLiteral("conventions"))
                    .toString()
                    .contains(QStringLiteral("negative returns")));
        QCOMPARE(o.value(QStringLiteral("portfolio"))
                     .toObject()
                     .value(QStringLiteral("weights"))
                     .toArray(),
            (QJsonArray {0.5, 0.5}));

        // Stored: info counts it, and --show prints it again without recomputing.
        QCOMPARE(storedRuns(), 1);
        const RunResult shown = run({QStringLiteral("risk"), m_project, QStringLiteral("--show"),
            QString::number(runId), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.json().value(QStringLiteral("instruments")).toArray(), instruments);
        QCOMPARE(storedRuns(), 1);
    }

    void lossPositiveFlipsSignAndNoSave()
    {
        const QStringList base {QStringLiteral("risk"), m_project, QStringLiteral("--instruments"),
            QStringLiteral("KO"), QStringLiteral("--method"), QStringLiteral("gaussian"),
            QStringLiteral("--no-save"), QStringLiteral("--json")};
        const RunResult a = run(base);
        const RunResult b = run(base + QStringList {QStringLiteral("--loss-positive")});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(b.exitCode, 0);
        const double va
            = tailValue(findSeries(a.json().value(QStringLiteral("instruments")).toArray(),
                            QStringLiteral("KO")),
                QStringLiteral("gaussian"), 0.99, "var");
        const double vb
            = tailValue(findSeries(b.json().value(QStringLiteral("instruments")).toArray(),
                            QStringLiteral("KO")),
                QStringLiteral("gaussian"), 0.99, "var");
        QVERIFY(va < 0.0);
        QCOMPARE(vb, -va);
        const double oracle = oracleValue(QStringLiteral("VaR_gauss_99"), QStringLiteral("KO"));
        QVERIFY(std::abs(va - oracle) <= 1e-9 * std::abs(oracle));
        QVERIFY(b.json().value(QStringLiteral("runId")).isNull());
        QVERIFY(b.json()
                    .value(QStringLiteral("conventions"))
                    .toString()
                    .contains(QStringLiteral("positive losses")));
        QCOMPARE(storedRuns(), 1); // --no-save stored nothing
    }

    void humanOutput()
    {
        const RunResult r = run({QStringLiteral("risk"), m_project, QStringLiteral("--instruments"),
            QStringLiteral("AA,KO"), QStringLiteral("--benchmark"), QStringLiteral("GE"),
            QStringLiteral("--days"), QStringLiteral("365"), QStringLiteral("--scenarios"),
            QStringLiteral("5000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Conventions: VaR and ES as negative returns")));
        QVERIFY(r.out.contains(QStringLiteral("365 periods a year")));
        QVERIFY(r.out.contains(QStringLiteral("VaR montecarlo")));
        QVERIFY(r.out.contains(QStringLiteral("Component VaR, modified at 99 %")));
        QVERIFY(r.out.contains(QStringLiteral("Kupiec")));
        QVERIFY(r.out.contains(QStringLiteral("benchmark GE")));
        QVERIFY(r.out.contains(QStringLiteral("Stored as risk run")));
        QCOMPARE(storedRuns(), 2);
    }

    void usageAndDataErrors()
    {
        RunResult r = run({QStringLiteral("risk"), m_project, QStringLiteral("--confidence"),
            QStringLiteral("1.5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("bad confidence '1.5'")));
        r = run({QStringLiteral("risk"), m_project, QStringLiteral("--method"),
            QStringLiteral("magic")});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("risk"), m_project, QStringLiteral("--portfolio"),
            QStringLiteral("Nope"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.json().value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("NotFound"));
        r = run({QStringLiteral("risk"), m_project, QStringLiteral("--instruments"),
            QStringLiteral("AA,ZZZ")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("ZZZ")));
        r = run({QStringLiteral("risk"), m_project, QStringLiteral("--instruments"),
            QStringLiteral("AA"), QStringLiteral("--from"), QStringLiteral("2000-12-01")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("too few observations")));
        QCOMPARE(run({QStringLiteral("risk")}).exitCode, 1);
        QCOMPARE(storedRuns(), 2);
    }

    // The demo project: its portfolio by default.
    void demoPortfolio()
    {
        const QString demo = m_tmp.filePath(QStringLiteral("demo.mlens"));
        QCOMPARE(run({QStringLiteral("demo"), demo}).exitCode, 0);
        const RunResult r = run({QStringLiteral("risk"), demo, QStringLiteral("--method"),
            QStringLiteral("historical"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject p = r.json().value(QStringLiteral("portfolio")).toObject();
        QVERIFY(p.value(QStringLiteral("tickers")).toArray().size() >= 2);
        QCOMPARE(p.value(QStringLiteral("returns")).toArray().size(),
            p.value(QStringLiteral("dates")).toArray().size());
    }
};

QTEST_GUILESS_MAIN(TestCliRisk)
#include "test_cli_risk.moc"
