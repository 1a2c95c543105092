// Encrypted projects on the command line: --password-file and MARKETLENS_PASSWORD, `new
// --encrypt`, `password --set/--change/--remove`, import + risk + info on an encrypted project
// (the risk numbers equal the PerformanceAnalytics oracle, as on a plain project), the errors,
// and an strace of the import showing that the only files written are the project and its
// encrypted temporary file.
#include "cli_test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cli_test;

namespace {

const QString kDj = QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv");
const QByteArray kMagic("MLENS encrypted\0", 16);

QByteArray head16(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(16) : QByteArray();
}

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

// Non-empty cells of `ticker`'s column in the Dow Jones file: its expected row count.
int djRows(const QString& ticker)
{
    QFile f(kDj);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QStringList header = QString::fromUtf8(f.readLine().trimmed())
                                   .remove(QLatin1Char('"'))
                                   .split(QLatin1Char(','));
    const qsizetype col = header.indexOf(ticker);
    int n = 0;
    while (!f.atEnd()) {
        const QStringList row = QString::fromUtf8(f.readLine().trimmed()).split(QLatin1Char(','));
        if (!row.value(col).remove(QLatin1Char('"')).isEmpty())
            ++n;
    }
    return n;
}

double historicalVar95(const QJsonObject& riskJson, const QString& ticker)
{
    const QJsonObject s = findByKey(
        riskJson.value(QStringLiteral("instruments")).toArray(), QStringLiteral("ticker"), ticker);
    for (const QJsonValue& v : s.value(QStringLiteral("tails")).toArray()) {
        const QJsonObject t = v.toObject();
        if (t.value(QStringLiteral("method")).toString() == QLatin1String("historical")
            && std::abs(t.value(QStringLiteral("confidence")).toDouble() - 0.95) < 1e-12)
            return t.value(QStringLiteral("var")).toDouble();
    }
    return NAN;
}

// Sets an environment variable for the lifetime of the object.
struct EnvVar {
    QByteArray name;
    EnvVar(const char* n, const QByteArray& value)
        : name(n)
    {
        qputenv(n, value);
    }
    ~EnvVar() { qunsetenv(name.constData()); }
};

} // namespace

class TestCliPassword : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_pw; // file with the project's password
    QString m_pw2; // file with another password

    RunResult run(const QStringList& args)
    {
        return runMarketlens(
            args, m_tmp.path(), m_tmp.filePath(QStringLiteral("data")), m_tmp.path());
    }
    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    // A new encrypted project (fast test parameters) holding the Dow Jones prices.
    QString makeProject(const QString& name)
    {
        const QString p = m_tmp.filePath(name);
        const RunResult made
            = run({QStringLiteral("new"), p, QStringLiteral("--encrypt"), QStringLiteral("--kdf"),
                QStringLiteral("interactive"), QStringLiteral("--password-file"), m_pw});
        if (made.exitCode != 0)
            qFatal("new --encrypt: %s", qPrintable(made.err));
        const RunResult imported
            = run({QStringLiteral("import"), p, kDj, QStringLiteral("--password-file=") + m_pw});
        if (imported.exitCode != 0)
            qFatal("import: %s", qPrintable(imported.err));
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qunsetenv("MARKETLENS_PASSWORD");
        qunsetenv("MARKETLENS_NEW_PASSWORD");
        m_pw = writeFile(QStringLiteral("pw.txt"), "correct horse battery\n");
        m_pw2 = writeFile(QStringLiteral("pw2.txt"), "another one\r\nsecond line ignored\n");
    }

    void newImportRiskInfoEncrypted()
    {
        const QString p = m_tmp.filePath(QStringLiteral("enc.mlens"));
        RunResult r = run({QStringLiteral("new"), p, QStringLiteral("--encrypt"),
            QStringLiteral("--kdf"), QStringLiteral("interactive"),
            QStringLiteral("--password-file"), m_pw, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.json().value(QStringLiteral("encrypted")).toBool());
        QCOMPARE(head16(p), kMagic);
        r = run({QStringLiteral("import"), p, kDj, QStringLiteral("--password-file"), m_pw,
            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("rowsAccepted")).toInteger(), 2529);
        QCOMPARE(head16(p), kMagic);
        QVERIFY(!QFile::exists(p + QStringLiteral(".saving")));

        // info through the environment variable.
        {
            EnvVar env("MARKETLENS_PASSWORD", "correct horse battery");
            r = run({QStringLiteral("info"), p, QStringLiteral("--json")});
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject info = r.json();
        QVERIFY(info.value(QStringLiteral("encrypted")).toBool());
        const QJsonArray instruments = info.value(QStringLiteral("instruments")).toArray();
        QCOMPARE(instruments.size(), 30);
        for (const char* ticker : {"AA", "MSFT", "DIS"}) {
            const QString t = QString::fromLatin1(ticker);
            QCOMPARE(findByKey(instruments, QStringLiteral("ticker"), t)
                         .value(QStringLiteral("rows"))
                         .toInt(),
                djRows(t));
        }
        r = run({QStringLiteral("info"), p, QStringLiteral("--password-file"), m_pw});
        QVERIFY(r.out.contains(QLatin1String("(file version 5, encrypted)")));

        // risk reads the encrypted project and stores its run in it.
        r = run({QStringLiteral("risk"), p, QStringLiteral("--instruments"),
            QStringLiteral("AA,IBM"), QStringLiteral("--method"), QStringLiteral("historical"),
            QStringLiteral("--json"), QStringLiteral("--password-file"), m_pw});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const double var = historicalVar95(r.json(), QStringLiteral("AA"));
        const double expected = oracleValue(QStringLiteral("VaR_hist_95"), QStringLiteral("AA"));
        QVERIFY2(std::abs(var - expected) <= 1e-9 * std::abs(expected),
            qPrintable(QStringLiteral("%1 vs %2").arg(var).arg(expected)));
        r = run({QStringLiteral("info"), p, QStringLiteral("--json"),
            QStringLiteral("--password-file"), m_pw});
        QCOMPARE(r.json().value(QStringLiteral("riskRuns")).toInt(), 1);
        QFile file(p);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const char* known : {"SQLite format 3", "MSFT", "1990-12-31", "dowjones30"})
            QVERIFY2(!bytes.contains(known), known);
    }

    void passwordErrors()
    {
        const QString p = makeProject(QStringLiteral("errors.mlens"));
        // No password: exit 2, the file named, PasswordRequired.
        RunResult r = run({QStringLiteral("info"), p, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("PasswordRequired"));
        QVERIFY(r.err.contains(p));
        QVERIFY(r.err.contains(QLatin1String("password")));
        // Wrong password: a clear message naming the file.
        r = run({QStringLiteral("info"), p, QStringLiteral("--password-file"), m_pw2,
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("WrongPassword"));
        QVERIFY2(r.err.contains(p + QStringLiteral(": wrong password")), qPrintable(r.err));
        {
            EnvVar env("MARKETLENS_PASSWORD", "correct horse");
            r = run(
                {QStringLiteral("risk"), p, QStringLiteral("--instruments"), QStringLiteral("AA")});
        }
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("wrong password")));
        // An unreadable or empty password file is an error before anything is opened.
        r = run({QStringLiteral("info"), p, QStringLiteral("--password-file"),
            m_tmp.filePath(QStringLiteral("missing.txt"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("missing.txt")));
        r = run({QStringLiteral("info"), p, QStringLiteral("--password-file"),
            writeFile(QStringLiteral("empty.txt"), "\n")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("empty")));
        // A damaged file: Tampered, not a wrong password.
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 5);
        const char c = f.read(1).at(0);
        f.seek(f.size() - 5);
        f.write(QByteArray(1, char(c ^ 0x20)));
        f.close();
        r = run({QStringLiteral("info"), p, QStringLiteral("--password-file"), m_pw,
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("Tampered"));
    }

    void setChangeRemove()
    {
        const QString p = m_tmp.filePath(QStringLiteral("plain.mlens"));
        QCOMPARE(run({QStringLiteral("new"), p}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("import"), p, kDj}).exitCode, 0);
        // Usage errors: no action, two actions, no new password.
        QCOMPARE(run({QStringLiteral("password"), p}).exitCode, 1);
        QCOMPARE(run({QStringLiteral("password"), p, QStringLiteral("--set"),
                         QStringLiteral("--remove")})
                     .exitCode,
            1);
        QCOMPARE(run({QStringLiteral("password"), p, QStringLiteral("--set")}).exitCode, 1);
        // --set from MARKETLENS_NEW_PASSWORD.
        RunResult r;
        {
            EnvVar env("MARKETLENS_NEW_PASSWORD", "first secret");
            r = run({QStringLiteral("password"), p, QStringLiteral("--set"),
                QStringLiteral("--kdf"), QStringLiteral("interactive"), QStringLiteral("--json")});
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("action")).toString(), QStringLiteral("set"));
        QCOMPARE(head16(p), kMagic);
        QCOMPARE(run({QStringLiteral("password"), p, QStringLiteral("--set"),
                         QStringLiteral("--new-password-file"), m_pw})
                     .exitCode,
            2); // already has one
        {
            EnvVar env("MARKETLENS_PASSWORD", "first secret");
            r = run({QStringLiteral("info"), p, QStringLiteral("--json")});
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("instruments")).toArray().size(), 30);
        // --change: the current password as for every command, the new one from a file.
        {
            EnvVar env("MARKETLENS_PASSWORD", "wrong");
            r = run({QStringLiteral("password"), p, QStringLiteral("--change"),
                QStringLiteral("--new-password-file"), m_pw2, QStringLiteral("--kdf"),
                QStringLiteral("interactive")});
        }
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("wrong password")));
        {
            EnvVar env("MARKETLENS_PASSWORD", "first secret");
            r = run({QStringLiteral("password"), p, QStringLiteral("--change"),
                QStringLiteral("--new-password-file"), m_pw2, QStringLiteral("--kdf"),
                QStringLiteral("interactive")});
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            EnvVar env("MARKETLENS_PASSWORD", "first secret");
            QCOMPARE(run({QStringLiteral("info"), p}).exitCode, 2);
        }
        // The password is the file's first line without its line end ("another one").
        {
            EnvVar env("MARKETLENS_PASSWORD", "another one");
            QCOMPARE(run({QStringLiteral("info"), p}).exitCode, 0);
        }
        // --remove: a plain SQLite project again, with everything in it.
        r = run({QStringLiteral("password"), p, QStringLiteral("--remove"),
            QStringLiteral("--password-file"), m_pw2, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.json().value(QStringLiteral("encrypted")).toBool());
        QCOMPARE(head16(p), QByteArray("SQLite format 3\0", 16));
        r = run({QStringLiteral("info"), p, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.json().value(QStringLiteral("encrypted")).toBool());
        QCOMPARE(findByKey(r.json().value(QStringLiteral("instruments")).toArray(),
                     QStringLiteral("ticker"), QStringLiteral("MSFT"))
                     .value(QStringLiteral("rows"))
                     .toInt(),
            djRows(QStringLiteral("MSFT")));
        QCOMPARE(run({QStringLiteral("password"), p, QStringLiteral("--remove")}).exitCode, 2);
    }

    // Every file the import creates or renames is the project or its temporary file, and the
    // project on disk starts with the encrypted magic: no plaintext temporary file, no journal.
    void straceImportWritesOnlyEncryptedFiles()
    {
        const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
        if (strace.isEmpty())
            QSKIP("strace is not installed");
        const QString p = m_tmp.filePath(QStringLiteral("traced.mlens"));
        QCOMPARE(
            run({QStringLiteral("new"), p, QStringLiteral("--encrypt"), QStringLiteral("--kdf"),
                    QStringLiteral("interactive"), QStringLiteral("--password-file"), m_pw})
                .exitCode,
            0);
        const QString trace = m_tmp.filePath(QStringLiteral("trace.txt"));
        QProcess probe;
        probe.start(strace,
            {QStringLiteral("-f"), QStringLiteral("-o"), trace, QStringLiteral("-e"),
                QStringLiteral("trace=openat,creat,rename"), QStringLiteral("true")});
        probe.waitForFinished(60000);
        if (probe.exitCode() != 0)
            QSKIP(qPrintable(QStringLiteral("strace cannot trace here (ptrace not permitted?): ")
                + QString::fromUtf8(probe.readAllStandardError()).trimmed()));
        QProcess traced;
        traced.setWorkingDirectory(m_tmp.path());
        traced.start(strace,
            {QStringLiteral("-f"), QStringLiteral("-o"), trace, QStringLiteral("-e"),
                QStringLiteral("trace=openat,creat,rename"), QStringLiteral(MARKETLENS_EXE),
                QStringLiteral("import"), p, kDj, QStringLiteral("--password-file"), m_pw});
        QVERIFY(traced.waitForFinished(300000));
        QVERIFY2(traced.exitCode() == 0, traced.readAllStandardError().constData());
        QFile t(trace);
        QVERIFY(t.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(t.readAll());
        // openat(..., "PATH", ...O_CREAT...), creat("PATH", ...), rename("FROM", "PATH")
        const QRegularExpression created(QStringLiteral(
            "(?:openat\\([^,]+, \"([^\"]+)\", [^)]*O_CREAT[^)]*\\)|creat\\(\"([^\"]+)\""
            "|rename\\(\"[^\"]+\", \"([^\"]+)\"\\))"));
        QStringList written;
        auto it = created.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString path = !m.captured(1).isEmpty() ? m.captured(1)
                : !m.captured(2).isEmpty()                ? m.captured(2)
                                                          : m.captured(3);
            if (!path.startsWith(QLatin1String("/dev/")))
                written << QDir::cleanPath(QDir(m_tmp.path()).absoluteFilePath(path));
        }
        QVERIFY2(!written.isEmpty(), qPrintable(text.left(2000)));
        QVERIFY(written.contains(QDir::cleanPath(p))); // the rename into place
        for (const QString& w : written)
            QVERIFY2(w == QDir::cleanPath(p) || w == QDir::cleanPath(p + QStringLiteral(".saving")),
                qPrintable(QStringLiteral("the import wrote %1").arg(w)));
        QCOMPARE(head16(p), kMagic);
        QVERIFY(!QFile::exists(p + QStringLiteral(".saving")));
        QVERIFY(!QFile::exists(p + QStringLiteral("-journal")));
    }
};

QTEST_GUILESS_MAIN(TestCliPassword)
#include "test_cli_password.moc"
