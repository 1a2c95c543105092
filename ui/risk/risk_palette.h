#pragma once
// Colours and chart look of the risk dashboard, defined once.
//
// Series colours are the Okabe-Ito palette the price chart uses (distinguishable for colour-blind
// readers). The diverging scale for risk scores and correlations runs from a bluish green through
// a light amber to a vermillion red. It is the green-amber-red of UX.md made readable with
// deuteranopia and protanopia: the ends differ in the blue-yellow direction (which those readers
// keep) and in lightness (the middle is the lightest), unlike RdYlGn whose red and green ends have
// the same lightness. Stops (t = 0, 0.5, 1): #1B9E77, #F6D57F, #C0392B, interpolated linearly in
// RGB between neighbouring stops.

#include "ui/chart_style.h"

#include <QColor>

#include <algorithm>
#include <cmath>

class QChart;
class QAbstractAxis;

namespace marketlens::ui::risk {

inline const QColor kScaleLow(0x1B, 0x9E, 0x77); // low risk / correlation -1
inline const QColor kScaleMid(0xF6, 0xD5, 0x7F); // middle / correlation 0
inline const QColor kScaleHigh(0xC0, 0x39, 0x2B); // high risk / correlation +1

// Series palette and chart furniture shared with PriceChartView (ui/chart_style.h).
using ui::kGridColor;
using ui::kLabelColor;
using ui::seriesColor;
inline const QColor kMutedColor(0x8A, 0x8A, 0x8A); // returns cloud, zero lines
inline const QColor kVarColor(0xD5, 0x5E, 0x00); // VaR line (vermillion)
inline const QColor kEsColor(0x7A, 0x1F, 0x5C); // ES line (dark purple, distinct from VaR)
inline const QColor kExceedanceColor(0xC0, 0x39, 0x2B);

// Colour of the scale at t in [0, 1] (clamped; NaN gives the middle).
inline QColor divergingColor(double t)
{
    if (std::isnan(t))
        t = 0.5;
    t = std::clamp(t, 0.0, 1.0);
    const QColor& a = t < 0.5 ? kScaleLow : kScaleMid;
    const QColor& b = t < 0.5 ? kScaleMid : kScaleHigh;
    const double u = t < 0.5 ? t * 2.0 : (t - 0.5) * 2.0;
    const auto mix = [u](int x, int y) { return int(std::lround(x + (y - x) * u)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

// Correlation in [-1, 1] on the scale: -1 low end, 0 middle, +1 high end.
inline QColor correlationColor(double rho)
{
    return divergingColor((rho + 1.0) / 2.0);
}

// Risk score 0..100 on the scale.
inline QColor scoreColor(double score)
{
    return divergingColor(score / 100.0);
}

// Black or white, whichever reads better on `background` (WCAG relative luminance).
inline QColor readableTextColor(const QColor& background)
{
    const auto lin = [](double c) {
        c /= 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * lin(background.red()) + 0.7152 * lin(background.green())
        + 0.0722 * lin(background.blue());
    // Contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05).
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? QColor(Qt::black) : QColor(Qt::white);
}

// The price chart's look: no animation, no rounded background, compact margins, top legend,
// light grid and dark labels, the application font. Applied to every risk chart.
void styleChart(QChart* chart);
void styleAxis(QAbstractAxis* axis);

} // namespace marketlens::ui::risk
