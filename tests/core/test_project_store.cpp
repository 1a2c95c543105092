// ProjectStore: identity, version and damage checks (never modifying a rejected file), migration
// inside a transaction, foreign keys, journal mode, Save As, portfolios and price queries.
#include "core/project_store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace marketlens::core;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Raw SQL through the C API, bypassing the wrapper (the way another tool would write the file).
void rawExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    const QString msg = err ? QString::fromUtf8(err) : QString();
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(msg));
}

// A price row through the store's own connection.
void insertPrice(ProjectStore& store, std::int64_t id, const char* date, double close,
    std::optional<double> open = std::nullopt)
{
    auto st = store.db().prepare(
        "INSERT INTO prices (instrument_id, date, open, close) VALUES (?1, ?2, ?3, ?4)");
    QVERIFY(st);
    st->bind(1, id);
    st->bind(2, std::string_view(date));
    st->bindOptional(3, open);
    st->bind(4, close);
    QVERIFY(st->run());
}

} // namespace

class TestProjectStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newPath(const QString& stem = QStringLiteral("p"))
    {
        return m_dir.filePath(QStringLiteral("%1%2.mlens").arg(stem).arg(++m_counter));
    }

    // A closed project with two instruments, 3 prices and a portfolio.
    QString makeProjectWithData()
    {
        const QString path = newPath(QStringLiteral("data"));
        auto store = ProjectStore::create(path.toStdString());
        if (!store)
            return {};
        auto aa = store->instrumentId("aa", true);
        auto ko = store->instrumentId("KO", true);
        insertPrice(*store, *aa, "1990-12-31", 5.92);
        insertPrice(*store, *aa, "1991-01-02", 5.92);
        insertPrice(*store, *ko, "1991-01-02", 9.88, 9.8);
        Portfolio p {0, "Core", "USD", {Holding {"KO", 300.0, std::nullopt, 24.06, "USD"}}};
        if (!store->writePortfolio(p))
            return {};
        return path;
    }

    // Opening `path` must fail with `code` and leave the bytes exactly as they were.
    void expectRejected(const QString& path, ErrorCode code)
    {
        const QByteArray before = fileHash(path);
        const qint64 sizeBefore = QFileInfo(path).size();
        auto store = ProjectStore::open(path.toStdString());
        QVERIFY(!store);
        QCOMPARE(int(store.error().code), int(code));
        QCOMPARE(store.error().file, path.toStdString());
        QVERIFY(!store.error().message.empty());
        QCOMPARE(QFileInfo(path).size(), sizeBefore);
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createOpenRoundTrip()
    {
        const QString path = newPath();
        {
            auto store = ProjectStore::create(path.toStdString());
            QVERIFY2(store, store ? "" : store.error().toString().c_str());
            QCOMPARE(*store->schemaVersion(), ProjectStore::kSchemaVersion);
            QVERIFY(store->setSetting("base_currency", "USD"));
            QVERIFY(store->setSetting("base_currency", "CHF")); // replaces
        }
        auto store = ProjectStore::open(path.toStdString());
        QVERIFY(store);
        QCOMPARE(store->path(), path.toStdString());
        QCOMPARE(store->setting("base_currency")->value(), std::string("CHF"));
        QVERIFY(!store->setting("missing")->has_value());
        QVERIFY(store->instruments()->empty());
        QVERIFY(store->portfolios()->empty());
        // Creating over an existing file is refused.
        auto again = ProjectStore::create(path.toStdString());
        QVERIFY(!again);
        QCOMPARE(int(again.error().code), int(ErrorCode::Io));
    }

    void identityPragmas()
    {
        const QString path = newPath();
        {
            QVERIFY(ProjectStore::create(path.toStdString()));
        }
        // Read with the sqlite3 C API directly, not the wrapper.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
        auto pragma = [&](const char* sql) {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
            sqlite3_step(st);
            const qint64 v = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
            return v;
        };
        QCOMPARE(pragma("PRAGMA application_id"), qint64(0x4D4C4E53));
        QCOMPARE(pragma("PRAGMA user_version"), qint64(ProjectStore::kSchemaVersion));
        sqlite3_close(db);
        // Header bytes 68..71 hold application_id big-endian: 'M' 'L' 'N' 'S'.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray header = f.read(100);
        QCOMPARE(header.mid(68, 4), QByteArray("MLNS"));
        QCOMPARE(header.mid(60, 4), QByteArray("\0\0\0\5", 4));
    }

    void rejectsTextFile()
    {
        const QString path = newPath(QStringLiteral("text"));
        writeBytes(path, "date,ticker,close\n2020-01-02,AA,1.5\n");
        expectRejected(path, ErrorCode::NotAProject);
    }

    void rejectsPngBytes()
    {
        const QString path = newPath(QStringLiteral("png"));
        QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        png.append(QByteArray(4096, '\x42'));
        writeBytes(path, png);
        expectRejected(path, ErrorCode::NotAProject);
    }

    void rejectsEmptyFile()
    {
        const QString path = newPath(QStringLiteral("empty"));
        writeBytes(path, {});
        expectRejected(path, ErrorCode::NotAProject);
    }

    void rejectsOtherApplicationsDatabase()
    {
        const QString path = newPath(QStringLiteral("other"));
        rawExec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
        expectRejected(path, ErrorCode::NotAProject);
        // Also with a foreign application_id and with WAL mode (opening must not switch it).
        const QString wal = newPath(QStringLiteral("otherwal"));
        rawExec(wal,
            "PRAGMA application_id = 1234; PRAGMA journal_mode = WAL;"
            "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
        expectRejected(wal, ErrorCode::NotAProject);
    }

    void rejectsTruncatedProject()
    {
        const QString full = makeProjectWithData();
        QVERIFY(!full.isEmpty());
        QFile f(full);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() >= 8192); // several pages
        // Cut at a page boundary, in the middle of a page, and inside the 100-byte header.
        for (const qsizetype cut : {bytes.size() / 2 / 4096 * 4096, bytes.size() - 1000,
                 qsizetype(4096 + 17), qsizetype(60)}) {
            const QString path = newPath(QStringLiteral("truncated"));
            writeBytes(path, bytes.left(cut));
            expectRejected(path, ErrorCode::Corrupt);
        }
    }

    void rejectsNewerVersion()
    {
        const QString path = makeProjectWithData();
        rawExec(path, "PRAGMA user_version = 99");
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path.toStdString());
        QVERIFY(!store);
        QCOMPARE(int(store.error().code), int(ErrorCode::TooNew));
        QVERIFY2(
            store.error().message.find("99") != std::string::npos, store.error().message.c_str());
        QCOMPARE(fileHash(path), before);
    }

    void migratesVersion1()
    {
        const QString path = newPath(QStringLiteral("v1"));
        {
            auto v1 = ProjectStore::createAtVersion(path.toStdString(), 1);
            QVERIFY(v1);
            QCOMPARE(*v1->schemaVersion(), 1);
        }
        rawExec(path,
            "INSERT INTO instruments (id, ticker, created_at) VALUES (7, 'IBM', 'x');"
            "INSERT INTO prices (instrument_id, date, close) VALUES "
            "(7, '2000-01-03', 111.5), (7, '2000-01-04', 107.75);"
            "INSERT INTO import_log (file_name, sha256, imported_at, kind, "
            "rows_accepted, rows_rejected) VALUES ('ibm.csv', 'ab', 't', 'ohlcv', 2, 0);");
        auto store = ProjectStore::open(path.toStdString());
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        QCOMPARE(*store->schemaVersion(), 5);
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM risk_runs"), std::int64_t {0});
        auto s = store->prices("IBM");
        QVERIFY(s);
        QCOMPARE(s->size(), std::size_t(2));
        QCOMPARE(s->close[1], 107.75);
        QCOMPARE(*store->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                       "AND name = 'instrument_aliases'"),
            std::int64_t {1});
        QCOMPARE(*store->db().queryText("SELECT options FROM import_log"), std::string("{}"));
        QCOMPARE(store->importLog()->size(), std::size_t(1));
    }

    // Version 2 -> 5 adds risk_runs (3), models (4) and news (5) and keeps everything else:
    // prices, aliases, import options.
    void migratesVersion2()
    {
        const QString path = newPath(QStringLiteral("v2"));
        {
            auto v2 = ProjectStore::createAtVersion(path.toStdString(), 2);
            QVERIFY(v2);
            QCOMPARE(*v2->schemaVersion(), 2);
        }
        rawExec(path,
            "INSERT INTO instruments (id, ticker, created_at) VALUES (3, 'MSFT', 'x');"
            "INSERT INTO instrument_aliases (instrument_id, alias) VALUES (3, 'Microsoft');"
            "INSERT INTO prices (instrument_id, date, close) VALUES (3, '2001-02-05', 61.25);"
            "INSERT INTO import_log (file_name, sha256, imported_at, kind, rows_accepted, "
            "rows_rejected, options) VALUES ('m.csv', 'cd', 't', 'ohlcv', 1, 0, '{\"k\":1}');");
        {
            sqlite3* raw = nullptr;
            QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY,
                         nullptr),
                SQLITE_OK);
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(raw,
                "SELECT count(*) FROM sqlite_master WHERE name = 'risk_runs'", -1, &st, nullptr);
            QCOMPARE(sqlite3_step(st), SQLITE_ROW);
            QCOMPARE(sqlite3_column_int(st, 0), 0);
            sqlite3_finalize(st);
            sqlite3_close(raw);
        }
        auto store = ProjectStore::open(path.toStdString());
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        QCOMPARE(*store->schemaVersion(), 5);
        QCOMPARE(store->prices("MSFT")->close[0], 61.25);
        QCOMPARE(*store->db().queryText("SELECT alias FROM instrument_aliases"),
            std::string("Microsoft"));
        QCOMPARE(*store->db().queryText("SELECT options FROM import_log"), std::string("{\"k\":1}"));
        QVERIFY(store->db().exec("INSERT INTO risk_runs (created_at, parameters, results) VALUES "
                                 "('2026-01-01T00:00:00Z', '{}', '{}')"));
        QCOMPARE(*store->db().queryText("SELECT name || '|' || data_hash FROM risk_runs"),
            std::string("|"));
    }

    void failedMigrationLeavesFileUntouched()
    {
        const QString path = newPath(QStringLiteral("v1bad"));
        {
            QVERIFY(ProjectStore::createAtVersion(path.toStdString(), 1));
        }
        // A table that migration 2 wants to create already exists: the migration fails midway.
        rawExec(path,
            "CREATE TABLE instrument_aliases (x TEXT);"
            "INSERT INTO instruments (ticker, created_at) VALUES ('AA', 't');");
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path.toStdString());
        QVERIFY(!store);
        QVERIFY2(store.error().message.find("migration to version 2") != std::string::npos,
            store.error().message.c_str());
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), 1);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void foreignKeysEnforced()
    {
        auto store = ProjectStore::create(newPath().toStdString());
        QVERIFY(store);
        QCOMPARE(*store->db().queryInt("PRAGMA foreign_keys"), std::int64_t {1});
        Portfolio p {0, "P", "USD", {}};
        auto pid = store->writePortfolio(p);
        QVERIFY(pid);
        auto st = store->db().prepare(
            "INSERT INTO holdings (portfolio_id, instrument_id, quantity) VALUES (?1, 9999, 1)");
        QVERIFY(st);
        st->bind(1, *pid);
        const Status s = st->run();
        QVERIFY(!s);
        QVERIFY2(
            s.error().message.find("FOREIGN KEY") != std::string::npos, s.error().message.c_str());
        // Also after reopening (foreign_keys is per connection, not stored in the file).
        const std::string path = store->path();
        store->close();
        auto again = ProjectStore::open(path);
        QVERIFY(again);
        QVERIFY(!again->db().exec("INSERT INTO prices (instrument_id, date, close) "
                                  "VALUES (4242, '2020-01-01', 1)"));
    }

    void rollbackJournalNoWal()
    {
        const QString path = newPath();
        auto store = ProjectStore::create(path.toStdString());
        QVERIFY(store);
        QCOMPARE(*store->db().queryText("PRAGMA journal_mode"), std::string("delete"));
        QCOMPARE(*store->db().queryInt("PRAGMA synchronous"), std::int64_t {2}); // FULL
        auto id = store->instrumentId("MSFT", true);
        QVERIFY(id);
        insertPrice(*store, *id, "2001-01-02", 43.375);
        QVERIFY(store->setSetting("k", "v"));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        // Committed data is in the main file: a second connection sees it while the first is open.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT close FROM prices", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_double(st, 0), 43.375);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void saveAsCopiesAtomically()
    {
        const QString src = makeProjectWithData();
        auto store = ProjectStore::open(src.toStdString());
        QVERIFY(store);
        const QString dest = newPath(QStringLiteral("copy"));
        QVERIFY(store->saveAs(dest.toStdString()));
        QVERIFY(!QFile::exists(dest + QStringLiteral(".saving")));
        QCOMPARE(store->path(), src.toStdString()); // the store stays on its file
        {
            auto copy = ProjectStore::open(dest.toStdString());
            QVERIFY(copy);
            QCOMPARE(copy->instruments()->size(), std::size_t(2));
            QCOMPARE(copy->prices("KO")->open[0], 9.8);
            QCOMPARE(copy->portfolios()->at(0).holdings.at(0).costBasis.value(), 24.06);
        }
        // Same content: identical dump of every table.
        const char* dumpSql = "SELECT group_concat(ticker) FROM instruments";
        QCOMPARE(*store->db().queryText(dumpSql),
            *ProjectStore::open(dest.toStdString())->db().queryText(dumpSql));

        // Save As onto an existing file replaces it (rename over it), never appends or merges.
        const QString existing = newPath(QStringLiteral("existing"));
        writeBytes(existing, QByteArray(10000, 'x'));
        QVERIFY(store->saveAs(existing.toStdString()));
        QVERIFY(!QFile::exists(existing + QStringLiteral(".saving")));
        auto replaced = ProjectStore::open(existing.toStdString());
        QVERIFY2(replaced, replaced ? "" : replaced.error().toString().c_str());
        QCOMPARE(replaced->instruments()->size(), std::size_t(2));

        // A failed Save As (target folder missing) leaves no temp file and reports Io.
        const QString bad = m_dir.filePath(QStringLiteral("no/such/folder/x.mlens"));
        const Status s = store->saveAs(bad.toStdString());
        QVERIFY(!s);
    }

    void portfolioRoundTrip()
    {
        auto store = ProjectStore::create(newPath().toStdString());
        QVERIFY(store);
        Portfolio p {0, "Dow Core", "USD",
            {Holding {"msft", 1000.0, std::nullopt, 7.52, "USD"},
                Holding {"KO", std::nullopt, 0.25, std::nullopt, ""}}};
        auto pid = store->writePortfolio(p);
        QVERIFY(pid);
        auto all = store->portfolios();
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(1));
        const Portfolio& got = all->front();
        QCOMPARE(got.id, *pid);
        QCOMPARE(got.name, std::string("Dow Core"));
        QCOMPARE(got.baseCurrency, std::string("USD"));
        QCOMPARE(got.holdings.size(), std::size_t(2));
        QCOMPARE(got.holdings[0].ticker, std::string("MSFT")); // tickers are upper-cased
        QCOMPARE(*got.holdings[0].quantity, 1000.0);
        QVERIFY(!got.holdings[0].weight);
        QCOMPARE(*got.holdings[0].costBasis, 7.52);
        QCOMPARE(got.holdings[1].ticker, std::string("KO"));
        QCOMPARE(*got.holdings[1].weight, 0.25);
        QVERIFY(!got.holdings[1].quantity && !got.holdings[1].costBasis);

        // Writing the same name again replaces the holdings and keeps the id.
        Portfolio p2 {0, "Dow Core", "EUR", {Holding {"IBM", 5.0, std::nullopt, std::nullopt, ""}}};
        QCOMPARE(*store->writePortfolio(p2), *pid);
        all = store->portfolios();
        QCOMPARE(all->size(), std::size_t(1));
        QCOMPARE(all->front().baseCurrency, std::string("EUR"));
        QCOMPARE(all->front().holdings.size(), std::size_t(1));
        QCOMPARE(all->front().holdings[0].ticker, std::string("IBM"));
        // A holding needs a quantity or a weight (CHECK constraint).
        Portfolio bad {0, "Bad", "", {Holding {"AA", std::nullopt, std::nullopt, 1.0, ""}}};
        QVERIFY(!store->writePortfolio(bad));
        QVERIFY(!store->writePortfolio(Portfolio {}));
    }

    void pricesWithRange()
    {
        auto store = ProjectStore::create(newPath().toStdString());
        QVERIFY(store);
        auto id = store->instrumentId("AA", true);
        QVERIFY(id);
        QCOMPARE(*store->instrumentId("aa", false), *id);
        const char* dates[]
            = {"2000-01-03", "2000-01-04", "2000-01-05", "2000-01-06", "2000-01-07"};
        for (int i = 0; i < 5; ++i)
            insertPrice(*store, *id, dates[i], 10.0 + i);
        auto all = store->prices("AA");
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(5));
        QCOMPARE(all->ticker, std::string("AA"));
        QVERIFY(std::isnan(all->open[0]));
        QVERIFY(!all->hasOhlc());
        auto mid = store->prices("aa", Date::fromIso("2000-01-04"), Date::fromIso("2000-01-06"));
        QVERIFY(mid);
        QCOMPARE(mid->size(), std::size_t(3));
        QCOMPARE(mid->dates.front().toIso(), std::string("2000-01-04"));
        QCOMPARE(mid->close.back(), 13.0);
        QCOMPARE(store->prices("AA", Date::fromIso("2000-01-07"))->size(), std::size_t(1));
        QCOMPARE(
            store->prices("AA", std::nullopt, Date::fromIso("2000-01-03"))->size(), std::size_t(1));
        QCOMPARE(store->prices("AA", Date::fromIso("2001-01-01"))->size(), std::size_t(0));
        auto missing = store->prices("NOPE");
        QVERIFY(!missing);
        QCOMPARE(int(missing.error().code), int(ErrorCode::NotFound));

        auto infos = store->instruments();
        QVERIFY(infos);
        QCOMPARE(infos->size(), std::size_t(1));
        QCOMPARE(infos->front().priceCount, std::int64_t {5});
        QCOMPARE(infos->front().firstDate->toIso(), std::string("2000-01-03"));
        QCOMPARE(infos->front().lastDate->toIso(), std::string("2000-01-07"));
    }

    void importLogRoundTrip()
    {
        auto store = ProjectStore::create(newPath().toStdString());
        QVERIFY(store);
        ImportLogEntry e {0, "prices.csv", "abc123", "", "prices-long", 10, 2};
        QVERIFY(store->addImportLog(e));
        auto log = store->importLog();
        QVERIFY(log);
        QCOMPARE(log->size(), std::size_t(1));
        QCOMPARE(log->front().fileName, std::string("prices.csv"));
        QCOMPARE(log->front().rowsRejected, std::int64_t {2});
        QCOMPARE(log->front().importedAt.size(), std::size_t(20)); // "YYYY-MM-DDTHH:MM:SSZ"
        QCOMPARE(log->front().importedAt.back(), 'Z');
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "test_project_store.moc"
