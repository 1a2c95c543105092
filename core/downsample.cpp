#include "downsample.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Appends points while keeping the break-marker invariants: no leading marker, no two markers
// in a row (a trailing marker is removed by finish()).
class PointSink {
public:
    explicit PointSink(std::vector<XYPoint>& out)
        : m_out(out)
    {
    }
    void point(double x, double y)
    {
        if (std::isnan(y)) {
            if (!m_out.empty() && !std::isnan(m_out.back().y))
                m_out.push_back({x, kNaN});
            return;
        }
        m_out.push_back({x, y});
    }
    void finish()
    {
        if (!m_out.empty() && std::isnan(m_out.back().y))
            m_out.pop_back();
    }

private:
    std::vector<XYPoint>& m_out;
};

// First, min, max and last index of the non-missing rows seen in one bucket (or part of one).
struct BucketAccumulator {
    std::size_t first = 0, last = 0, minIdx = 0, maxIdx = 0;
    bool any = false;

    void add(std::size_t i, double v, std::span<const double> y)
    {
        if (!any) {
            first = last = minIdx = maxIdx = i;
            any = true;
            return;
        }
        last = i;
        if (v < y[minIdx])
            minIdx = i;
        if (v > y[maxIdx])
            maxIdx = i;
    }
    void flush(PointSink& sink, std::span<const double> x, std::span<const double> y)
    {
        if (!any)
            return;
        std::size_t idx[4] = {first, minIdx, maxIdx, last};
        std::sort(idx, idx + 4);
        for (int k = 0; k < 4; ++k) {
            if (k > 0 && idx[k] == idx[k - 1])
                continue;
            sink.point(x[idx[k]], y[idx[k]]);
        }
        any = false;
    }
};

std::size_t commonSize(std::span<const double> a, std::span<const double> b)
{
    return std::min(a.size(), b.size());
}

// Rows [begin, end) widened by the one row just outside each edge (when it exists).
IndexRange widen(IndexRange r, std::size_t n)
{
    if (r.begin > 0)
        --r.begin;
    if (r.end < n)
        ++r.end;
    return r;
}

// LTTB over rows [b, e) that contain no NaN; appends to `out`.
void lttbRun(std::span<const double> x, std::span<const double> y, std::size_t b, std::size_t e,
    std::size_t threshold, std::vector<XYPoint>& out)
{
    const std::size_t n = e - b;
    if (n <= threshold || threshold < 3) {
        for (std::size_t i = b; i < e; ++i)
            out.push_back({x[i], y[i]});
        return;
    }
    // Buckets for the inner points (all but first and last), as in the reference algorithm.
    const double every = double(n - 2) / double(threshold - 2);
    std::size_t a = b; // index of the previously kept point
    out.push_back({x[a], y[a]});
    for (std::size_t bucket = 0; bucket + 2 < threshold; ++bucket) {
        const std::size_t from = b + 1 + std::size_t(std::floor(double(bucket) * every));
        const std::size_t to
            = std::min(e - 1, b + 1 + std::size_t(std::floor(double(bucket + 1) * every)));
        // Mean of the next bucket (the last point alone for the last bucket).
        std::size_t nFrom = to;
        std::size_t nTo = std::min(e, b + 1 + std::size_t(std::floor(double(bucket + 2) * every)));
        if (bucket + 3 >= threshold) {
            nFrom = e - 1;
            nTo = e;
        }
        double ax = 0.0, ay = 0.0;
        for (std::size_t j = nFrom; j < nTo; ++j) {
            ax += x[j];
            ay += y[j];
        }
        const double cnt = double(std::max<std::size_t>(1, nTo - nFrom));
        ax /= cnt;
        ay /= cnt;
        double best = -1.0;
        std::size_t bestIdx = from;
        for (std::size_t j = from; j < to; ++j) {
            const double area = std::abs((x[a] - ax) * (y[j] - y[a]) - (x[a] - x[j]) * (ay - y[a]));
            if (area > best) {
                best = area;
                bestIdx = j;
            }
        }
        out.push_back({x[bestIdx], y[bestIdx]});
        a = bestIdx;
    }
    out.push_back({x[e - 1], y[e - 1]});
}

} // namespace

IndexRange visibleIndexRange(std::span<const double> x, double x0, double x1)
{
    IndexRange r;
    if (x.empty() || !(x0 <= x1))
        return r;
    r.begin = std::size_t(std::lower_bound(x.begin(), x.end(), x0) - x.begin());
    r.end = std::size_t(std::upper_bound(x.begin(), x.end(), x1) - x.begin());
    r.end = std::max(r.end, r.begin);
    return r;
}

std::vector<XYPoint> downsampleMinMax(
    std::span<const double> x, std::span<const double> y, double x0, double x1, int width)
{
    std::vector<XYPoint> out;
    const std::size_t n = commonSize(x, y);
    x = x.first(n);
    y = y.first(n);
    const IndexRange vis = visibleIndexRange(x, x0, x1);
    const IndexRange all = widen(vis, n);
    if (all.size() == 0)
        return out;
    const int w = std::max(1, width);
    PointSink sink(out);

    if (vis.size() <= std::size_t(w) * 4) {
        out.reserve(all.size());
        for (std::size_t i = all.begin; i < all.end; ++i)
            sink.point(x[i], y[i]);
        sink.finish();
        return out;
    }

    out.reserve(std::size_t(w) * 4 + 8);
    if (all.begin < vis.begin)
        sink.point(x[all.begin], y[all.begin]);
    const double span = x1 - x0;
    const double scale = span > 0.0 ? double(w) / span : 0.0;
    BucketAccumulator acc;
    long long bucket = -1;
    int gapsInBucket = 0;
    bool pendingGap = all.begin < vis.begin && std::isnan(y[all.begin]);
    double gapX = 0.0;
    for (std::size_t i = vis.begin; i < vis.end; ++i) {
        const double v = y[i];
        if (std::isnan(v)) {
            if (!pendingGap)
                gapX = x[i];
            pendingGap = true;
            continue;
        }
        const long long b = std::clamp<long long>(
            static_cast<long long>((x[i] - x0) * scale), 0, static_cast<long long>(w) - 1);
        if (pendingGap) {
            pendingGap = false;
            if (b == bucket && gapsInBucket >= 1) {
                // Second gap inside one pixel column: bridge it (it is narrower than a pixel).
                acc.add(i, v, y);
                continue;
            }
            acc.flush(sink, x, y);
            sink.point(gapX, kNaN);
            if (b == bucket) {
                ++gapsInBucket;
            } else {
                bucket = b;
                gapsInBucket = 0;
            }
        } else if (b != bucket) {
            acc.flush(sink, x, y);
            bucket = b;
            gapsInBucket = 0;
        }
        acc.add(i, v, y);
    }
    acc.flush(sink, x, y);
    if (all.end > vis.end) {
        if (pendingGap)
            sink.point(gapX, kNaN);
        sink.point(x[vis.end], y[vis.end]);
    }
    sink.finish();
    return out;
}

std::vector<XYPoint> downsampleLttb(
    std::span<const double> x, std::span<const double> y, double x0, double x1, int threshold)
{
    std::vector<XYPoint> out;
    const std::size_t n = commonSize(x, y);
    x = x.first(n);
    y = y.first(n);
    const IndexRange all = widen(visibleIndexRange(x, x0, x1), n);
    if (all.size() == 0)
        return out;
    std::size_t valid = 0;
    for (std::size_t i = all.begin; i < all.end; ++i)
        valid += std::isnan(y[i]) ? 0 : 1;
    if (threshold < 3 || valid <= std::size_t(threshold)) {
        PointSink sink(out);
        for (std::size_t i = all.begin; i < all.end; ++i)
            sink.point(x[i], y[i]);
        sink.finish();
        return out;
    }
    out.reserve(std::size_t(threshold) + 16);
    std::size_t i = all.begin;
    while (i < all.end) {
        if (std::isnan(y[i])) {
            const double gx = x[i];
            while (i < all.end && std::isnan(y[i]))
                ++i;
            if (!out.empty() && i < all.end)
                out.push_back({gx, kNaN});
            continue;
        }
        std::size_t e = i;
        while (e < all.end && !std::isnan(y[e]))
            ++e;
        const double share = double(threshold) * double(e - i) / double(valid);
        const std::size_t t = std::max<std::size_t>(2, std::size_t(std::llround(share)));
        lttbRun(x, y, i, e, t, out);
        i = e;
    }
    return out;
}

std::vector<OhlcBar> aggregateOhlc(std::span<const double> x, std::span<const double> open,
    std::span<const double> high, std::span<const double> low, std::span<const double> close,
    double x0, double x1, int maxBars)
{
    std::vector<OhlcBar> out;
    const std::size_t n = std::min({x.size(), open.size(), high.size(), low.size(), close.size()});
    const IndexRange vis = visibleIndexRange(x.first(n), x0, x1);
    if (vis.size() == 0)
        return out;
    const std::size_t maxB = std::size_t(std::max(1, maxBars));
    const std::size_t k = (vis.size() + maxB - 1) / maxB;
    const std::size_t from = (vis.begin / k) * k;
    const std::size_t to = std::min(n, ((vis.end - 1) / k + 1) * k);
    out.reserve((to - from) / k + 1);
    for (std::size_t g = from; g < to; g += k) {
        OhlcBar bar;
        bool any = false;
        for (std::size_t i = g; i < std::min(to, g + k); ++i) {
            if (std::isnan(open[i]) || std::isnan(high[i]) || std::isnan(low[i])
                || std::isnan(close[i]))
                continue;
            if (!any) {
                bar = {x[i], open[i], high[i], low[i], close[i], i, i};
                any = true;
                continue;
            }
            bar.high = std::max(bar.high, high[i]);
            bar.low = std::min(bar.low, low[i]);
            bar.close = close[i];
            bar.lastIndex = i;
        }
        if (any)
            out.push_back(bar);
    }
    return out;
}

} // namespace marketlens::core
