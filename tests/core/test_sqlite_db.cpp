// The SQLite RAII wrapper: transactions, binding and reading values, error messages.
#include "core/sqlite_db.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace marketlens::core;

class TestSqliteDb : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    Database freshDb()
    {
        const QString path = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_counter));
        auto db = Database::open(path.toStdString(), Database::Mode::Create);
        if (!db)
            qFatal("cannot create %s", qPrintable(path));
        if (!db->exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT)"))
            qFatal("cannot create table");
        return std::move(db).value();
    }

    static std::int64_t count(Database& db)
    {
        auto n = db.queryInt("SELECT count(*) FROM t");
        return n ? *n : -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void transactionRollsBackOnDestruction()
    {
        Database db = freshDb();
        {
            Transaction tx(db);
            QVERIFY(tx.begin());
            QVERIFY(tx.active());
            QVERIFY(db.exec("INSERT INTO t VALUES (1, 1.5, 'a')"));
            QCOMPARE(count(db), std::int64_t {1}); // visible inside the transaction
        }
        QCOMPARE(count(db), std::int64_t {0});
    }

    void transactionCommits()
    {
        Database db = freshDb();
        {
            Transaction tx(db);
            QVERIFY(tx.begin());
            QVERIFY(db.exec("INSERT INTO t VALUES (1, 1.5, 'a'), (2, 2.5, 'b')"));
            QVERIFY(tx.commit());
            QVERIFY(!tx.active());
        }
        QCOMPARE(count(db), std::int64_t {2});
        // A second connection sees the committed rows.
        auto other = Database::open(db.path(), Database::Mode::ReadOnly);
        QVERIFY(other);
        QCOMPARE(*other->queryInt("SELECT sum(i) FROM t"), std::int64_t {3});
    }

    void explicitRollbackAndCommitWithoutBegin()
    {
        Database db = freshDb();
        Transaction tx(db);
        QVERIFY(tx.begin());
        QVERIFY(db.exec("INSERT INTO t VALUES (1, 1.5, 'a')"));
        tx.rollback();
        QCOMPARE(count(db), std::int64_t {0});
        const Status s = tx.commit();
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    }

    void bindAndColumnRoundTrip()
    {
        Database db = freshDb();
        auto ins = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
        QVERIFY(ins);
        const std::int64_t big = std::numeric_limits<std::int64_t>::max();
        ins->bind(1, big);
        ins->bind(2, 0.1 + 0.2);
        ins->bind(3, std::string_view("Zürich \"quoted\", comma"));
        QVERIFY(ins->run());
        ins->bind(1, -7);
        ins->bindOptional(2, std::nullopt);
        ins->bindNull(3);
        QVERIFY(ins->run());
        QCOMPARE(db.lastInsertRowId(), std::int64_t {2});
        QCOMPARE(db.changes(), std::int64_t {1});

        auto sel = db.prepare("SELECT i, r, s FROM t ORDER BY rowid");
        QVERIFY(sel);
        QCOMPARE(sel->columnCount(), 3);
        auto row = sel->step();
        QVERIFY(row && *row);
        QCOMPARE(sel->columnInt(0), big);
        QCOMPARE(sel->columnDouble(1), 0.1 + 0.2); // bit-exact: REAL is an IEEE double
        QCOMPARE(*sel->columnOptional(1), 0.1 + 0.2);
        QCOMPARE(sel->columnText(2), std::string("Zürich \"quoted\", comma"));
        row = sel->step();
        QVERIFY(row && *row);
        QCOMPARE(sel->columnInt(0), std::int64_t {-7});
        QVERIFY(sel->isNull(1));
        QVERIFY(!sel->columnOptional(1));
        QVERIFY(sel->isNull(2));
        QCOMPARE(sel->columnText(2), std::string());
        row = sel->step();
        QVERIFY(row && !*row);
    }

    void resetClearsBindings()
    {
        Database db = freshDb();
        auto ins = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
        QVERIFY(ins);
        ins->bind(1, 5);
        ins->bind(2, 2.0);
        ins->bind(3, std::string_view("x"));
        QVERIFY(ins->run());
        ins->reset();
        QVERIFY(ins->run()); // all parameters NULL after reset()
        QCOMPARE(
            *db.queryInt("SELECT count(*) FROM t WHERE i IS NULL AND r IS NULL"), std::int64_t {1});
    }

    void errorsCarryMessages()
    {
        Database db = freshDb();
        const Status bad = db.exec("SELEC nonsense");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Database);
        QVERIFY2(bad.error().message.find("syntax error") != std::string::npos,
            bad.error().message.c_str());

        auto prep = db.prepare("SELECT nope FROM t");
        QVERIFY(!prep);
        QVERIFY2(prep.error().message.find("no such column: nope") != std::string::npos,
            prep.error().message.c_str());

        QVERIFY(db.exec("CREATE TABLE u (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
        QVERIFY(db.exec("INSERT INTO u VALUES (1, 'a')"));
        auto dup = db.prepare("INSERT INTO u VALUES (1, 'b')");
        QVERIFY(dup);
        const Status s = dup->run();
        QVERIFY(!s);
        QVERIFY2(s.error().message.find("UNIQUE constraint failed: u.k") != std::string::npos,
            s.error().message.c_str());

        auto none = db.queryInt("SELECT i FROM t WHERE 0");
        QVERIFY(!none);
        QVERIFY(!none.error().message.empty());
    }

    void openMissingFileFails()
    {
        const std::string path = m_dir.filePath(QStringLiteral("missing.sqlite")).toStdString();
        auto db = Database::open(path, Database::Mode::ReadWrite);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Io);
        QCOMPARE(db.error().file, path);
        QVERIFY(!db.error().message.empty());
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
    }

    void readOnlyRejectsWrites()
    {
        Database db = freshDb();
        const std::string path = db.path();
        db.close();
        auto ro = Database::open(path, Database::Mode::ReadOnly);
        QVERIFY(ro);
        const Status s = ro->exec("INSERT INTO t VALUES (1, 1, 'x')");
        QVERIFY(!s);
        QVERIFY2(
            s.error().message.find("readonly") != std::string::npos, s.error().message.c_str());
    }

    void backupCopiesAtomically()
    {
        Database db = freshDb();
        QVERIFY(db.exec("INSERT INTO t VALUES (42, 4.2, 'answer')"));
        const std::string dest = m_dir.filePath(QStringLiteral("copy.sqlite")).toStdString();
        QVERIFY(db.backupTo(dest));
        QVERIFY(!QFile::exists(QString::fromStdString(dest + ".saving")));
        auto copy = Database::open(dest, Database::Mode::ReadOnly);
        QVERIFY(copy);
        QCOMPARE(*copy->queryText("SELECT s FROM t WHERE i = 42"), std::string("answer"));
    }

    void moveTransfersOwnership()
    {
        Database db = freshDb();
        Database moved = std::move(db);
        QVERIFY(!db.isOpen()); // NOLINT(bugprone-use-after-move): moved-from state is specified
        QVERIFY(moved.isOpen());
        QCOMPARE(count(moved), std::int64_t {0});
    }
};

QTEST_GUILESS_MAIN(TestSqliteDb)
#include "test_sqlite_db.moc"
