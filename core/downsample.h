#pragma once
// Display downsampling: pure functions that reduce the visible part of a (possibly huge) series to
// what a chart of a given pixel width can show, so a frame costs O(log n + visible) instead of
// O(n). The data itself is never modified; these functions only build small copies for drawing.
//
// Caller's contract (all functions):
// - `x` is sorted ascending (non-decreasing) and contains no NaN; x values are typically
//   milliseconds since the epoch or day numbers. `y` (or open/high/low/close) has the same length;
//   when lengths differ, the common prefix is used. Missing values in y are NaN.
// - The visible range is [x0, x1] (inclusive). It is located by binary search.
// - Gaps: a NaN in y is a gap in the data, and a line must not be drawn across it. Outputs mark a
//   gap with one "break marker" point whose y is NaN (x is the x of the first missing row);
//   Qt Charts 6.4 `QLineSeries` leaves a gap at a NaN point, so the output can be handed to
//   `QLineSeries::replace()` as is. Output never starts or ends with a break marker, and never has
//   two markers in a row.
// - The functions never throw and never allocate more than O(output).

#include <cstddef>
#include <span>
#include <vector>

namespace marketlens::core {

struct XYPoint {
    double x = 0.0;
    double y = 0.0; // NaN = break marker (gap)
};

// One candlestick: open of the first row, highest high, lowest low, close of the last row.
struct OhlcBar {
    double x = 0.0; // x of the first row of the bar
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
    std::size_t firstIndex = 0; // rows [firstIndex, lastIndex] of the input were aggregated
    std::size_t lastIndex = 0;
};

// Indices [begin, end) of the rows with x0 <= x <= x1 (no neighbours), by binary search.
struct IndexRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
};
IndexRange visibleIndexRange(std::span<const double> x, double x0, double x1);

// Min/max per pixel column. The range [x0, x1] is cut into `width` equal buckets; for each bucket
// the first, minimum, maximum and last points are emitted in x order (duplicates once), so the
// line drawn at that width looks exactly like the full line, and every bucket's min and max are
// present exactly. The nearest row just outside each edge is added (when not missing) so the
// line reaches the plot border. When the visible rows are no more than 4 * width, they are all
// returned unchanged. Output size: at most 4 * width + 2 without gaps; a bucket that contains a
// gap adds one break marker and at most 4 more points (a second gap inside the same one-pixel
// bucket is bridged: it is narrower than a pixel). `width` < 1 is treated as 1.
std::vector<XYPoint> downsampleMinMax(
    std::span<const double> x, std::span<const double> y, double x0, double x1, int width);

// Largest-Triangle-Three-Buckets (Steinarsson 2013) over the visible rows plus the neighbour just
// outside each edge: keeps the first and last point and, for each of `threshold - 2` buckets, the
// point forming the largest triangle with the previously kept point and the next bucket's mean.
// Each NaN-free run of rows is reduced separately, with a share of `threshold` proportional to
// its length (at least its first and last point), and runs are joined by break markers. Returns
// the rows unchanged when there are no more than `threshold` of them or `threshold` < 3.
std::vector<XYPoint> downsampleLttb(
    std::span<const double> x, std::span<const double> y, double x0, double x1, int threshold);

// Candlesticks for the visible rows [x0, x1]. A row takes part when open, high, low and close are
// all present. When at most `maxBars` such rows are visible, one bar per row is returned (values
// equal the data). Otherwise rows are grouped k at a time, k = ceil(visibleRows / maxBars),
// groups aligned to absolute row index (row i belongs to group i / k) so that bars do not change
// while panning; a group at an edge is aggregated whole even if partly outside [x0, x1]. Bar
// count is at most maxBars + 2. `maxBars` < 1 is treated as 1.
std::vector<OhlcBar> aggregateOhlc(std::span<const double> x, std::span<const double> open,
    std::span<const double> high, std::span<const double> low, std::span<const double> close,
    double x0, double x1, int maxBars);

} // namespace marketlens::core
