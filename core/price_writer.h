#pragma once
// PriceWriter: fast bulk upsert of daily prices into an open project, for the import.
//
// Contract: the caller owns the transaction (the writer never begins or commits one) and keeps
// the store alive while the writer exists. Rows are buffered and written with multi-row
// INSERT ... SELECT ... ON CONFLICT DO UPDATE statement prepared once, fed from an in-memory
// virtual table; a value present in a row replaces
// the stored one, a missing value (NaN) keeps it. flush() must be called before the transaction
// commits. Instrument ids are cached per ticker (upper-cased); unknown tickers are created.
//
// DateSeenSet remembers which (instrument, date) pairs a file has produced, to report duplicates.
// Its memory grows with the number of instruments times their date span, not with row count.

#include "date.h"
#include "project_store.h"
#include "result.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace marketlens::core {

// Column order of PriceWriter::add values.
enum PriceField { kOpen, kHigh, kLow, kClose, kAdjClose, kVolume, kPriceFieldCount };

class PriceWriter {
public:
    static constexpr int kChunkRows = 8192;    // rows handed to the writer thread at a time
    static constexpr int kMaxQueuedChunks = 4; // bounds memory: at most ~3 MB of queued rows

    explicit PriceWriter(ProjectStore& store) : m_store(&store) {}
    // Stops the writer thread; rows not flushed are dropped (the caller rolls back).
    ~PriceWriter();
    PriceWriter(const PriceWriter&) = delete;
    PriceWriter& operator=(const PriceWriter&) = delete;

    // The id of `ticker` (trimmed, upper-cased). A new instrument gets the next free id at once
    // and is inserted by the writer thread, so the parsing thread never waits for the
    // connection (which the writer holds while it inserts a chunk).
    Result<std::int64_t> instrument(std::string_view ticker);

    // Queues one row. Full chunks are written by a background thread on the same connection
    // (SQLite serialises the calls), so parsing and writing overlap; a write error comes back
    // from a later add() or from flush().
    Status add(std::int64_t instrumentId, Date date, const double (&values)[kPriceFieldCount]);
    // Writes every queued row and waits for it.
    Status flush();
    std::int64_t rowsWritten() const { return m_written; }

    struct Row {
        std::int64_t id;
        char date[10];
        double values[kPriceFieldCount];
    };
    struct NewInstrument {
        std::int64_t id;
        std::string ticker;
        std::string createdAt;
    };
    // Instruments are inserted by the writer thread before the chunk's rows.
    struct Chunk {
        std::vector<Row> rows;
        std::vector<NewInstrument> instruments;
    };

    // Flushes, then (re)loads the instrument ids, the next free id and which instruments hold
    // prices. Call before each file (other writers, e.g. writePortfolio, may have added
    // instruments); instrument() calls it on first use.
    Status sync();
    // Whether the instrument held prices at the last sync() or got rows from this writer since.
    bool hasPrices(std::int64_t id) const { return m_hasRows.count(id) != 0; }

private:
    Status prepare();
    Status writeChunk(const Chunk& chunk);
    Status handOff(); // queues m_current for the writer thread
    void writerLoop();

    ProjectStore* m_store;
    Statement m_upsert; // INSERT ... SELECT FROM ml_price_rows ... ON CONFLICT DO UPDATE
    Statement m_insertInstrument;
    bool m_synced = false;
    std::int64_t m_nextId = 1;
    std::unordered_set<std::int64_t> m_hasRows;
    std::int64_t m_lastAddedId = -1;
    const Chunk* m_active = nullptr; // the chunk the writer thread is inserting
    Chunk m_current;
    std::atomic<std::int64_t> m_written{0};
    std::unordered_map<std::string, std::int64_t> m_ids;
    std::string m_key; // reused lookup key: no allocation per row

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Chunk> m_queue;
    std::vector<Chunk> m_spare; // recycled chunk buffers
    bool m_allBuffers = false;  // every chunk buffer allocated (at the first full chunk)
    bool m_busy = false;
    bool m_stop = false;
    Status m_status; // first write error of the writer thread
    std::thread m_thread;
};

class DateSeenSet {
public:
    // Whether the project already holds prices of an instrument (asked once per instrument).
    using HasPrices = std::function<Result<bool>(std::int64_t id)>;
    // The dates written so far for an instrument that had none before (flushes the writer).
    using History = std::function<Result<std::vector<Date>>(std::int64_t id)>;

    DateSeenSet() = default;
    DateSeenSet(HasPrices hasPrices, History history)
        : m_hasPrices(std::move(hasPrices)), m_history(std::move(history))
    {
    }

    // Marks (id, date); returns true when it was marked before. A callback error lands in
    // `error` (and false is returned).
    bool testAndSet(std::int64_t id, Date date, Status& error);

private:
    struct Bits {
        std::int32_t first = 0; // day of bit 0
        std::vector<std::uint64_t> words;
        bool testAndSet(std::int32_t day);
    };
    // While an instrument's dates only increase (the usual case, and always for a new
    // instrument of a sorted file), only the last date is kept: memory per instrument stays
    // constant however long its history. At the first date out of order the dates written so
    // far are reloaded into a bitmap. Instruments that already had prices start as bitmaps.
    struct Entry {
        bool increasing = true;
        std::int32_t last = 0;
        bool any = false;
        Bits bits;
    };
    HasPrices m_hasPrices;
    History m_history;
    std::unordered_map<std::int64_t, Entry> m_sets;
    std::int64_t m_lastId = -1;
    Entry* m_last = nullptr;
};

} // namespace marketlens::core
