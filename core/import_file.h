#pragma once
// One file of an import (internal to price_import.cpp and ImportSession): reads `path` with the
// CsvReader, detects its layout, sniffs decimal separator and date format, checks every row,
// sends prices to `writer` (which must be flushed before commit; importOneFile flushes at the
// end of a price file) or holdings to ProjectStore::writePortfolio, and adds the import_log row.
// Runs inside the caller's transaction; on an error (Io, BadData for an unrecognised file or
// ambiguous dates, Cancelled, strict-mode rejection, Database) the caller must roll back.

#include "price_import.h"
#include "price_writer.h"

namespace marketlens::core {

Status importOneFile(ProjectStore& store, PriceWriter& writer, const ImportOptions& options,
                     const std::string& path, const Progress& progress, FileImportResult& result);

} // namespace marketlens::core
