// The command line on damaged and hostile files (issue 8): `info`, `risk` and `import` on
// truncated, bit-flipped and tampered projects exit with 2 and a message naming the file, or
// succeed; never a signal, never a hang (each run is bounded by cli_test's 300 s wait, and a
// crash reads as exit code -1). `import-model` says that a model file is a program before it reads
// one, and refuses the hostile TorchScript fixtures (tests/data/models/hostile) with exit 2.
#include "cli_test_support.h"

#include "core/sqlite_db.h"

#include "tests/file_bytes.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using cli_test::runMarketlens;
using cli_test::RunResult;
using marketlens::core::Database;

namespace {

using marketlens::test::readAll;
using marketlens::test::writeAll;

QString data(const char* name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/") + QLatin1String(name);
}

} // namespace

class TestCliHostile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_good;
    std::string m_bytes;
    std::vector<std::int64_t> m_pricePages;
    int m_pageSize = 0;

    RunResult run(const QStringList& args)
    {
        return runMarketlens(
            args, m_tmp.path(), m_tmp.filePath(QStringLiteral("data")), m_tmp.path());
    }

    // The three commands on `file`: each exits 0 or 2 (never a crash); 2 names the file.
    // Returns how many refused it.
    int runCommands(const QString& file, const char* what)
    {
        int refused = 0;
        const QList<QStringList> commands = {{QStringLiteral("info"), file},
            {QStringLiteral("risk"), file, QStringLiteral("--instruments"),
                QStringLiteral("AA,AXP,KO")},
            {QStringLiteral("import"), file, data("import/tiny_long.csv")}};
        for (const QStringList& args : commands) {
            const RunResult r = run(args);
            const QByteArray context
                = QByteArray(what) + ": " + args.first().toUtf8() + ": " + r.err.left(400).toUtf8();
            [&] {
                QVERIFY2(r.exitCode == 0 || r.exitCode == 2, context.constData());
                if (r.exitCode == 2)
                    QVERIFY2(r.err.contains(file), context.constData());
            }();
            if (QTest::currentTestFailed())
                return refused;
            refused += r.exitCode == 2;
        }
        return refused;
    }

    QString tampered(const char* name, const char* sql)
    {
        const QString path = m_tmp.filePath(QLatin1String(name));
        QFile::remove(path);
        writeAll(path.toStdString(), m_bytes);
        auto db = Database::open(path.toStdString(), Database::Mode::ReadWrite);
        if (!db || !db->exec(sql))
            qFatal("cannot tamper with %s", name);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_good = m_tmp.filePath(QStringLiteral("good.mlens"));
        QCOMPARE(run({QStringLiteral("new"), m_good}).exitCode, 0);
        QCOMPARE(
            run({QStringLiteral("import"), m_good, data("dowjones30_prices.csv")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("import"), m_good, data("import/holdings.csv"),
                         QStringLiteral("--portfolio"), QStringLiteral("Client")})
                     .exitCode,
            0);
        {
            auto db = Database::open(m_good.toStdString(), Database::Mode::ReadOnly);
            QVERIFY(db);
            auto pages = db->prepare("SELECT pageno FROM dbstat WHERE name = 'prices'");
            QVERIFY(pages);
            QVERIFY(pages->forEachRow([&]() -> marketlens::core::Status {
                m_pricePages.push_back(pages->columnInt(0));
                return {};
            }));
            m_pageSize = static_cast<int>(*db->queryInt("PRAGMA page_size"));
        }
        m_bytes = readAll(m_good.toStdString());
        QVERIFY(m_pricePages.size() > 10);
        QCOMPARE(runCommands(m_good, "intact"), 0);
    }

    void truncated()
    {
        const QString path = m_tmp.filePath(QStringLiteral("cut.mlens"));
        for (std::size_t n : {std::size_t(0), std::size_t(50), std::size_t(m_pageSize),
                 m_bytes.size() / 2, m_bytes.size() - 1}) {
            writeAll(path.toStdString(), m_bytes.substr(0, n));
            const std::string what = "truncated to " + std::to_string(n);
            QCOMPARE(runCommands(path, what.c_str()), 3);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Scribbled page headers of the prices table: SQLite finds them when reading prices. Every
    // page of the table is hit, so that the instruments the risk run reads cannot all escape
    // (one leaf page belongs to one or two of the 30 tickers only).
    void damagedPricesPage()
    {
        std::string bytes = m_bytes;
        for (const auto page : m_pricePages)
            for (int k = 0; k < 64; ++k)
                bytes[std::size_t(page - 1) * m_pageSize + k] = static_cast<char>(0xEE);
        const QString path = m_tmp.filePath(QStringLiteral("scribbled.mlens"));
        writeAll(path.toStdString(), bytes);
        const RunResult r = run({QStringLiteral("risk"), path, QStringLiteral("--instruments"),
            QStringLiteral("AA,AXP,KO,MSFT,IBM,GE,XOM,WMT,DIS,MMM")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("damaged")), qPrintable(r.err));
        runCommands(path, "scribbled page");
    }

    void bitFlips()
    {
        std::mt19937_64 rng(77);
        const QString path = m_tmp.filePath(QStringLiteral("flip.mlens"));
        int refused = 0;
        for (int i = 0; i < 20; ++i) {
            std::string bytes = m_bytes;
            const auto page = m_pricePages[rng() % m_pricePages.size()];
            const std::size_t pos = std::size_t(page - 1) * m_pageSize + rng() % m_pageSize;
            bytes[pos] = static_cast<char>(bytes[pos] ^ (1 << (rng() % 8)));
            writeAll(path.toStdString(), bytes);
            const std::string what = "bit flip at " + std::to_string(pos);
            refused += runCommands(path, what.c_str());
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("20 flips in prices pages x 3 commands: %d refused, the rest ran", refused);
    }

    void tamperedSchema_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("trigger") << tampered("trigger.mlens",
            "CREATE TRIGGER t AFTER INSERT ON prices BEGIN "
            "DELETE FROM holdings; END")
                                 << "trigger 't'";
        QTest::newRow("dropped table")
            << tampered("dropped.mlens", "DROP TABLE import_log") << "'import_log' is missing";
        QTest::newRow("renamed column")
            << tampered("renamed.mlens", "ALTER TABLE holdings RENAME COLUMN weight TO w")
            << "no column 'weight'";
        QTest::newRow("foreign application_id")
            << tampered("foreign.mlens", "PRAGMA application_id = 7") << "not a MarketLens project";
        QTest::newRow("user_version 999")
            << tampered("v999.mlens", "PRAGMA user_version = 999") << "newer MarketLens";
    }

    void tamperedSchema()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        QCOMPARE(runCommands(file, qPrintable(says)), 3);
        const RunResult r = run({QStringLiteral("info"), file});
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }

    void importModelWarns()
    {
        const QString models = QStringLiteral(MARKETLENS_TEST_DATA "/models/");
        RunResult r
            = run({QStringLiteral("import-model"), m_good, models + QStringLiteral("scripted.pt"),
                QStringLiteral("--ticker"), QStringLiteral("MSFT")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("a model file is a program")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("sources you trust")), qPrintable(r.err));
        for (const char* bad : {"classifier.pt", "no_forward.pt", "huge_param.pt",
                 "huge_constant.pt", "huge_record.pt", "deep_code.pt", "long_chain.pt"}) {
            const QString pt = models + QStringLiteral("hostile/") + QLatin1String(bad);
            r = run({QStringLiteral("import-model"), m_good, pt, QStringLiteral("--meta"),
                models + QStringLiteral("scripted.json")});
            QVERIFY2(r.exitCode == 2, qPrintable(QLatin1String(bad) + QLatin1String(": ") + r.err));
            QVERIFY2(r.err.contains(pt), qPrintable(r.err));
            QVERIFY2(r.err.contains(QLatin1String("a model file is a program")), qPrintable(r.err));
        }
        r = run({QStringLiteral("import-model"), m_good, models + QStringLiteral("scripted.pt"),
            QStringLiteral("--meta"), models + QStringLiteral("bert/tiny_bert.json"),
            QStringLiteral("--vocab"), models + QStringLiteral("bert/vocab.txt")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("a model file is a program")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "test_cli_hostile.moc"
