// Fuzz target "xlsx": core/xlsx_reader.h on arbitrary bytes: the zip container (minizip), the
// workbook, relationships, shared strings and styles, and every sheet's cells streamed with
// XlsxReader::readSheet, each cell turned into text as the import does.
#include "fuzz_support.h"

#include "core/xlsx_reader.h"

#include <cstdlib>

using namespace marketlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile input("book.xlsx");
    if (!input.write(data, size))
        std::abort();
    auto book = core::XlsxReader::open(input.path());
    if (!book) {
        if (book.error().message.empty())
            std::abort();
        return 0;
    }
    const std::size_t sheets = book->sheetNames().size();
    for (std::size_t s = 0; s < sheets && s < 8; ++s) {
        std::int64_t lastRow = 0;
        std::size_t cells = 0;
        (void)book->readSheet(s, [&](const core::XlsxRow& row) {
            if (row.row <= lastRow)
                std::abort(); // rows come in increasing order
            lastRow = row.row;
            for (const core::XlsxCell& cell : row.cells)
                cells += cell.toText().size();
            return true;
        });
        (void)cells;
    }
    return 0;
}
