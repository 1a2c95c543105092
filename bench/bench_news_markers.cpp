// Benchmark: the cost of the news marker layer of PriceChartView.
// A 20-year daily series (7,305 points) with N news items (default 100,000, about 14 a day) at
// random days and scores; 50 frames (zoom in, pan, zoom out) each set the visible range and
// render the view (1200x700) into a QImage, once with the marker layer hidden and once shown.
// Prints the time of setNewsMarkers() and the median ms per frame of both runs and their ratio.
// Target: the layer adds at most 5 ms to a frame. Usage: bench_news_markers [--items N]
#include "ui/price_chart_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

using namespace marketlens;

namespace {

constexpr qint64 kDayMs = 86400000LL;
constexpr int kFirstDay = 10957; // 2000-01-01
constexpr int kDays = 7305;

core::PriceSeries series()
{
    core::PriceSeries s;
    s.ticker = "AAA";
    std::mt19937 rng(7);
    std::normal_distribution<double> step(0.0, 0.01);
    double p = 100.0;
    for (int i = 0; i < kDays; ++i) {
        p *= 1.0 + step(rng);
        s.dates.emplace_back(kFirstDay + i);
        s.close.push_back(p);
        for (auto* v : {&s.open, &s.high, &s.low, &s.adjClose})
            v->push_back(core::kMissing);
        s.volume.push_back(0.0);
    }
    return s;
}

double medianFrameMs(ui::PriceChartView& view)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    const qint64 from0 = qint64(kFirstDay) * kDayMs, to0 = qint64(kFirstDay + kDays - 1) * kDayMs;
    for (int f = 0; f < 50; ++f) {
        // Zoom in over 20 frames, pan over 15, zoom out over 15.
        double span = 1.0, centre = 0.5;
        if (f < 20) {
            span = std::pow(0.8, f);
        } else if (f < 35) {
            span = std::pow(0.8, 19);
            centre = 0.5 + 0.02 * (f - 19);
        } else {
            span = std::pow(0.8, 19 - (f - 34));
            centre = 0.8;
        }
        const double full = double(to0 - from0);
        const qint64 a = from0 + qint64((centre - span / 2) * full);
        QElapsedTimer t;
        t.start();
        view.setVisibleRange(a, a + qint64(span * full));
        image.fill(Qt::white);
        QPainter painter(&image);
        view.render(&painter);
        painter.end();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int items = 100000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--items") == 0)
            items = std::max(1, std::atoi(argv[i + 1]));
    }
    ui::PriceChartView view;
    view.resize(1200, 700);
    view.show();
    view.setSeries({series()});
    QCoreApplication::processEvents();

    std::mt19937 rng(11);
    std::uniform_int_distribution<int> day(0, kDays - 1);
    std::uniform_real_distribution<double> score(-1.0, 1.0);
    std::vector<ui::NewsMarker> markers(static_cast<std::size_t>(items));
    for (int i = 0; i < items; ++i) {
        auto& m = markers[std::size_t(i)];
        m.id = i + 1;
        m.dayMs = qint64(kFirstDay + day(rng)) * kDayMs;
        m.ticker = QStringLiteral("AAA");
        m.headline = QStringLiteral("Headline %1").arg(i);
        m.score = score(rng);
    }
    QElapsedTimer t;
    t.start();
    view.setNewsMarkers(std::move(markers));
    const double setMs = double(t.nsecsElapsed()) / 1e6;

    view.setNewsMarkersVisible(false);
    const double without = medianFrameMs(view);
    view.setNewsMarkersVisible(true);
    const double with = medianFrameMs(view);
    std::printf("news markers: %d items, setNewsMarkers %.1f ms\n", items, setMs);
    std::printf("median frame: %.2f ms without markers, %.2f ms with (%d drawn now), "
                "+%.2f ms, ratio %.2f\n",
        without, with, int(view.visibleNewsMarkers().size()), with - without, with / without);
    return 0;
}
