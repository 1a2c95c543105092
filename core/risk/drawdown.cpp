#include "drawdown.h"

#include <algorithm>
#include <cmath>

namespace marketlens::core::risk {

Result<DrawdownAnalysis> analyseDrawdowns(
    std::span<const double> r, bool geometric, std::span<const Date> dates)
{
    if (r.empty())
        return makeError(ErrorCode::InvalidArgument, "drawdowns of an empty series");
    if (!dates.empty() && dates.size() != r.size())
        return makeError(ErrorCode::InvalidArgument, "dates and returns differ in length");
    for (double v : r)
        if (!std::isfinite(v))
            return makeError(ErrorCode::InvalidArgument, "return series contains a missing value");

    DrawdownAnalysis out;
    out.underwater.resize(r.size());
    double wealth = 1.0, peak = 1.0;
    std::ptrdiff_t peakIndex = -1;
    bool inEpisode = false;
    DrawdownEpisode current;
    for (std::size_t t = 0; t < r.size(); ++t) {
        wealth = geometric ? wealth * (1.0 + r[t]) : wealth + r[t];
        if (wealth >= peak) {
            if (inEpisode) {
                current.recovery = t;
                out.episodes.push_back(current);
                inEpisode = false;
            }
            peak = wealth;
            peakIndex = std::ptrdiff_t(t);
            out.underwater[t] = 0.0;
            continue;
        }
        const double dd = wealth / peak - 1.0;
        out.underwater[t] = dd;
        if (!inEpisode) {
            inEpisode = true;
            current = DrawdownEpisode {};
            current.peak = peakIndex;
            current.trough = t;
            current.depth = -dd;
        } else if (-dd > current.depth) {
            current.trough = t;
            current.depth = -dd;
        }
    }
    if (inEpisode)
        out.episodes.push_back(current);

    for (std::size_t i = 0; i < out.episodes.size(); ++i) {
        DrawdownEpisode& e = out.episodes[i];
        if (e.depth > out.maxDrawdown) {
            out.maxDrawdown = e.depth;
            out.worstEpisode = i;
        }
        if (!dates.empty()) {
            if (e.peak >= 0)
                e.peakDate = dates[std::size_t(e.peak)];
            e.troughDate = dates[e.trough];
            if (e.recovery)
                e.recoveryDate = dates[*e.recovery];
        }
    }
    return out;
}

} // namespace marketlens::core::risk
