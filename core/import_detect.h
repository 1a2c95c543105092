#pragma once
// Layout detection for price and holdings files: header synonyms -> column roles -> ImportKind.
//
// Header names are compared case-insensitively after trimming, with '_' '-' '.' and runs of
// blanks read as one blank ("Adj_Close" == "adj close"). Synonyms:
//   date      Date, Datum, Timestamp, Time, Day, Trade Date
//   ticker    Ticker, Symbol, Instrument, Code, Security, RIC
//   open      Open, Opening, Open Price          high   High, High Price
//   low       Low, Low Price                      volume Volume, Vol, Qty Traded
//   close     Close, Closing, Last, Price, Close Price, Closing Price, Last Price
//   adj close Adj Close, Adjusted Close, AdjClose, Adj Close Price
//   quantity  Quantity, Qty, Shares, Units, Position
//   weight    Weight, Weight %, Allocation, Pct, Percent (a '%' or "pct" marks percentages)
//   cost      Cost, Cost Basis, Avg Cost, Average Cost, Price Paid, Unit Cost
//   currency  Currency, Ccy
// When two columns map to the same role the first wins and the other is ignored with a warning.

#include "price_import.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace marketlens::core {

enum class ColumnRole : std::uint8_t {
    Unknown,
    Date,
    Ticker,
    Open,
    High,
    Low,
    Close,
    AdjClose,
    Volume,
    Quantity,
    Weight,
    Cost,
    Currency,
    Count
};

// The role of a header name; `percent` (optional) is set when the name marks percentages.
ColumnRole classifyHeader(std::string_view name, bool* percent = nullptr);

struct ImportLayout {
    ImportKind kind = ImportKind::Auto;
    std::array<int, static_cast<std::size_t>(ColumnRole::Count)> column{}; // -1 = absent
    std::vector<std::pair<int, std::string>> wideColumns; // PricesWide: column index, ticker
    bool weightPercentHeader = false;
    std::size_t fieldCount = 0; // fields in the header
    std::vector<std::string> warnings;

    int col(ColumnRole role) const { return column[static_cast<std::size_t>(role)]; }
    // Roles of the numeric columns present, for decimal sniffing and parsing.
    std::vector<int> numericColumns() const;
};

// Decides the layout from the header fields. `requested` Auto detects (among the price layouts
// only with `pricesOnly`); another kind checks that the needed columns exist. BadData error
// naming the columns found when the header fits no layout.
Result<ImportLayout> detectLayout(const std::vector<std::string>& header, ImportKind requested,
                                  bool pricesOnly);

// "data/msft_ohlcv.csv" -> "MSFT_OHLCV", "MSFT.csv" -> "MSFT".
std::string tickerFromFileName(const std::string& path);
// "data/My Portfolio.csv" -> "My Portfolio".
std::string baseNameOf(const std::string& path);

} // namespace marketlens::core
