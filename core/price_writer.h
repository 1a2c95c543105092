#pragma once
// PriceWriter: fast bulk upsert of daily prices into an open project, for the import.
//
// Contract: the caller owns the transaction (the writer never begins or commits one) and keeps
// the store alive while the writer exists. Rows are buffered and written with multi-row
// INSERT ... ON CONFLICT DO UPDATE statements prepared once; a value present in a row replaces
// the stored one, a missing value (NaN) keeps it. flush() must be called before the transaction
// commits. Instrument ids are cached per ticker (upper-cased); unknown tickers are created.
//
// DateSeenSet remembers which (instrument, date) pairs a file has produced, to report duplicates.
// Its memory grows with the number of instruments times their date span, not with row count.

#include "date.h"
#include "project_store.h"
#include "result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marketlens::core {

// Column order of PriceWriter::add values.
enum PriceField { kOpen, kHigh, kLow, kClose, kAdjClose, kVolume, kPriceFieldCount };

class PriceWriter {
public:
    static constexpr int kBatchRows = 128;

    explicit PriceWriter(ProjectStore& store) : m_store(&store) {}
    PriceWriter(const PriceWriter&) = delete;
    PriceWriter& operator=(const PriceWriter&) = delete;

    // The id of `ticker` (trimmed, upper-cased), created when missing.
    Result<std::int64_t> instrument(std::string_view ticker);

    // Queues one row; writes a batch when kBatchRows rows are queued.
    Status add(std::int64_t instrumentId, Date date, const double (&values)[kPriceFieldCount]);
    // Writes queued rows.
    Status flush();
    std::int64_t rowsWritten() const { return m_written; }

private:
    Status prepare();
    Status writeRows(Statement& st, int rows);

    struct Row {
        std::int64_t id;
        char date[10];
        double values[kPriceFieldCount];
    };

    ProjectStore* m_store;
    Statement m_batch;  // kBatchRows rows
    Statement m_single; // one row, for the tail
    std::array<Row, kBatchRows> m_rows{};
    int m_count = 0;
    std::int64_t m_written = 0;
    std::unordered_map<std::string, std::int64_t> m_ids;
    std::string m_key; // reused lookup key: no allocation per row
};

class DateSeenSet {
public:
    // Marks (id, date); returns true when it was marked before.
    bool testAndSet(std::int64_t id, Date date);
    // Whether `id` was ever marked (new instruments of a file).
    bool contains(std::int64_t id) const { return m_sets.count(id) != 0; }

private:
    struct Bits {
        std::int32_t first = 0; // day of bit 0
        std::vector<std::uint64_t> words;
    };
    std::unordered_map<std::int64_t, Bits> m_sets;
    std::int64_t m_lastId = -1;
    Bits* m_last = nullptr;
};

} // namespace marketlens::core
