// ProjectStore edits of portfolios: lookup by name, rename (same id and holdings), delete (holdings
// go with it), duplicate (an independent copy), their errors (NotFound, a name already used) and
// atomicity: a failed duplicate or a failed step inside a caller's Transaction leaves the file as
// it was. Row counts are checked with raw SQL, independently of the store's own reads.
#include "core/project_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace marketlens::core;

namespace {

Holding holding(const char* ticker, std::optional<double> qty, std::optional<double> weight,
    std::optional<double> cost, const char* currency)
{
    return Holding {ticker, qty, weight, cost, currency};
}

// "Core": 100 MSFT at 250.5 USD, 12.5 % of SAP (EUR), 0.1 + 0.2 units of ASML (a value that is
// not a short decimal, to prove exact storage).
Portfolio core()
{
    Portfolio p;
    p.name = "Core";
    p.baseCurrency = "USD";
    p.holdings = {holding("MSFT", 100.0, {}, 250.5, "USD"), holding("SAP", {}, 0.125, {}, "EUR"),
        holding("ASML", 0.1 + 0.2, {}, {}, "EUR")};
    return p;
}

bool sameHoldings(const std::vector<Holding>& a, const std::vector<Holding>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].ticker != b[i].ticker || a[i].quantity != b[i].quantity
            || a[i].weight != b[i].weight || a[i].costBasis != b[i].costBasis
            || a[i].currency != b[i].currency)
            return false;
    }
    return true;
}

// A count through a second, raw connection: what another program reading the file sees.
std::int64_t rawCount(const std::string& path, const char* sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_stmt* st = nullptr;
    std::int64_t n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

std::vector<std::string> names(ProjectStore& store)
{
    std::vector<std::string> out;
    auto all = store.portfolios();
    if (all) {
        for (const auto& p : *all)
            out.push_back(p.name);
    }
    return out;
}

} // namespace

class TestPortfolioEdit : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    // A new project holding "Core" (and "Other" when asked).
    ProjectStore project(bool withOther = false)
    {
        const std::string path
            = m_dir.filePath(QStringLiteral("p%1.mlens").arg(++m_n)).toStdString();
        auto store = ProjectStore::create(path);
        if (!store)
            qFatal("%s", store.error().toString().c_str());
        if (!store->writePortfolio(core()))
            qFatal("writePortfolio failed");
        if (withOther) {
            Portfolio other;
            other.name = "Other";
            other.holdings = {holding("AAPL", 5.0, {}, {}, "USD")};
            if (!store->writePortfolio(other))
                qFatal("writePortfolio failed");
        }
        return std::move(*store);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void lookupByName()
    {
        ProjectStore store = project();
        auto p = store.portfolio("Core");
        QVERIFY(p);
        QCOMPARE(p->baseCurrency, std::string("USD"));
        QVERIFY(sameHoldings(p->holdings, core().holdings)); // order and exact values kept
        QCOMPARE(*p->holdings[2].quantity, 0.1 + 0.2);
        auto missing = store.portfolio("core"); // names are case-sensitive
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void renameKeepsIdAndHoldings()
    {
        ProjectStore store = project();
        const std::int64_t id = store.portfolio("Core")->id;
        QVERIFY(store.renamePortfolio("Core", "Growth"));
        QCOMPARE(names(store), std::vector<std::string> {"Growth"});
        auto p = store.portfolio("Growth");
        QVERIFY(p);
        QCOMPARE(p->id, id);
        QVERIFY(sameHoldings(p->holdings, core().holdings));
        QCOMPARE(rawCount(store.path(),
                     "SELECT COUNT(*) FROM holdings h JOIN portfolios p ON p.id = h.portfolio_id "
                     "WHERE p.name = 'Growth'"),
            3);
        QVERIFY(store.renamePortfolio("Growth", "Growth")); // no-op on an existing one
    }

    void renameErrors()
    {
        ProjectStore store = project(true);
        auto missing = store.renamePortfolio("Nope", "X");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(missing.error().message).contains(QLatin1String("Nope")));
        auto taken = store.renamePortfolio("Core", "Other");
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(taken.error().message).contains(QLatin1String("already")));
        auto empty = store.renamePortfolio("Core", "");
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store.renamePortfolio("Nope", "Nope").error().code, ErrorCode::NotFound);
        QCOMPARE(names(store), (std::vector<std::string> {"Core", "Other"}));
        QVERIFY(sameHoldings(store.portfolio("Core")->holdings, core().holdings));
    }

    void deleteRemovesHoldings()
    {
        ProjectStore store = project(true);
        QCOMPARE(rawCount(store.path(), "SELECT COUNT(*) FROM holdings"), 4);
        QVERIFY(store.deletePortfolio("Core"));
        QCOMPARE(names(store), std::vector<std::string> {"Other"});
        QCOMPARE(rawCount(store.path(), "SELECT COUNT(*) FROM holdings"), 1); // AAPL of Other
        // The instruments stay: other portfolios or stored prices may use them.
        QCOMPARE(rawCount(store.path(), "SELECT COUNT(*) FROM instruments"), 4);
        auto again = store.deletePortfolio("Core");
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
    }

    void duplicateIsIndependent()
    {
        ProjectStore store = project();
        auto id = store.duplicatePortfolio("Core", "Core copy");
        QVERIFY(id);
        QVERIFY(*id != store.portfolio("Core")->id);
        QCOMPARE(names(store), (std::vector<std::string> {"Core", "Core copy"}));
        auto copy = store.portfolio("Core copy");
        QCOMPARE(copy->baseCurrency, std::string("USD"));
        QVERIFY(sameHoldings(copy->holdings, core().holdings));
        QCOMPARE(rawCount(store.path(), "SELECT COUNT(*) FROM holdings"), 6);
        // Changing the original leaves the copy alone.
        QVERIFY(store.deletePortfolio("Core"));
        QVERIFY(sameHoldings(store.portfolio("Core copy")->holdings, core().holdings));
    }

    void duplicateErrors()
    {
        ProjectStore store = project(true);
        QCOMPARE(store.duplicatePortfolio("Nope", "X").error().code, ErrorCode::NotFound);
        auto taken = store.duplicatePortfolio("Core", "Other");
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store.duplicatePortfolio("Core", "").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(names(store), (std::vector<std::string> {"Core", "Other"}));
        QCOMPARE(rawCount(store.path(), "SELECT COUNT(*) FROM holdings"), 4);
    }

    void duplicateFailingHalfwayWritesNothing()
    {
        ProjectStore store = project();
        // Another program's rule refuses holdings of a portfolio called "Copy": the portfolio row
        // is inserted first, so only the savepoint keeps it from staying behind, empty.
        QVERIFY(store.db().exec(
            "CREATE TRIGGER refuse BEFORE INSERT ON holdings WHEN (SELECT name FROM portfolios "
            "WHERE id = NEW.portfolio_id) = 'Copy' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
        auto copy = store.duplicatePortfolio("Core", "Copy");
        QVERIFY(!copy);
        QVERIFY(QString::fromStdString(copy.error().message).contains(QLatin1String("refused")));
        QCOMPARE(names(store), std::vector<std::string> {"Core"});
        QCOMPARE(rawCount(store.path(), "SELECT COUNT(*) FROM portfolios"), 1);
        // Also inside a caller's transaction, which stays usable and commits the rest.
        Transaction tx(store.db());
        QVERIFY(tx.begin());
        QVERIFY(store.renamePortfolio("Core", "Main"));
        QVERIFY(!store.duplicatePortfolio("Main", "Copy"));
        QVERIFY(tx.commit());
        QCOMPARE(names(store), std::vector<std::string> {"Main"});
    }

    void transactionRollsBackEveryStep()
    {
        ProjectStore store = project();
        const std::string path = store.path();
        {
            Transaction tx(store.db());
            QVERIFY(tx.begin());
            QVERIFY(store.renamePortfolio("Core", "Renamed"));
            Portfolio bad = *store.portfolio("Renamed");
            bad.holdings.push_back(holding("NVDA", {}, {}, 1.0, "USD")); // neither qty nor weight
            auto written = store.writePortfolio(bad);
            QVERIFY(!written); // the CHECK constraint of the holdings table
            // No commit: the destructor rolls the rename and the partial write back.
        }
        QCOMPARE(names(store), std::vector<std::string> {"Core"});
        QVERIFY(sameHoldings(store.portfolio("Core")->holdings, core().holdings));
        store.close();
        auto reopened = ProjectStore::open(path);
        QVERIFY(reopened);
        QCOMPARE(names(*reopened), std::vector<std::string> {"Core"});
        QVERIFY(sameHoldings(reopened->portfolio("Core")->holdings, core().holdings));
    }
};

QTEST_GUILESS_MAIN(TestPortfolioEdit)
#include "test_portfolio_edit.moc"
