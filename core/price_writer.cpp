#include "price_writer.h"

#include "text_parse.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace marketlens::core {
namespace {

constexpr int kParamsPerRow = 2 + kPriceFieldCount;

std::string upsertSql(int rows)
{
    std::string sql = "INSERT INTO prices (instrument_id, date, open, high, low, close, adj_close, "
                      "volume) VALUES ";
    for (int r = 0; r < rows; ++r)
        sql += r == 0 ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)";
    // Present values replace stored ones, missing (NULL) values keep them.
    sql += " ON CONFLICT(instrument_id, date) DO UPDATE SET "
           "open = coalesce(excluded.open, open), high = coalesce(excluded.high, high), "
           "low = coalesce(excluded.low, low), close = coalesce(excluded.close, close), "
           "adj_close = coalesce(excluded.adj_close, adj_close), "
           "volume = coalesce(excluded.volume, volume)";
    return sql;
}

} // namespace

Result<std::int64_t> PriceWriter::instrument(std::string_view ticker)
{
    ticker = trimBlanks(ticker);
    m_key.assign(ticker.data(), ticker.size());
    for (char& c : m_key) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    if (auto it = m_ids.find(m_key); it != m_ids.end())
        return it->second;
    auto id = m_store->instrumentId(m_key, true);
    if (!id)
        return id.error();
    m_ids.emplace(m_key, *id);
    return *id;
}

Status PriceWriter::prepare()
{
    auto batch = m_store->db().prepare(upsertSql(kBatchRows));
    if (!batch)
        return batch.error();
    auto single = m_store->db().prepare(upsertSql(1));
    if (!single)
        return single.error();
    m_batch = std::move(batch).value();
    m_single = std::move(single).value();
    return {};
}

Status PriceWriter::add(std::int64_t instrumentId, Date date,
                        const double (&values)[kPriceFieldCount])
{
    Row& row = m_rows[static_cast<std::size_t>(m_count)];
    row.id = instrumentId;
    date.writeIso(row.date);
    for (int i = 0; i < kPriceFieldCount; ++i)
        row.values[i] = values[i];
    if (++m_count == kBatchRows) {
        if (!m_batch.handle()) {
            if (auto s = prepare(); !s)
                return s;
        }
        if (auto s = writeRows(m_batch, kBatchRows); !s)
            return s;
        m_count = 0;
    }
    return {};
}

Status PriceWriter::writeRows(Statement& st, int rows)
{
    sqlite3_stmt* h = st.handle();
    for (int r = 0; r < rows; ++r) {
        const Row& row = m_rows[static_cast<std::size_t>(r)];
        const int base = r * kParamsPerRow;
        sqlite3_bind_int64(h, base + 1, row.id);
        // The row buffer outlives the step below, so SQLite need not copy the text.
        sqlite3_bind_text(h, base + 2, row.date, 10, SQLITE_STATIC);
        for (int i = 0; i < kPriceFieldCount; ++i) {
            if (std::isnan(row.values[i]))
                sqlite3_bind_null(h, base + 3 + i);
            else
                sqlite3_bind_double(h, base + 3 + i, row.values[i]);
        }
    }
    if (auto s = st.run(); !s)
        return s;
    m_written += rows;
    return {};
}

Status PriceWriter::flush()
{
    if (m_count == 0)
        return {};
    if (!m_single.handle()) {
        if (auto s = prepare(); !s)
            return s;
    }
    // The tail goes row by row through the one-row statement: fewer than kBatchRows rows.
    for (int r = 0; r < m_count; ++r) {
        if (r > 0)
            m_rows[0] = m_rows[static_cast<std::size_t>(r)];
        if (auto s = writeRows(m_single, 1); !s)
            return s;
    }
    m_count = 0;
    return {};
}

bool DateSeenSet::testAndSet(std::int64_t id, Date date)
{
    if (id != m_lastId || !m_last) {
        m_last = &m_sets[id];
        m_lastId = id;
    }
    Bits& b = *m_last;
    const std::int32_t day = date.days();
    if (b.words.empty()) {
        b.first = day - 64 * 16; // room before the first date for unsorted files
        b.words.assign(64, 0);
    }
    if (day < b.first) {
        // Grow to the left by at least the current size, keeping word alignment.
        const std::size_t add = std::max<std::size_t>(
            b.words.size(), static_cast<std::size_t>((b.first - day) / 64 + 1));
        b.words.insert(b.words.begin(), add, 0);
        b.first -= static_cast<std::int32_t>(add * 64);
    }
    const auto bit = static_cast<std::size_t>(day - b.first);
    if (bit / 64 >= b.words.size())
        b.words.resize(std::max(b.words.size() * 2, bit / 64 + 1), 0);
    std::uint64_t& w = b.words[bit / 64];
    const std::uint64_t mask = std::uint64_t(1) << (bit % 64);
    const bool seen = (w & mask) != 0;
    w |= mask;
    return seen;
}

} // namespace marketlens::core
