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

// The close of the newest row of `ticker` whose close is present; kMissing (NaN) when the ticker
// has no such row or is no instrument.
Result<double> latestClose(ProjectStore& store, const std::string& ticker);

} // namespace marketlens::core
