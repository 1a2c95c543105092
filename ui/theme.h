#pragma once
// The application's colour theme (Edit > Preferences > Theme): light, dark, or the system's.
// Light and dark use the Fusion style (the same look on every platform), dark with the palette of
// darkPalette(); "system" keeps the platform's own style and palette, and follows the platform's
// dark mode where Qt offers it (QStyleHints::colorScheme, Qt 6.5 and later; light before).
//
// Charts follow the palette: their furniture colours (background, labels, grid) come from
// chartBackgroundColor() and friends when a chart is built, and applyTheme() re-colours every open
// chart. Series colours (ui/chart_style.h) stay the same in both themes. GUI thread only.

#include "app_settings.h"

#include <QColor>
#include <QPalette>

class QChart;

namespace marketlens::ui {

// Applies `theme` to the application (style, palette, open charts). Safe to call again at any
// time; the first call remembers the platform's style and palette for "system".
void applyTheme(ThemeChoice theme);
// The theme of the last applyTheme() call (System before any).
ThemeChoice currentTheme();

QPalette darkPalette();
// True when the palette's window is darker than its text (a dark theme of any origin).
bool isDarkPalette(const QPalette& palette);
bool isDarkTheme(); // of the application palette

// Chart furniture colours for the application palette.
QColor chartBackgroundColor();
QColor chartLabelColor();
QColor chartGridColor();

// Colours the chart's background, title, legend labels and every axis (labels, grid, titles).
void applyChartPalette(QChart* chart);
// applyChartPalette on the chart of every QChartView of the application.
void restyleAllCharts();

} // namespace marketlens::ui
