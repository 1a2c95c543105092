// Crash consistency (issue 8): the command-line `import` (into a project that already holds data),
// `train` (the model is stored in the project) and `save-as` are killed with SIGKILL at seeded
// random moments spread over each operation's duration (measured once from an uninterrupted run),
// 104 kills in all, plus 12 kills each of an import into an encrypted project and of
// `password --set` when encrypted projects are built in. After every kill the project must open,
// pass PRAGMA integrity_check and hold exactly the state before or the state after the operation
// (project_state.h digests every table's rows, clock columns aside); a save-as destination must be
// absent, its old self, or a complete copy of the source.
//
// Slow test: about 1 minute on 2 idle cores (each kill starts the executable, which loads
// LibTorch), up to 3 minutes on busy ones. MARKETLENS_CRASH_SEED=N replays another set of kill
// times.
#include "cli_test_support.h"
#include "project_state.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <vector>

#include <signal.h>
#include <sys/types.h>

using namespace cli_test;

namespace {

constexpr int kImportKills = 40;
constexpr int kTrainKills = 30;
constexpr int kSaveKills = 34;
constexpr int kEncryptedKills = 12; // each of: encrypted import, password --set
constexpr const char* kPassword = "crash-test password";

QString testData(const QString& name)
{
    return QDir(QStringLiteral(MARKETLENS_TEST_DATA)).filePath(name);
}

// What happened to one run that was to be killed.
struct Outcome {
    bool finished = false; // ended by itself before the kill time
    int exitCode = -1;
    QString err;
};

} // namespace

class TestCrashConsistency : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_work;
    quint32 m_seed = 20261130;
    QRandomGenerator m_random;
    // Tally printed at the end: kills that left the state before / after, runs that finished.
    struct Tally {
        int before = 0;
        int after = 0;
        int finished = 0;
        int leftovers = 0; // side files (journal, .saving) found right after a kill
    };
    QMap<QString, Tally> m_tally;

    QString path(const QString& name) const { return QDir(m_work).filePath(name); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    // Runs marketlens with `args`, SIGKILLs it `killAtMs` after the start unless it ended before;
    // with killAtMs < 0 waits for the end. `elapsedMs` gets the run's duration.
    Outcome runAndKill(const QStringList& args, qint64 killAtMs, qint64* elapsedMs = nullptr)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.setWorkingDirectory(m_work);
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(MARKETLENS_EXE), args);
        Outcome o;
        if (!p.waitForStarted(60000)) {
            qWarning("marketlens did not start");
            return o;
        }
        const qint64 left = killAtMs < 0 ? 300000 : killAtMs - timer.elapsed();
        o.finished = left > 0 && p.waitForFinished(static_cast<int>(left));
        if (!o.finished && p.state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            p.waitForFinished(60000);
        }
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        if (o.finished && p.exitStatus() == QProcess::NormalExit)
            o.exitCode = p.exitCode();
        o.err = QString::fromUtf8(p.readAllStandardError());
        return o;
    }

    // Copies `from` over `to` (removing what a killed run left next to `to`).
    void copyProject(const QString& from, const QString& to)
    {
        project_state::removeWithSideFiles(to);
        QVERIFY2(QFile::copy(from, to), qPrintable(to));
    }

    // Kill times spread over [0, duration]: one uniformly drawn time in each of `n` equal slices,
    // so early (start-up), middle (parsing, training) and late (the commit) moments are all hit.
    std::vector<qint64> killTimes(qint64 durationMs, int n)
    {
        std::vector<qint64> times;
        for (int i = 0; i < n; ++i)
            times.push_back(static_cast<qint64>((i + m_random.generateDouble()) * durationMs / n));
        return times;
    }

    // Runs `args` once per slice of `durationMs` and kills it at a time drawn in that slice; a run
    // that ends by itself before its kill time (the machine got faster) is checked and repeated
    // with an earlier time, so there are exactly `n` kills. `prepare` resets the files before each
    // run, `check` judges what the run left.
    void killLoop(int n, qint64 durationMs, const QStringList& args,
        const std::function<void()>& prepare,
        const std::function<void(const Outcome&, qint64 killAt)>& check)
    {
        for (qint64 t : killTimes(durationMs, n)) {
            for (int attempt = 0;; ++attempt) {
                prepare();
                const Outcome o = runAndKill(args, t);
                check(o, t);
                if (QTest::currentTestFailed() || !o.finished)
                    break;
                QVERIFY2(attempt < 20, "the operation always ends before its kill time");
                t = t * 3 / 4;
            }
            if (QTest::currentTestFailed())
                return;
        }
    }

    // A rollback journal SQLite would replay: it exists and its header starts with the journal
    // magic (d9 d5 05 f9 20 a1 63 d7). A committed or rolled-back one is deleted, truncated or
    // has its header zeroed.
    static bool isHotJournal(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        return f.read(8) == QByteArray::fromHex("d9d505f920a163d7");
    }

    // The state a kill left in `project`: before or after, never anything else.
    void expectBeforeOrAfter(const QString& op, const QString& project, const Outcome& o,
        const QByteArray& before, const QByteArray& after, qint64 killAt)
    {
        Tally& t = m_tally[op];
        if (!project_state::sideFiles(project).isEmpty())
            ++t.leftovers;
        const project_state::State s = project_state::read(project);
        QVERIFY2(s.ok,
            qPrintable(QStringLiteral("%1 killed at %2 ms: %3").arg(op).arg(killAt).arg(s.error)));
        // Opening rolled a hot journal back. A journal may stay beside the file only when it is
        // not hot: empty or with a zeroed header (SQLite ignores it), never one that still holds
        // pages of the interrupted write.
        QVERIFY2(!isHotJournal(project + QStringLiteral("-journal")), qPrintable(op));
        if (o.finished) {
            QVERIFY2(o.exitCode == 0, qPrintable(op + QStringLiteral(": ") + o.err));
            QVERIFY2(s.digest == after,
                qPrintable(op + QStringLiteral(" finished: not the after state")));
            ++t.finished;
            return;
        }
        QVERIFY2(s.digest == before || s.digest == after,
            qPrintable(QStringLiteral("%1 killed at %2 ms left a state that is neither before nor "
                                      "after (%3 rows)")
                           .arg(op)
                           .arg(killAt)
                           .arg(s.rows)));
        ++(s.digest == before ? t.before : t.after);
    }

    // The reference run of an operation on a fresh copy of `start`: its duration and the state it
    // leaves (the "after" state every kill is compared with).
    void referenceRun(const QString& start, const QString& project, const QStringList& args,
        qint64& durationMs, QByteArray& after)
    {
        copyProject(start, project);
        const Outcome o = runAndKill(args, -1, &durationMs);
        QVERIFY2(o.finished && o.exitCode == 0, qPrintable(o.err));
        const project_state::State s = project_state::read(project);
        QVERIFY2(s.ok, qPrintable(s.error));
        after = s.digest;
        qInfo("%s: uninterrupted run %lld ms", qPrintable(args.first()), durationMs);
    }

    QString m_base; // MSFT_OHLCV prices and a portfolio: the "before" of import and train
    QByteArray m_baseState;
    QString m_passwordFile;

    // Whether this build has encrypted projects (the `password` command and libsodium).
    bool encryptionAvailable()
    {
        const QString probe = path(QStringLiteral("probe.mlens"));
        copyProject(m_base, probe);
        const Outcome o = runAndKill({QStringLiteral("password"), probe, QStringLiteral("--set"),
                                         QStringLiteral("--new-password-file"), m_passwordFile,
                                         QStringLiteral("--kdf"), QStringLiteral("interactive")},
            -1);
        return o.exitCode == 0 && marketlens::core::isEncryptedProject(probe.toStdString());
    }

    // A copy of the base project protected with the test password.
    void makeEncryptedBase(const QString& encrypted)
    {
        copyProject(m_base, encrypted);
        const Outcome o
            = runAndKill({QStringLiteral("password"), encrypted, QStringLiteral("--set"),
                             QStringLiteral("--new-password-file"), m_passwordFile,
                             QStringLiteral("--kdf"), QStringLiteral("interactive")},
                -1);
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_work = m_tmp.path();
        const QByteArray seed = qgetenv("MARKETLENS_CRASH_SEED");
        if (!seed.isEmpty())
            m_seed = seed.toUInt();
        m_random.seed(m_seed);
        qInfo("kill times seeded with %u (MARKETLENS_CRASH_SEED)", m_seed);
        m_base = path(QStringLiteral("base.mlens"));
        m_passwordFile = path(QStringLiteral("password.txt"));
        {
            QFile f(m_passwordFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(kPassword) + '\n');
        }
        // project_state::read opens encrypted projects with the test password.
        marketlens::core::setPasswordProvider([](const std::string&) {
            return std::optional<marketlens::core::Secret>(marketlens::core::Secret(kPassword));
        });
        RunResult r = runMarketlens(
            {QStringLiteral("new"), m_base}, m_work, path(QStringLiteral("data")), m_work);
        QCOMPARE(r.exitCode, 0);
        r = runMarketlens(
            {QStringLiteral("import"), m_base, testData(QStringLiteral("msft_ohlcv.csv")),
                testData(QStringLiteral("import/holdings.csv"))},
            m_work, path(QStringLiteral("data")), m_work);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const project_state::State s = project_state::read(m_base);
        QVERIFY2(s.ok, qPrintable(s.error));
        QVERIFY(s.rows > 249); // the prices and the holdings at least
        m_baseState = s.digest;
    }

    // An import of 1917 dates x 6 instruments (real SWX data) into the project with data.
    void killImport()
    {
        const QString project = path(QStringLiteral("import.mlens"));
        const QStringList args
            = {QStringLiteral("import"), project, testData(QStringLiteral("swx_prices.csv"))};
        qint64 duration = 0;
        QByteArray after;
        referenceRun(m_base, project, args, duration, after);
        QVERIFY(after != m_baseState);
        killLoop(
            kImportKills, duration, args, [&] { copyProject(m_base, project); },
            [&](const Outcome& o, qint64 t) {
                expectBeforeOrAfter(QStringLiteral("import"), project, o, m_baseState, after, t);
            });
    }

    // Training with the fewest epochs; the model (weights, metrics) is stored in the project.
    void killTrain()
    {
        const QString project = path(QStringLiteral("train.mlens"));
        const QStringList args = {QStringLiteral("train"), project, QStringLiteral("--ticker"),
            QStringLiteral("MSFT_OHLCV"), QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--seed"),
            QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu")};
        qint64 duration = 0;
        QByteArray after;
        referenceRun(m_base, project, args, duration, after);
        QVERIFY(after != m_baseState);
        killLoop(
            kTrainKills, duration, args, [&] { copyProject(m_base, project); },
            [&](const Outcome& o, qint64 t) {
                expectBeforeOrAfter(QStringLiteral("train"), project, o, m_baseState, after, t);
            });
    }

    // save-as of the larger imported project; every other kill over an existing (older) DEST.
    void killSaveAs()
    {
        const QString source = path(QStringLiteral("source.mlens"));
        const QString dest = path(QStringLiteral("dest.mlens"));
        {
            copyProject(m_base, source);
            const Outcome o = runAndKill(
                {QStringLiteral("import"), source, testData(QStringLiteral("swx_prices.csv"))}, -1);
            QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        }
        const project_state::State src = project_state::read(source);
        QVERIFY2(src.ok, qPrintable(src.error));
        const QStringList args = {QStringLiteral("save-as"), source, dest};
        qint64 duration = 0;
        {
            project_state::removeWithSideFiles(dest);
            const Outcome o = runAndKill(args, -1, &duration);
            QVERIFY2(o.finished && o.exitCode == 0, qPrintable(o.err));
            const project_state::State copy = project_state::read(dest);
            QVERIFY2(copy.ok && copy.digest == src.digest, qPrintable(copy.error));
        }
        Tally& tally = m_tally[QStringLiteral("save-as")];
        int runs = 0;
        bool destExisted = false;
        const auto prepare = [&] {
            destExisted = runs++ % 2 == 1;
            project_state::removeWithSideFiles(dest);
            if (destExisted)
                copyProject(m_base, dest);
        };
        killLoop(kSaveKills, duration, args, prepare, [&](const Outcome& o, qint64 t) {
            if (QFileInfo::exists(dest + QStringLiteral(".saving")))
                ++tally.leftovers; // the unfinished copy: never opened, replaced by the next save
            // The source is only read.
            const project_state::State s = project_state::read(source);
            QVERIFY2(s.ok && s.digest == src.digest, qPrintable(s.error));
            const QString what = QStringLiteral("save-as killed at %1 ms (DEST %2)")
                                     .arg(t)
                                     .arg(destExisted ? "existed" : "absent");
            if (o.finished)
                QVERIFY2(o.exitCode == 0, qPrintable(o.err));
            if (!QFileInfo::exists(dest)) {
                QVERIFY2(!destExisted && !o.finished, qPrintable(what + ": DEST vanished"));
                ++tally.before;
                return;
            }
            const project_state::State d = project_state::read(dest);
            QVERIFY2(d.ok, qPrintable(what + QStringLiteral(": ") + d.error));
            const bool old = destExisted && d.digest == m_baseState;
            QVERIFY2(old || d.digest == src.digest,
                qPrintable(what + QStringLiteral(": DEST is neither old nor a complete copy")));
            if (o.finished)
                ++tally.finished;
            else
                ++(old ? tally.before : tally.after);
        });
    }

    // An import into an encrypted project: each commit re-encrypts the database image and replaces
    // the file (temporary file, fsync, rename).
    void killEncryptedImport()
    {
        if (!encryptionAvailable())
            QSKIP("encrypted projects are not built in");
        const QString start = path(QStringLiteral("encrypted-base.mlens"));
        makeEncryptedBase(start);
        const project_state::State before = project_state::read(start);
        QVERIFY2(before.ok, qPrintable(before.error));
        const QString project = path(QStringLiteral("encrypted.mlens"));
        const QStringList args
            = {QStringLiteral("import"), project, testData(QStringLiteral("swx_prices.csv")),
                QStringLiteral("--password-file"), m_passwordFile};
        qint64 duration = 0;
        QByteArray after;
        referenceRun(start, project, args, duration, after);
        QVERIFY(after != before.digest);
        killLoop(
            kEncryptedKills, duration, args, [&] { copyProject(start, project); },
            [&](const Outcome& o, qint64 t) {
                QVERIFY(marketlens::core::isEncryptedProject(project.toStdString()));
                expectBeforeOrAfter(
                    QStringLiteral("encrypted import"), project, o, before.digest, after, t);
            });
    }

    // Protecting a plaintext project: the file is the plaintext project or the encrypted one with
    // the same content, never neither; no plaintext copy is left beside it.
    void killPasswordSet()
    {
        if (!encryptionAvailable())
            QSKIP("encrypted projects are not built in");
        const QString project = path(QStringLiteral("protect.mlens"));
        const QStringList args = {QStringLiteral("password"), project, QStringLiteral("--set"),
            QStringLiteral("--new-password-file"), m_passwordFile, QStringLiteral("--kdf"),
            QStringLiteral("interactive")};
        qint64 duration = 0;
        QByteArray after;
        referenceRun(m_base, project, args, duration, after);
        QVERIFY(marketlens::core::isEncryptedProject(project.toStdString()));
        Tally& tally = m_tally[QStringLiteral("password --set")];
        killLoop(
            kEncryptedKills, duration, args, [&] { copyProject(m_base, project); },
            [&](const Outcome& o, qint64 t) {
                const bool encrypted = marketlens::core::isEncryptedProject(project.toStdString());
                const project_state::State s = project_state::read(project);
                QVERIFY2(s.ok,
                    qPrintable(
                        QStringLiteral("password --set killed at %1 ms: %2").arg(t).arg(s.error)));
                // Plaintext: the content before; encrypted: the content after (the same rows).
                QVERIFY2(s.digest == (encrypted ? after : m_baseState),
                    qPrintable(QStringLiteral("password --set killed at %1 ms: the %2 file holds "
                                              "other content")
                                   .arg(t)
                                   .arg(encrypted ? "encrypted" : "plaintext")));
                const QStringList left = QDir(m_work).entryList(
                    {QStringLiteral("protect.mlens?*")}, QDir::Files | QDir::Hidden);
                if (!left.isEmpty())
                    ++tally.leftovers;
                if (o.finished) {
                    QVERIFY2(o.exitCode == 0 && encrypted, qPrintable(o.err));
                    ++tally.finished;
                } else {
                    ++(encrypted ? tally.after : tally.before);
                }
                for (const QString& f : left)
                    QFile::remove(QDir(m_work).filePath(f));
            });
    }

    void cleanupTestCase()
    {
        int kills = 0;
        for (auto it = m_tally.cbegin(); it != m_tally.cend(); ++it) {
            const Tally& t = it.value();
            kills += t.before + t.after;
            qInfo("%-16s killed %3d times: %3d left the state before, %3d the state after; "
                  "%2d runs ended before their kill time; %2d kills left a journal or a "
                  "temporary copy (rolled back or ignored)",
                qPrintable(it.key()), t.before + t.after, t.before, t.after, t.finished,
                t.leftovers);
        }
        qInfo("%d kills in all (seed %u)", kills, m_seed);
    }
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "test_crash_consistency.moc"
