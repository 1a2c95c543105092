#pragma once
// Chart export: one exporter for every chart of the application (a QChartView, whose scene is
// rendered, or any other painted widget such as the correlation heatmap, rendered through its
// paintEvent).
//
// Size and DPI: `pixels` is the size of the result in device pixels and `dpi` its resolution; the
// chart is laid out at pixels x 96 / dpi logical pixels (so 192 DPI doubles every line and letter
// at the same layout) and scaled up. PNG: a QImage of exactly `pixels` with that device pixel
// ratio and dots per metre (the PNG pHYs chunk). SVG (QSvgGenerator): `pixels` wide and high,
// viewBox in logical pixels. PDF (QPdfWriter): one page of pixels / dpi inches, the scene painted
// as vectors and text (no bitmap). A QChartView is re-laid out at the export size for the
// duration of the export and restored; a plain widget keeps its size and is scaled.
// The clipboard gets the chart at its on-screen size and the screen's pixel ratio.
// GUI thread only.

#include <QImage>
#include <QSize>
#include <QString>

class QMenu;
class QWidget;

namespace marketlens::ui {

enum class ChartFormat { Png, Svg, Pdf };

struct ChartExportOptions {
    ChartFormat format = ChartFormat::Png;
    QSize pixels {1600, 1000};
    int dpi = 144;
};

// "png", "svg", "pdf" (file suffixes) and back; Png for anything else.
ChartFormat chartFormatFromSuffix(const QString& suffix);
QString chartFormatSuffix(ChartFormat format);

// The chart as an image of exactly `pixels` at `dpi` (see above).
QImage renderChartImage(QWidget* chart, QSize pixels, int dpi);
// Writes `path` in options.format; false with `error` set on failure.
bool exportChart(QWidget* chart, const QString& path, const ChartExportOptions& options,
    QString* error = nullptr);
void copyChartToClipboard(QWidget* chart);

// Adds "Copy chart" and "Export chart…" (the ChartExportDialog) to a chart's context menu: the
// one call every chart makes in its contextMenuEvent.
void addChartExportActions(QMenu* menu, QWidget* chart);

// Adds the File menu's "Export Chart…" (findChart(window), ChartExportDialog) and "Export
// Table…" (findTableView(window), table_export.h); each is enabled when it has a target.
void addExportMenuActions(QMenu* menu, QWidget* window);

// For a painted widget without its own context menu: the same two actions as its right-click
// menu (Qt::ActionsContextMenu).
void installChartExportActions(QWidget* chart);

// The chart the File menu's "Export chart…" acts on: the chart holding (or containing) the focus,
// else the first visible chart under `root` (QChartView or CorrelationHeatmap); nullptr if none.
QWidget* findChart(QWidget* root);

} // namespace marketlens::ui
