// The daily sentiment index (sentiment_index.h): per-day mean and count, and the exponentially
// decayed mean through the recursion S(d) = S(d-1)*a + sum_d, W(d) = W(d-1)*a + count_d, which
// equals the closed form of the header without summing over all past items for every day.
#include "core/news/sentiment_index.h"

#include <algorithm>
#include <cmath>

namespace marketlens::core::news {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// The UTC calendar day of a timestamp (floor division, so times before 1970 fall on their day).
std::int32_t utcDay(std::int64_t timestamp)
{
    std::int64_t d = timestamp / kSecondsPerDay;
    if (timestamp % kSecondsPerDay < 0)
        --d;
    return static_cast<std::int32_t>(d);
}

} // namespace

Result<std::vector<DailySentiment>> dailySentimentIndex(
    std::vector<ScoredEvent> events, double halfLifeDays, std::optional<Date> lastDay)
{
    if (!(halfLifeDays > 0.0) || !std::isfinite(halfLifeDays))
        return makeError(ErrorCode::InvalidArgument,
            "the half-life of the sentiment index must be a positive number of days, not "
                + std::to_string(halfLifeDays));
    for (const ScoredEvent& e : events) {
        if (!std::isfinite(e.score))
            return makeError(ErrorCode::InvalidArgument,
                "a sentiment score is not a finite number (item at " + std::to_string(e.timestamp)
                    + " s)");
    }
    std::vector<DailySentiment> out;
    if (events.empty())
        return out;
    std::sort(events.begin(), events.end(),
        [](const ScoredEvent& a, const ScoredEvent& b) { return a.timestamp < b.timestamp; });
    const std::int32_t first = utcDay(events.front().timestamp);
    const std::int32_t last = lastDay ? lastDay->days() : utcDay(events.back().timestamp);
    if (last < first)
        return out;

    const double a = std::pow(0.5, 1.0 / halfLifeDays);
    out.reserve(std::size_t(last - first) + 1);
    double s = 0.0, w = 0.0;
    std::size_t next = 0;
    for (std::int32_t d = first; d <= last; ++d) {
        double sum = 0.0;
        int count = 0;
        for (; next < events.size() && utcDay(events[next].timestamp) == d; ++next) {
            sum += events[next].score;
            ++count;
        }
        s = s * a + sum;
        w = w * a + double(count);
        DailySentiment day;
        day.date = Date(d);
        day.count = count;
        day.mean = count > 0 ? sum / double(count) : 0.0;
        day.decayed = w > 0.0 ? s / w : 0.0;
        out.push_back(day);
    }
    return out;
}

Result<std::vector<DailySentiment>> portfolioSentimentIndex(
    const std::map<std::string, std::vector<DailySentiment>>& perTicker,
    const std::map<std::string, double>& weights)
{
    struct Member {
        const std::vector<DailySentiment>* days;
        double weight;
        std::size_t next = 0; // first day not yet passed
    };
    std::vector<Member> members;
    std::int32_t first = 0, last = 0;
    for (const auto& [ticker, days] : perTicker) {
        const auto it = weights.find(ticker);
        if (it == weights.end())
            continue;
        if (!(it->second >= 0.0) || !std::isfinite(it->second))
            return makeError(ErrorCode::InvalidArgument,
                "the portfolio weight of " + ticker + " must be a finite number >= 0, not "
                    + std::to_string(it->second));
        // A ticker without news or with weight 0 cannot move the average.
        if (days.empty() || it->second == 0.0)
            continue;
        if (members.empty() || days.front().date.days() < first)
            first = days.front().date.days();
        if (members.empty() || days.back().date.days() > last)
            last = days.back().date.days();
        members.push_back({&days, it->second});
    }
    std::vector<DailySentiment> out;
    if (members.empty())
        return out;
    out.reserve(std::size_t(last - first) + 1);
    for (std::int32_t d = first; d <= last; ++d) {
        double meanSum = 0.0, meanWeight = 0.0, decayedSum = 0.0, decayedWeight = 0.0;
        int count = 0;
        for (Member& m : members) {
            const std::vector<DailySentiment>& days = *m.days;
            while (m.next < days.size() && days[m.next].date.days() <= d)
                ++m.next;
            if (m.next == 0)
                continue; // before this ticker's first news
            // The latest day <= d: the day itself, or (past the ticker's last day, or a day a
            // caller left out) the last one before, whose decayed value no news has changed.
            const DailySentiment& day = days[m.next - 1];
            decayedSum += m.weight * day.decayed;
            decayedWeight += m.weight;
            if (day.date.days() == d && day.count > 0) {
                meanSum += m.weight * day.mean;
                meanWeight += m.weight;
                count += day.count;
            }
        }
        DailySentiment p;
        p.date = Date(d);
        p.count = count;
        p.mean = meanWeight > 0.0 ? meanSum / meanWeight : 0.0;
        p.decayed = decayedWeight > 0.0 ? decayedSum / decayedWeight : 0.0;
        out.push_back(p);
    }
    return out;
}

std::vector<double> sentimentOnDates(
    const std::vector<DailySentiment>& index, const std::vector<Date>& dates)
{
    std::vector<double> out;
    out.reserve(dates.size());
    std::size_t next = 0; // index days <= the current date are before `next`
    for (Date date : dates) {
        // `dates` ascending: move forward only (a date out of order is looked up afresh).
        if (next > 0 && index[next - 1].date > date)
            next = std::size_t(std::upper_bound(index.begin(), index.end(), date,
                                   [](Date d, const DailySentiment& s) { return d < s.date; })
                - index.begin());
        while (next < index.size() && index[next].date <= date)
            ++next;
        out.push_back(next == 0 ? 0.0 : index[next - 1].decayed);
    }
    return out;
}

} // namespace marketlens::core::news
