// Private by construction (issue 8): the command line makes no network connection. `import`,
// `risk`, `train`, `sentiment` and `report` run under `strace -f -e trace=network`; no socket of
// the Internet families (AF_INET, AF_INET6) may be created, and no connect/sendto/sendmsg/bind may
// name such an address. Local sockets (AF_UNIX: fontconfig, D-Bus; AF_NETLINK: interface queries
// of libraries) are listed, not failures.
//
// Where ptrace is not allowed (some containers), the commands run instead in a network namespace
// without interfaces (`unshare -rn`), where any connection would fail: they must still succeed.
// Without either, the test is skipped with the reason. MARKETLENS_NO_NETWORK_MODE=unshare forces
// the namespace variant.
#include "cli_test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cli_test;

namespace {

QString testData(const QString& name)
{
    return QDir(QStringLiteral(MARKETLENS_TEST_DATA)).filePath(name);
}

// True when `program args` runs and exits with 0 (the tool exists and is allowed here).
bool works(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The address families a strace log shows, per system call, and the offending lines.
struct NetworkUse {
    QMap<QString, QSet<QString>> familiesByCall; // "socket" -> {"AF_UNIX"}
    QStringList internet; // lines that create or address an AF_INET/AF_INET6 socket
};

NetworkUse parseStrace(const QString& log)
{
    NetworkUse use;
    static const QRegularExpression call(QStringLiteral(
        R"(\b(socket|socketpair|connect|bind|sendto|sendmsg|sendmmsg|recvfrom|recvmsg|accept4?)\()"));
    static const QRegularExpression socketFamily(
        QStringLiteral(R"(\bsocket(?:pair)?\((AF_\w+|\d+))"));
    static const QRegularExpression addressFamily(QStringLiteral(R"(sa_family=(AF_\w+|\d+))"));
    const QStringList lines = log.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QRegularExpressionMatch c = call.match(line);
        if (!c.hasMatch())
            continue;
        QSet<QString> families;
        if (const auto m = socketFamily.match(line); m.hasMatch())
            families << m.captured(1);
        auto it = addressFamily.globalMatch(line);
        while (it.hasNext())
            families << it.next().captured(1);
        use.familiesByCall[c.captured(1)].unite(families);
        if (families.contains(QStringLiteral("AF_INET"))
            || families.contains(QStringLiteral("AF_INET6"))
            // Numeric families: 2 and 10 are AF_INET and AF_INET6 on Linux.
            || families.contains(QStringLiteral("2")) || families.contains(QStringLiteral("10")))
            use.internet << line.trimmed();
    }
    return use;
}

} // namespace

class TestNoNetwork : public QObject {
    Q_OBJECT
private:
    enum class Mode { Strace, Namespace };
    Mode m_mode = Mode::Strace;
    QString m_tool; // strace or unshare, full path
    QTemporaryDir m_tmp;
    QString m_project;
    int m_logs = 0;
    QMap<QString, QSet<QString>> m_seen; // every family seen, per call, over all commands

    QString path(const QString& name) const { return QDir(m_tmp.path()).filePath(name); }

    // Runs one command under strace (or in the empty network namespace) and checks what it did.
    void runChecked(const QStringList& args)
    {
        const QString log = path(QStringLiteral("strace-%1.log").arg(++m_logs));
        QStringList wrapped;
        if (m_mode == Mode::Strace)
            wrapped << QStringLiteral("-f") << QStringLiteral("-e")
                    << QStringLiteral("trace=network") << QStringLiteral("-o") << log;
        else
            wrapped << QStringLiteral("-rn");
        wrapped << QStringLiteral(MARKETLENS_EXE) << args;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_tmp.path());
        p.start(m_tool, wrapped);
        QVERIFY2(p.waitForFinished(300000), qPrintable(args.join(QLatin1Char(' '))));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
            qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + err));
        if (m_mode == Mode::Namespace)
            return;
        QFile f(log);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(log));
        const QString text = QString::fromUtf8(f.readAll());
        // strace really followed the process to its end.
        QVERIFY2(
            text.contains(QLatin1String("+++ exited with 0 +++")), qPrintable(text.right(500)));
        const NetworkUse use = parseStrace(text);
        for (auto it = use.familiesByCall.cbegin(); it != use.familiesByCall.cend(); ++it)
            m_seen[it.key()].unite(it.value());
        QVERIFY2(use.internet.isEmpty(),
            qPrintable(args.first() + QStringLiteral(" used an Internet socket:\n")
                + use.internet.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        const bool forceNamespace
            = qgetenv("MARKETLENS_NO_NETWORK_MODE") == QByteArrayLiteral("unshare");
        if (!forceNamespace && !strace.isEmpty()
            && works(strace,
                {QStringLiteral("-f"), QStringLiteral("-e"), QStringLiteral("trace=network"),
                    QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("true")})) {
            m_mode = Mode::Strace;
            m_tool = strace;
        } else if (!unshare.isEmpty()
            && works(unshare, {QStringLiteral("-rn"), QStringLiteral("true")})) {
            m_mode = Mode::Namespace;
            m_tool = unshare;
            qInfo("strace cannot trace here (ptrace not permitted or strace missing): running the "
                  "commands in a network namespace without interfaces instead");
        } else {
            QSKIP("neither strace (ptrace) nor unshare -rn (user namespaces) is permitted here: "
                  "cannot observe or cut the network");
        }
        m_project = path(QStringLiteral("p.mlens"));
        const RunResult r = runMarketlens({QStringLiteral("new"), m_project}, m_tmp.path(),
            path(QStringLiteral("data")), m_tmp.path());
        QCOMPARE(r.exitCode, 0);
    }

    void importPricesHoldingsAndNews()
    {
        runChecked({QStringLiteral("import"), m_project, testData(QStringLiteral("swx_prices.csv")),
            testData(QStringLiteral("msft_ohlcv.csv")),
            testData(QStringLiteral("import/holdings.csv"))});
        runChecked({QStringLiteral("import"), m_project,
            testData(QStringLiteral("news/news_reuters21578_acq_crude.csv")),
            QStringLiteral("--tickers"), QStringLiteral("SPI")});
    }

    void risk()
    {
        runChecked({QStringLiteral("risk"), m_project, QStringLiteral("--instruments"),
            QStringLiteral("SPI,SBI,SII"), QStringLiteral("--no-save")});
    }

    void train()
    {
        runChecked({QStringLiteral("train"), m_project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT_OHLCV"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--device"),
            QStringLiteral("cpu")});
    }

    void sentiment() { runChecked({QStringLiteral("sentiment"), m_project}); }

    void report()
    {
        runChecked({QStringLiteral("report"), m_project, QStringLiteral("--out"),
            path(QStringLiteral("r.pdf"))});
        QVERIFY(QFileInfo(path(QStringLiteral("r.pdf"))).size() > 1000);
    }

    void cleanupTestCase()
    {
        if (m_mode != Mode::Strace)
            return;
        // What was seen, for the record (local sockets are allowed).
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
            QStringList families(it.value().cbegin(), it.value().cend());
            families.sort();
            qInfo("%s: %s", qPrintable(it.key()),
                qPrintable(families.isEmpty() ? QStringLiteral("(no address)")
                                              : families.join(QStringLiteral(", "))));
        }
        if (m_seen.isEmpty())
            qInfo("no network system call at all in %d traced commands", m_logs);
    }
};

QTEST_GUILESS_MAIN(TestNoNetwork)
#include "test_no_network.moc"
