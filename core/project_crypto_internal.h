#pragma once
// Internal to project_crypto.cpp and project_crypto_file.cpp: the encrypted file format
// (docs/project-file.md, "Encrypted projects") and the keys. Nothing here is public API.

#include "project_crypto.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace marketlens::core::crypto {

// "MLENS encrypted" and a NUL: 16 bytes, like SQLite's "SQLite format 3\0".
inline constexpr char kMagic[17] = "MLENS encrypted";
inline constexpr std::size_t kMagicSize = 16;
inline constexpr std::size_t kHeaderSize = 160; // plain header, checksum included
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::uint32_t kCipherSecretstream = 1; // XChaCha20-Poly1305 secretstream
inline constexpr std::uint32_t kChunkSize = 1u << 20; // plaintext bytes per chunk when writing
// Bounds on what a file may ask for (refused before any key is derived).
inline constexpr std::uint64_t kMaxOpsLimit = 16;
inline constexpr std::uint64_t kMaxMemLimit = 1ull << 30;
inline constexpr std::uint32_t kMinChunk = 1u << 10;
inline constexpr std::uint32_t kMaxChunk = 64u << 20;

using Salt = std::array<unsigned char, 16>;
using KeyCheck = std::array<unsigned char, 32>;

// Makes sure libsodium is initialised (idempotent, thread-safe).
void ensureSodium();

// The key of one project and the header fields that go with it: a file written with it opens
// with the password it was derived from.
struct ProjectKey {
    Secret streamKey; // 32 bytes: the secretstream key
    KeyCheck keyCheck {};
    Salt salt {};
    KdfParams params;
};

// The parsed plain header of an encrypted file.
struct FileHeader {
    std::uint32_t version = 0;
    std::uint32_t kdfAlgorithm = 0;
    KdfParams params;
    Salt salt {};
    KeyCheck keyCheck {};
    std::uint32_t cipher = 0;
    std::uint32_t chunkSize = 0;
    std::uint64_t plainSize = 0;
    std::array<unsigned char, 24> streamHeader {};
    std::array<unsigned char, kHeaderSize> raw {}; // the bytes as read (additional data)
};

// A plaintext database image in heap memory (sqlite3_malloc64), wiped before it is freed.
class PlainImage {
public:
    PlainImage() = default;
    PlainImage(unsigned char* data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    ~PlainImage();
    PlainImage(PlainImage&& other) noexcept;
    PlainImage& operator=(PlainImage&& other) noexcept;
    PlainImage(const PlainImage&) = delete;
    PlainImage& operator=(const PlainImage&) = delete;

    unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    // Hands the buffer over (the caller frees it with sqlite3_free).
    unsigned char* release();

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// InvalidArgument (or `code`) naming `path` when `params` are outside the accepted bounds.
Status checkParams(
    const KdfParams& params, const std::string& path, ErrorCode code = ErrorCode::InvalidArgument);
// Argon2id with `salt` and `params`, then the stream key and key check derived from it.
Result<ProjectKey> deriveKey(
    const Secret& password, const Salt& salt, const KdfParams& params, const std::string& path);
// deriveKey with a fresh random salt.
Result<ProjectKey> newKey(const Secret& password, const KdfParams& params, const std::string& path);
// WrongPassword unless `password` derives `key` (same salt and parameters).
Status verifyPassword(const ProjectKey& key, const Secret& password, const std::string& path);

// Reads, checks and decrypts the encrypted project `path`. With `password`, derives the key from
// the header (into `keyOut`); without it uses `keyOut` as it is (its key check must match).
// Errors: NotAProject, Tampered, TooNew, WrongPassword, Io.
Result<PlainImage> decryptProjectFile(
    const std::string& path, const Secret* password, ProjectKey& keyOut);

// Atomically replaces `path` with `size` bytes of `image` encrypted with `key` (fresh stream
// header): temporary file next to it, fsync, rename, fsync of the folder.
Status writeEncryptedFile(
    const std::string& path, const unsigned char* image, std::size_t size, const ProjectKey& key);
// The same for a plain SQLite image (removing a password).
Status writePlainFile(const std::string& path, const unsigned char* image, std::size_t size);
// The temporary file a save writes before renaming it over `path`.
std::string temporaryPathFor(const std::string& path);

} // namespace marketlens::core::crypto
