// Encrypted projects: the process-wide registry of unlocked projects, their shared in-memory
// databases and the saves after each commit (see project_crypto.h; the file format is in
// project_crypto_file.cpp).
#include "project_crypto.h"

#include "project_crypto_internal.h"
#include "project_store.h"

#include <sodium.h>
#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace marketlens::core {
namespace {
using namespace crypto;

// One unlocked project: its key and its shared in-memory database, which the anchor connection
// keeps alive. Shared by the registry and every connection to it (their after-commit action), so
// that it lives while either needs it.
// What tells whether a file changed: its size and modification time (nanoseconds where the file
// system keeps them).
struct FileStamp {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stampOf(const std::string& path)
{
    std::error_code ec;
    FileStamp stamp;
    stamp.size = std::filesystem::file_size(path, ec);
    if (ec)
        return std::nullopt;
    stamp.modified = std::filesystem::last_write_time(path, ec);
    if (ec)
        return std::nullopt;
    return stamp;
}

struct Unlocked {
    std::string path; // absolute, canonical
    std::mutex mutex; // serialises saves (a later snapshot is never overwritten by an older one)
    ProjectKey key;
    std::string uri; // "file:/mlens-N?vfs=memdb", empty until the database is made
    sqlite3* anchor = nullptr;
    // A commit whose save was deferred because another connection was writing (that one saves
    // when it commits); saved when the project is dropped if nothing saved since. A save that
    // failed was reported to its caller and is not retried here: as with a plain project, a
    // failed commit is not kept unless a later commit succeeds.
    bool deferred = false;
    bool detached = false; // the password was removed: no more encrypted saves
    // The file as this process last read or wrote it (size, modification time). A save finding
    // another stamp refuses to write: another program saved the project meanwhile, and writing
    // this image would silently drop its work (optimistic check, docs/project-file.md).
    std::optional<FileStamp> stamp;

    ~Unlocked();
};

Status writeStamped(Unlocked& u, const PlainImage& image)
{
    if (u.stamp && stampOf(u.path) != u.stamp)
        return makeError(ErrorCode::Io,
            "the file was changed by another program since this project was opened, so this "
            "change was not saved (saving would undo the other program's work); open the "
            "project again",
            u.path);
    Status s = writeEncryptedFile(u.path, image.data(), image.size(), u.key);
    if (s)
        u.stamp = stampOf(u.path);
    return s;
}

struct Registry {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<Unlocked>> unlocked;
    std::map<std::string, std::weak_ptr<Unlocked>> live; // unlocked or still used after lock
};

Registry& registry()
{
    static Registry r;
    return r;
}

std::string keyOf(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    if (ec)
        return path;
    const fs::path canon = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal().string() : canon.string();
}

// The unlocked entry of `path` (or, with `orLive`, one still in use after lockProject()).
std::shared_ptr<Unlocked> find(const std::string& path, bool orLive = false)
{
    const std::string key = keyOf(path);
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    if (auto it = r.unlocked.find(key); it != r.unlocked.end())
        return it->second;
    if (orLive) {
        if (auto it = r.live.find(key); it != r.live.end())
            return it->second.lock();
    }
    return nullptr;
}

void registerUnlocked(const std::shared_ptr<Unlocked>& u)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.unlocked[u->path] = u;
    r.live[u->path] = u;
}

void forget(const std::string& key)
{
    std::shared_ptr<Unlocked> dropped; // destroyed outside the registry's mutex
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    if (auto it = r.unlocked.find(key); it != r.unlocked.end()) {
        dropped = std::move(it->second);
        r.unlocked.erase(it);
    }
    for (auto it = r.live.begin(); it != r.live.end();)
        it = it->second.expired() ? r.live.erase(it) : std::next(it);
}

Error sqliteError(sqlite3* db, const std::string& what, const std::string& path)
{
    return makeError(
        ErrorCode::Io, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), path);
}

bool execOn(sqlite3* db, const char* sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Makes the project's shared in-memory database, filled with `image` when there is one. A
// deserialized database is private to its connection (SQLite 3.40's memdb refuses to deserialize
// into a shared name), so the image goes into a private read-only one and the backup API copies
// it into the shared one.
Status makeDatabase(Unlocked& u, const PlainImage* image)
{
    static std::atomic<int> counter {0};
    const std::string uri = "file:/mlens-" + std::to_string(++counter) + "?vfs=memdb";
    const int flags
        = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX;
    sqlite3* anchor = nullptr;
    if (sqlite3_open_v2(uri.c_str(), &anchor, flags, nullptr) != SQLITE_OK) {
        Error e = sqliteError(anchor, "cannot make the in-memory database", u.path);
        sqlite3_close_v2(anchor);
        return e;
    }
    // memdb's default limit is 1 GiB; a project may be larger (it is memory the user has).
    sqlite3_int64 limit = sqlite3_int64(1) << 40;
    sqlite3_file_control(anchor, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit);
    execOn(anchor, "PRAGMA cache_size = 16"); // the anchor only snapshots; no need to cache
    execOn(anchor, "PRAGMA temp_store = MEMORY");
    if (image) {
        sqlite3* priv = nullptr;
        sqlite3_open_v2(":memory:", &priv, SQLITE_OPEN_READWRITE, nullptr);
        int rc = priv ? sqlite3_deserialize(priv, "main", image->data(),
                     static_cast<sqlite3_int64>(image->size()),
                     static_cast<sqlite3_int64>(image->size()), SQLITE_DESERIALIZE_READONLY)
                      : SQLITE_NOMEM;
        if (rc == SQLITE_OK) {
            sqlite3_backup* b = sqlite3_backup_init(anchor, "main", priv, "main");
            rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
            sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
        sqlite3_close_v2(priv);
        if (rc != SQLITE_OK) {
            Error e = makeError(ErrorCode::Corrupt,
                std::string("cannot load the decrypted project: ") + sqlite3_errstr(rc), u.path);
            sqlite3_close_v2(anchor);
            return e;
        }
    }
    u.anchor = anchor;
    u.uri = uri;
    return {};
}

// One consistent copy of the in-memory database (a read transaction on the anchor). `busy` is set
// when another connection is in the middle of a write: its own commit will save.
Result<PlainImage> snapshotLocked(Unlocked& u, bool* busy)
{
    if (busy)
        *busy = false;
    execOn(u.anchor, "BEGIN");
    const int rc
        = sqlite3_exec(u.anchor, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        execOn(u.anchor, "ROLLBACK");
        if ((rc & 0xff) == SQLITE_BUSY && busy) {
            *busy = true;
            return PlainImage();
        }
        return sqliteError(u.anchor, "cannot read the in-memory project", u.path);
    }
    sqlite3_int64 size = 0;
    unsigned char* raw = sqlite3_serialize(u.anchor, "main", &size, 0);
    execOn(u.anchor, "COMMIT");
    if (!raw)
        return makeError(ErrorCode::Io, "not enough memory to save the project", u.path);
    return PlainImage(raw, static_cast<std::size_t>(size));
}

Status saveLocked(Unlocked& u)
{
    if (u.detached)
        return makeError(ErrorCode::InvalidArgument,
            "the project's password was removed; close it and open it again", u.path);
    bool busy = false;
    auto image = snapshotLocked(u, &busy);
    if (!image)
        return image.error();
    if (busy) {
        u.deferred = true;
        return {};
    }
    Status s = writeStamped(u, *image);
    if (s)
        u.deferred = false;
    return s;
}

Status save(Unlocked& u)
{
    std::lock_guard lock(u.mutex);
    return saveLocked(u);
}

Unlocked::~Unlocked()
{
    if (anchor) {
        if (deferred && !detached)
            (void)saveLocked(*this); // the other writer rolled back: save this commit now
        sqlite3_close_v2(anchor);
    }
}

// A copy of `key` (for a second file with the same password).
ProjectKey copyKey(const ProjectKey& key)
{
    ProjectKey k;
    k.streamKey = Secret(key.streamKey.view());
    k.keyCheck = key.keyCheck;
    k.salt = key.salt;
    k.params = key.params;
    return k;
}

PasswordProvider& provider()
{
    static PasswordProvider p;
    return p;
}
std::mutex& providerMutex()
{
    static std::mutex m;
    return m;
}

} // namespace

// ---- Secret ----

Secret::Secret(std::string_view text)
{
    ensureSodium();
    m_data = static_cast<char*>(sodium_malloc(text.size() + 1));
    if (m_data) {
        text.copy(m_data, text.size());
        m_data[text.size()] = '\0';
        m_size = text.size();
    }
}
Secret Secret::zeroed(std::size_t size)
{
    Secret s;
    ensureSodium();
    s.m_data = static_cast<char*>(sodium_malloc(size + 1));
    if (s.m_data) {
        sodium_memzero(s.m_data, size + 1);
        s.m_size = size;
    }
    return s;
}
Secret::~Secret()
{
    if (m_data)
        sodium_free(m_data); // wipes it
}
Secret::Secret(Secret&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}
Secret& Secret::operator=(Secret&& other) noexcept
{
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    return *this;
}
std::string_view Secret::view() const
{
    return {m_data ? m_data : "", m_size};
}

KdfParams KdfParams::standard()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfParams KdfParams::forTests()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

// ---- queries ----

bool isEncryptedProject(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[kMagicSize] = {};
    return in.read(magic, sizeof magic) && std::memcmp(magic, kMagic, kMagicSize) == 0;
}

bool isProjectUnlocked(const std::string& path)
{
    return find(path) != nullptr;
}

std::string unlockedDatabaseUri(const std::string& path)
{
    auto u = find(path);
    if (!u)
        return {};
    std::lock_guard lock(u->mutex);
    return u->uri;
}

// ---- unlock and lock ----

Status unlockProject(const std::string& path, const Secret& password)
{
    if (password.empty())
        return makeError(
            ErrorCode::WrongPassword, "no password given (the password is empty)", path);
    if (auto existing = find(path, true)) {
        if (auto s = verifyPassword(existing->key, password, path); !s)
            return s;
        registerUnlocked(existing);
        return {};
    }
    auto u = std::make_shared<Unlocked>();
    u->path = keyOf(path);
    const std::optional<FileStamp> stamp = stampOf(path); // before the read: a change after it
    auto image = decryptProjectFile(path, &password, u->key); // is seen at the first save
    if (!image)
        return image.error();
    u->stamp = stamp;
    if (auto s = makeDatabase(*u, &*image); !s)
        return s;
    registerUnlocked(u);
    return {};
}

void lockProject(const std::string& path)
{
    forget(keyOf(path));
}

Result<Database> openUnlockedDatabase(const std::string& path)
{
    auto u = find(path);
    if (!u)
        return makeError(ErrorCode::PasswordRequired,
            "project is encrypted: a password is needed to open it", path);
    {
        std::lock_guard lock(u->mutex);
        if (!u->anchor) { // a copy made by saveEncryptedCopy(): read it with the key we have
            auto image = decryptProjectFile(u->path, nullptr, u->key);
            if (!image)
                return image.error();
            if (auto s = makeDatabase(*u, &*image); !s)
                return s.error();
        }
    }
    auto db = Database::openUri(u->uri, path);
    if (!db)
        return db.error();
    // Sorts, temporary tables and statement journals stay in memory: no plaintext temp files.
    if (auto s = db->exec("PRAGMA temp_store = MEMORY"); !s)
        return s.error();
    db->setAfterCommit([u] { return save(*u); });
    return db;
}

Status registerNewEncryptedProject(
    const std::string& path, const Secret& password, const KdfParams& params)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return makeError(ErrorCode::Io, "file already exists", path);
    auto key = newKey(password, params, path);
    if (!key)
        return key.error();
    auto u = std::make_shared<Unlocked>();
    u->path = keyOf(path);
    u->key = std::move(*key);
    if (auto s = makeDatabase(*u, nullptr); !s)
        return s;
    registerUnlocked(u);
    return {};
}

// ---- password changes ----

Status encryptProject(const std::string& path, const Secret& password, const KdfParams& params)
{
    if (auto s = checkParams(params, path); !s)
        return s;
    if (password.empty())
        return makeError(ErrorCode::InvalidArgument, "the password is empty", path);
    if (isEncryptedProject(path))
        return makeError(ErrorCode::InvalidArgument, "project is already encrypted", path);
    if (auto s = schema::checkFileHeader(path); !s)
        return s;
    PlainImage image;
    {
        auto db = Database::open(path, Database::Mode::ReadWrite); // rolls back a hot journal
        if (!db)
            return db.error();
        auto appId = db->queryInt("PRAGMA application_id");
        if (!appId)
            return appId.error();
        if (*appId != ProjectStore::kApplicationId)
            return makeError(ErrorCode::NotAProject, "not a MarketLens project", path);
        sqlite3_int64 size = 0;
        unsigned char* raw = sqlite3_serialize(db->handle(), "main", &size, 0);
        if (!raw)
            return makeError(ErrorCode::Io, "cannot read the project", path);
        image = PlainImage(raw, static_cast<std::size_t>(size));
    }
    std::error_code ec;
    if (std::filesystem::exists(path + "-journal", ec))
        return makeError(ErrorCode::Io, "the project is being written by another program", path);
    auto u = std::make_shared<Unlocked>();
    u->path = keyOf(path);
    auto key = newKey(password, params, path);
    if (!key)
        return key.error();
    u->key = std::move(*key);
    if (auto s = writeStamped(*u, image); !s)
        return s;
    if (auto s = makeDatabase(*u, &image); !s)
        return s;
    registerUnlocked(u);
    return {};
}

Status changeProjectPassword(const std::string& path, const Secret& oldPassword,
    const Secret& newPassword, const KdfParams& params)
{
    if (auto s = checkParams(params, path); !s)
        return s;
    if (newPassword.empty())
        return makeError(ErrorCode::InvalidArgument, "the new password is empty", path);
    if (auto u = find(path, true)) {
        if (auto s = verifyPassword(u->key, oldPassword, path); !s)
            return s;
        auto key = newKey(newPassword, params, path);
        if (!key)
            return key.error();
        std::lock_guard lock(u->mutex);
        std::swap(u->key, *key);
        const bool wasDeferred = u->deferred;
        u->deferred = false;
        if (Status s = saveLocked(*u); !s || u->deferred) {
            u->deferred = u->deferred || wasDeferred;
            std::swap(u->key, *key); // the file still has the old password
            return s ? makeError(ErrorCode::Io, "the project is being written; try again", path)
                     : s;
        }
        return {};
    }
    ProjectKey old;
    auto image = decryptProjectFile(path, &oldPassword, old);
    if (!image)
        return image.error();
    auto key = newKey(newPassword, params, path);
    if (!key)
        return key.error();
    return writeEncryptedFile(path, image->data(), image->size(), *key);
}

Status removeProjectPassword(const std::string& path, const Secret& password)
{
    if (auto u = find(path, true)) {
        if (auto s = verifyPassword(u->key, password, path); !s)
            return s;
        {
            std::lock_guard lock(u->mutex);
            bool busy = false;
            auto image = snapshotLocked(*u, &busy);
            if (!image)
                return image.error();
            if (busy)
                return makeError(ErrorCode::Io, "the project is being written; try again", path);
            if (auto s = writePlainFile(u->path, image->data(), image->size()); !s)
                return s;
            u->detached = true;
        }
        forget(u->path);
        return {};
    }
    ProjectKey key;
    auto image = decryptProjectFile(path, &password, key);
    if (!image)
        return image.error();
    return writePlainFile(path, image->data(), image->size());
}

Status saveEncryptedCopy(const std::string& path, const std::string& destPath)
{
    auto u = find(path);
    if (!u)
        return makeError(ErrorCode::PasswordRequired, "project is not unlocked", path);
    auto copy = std::make_shared<Unlocked>();
    copy->path = keyOf(destPath);
    if (copy->path == u->path)
        return makeError(
            ErrorCode::InvalidArgument, "the copy would replace the project itself", destPath);
    {
        std::lock_guard lock(u->mutex);
        if (!u->anchor)
            return makeError(ErrorCode::InvalidArgument, "project is not open", path);
        bool busy = false;
        auto image = snapshotLocked(*u, &busy);
        if (!image)
            return image.error();
        if (busy)
            return makeError(ErrorCode::Io, "the project is being written; try again", path);
        if (auto s = writeEncryptedFile(copy->path, image->data(), image->size(), u->key); !s)
            return s;
        copy->key = copyKey(u->key);
        copy->stamp = stampOf(copy->path);
    }
    registerUnlocked(copy);
    return {};
}

// ---- password provider ----

void setPasswordProvider(PasswordProvider p)
{
    std::lock_guard lock(providerMutex());
    provider() = std::move(p);
}

std::optional<Secret> providePassword(const std::string& path)
{
    PasswordProvider p;
    {
        std::lock_guard lock(providerMutex());
        p = provider();
    }
    if (!p)
        return std::nullopt;
    return p(path);
}

} // namespace marketlens::core
