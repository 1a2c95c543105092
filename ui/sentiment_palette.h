#pragma once
// Colours of sentiment scores, shared by the news markers of the price chart, the sentiment
// timeline and the news popup. The scale is the diverging green-amber-red of the risk dashboard
// (ui/risk/risk_palette.h, readable with deuteranopia and protanopia) turned round: +1 (positive
// news) is the green end, 0 the light amber middle, -1 (negative news) the red end. Unscored items
// are grey. Markers add a shape by sign (up triangle, circle, down triangle) so the sign never
// depends on colour alone.

#include "ui/risk/risk_palette.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

// Scores within (-kSentimentNeutralBand, kSentimentNeutralBand) count as neutral: the lexicon's
// label thresholds (core/news/lexicon_sentiment.h, VADER's published +-0.05).
inline constexpr double kSentimentNeutralBand = 0.05;

inline const QColor kSentimentUnscored(0x9A, 0x9A, 0x9A);

// Sign of a score as the markers draw it: -1, 0 or +1 (0 for NaN and the neutral band).
inline int sentimentSign(double score)
{
    if (std::isnan(score) || std::abs(score) < kSentimentNeutralBand)
        return 0;
    return score > 0.0 ? 1 : -1;
}

// Colour of a score in [-1, 1] (clamped); grey for NaN (not scored).
inline QColor sentimentColor(double score)
{
    if (std::isnan(score))
        return kSentimentUnscored;
    return risk::divergingColor((1.0 - std::clamp(score, -1.0, 1.0)) / 2.0);
}

// Bar colours of the sentiment timeline: the two ends of the scale.
inline QColor sentimentPositiveColor()
{
    return risk::kScaleLow;
}
inline QColor sentimentNegativeColor()
{
    return risk::kScaleHigh;
}

} // namespace marketlens::ui
