#pragma once
// The daily sentiment index (pure functions; storage in news_store.h).
//
// Day of an item: its UTC calendar date (an item at 23:30 UTC belongs to that day).
// For each calendar day d from the first item's day to `lastDay` (default: the last item's day):
//   mean(d)    = mean score of the day's items, 0 when there are none
//   count(d)   = number of items that day
//   decayed(d) = sum over items i with day(i) <= d of  score_i * w_i
//                / sum over the same items of w_i,  w_i = 0.5^((d - day(i)) / halfLifeDays)
//                (an exponentially weighted mean of all news so far; 0 before the first item).
//                Recursively: S(d) = S(d-1)*a + sum_d(score), W(d) = W(d-1)*a + count(d),
//                a = 0.5^(1/halfLifeDays), decayed = S/W.
// Every calendar day is present (weekends too), so the index can be joined to any price calendar.
// Portfolio index: for each day, the holdings-weighted average of the tickers' values over the
// tickers that have a value (mean and decayed; count = sum of counts); tickers without any news
// do not dilute it. Weights are |weight| (or |quantity x last price| normalised) as given.

#include "core/date.h"
#include "core/news/news_store.h"
#include "core/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::core::news {

struct ScoredEvent {
    std::int64_t timestamp = 0; // UTC seconds
    double score = 0.0;
};

// InvalidArgument when halfLifeDays <= 0 or a score is not finite. Empty events -> empty index.
Result<std::vector<DailySentiment>> dailySentimentIndex(std::vector<ScoredEvent> events,
    double halfLifeDays = 5.0, std::optional<Date> lastDay = std::nullopt);

// `perTicker` indices combined with `weights` (ticker -> weight, >= 0, need not sum to 1);
// tickers missing from `weights` are ignored. Covers the union of the tickers' days.
Result<std::vector<DailySentiment>> portfolioSentimentIndex(
    const std::map<std::string, std::vector<DailySentiment>>& perTicker,
    const std::map<std::string, double>& weights);

// The decayed index on each of `dates` (trading days), for use as a model feature: the value of
// the latest index day <= date, 0 before the first. `dates` ascending.
std::vector<double> sentimentOnDates(
    const std::vector<DailySentiment>& index, const std::vector<Date>& dates);

} // namespace marketlens::core::news
