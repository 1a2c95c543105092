// See price_queries.h.
#include "price_queries.h"

#include <algorithm>
#include <cctype>

namespace marketlens::core {

Result<std::vector<InstrumentInfo>> readInstrumentRows(Statement& st)
{
    std::vector<InstrumentInfo> out;
    const Status rows = st.forEachRow([&]() -> Status {
        InstrumentInfo info;
        info.id = st.columnInt(0);
        info.ticker = st.columnText(1);
        info.name = st.columnText(2);
        info.currency = st.columnText(3);
        if (!st.isNull(5))
            info.firstDate = Date::fromIso(st.columnTextView(5));
        if (!st.isNull(6))
            info.lastDate = Date::fromIso(st.columnTextView(6));
        info.priceCount = !st.isNull(4) ? st.columnInt(4) : info.firstDate ? -1 : 0;
        out.push_back(std::move(info));
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Result<std::vector<InstrumentInfo>> instrumentsUncounted(ProjectStore& store)
{
    // Each subquery is SQLite's min/max optimisation: one seek in the primary key.
    auto st = store.db().prepare(
        "SELECT i.id, i.ticker, i.name, i.currency, NULL, "
        "(SELECT min(date) FROM prices WHERE instrument_id = i.id), "
        "(SELECT max(date) FROM prices WHERE instrument_id = i.id) "
        "FROM instruments i ORDER BY i.ticker");
    if (!st)
        return st.error();
    return readInstrumentRows(*st);
}

Result<std::int64_t> priceCount(ProjectStore& store, std::int64_t instrumentId)
{
    auto st = store.db().prepare("SELECT count(*) FROM prices WHERE instrument_id = ?1");
    if (!st)
        return st.error();
    st->bind(1, instrumentId);
    auto row = st->step();
    if (!row)
        return row.error();
    return *row ? st->columnInt(0) : 0;
}

Result<double> latestClose(ProjectStore& store, const std::string& ticker)
{
    std::string upperTicker = ticker;
    std::transform(upperTicker.begin(), upperTicker.end(), upperTicker.begin(),
        [](unsigned char c) { return char(std::toupper(c)); });
    // ORDER BY date DESC walks the primary key backwards from the newest row of the instrument;
    // rows without a close are skipped, usually none.
    auto st = store.db().prepare(
        "SELECT p.close FROM instruments i JOIN prices p ON p.instrument_id = i.id "
        "WHERE i.ticker = ?1 AND p.close IS NOT NULL ORDER BY p.date DESC LIMIT 1");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(upperTicker));
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return kMissing;
    return st->columnOptional(0).value_or(kMissing);
}

} // namespace marketlens::core
