#pragma once
// Shared by the libFuzzer targets of tests/fuzz: the parsers under test read paths, so each input
// is written to one file per process and target (in /dev/shm when it exists, so no disk I/O) and
// rewritten for every execution. Nothing here is used by the application.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace marketlens::fuzz {

// A per-process scratch path ending in `suffix` ("in.csv" -> /dev/shm/mlfuzz-1234-in.csv).
inline std::string scratchPath(const char* suffix)
{
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    return std::string(dir) + "/mlfuzz-" + std::to_string(getpid()) + "-" + suffix;
}

// Writes `size` bytes to `path` (truncating it); false when the file cannot be written.
inline bool writeBytes(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return false;
    const bool ok = size == 0 || std::fwrite(data, 1, size, f) == size;
    return std::fclose(f) == 0 && ok;
}

// The scratch file of one target, kept open for the whole process and rewritten in place for
// every input (pwrite + ftruncate: no FILE buffer allocated per execution), removed when the
// process ends normally.
class ScratchFile {
public:
    explicit ScratchFile(const char* suffix)
        : m_path(scratchPath(suffix))
    {
    }
    ~ScratchFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        std::remove(m_path.c_str());
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const { return m_path; }
    // Opens the file on first use (a scratch project is created by its own code instead), and
    // again when the code under test replaced or removed it (an atomic save renames over it).
    bool write(const std::uint8_t* data, std::size_t size) const
    {
        struct stat st {};
        if (m_fd >= 0 && (::stat(m_path.c_str(), &st) != 0 || st.st_ino != m_ino)) {
            ::close(m_fd);
            m_fd = -1;
        }
        if (m_fd < 0) {
            m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
                return false;
            m_ino = st.st_ino;
        }
        std::size_t done = 0;
        while (done < size) {
            const ssize_t n = ::pwrite(m_fd, data + done, size - done, off_t(done));
            if (n <= 0)
                return false;
            done += std::size_t(n);
        }
        return ::ftruncate(m_fd, off_t(size)) == 0;
    }

private:
    std::string m_path;
    mutable int m_fd = -1;
    mutable ino_t m_ino = 0;
};

} // namespace marketlens::fuzz
