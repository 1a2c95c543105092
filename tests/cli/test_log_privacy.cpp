// Logs never contain portfolio contents or passwords (issue 8, docs/privacy.md). A project holds a
// sentinel ticker, portfolio name, quantity, cost basis and price; the command line imports,
// lists, analyses, trains on, scores, reports and copies it with every Qt logging category at
// debug level (QT_LOGGING_RULES="*.debug=true"). The sentinels may appear on stdout (the results
// the user asked for) but never in the logging on stderr, except in a deliberate user-facing
// error that names the file it is about; nor in any file the runs leave in the home, config,
// cache or data folders (settings, caches, logs). With encrypted projects built in, a sentinel
// password (given through --password-file and MARKETLENS_PASSWORD) never appears anywhere.
#include "cli_test_support.h"

#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cli_test;

namespace {

const QString kTicker = QStringLiteral("ZQXPRIV");
const QString kPortfolio = QStringLiteral("ZqxBook");
const QString kQuantity = QStringLiteral("7345.125");
const QString kCostBasis = QStringLiteral("1234.5678");
const QString kPrice = QStringLiteral("4242.4242");
const QString kPassword = QStringLiteral("Sentinel-Pa55-QZV");

} // namespace

class TestLogPrivacy : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_project;
    QString m_prices;
    QString m_holdings;
    QStringList m_namedFiles; // the files an error may name (and so quote from)
    bool m_encrypted = false;

    QString path(const QString& name) const { return QDir(m_tmp.path()).filePath(name); }

    QStringList sentinels() const
    {
        QStringList s = {kTicker, kPortfolio, kQuantity, kCostBasis, kPrice};
        if (m_encrypted)
            s << kPassword;
        return s;
    }

    RunResult run(const QStringList& args, const QProcessEnvironment& extra = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        for (const QString& k : extra.keys())
            env.insert(k, extra.value(k));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_tmp.path());
        p.start(QStringLiteral(MARKETLENS_EXE), args);
        RunResult r;
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Every stderr line that shows a sentinel must be an error about a named file.
    void expectNoSentinelInLog(const QString& what, const QString& err)
    {
        const QStringList lines = err.split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            for (const QString& s : sentinels()) {
                if (!line.contains(s, Qt::CaseInsensitive))
                    continue;
                const bool namesFile = std::any_of(m_namedFiles.cbegin(), m_namedFiles.cend(),
                    [&](const QString& f) { return line.contains(f); });
                QVERIFY2(namesFile && s != kPassword,
                    qPrintable(QStringLiteral("%1: stderr shows %2: %3").arg(what, s, line)));
            }
        }
    }

    void runClean(const QStringList& args, const QProcessEnvironment& extra = {})
    {
        const RunResult r = run(args, extra);
        QVERIFY2(r.exitCode == 0,
            qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        expectNoSentinelInLog(args.first(), r.err);
    }

    void writeFile(const QString& file, const QByteArray& content)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), content.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_project = path(QStringLiteral("private.mlens"));
        m_prices = path(QStringLiteral("prices.csv"));
        m_holdings = path(QStringLiteral("holdings.csv"));
        m_namedFiles = {m_prices, m_holdings, m_project};
        // 320 business days around 4242, the sentinel close on day 150.
        QByteArray prices = "date,ticker,open,high,low,close,volume\n";
        QDate d(2020, 1, 1);
        for (int i = 0; i < 320; d = d.addDays(1)) {
            if (d.dayOfWeek() > 5)
                continue;
            const double close = i == 150 ? 4242.4242 : 4200.0 + 40.0 * std::sin(i / 9.0) + i * 0.1;
            const QByteArray c = QByteArray::number(close, 'f', 4);
            prices += d.toString(Qt::ISODate).toUtf8() + ',' + kTicker.toUtf8() + ',' + c + ',' + c
                + ',' + c + ',' + c + ",1000\n";
            ++i;
        }
        writeFile(m_prices, prices);
        writeFile(m_holdings,
            "Symbol,Shares,Avg Cost,CCY\n" + kTicker.toUtf8() + ',' + kQuantity.toUtf8() + ','
                + kCostBasis.toUtf8() + ",USD\n");
        const RunResult r = run({QStringLiteral("new"), m_project});
        QCOMPARE(r.exitCode, 0);
    }

    void commandsKeepContentsOutOfLogs()
    {
        runClean({QStringLiteral("import"), m_project, m_prices});
        runClean({QStringLiteral("import"), m_project, m_holdings, QStringLiteral("--portfolio"),
            kPortfolio});
        runClean({QStringLiteral("import"), m_project,
            QDir(QStringLiteral(MARKETLENS_TEST_DATA))
                .filePath(QStringLiteral("news/news_reuters21578_acq_crude.csv")),
            QStringLiteral("--tickers"), kTicker});
        // The results themselves name the holdings (stdout): the sentinels are really in there.
        const RunResult info = run({QStringLiteral("info"), m_project});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains(kTicker) && info.out.contains(kPortfolio)
                && info.out.contains(kQuantity) && info.out.contains(kCostBasis),
            qPrintable(info.out));
        expectNoSentinelInLog(QStringLiteral("info"), info.err);
        runClean({QStringLiteral("info"), m_project, QStringLiteral("--json")});
        runClean({QStringLiteral("risk"), m_project, QStringLiteral("--portfolio"), kPortfolio});
        runClean({QStringLiteral("train"), m_project, QStringLiteral("--ticker"), kTicker,
            QStringLiteral("--model"), QStringLiteral("mlp"), QStringLiteral("--epochs"),
            QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu")});
        runClean({QStringLiteral("models"), m_project});
        runClean({QStringLiteral("sentiment"), m_project});
        runClean({QStringLiteral("report"), m_project, QStringLiteral("--out"),
            path(QStringLiteral("r.pdf")), QStringLiteral("--portfolio"), kPortfolio});
        runClean({QStringLiteral("report"), m_project, QStringLiteral("--out"),
            path(QStringLiteral("r.html")), QStringLiteral("--portfolio"), kPortfolio});
        runClean({QStringLiteral("save-as"), m_project, path(QStringLiteral("copy.mlens"))});
    }

    // A deliberate error may quote the bad row, naming its file and line: that is the user's own
    // terminal being told what is wrong with the user's own file.
    void errorsNameTheirFile()
    {
        const QString bad = path(QStringLiteral("bad_holdings.csv"));
        m_namedFiles << bad;
        writeFile(bad,
            "Symbol,Shares,Avg Cost,CCY\n" + kTicker.toUtf8() + ",not-a-number,"
                + kCostBasis.toUtf8() + ",USD\n");
        const RunResult r
            = run({QStringLiteral("import"), m_project, bad, QStringLiteral("--strict")});
        QVERIFY2(r.exitCode == 2, qPrintable(r.err));
        QVERIFY2(r.err.contains(bad), qPrintable(r.err));
        expectNoSentinelInLog(QStringLiteral("import --strict"), r.err);
    }

    // An encrypted project: the password comes from a file or the environment and never comes back
    // in any output, also not in the error for a wrong one.
    void passwordsStayOutOfLogs()
    {
        const QString passwordFile = path(QStringLiteral("password.txt"));
        const QString newPasswordFile = path(QStringLiteral("new-password.txt"));
        writeFile(passwordFile, kPassword.toUtf8() + '\n');
        writeFile(newPasswordFile, kPassword.toUtf8() + "-new\n");
        const QString project = path(QStringLiteral("encrypted.mlens"));
        QProcessEnvironment withPassword;
        withPassword.insert(QStringLiteral("MARKETLENS_PASSWORD"), kPassword);
        RunResult r = run({QStringLiteral("new"), project, QStringLiteral("--encrypt"),
                              QStringLiteral("--kdf"), QStringLiteral("interactive")},
            withPassword);
        if (r.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("encrypted projects are not built in: ") + r.err));
        m_encrypted = true;
        m_namedFiles << project;
        const auto checked = [&](const RunResult& result, const QString& what) {
            for (const QString& text : {result.out, result.err})
                QVERIFY2(!text.contains(kPassword), qPrintable(what + QStringLiteral(": ") + text));
            expectNoSentinelInLog(what, result.err);
        };
        checked(r, QStringLiteral("new --encrypt"));
        r = run({QStringLiteral("import"), project, m_prices, QStringLiteral("--password-file"),
            passwordFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        checked(r, QStringLiteral("import"));
        r = run({QStringLiteral("info"), project}, withPassword);
        QVERIFY2(r.exitCode == 0 && r.out.contains(kTicker), qPrintable(r.err));
        checked(r, QStringLiteral("info"));
        // A wrong password (the sentinel with a suffix) is refused without echoing either.
        QProcessEnvironment wrong;
        wrong.insert(QStringLiteral("MARKETLENS_PASSWORD"), kPassword + QStringLiteral("-wrong"));
        r = run({QStringLiteral("info"), project}, wrong);
        QCOMPARE(r.exitCode, 2);
        checked(r, QStringLiteral("info with a wrong password"));
        r = run({QStringLiteral("password"), project, QStringLiteral("--change"),
            QStringLiteral("--new-password-file"), newPasswordFile, QStringLiteral("--kdf"),
            QStringLiteral("interactive"), QStringLiteral("--password-file"), passwordFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        checked(r, QStringLiteral("password --change"));
        // The encrypted file itself holds neither the password nor the plaintext rows.
        QFile f(project);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(kPassword.toUtf8()));
        QVERIFY(!bytes.contains(kTicker.toUtf8()));
    }

    // The folders the runs may write to besides the project: settings, caches, any log file.
    void noSentinelInUserFolders()
    {
        for (const QString& folder : {QStringLiteral("home"), QStringLiteral("config"),
                 QStringLiteral("cache"), QStringLiteral("data")}) {
            QDirIterator it(path(folder), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray content = f.readAll();
                for (const QString& s : sentinels())
                    QVERIFY2(
                        !content.contains(s.toUtf8()), qPrintable(file + QStringLiteral(": ") + s));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLogPrivacy)
#include "test_log_privacy.moc"
