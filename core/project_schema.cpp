// The project file schema and its migrations. Migration N takes a file from version N-1 to N;
// a new project runs them all from 0, so old and new files are built by the same code.
#include "project_store.h"

#include <algorithm>
#include <array>
#include <map>
#include <cstring>
#include <cstdint>
#include <fstream>
#include <filesystem>
#include <memory>
#include <mutex>

namespace marketlens::core::schema {
namespace {

// Version 1: instruments, prices, portfolios, holdings, import log, settings.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE instruments (
    id          INTEGER PRIMARY KEY,
    ticker      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL DEFAULT '',
    currency    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE TABLE prices (
    instrument_id INTEGER NOT NULL REFERENCES instruments(id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    open          REAL,
    high          REAL,
    low           REAL,
    close         REAL,
    adj_close     REAL,
    volume        REAL,
    PRIMARY KEY (instrument_id, date)
) WITHOUT ROWID;
CREATE TABLE portfolios (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    base_currency  TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE TABLE holdings (
    id             INTEGER PRIMARY KEY,
    portfolio_id   INTEGER NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
    instrument_id  INTEGER NOT NULL REFERENCES instruments(id),
    quantity       REAL,
    weight         REAL,
    cost_basis     REAL,
    currency       TEXT NOT NULL DEFAULT '',
    CHECK (quantity IS NOT NULL OR weight IS NOT NULL),
    UNIQUE (portfolio_id, instrument_id)
);
CREATE TABLE import_log (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    kind           TEXT NOT NULL,
    rows_accepted  INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL
);
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: company names and aliases per instrument (used to link news to tickers), and
// the options an import ran with (so a re-import can be reproduced).
constexpr const char* kMigration2 = R"sql(
CREATE TABLE instrument_aliases (
    instrument_id INTEGER NOT NULL REFERENCES instruments(id) ON DELETE CASCADE,
    alias         TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (instrument_id, alias)
) WITHOUT ROWID;
ALTER TABLE import_log ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
)sql";

// Version 3: stored risk runs (options and results as JSON documents, see core/risk/risk_report.h);
// data_hash identifies the prices a run used, so a run can be shown as stale after a re-import.
constexpr const char* kMigration3 = R"sql(
CREATE TABLE risk_runs (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    parameters  TEXT NOT NULL,
    results     TEXT NOT NULL,
    data_hash   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_runs_by_time ON risk_runs(created_at);
)sql";

// Version 4: trained and imported forecasting/risk models (core/forecast/model_store.h). Everything
// needed to forecast again without retraining: spec_json (features, window, horizon, quantiles,
// scalers, hyper-parameters, seed, training range and data hash), the TorchScript module bytes in
// `weights`, and the test metrics and loss history for the models panel.
constexpr const char* kMigration4 = R"sql(
CREATE TABLE models (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL,
    origin         TEXT NOT NULL,
    ticker         TEXT NOT NULL DEFAULT '',
    created_utc    TEXT NOT NULL,
    spec_json      TEXT NOT NULL,
    metrics_json   TEXT NOT NULL DEFAULT '{}',
    history_json   TEXT NOT NULL DEFAULT '[]',
    train_seconds  REAL NOT NULL DEFAULT 0,
    device         TEXT NOT NULL DEFAULT '',
    weights        BLOB NOT NULL
);
CREATE INDEX models_by_time ON models(created_utc);
)sql";

// Version 5: news and sentiment (core/news/news_store.h). news.dup_key is newsDuplicateKey()
// (normalised headline + time), UNIQUE so that the same news is stored once per project;
// explicit_tickers keeps the item's own tickers (file and import options, space-separated) so a
// re-link after new instruments or aliases starts from what the file said. Links, scores and
// index rows go with their news item or instrument (ON DELETE CASCADE). sentiment_scores is
// keyed by (news, model): rescoring with another model keeps both.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE news (
    id                INTEGER PRIMARY KEY,
    time              INTEGER NOT NULL,
    date_only         INTEGER NOT NULL DEFAULT 0,
    headline          TEXT NOT NULL,
    body              TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    url               TEXT NOT NULL DEFAULT '',
    external_id       TEXT NOT NULL DEFAULT '',
    label             TEXT NOT NULL DEFAULT '',
    label_class       INTEGER CHECK (label_class IN (-1, 0, 1)),
    source_file       TEXT NOT NULL DEFAULT '',
    item_number       INTEGER NOT NULL DEFAULT 0,
    explicit_tickers  TEXT NOT NULL DEFAULT '',
    dup_key           TEXT NOT NULL UNIQUE,
    imported_at       TEXT NOT NULL
);
CREATE INDEX news_by_time ON news(time, id);
CREATE TABLE news_tickers (
    news_id        INTEGER NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    instrument_id  INTEGER NOT NULL REFERENCES instruments(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '',
    mentions       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (news_id, instrument_id)
) WITHOUT ROWID;
CREATE INDEX news_tickers_by_instrument ON news_tickers(instrument_id, news_id);
CREATE TABLE sentiment_scores (
    news_id        INTEGER NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    model_key      TEXT NOT NULL,
    score          REAL NOT NULL,
    label          INTEGER NOT NULL CHECK (label IN (-1, 0, 1)),
    probabilities  TEXT NOT NULL DEFAULT '[]',
    explanation    TEXT NOT NULL DEFAULT '[]',
    scored_at      TEXT NOT NULL,
    PRIMARY KEY (news_id, model_key)
) WITHOUT ROWID;
CREATE INDEX sentiment_scores_by_model ON sentiment_scores(model_key, news_id);
CREATE TABLE sentiment_index (
    scope      TEXT NOT NULL,
    model_key  TEXT NOT NULL,
    date       TEXT NOT NULL,
    mean       REAL NOT NULL,
    count      INTEGER NOT NULL,
    decayed    REAL NOT NULL,
    PRIMARY KEY (scope, model_key, date)
) WITHOUT ROWID;
CREATE INDEX sentiment_index_by_model ON sentiment_index(model_key, scope);
)sql";

constexpr std::array<const char*, 5> kMigrations = {
    kMigration1, kMigration2, kMigration3, kMigration4, kMigration5};
static_assert(kMigrations.size() == ProjectStore::kSchemaVersion);

} // namespace

Status migrate(Database& db, int fromVersion, int toVersion)
{
    if (fromVersion < 0 || toVersion > ProjectStore::kSchemaVersion || fromVersion > toVersion)
        return makeError(ErrorCode::InvalidArgument, "bad migration range", db.path());
    for (int v = fromVersion; v < toVersion; ++v) {
        if (auto s = db.exec(kMigrations[static_cast<size_t>(v)]); !s) {
            Error e = s.error();
            e.message = "migration to version " + std::to_string(v + 1) + " failed: " + e.message;
            return e;
        }
    }
    if (auto s = db.exec("PRAGMA application_id = " + std::to_string(ProjectStore::kApplicationId)); !s)
        return s;
    return db.exec("PRAGMA user_version = " + std::to_string(toVersion));
}

namespace {

struct SchemaObject {
    std::string type; // table, index, view, trigger
    std::string name;
    std::string table; // the table an index or trigger belongs to
};

// Tables, views, indexes and triggers of `db`, and each table's columns (name -> declared type,
// upper case). Reads sqlite_master and PRAGMA table_info only: no row of a user table.
struct SchemaShape {
    std::vector<SchemaObject> objects;
    std::map<std::string, std::map<std::string, std::string>> columns;
};

std::string upperAscii(std::string s)
{
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return s;
}

Result<SchemaShape> readShape(Database& db)
{
    SchemaShape shape;
    auto st = db.prepare("SELECT type, name, tbl_name FROM sqlite_master "
                         "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    if (!st)
        return st.error();
    const Status rows = st->forEachRow([&]() -> Status {
        shape.objects.push_back({st->columnText(0), st->columnText(1), st->columnText(2)});
        return {};
    });
    if (!rows)
        return rows.error();
    for (const auto& o : shape.objects) {
        if (o.type != "table")
            continue;
        auto info = db.prepare("SELECT name, type FROM pragma_table_info(?1)");
        if (!info)
            return info.error();
        info->bind(1, std::string_view(o.name));
        auto& cols = shape.columns[o.name];
        const Status c = info->forEachRow([&]() -> Status {
            cols[info->columnText(0)] = upperAscii(info->columnText(1));
            return {};
        });
        if (!c)
            return c.error();
    }
    return shape;
}

// The shape MarketLens itself gives a project of `version`: the migrations run on an empty
// in-memory database, so the reference can never drift from them. That takes a few
// milliseconds (more than half of an open's validation), so each version's shape is built once
// per process and kept: it depends on nothing but the migrations compiled in. Projects are
// opened on several threads (the window, its reader thread, workers), hence the mutex; a
// failure to build is returned and not kept, the next open tries again.
Result<const SchemaShape*> referenceShape(int version)
{
    static std::mutex mutex;
    static std::array<std::unique_ptr<const SchemaShape>, ProjectStore::kSchemaVersion + 1> cache;
    if (version < 1 || version > ProjectStore::kSchemaVersion)
        return makeError(ErrorCode::InvalidArgument,
                         "no reference schema for version " + std::to_string(version));
    const std::lock_guard lock(mutex);
    auto& slot = cache[static_cast<std::size_t>(version)];
    if (!slot) {
        auto mem = Database::open(":memory:", Database::Mode::Create);
        if (!mem)
            return mem.error();
        if (auto s = migrate(*mem, 0, version); !s)
            return s.error();
        auto shape = readShape(*mem);
        if (!shape)
            return shape.error();
        slot = std::make_unique<const SchemaShape>(std::move(shape).value());
    }
    return slot.get();
}

} // namespace

Status validate(Database& db, const std::string& path)
{
    // Anything wrong here was done to the file after MarketLens wrote it: by damage or by hand.
    const auto altered = [&](const std::string& what) {
        return makeError(ErrorCode::Corrupt,
                         "project file is damaged or was altered outside MarketLens: " + what, path);
    };
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    if (*version < 1 || *version > ProjectStore::kSchemaVersion)
        return altered("unknown schema version " + std::to_string(*version));
    auto refShape = referenceShape(static_cast<int>(*version));
    if (!refShape)
        return refShape.error();
    const SchemaShape* ref = *refShape;
    auto got = readShape(db);
    if (!got) {
        Error e = got.error();
        e.file = path;
        return e;
    }
    std::map<std::string, std::string> refTypes;
    for (const auto& o : ref->objects)
        refTypes[o.name] = o.type;
    // Views and triggers run SQL of their own when the project is read or written: an attacker's
    // trigger could copy or destroy a client's holdings. MarketLens creates neither.
    for (const auto& o : got->objects) {
        const auto it = refTypes.find(o.name);
        if (o.type == "trigger" || (o.type == "view" && (it == refTypes.end() || it->second != "view")))
            return altered("it contains a " + o.type + " '" + o.name
                           + "' that MarketLens did not create");
    }
    for (const auto& [table, columns] : ref->columns) {
        const auto have = got->columns.find(table);
        if (have == got->columns.end()) {
            const bool isView = std::any_of(got->objects.begin(), got->objects.end(),
                                            [&t = table](const SchemaObject& o) { return o.name == t; });
            return altered(isView ? "table '" + table + "' has been replaced"
                                  : "table '" + table + "' is missing");
        }
        for (const auto& [column, type] : columns) {
            const auto c = have->second.find(column);
            if (c == have->second.end())
                return altered("table '" + table + "' has no column '" + column + "'");
            if (c->second != type)
                return altered("column '" + table + "." + column + "' has type '" + c->second
                               + "' instead of '" + type + "'");
        }
    }
    return {};
}

Status checkFileHeader(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError(ErrorCode::Io, "file does not exist", path);
    if (fs::is_directory(path, ec))
        return makeError(ErrorCode::Io, "is a folder, not a project file", path);
    const auto size = fs::file_size(path, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot read file size: " + ec.message(), path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open file for reading", path);
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    static constexpr char kMagic[] = "SQLite format 3";
    if (size == 0)
        return makeError(ErrorCode::NotAProject, "not a MarketLens project (the file is empty)", path);
    if (got < 16 || std::memcmp(header.data(), kMagic, 16) != 0)
        return makeError(ErrorCode::NotAProject, "not a MarketLens project (not an SQLite database)",
                         path);
    if (got < header.size())
        return makeError(ErrorCode::Corrupt, "project file is truncated (incomplete header)", path);
    // Page size: bytes 16-17 big-endian, 1 meaning 65536. Page count: bytes 28-31.
    std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
    if (pageSize == 1)
        pageSize = 65536;
    const std::uint32_t pageCount = (std::uint32_t(header[28]) << 24) | (std::uint32_t(header[29]) << 16)
                                    | (std::uint32_t(header[30]) << 8) | header[31];
    // The in-header page count is only valid when the change counter (bytes 24-27) equals the
    // version-valid-for number (bytes 92-95); SQLite before 3.7.0 did not maintain it.
    const bool pageCountValid = std::memcmp(header.data() + 24, header.data() + 92, 4) == 0;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return makeError(ErrorCode::Corrupt, "project file header is damaged (page size)", path);
    if (size % pageSize != 0
        || (pageCountValid && pageCount != 0 && size < std::uint64_t(pageCount) * pageSize))
        return makeError(ErrorCode::Corrupt,
                         "project file is truncated (" + std::to_string(size) + " bytes, expected "
                             + std::to_string(std::uint64_t(pageCount) * pageSize) + ")",
                         path);
    return {};
}

} // namespace marketlens::core::schema
