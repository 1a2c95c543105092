#pragma once
// Renders a core::report::ReportDocument (core/report/report_document.h):
// - renderPdf: A4 portrait, paginated vector PDF (QPdfWriter + QPainter). Charts are drawn as
//   vectors (never as embedded bitmaps), text is real text (extractable with pdftotext), every
//   page has a header (report title) and a footer "Page n of N" plus the generation time.
// - renderHtml: one self-contained UTF-8 HTML5 file: inline CSS, charts as inline <svg>
//   (QSvgGenerator), no external references (no http, no file links, no scripts).
// - renderPreviewPages: the PDF's pages as images (same layout code) for the GUI preview.
// One chart painter (ReportChartPainter) draws every chart on any QPainter, so the PDF, the SVG
// in the HTML and the preview show the same picture.
//
// Contract: the functions are thread-safe for distinct documents and may run off the GUI thread
// (they use only QPainter on QPdfWriter/QImage/QSvgGenerator; a QGuiApplication must exist).
// They never throw; errors (file cannot be written: message names the file) come back as
// core::Status. `progress` (done, total pages or sections) may cancel (ErrorCode::Cancelled; a
// partly written file is removed: output goes to a temporary file renamed at the end).

#include "core/progress.h"
#include "core/report/report_document.h"
#include "core/result.h"

#include <QImage>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace marketlens::ui {

struct ReportRenderOptions {
    bool dark = false; // preview only; files are always light
    int previewDpi = 96;
};

core::Status renderPdf(const core::report::ReportDocument& doc, const QString& path,
    const core::Progress& progress = {});
core::Status renderHtml(const core::report::ReportDocument& doc, const QString& path,
    const core::Progress& progress = {});
// The HTML text itself (renderHtml writes exactly this).
QString reportHtml(const core::report::ReportDocument& doc);
core::Result<std::vector<QImage>> renderPreviewPages(const core::report::ReportDocument& doc,
    const ReportRenderOptions& options = {}, const core::Progress& progress = {});

// Draws one chart into `rect` (device coordinates of `painter`), with title, axes, ticks, legend.
void paintReportChart(QPainter& painter, const QRectF& rect, const core::report::Chart& chart);

} // namespace marketlens::ui
