// Damaged and hostile project files (issue 8): truncated at many lengths, bit-flipped (200 seeded
// flips over the whole file and 200 more inside the pages of the prices and holdings tables) and
// with a tampered schema. Each is opened and read the way the app reads a project (instruments,
// every price series, portfolios with holdings, import log, settings, models, news); the outcome
// must be a clear error (Corrupt, NotAProject or TooNew naming the file) or a well-formed result,
// never a crash or a hang. The process runs under a 4 GiB address-space limit, so a damaged
// length field that made a reader allocate without bound fails the test instead of the machine.
#include "core/forecast/model_store.h"
#include "core/news/news_store.h"
#include "core/project_store.h"

#include "tests/file_bytes.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <set>

using namespace marketlens::core;

namespace {

using marketlens::test::readAll;
using marketlens::test::writeAll;

constexpr int kTickers = 24;
constexpr int kDays = 600;

// What the app reads from a project; the first error stops it.
struct Reads {
    std::vector<std::string> tickers;
    std::int64_t prices = 0;
    double closeSum = 0;
    std::vector<std::string> portfolios;
    std::int64_t holdings = 0;
    std::int64_t importLog = 0;
    std::string setting;
    std::int64_t models = 0;
    std::int64_t news = 0;
};

Result<Reads> readProject(const std::string& path)
{
    auto store = ProjectStore::open(path);
    if (!store)
        return store.error();
    Reads r;
    auto inst = store->instruments();
    if (!inst)
        return inst.error();
    for (const auto& i : *inst) {
        r.tickers.push_back(i.ticker);
        auto p = store->prices(i.ticker);
        if (!p)
            return p.error();
        // Well-formed: one value per date, dates strictly increasing.
        if (p->close.size() != p->dates.size())
            return makeError(ErrorCode::InvalidArgument, "series sizes differ");
        for (std::size_t k = 1; k < p->dates.size(); ++k)
            if (!(p->dates[k - 1] < p->dates[k]))
                return makeError(ErrorCode::InvalidArgument, "dates out of order");
        r.prices += static_cast<std::int64_t>(p->dates.size());
        for (double c : p->close)
            r.closeSum += c;
    }
    auto ports = store->portfolios();
    if (!ports)
        return ports.error();
    for (const auto& p : *ports) {
        r.portfolios.push_back(p.name);
        auto one = store->portfolio(p.name);
        if (!one)
            return one.error();
        r.holdings += static_cast<std::int64_t>(one->holdings.size());
    }
    auto log = store->importLog();
    if (!log)
        return log.error();
    r.importLog = static_cast<std::int64_t>(log->size());
    auto s = store->setting("currency");
    if (!s)
        return s.error();
    r.setting = s->value_or("");
    auto models = forecast::listModels(*store);
    if (!models)
        return models.error();
    r.models = static_cast<std::int64_t>(models->size());
    auto news = news::listNews(*store);
    if (!news)
        return news.error();
    r.news = static_cast<std::int64_t>(news->size());
    return r;
}

} // namespace

class TestHostileProjects : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_good;
    std::string m_bytes;
    Reads m_ref;
    int m_pageSize = 0;
    std::vector<std::int64_t> m_tablePages; // 1-based pages of prices and holdings

    std::string file(const char* name) const { return m_dir.filePath(name).toStdString(); }

    // Clear error naming the file, or a well-formed read. Returns true for an error.
    bool checkOutcome(const std::string& path, const char* what)
    {
        auto r = readProject(path);
        if (r)
            return false;
        const Error& e = r.error();
        const bool clear = e.code == ErrorCode::Corrupt || e.code == ErrorCode::NotAProject
            || e.code == ErrorCode::TooNew;
        if (!clear || e.file != path || e.toString().find(path) == std::string::npos)
            qWarning("%s: code %d: %s", what, int(e.code), e.toString().c_str());
        [&] {
            QVERIFY2(clear, what);
            QCOMPARE(QString::fromStdString(e.file), QString::fromStdString(path));
        }();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A runaway allocation fails (bad_alloc, a clear test failure) instead of swapping.
        const rlimit limit {rlim_t(4) << 30, rlim_t(4) << 30};
        setrlimit(RLIMIT_AS, &limit);
        QVERIFY(m_dir.isValid());
        m_good = file("good.mlens");
        auto store = ProjectStore::create(m_good);
        QVERIFY(store);
        Database& db = store->db();
        QVERIFY(db.exec("BEGIN"));
        for (int t = 0; t < kTickers; ++t) {
            const std::string ticker = std::string("T").append(std::to_string(t));
            auto id = store->instrumentId(ticker, true);
            QVERIFY(id);
            auto ins
                = db.prepare("INSERT INTO prices (instrument_id, date, open, high, low, close, "
                             "adj_close, volume) VALUES (?1, ?2, ?3, ?3, ?3, ?3, ?3, 1000)");
            QVERIFY(ins);
            for (int d = 0; d < kDays; ++d) {
                ins->bind(1, *id);
                ins->bind(2, std::string_view(Date(19000 + d).toIso()));
                ins->bind(3, 100.0 + t + d * 0.01);
                QVERIFY(ins->run());
                ins->reset();
            }
        }
        for (int p = 0; p < 3; ++p) {
            Portfolio port;
            port.name = std::string("Client ").append(std::to_string(p));
            for (int t = 0; t < kTickers; t += 2) {
                Holding h;
                h.ticker = std::string("T").append(std::to_string(t));
                h.quantity = 10.0 * (t + 1);
                port.holdings.push_back(h);
            }
            QVERIFY(store->writePortfolio(port));
        }
        QVERIFY(db.exec("COMMIT"));
        QVERIFY(store->setSetting("currency", "CHF"));
        auto pages = db.prepare("SELECT pageno FROM dbstat WHERE name IN ('prices', 'holdings')");
        QVERIFY(pages);
        QVERIFY(pages->forEachRow([&]() -> Status {
            m_tablePages.push_back(pages->columnInt(0));
            return {};
        }));
        m_pageSize = static_cast<int>(*db.queryInt("PRAGMA page_size"));
        store->close();
        m_bytes = readAll(m_good);
        QVERIFY(m_tablePages.size() > 20);
        auto ref = readProject(m_good);
        QVERIFY(ref);
        m_ref = *ref;
        // Independent expectations: what was written above.
        QCOMPARE(int(m_ref.tickers.size()), kTickers);
        QCOMPARE(m_ref.prices, std::int64_t(kTickers) * kDays);
        QCOMPARE(m_ref.holdings, std::int64_t(3 * kTickers / 2));
        QCOMPARE(m_ref.setting, std::string("CHF"));
    }

    void truncated()
    {
        std::set<std::size_t> lengths = {0, 1, 15, 16, 50, 99, 100, 101, 511, 512, 4096};
        for (std::size_t k = 1; k * m_pageSize < m_bytes.size(); ++k) {
            lengths.insert(k * m_pageSize);
            lengths.insert(k * m_pageSize - 1);
            lengths.insert(k * m_pageSize + 1 + (k * 7919) % (m_pageSize - 2));
        }
        int errors = 0;
        for (std::size_t n : lengths) {
            const std::string path = file("cut.mlens");
            writeAll(path, m_bytes.substr(0, n));
            const std::string what = "truncated to " + std::to_string(n);
            errors += checkOutcome(path, what.c_str());
            if (QTest::currentTestFailed())
                return;
            // The same cut with the header's page count marked stale (bytes 92-95 differ from
            // the change counter): SQLite then trusts the file's size and meets the missing
            // pages while reading, not at open.
            if (n >= 100 && n % m_pageSize == 0) {
                std::string bytes = m_bytes.substr(0, n);
                bytes[95] = static_cast<char>(bytes[95] ^ 0x55);
                writeAll(path, bytes);
                const std::string what2 = what + " with a stale page count";
                errors += checkOutcome(path, what2.c_str());
                if (QTest::currentTestFailed())
                    return;
            }
        }
        qInfo("%d truncations of a %zu-byte project, all refused", errors, m_bytes.size());
        // Every cut loses data, so every cut must be refused.
        QCOMPARE(errors, int(lengths.size()) + int(m_bytes.size() / m_pageSize) - 1);
    }

    void bitFlips_data()
    {
        QTest::addColumn<bool>("tablePages");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("whole file") << false << quint64(20261130);
        QTest::newRow("prices and holdings pages") << true << quint64(8);
    }

    void bitFlips()
    {
        QFETCH(bool, tablePages);
        QFETCH(quint64, seed);
        std::mt19937_64 rng(seed);
        const std::string path = file("flip.mlens");
        int errors = 0, same = 0, different = 0;
        for (int i = 0; i < 200; ++i) {
            std::size_t pos = 0;
            if (tablePages) {
                const auto page = m_tablePages[rng() % m_tablePages.size()];
                pos = std::size_t(page - 1) * m_pageSize + rng() % m_pageSize;
            } else {
                pos = rng() % m_bytes.size();
            }
            std::string bytes = m_bytes;
            bytes[pos] = static_cast<char>(bytes[pos] ^ (1 << (rng() % 8)));
            writeAll(path, bytes);
            const std::string what = "bit flip at byte " + std::to_string(pos);
            auto r = readProject(path);
            if (!r) {
                errors += checkOutcome(path, what.c_str());
                if (QTest::currentTestFailed())
                    return;
            } else if (r->tickers == m_ref.tickers && r->prices == m_ref.prices
                && r->closeSum == m_ref.closeSum && r->holdings == m_ref.holdings
                && r->setting == m_ref.setting) {
                ++same; // unused space, or a byte no read looks at
            } else {
                ++different; // a changed value: SQLite keeps no checksums of data
            }
        }
        qInfo("%d flips: %d refused as damaged, %d read as before, %d read with changed values",
            200, errors, same, different);
        QVERIFY(errors > 0);
        QCOMPARE(errors + same + different, 200);
    }

    void tamperedSchema_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const int corrupt = int(ErrorCode::Corrupt);
        QTest::newRow("dropped table")
            << "DROP TABLE holdings" << corrupt << "table 'holdings' is missing";
        QTest::newRow("dropped column")
            << "ALTER TABLE prices DROP COLUMN volume" << corrupt << "has no column 'volume'";
        QTest::newRow("renamed column") << "ALTER TABLE prices RENAME COLUMN close TO klose"
                                        << corrupt << "has no column 'close'";
        QTest::newRow("table replaced by a view")
            << "DROP TABLE settings; CREATE VIEW settings AS SELECT 'a' AS key, 'b' AS value"
            << corrupt << "view 'settings'";
        QTest::newRow("trigger") << "CREATE TRIGGER steal AFTER INSERT ON holdings BEGIN "
                                    "DELETE FROM holdings; END"
                                 << corrupt << "trigger 'steal'";
        QTest::newRow("extra view")
            << "CREATE VIEW everything AS SELECT * FROM holdings" << corrupt << "view 'everything'";
        QTest::newRow("wrong column type")
            << "DROP TABLE settings; CREATE TABLE settings (key INTEGER PRIMARY KEY, value BLOB)"
            << corrupt << "'settings.key' has type 'INTEGER' instead of 'TEXT'";
        QTest::newRow("foreign application_id")
            << "PRAGMA application_id = 1234" << int(ErrorCode::NotAProject)
            << "another application";
        QTest::newRow("user_version 0")
            << "PRAGMA user_version = 0" << corrupt << "no schema version";
        QTest::newRow("user_version 999")
            << "PRAGMA user_version = 999" << int(ErrorCode::TooNew) << "newer MarketLens";
        QTest::newRow("text in a date")
            << "UPDATE prices SET date = '2022-13-45' WHERE date = '2022-01-08'" << corrupt
            << "bad date";
    }

    void tamperedSchema()
    {
        QFETCH(QString, sql);
        QFETCH(int, code);
        QFETCH(QString, says);
        const std::string path = file("tampered.mlens");
        std::filesystem::remove(path);
        QVERIFY(std::filesystem::copy_file(m_good, path));
        {
            auto db = Database::open(path, Database::Mode::ReadWrite);
            QVERIFY(db);
            const auto s = db->exec(sql.toStdString());
            QVERIFY2(s, s ? "" : s.error().toString().c_str());
        }
        auto r = readProject(path);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(QString::fromStdString(r.error().file), QString::fromStdString(path));
        QVERIFY2(r.error().message.find(says.toStdString()) != std::string::npos,
            r.error().message.c_str());
        // Refused before anything ran: the file is as the attacker left it.
        if (code == int(ErrorCode::Corrupt) && !says.contains(QLatin1String("date"))) {
            auto db = Database::open(path, Database::Mode::ReadOnly);
            QVERIFY(db);
            QVERIFY(db->queryInt("SELECT count(*) FROM sqlite_master"));
        }
    }

    // "database disk image is malformed" from any query is Corrupt, says the file is damaged
    // and names it.
    void malformedDuringReadIsCorrupt()
    {
        const std::string path = file("malformed.mlens");
        std::string bytes = m_bytes;
        // Scribble over one interior or leaf page of the prices table (not the header page).
        const auto page = m_tablePages[m_tablePages.size() / 2];
        for (int k = 0; k < 64; ++k)
            bytes[std::size_t(page - 1) * m_pageSize + k] = static_cast<char>(0xEE);
        writeAll(path, bytes);
        auto r = readProject(path);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::Corrupt));
        QCOMPARE(QString::fromStdString(r.error().file), QString::fromStdString(path));
        QVERIFY2(
            r.error().message.starts_with("project file is damaged: "), r.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHostileProjects)
#include "test_hostile_projects.moc"
