#pragma once
// Whole-file byte helpers of the hostile-file tests (core, cli, models), which cut, flip and
// rewrite files byte by byte. Test code only.

#include <fstream>
#include <iterator>
#include <string>

namespace marketlens::test {

// The bytes of `path` (empty when it cannot be read).
inline std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Replaces the content of `path` with `bytes`.
inline void writeAll(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace marketlens::test
