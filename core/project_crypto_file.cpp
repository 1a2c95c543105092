// The encrypted project file: key derivation, the plain header, chunked authenticated encryption
// and atomic replacement (layout in docs/project-file.md, "Encrypted projects").
#include "project_crypto_internal.h"

#include <sodium.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace marketlens::core::crypto {
namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "MLENSKEY";
constexpr std::uint64_t kStreamKeyId = 1;
constexpr std::uint64_t kKeyCheckId = 2;
constexpr std::size_t kChecksumOffset = kHeaderSize - 32;
constexpr std::size_t kABytes = crypto_secretstream_xchacha20poly1305_ABYTES;

static_assert(crypto_pwhash_SALTBYTES == 16);
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == 24);
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == 32);

void put32(unsigned char* p, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}
void put64(unsigned char* p, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint32_t get32(const unsigned char* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}
std::uint64_t get64(const unsigned char* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

Error ioError(const std::string& what, const std::string& path, int err)
{
    std::string message = what;
    message += ": ";
    if (err == ENOSPC || err == EDQUOT)
        message += "the disk is full";
    else if (err == EFBIG)
        message += "the file is too large for the file size limit";
    else
        message += std::strerror(err);
    return makeError(ErrorCode::Io, std::move(message), path);
}

Error tampered(const std::string& why, const std::string& path)
{
    return makeError(
        ErrorCode::Tampered, "encrypted project is damaged or was altered (" + why + ")", path);
}

// A file descriptor closed on every path.
class Fd {
public:
    explicit Fd(int fd)
        : m_fd(fd)
    {
    }
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    int closeNow()
    {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

bool readFully(int fd, unsigned char* out, std::size_t n)
{
    while (n > 0) {
        const ssize_t got = ::read(fd, out, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        out += got;
        n -= static_cast<std::size_t>(got);
    }
    return true;
}

bool writeFully(int fd, const unsigned char* data, std::size_t n)
{
    while (n > 0) {
        const ssize_t put = ::write(fd, data, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0) {
            if (put == 0)
                errno = EIO;
            return false;
        }
        data += put;
        n -= static_cast<std::size_t>(put);
    }
    return true;
}

std::uint64_t chunkCount(std::uint64_t plainSize, std::uint32_t chunk)
{
    return plainSize == 0 ? 1 : (plainSize + chunk - 1) / chunk;
}

// Writes the file produced by `writeBody(fd)` to a temporary file next to `path` and renames it
// into place: `path` is always either its previous complete version or the new one.
template <typename WriteBody>
Status replaceAtomically(const std::string& path, WriteBody&& writeBody)
{
    namespace fs = std::filesystem;
    const std::string tmp = temporaryPathFor(path);
    mode_t mode = S_IRUSR | S_IWUSR; // a new encrypted project is private to its owner
    struct stat st { };
    if (::stat(path.c_str(), &st) == 0)
        mode = st.st_mode & 07777; // keep the permissions of the file it replaces
    ::unlink(tmp.c_str());
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (fd.get() < 0)
        return ioError("cannot create the temporary file", tmp, errno);
    ::fchmod(fd.get(), mode); // not narrowed by the umask: the same mode as before
    auto fail = [&](const std::string& what) -> Status {
        const int err = errno;
        fd.closeNow();
        ::unlink(tmp.c_str());
        return ioError(what, path, err);
    };
    if (!writeBody(fd.get()))
        return fail("cannot save");
    if (::fsync(fd.get()) != 0)
        return fail("cannot save (fsync)");
    if (fd.closeNow() != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return ioError("cannot save (close)", path, err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return ioError("cannot replace the file", path, err);
    }
    // The rename is durable once the folder's entry is on disk.
    const fs::path parent = fs::path(path).parent_path();
    const fs::path dir = parent.empty() ? fs::path(".") : parent;
    Fd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dirFd.get() >= 0)
        ::fsync(dirFd.get());
    return {};
}

} // namespace

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // sodium_init() fails only without a source of randomness; every later call into
        // libsodium that needs one would then abort, so there is nothing better to do here.
        if (sodium_init() < 0)
            return;
    });
}

std::string temporaryPathFor(const std::string& path)
{
    return path + ".saving";
}

PlainImage::~PlainImage()
{
    if (m_data) {
        sodium_memzero(m_data, m_size);
        sqlite3_free(m_data);
    }
}
PlainImage::PlainImage(PlainImage&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}
PlainImage& PlainImage::operator=(PlainImage&& other) noexcept
{
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    return *this;
}
unsigned char* PlainImage::release()
{
    m_size = 0;
    return std::exchange(m_data, nullptr);
}

Status checkParams(const KdfParams& p, const std::string& path, ErrorCode code)
{
    if (p.opsLimit < crypto_pwhash_OPSLIMIT_MIN || p.opsLimit > kMaxOpsLimit
        || p.memLimitBytes < crypto_pwhash_MEMLIMIT_MIN || p.memLimitBytes > kMaxMemLimit)
        return makeError(code,
            "unreasonable key derivation parameters (" + std::to_string(p.opsLimit) + " passes, "
                + std::to_string(p.memLimitBytes >> 20) + " MiB; at most "
                + std::to_string(kMaxOpsLimit) + " passes and " + std::to_string(kMaxMemLimit >> 20)
                + " MiB)",
            path);
    return {};
}

Result<ProjectKey> deriveKey(
    const Secret& password, const Salt& salt, const KdfParams& params, const std::string& path)
{
    ensureSodium();
    if (auto s = checkParams(params, path); !s)
        return s.error();
    Secret master = Secret::zeroed(32);
    ProjectKey key;
    key.streamKey = Secret::zeroed(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    if (master.empty() || key.streamKey.empty())
        return makeError(ErrorCode::Io, "cannot allocate protected memory for the key", path);
    const std::string_view pw = password.view();
    if (crypto_pwhash(master.data(), 32, pw.data(), pw.size(), salt.data(), params.opsLimit,
            static_cast<std::size_t>(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Io,
            "not enough memory to derive the key (" + std::to_string(params.memLimitBytes >> 20)
                + " MiB)",
            path);
    crypto_kdf_derive_from_key(key.streamKey.data(), 32, kStreamKeyId, kKdfContext, master.data());
    crypto_kdf_derive_from_key(
        key.keyCheck.data(), key.keyCheck.size(), kKeyCheckId, kKdfContext, master.data());
    key.salt = salt;
    key.params = params;
    return key;
}

Result<ProjectKey> newKey(const Secret& password, const KdfParams& params, const std::string& path)
{
    ensureSodium();
    if (password.empty())
        return makeError(ErrorCode::InvalidArgument, "the password is empty", path);
    Salt salt;
    randombytes_buf(salt.data(), salt.size());
    return deriveKey(password, salt, params, path);
}

Status verifyPassword(const ProjectKey& key, const Secret& password, const std::string& path)
{
    auto other = deriveKey(password, key.salt, key.params, path);
    if (!other)
        return other.error();
    if (sodium_memcmp(other->keyCheck.data(), key.keyCheck.data(), key.keyCheck.size()) != 0)
        return makeError(
            ErrorCode::WrongPassword, "wrong password for this encrypted project", path);
    return {};
}

namespace {

// Reads and checks the plain header: magic, checksum, version, algorithms and bounds.
Result<FileHeader> readHeader(int fd, const std::string& path, std::uint64_t fileSize)
{
    FileHeader h;
    unsigned char* raw = h.raw.data();
    if (fileSize < kMagicSize || !readFully(fd, raw, kMagicSize)
        || std::memcmp(raw, kMagic, kMagicSize) != 0)
        return makeError(ErrorCode::NotAProject, "not an encrypted MarketLens project", path);
    if (fileSize < kHeaderSize || !readFully(fd, raw + kMagicSize, kHeaderSize - kMagicSize))
        return tampered("the file is truncated inside its header", path);
    unsigned char sum[32];
    crypto_generichash(sum, sizeof sum, raw, kChecksumOffset, nullptr, 0);
    if (sodium_memcmp(sum, raw + kChecksumOffset, sizeof sum) != 0)
        return tampered("the header checksum does not match", path);
    h.version = get32(raw + 16);
    h.kdfAlgorithm = get32(raw + 20);
    h.params.opsLimit = get64(raw + 24);
    h.params.memLimitBytes = get64(raw + 32);
    std::memcpy(h.salt.data(), raw + 40, h.salt.size());
    std::memcpy(h.keyCheck.data(), raw + 56, h.keyCheck.size());
    h.cipher = get32(raw + 88);
    h.chunkSize = get32(raw + 92);
    h.plainSize = get64(raw + 96);
    std::memcpy(h.streamHeader.data(), raw + 104, h.streamHeader.size());
    if (h.version > kFormatVersion)
        return makeError(ErrorCode::TooNew,
            "encrypted project format " + std::to_string(h.version)
                + " was written by a newer MarketLens; please update MarketLens",
            path);
    if (h.version < 1 || h.kdfAlgorithm != crypto_pwhash_ALG_ARGON2ID13
        || h.cipher != kCipherSecretstream)
        return tampered("unknown format, key derivation or cipher", path);
    if (auto s = checkParams(h.params, path, ErrorCode::Tampered); !s)
        return s.error();
    if (h.chunkSize < kMinChunk || h.chunkSize > kMaxChunk)
        return tampered("unreasonable chunk size", path);
    if (h.plainSize > fileSize
        || fileSize != kHeaderSize + h.plainSize + chunkCount(h.plainSize, h.chunkSize) * kABytes)
        return tampered("the file is truncated or has extra bytes", path);
    return h;
}

} // namespace

Result<PlainImage> decryptProjectFile(
    const std::string& path, const Secret* password, ProjectKey& key)
{
    ensureSodium();
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return ioError("cannot open", path, errno);
    struct stat st { };
    if (::fstat(fd.get(), &st) != 0)
        return ioError("cannot read", path, errno);
    auto header = readHeader(fd.get(), path, static_cast<std::uint64_t>(st.st_size));
    if (!header)
        return header.error();
    const FileHeader& h = *header;
    if (password) {
        auto derived = deriveKey(*password, h.salt, h.params, path);
        if (!derived)
            return derived.error();
        key = std::move(*derived);
    }
    if (sodium_memcmp(key.keyCheck.data(), h.keyCheck.data(), h.keyCheck.size()) != 0)
        return makeError(
            ErrorCode::WrongPassword, "wrong password for this encrypted project", path);

    auto* plain = static_cast<unsigned char*>(sqlite3_malloc64(h.plainSize ? h.plainSize : 1));
    if (!plain)
        return makeError(ErrorCode::Io, "not enough memory to open the project", path);
    PlainImage image(plain, h.plainSize);
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            &state, h.streamHeader.data(), key.streamKey.data())
        != 0)
        return tampered("bad stream header", path);
    std::vector<unsigned char> cipher(std::size_t(h.chunkSize) + kABytes);
    const std::uint64_t chunks = chunkCount(h.plainSize, h.chunkSize);
    std::uint64_t done = 0;
    for (std::uint64_t i = 0; i < chunks; ++i) {
        const std::size_t n
            = static_cast<std::size_t>(std::min<std::uint64_t>(h.chunkSize, h.plainSize - done));
        if (!readFully(fd.get(), cipher.data(), n + kABytes))
            return tampered("the file is truncated", path);
        unsigned long long outLen = 0;
        unsigned char tag = 0;
        const bool first = i == 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain + done, &outLen, &tag,
                cipher.data(), n + kABytes, first ? h.raw.data() : nullptr, first ? kHeaderSize : 0)
                != 0
            || outLen != n)
            return tampered("chunk " + std::to_string(i + 1) + " of " + std::to_string(chunks)
                    + " does not authenticate",
                path);
        const bool last = i + 1 == chunks;
        if ((tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) != last)
            return tampered(last ? "the last chunk is missing" : "chunks after the last one", path);
        done += n;
    }
    sodium_memzero(&state, sizeof state);
    static constexpr char kSqliteMagic[] = "SQLite format 3";
    if (h.plainSize < 100 || std::memcmp(plain, kSqliteMagic, 16) != 0)
        return makeError(
            ErrorCode::Corrupt, "the decrypted project is not an SQLite database", path);
    return image;
}

Status writeEncryptedFile(
    const std::string& path, const unsigned char* image, std::size_t size, const ProjectKey& key)
{
    ensureSodium();
    std::array<unsigned char, kHeaderSize> header {};
    unsigned char* h = header.data();
    std::memcpy(h, kMagic, kMagicSize);
    put32(h + 16, kFormatVersion);
    put32(h + 20, crypto_pwhash_ALG_ARGON2ID13);
    put64(h + 24, key.params.opsLimit);
    put64(h + 32, key.params.memLimitBytes);
    std::memcpy(h + 40, key.salt.data(), key.salt.size());
    std::memcpy(h + 56, key.keyCheck.data(), key.keyCheck.size());
    put32(h + 88, kCipherSecretstream);
    put32(h + 92, kChunkSize);
    put64(h + 96, size);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, h + 104, key.streamKey.data());
    crypto_generichash(h + kChecksumOffset, 32, h, kChecksumOffset, nullptr, 0);

    return replaceAtomically(path, [&](int fd) {
        if (!writeFully(fd, h, kHeaderSize))
            return false;
        std::vector<unsigned char> out(std::size_t(kChunkSize) + kABytes);
        const std::uint64_t chunks = chunkCount(size, kChunkSize);
        std::size_t done = 0;
        for (std::uint64_t i = 0; i < chunks; ++i) {
            const std::size_t n = std::min<std::size_t>(kChunkSize, size - done);
            const bool first = i == 0;
            const unsigned char tag = i + 1 == chunks
                ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
            unsigned long long outLen = 0;
            crypto_secretstream_xchacha20poly1305_push(&state, out.data(), &outLen, image + done, n,
                first ? h : nullptr, first ? kHeaderSize : 0, tag);
            if (!writeFully(fd, out.data(), static_cast<std::size_t>(outLen)))
                return false;
            done += n;
        }
        sodium_memzero(&state, sizeof state);
        return true;
    });
}

Status writePlainFile(const std::string& path, const unsigned char* image, std::size_t size)
{
    return replaceAtomically(path, [&](int fd) { return writeFully(fd, image, size); });
}

} // namespace marketlens::core::crypto
