#pragma once
// Returns from prices and portfolio returns from holdings.
//
// Missing prices (NaN) are never filled silently: MissingPolicy::Drop (default) keeps only dates
// on which every instrument has a price, so a return after a gap spans the gap; ForwardFill
// carries the last price over the union of dates (from the first date on which every instrument
// has a price) and reports how many prices it filled per instrument.

#include "core/result.h"
#include "core/types.h"

#include <span>
#include <string>
#include <vector>

namespace marketlens::core::risk {

enum class ReturnKind { Simple, Log }; // P_t / P_{t-1} - 1, or log(P_t / P_{t-1})
enum class MissingPolicy { Drop, ForwardFill };
enum class Rebalance { None, Daily, Monthly }; // None = buy and hold (weights drift)

// Returns of one price vector; NaN prices are skipped (the next return spans the gap).
// Non-positive prices are an error.
Result<std::vector<double>> returnsFromPrices(
    std::span<const double> prices, ReturnKind kind = ReturnKind::Simple);

// Prices of several instruments on common dates.
struct AlignedPrices {
    std::vector<std::string> tickers;
    std::vector<Date> dates;
    std::vector<std::vector<double>> columns; // one per ticker, no NaN
    std::vector<std::size_t> filledCount; // prices forward-filled per ticker (0 for Drop)
};
Result<AlignedPrices> alignPrices(
    const std::vector<PriceSeries>& series, MissingPolicy policy = MissingPolicy::Drop);

// Returns on the aligned dates; dates[t] is the date of the later price of return t.
struct ReturnMatrix {
    std::vector<std::string> tickers;
    std::vector<Date> dates;
    std::vector<std::vector<double>> columns;
    std::vector<std::size_t> filledCount;
};
Result<ReturnMatrix> alignedReturns(const std::vector<PriceSeries>& series,
    ReturnKind kind = ReturnKind::Simple, MissingPolicy policy = MissingPolicy::Drop);
Result<ReturnMatrix> returnsOf(const AlignedPrices& prices, ReturnKind kind = ReturnKind::Simple);

// Portfolio simple returns from simple asset returns and weights (summing to 1; negative
// weights allowed). None: buy and hold from the initial weights; Daily: back to the weights after
// every period; Monthly: back to the weights after the last period of each calendar month (needs
// `dates`, one per return).
Result<std::vector<double>> portfolioReturns(const std::vector<std::vector<double>>& assetReturns,
    std::span<const double> weights, Rebalance rebalance = Rebalance::None,
    std::span<const Date> dates = {});

// Buy and hold from quantities: the value sum(q_i P_it) of the aligned prices, as returns.
Result<std::vector<double>> portfolioReturnsFromQuantities(
    const AlignedPrices& prices, std::span<const double> quantities);

} // namespace marketlens::core::risk
