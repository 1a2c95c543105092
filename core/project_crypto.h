#pragma once
// Encrypted projects (docs/project-file.md, "Encrypted projects"). An encrypted `.mlens` file is
// the project's SQLite database encrypted as a whole with libsodium: Argon2id derives a key from
// the password and a random salt, XChaCha20-Poly1305 (secretstream) encrypts and authenticates the
// database image in chunks. The plaintext database exists only in memory: unlocking reads,
// authenticates and decrypts the file into an in-memory SQLite database (sqlite3_deserialize into
// a shared "memdb" that every ProjectStore::open of that path in this process then uses); every
// commit to it re-encrypts the image and replaces the file atomically (write to a temporary file
// next to it, fsync, rename, fsync the folder). No plaintext temporary file is ever written
// (temp_store = MEMORY, in-memory journal).
//
// Errors are told apart: PasswordRequired (encrypted and not unlocked, no password given),
// WrongPassword (the key check fails), Tampered (the key is right but a chunk does not
// authenticate, the file is truncated, or the plain header's checksum is wrong), NotAProject (not
// a MarketLens file at all), Io (cannot read or write).
//
// Locking differs from a plain project file: SQLite's memdb lets no connection start reading while
// another holds a write transaction (a plain file lets readers in until the commit). A reader
// then waits up to the busy timeout (5 s) and fails with "database is locked"; so keep write
// transactions on encrypted projects short, and do not leave one open while waiting for the user
// (ImportSession's review step) when another connection must read meanwhile.
//
// Thread safety: all functions may be called from any thread; the registry of unlocked projects is
// process-wide and guarded by a mutex. Keys live in sodium_malloc'ed (locked, guarded) memory and
// are wiped when a project is locked or the process exits.

#include "result.h"
#include "sqlite_db.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace marketlens::core {

// A password or key kept out of swap (sodium_mlock) and wiped (sodium_memzero) when destroyed.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string_view text);
    ~Secret();
    Secret(Secret&& other) noexcept;
    Secret& operator=(Secret&& other) noexcept;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;

    // `size` zero bytes to fill in place (derived keys); empty when memory is exhausted.
    static Secret zeroed(std::size_t size);

    std::string_view view() const;
    unsigned char* data() { return reinterpret_cast<unsigned char*>(m_data); }
    const unsigned char* data() const { return reinterpret_cast<const unsigned char*>(m_data); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Argon2id cost. standard() is libsodium's MODERATE (3 passes, 256 MiB, about a second);
// forTests() is its INTERACTIVE minimum (2 passes, 64 MiB) for test suites that unlock often.
// The parameters are stored in the file; opening refuses absurd ones (more than 1 GiB or 16
// passes) before deriving anything, so a hostile file cannot make unlocking take unbounded memory.
struct KdfParams {
    std::uint64_t opsLimit = 3;
    std::uint64_t memLimitBytes = 256ull << 20;
    static KdfParams standard();
    static KdfParams forTests();
};

// True when `path` starts with the encrypted-project magic (reads 16 bytes; false on any error).
bool isEncryptedProject(const std::string& path);

// Unlocks `path` for this process (see above): derives the key (about a second with standard()
// parameters), authenticates and decrypts the whole file. A second unlock of an unlocked path
// with the right password is a no-op. Errors: WrongPassword, Tampered, NotAProject, TooNew, Io.
Status unlockProject(const std::string& path, const Secret& password);
bool isProjectUnlocked(const std::string& path);
// Forgets the key and drops the in-memory database when no open ProjectStore uses it any more.
void lockProject(const std::string& path);

// Protects the plaintext project `path` with `password`: writes the encrypted file atomically in
// its place (the plaintext file is replaced by rename, its journal must not exist) and leaves it
// unlocked. No ProjectStore on `path` may be open in this process during the call.
Status encryptProject(const std::string& path, const Secret& password,
    const KdfParams& params = KdfParams::standard());
// New salt and key from `newPassword`; `oldPassword` must open the file (WrongPassword if not).
Status changeProjectPassword(const std::string& path, const Secret& oldPassword,
    const Secret& newPassword, const KdfParams& params = KdfParams::standard());
// Writes the project back as a plain SQLite file, atomically, after checking `password`, and
// forgets the key. ProjectStores still open on it must be closed and the file reopened: their
// later commits fail (InvalidArgument) instead of encrypting the file again.
Status removeProjectPassword(const std::string& path, const Secret& password);
// Atomic encrypted copy of the unlocked project `path` at `destPath` with the same key (Save As of
// an encrypted project stays encrypted; the same password opens it). The copy is left unlocked
// too, so that it opens without asking again (its in-memory database is made on first open);
// lockProject(path) the original when the caller switches to the copy.
Status saveEncryptedCopy(const std::string& path, const std::string& destPath);

// Where ProjectStore::open gets a password for an encrypted project that is not unlocked yet.
// The command line installs one that reads --password-file / MARKETLENS_PASSWORD; without a
// provider (or when it returns nullopt) opening fails with PasswordRequired. The GUI does not use
// a provider: it asks and calls unlockProject() on the GUI thread before it opens the project.
using PasswordProvider = std::function<std::optional<Secret>(const std::string& path)>;
void setPasswordProvider(PasswordProvider provider);
std::optional<Secret> providePassword(const std::string& path);

// Internal (project_store.cpp): the SQLite URI of the unlocked project's shared in-memory
// database ("file:/mlens-N?vfs=memdb"), or empty when `path` is not unlocked (or its database is
// not made yet).
std::string unlockedDatabaseUri(const std::string& path);
// Internal (project_store.cpp): a new connection to the unlocked project's in-memory database
// (temp_store = MEMORY) whose commits save the file. PasswordRequired when not unlocked.
Result<Database> openUnlockedDatabase(const std::string& path);
// Internal (ProjectStore::createEncrypted): registers `path` (which must not exist) as an unlocked
// project with an empty in-memory database and a new key; the first commit writes the file.
Status registerNewEncryptedProject(
    const std::string& path, const Secret& password, const KdfParams& params);

} // namespace marketlens::core
