#pragma once
// A small RAII wrapper over the SQLite C API: Database owns a connection, Statement a prepared
// statement, Transaction a BEGIN..COMMIT that rolls back unless committed. Nothing here throws;
// failures come back as Status/Result with SQLite's message. A connection may be moved to another
// thread but must not be used from two threads at once.

#include "result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace marketlens::core {

class Statement;
namespace detail {
struct CommitState; // the after-commit action of a connection (sqlite_db.cpp)
}

// The version of the SQLite library in use, "3.40.1" (sqlite3_libversion()).
std::string sqliteVersion();

class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    Database() = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens `path` (UTF-8). Create makes the file when missing; ReadWrite and ReadOnly need it.
    static Result<Database> open(const std::string& path, Mode mode);
    // Opens an SQLite URI such as "file:/name?vfs=memdb" (a shared in-memory database) read-write;
    // path() and errors name `displayPath`.
    static Result<Database> openUri(const std::string& uri, const std::string& displayPath);

    // An action to run after each commit of this connection (encrypted projects save their file
    // then). It runs at the end of the exec() or Statement::step() whose statement committed (a
    // COMMIT, or a write outside a transaction), once the connection is back in autocommit mode,
    // and its error becomes that call's error: the change is in the database but not saved. A
    // commit that ends in Statement::reset() or in a statement's destruction runs it there (an
    // error is then left to the action to remember) or at the connection's next call; close()
    // runs a pending one.
    using AfterCommit = std::function<Status()>;
    void setAfterCommit(AfterCommit action);

    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }

    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // First column of the first row as an integer (for PRAGMAs and counts).
    Result<std::int64_t> queryInt(std::string_view sql);
    Result<std::string> queryText(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    std::int64_t changes() const;
    // SQLite's most recent error as an Error with `code` (Database unless stated).
    Error lastError(ErrorCode code = ErrorCode::Database) const;

    // Copies this database into `destPath` with the online backup API; the copy is written to a
    // temporary file next to it and renamed into place, so that `destPath` is never half-written.
    Status backupTo(const std::string& destPath) const;

    void close();

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    std::shared_ptr<detail::CommitState> m_commit; // null unless setAfterCommit() was called
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt* stmt, sqlite3* db,
              std::shared_ptr<detail::CommitState> commit = nullptr)
        : m_stmt(stmt), m_db(db), m_commit(std::move(commit))
    {
    }
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameter indexes are 1-based as in SQLite.
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value);
    void bind(int index, std::string_view text); // copied (SQLITE_TRANSIENT)
    void bindOptional(int index, std::optional<double> value);
    void bindNull(int index);

    // Advances: true when a row is available, false when done; an error is returned as Error.
    Result<bool> step();
    // Steps through the remaining rows, calling `onRow()` (which returns Status) for each; stops
    // at the first error, SQLite's or one `onRow` returns.
    template <typename OnRow>
    Status forEachRow(OnRow&& onRow)
    {
        for (;;) {
            auto row = step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            if (Status s = onRow(); !s)
                return s;
        }
    }
    // Runs a statement that returns no rows and resets it for reuse.
    Status run();
    // run() for an UPDATE/DELETE aimed at an existing row: NotFound with `notFound` as the message
    // when it changed no row.
    Status runOnExistingRow(const std::string& notFound);
    void reset();

    int columnCount() const;
    bool isNull(int col) const;
    std::int64_t columnInt(int col) const;
    double columnDouble(int col) const;
    std::optional<double> columnOptional(int col) const;
    std::string columnText(int col) const;
    std::string_view columnTextView(int col) const; // valid until the next step/reset

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    std::shared_ptr<detail::CommitState> m_commit; // the connection's, see setAfterCommit()
};

// BEGIN IMMEDIATE on construction via begin(); rolls back in the destructor unless committed.
class Transaction {
public:
    explicit Transaction(Database& db) : m_db(&db) {}
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin();
    Status commit();
    void rollback();
    bool active() const { return m_active; }

private:
    Database* m_db;
    bool m_active = false;
};

} // namespace marketlens::core
