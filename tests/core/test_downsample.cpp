// Display downsampling: hand-computed cases, a brute-force property check of min/max per bucket,
// edges, gaps, degenerate inputs, LTTB and OHLC aggregation.
#include "core/downsample.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace marketlens::core;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

int countMarkers(const std::vector<XYPoint>& pts)
{
    int c = 0;
    for (const auto& p : pts)
        c += std::isnan(p.y) ? 1 : 0;
    return c;
}

bool contains(const std::vector<XYPoint>& pts, double x, double y)
{
    for (const auto& p : pts)
        if (p.x == x && p.y == y)
            return true;
    return false;
}
} // namespace

class TestDownsample : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void visibleRangeBinarySearch()
    {
        const std::vector<double> x {1, 2, 3, 5, 8, 13};
        auto r = visibleIndexRange(x, 3, 8);
        QCOMPARE(r.begin, std::size_t(2));
        QCOMPARE(r.end, std::size_t(5));
        r = visibleIndexRange(x, 3.5, 4.5); // between rows
        QCOMPARE(r.size(), std::size_t(0));
        r = visibleIndexRange(x, 0, 100);
        QCOMPARE(r.size(), x.size());
        r = visibleIndexRange(x, 8, 3); // reversed range
        QCOMPARE(r.size(), std::size_t(0));
    }

    void smallRangeReturnedUnchangedWithEdges()
    {
        const std::vector<double> x {0, 1, 2, 3, 4, 5};
        const std::vector<double> y {10, 11, 12, 13, 14, 15};
        const auto out = downsampleMinMax(x, y, 1.5, 3.5, 100);
        // Rows 2 and 3 are visible; rows 1 and 4 are the neighbours outside the edges.
        QCOMPARE(out.size(), std::size_t(4));
        QCOMPARE(out.front().x, 1.0);
        QCOMPARE(out.front().y, 11.0);
        QCOMPARE(out.back().x, 4.0);
        QCOMPARE(out.back().y, 14.0);
    }

    void handComputedBuckets()
    {
        // 16 points over [0, 16), width 2 -> 2 buckets of 8 points, more than 4 * width = 8.
        std::vector<double> x(16), y(16);
        const double vals[16] = {5, 7, 1, 9, 3, 4, 2, 6, /* */ 8, 0, 10, 3, 3, 3, 11, 2};
        for (int i = 0; i < 16; ++i) {
            x[size_t(i)] = i;
            y[size_t(i)] = vals[i];
        }
        const auto out = downsampleMinMax(x, y, 0, 16, 2);
        // Bucket 0: first (0,5), min (2,1), max (3,9), last (7,6);
        // bucket 1: first (8,8), min (9,0), max (14,11), last (15,2). No neighbours outside.
        const std::vector<std::pair<double, double>> expected {
            {0, 5}, {2, 1}, {3, 9}, {7, 6}, {8, 8}, {9, 0}, {14, 11}, {15, 2}};
        QCOMPARE(out.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(out[i].x, expected[i].first);
            QCOMPARE(out[i].y, expected[i].second);
        }
    }

    void propertyMinMaxOfEveryBucketPreserved()
    {
        std::mt19937 rng(42);
        std::normal_distribution<double> step(0.0, 1.0);
        std::uniform_real_distribution<double> gap(0.0, 1.0);
        const int n = 20000;
        std::vector<double> x(n), y(n);
        double v = 100.0, t = 0.0;
        for (int i = 0; i < n; ++i) {
            t += 1.0 + (gap(rng) < 0.2 ? 2.0 : 0.0); // irregular spacing (weekends)
            v += step(rng);
            x[size_t(i)] = t;
            y[size_t(i)] = v;
        }
        for (int trial = 0; trial < 20; ++trial) {
            const int w = 50 + trial * 37;
            const double x0 = x[size_t(trial * 300)] + 0.5;
            const double x1 = x[size_t(n - 1 - trial * 200)] - 0.5;
            const auto out = downsampleMinMax(x, y, x0, x1, w);
            QVERIFY(out.size() <= size_t(4 * w + 2));
            QCOMPARE(countMarkers(out), 0);
            for (size_t i = 1; i < out.size(); ++i)
                QVERIFY(out[i - 1].x < out[i].x); // x order, no duplicates
            // Brute force: min and max of every pixel bucket.
            std::vector<double> bmin(size_t(w), 1e300), bmax(size_t(w), -1e300);
            for (int i = 0; i < n; ++i) {
                if (x[size_t(i)] < x0 || x[size_t(i)] > x1)
                    continue;
                const int b = std::clamp(int((x[size_t(i)] - x0) * w / (x1 - x0)), 0, w - 1);
                bmin[size_t(b)] = std::min(bmin[size_t(b)], y[size_t(i)]);
                bmax[size_t(b)] = std::max(bmax[size_t(b)], y[size_t(i)]);
            }
            for (int b = 0; b < w; ++b) {
                if (bmin[size_t(b)] > 1e299)
                    continue;
                bool foundMin = false, foundMax = false;
                for (const auto& p : out) {
                    const int pb = int((p.x - x0) * w / (x1 - x0));
                    if (p.x < x0 || p.x > x1 || std::clamp(pb, 0, w - 1) != b)
                        continue;
                    foundMin = foundMin || p.y == bmin[size_t(b)];
                    foundMax = foundMax || p.y == bmax[size_t(b)];
                    QVERIFY(p.y >= bmin[size_t(b)] && p.y <= bmax[size_t(b)]);
                }
                QVERIFY2(foundMin && foundMax, qPrintable(QString("bucket %1").arg(b)));
            }
            // The rows just outside each edge are included so the line reaches the border.
            const size_t first = size_t(std::lower_bound(x.begin(), x.end(), x0) - x.begin());
            const size_t last = size_t(std::upper_bound(x.begin(), x.end(), x1) - x.begin());
            QCOMPARE(out.front().x, x[first - 1]);
            QCOMPARE(out.front().y, y[first - 1]);
            QCOMPARE(out.back().x, x[last]);
            QCOMPARE(out.back().y, y[last]);
        }
    }

    void gapsAreKept()
    {
        // 40 points, rows 10..19 missing; width 2 forces bucketing (30 valid > 8).
        std::vector<double> x(40), y(40);
        for (int i = 0; i < 40; ++i) {
            x[size_t(i)] = i;
            y[size_t(i)] = (i >= 10 && i < 20) ? kNaN : double(i % 7);
        }
        const auto out = downsampleMinMax(x, y, 0, 39, 2);
        QCOMPARE(countMarkers(out), 1);
        // Every point before the marker is left of the gap, every point after right of it.
        size_t m = 0;
        while (!std::isnan(out[m].y))
            ++m;
        QCOMPARE(out[m].x, 10.0);
        QCOMPARE(out[m - 1].x, 9.0); // last row before the gap is kept
        QCOMPARE(out[m + 1].x, 20.0); // first row after the gap is kept
        QVERIFY(!std::isnan(out.front().y));
        QVERIFY(!std::isnan(out.back().y));

        // Unbucketed path: consecutive NaN collapse to one marker.
        const auto raw = downsampleMinMax(x, y, 0, 39, 100);
        QCOMPARE(raw.size(), size_t(31));
        QCOMPARE(countMarkers(raw), 1);
    }

    void degenerateInputs()
    {
        const std::vector<double> none;
        QVERIFY(downsampleMinMax(none, none, 0, 1, 100).empty());
        QVERIFY(downsampleLttb(none, none, 0, 1, 100).empty());
        const std::vector<double> one {5.0}, oneY {3.0};
        auto out = downsampleMinMax(one, oneY, 0, 10, 100);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].y, 3.0);
        // A single point outside the range is still the neighbour that reaches the border.
        out = downsampleMinMax(one, oneY, 6, 10, 100);
        QCOMPARE(out.size(), size_t(1));
        std::vector<double> x(100), nan(100, kNaN);
        for (int i = 0; i < 100; ++i)
            x[size_t(i)] = i;
        QVERIFY(downsampleMinMax(x, nan, 0, 99, 3).empty());
        QVERIFY(downsampleMinMax(x, nan, 0, 99, 100).empty());
        QVERIFY(downsampleLttb(x, nan, 0, 99, 10).empty());
        QVERIFY(aggregateOhlc(x, nan, nan, nan, nan, 0, 99, 10).empty());
        // Width 0 behaves as width 1: first, min, max, last.
        std::vector<double> y(100);
        for (int i = 0; i < 100; ++i)
            y[size_t(i)] = std::sin(i * 0.3);
        out = downsampleMinMax(x, y, 0, 99, 0);
        QVERIFY(out.size() <= 4);
        QVERIFY(contains(out, 0, y[0]));
        QVERIFY(contains(out, 99, y[99]));
    }

    void lttbHandWorked()
    {
        // 5 points, threshold 3: the middle bucket holds rows 1..3; the triangle with (0,0) and
        // the last point (4,0) has area 2*y, so the highest point (3,5) wins.
        const std::vector<double> x {0, 1, 2, 3, 4};
        const std::vector<double> y {0, 1, 0, 5, 0};
        const auto out = downsampleLttb(x, y, 0, 4, 3);
        QCOMPARE(out.size(), size_t(3));
        QCOMPARE(out[0].x, 0.0);
        QCOMPARE(out[1].x, 3.0);
        QCOMPARE(out[1].y, 5.0);
        QCOMPARE(out[2].x, 4.0);
    }

    void lttbKeepsFirstAndLast()
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(-1.0, 1.0);
        std::vector<double> x(5000), y(5000);
        for (int i = 0; i < 5000; ++i) {
            x[size_t(i)] = i * 2.0;
            y[size_t(i)] = u(rng);
        }
        const auto out = downsampleLttb(x, y, 0, 9998, 300);
        QCOMPARE(out.size(), size_t(300));
        QCOMPARE(out.front().x, 0.0);
        QCOMPARE(out.front().y, y[0]);
        QCOMPARE(out.back().x, 9998.0);
        QCOMPARE(out.back().y, y[4999]);
        for (size_t i = 1; i < out.size(); ++i)
            QVERIFY(out[i - 1].x < out[i].x);
        // Zoomed: the neighbours outside the edges are the first and last points.
        const auto zoomed = downsampleLttb(x, y, 1001, 4001, 100);
        QCOMPARE(zoomed.front().x, 1000.0);
        QCOMPARE(zoomed.back().x, 4002.0);
    }

    void ohlcOneBarPerRowAndAggregated()
    {
        const std::vector<double> x {0, 1, 2, 3, 4, 5, 6};
        const std::vector<double> o {10, 11, 12, 13, 14, 15, 16};
        const std::vector<double> h {12, 15, 13, 14, 20, 16, 17};
        const std::vector<double> l {9, 10, 8, 12, 13, 11, 15};
        const std::vector<double> c {11, 12, 13, 14, 15, 16, 16.5};
        auto bars = aggregateOhlc(x, o, h, l, c, 0, 6, 100);
        QCOMPARE(bars.size(), size_t(7));
        QCOMPARE(bars[4].high, 20.0);
        QCOMPARE(bars[2].low, 8.0);
        // maxBars 3 -> k = ceil(7/3) = 3: groups {0,1,2}, {3,4,5}, {6}.
        bars = aggregateOhlc(x, o, h, l, c, 0, 6, 3);
        QCOMPARE(bars.size(), size_t(3));
        QCOMPARE(bars[0].open, 10.0);
        QCOMPARE(bars[0].high, 15.0);
        QCOMPARE(bars[0].low, 8.0);
        QCOMPARE(bars[0].close, 13.0);
        QCOMPARE(bars[1].x, 3.0);
        QCOMPARE(bars[1].open, 13.0);
        QCOMPARE(bars[1].high, 20.0);
        QCOMPARE(bars[1].low, 11.0);
        QCOMPARE(bars[1].close, 16.0);
        QCOMPARE(bars[2].close, 16.5);
        // A row with a missing field does not take part.
        std::vector<double> o2 = o;
        o2[0] = kNaN;
        bars = aggregateOhlc(x, o2, h, l, c, 0, 6, 3);
        QCOMPARE(bars[0].open, 11.0);
        QCOMPARE(bars[0].x, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestDownsample)
#include "test_downsample.moc"
