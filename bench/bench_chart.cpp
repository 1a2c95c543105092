// Benchmark (c): a chart of a 1,000,000-point series, time per zoom/pan frame.
//   ours: PriceChartView (1200x700): setVisibleRange() re-downsamples the visible range (min/max
//         per pixel column) and replaces the line points once, then the view is rendered into a
//         QImage.
//   peer: the same 1,000,000 points given whole to one QLineSeries (built with replace() once)
//         in a plain QChartView of the same size; each frame sets the x axis range and renders.
// Both run the same 50 frames (zoom in, pan, zoom out) on the offscreen platform and print the
// median ms per frame and the ratio. Targets: >= 20x faster than the peer, <= 25 ms per frame.
// --candles: candlesticks instead (a 5,000-row OHLC series, as one instrument of the load project,
//   docs/performance-load.md), the same 50 frames. ours: PriceChartView, whose candles are one
//   item of its own painting a vector of bars; peer: Qt Charts' QCandlestickSeries given the same
//   aggregated bars (core::aggregateOhlc, at most one per 3 px) as QCandlestickSets every frame,
//   which is what PriceChartView did before. Both axes set the same way; median ms per frame.
// Usage: bench_chart [--points N] [--candles] [--png DIR [--wide CSV] [--ohlc CSV]]
//   --png writes screenshots (the 1,000,000-point chart; with --wide, the first five columns of a
//   wide price file, e.g. dowjones30_prices.csv, rebased; with --ohlc, candlesticks).
#include "ui/price_chart_view.h"

#include <QApplication>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

using namespace marketlens;

namespace {

constexpr qint64 kDayMs = 86400000LL;
constexpr int kWidth = 1200, kHeight = 700;

core::PriceSeries randomWalk(std::size_t n)
{
    core::PriceSeries s;
    s.ticker = "RW1M";
    std::mt19937_64 rng(2024);
    std::normal_distribution<double> step(0.0, 0.01);
    double p = 100.0;
    s.dates.reserve(n);
    s.close.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        p *= 1.0 + step(rng);
        s.dates.emplace_back(int(i) - 400000); // ~1875 onwards, one point per day
        s.close.push_back(p);
    }
    const std::vector<double> missing(n, core::kMissing);
    s.open = s.high = s.low = s.adjClose = s.volume = missing;
    return s;
}

// 50 frames: 20 zoom-ins around 60 % of the range, 20 pans, 10 zoom-outs.
std::vector<std::pair<qint64, qint64>> frames(qint64 lo, qint64 hi)
{
    std::vector<std::pair<qint64, qint64>> out;
    double span = double(hi - lo);
    double centre = double(lo) + 0.6 * double(hi - lo);
    auto push = [&] {
        const double f = std::clamp(centre - span / 2, double(lo), double(hi) - span);
        out.emplace_back(qint64(f), qint64(f + span));
    };
    for (int i = 0; i < 20; ++i) {
        span *= 0.8;
        push();
    }
    for (int i = 0; i < 20; ++i) {
        centre -= span * 0.05;
        push();
    }
    for (int i = 0; i < 10; ++i) {
        span = std::min(double(hi - lo), span * 1.6);
        push();
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : (v[v.size() / 2] + v[(v.size() - 1) / 2]) / 2.0;
}

struct FrameTimes {
    std::vector<double> total, update; // wall ms per frame; update = re-range (+ re-downsample)
    std::vector<double> cpu; // CPU ms of this thread per frame (robust to a busy host)
};

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

template <class SetRange>
FrameTimes timeFrames(
    QWidget& view, const std::vector<std::pair<qint64, qint64>>& fs, SetRange setRange)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    FrameTimes ft;
    for (const auto& [a, b] : fs) {
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        setRange(a, b);
        ft.update.push_back(double(t.nsecsElapsed()) / 1e6);
        QPainter painter(&image);
        view.render(&painter);
        painter.end();
        ft.total.push_back(double(t.nsecsElapsed()) / 1e6);
        ft.cpu.push_back(threadCpuMs() - cpu0);
    }
    return ft;
}

// Minimal CSV reading for the screenshots (quoted header, "Date" first, numbers or NA).
std::vector<core::PriceSeries> readCsv(const QString& path, bool ohlc, int maxColumns)
{
    std::vector<core::PriceSeries> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> header = f.readLine().trimmed().replace('"', "").split(',');
    const int cols = ohlc ? 1 : std::min<int>(maxColumns, int(header.size()) - 1);
    for (int c = 0; c < cols; ++c) {
        out.emplace_back();
        out.back().ticker = ohlc
            ? QFileInfo(path).baseName().section('_', 0, 0).toUpper().toStdString()
            : header[c + 1].toStdString();
    }
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().replace('"', "").split(',');
        const auto d = core::Date::fromIso(cells[0].toStdString());
        if (!d || cells.size() < (ohlc ? 5 : cols + 1))
            continue;
        auto num = [&](int i) {
            bool ok = false;
            const double v = cells[i].toDouble(&ok);
            return ok ? v : core::kMissing;
        };
        for (int c = 0; c < cols; ++c) {
            core::PriceSeries& s = out[size_t(c)];
            s.dates.push_back(*d);
            s.open.push_back(ohlc ? num(1) : core::kMissing);
            s.high.push_back(ohlc ? num(2) : core::kMissing);
            s.low.push_back(ohlc ? num(3) : core::kMissing);
            s.close.push_back(ohlc ? num(4) : num(c + 1));
            s.adjClose.push_back(core::kMissing);
            s.volume.push_back(core::kMissing);
        }
    }
    return out;
}

void screenshot(
    std::vector<core::PriceSeries> series, const QString& file, bool rebased, double zoomFraction)
{
    ui::PriceChartView view;
    view.resize(kWidth, kHeight);
    view.show();
    QCoreApplication::processEvents();
    view.setSeries(std::move(series));
    view.setRebased(rebased);
    if (zoomFraction < 1.0) {
        const qint64 a = view.visibleFromMs(), b = view.visibleToMs();
        view.setVisibleRange(b - qint64(double(b - a) * zoomFraction), b);
    }
    QCoreApplication::processEvents();
    view.setVisibleRange(view.visibleFromMs(), view.visibleToMs()); // after layout settles
    // Crosshair in the middle of the plot, as a user would see it.
    const QPointF pos(view.width() * 0.55, view.height() * 0.45);
    QMouseEvent move(QEvent::MouseMove, pos, view.viewport()->mapToGlobal(pos), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    view.grab().save(file);
    std::printf("wrote %s\n", qPrintable(file));
}

void showAtBenchSize(QWidget& view)
{
    view.resize(kWidth, kHeight);
    view.show();
    QCoreApplication::processEvents();
}

// A random walk with open/high/low around the close, one row per calendar day.
core::PriceSeries randomOhlc(std::size_t n)
{
    core::PriceSeries s = randomWalk(n);
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 0.015);
    for (std::size_t i = 0; i < n; ++i) {
        const double c = s.close[i];
        s.open[i] = c * (1.0 + u(rng) - 0.0075);
        s.high[i] = std::max(s.open[i], c) * (1.0 + u(rng));
        s.low[i] = std::min(s.open[i], c) * (1.0 - u(rng));
    }
    return s;
}

int runCandles()
{
    const core::PriceSeries data = randomOhlc(5000);
    const qint64 lo = data.dates.front().toMsecsSinceEpoch();
    const qint64 hi = data.dates.back().toMsecsSinceEpoch();
    const auto fs = frames(lo, hi);

    ui::PriceChartView ours;
    showAtBenchSize(ours);
    ours.setSeries({data});
    QCoreApplication::processEvents();
    auto oursRange = [&](qint64 a, qint64 b) { ours.setVisibleRange(a, b); };
    timeFrames(ours, {{lo, hi}}, oursRange); // warm
    const auto oursMs = timeFrames(ours, fs, oursRange);

    std::vector<double> x(data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        x[i] = double(data.dates[i].toMsecsSinceEpoch());
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* candles = new QCandlestickSeries;
    candles->setBodyWidth(0.7);
    auto* axisX = new QDateTimeAxis;
    auto* axisY = new QValueAxis;
    chart->addSeries(candles);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignRight);
    candles->attachAxis(axisX);
    candles->attachAxis(axisY);
    QChartView peer(chart);
    peer.setRenderHint(QPainter::Antialiasing, true);
    showAtBenchSize(peer);
    std::size_t peerBars = 0;
    auto peerRange = [&](qint64 a, qint64 b) {
        const int w = std::max(10, int(chart->plotArea().width()));
        const auto bars = core::aggregateOhlc(
            x, data.open, data.high, data.low, data.close, double(a), double(b), w / 3);
        QList<QCandlestickSet*> sets;
        double yLo = 1e300, yHi = -1e300;
        for (const core::OhlcBar& bar : bars) {
            sets.append(new QCandlestickSet(bar.open, bar.high, bar.low, bar.close, bar.x));
            yLo = std::min(yLo, bar.low);
            yHi = std::max(yHi, bar.high);
        }
        candles->clear();
        axisX->setRange(
            QDateTime::fromMSecsSinceEpoch(a, Qt::UTC), QDateTime::fromMSecsSinceEpoch(b, Qt::UTC));
        axisY->setRange(yLo, yHi);
        candles->append(sets);
        peerBars = bars.size();
    };
    timeFrames(peer, {{lo, hi}}, peerRange); // warm
    const auto peerMs = timeFrames(peer, fs, peerRange);

    const double o = median(oursMs.total), p = median(peerMs.total);
    const auto maxOf = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("bench_chart --candles: %zu OHLC rows, %dx%d, %zu frames, offscreen\n",
        data.size(), kWidth, kHeight, fs.size());
    std::printf("  ours (PriceChartView, one candle item): median %.2f ms/frame (re-range %.2f,"
                " thread cpu %.2f), max %.2f, candles %zu\n",
        o, median(oursMs.update), median(oursMs.cpu), maxOf(oursMs.total),
        ours.displayedCandles().size());
    std::printf("  peer (QCandlestickSeries per frame):    median %.2f ms/frame (re-range %.2f,"
                " thread cpu %.2f), max %.2f, candles %zu\n",
        p, median(peerMs.update), median(peerMs.cpu), maxOf(peerMs.total), peerBars);
    std::printf("  ratio peer/ours: %.1fx\n", o > 0 ? p / o : 0.0);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString& name) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
    };
    const std::size_t n = option("--points").isEmpty() ? 1000000 : option("--points").toULong();
    const bool skipPeer = args.contains("--no-peer");
    if (args.contains("--candles"))
        return runCandles();
    const core::PriceSeries data = randomWalk(n);
    const qint64 lo = data.dates.front().toMsecsSinceEpoch();
    const qint64 hi = data.dates.back().toMsecsSinceEpoch();
    const auto fs = frames(lo, hi);

    // Ours.
    ui::PriceChartView ours;
    showAtBenchSize(ours);
    QElapsedTimer load;
    load.start();
    ours.setSeries({data});
    const double oursLoadMs = double(load.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents();
    timeFrames(ours, {{lo, hi}}, [&](qint64 a, qint64 b) { ours.setVisibleRange(a, b); }); // warm
    const auto oursMs
        = timeFrames(ours, fs, [&](qint64 a, qint64 b) { ours.setVisibleRange(a, b); });

    auto writeScreenshots = [&] {
        const QString pngDir = option("--png");
        if (!pngDir.isEmpty()) {
            ours.grab().save(pngDir + "/chart_1m.png");
            if (!option("--wide").isEmpty())
                screenshot(
                    readCsv(option("--wide"), false, 5), pngDir + "/chart_wide.png", true, 1.0);
            if (!option("--wide").isEmpty())
                screenshot(readCsv(option("--wide"), false, 3), pngDir + "/chart_wide_zoom.png",
                    false, 0.05);
            if (!option("--ohlc").isEmpty())
                screenshot(
                    readCsv(option("--ohlc"), true, 1), pngDir + "/chart_ohlc.png", false, 1.0);
        }
    };
    if (skipPeer) { // quick runs (profiling, screenshots): ours only
        std::printf("ours: median %.2f ms/frame (re-range %.2f, cpu %.2f)\n", median(oursMs.total),
            median(oursMs.update), median(oursMs.cpu));
        writeScreenshots();
        return 0;
    }
    // Peer: whole series in one QLineSeries.
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* line = new QLineSeries;
    auto* axisX = new QDateTimeAxis;
    auto* axisY = new QValueAxis;
    QList<QPointF> points;
    points.reserve(qsizetype(n));
    double yMin = data.close[0], yMax = data.close[0];
    for (std::size_t i = 0; i < n; ++i) {
        points.append(QPointF(double(data.dates[i].toMsecsSinceEpoch()), data.close[i]));
        yMin = std::min(yMin, data.close[i]);
        yMax = std::max(yMax, data.close[i]);
    }
    load.restart();
    line->replace(points);
    chart->addSeries(line);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignRight);
    line->attachAxis(axisX);
    line->attachAxis(axisY);
    axisY->setRange(yMin, yMax);
    QChartView peer(chart);
    peer.setRenderHint(QPainter::Antialiasing, true);
    showAtBenchSize(peer);
    const double peerLoadMs = double(load.nsecsElapsed()) / 1e6;
    auto peerRange = [&](qint64 a, qint64 b) {
        axisX->setRange(
            QDateTime::fromMSecsSinceEpoch(a, Qt::UTC), QDateTime::fromMSecsSinceEpoch(b, Qt::UTC));
    };
    timeFrames(peer, {{lo, hi}}, peerRange); // warm
    const auto peerMs = timeFrames(peer, fs, peerRange);

    const double o = median(oursMs.total), p = median(peerMs.total);
    std::printf("bench_chart: %zu points, %dx%d, %zu frames (zoom/pan/zoom out), offscreen\n", n,
        kWidth, kHeight, fs.size());
    std::printf(
        "  load: ours setSeries %.1f ms, peer replace+show %.1f ms\n", oursLoadMs, peerLoadMs);
    std::printf("  ours (PriceChartView, min/max per pixel): median %.2f ms/frame (re-range %.2f,"
                " thread cpu %.2f), max %.2f, displayed points %lld\n",
        o, median(oursMs.update), median(oursMs.cpu),
        *std::max_element(oursMs.total.begin(), oursMs.total.end()),
        static_cast<long long>(ours.displayedPointCount(0)));
    std::printf("  peer (whole QLineSeries):                 median %.2f ms/frame (re-range %.2f,"
                " thread cpu %.2f), max %.2f\n",
        p, median(peerMs.update), median(peerMs.cpu),
        *std::max_element(peerMs.total.begin(), peerMs.total.end()));
    std::printf("  ratio peer/ours: %.1fx (target >= 20x); ours %s 25 ms/frame target\n",
        o > 0 ? p / o : 0.0, o <= 25.0 ? "meets" : "MISSES");

    writeScreenshots();
    return 0;
}
