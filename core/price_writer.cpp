#include "price_writer.h"

#include "text_parse.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace marketlens::core {
namespace {

// The rows of one chunk reach SQLite through an eponymous virtual table, "ml_price_rows",
// so that a whole chunk is one INSERT ... SELECT: no per-value sqlite3_bind_* calls (each of
// which takes the connection mutex) and no per-batch statement round trips.
struct RowsVtab {
    sqlite3_vtab base{};
    const PriceWriter::Chunk* const* active = nullptr;
};
struct RowsCursor {
    sqlite3_vtab_cursor base{};
    std::size_t row = 0;
    const PriceWriter::Chunk* chunk = nullptr;
};

int rowsConnect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**)
{
    const int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(instrument_id INTEGER, date TEXT, "
                                            "open REAL, high REAL, low REAL, close REAL, "
                                            "adj_close REAL, volume REAL)");
    if (rc != SQLITE_OK)
        return rc;
    auto* vt = new RowsVtab;
    vt->active = static_cast<const PriceWriter::Chunk* const*>(aux);
    *out = &vt->base;
    return SQLITE_OK;
}
int rowsDisconnect(sqlite3_vtab* vt)
{
    delete reinterpret_cast<RowsVtab*>(vt);
    return SQLITE_OK;
}
int rowsBestIndex(sqlite3_vtab*, sqlite3_index_info* info)
{
    info->estimatedCost = 1000;
    info->estimatedRows = PriceWriter::kChunkRows;
    return SQLITE_OK;
}
int rowsOpen(sqlite3_vtab* vt, sqlite3_vtab_cursor** out)
{
    auto* c = new RowsCursor;
    c->chunk = *reinterpret_cast<RowsVtab*>(vt)->active;
    *out = &c->base;
    return SQLITE_OK;
}
int rowsClose(sqlite3_vtab_cursor* c)
{
    delete reinterpret_cast<RowsCursor*>(c);
    return SQLITE_OK;
}
int rowsFilter(sqlite3_vtab_cursor* c, int, const char*, int, sqlite3_value**)
{
    reinterpret_cast<RowsCursor*>(c)->row = 0;
    return SQLITE_OK;
}
int rowsNext(sqlite3_vtab_cursor* c)
{
    ++reinterpret_cast<RowsCursor*>(c)->row;
    return SQLITE_OK;
}
int rowsEof(sqlite3_vtab_cursor* c)
{
    auto* cur = reinterpret_cast<RowsCursor*>(c);
    return !cur->chunk || cur->row >= cur->chunk->rows.size();
}
int rowsColumn(sqlite3_vtab_cursor* c, sqlite3_context* ctx, int col)
{
    auto* cur = reinterpret_cast<RowsCursor*>(c);
    const auto& row = cur->chunk->rows[cur->row];
    if (col == 0) {
        sqlite3_result_int64(ctx, row.id);
    } else if (col == 1) {
        // The chunk outlives the statement step that reads it: no copy needed.
        sqlite3_result_text(ctx, row.date, 10, SQLITE_STATIC);
    } else {
        const double v = row.values[col - 2];
        if (std::isnan(v))
            sqlite3_result_null(ctx);
        else
            sqlite3_result_double(ctx, v);
    }
    return SQLITE_OK;
}
int rowsRowid(sqlite3_vtab_cursor* c, sqlite3_int64* rowid)
{
    *rowid = static_cast<sqlite3_int64>(reinterpret_cast<RowsCursor*>(c)->row);
    return SQLITE_OK;
}

sqlite3_module makeRowsModule()
{
    sqlite3_module m{};
    m.iVersion = 1;
    m.xCreate = nullptr; // eponymous only: usable as "ml_price_rows" without CREATE
    m.xConnect = rowsConnect;
    m.xBestIndex = rowsBestIndex;
    m.xDisconnect = rowsDisconnect;
    m.xDestroy = rowsDisconnect;
    m.xOpen = rowsOpen;
    m.xClose = rowsClose;
    m.xFilter = rowsFilter;
    m.xNext = rowsNext;
    m.xEof = rowsEof;
    m.xColumn = rowsColumn;
    m.xRowid = rowsRowid;
    return m;
}
const sqlite3_module kRowsModule = makeRowsModule();

// Present values replace stored ones, missing (NULL) values keep them.
constexpr const char* kUpsertSql =
    "INSERT INTO prices (instrument_id, date, open, high, low, close, adj_close, volume) "
    "SELECT instrument_id, date, open, high, low, close, adj_close, volume FROM ml_price_rows "
    "WHERE true ON CONFLICT(instrument_id, date) DO UPDATE SET "
    "open = coalesce(excluded.open, open), high = coalesce(excluded.high, high), "
    "low = coalesce(excluded.low, low), close = coalesce(excluded.close, close), "
    "adj_close = coalesce(excluded.adj_close, adj_close), "
    "volume = coalesce(excluded.volume, volume)";

} // namespace

Result<std::int64_t> PriceWriter::instrument(std::string_view ticker)
{
    ticker = trimBlanks(ticker);
    m_key.assign(ticker.data(), ticker.size());
    for (char& c : m_key) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    if (!m_synced) {
        if (auto s = sync(); !s)
            return s.error();
    }
    if (auto it = m_ids.find(m_key); it != m_ids.end())
        return it->second;
    if (m_key.empty())
        return makeError(ErrorCode::InvalidArgument, "empty ticker");
    const std::int64_t id = m_nextId++;
    m_current.instruments.push_back(NewInstrument{id, m_key, utcNowIso()});
    m_ids.emplace(m_key, id);
    return id;
}

Status PriceWriter::sync()
{
    if (auto s = flush(); !s)
        return s;
    Database& db = m_store->db();
    auto ids = db.prepare("SELECT id, ticker FROM instruments");
    if (!ids)
        return ids.error();
    m_ids.clear();
    m_nextId = 1;
    const Status rows = ids->forEachRow([&]() -> Status {
        const std::int64_t id = ids->columnInt(0);
        m_ids.emplace(ids->columnText(1), id);
        m_nextId = std::max(m_nextId, id + 1);
        return {};
    });
    if (!rows)
        return rows.error();
    auto withPrices = db.prepare("SELECT i.id FROM instruments i WHERE EXISTS "
                                 "(SELECT 1 FROM prices p WHERE p.instrument_id = i.id)");
    if (!withPrices)
        return withPrices.error();
    m_hasRows.clear();
    const Status priced = withPrices->forEachRow([&]() -> Status {
        m_hasRows.insert(withPrices->columnInt(0));
        return {};
    });
    if (!priced)
        return priced.error();
    m_lastAddedId = -1;
    m_synced = true;
    return {};
}

Status PriceWriter::prepare()
{
    // The module's aux pointer is where the writer thread puts the chunk being written.
    if (sqlite3_create_module_v2(m_store->db().handle(), "ml_price_rows", &kRowsModule, &m_active,
                                 nullptr)
        != SQLITE_OK)
        return m_store->db().lastError();
    auto st = m_store->db().prepare(kUpsertSql);
    if (!st)
        return st.error();
    m_upsert = std::move(st).value();
    auto ins = m_store->db().prepare(
        "INSERT INTO instruments (id, ticker, created_at) VALUES (?1, ?2, ?3)");
    if (!ins)
        return ins.error();
    m_insertInstrument = std::move(ins).value();
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
    if (instrumentId != m_lastAddedId) {
        m_hasRows.insert(instrumentId);
        m_lastAddedId = instrumentId;
    }
    Row& row = m_current.rows.emplace_back();
    row.id = instrumentId;
    date.writeIso(row.date);
    for (int i = 0; i < kPriceFieldCount; ++i)
        row.values[i] = values[i];
    if (m_current.rows.size() == static_cast<std::size_t>(kChunkRows))
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
    if (!m_allBuffers && m_current.rows.size() == static_cast<std::size_t>(kChunkRows)) {
        // The first full chunk: a large import. Every chunk buffer the pipeline can hold at
        // once (queued, being written, being filled) is allocated and touched now, so that
        // peak memory does not depend on how the two threads happen to race. Until then the
        // chunk grows with its rows: a small file does not pay for the buffers of a large one.
        // Nothing is in flight here (every earlier hand-off was a flush(), which waits), so
        // the spares are all the other chunks there are.
        m_spare.resize(static_cast<std::size_t>(kMaxQueuedChunks) + 1);
        for (Chunk& c : m_spare) {
            c.rows.resize(kChunkRows);
            c.rows.clear();
        }
        m_allBuffers = true;
    }
    m_queue.push_back(std::move(m_current));
    if (!m_spare.empty()) {
        m_current = std::move(m_spare.back());
        m_spare.pop_back();
    } else {
        m_current = Chunk(); // a small file's first chunk, or after a flush; grows on demand
    }
    m_current.rows.clear();
    m_current.instruments.clear();
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
        chunk.rows.clear();
        chunk.instruments.clear();
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
    if (!m_upsert.handle()) {
        if (auto s = prepare(); !s)
            return s;
    }
    for (const NewInstrument& i : chunk.instruments) {
        m_insertInstrument.bind(1, i.id);
        m_insertInstrument.bind(2, std::string_view(i.ticker));
        m_insertInstrument.bind(3, std::string_view(i.createdAt));
        if (auto s = m_insertInstrument.run(); !s)
            return s;
    }
    if (chunk.rows.empty())
        return {};
    m_active = &chunk; // read by the virtual table's cursor during the step below
    Status st = m_upsert.run();
    m_active = nullptr;
    if (st)
        m_written += static_cast<std::int64_t>(chunk.rows.size());
    return st;
}

Status PriceWriter::flush()
{
    if (!m_current.rows.empty() || !m_current.instruments.empty()) {
        if (auto s = handOff(); !s)
            return s;
    }
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return (m_queue.empty() && !m_busy) || !m_status; });
    return m_status;
}

bool DateSeenSet::testAndSet(std::int64_t id, Date date, Status& error)
{
    if (id != m_lastId || !m_last) {
        auto [it, inserted] = m_sets.try_emplace(id);
        m_last = &it->second;
        m_lastId = id;
        if (inserted && m_hasPrices) {
            auto had = m_hasPrices(id);
            if (!had) {
                error = had.error();
                return false;
            }
            it->second.increasing = !*had;
        }
    }
    Entry& e = *m_last;
    const std::int32_t day = date.days();
    if (e.increasing) {
        if (!e.any || day > e.last) {
            e.any = true;
            e.last = day;
            return false;
        }
        e.increasing = false;
        if (m_history) {
            auto dates = m_history(id);
            if (!dates) {
                error = dates.error();
                return false;
            }
            for (Date d : *dates)
                e.bits.testAndSet(d.days());
        }
    }
    return e.bits.testAndSet(day);
}

bool DateSeenSet::Bits::testAndSet(std::int32_t day)
{
    if (words.empty()) {
        first = day - 64 * 4; // a little room before the first date for unsorted files
        words.assign(40, 0);
    }
    if (day < first) {
        // Grow to the left by at least the current size, keeping word alignment.
        const std::size_t add = std::max<std::size_t>(
            words.size(), static_cast<std::size_t>((first - day) / 64 + 1));
        words.insert(words.begin(), add, 0);
        first -= static_cast<std::int32_t>(add * 64);
    }
    const auto bit = static_cast<std::size_t>(day - first);
    if (bit / 64 >= words.size()) // grow by a quarter: bounded overshoot for long histories
        words.resize(std::max(words.size() + words.size() / 4, bit / 64 + 1), 0);
    std::uint64_t& w = words[bit / 64];
    const std::uint64_t mask = std::uint64_t(1) << (bit % 64);
    const bool seen = (w & mask) != 0;
    w |= mask;
    return seen;
}

} // namespace marketlens::core
