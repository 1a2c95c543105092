#include "sqlite_db.h"

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#include <sys/statvfs.h>
#endif

namespace marketlens::core {
namespace {

// SQLite keeps the system error of the last failing call, which the rollback after a failed write
// may have overwritten with 0. Then look at the two causes a user can act on: a file size limit
// (RLIMIT_FSIZE) and a full file system where `file` lives.
std::string guessWriteFailure(const char* file, const std::string& msg)
{
#if defined(__unix__) || defined(__APPLE__)
    rlimit limit {};
    if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return "cannot write: the file is too large for the file size limit (" + msg + ")";
    if (file && *file) {
        const std::filesystem::path folder = std::filesystem::path(file).parent_path();
        struct statvfs fs {};
        if (statvfs(folder.empty() ? "." : folder.c_str(), &fs) == 0
            && static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < (1ull << 20))
            return "cannot write: the disk is full (" + msg + ")";
    }
#endif
    (void)file;
    return msg;
}

// SQLite says "disk I/O error" or "database or disk is full" whatever the cause; the system error
// tells a full disk from a file size limit (EFBIG under RLIMIT_FSIZE), which is what a user can
// act on. Other errors keep SQLite's message.
std::string describeError(sqlite3* db, int rc)
{
    const std::string msg = sqlite3_errmsg(db);
    const int primary = rc & 0xff;
    if (primary != SQLITE_IOERR && primary != SQLITE_FULL)
        return msg;
    const int sys = sqlite3_system_errno(db);
    if (primary == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
        return "cannot write: the disk is full (" + msg + ")";
    if (sys == EFBIG)
        return "cannot write: the file is too large for the file size limit (" + msg + ")";
    return sys != 0 ? msg + " (" + std::strerror(sys) + ")"
                    : guessWriteFailure(sqlite3_db_filename(db, "main"), msg);
}

} // namespace

namespace detail {
struct CommitState {
    std::atomic<bool> dirty{false};
    Database::AfterCommit action;
    std::string path; // the project's path (the connection's own file name is an in-memory one)
};
} // namespace detail

namespace {

int markCommitted(void* state)
{
    static_cast<detail::CommitState*>(state)->dirty.store(true, std::memory_order_relaxed);
    return 0; // let the commit proceed
}

// Runs the connection's after-commit action when a commit happened and the connection is back in
// autocommit mode (not between a BEGIN and its COMMIT).
Status runAfterCommit(sqlite3* db, detail::CommitState* state)
{
    if (!state || !state->dirty.load(std::memory_order_relaxed) || !sqlite3_get_autocommit(db))
        return {};
    state->dirty.store(false, std::memory_order_relaxed);
    return state->action();
}

} // namespace

std::string sqliteVersion() { return sqlite3_libversion(); }

Database::~Database() { close(); }

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_commit(std::move(other.m_commit))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_commit = std::move(other.m_commit);
    }
    return *this;
}

void Database::close()
{
    if (m_db) {
        if (m_commit) {
            // Nobody to report to here; the action remembers a failed save and retries it.
            (void)runAfterCommit(m_db, m_commit.get());
            sqlite3_commit_hook(m_db, nullptr, nullptr);
        }
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    m_commit.reset();
}

Result<Database> Database::open(const std::string& path, Mode mode)
{
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db;
    db.m_db = raw; // closed by the destructor on every path
    db.m_path = path;
    if (rc != SQLITE_OK) {
        const std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return makeError(rc == SQLITE_CANTOPEN ? ErrorCode::Io : ErrorCode::Database,
                         "cannot open: " + msg, path);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Result<Database> Database::openUri(const std::string& uri, const std::string& displayPath)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(
        uri.c_str(), &raw, SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
    Database db;
    db.m_db = raw;
    db.m_path = displayPath;
    if (rc != SQLITE_OK)
        return makeError(ErrorCode::Io,
                         "cannot open: " + std::string(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                         displayPath);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

void Database::setAfterCommit(AfterCommit action)
{
    if (!m_db)
        return;
    m_commit = std::make_shared<detail::CommitState>();
    m_commit->action = std::move(action);
    m_commit->path = m_path;
    sqlite3_commit_hook(m_db, &markCommitted, m_commit.get());
}

Status Database::exec(std::string_view sql)
{
    char* err = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    const Status saved = runAfterCommit(m_db, m_commit.get());
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : "unknown SQLite error";
        sqlite3_free(err);
        const int primary = sqlite3_extended_errcode(m_db) & 0xff;
        if (primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CORRUPT
            || primary == SQLITE_NOTADB)
            return lastError(); // a full disk is an Io error with a message that says so
        return makeError(ErrorCode::Database, msg, m_path);
    }
    return saved;
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr)
        != SQLITE_OK)
        return lastError();
    return Statement(stmt, m_db, m_commit);
}

Result<std::int64_t> Database::queryInt(std::string_view sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Database, "query returned no row: " + std::string(sql), m_path);
    return st->columnInt(0);
}

Result<std::string> Database::queryText(std::string_view sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Database, "query returned no row: " + std::string(sql), m_path);
    return st->columnText(0);
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
std::int64_t Database::changes() const { return sqlite3_changes64(m_db); }

Error Database::lastError(ErrorCode code) const
{
    if (!m_db)
        return makeError(code, "database is not open", m_path);
    const int ext = sqlite3_extended_errcode(m_db);
    const int primary = ext & 0xff;
    if (primary == SQLITE_NOTADB)
        code = ErrorCode::NotAProject;
    else if (primary == SQLITE_CORRUPT)
        code = ErrorCode::Corrupt;
    else if (primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN)
        code = ErrorCode::Io;
    if (code == ErrorCode::Corrupt) // "database disk image is malformed" and the like
        return makeError(code, "project file is damaged: " + describeError(m_db, ext), m_path);
    return makeError(code, describeError(m_db, ext), m_path);
}

Status Database::backupTo(const std::string& destPath) const
{
    namespace fs = std::filesystem;
    const std::string tmpPath = destPath + ".saving";
    std::error_code ec;
    fs::remove(tmpPath, ec);
    fs::remove(tmpPath + "-journal", ec); // left by a save that was killed
    {
        auto dest = Database::open(tmpPath, Mode::Create);
        if (!dest)
            return dest.error();
        sqlite3_backup* backup = sqlite3_backup_init(dest->handle(), "main", m_db, "main");
        if (!backup)
            return dest->lastError(ErrorCode::Io);
        const int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup); // leaves the error on the destination connection
        if (rc != SQLITE_DONE) {
            Error e = makeError(ErrorCode::Io,
                                "cannot copy project: " + describeError(dest->handle(), rc),
                                destPath);
            dest->close();
            fs::remove(tmpPath, ec);
            return e;
        }
        dest->close();
    }
    fs::rename(tmpPath, destPath, ec);
    if (ec) {
        fs::remove(tmpPath, ec);
        return makeError(ErrorCode::Io, "cannot replace file: " + ec.message(), destPath);
    }
    return {};
}

// ---- Statement ----

Statement::~Statement()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        (void)runAfterCommit(m_db, m_commit.get()); // see Database::setAfterCommit
    }
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db),
      m_commit(std::move(other.m_commit))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt) {
            sqlite3_finalize(m_stmt);
            (void)runAfterCommit(m_db, m_commit.get());
        }
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_commit = std::move(other.m_commit);
    }
    return *this;
}

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }
void Statement::bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
void Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void Statement::bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
void Statement::bindOptional(int index, std::optional<double> value)
{
    if (value)
        sqlite3_bind_double(m_stmt, index, *value);
    else
        sqlite3_bind_null(m_stmt, index);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        if (m_commit) {
            if (Status saved = runAfterCommit(m_db, m_commit.get()); !saved) {
                sqlite3_reset(m_stmt);
                return saved.error();
            }
        }
        return false;
    }
    Error e = makeError(ErrorCode::Database, describeError(m_db, rc));
    const int primary = rc & 0xff;
    if (primary == SQLITE_CORRUPT) {
        e.code = ErrorCode::Corrupt;
        e.message = "project file is damaged: " + e.message;
        if (const char* file = sqlite3_db_filename(m_db, "main"); file && *file)
            e.file = file;
    } else if (primary == SQLITE_NOTADB) {
        e.code = ErrorCode::NotAProject;
        if (const char* file = sqlite3_db_filename(m_db, "main"); file && *file)
            e.file = file;
    } else if (primary == SQLITE_IOERR || primary == SQLITE_FULL) {
        e.code = ErrorCode::Io;
        // A failed write names the file it could not write (the user must free space there).
        if (const char* file = sqlite3_db_filename(m_db, "main"); file && *file)
            e.file = file;
    }
    if (m_commit && !e.file.empty()) // an encrypted project: name its file, not "/mlens-N"
        e.file = m_commit->path;
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::run()
{
    auto r = step();
    sqlite3_reset(m_stmt);
    if (!r)
        return r.error();
    return {};
}

Status Statement::runOnExistingRow(const std::string& notFound)
{
    if (auto s = run(); !s)
        return s;
    if (sqlite3_changes64(sqlite3_db_handle(m_stmt)) == 0)
        return makeError(ErrorCode::NotFound, notFound);
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    (void)runAfterCommit(m_db, m_commit.get()); // see Database::setAfterCommit
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }
bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
std::int64_t Statement::columnInt(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::columnDouble(int col) const { return sqlite3_column_double(m_stmt, col); }
std::optional<double> Statement::columnOptional(int col) const
{
    // One sqlite3_column_* call (each takes the connection mutex); sqlite3_value_* do not lock.
    sqlite3_value* v = sqlite3_column_value(m_stmt, col);
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_value_double(v);
}
std::string Statement::columnText(int col) const { return std::string(columnTextView(col)); }
std::string_view Statement::columnTextView(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))};
}

// ---- Transaction ----

Transaction::~Transaction() { rollback(); }

Status Transaction::begin()
{
    if (auto s = m_db->exec("BEGIN IMMEDIATE"); !s)
        return s;
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return makeError(ErrorCode::InvalidArgument, "commit without an active transaction");
    if (auto s = m_db->exec("COMMIT"); !s)
        return s; // still active: the destructor rolls back
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (m_active) {
        // Nothing useful to do when ROLLBACK itself fails (the connection is then unusable and
        // SQLite rolls back on close); the caller is already reporting the original error.
        (void)m_db->exec("ROLLBACK");
        m_active = false;
    }
}

} // namespace marketlens::core
