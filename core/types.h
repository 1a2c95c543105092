#pragma once
// Domain types shared by every layer: price series, holdings, portfolios, instruments.
// Missing values in memory are NaN (NULL in the project file).

#include "date.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool isMissing(double v) { return std::isnan(v); }

// One instrument's daily prices, columnar and sorted by date (no duplicate dates).
struct PriceSeries {
    std::string ticker;
    std::vector<Date> dates;
    std::vector<double> open, high, low, close, adjClose, volume; // NaN where missing

    std::size_t size() const { return dates.size(); }
    bool empty() const { return dates.empty(); }
    // True when at least one row has open, high, low and close (a candlestick is possible).
    bool hasOhlc() const;
    // Adjusted close where present, otherwise close: the series returns are computed on.
    double valueAt(std::size_t i) const;
};

struct InstrumentInfo {
    std::int64_t id = 0;
    std::string ticker;
    std::string name;
    std::string currency;
    std::int64_t priceCount = 0;
    std::optional<Date> firstDate;
    std::optional<Date> lastDate;
};

struct Holding {
    std::string ticker;
    std::optional<double> quantity;
    std::optional<double> weight; // fraction (0.25 = 25 %)
    std::optional<double> costBasis; // per unit, in `currency`
    std::string currency;
};

struct Portfolio {
    std::int64_t id = 0;
    std::string name;
    std::string baseCurrency;
    std::vector<Holding> holdings;
};

struct ImportLogEntry {
    std::int64_t id = 0;
    std::string fileName;
    std::string sha256;
    std::string importedAt; // ISO-8601 UTC
    std::string kind;       // "prices-long", "prices-wide", "ohlcv", "holdings"
    std::int64_t rowsAccepted = 0;
    std::int64_t rowsRejected = 0;
};

} // namespace marketlens::core
