// Fuzz target "csv_import": price and holdings files as `marketlens import` reads them, the
// whole path into SQLite. The input is imported by importOneFile (core/import_file.h), what
// ImportSession::run does for each file: CsvReader, layout detection, number and date sniffing,
// row checks, the price writer (PriceWriter, its chunks and instrument ids) and the holdings
// writer, the import log; a zip input goes through the .xlsx conversion. The scratch project is
// created and opened once per process, set up as ImportSession::begin sets up its connection
// (foreign keys off, one transaction), and the transaction is rolled back after every input, so
// every execution starts from the same empty project without paying for opening it (opening and
// validating a project is the target "project"). Slower than "csv", which fuzzes the parsing
// alone without SQLite.
#include "fuzz_support.h"

#include "core/import_file.h"
#include "core/price_import.h"
#include "core/price_writer.h"
#include "core/project_store.h"
#include "core/sqlite_db.h"

#include <cstdlib>
#include <optional>
#include <string>

using namespace marketlens;

namespace {

core::ProjectStore* scratchProject(const std::string& path)
{
    static std::optional<core::ProjectStore> store = [&]() -> std::optional<core::ProjectStore> {
        auto created = core::ProjectStore::create(path);
        if (!created || !created->db().exec("PRAGMA foreign_keys = OFF"))
            return std::nullopt;
        return std::move(created).value();
    }();
    return store ? &*store : nullptr;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile input("import.csv");
    static const fuzz::ScratchFile project("import.mlens");
    core::ProjectStore* store = scratchProject(project.path());
    if (!store || !input.write(data, size))
        std::abort(); // the scratch project itself must always be there

    core::Transaction tx(store->db());
    if (!tx.begin())
        std::abort();
    {
        core::PriceWriter writer(*store);
        core::FileImportResult result;
        const core::ImportOptions options;
        const core::Status st
            = core::importOneFile(*store, writer, options, input.path(), {}, result);
        if (st) {
            if (result.rowsAccepted < 0 || result.rowsRejected < 0)
                std::abort();
        } else if (st.error().message.empty()) {
            std::abort(); // every error must say what is wrong
        }
    } // the writer stops before the rollback, as in ImportSession::rollback
    tx.rollback();
    return 0;
}
