// A full disk (issue 8): `import`, `train` and `save-as` run with a file size limit
// (RLIMIT_FSIZE, set in the child between fork and exec) that the write they attempt must cross.
// marketlens ignores SIGXFSZ, so the write fails with EFBIG instead of killing the process; the
// command must then say that the file is too large (or the disk full) and name the file, exit
// with 2, and leave the project exactly as it was (integrity_check ok, same content), with no
// journal or temporary copy left behind.
#include "cli_test_support.h"
#include "project_state.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace cli_test;

class TestDiskFull : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work;
    QString m_base; // MSFT_OHLCV prices and a portfolio
    QByteArray m_baseState;

    QString path(const QString& name) const { return QDir(m_work).filePath(name); }
    static QString testData(const QString& name)
    {
        return QDir(QStringLiteral(MARKETLENS_TEST_DATA)).filePath(name);
    }

    // Runs marketlens with files limited to `limitBytes` (no limit when negative).
    RunResult run(const QStringList& args, qint64 limitBytes = -1)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_work);
        if (limitBytes >= 0) {
            p.setChildProcessModifier([limitBytes] {
                rlimit limit {};
                limit.rlim_cur = static_cast<rlim_t>(limitBytes);
                limit.rlim_max = static_cast<rlim_t>(limitBytes);
                setrlimit(RLIMIT_FSIZE, &limit); // async-signal-safe, between fork and exec
            });
        }
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

    // A refusal that says why (the size limit or a full disk) and which file.
    static void expectClearError(const RunResult& r, const QString& file)
    {
        QVERIFY2(
            r.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(QLatin1String("file is too large"))
                || r.err.contains(QLatin1String("disk is full")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(file), qPrintable(r.err));
    }

    // `project` holds `state` again and nothing the failed write left is lying next to it. A
    // rollback journal SQLite could not delete would be harmless (the next open rolls it back):
    // it is reported, and must be gone after that open.
    static void expectUnchanged(const QString& project, const QByteArray& state)
    {
        const QStringList left = project_state::sideFiles(project);
        QVERIFY2(!left.join(QLatin1Char(' ')).contains(QLatin1String(".saving")),
            qPrintable(left.join(QLatin1Char(' '))));
        if (!left.isEmpty())
            qInfo("left after the failed write (rolled back by the next open): %s",
                qPrintable(left.join(QLatin1Char(' '))));
        const project_state::State s = project_state::read(project);
        QVERIFY2(s.ok, qPrintable(s.error));
        QVERIFY(s.digest == state);
        QCOMPARE(project_state::sideFiles(project), QStringList());
    }

    QString copyOfBase(const QString& name)
    {
        const QString p = path(name);
        project_state::removeWithSideFiles(p);
        if (!QFile::copy(m_base, p))
            qFatal("cannot copy %s", qPrintable(p));
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_work = m_tmp.path();
        m_base = path(QStringLiteral("base.mlens"));
        QCOMPARE(run({QStringLiteral("new"), m_base}).exitCode, 0);
        const RunResult r
            = run({QStringLiteral("import"), m_base, testData(QStringLiteral("msft_ohlcv.csv")),
                testData(QStringLiteral("import/holdings.csv"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const project_state::State s = project_state::read(m_base);
        QVERIFY2(s.ok, qPrintable(s.error));
        m_baseState = s.digest;
    }

    // 11,502 prices need more pages than the limit leaves (one page of 16 KiB).
    void importPastTheLimit()
    {
        const QString project = copyOfBase(QStringLiteral("import.mlens"));
        const qint64 limit = QFileInfo(project).size() + 1024;
        const RunResult r = run(
            {QStringLiteral("import"), project, testData(QStringLiteral("swx_prices.csv"))}, limit);
        expectClearError(r, project);
        expectUnchanged(project, m_baseState);
        // The same import without the limit works: the failure was the limit's.
        QCOMPARE(
            run({QStringLiteral("import"), project, testData(QStringLiteral("swx_prices.csv"))})
                .exitCode,
            0);
    }

    // The trained model's weights (86 KiB for this MLP) do not fit.
    void trainPastTheLimit()
    {
        const QString project = copyOfBase(QStringLiteral("train.mlens"));
        const qint64 limit = QFileInfo(project).size() + 1024;
        const RunResult r = run(
            {QStringLiteral("train"), project, QStringLiteral("--ticker"),
                QStringLiteral("MSFT_OHLCV"), QStringLiteral("--model"), QStringLiteral("mlp"),
                QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--seed"),
                QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu")},
            limit);
        expectClearError(r, project);
        expectUnchanged(project, m_baseState);
    }

    // A copy cannot be larger than the limit: below the source's size, the save fails and leaves
    // neither a partial DEST nor its temporary copy; an existing DEST keeps its old content.
    void saveAsPastTheLimit()
    {
        const QString source = copyOfBase(QStringLiteral("source.mlens"));
        const qint64 limit = QFileInfo(source).size() / 2;
        const QString dest = path(QStringLiteral("dest.mlens"));
        project_state::removeWithSideFiles(dest);
        RunResult r = run({QStringLiteral("save-as"), source, dest}, limit);
        expectClearError(r, dest);
        QVERIFY(!QFileInfo::exists(dest));
        QCOMPARE(project_state::sideFiles(dest), QStringList());
        expectUnchanged(source, m_baseState);

        // Over an existing, older DEST (a new, empty project).
        QCOMPARE(run({QStringLiteral("new"), dest}).exitCode, 0);
        const project_state::State old = project_state::read(dest);
        QVERIFY(old.ok && old.digest != m_baseState);
        r = run({QStringLiteral("save-as"), source, dest}, limit);
        expectClearError(r, dest);
        expectUnchanged(dest, old.digest);
        expectUnchanged(source, m_baseState);
        // Without the limit the copy is made, complete.
        r = run({QStringLiteral("save-as"), source, dest});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        expectUnchanged(dest, m_baseState);
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "test_disk_full.moc"
