// Fuzz target "csv": price and holdings files as `marketlens import` reads them. The input is
// imported into a scratch project (created once per process) through ImportSession, which runs
// the whole path of core/import_file.cpp: CsvReader (delimiter sniffing, quoting, BOM), layout
// detection (import_detect), number and date parsing and sniffing (text_parse), row checks, the
// price writer and the holdings writer; a zip input goes through the .xlsx conversion. The
// session is rolled back, so every execution starts from the same empty project.
//
// A second check is differential: CsvReader must return the same records (fields, lines, status)
// whether it reads the file in its default 2 MiB blocks or in blocks of a few bytes, so that a
// record split across a block boundary is never read differently.
#include "fuzz_support.h"

#include "core/csv_reader.h"
#include "core/price_import.h"
#include "core/project_store.h"

#include <cstdlib>
#include <string>
#include <vector>

using namespace marketlens;

namespace {

struct Record {
    std::vector<std::string> fields;
    std::int64_t line = 0;
    bool operator==(const Record&) const = default;
};

struct Reading {
    std::vector<Record> records;
    bool ok = false;
    core::ErrorCode code = core::ErrorCode::Ok;
};

Reading readAll(const std::string& path, core::CsvOptions options)
{
    Reading out;
    auto reader = core::CsvReader::open(path, std::move(options));
    if (!reader)
        return out;
    while (reader->next()) {
        Record r;
        for (std::string_view f : reader->fields())
            r.fields.emplace_back(f);
        r.line = reader->line();
        out.records.push_back(std::move(r));
    }
    out.ok = reader->status().ok();
    if (!out.ok)
        out.code = reader->status().error().code;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile input("prices.csv");
    static const fuzz::ScratchFile project("import.mlens");
    static const bool created = core::ProjectStore::create(project.path()).ok();
    if (!created || !input.write(data, size))
        std::abort();

    {
        auto session = core::ImportSession::begin(project.path());
        if (!session)
            std::abort(); // the scratch project itself must always open
        core::ImportOptions options;
        auto result = session->run({input.path()}, options);
        if (result) {
            for (const auto& f : result->files)
                if (f.rowsAccepted < 0 || f.rowsRejected < 0)
                    std::abort();
        } else if (result.error().message.empty()) {
            std::abort(); // every error must say what is wrong
        }
        session->rollback();
    }

    // Block-size independence of the CSV reader (the delimiter is fixed from the first reading,
    // since sniffing looks at the first block only).
    auto first = core::CsvReader::open(input.path());
    if (!first)
        return 0;
    core::CsvOptions big;
    big.delimiter = first->delimiter();
    core::CsvOptions small = big;
    small.blockSize = 64 + (size > 0 ? data[0] % 64 : 0); // the reader's minimum is 64
    const Reading a = readAll(input.path(), big);
    const Reading b = readAll(input.path(), small);
    if (a.ok != b.ok || a.code != b.code || a.records != b.records)
        std::abort();
    return 0;
}
