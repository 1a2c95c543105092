#pragma once
// Shared by the libFuzzer targets of tests/fuzz: the parsers under test read paths, so each input
// is written to one file per process and target (in /dev/shm when it exists, so no disk I/O) and
// rewritten for every execution. Nothing here is used by the application.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
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

// The scratch file of one target, removed when the process ends normally.
class ScratchFile {
public:
    explicit ScratchFile(const char* suffix)
        : m_path(scratchPath(suffix))
    {
    }
    ~ScratchFile() { std::remove(m_path.c_str()); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const { return m_path; }
    bool write(const std::uint8_t* data, std::size_t size) const
    {
        return writeBytes(m_path, data, size);
    }

private:
    std::string m_path;
};

} // namespace marketlens::fuzz
