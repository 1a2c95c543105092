#pragma once
// Cheap reads of the prices table for views of large projects: each is a few seeks in the
// prices primary key (instrument_id, date), whatever the number of rows stored, so a window can
// call them on the GUI thread (5,000 instruments x 5,000 days: ~10 microseconds per ticker)
// where ProjectStore::prices() would read and copy every row of the series.

#include "project_store.h"
#include "result.h"

#include <string>
#include <vector>

namespace marketlens::core {

// The instruments (as ProjectStore::instruments(), ordered by ticker) with their first and last
// price dates but priceCount -1: counting needs every row, this only two seeks per instrument.
Result<std::vector<InstrumentInfo>> instrumentsUncounted(ProjectStore& store);

// The instruments of a prepared SELECT whose columns are id, ticker, name, currency, row count
// (NULL: not counted, priceCount -1, or 0 when there is no first date), first date, last date:
// the one row reader of ProjectStore::instruments() and instrumentsUncounted().
Result<std::vector<InstrumentInfo>> readInstrumentRows(Statement& st);

// The number of price rows of one instrument: a range scan of its rows in the primary key, in a
// read of its own, so that counting every instrument one by one never holds the file against a
// writer for longer than one instrument's count.
Result<std::int64_t> priceCount(ProjectStore& store, std::int64_t instrumentId);

// The close of the newest row of `ticker` whose close is present; kMissing (NaN) when the ticker
// has no such row or is no instrument.
Result<double> latestClose(ProjectStore& store, const std::string& ticker);

} // namespace marketlens::core
