#pragma once
// Drawdown series and episodes of a return series: the underwater curve (wealth over running peak,
// minus 1, so 0 at a peak and negative below it) and each episode's peak, trough and recovery.
// Index t refers to return r[t]; with dates, the dates of those returns. An episode's peak is the
// last period at the old high (-1 when the high is the starting wealth before r[0]).

#include "core/date.h"
#include "core/result.h"

#include <optional>
#include <span>
#include <vector>

namespace marketlens::core::risk {

struct DrawdownEpisode {
    std::ptrdiff_t peak = -1; // index of the last high, -1 = before the first return
    std::size_t trough = 0; // index of the lowest point
    std::optional<std::size_t> recovery; // first index back at or above the peak; none if open
    double depth = 0.0; // positive fraction fallen at the trough
    std::optional<Date> peakDate, troughDate, recoveryDate; // filled when dates are given
};

struct DrawdownAnalysis {
    std::vector<double> underwater; // <= 0, one value per return
    std::vector<DrawdownEpisode> episodes; // in time order
    double maxDrawdown = 0.0; // positive
    std::size_t worstEpisode = 0; // index into episodes (valid when any exist)
};

// geometric: wealth = prod(1 + r); arithmetic: 1 + cumsum(r). `dates`, when not empty, must have
// one date per return.
Result<DrawdownAnalysis> analyseDrawdowns(
    std::span<const double> r, bool geometric = true, std::span<const Date> dates = {});

} // namespace marketlens::core::risk
