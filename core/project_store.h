#pragma once
// ProjectStore: one MarketLens project file (.mlens), an SQLite database described in
// docs/project-file.md. Every mutating call commits before it returns (the file on disk is the
// saved state); multi-step jobs such as imports wrap their writes in one core::Transaction.
//
// Opening never modifies a file that is not a current or older MarketLens project: a non-SQLite
// file, another application's database, a truncated file and a file from a newer version each
// return an Error (NotAProject, Corrupt, TooNew). Older versions are migrated in one transaction.

#include "project_crypto.h"
#include "result.h"
#include "sqlite_db.h"
#include "types.h"

#include <optional>
#include <string>
#include <vector>

namespace marketlens::core {

class ProjectStore {
public:
    // 'MLNS' in the SQLite header's application_id field.
    static constexpr std::int32_t kApplicationId = 0x4D4C4E53;
    // Version written by this build; see migrations in project_schema.cpp.
    static constexpr int kSchemaVersion = 5;

    ProjectStore() = default;
    ProjectStore(ProjectStore&&) noexcept = default;
    ProjectStore& operator=(ProjectStore&&) noexcept = default;

    // Creates a new, empty project at `path`; fails when the file exists.
    static Result<ProjectStore> create(const std::string& path);
    // A new, empty encrypted project at `path` (docs/project-file.md, "Encrypted projects"),
    // left unlocked for this process; fails when the file exists.
    static Result<ProjectStore> createEncrypted(const std::string& path, const Secret& password,
                                                const KdfParams& params = KdfParams::standard());
    // Opens an existing project read-write, migrating an older version. An encrypted project
    // that is not unlocked yet is unlocked with providePassword(path) (project_crypto.h):
    // PasswordRequired without one, WrongPassword or Tampered, each naming the file. Every open
    // of an unlocked project, from any thread, shares its one in-memory database.
    static Result<ProjectStore> open(const std::string& path);
    // True when this store works on an encrypted project (in memory, saved encrypted).
    bool isEncrypted() const { return m_encrypted; }
    // For tests of migration: a new project at an older schema `version` (1..kSchemaVersion).
    static Result<ProjectStore> createAtVersion(const std::string& path, int version);

    bool isOpen() const { return m_db.isOpen(); }
    const std::string& path() const { return m_db.path(); }
    Database& db() { return m_db; }
    Result<int> schemaVersion();

    // --- instruments and prices ---
    Result<std::vector<InstrumentInfo>> instruments();
    // The id of `ticker` (upper-cased), creating the instrument when `create` is true.
    Result<std::int64_t> instrumentId(const std::string& ticker, bool create);
    // Prices of one ticker, optionally restricted to [from, to] (inclusive).
    Result<PriceSeries> prices(const std::string& ticker, std::optional<Date> from = std::nullopt,
                               std::optional<Date> to = std::nullopt);

    // --- portfolios ---
    Result<std::vector<Portfolio>> portfolios();
    // Writes `portfolio` under its name, replacing the holdings of an existing one with that name.
    // Does not open a transaction itself (call inside one for atomicity with other writes).
    Result<std::int64_t> writePortfolio(const Portfolio& portfolio);
    // The portfolio called `name` with its holdings; NotFound when there is none.
    Result<Portfolio> portfolio(const std::string& name);
    // Renames portfolio `from` to `to`, keeping its id and holdings: NotFound when `from` does not
    // exist, InvalidArgument when `to` is empty or already names another portfolio.
    Status renamePortfolio(const std::string& from, const std::string& to);
    // Deletes portfolio `name` and its holdings: NotFound when there is none.
    Status deletePortfolio(const std::string& name);
    // Copies portfolio `from` and its holdings to a new portfolio `to` (errors as renamePortfolio);
    // atomic on its own (a savepoint, so it may also run inside the caller's transaction).
    Result<std::int64_t> duplicatePortfolio(const std::string& from, const std::string& to);

    // --- import log and settings ---
    Result<std::vector<ImportLogEntry>> importLog();
    Status addImportLog(const ImportLogEntry& entry);
    Result<std::optional<std::string>> setting(const std::string& key);
    Status setSetting(const std::string& key, const std::string& value);

    // Atomic copy to `destPath` (SQLite backup API, temp file + rename). The store stays on its
    // current file; the caller reopens the copy when "Save As" should switch to it. The copy of
    // an encrypted project is encrypted with the same key (saveEncryptedCopy()).
    Status saveAs(const std::string& destPath) const;

    void close() { m_db.close(); }

private:
    explicit ProjectStore(Database db, bool encrypted = false)
        : m_db(std::move(db)), m_encrypted(encrypted)
    {
    }
    static Status configure(Database& db);
    static Result<Database> openDatabase(const std::string& path, bool& encrypted);
    static Status initialise(Database& db, int version);

    Database m_db;
    bool m_encrypted = false;
};

// Schema management (project_schema.cpp).
namespace schema {
// Applies migrations from `fromVersion` up to `toVersion` inside the caller's transaction.
Status migrate(Database& db, int fromVersion, int toVersion);
// Checks the header of a file that is meant to be a project without writing to it:
// NotAProject, Corrupt (truncated) or Io errors; ok for a plausible SQLite file.
Status checkFileHeader(const std::string& path);
// Checks, without reading any row, that the tables and columns of the file's schema version are
// there with their types, and that it holds no trigger or view MarketLens did not create:
// Corrupt (naming `path`) otherwise. Cheap: no integrity check (projects can be gigabytes).
Status validate(Database& db, const std::string& path);
} // namespace schema

// Current UTC time as ISO-8601 "YYYY-MM-DDTHH:MM:SSZ".
std::string utcNowIso();

} // namespace marketlens::core
