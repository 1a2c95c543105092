#include "project_store.h"

#include "price_queries.h"

#include <QDateTime>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace marketlens::core {
namespace {

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

} // namespace

std::string utcNowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

Status ProjectStore::configure(Database& db)
{
    // Rollback journal (not WAL): a project is one self-contained file that analysts copy and
    // mail; WAL would keep recent commits in a -wal side file while the app runs.
    // synchronous=FULL makes a commit durable when it returns.
    for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = DELETE",
                               "PRAGMA synchronous = FULL", "PRAGMA cache_size = -65536"}) {
        if (auto s = db.exec(pragma); !s)
            return s;
    }
    return {};
}

Result<ProjectStore> ProjectStore::create(const std::string& path)
{
    return createAtVersion(path, kSchemaVersion);
}

Result<ProjectStore> ProjectStore::createAtVersion(const std::string& path, int version)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return makeError(ErrorCode::Io, "file already exists", path);
    if (version < 1 || version > kSchemaVersion)
        return makeError(ErrorCode::InvalidArgument, "unknown schema version", path);
    auto db = Database::open(path, Database::Mode::Create);
    if (!db)
        return db.error();
    if (auto s = initialise(*db, version); !s) {
        db->close();
        std::filesystem::remove(path, ec);
        return s.error();
    }
    return ProjectStore(std::move(db).value());
}

Result<ProjectStore> ProjectStore::createEncrypted(const std::string& path,
                                                   const Secret& password, const KdfParams& params)
{
    if (auto s = registerNewEncryptedProject(path, password, params); !s)
        return s.error();
    auto db = openUnlockedDatabase(path);
    Status st = db ? initialise(*db, kSchemaVersion) : Status(db.error());
    if (!st) { // the schema's commit writes the file: take it back
        if (db)
            db->close();
        lockProject(path);
        std::error_code ec;
        std::filesystem::remove(path, ec);
        return st.error();
    }
    return ProjectStore(std::move(db).value(), true);
}

// Page size, connection settings and the schema of a new project, in one transaction.
Status ProjectStore::initialise(Database& db, int version)
{
    // 16 KiB pages (SQLite's default is 4 KiB): the prices table is one clustered B-tree that
    // imports append to in bulk; larger pages mean fewer page splits and interior pages, about
    // 15 % less insert time, and reads of one ticker's history touch fewer pages. It can only be
    // set before the first table exists.
    if (auto s = db.exec("PRAGMA page_size = 16384"); !s)
        return s;
    if (auto s = configure(db); !s)
        return s;
    Transaction tx(db);
    if (auto s = tx.begin(); !s)
        return s;
    if (auto s = schema::migrate(db, 0, version); !s)
        return s;
    return tx.commit();
}

// The connection of ProjectStore::open: an encrypted project (recognised by its first bytes, or
// unlocked already, also when not saved yet) is unlocked if need be and opened in memory.
Result<Database> ProjectStore::openDatabase(const std::string& path, bool& encrypted)
{
    encrypted = isProjectUnlocked(path) || isEncryptedProject(path);
    if (!encrypted) {
        if (auto s = schema::checkFileHeader(path); !s)
            return s.error();
        return Database::open(path, Database::Mode::ReadWrite);
    }
    if (!isProjectUnlocked(path)) {
        std::optional<Secret> password = providePassword(path);
        if (!password)
            return makeError(ErrorCode::PasswordRequired,
                             "project is encrypted: a password is needed to open it (on the command "
                             "line: --password-file FILE or MARKETLENS_PASSWORD)",
                             path);
        if (auto s = unlockProject(path, *password); !s)
            return s.error();
    }
    return openUnlockedDatabase(path);
}

Result<ProjectStore> ProjectStore::open(const std::string& path)
{
    bool encrypted = false;
    auto db = openDatabase(path, encrypted);
    if (!db)
        return db.error();
    // Read the identity before touching anything: PRAGMA reads do not write.
    auto appId = db->queryInt("PRAGMA application_id");
    if (!appId)
        return appId.error();
    auto version = db->queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    if (*appId != kApplicationId)
        return makeError(ErrorCode::NotAProject,
                         "not a MarketLens project (an SQLite database of another application)", path);
    if (*version > kSchemaVersion)
        return makeError(ErrorCode::TooNew,
                         "project was written by a newer MarketLens (file version "
                             + std::to_string(*version) + ", this version reads up to "
                             + std::to_string(kSchemaVersion) + "); please update MarketLens",
                         path);
    if (*version < 1)
        return makeError(ErrorCode::Corrupt, "project has no schema version", path);
    if (auto s = schema::validate(*db, path); !s) // tampered schema, triggers, views
        return s.error();
    if (auto s = configure(*db); !s)
        return s.error();
    if (*version < kSchemaVersion) {
        Transaction tx(*db);
        if (auto s = tx.begin(); !s)
            return s.error();
        if (auto s = schema::migrate(*db, static_cast<int>(*version), kSchemaVersion); !s)
            return s.error(); // tx rolls back: the file stays at its old version
        if (auto s = tx.commit(); !s)
            return s.error();
    }
    return ProjectStore(std::move(db).value(), encrypted);
}

Result<int> ProjectStore::schemaVersion()
{
    auto v = m_db.queryInt("PRAGMA user_version");
    if (!v)
        return v.error();
    return static_cast<int>(*v);
}

Result<std::vector<InstrumentInfo>> ProjectStore::instruments()
{
    auto st = m_db.prepare(
        "SELECT i.id, i.ticker, i.name, i.currency, count(p.date), min(p.date), max(p.date) "
        "FROM instruments i LEFT JOIN prices p ON p.instrument_id = i.id "
        "GROUP BY i.id ORDER BY i.ticker");
    if (!st)
        return st.error();
    return readInstrumentRows(*st);
}

Result<std::int64_t> ProjectStore::instrumentId(const std::string& rawTicker, bool create)
{
    const std::string ticker = upper(rawTicker);
    auto sel = m_db.prepare("SELECT id FROM instruments WHERE ticker = ?1");
    if (!sel)
        return sel.error();
    sel->bind(1, std::string_view(ticker));
    auto row = sel->step();
    if (!row)
        return row.error();
    if (*row)
        return sel->columnInt(0);
    if (!create)
        return makeError(ErrorCode::NotFound, "no instrument with ticker " + ticker);
    auto ins = m_db.prepare("INSERT INTO instruments (ticker, created_at) VALUES (?1, ?2)");
    if (!ins)
        return ins.error();
    ins->bind(1, std::string_view(ticker));
    ins->bind(2, std::string_view(utcNowIso()));
    if (auto s = ins->run(); !s)
        return s.error();
    return m_db.lastInsertRowId();
}

Result<PriceSeries> ProjectStore::prices(const std::string& ticker, std::optional<Date> from,
                                         std::optional<Date> to)
{
    auto id = instrumentId(ticker, false);
    if (!id)
        return id.error();
    auto st = m_db.prepare("SELECT date, open, high, low, close, adj_close, volume FROM prices "
                           "WHERE instrument_id = ?1 AND date >= ?2 AND date <= ?3 ORDER BY date");
    if (!st)
        return st.error();
    st->bind(1, *id);
    st->bind(2, std::string_view(from ? from->toIso() : std::string("0000-00-00")));
    st->bind(3, std::string_view(to ? to->toIso() : std::string("9999-99-99")));
    PriceSeries s;
    s.ticker = upper(ticker);
    auto col = [&](int c) { return st->columnOptional(c).value_or(kMissing); };
    const Status rows = st->forEachRow([&]() -> Status {
        auto d = Date::fromIso(st->columnTextView(0));
        if (!d)
            return makeError(ErrorCode::Corrupt,
                             "bad date '" + st->columnText(0) + "' in prices of " + s.ticker, path());
        if (!s.dates.empty() && !(s.dates.back() < *d)) // a damaged B-tree page reads out of order
            return makeError(ErrorCode::Corrupt,
                             "project file is damaged: the prices of " + s.ticker
                                 + " are not in date order at " + d->toIso(),
                             path());
        s.dates.push_back(*d);
        s.open.push_back(col(1));
        s.high.push_back(col(2));
        s.low.push_back(col(3));
        s.close.push_back(col(4));
        s.adjClose.push_back(col(5));
        s.volume.push_back(col(6));
        return {};
    });
    if (!rows)
        return rows.error();
    return s;
}

Result<std::vector<Portfolio>> ProjectStore::portfolios()
{
    auto st = m_db.prepare("SELECT id, name, base_currency FROM portfolios ORDER BY name");
    if (!st)
        return st.error();
    std::vector<Portfolio> out;
    const Status rows = st->forEachRow([&]() -> Status {
        out.push_back(Portfolio{st->columnInt(0), st->columnText(1), st->columnText(2), {}});
        return {};
    });
    if (!rows)
        return rows.error();
    auto hs = m_db.prepare("SELECT i.ticker, h.quantity, h.weight, h.cost_basis, h.currency "
                           "FROM holdings h JOIN instruments i ON i.id = h.instrument_id "
                           "WHERE h.portfolio_id = ?1 ORDER BY h.id");
    if (!hs)
        return hs.error();
    for (Portfolio& p : out) {
        hs->reset();
        hs->bind(1, p.id);
        const Status held = hs->forEachRow([&]() -> Status {
            p.holdings.push_back(Holding{hs->columnText(0), hs->columnOptional(1),
                                         hs->columnOptional(2), hs->columnOptional(3),
                                         hs->columnText(4)});
            return {};
        });
        if (!held)
            return held.error();
    }
    return out;
}

Result<std::int64_t> ProjectStore::writePortfolio(const Portfolio& portfolio)
{
    if (portfolio.name.empty())
        return makeError(ErrorCode::InvalidArgument, "a portfolio needs a name");
    auto up = m_db.prepare("INSERT INTO portfolios (name, base_currency, created_at) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT(name) DO UPDATE SET base_currency = excluded.base_currency "
                           "RETURNING id");
    if (!up)
        return up.error();
    up->bind(1, std::string_view(portfolio.name));
    up->bind(2, std::string_view(portfolio.baseCurrency));
    up->bind(3, std::string_view(utcNowIso()));
    auto row = up->step();
    if (!row)
        return row.error();
    const std::int64_t pid = up->columnInt(0);
    up->reset();
    auto del = m_db.prepare("DELETE FROM holdings WHERE portfolio_id = ?1");
    if (!del)
        return del.error();
    del->bind(1, pid);
    if (auto s = del->run(); !s)
        return s.error();
    auto ins = m_db.prepare("INSERT INTO holdings (portfolio_id, instrument_id, quantity, weight, "
                            "cost_basis, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                            "ON CONFLICT(portfolio_id, instrument_id) DO UPDATE SET "
                            "quantity = excluded.quantity, weight = excluded.weight, "
                            "cost_basis = excluded.cost_basis, currency = excluded.currency");
    if (!ins)
        return ins.error();
    for (const Holding& h : portfolio.holdings) {
        auto iid = instrumentId(h.ticker, true);
        if (!iid)
            return iid.error();
        ins->bind(1, pid);
        ins->bind(2, *iid);
        ins->bindOptional(3, h.quantity);
        ins->bindOptional(4, h.weight);
        ins->bindOptional(5, h.costBasis);
        ins->bind(6, std::string_view(h.currency));
        if (auto s = ins->run(); !s)
            return s.error();
    }
    return pid;
}

Result<Portfolio> ProjectStore::portfolio(const std::string& name)
{
    auto all = portfolios();
    if (!all)
        return all.error();
    for (Portfolio& p : *all) {
        if (p.name == name)
            return std::move(p);
    }
    return makeError(ErrorCode::NotFound, "no portfolio named '" + name + "'");
}

namespace {
Result<bool> portfolioExists(Database& db, const std::string& name)
{
    auto st = db.prepare("SELECT 1 FROM portfolios WHERE name = ?1");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(name));
    return st->step();
}

// NotFound when `from` does not exist; InvalidArgument when `to` cannot name a new portfolio.
Status checkPortfolioNames(Database& db, const std::string& from, const std::string& to)
{
    auto source = portfolioExists(db, from);
    if (!source)
        return source.error();
    if (!*source)
        return makeError(ErrorCode::NotFound, "no portfolio named '" + from + "'");
    if (to.empty())
        return makeError(ErrorCode::InvalidArgument, "a portfolio needs a name");
    auto target = portfolioExists(db, to);
    if (!target)
        return target.error();
    if (*target)
        return makeError(ErrorCode::InvalidArgument,
                         "a portfolio named '" + to + "' already exists");
    return {};
}
} // namespace

Status ProjectStore::renamePortfolio(const std::string& from, const std::string& to)
{
    if (from == to) { // nothing to change, but `from` must exist
        auto exists = portfolioExists(m_db, from);
        if (!exists)
            return exists.error();
        if (!*exists)
            return makeError(ErrorCode::NotFound, "no portfolio named '" + from + "'");
        return {};
    }
    if (auto s = checkPortfolioNames(m_db, from, to); !s)
        return s;
    auto st = m_db.prepare("UPDATE portfolios SET name = ?2 WHERE name = ?1");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(from));
    st->bind(2, std::string_view(to));
    return st->runOnExistingRow("no portfolio named '" + from + "'");
}

Status ProjectStore::deletePortfolio(const std::string& name)
{
    // holdings go with it: ON DELETE CASCADE (foreign keys are on, see configure()).
    auto st = m_db.prepare("DELETE FROM portfolios WHERE name = ?1");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(name));
    return st->runOnExistingRow("no portfolio named '" + name + "'");
}

Result<std::int64_t> ProjectStore::duplicatePortfolio(const std::string& from,
                                                      const std::string& to)
{
    if (auto s = checkPortfolioNames(m_db, from, to); !s)
        return s.error();
    auto source = portfolio(from);
    if (!source)
        return source.error();
    if (auto s = m_db.exec("SAVEPOINT duplicate_portfolio"); !s)
        return s.error();
    Portfolio copy = std::move(*source);
    copy.id = 0;
    copy.name = to;
    auto id = writePortfolio(copy);
    if (!id) {
        (void)m_db.exec("ROLLBACK TO duplicate_portfolio");
        (void)m_db.exec("RELEASE duplicate_portfolio");
        return id.error();
    }
    if (auto s = m_db.exec("RELEASE duplicate_portfolio"); !s)
        return s.error();
    return id;
}

Result<std::vector<ImportLogEntry>> ProjectStore::importLog()
{
    auto st = m_db.prepare("SELECT id, file_name, sha256, imported_at, kind, rows_accepted, "
                           "rows_rejected FROM import_log ORDER BY id");
    if (!st)
        return st.error();
    std::vector<ImportLogEntry> out;
    const Status rows = st->forEachRow([&]() -> Status {
        out.push_back(ImportLogEntry{st->columnInt(0), st->columnText(1), st->columnText(2),
                                     st->columnText(3), st->columnText(4), st->columnInt(5),
                                     st->columnInt(6)});
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Status ProjectStore::addImportLog(const ImportLogEntry& e)
{
    auto st = m_db.prepare("INSERT INTO import_log (file_name, sha256, imported_at, kind, "
                           "rows_accepted, rows_rejected) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(e.fileName));
    st->bind(2, std::string_view(e.sha256));
    st->bind(3, std::string_view(e.importedAt.empty() ? utcNowIso() : e.importedAt));
    st->bind(4, std::string_view(e.kind));
    st->bind(5, e.rowsAccepted);
    st->bind(6, e.rowsRejected);
    return st->run();
}

Result<std::optional<std::string>> ProjectStore::setting(const std::string& key)
{
    auto st = m_db.prepare("SELECT value FROM settings WHERE key = ?1");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(key));
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<std::string>{};
    return std::optional<std::string>(st->columnText(0));
}

Status ProjectStore::setSetting(const std::string& key, const std::string& value)
{
    auto st = m_db.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(key));
    st->bind(2, std::string_view(value));
    return st->run();
}

Status ProjectStore::saveAs(const std::string& destPath) const
{
    if (m_encrypted)
        return saveEncryptedCopy(path(), destPath);
    return m_db.backupTo(destPath);
}

} // namespace marketlens::core
