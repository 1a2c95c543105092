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

PriceWriter::~PriceWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

Status PriceWriter::add(std::int64_t instrumentId, Date date,
                        const double (&values)[kPriceFieldCount])
{
    if (m_current.capacity() == 0)
        m_current.reserve(kChunkRows);
    Row& row = m_current.emplace_back();
    row.id = instrumentId;
    date.writeIso(row.date);
    for (int i = 0; i < kPriceFieldCount; ++i)
        row.values[i] = values[i];
    if (m_current.size() == static_cast<std::size_t>(kChunkRows))
        return handOff();
    return {};
}

Status PriceWriter::handOff()
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { writerLoop(); });
    m_cv.wait(lock, [this] {
        return m_queue.size() < static_cast<std::size_t>(kMaxQueuedChunks) || !m_status;
    });
    if (!m_status)
        return m_status;
    m_queue.push_back(std::move(m_current));
    if (!m_spare.empty()) {
        m_current = std::move(m_spare.back());
        m_spare.pop_back();
    } else {
        m_current = Chunk();
    }
    m_current.clear();
    lock.unlock();
    m_cv.notify_all();
    return {};
}

void PriceWriter::writerLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        Chunk chunk = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        Status st = m_status ? writeChunk(chunk) : Status();
        chunk.clear();
        lock.lock();
        if (!st && m_status)
            m_status = st;
        m_spare.push_back(std::move(chunk));
        m_busy = false;
        m_cv.notify_all();
    }
}

Status PriceWriter::writeChunk(const Chunk& chunk)
{
    if (!m_batch.handle()) {
        if (auto s = prepare(); !s)
            return s;
    }
    const int n = static_cast<int>(chunk.size());
    int r = 0;
    for (; r + kBatchRows <= n; r += kBatchRows) {
        if (auto s = writeRows(m_batch, chunk.data() + r, kBatchRows); !s)
            return s;
    }
    for (; r < n; ++r) { // the tail of the last chunk, row by row
        if (auto s = writeRows(m_single, chunk.data() + r, 1); !s)
            return s;
    }
    return {};
}

Status PriceWriter::writeRows(Statement& st, const Row* rows, int count)
{
    sqlite3_stmt* h = st.handle();
    for (int r = 0; r < count; ++r) {
        const Row& row = rows[r];
        const int base = r * kParamsPerRow;
        sqlite3_bind_int64(h, base + 1, row.id);
        // The chunk outlives the step below, so SQLite need not copy the text.
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
    m_written += count;
    return {};
}

Status PriceWriter::flush()
{
    if (!m_current.empty()) {
        if (auto s = handOff(); !s)
            return s;
    }
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return (m_queue.empty() && !m_busy) || !m_status; });
    return m_status;
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
