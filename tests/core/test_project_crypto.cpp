// Encrypted projects (core/project_crypto.h, docs/project-file.md "Encrypted projects"): round
// trips through the shared in-memory database, wrong passwords told apart from damaged files,
// hostile key-derivation parameters, password changes, and no plaintext on disk.
#include "core/price_import.h"
#include "core/project_crypto.h"
#include "core/project_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sodium.h>

#include <sys/resource.h>

#include <csignal>
#include <thread>

using namespace marketlens::core;

namespace {

const QString kData = QStringLiteral(MARKETLENS_TEST_DATA);
constexpr int kHeaderSize = 160;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Recomputes the header checksum (BLAKE2b-256 of bytes 0..127 at 128) after an edit, as an
// attacker who knows the format would.
void fixChecksum(QByteArray& bytes)
{
    auto* p = reinterpret_cast<unsigned char*>(bytes.data());
    crypto_generichash(p + 128, 32, p, 128, nullptr, 0);
}

void put64(QByteArray& bytes, int offset, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        bytes[offset + i] = char((v >> (8 * i)) & 0xff);
}

std::optional<Secret> noPassword(const std::string&)
{
    return std::nullopt;
}

} // namespace

class TestProjectCrypto : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // A new encrypted project holding one setting, locked again (file only).
    std::string makeProject(const char* password = "correct horse")
    {
        const std::string path
            = m_dir.filePath(QStringLiteral("p%1.mlens").arg(++m_n)).toStdString();
        auto store = ProjectStore::createEncrypted(path, Secret(password), KdfParams::forTests());
        if (!store)
            qFatal("createEncrypted: %s", store.error().toString().c_str());
        if (!store->setSetting("client", "Alpha Pension Fund"))
            qFatal("setSetting failed");
        store->close();
        lockProject(path);
        return path;
    }

private Q_SLOTS:
    void init() { setPasswordProvider(noPassword); }

    void roundTripAndSharedConnections()
    {
        const std::string path = makeProject();
        QVERIFY(isEncryptedProject(path));
        QVERIFY(!isProjectUnlocked(path));
        QCOMPARE(
            readAll(QString::fromStdString(path)).left(16), QByteArray("MLENS encrypted\0", 16));
        setPasswordProvider(
            [](const std::string&) { return std::optional<Secret>(Secret("correct horse")); });
        auto a = ProjectStore::open(path);
        QVERIFY2(a, a ? "" : a.error().toString().c_str());
        QVERIFY(a->isEncrypted());
        QVERIFY(isProjectUnlocked(path));
        QCOMPARE(*a->schemaVersion(), ProjectStore::kSchemaVersion);
        QCOMPARE(a->setting("client")->value(), std::string("Alpha Pension Fund"));
        // A second store (as a GUI worker opens) shares the one in-memory database.
        setPasswordProvider(noPassword); // unlocked: not asked again
        auto b = ProjectStore::open(path);
        QVERIFY2(b, b ? "" : b.error().toString().c_str());
        QVERIFY(a->setSetting("written-by", "a"));
        QCOMPARE(b->setting("written-by")->value(), std::string("a"));
        QVERIFY(*b->instrumentId("ZQXJ", true) > 0);
        auto ins = a->instruments();
        QCOMPARE(ins->size(), std::size_t(1));
        QCOMPARE(ins->front().ticker, std::string("ZQXJ"));
        // Writes from another thread through its own store.
        std::thread worker([&] {
            auto c = ProjectStore::open(path);
            for (int i = 0; i < 20; ++i)
                (void)c->setSetting(
                    std::string(1, 't').append(std::to_string(i)), std::to_string(i));
        });
        for (int i = 0; i < 20; ++i)
            QVERIFY(
                a->setSetting(std::string(1, 'm').append(std::to_string(i)), std::to_string(i)));
        worker.join();
        QCOMPARE(*a->db().queryInt("SELECT count(*) FROM settings"), std::int64_t(2 + 40));
        QCOMPARE(*a->db().queryText("PRAGMA temp_store"), std::string("2")); // MEMORY
        a->close();
        b->close();
        lockProject(path);
        QVERIFY(!isProjectUnlocked(path));
        // Everything committed is in the file: unlock it afresh.
        QVERIFY(unlockProject(path, Secret("correct horse")));
        auto c = ProjectStore::open(path);
        QVERIFY(c);
        QCOMPARE(*c->db().queryInt("SELECT count(*) FROM settings"), std::int64_t(42));
        QCOMPARE(c->setting("t19")->value(), std::string("19"));
        QCOMPARE(c->instruments()->front().ticker, std::string("ZQXJ"));
        c->close();
        lockProject(path);
    }

    void passwordRequiredAndWrongPassword()
    {
        const std::string path = makeProject();
        auto none = ProjectStore::open(path);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::PasswordRequired);
        QCOMPARE(none.error().file, path);
        QCOMPARE(
            unlockProject(path, Secret("Correct horse")).error().code, ErrorCode::WrongPassword);
        setPasswordProvider(
            [](const std::string&) { return std::optional<Secret>(Secret("nope")); });
        auto wrong = ProjectStore::open(path);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
        QCOMPARE(wrong.error().file, path);
        QVERIFY(QString::fromStdString(wrong.error().message)
                    .contains(QLatin1String("wrong password")));
        QVERIFY(!isProjectUnlocked(path));
        // A plain project, and a file that is neither, are not mistaken for encrypted ones.
        const std::string plain = m_dir.filePath(QStringLiteral("plain.mlens")).toStdString();
        QVERIFY(ProjectStore::create(plain));
        QVERIFY(!isEncryptedProject(plain));
        QCOMPARE(unlockProject(plain, Secret("x")).error().code, ErrorCode::NotAProject);
    }

    void tamperedFiles_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("ciphertext byte") << "flip";
        QTest::newRow("last chunk byte") << "flip-last";
        QTest::newRow("truncated") << "truncate";
        QTest::newRow("truncated to the header") << "truncate-header";
        QTest::newRow("inside the header") << "truncate-inside-header";
        QTest::newRow("appended bytes") << "append";
        QTest::newRow("header field") << "header-field";
        QTest::newRow("salt") << "salt";
        QTest::newRow("stream header, checksum fixed") << "stream-header";
        QTest::newRow("chunk size, checksum fixed") << "chunk-size";
    }

    void tamperedFiles()
    {
        QFETCH(QString, what);
        const std::string path = makeProject();
        const QString qpath = QString::fromStdString(path);
        QByteArray bytes = readAll(qpath);
        QVERIFY(bytes.size() > kHeaderSize + 17);
        if (what == "flip")
            bytes[kHeaderSize + 100] = char(bytes[kHeaderSize + 100] ^ 0x01);
        else if (what == "flip-last")
            bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 0x80);
        else if (what == "truncate")
            bytes.chop(1000);
        else if (what == "truncate-header")
            bytes.truncate(kHeaderSize);
        else if (what == "truncate-inside-header")
            bytes.truncate(60);
        else if (what == "append")
            bytes.append(QByteArray(17, 'x'));
        else if (what == "header-field")
            bytes[96] = char(bytes[96] ^ 0x10); // plaintext size
        else if (what == "salt")
            bytes[45] = char(bytes[45] ^ 0x01);
        else if (what == "stream-header") {
            bytes[110] = char(bytes[110] ^ 0x01); // authenticated as additional data
            fixChecksum(bytes);
        } else if (what == "chunk-size") {
            bytes[93] = char(bytes[93] ^ 0x01); // 1 MiB -> other size: lengths no longer add up
            fixChecksum(bytes);
        }
        writeAll(qpath, bytes);
        const Status s = unlockProject(path, Secret("correct horse"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Tampered);
        QCOMPARE(s.error().file, path);
        QVERIFY(!isProjectUnlocked(path));
    }

    void absurdKdfParametersRefused()
    {
        const std::string path = makeProject();
        const QString qpath = QString::fromStdString(path);
        const QByteArray good = readAll(qpath);
        QByteArray bytes = good;
        put64(bytes, 32, quint64(1) << 40); // 1 TiB of memory
        fixChecksum(bytes);
        writeAll(qpath, bytes);
        Status s = unlockProject(path, Secret("correct horse"));
        QCOMPARE(s.error().code, ErrorCode::Tampered);
        QVERIFY(QString::fromStdString(s.error().message).contains(QLatin1String("unreasonable")));
        bytes = good;
        put64(bytes, 24, quint64(1) << 32); // 4 billion passes
        fixChecksum(bytes);
        writeAll(qpath, bytes);
        s = unlockProject(path, Secret("correct horse"));
        QCOMPARE(s.error().code, ErrorCode::Tampered);
        // And we never write a file we would refuse to open.
        const std::string other = m_dir.filePath(QStringLiteral("big.mlens")).toStdString();
        auto store = ProjectStore::createEncrypted(other, Secret("x"), KdfParams {100, 1ull << 20});
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!QFile::exists(QString::fromStdString(other)));
    }

    void changeAndRemovePassword()
    {
        // Not unlocked: file to file.
        const std::string path = makeProject("old one");
        QCOMPARE(
            changeProjectPassword(path, Secret("wrong"), Secret("new one"), KdfParams::forTests())
                .error()
                .code,
            ErrorCode::WrongPassword);
        QVERIFY(changeProjectPassword(
            path, Secret("old one"), Secret("new one"), KdfParams::forTests()));
        QCOMPARE(unlockProject(path, Secret("old one")).error().code, ErrorCode::WrongPassword);
        QVERIFY(unlockProject(path, Secret("new one")));
        // Unlocked and open: the open store keeps working and saves with the new key.
        auto store = ProjectStore::open(path);
        QVERIFY(store);
        QVERIFY(
            changeProjectPassword(path, Secret("new one"), Secret("third"), KdfParams::forTests()));
        QVERIFY(store->setSetting("after-change", "yes"));
        store->close();
        lockProject(path);
        QCOMPARE(unlockProject(path, Secret("new one")).error().code, ErrorCode::WrongPassword);
        QVERIFY(unlockProject(path, Secret("third")));
        store = ProjectStore::open(path);
        QCOMPARE(store->setting("after-change")->value(), std::string("yes"));
        // Remove while unlocked: a plain SQLite project with the same content.
        QCOMPARE(
            removeProjectPassword(path, Secret("nope")).error().code, ErrorCode::WrongPassword);
        QVERIFY(removeProjectPassword(path, Secret("third")));
        QVERIFY(!isProjectUnlocked(path));
        QVERIFY(!isEncryptedProject(path));
        const auto stale = store->setSetting("late", "write");
        QVERIFY(!stale); // its in-memory database no longer saves over the plain file
        store->close();
        QCOMPARE(
            readAll(QString::fromStdString(path)).left(16), QByteArray("SQLite format 3\0", 16));
        auto plain = ProjectStore::open(path);
        QVERIFY2(plain, plain ? "" : plain.error().toString().c_str());
        QVERIFY(!plain->isEncrypted());
        QCOMPARE(plain->setting("client")->value(), std::string("Alpha Pension Fund"));
        QVERIFY(!plain->setting("late")->has_value());
        plain->close();
        // Protect it again, then remove the password without unlocking first.
        QVERIFY(encryptProject(path, Secret("again"), KdfParams::forTests()));
        QVERIFY(isEncryptedProject(path));
        QVERIFY(isProjectUnlocked(path));
        lockProject(path);
        QVERIFY(removeProjectPassword(path, Secret("again")));
        plain = ProjectStore::open(path);
        QCOMPARE(plain->setting("after-change")->value(), std::string("yes"));
    }

    void saveAsStaysEncrypted()
    {
        const std::string path = makeProject();
        QVERIFY(unlockProject(path, Secret("correct horse")));
        auto store = ProjectStore::open(path);
        const std::string copy = m_dir.filePath(QStringLiteral("copy.mlens")).toStdString();
        QVERIFY(store->saveAs(copy));
        QVERIFY(isEncryptedProject(copy));
        QVERIFY(isProjectUnlocked(copy)); // opens without asking again
        auto reopened = ProjectStore::open(copy);
        QVERIFY2(reopened, reopened ? "" : reopened.error().toString().c_str());
        QCOMPARE(reopened->setting("client")->value(), std::string("Alpha Pension Fund"));
        QVERIFY(reopened->setSetting("only-in-copy", "1"));
        reopened->close();
        lockProject(copy);
        QCOMPARE(unlockProject(copy, Secret("wrong")).error().code, ErrorCode::WrongPassword);
        QVERIFY(unlockProject(copy, Secret("correct horse")));
        reopened = ProjectStore::open(copy);
        QCOMPARE(reopened->setting("only-in-copy")->value(), std::string("1"));
        QVERIFY(!store->setting("only-in-copy")->has_value());
        lockProject(copy);
        lockProject(path);
    }

    void noPlaintextOnDisk()
    {
        QTemporaryDir folder;
        const std::string path = folder.filePath(QStringLiteral("secret.mlens")).toStdString();
        QVERIFY(ProjectStore::createEncrypted(path, Secret("pw"), KdfParams::forTests()));
        ImportOptions options;
        options.ticker = "ZQXJ";
        auto imported = importFiles(path, {(kData + "/msft_ohlcv.csv").toStdString()}, options);
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        QCOMPARE(imported->rowsAccepted(), std::int64_t(249)); // 250 lines with the header
        lockProject(path);
        QVERIFY(unlockProject(path, Secret("pw")));
        auto store = ProjectStore::open(path);
        auto prices = store->prices("ZQXJ");
        QCOMPARE(prices->dates.size(), std::size_t(249));
        QCOMPARE(prices->close.front(), 60.625); // first row of msft_ohlcv.csv
        store->close();
        const QStringList files = QDir(folder.path()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files, QStringList {QStringLiteral("secret.mlens")});
        for (const QString& f : files) {
            const QByteArray bytes = readAll(folder.filePath(f));
            QVERIFY(!bytes.contains("ZQXJ"));
            QVERIFY(!bytes.contains("SQLite format 3"));
            QVERIFY(!bytes.contains("2000-09-27"));
            QVERIFY(!bytes.contains("msft_ohlcv"));
        }
        lockProject(path);
    }

    void encryptedFileHasNoKnownPlaintext()
    {
        const std::string path = m_dir.filePath(QStringLiteral("known.mlens")).toStdString();
        {
            auto store = ProjectStore::create(path);
            Portfolio p;
            p.name = "Client Alpha Holdings";
            p.baseCurrency = "CHF";
            p.holdings.push_back(Holding {"NESN", 1200.0, std::nullopt, 98.5, "CHF"});
            QVERIFY(store->writePortfolio(p));
        }
        QVERIFY(readAll(QString::fromStdString(path)).contains("Client Alpha Holdings"));
        QVERIFY(encryptProject(path, Secret("pw"), KdfParams::forTests()));
        const QByteArray bytes = readAll(QString::fromStdString(path));
        QVERIFY(bytes.startsWith(QByteArray("MLENS encrypted\0", 16)));
        for (const char* known :
            {"Client Alpha Holdings", "NESN", "SQLite format 3", "portfolios", "CREATE TABLE"})
            QVERIFY2(!bytes.contains(known), known);
        QVERIFY(!QFile::exists(QString::fromStdString(path) + "-journal"));
        auto store = ProjectStore::open(path); // left unlocked by encryptProject
        QCOMPARE(store->portfolio("Client Alpha Holdings")->holdings.front().ticker,
            std::string("NESN"));
        store->close();
        lockProject(path);
    }

    void failedSaveKeepsTheFileAndRetries()
    {
        const std::string path = makeProject();
        const QString qpath = QString::fromStdString(path);
        QVERIFY(unlockProject(path, Secret("correct horse")));
        auto store = ProjectStore::open(path);
        const QByteArray before = readAll(qpath);
        // A file size limit just above the current file: the next save cannot be written.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old {};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = static_cast<rlim_t>(before.size() + 4096);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const Status s = store->setSetting("big", std::string(200000, 'q'));
        setrlimit(RLIMIT_FSIZE, &old);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Io);
        QCOMPARE(readAll(qpath), before); // the previous complete version
        QVERIFY(!QFile::exists(qpath + ".saving"));
        // The next commit saves everything, the failed change included.
        QVERIFY(store->setSetting("next", "1"));
        store->close();
        lockProject(path);
        QVERIFY(unlockProject(path, Secret("correct horse")));
        store = ProjectStore::open(path);
        QCOMPARE(store->setting("big")->value().size(), std::size_t(200000));
        QCOMPARE(store->setting("next")->value(), std::string("1"));
        store->close();
        lockProject(path);
    }

    void aFileChangedByAnotherProgramIsNotOverwritten()
    {
        // Two programs with the same encrypted project: each works on its own in-memory copy,
        // so the later save would drop the earlier one's work. The save sees the file changed
        // since it was read and refuses.
        const std::string path = makeProject();
        const QString qpath = QString::fromStdString(path);
        QVERIFY(unlockProject(path, Secret("correct horse")));
        auto store = ProjectStore::open(path);
        QVERIFY(store);
        QVERIFY(store->setSetting("mine", "1")); // our own saves move the stamp along
        // "Another program" saves: the same format, another content and time.
        const std::string other = makeProject();
        const QByteArray theirs = readAll(QString::fromStdString(other));
        QThread::msleep(20);
        writeAll(qpath, theirs);
        const Status s = store->setSetting("mine", "2");
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Io);
        QCOMPARE(s.error().file, path);
        QVERIFY2(s.error().message.find("changed by another program") != std::string::npos,
            s.error().message.c_str());
        QCOMPARE(readAll(qpath), theirs); // their work stays
        store->close();
        lockProject(path);
        // Opened again, the project is theirs (the password of both files is the same).
        QVERIFY(unlockProject(path, Secret("correct horse")));
        store = ProjectStore::open(path);
        QVERIFY(store);
        QVERIFY(!store->setting("mine")->has_value());
        QCOMPARE(store->setting("client")->value(), std::string("Alpha Pension Fund"));
        QVERIFY(store->setSetting("mine", "3")); // and saves again from there
        store->close();
        lockProject(path);
    }
};

QTEST_GUILESS_MAIN(TestProjectCrypto)
#include "test_project_crypto.moc"
