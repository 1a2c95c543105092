// Schema validation at open with the reference shape of each version built once per process
// (core/project_schema.cpp): a file is checked against the shape of its own version, whichever
// versions were opened before, and a tampered file is refused however warm the cache is, also
// when several threads open projects at the same time (the window, its reader thread, workers).
#include "core/project_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace marketlens::core;

namespace {

// Raw SQL through the C API, the way another tool would alter the file.
bool rawExec(const std::string& path, const char* sql)
{
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK;
    ok = ok && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// What one open gave: empty when it opened, else the error's code, file and message.
struct Outcome {
    bool opened = false;
    int version = 0;
    int code = 0;
    std::string file;
    std::string message;
};

Outcome openProject(const std::string& path)
{
    Outcome o;
    auto store = ProjectStore::open(path);
    if (store) {
        o.opened = true;
        o.version = store->schemaVersion() ? *store->schemaVersion() : -1;
    } else {
        o.code = int(store.error().code);
        o.file = store.error().file;
        o.message = store.error().message;
    }
    return o;
}

// An alteration of a file at an old version, and what the refusal must say.
struct Tamper {
    int version;
    const char* sql;
    const char* says;
};

// Each only makes sense against its own version's shape: instrument_aliases exists from
// version 2, import_log.options from 2, risk_runs from 3, models from 4, news from 5.
const std::vector<Tamper> kTampers = {
    {1, "ALTER TABLE prices DROP COLUMN volume", "has no column 'volume'"},
    {2, "DROP TABLE instrument_aliases", "table 'instrument_aliases' is missing"},
    {2, "ALTER TABLE import_log DROP COLUMN options", "has no column 'options'"},
    {3, "DROP TABLE risk_runs", "table 'risk_runs' is missing"},
    {4, "CREATE TRIGGER t AFTER INSERT ON models BEGIN DELETE FROM prices; END", "trigger 't'"},
    {5, "ALTER TABLE news RENAME COLUMN headline TO title", "has no column 'headline'"},
};

} // namespace

class TestProjectSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // First, while no reference shape is built yet: threads race to build them. Every good file
    // opens (migrated to the current version), every tampered one is refused as Corrupt naming
    // the file and what was altered.
    void concurrentOpens()
    {
        constexpr int kThreads = 4;
        constexpr int kRounds = 6;
        std::vector<std::string> good(ProjectStore::kSchemaVersion + 1);
        for (int v = 1; v <= ProjectStore::kSchemaVersion; ++v) {
            good[v] = path("good_v" + std::to_string(v));
            QVERIFY(ProjectStore::createAtVersion(good[v], v));
        }
        std::vector<std::string> tampered;
        for (std::size_t i = 0; i < kTampers.size(); ++i) {
            tampered.push_back(path("tampered_" + std::to_string(i)));
            QVERIFY(std::filesystem::copy_file(good[kTampers[i].version], tampered.back()));
            QVERIFY(rawExec(tampered.back(), kTampers[i].sql));
        }
        // Per thread and round: its own copy of every good file (an open migrates it) and of
        // every tampered one, in an order that differs between threads.
        struct Job {
            std::string path;
            int tamper; // index into kTampers, -1 for a good file
            Outcome got;
        };
        std::vector<std::vector<Job>> jobs(kThreads);
        for (int t = 0; t < kThreads; ++t) {
            for (int r = 0; r < kRounds; ++r) {
                for (int v = 1; v <= ProjectStore::kSchemaVersion; ++v) {
                    const std::string copy = path("copy_" + std::to_string(t) + "_"
                                                  + std::to_string(r) + "_v" + std::to_string(v));
                    QVERIFY(std::filesystem::copy_file(good[v], copy));
                    jobs[t].push_back({copy, -1, {}});
                }
                for (std::size_t i = 0; i < kTampers.size(); ++i) {
                    const std::string copy = path("copy_" + std::to_string(t) + "_"
                                                  + std::to_string(r) + "_t" + std::to_string(i));
                    QVERIFY(std::filesystem::copy_file(tampered[i], copy));
                    jobs[t].push_back({copy, int(i), {}});
                }
            }
            std::rotate(jobs[t].begin(), jobs[t].begin() + 3 * t, jobs[t].end());
        }
        std::atomic<int> ready {0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                ++ready;
                while (ready.load() < kThreads) {
                }
                for (Job& j : jobs[t])
                    j.got = openProject(j.path);
            });
        }
        for (auto& th : threads)
            th.join();
        for (const auto& list : jobs) {
            for (const Job& j : list) {
                if (j.tamper < 0) {
                    QVERIFY2(j.got.opened, (j.path + ": " + j.got.message).c_str());
                    QCOMPARE(j.got.version, ProjectStore::kSchemaVersion);
                    continue;
                }
                QVERIFY2(!j.got.opened, j.path.c_str());
                QCOMPARE(j.got.code, int(ErrorCode::Corrupt));
                QCOMPARE(j.got.file, j.path);
                QVERIFY2(j.got.message.find(kTampers[j.tamper].says) != std::string::npos,
                         j.got.message.c_str());
            }
        }
    }

    // With every version's shape built: an old file is still checked against its own version,
    // not the newest (a version 1 file has no instrument_aliases and opens), and altering it
    // is still found.
    void warmCacheKeepsVersionsApart()
    {
        for (int v = ProjectStore::kSchemaVersion; v >= 1; --v) {
            const std::string p = path("warm_v" + std::to_string(v));
            QVERIFY(ProjectStore::createAtVersion(p, v));
            const Outcome o = openProject(p);
            QVERIFY2(o.opened, o.message.c_str());
            QCOMPARE(o.version, ProjectStore::kSchemaVersion);
        }
        for (const Tamper& t : kTampers) {
            const std::string p = path("warm_tampered_v" + std::to_string(t.version));
            std::filesystem::remove(p);
            QVERIFY(ProjectStore::createAtVersion(p, t.version));
            QVERIFY(rawExec(p, t.sql));
            const Outcome o = openProject(p);
            QVERIFY(!o.opened);
            QCOMPARE(o.code, int(ErrorCode::Corrupt));
            QCOMPARE(o.file, p);
            QVERIFY2(o.message.find(t.says) != std::string::npos, o.message.c_str());
        }
    }

private:
    std::string path(const std::string& stem) const
    {
        return m_dir.filePath(QString::fromStdString(stem + ".mlens")).toStdString();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProjectSchema)
#include "test_project_schema.moc"
