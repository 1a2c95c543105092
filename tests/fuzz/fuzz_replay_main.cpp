// The replay driver of the gcc build (no libFuzzer there): runs every file of the folders given on
// the command line (a seed corpus, a regressions folder) through the target's
// LLVMFuzzerTestOneInput, so that every past finding stays a regression test in ctest. A crash or
// sanitizer report fails the test; a missing folder is an error (a typo would test nothing).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    int files = 0;
    for (int a = 1; a < argc; ++a) {
        std::error_code ec;
        if (!fs::is_directory(argv[a], ec)) {
            std::fprintf(stderr, "fuzz replay: %s is not a folder\n", argv[a]);
            return 2;
        }
        std::vector<fs::path> paths;
        for (const auto& e : fs::directory_iterator(argv[a]))
            if (e.is_regular_file() && e.path().filename().string().rfind("README", 0) != 0)
                paths.push_back(e.path());
        std::sort(paths.begin(), paths.end());
        for (const fs::path& p : paths) {
            std::ifstream in(p, std::ios::binary);
            const std::vector<char> bytes(
                (std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::fprintf(stderr, "fuzz replay: %s (%zu bytes)\n", p.c_str(), bytes.size());
            LLVMFuzzerTestOneInput(
                reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++files;
        }
    }
    std::printf("fuzz replay: %d inputs ran without a crash\n", files);
    return files > 0 ? 0 : 1;
}
