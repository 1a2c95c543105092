#pragma once
// The look every MarketLens chart shares (price chart, risk dashboard, later views): the series
// palette, grid and label colours, and the tick-step rule. Defined once so that views added one at
// a time still look like one application.

#include <QColor>

#include <cmath>

namespace marketlens::ui {

// Okabe-Ito palette: distinguishable for colour-blind readers, in the order series are added.
inline const QColor kSeriesColors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
    QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9),
    QColor(0xE6, 0x9F, 0x00), QColor(0x44, 0x44, 0x44), QColor(0xF0, 0xE4, 0x42)};

inline QColor seriesColor(int index)
{
    constexpr int n = int(sizeof(kSeriesColors) / sizeof(kSeriesColors[0]));
    return kSeriesColors[((index % n) + n) % n];
}

inline const QColor kGridColor(0xE4, 0xE4, 0xE4);
inline const QColor kLabelColor(0x33, 0x33, 0x33);

// 1, 2 or 5 times a power of ten, at least `raw`: the step between axis ticks.
inline double niceStep(double raw)
{
    if (!(raw > 0.0))
        return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= raw)
            return m * p;
    }
    return 10.0 * p;
}

} // namespace marketlens::ui
