// Fuzz target "project": a project file made of arbitrary bytes (a damaged or hostile .mlens),
// opened with ProjectStore::open (header check, SQLite, schema version, migrations) and read
// back: instruments, each one's prices (a few), portfolios, the import log and settings. Every
// step must give a value or an error; SQLite's own damage detection must never turn into a crash.
#include "fuzz_support.h"

#include "core/project_store.h"

#include <cstdio>
#include <cstdlib>

using namespace marketlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile input("project.mlens");
    for (const char* side : {"-journal", "-wal", "-shm"})
        std::remove((input.path() + side).c_str());
    if (!input.write(data, size))
        std::abort();
    auto store = core::ProjectStore::open(input.path());
    if (!store) {
        if (store.error().message.empty())
            std::abort();
        return 0;
    }
    (void)store->schemaVersion();
    if (auto instruments = store->instruments()) {
        int n = 0;
        for (const auto& info : *instruments) {
            if (++n > 4)
                break;
            (void)store->prices(info.ticker);
        }
    }
    if (auto portfolios = store->portfolios())
        for (const auto& p : *portfolios)
            (void)store->portfolio(p.name);
    (void)store->importLog();
    (void)store->setting("base_currency");
    (void)store->setting("");
    return 0;
}
