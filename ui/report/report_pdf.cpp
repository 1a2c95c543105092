// renderPdf and renderPreviewPages (report_render.h): the document is laid out once
// (report_layout.cpp) and the same pages are painted on a QPdfWriter (vector, real text) or on
// images for the GUI preview.
#include "ui/report/report_layout.h"
#include "ui/report/report_render.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

using namespace report_detail;

namespace {

core::Error writeError(const QString& path, const QString& why)
{
    return core::makeError(core::ErrorCode::Io,
        QCoreApplication::translate("ReportRender", "cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), why)
            .toStdString(),
        path.toStdString());
}

core::Error cancelled()
{
    return core::makeError(core::ErrorCode::Cancelled,
        QCoreApplication::translate("ReportRender", "report rendering cancelled").toStdString());
}

} // namespace

core::Status renderPdf(
    const core::report::ReportDocument& doc, const QString& path, const core::Progress& progress)
{
    const std::vector<LaidOutPage> pages = layoutReport(doc);
    const int count = int(pages.size());
    if (!core::reportProgress(progress, 0, count))
        return cancelled();

    // Written to a temporary file renamed over `path` at the end: a failure or a cancel leaves
    // no partial report (and an older report at `path` untouched).
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    bool aborted = false;
    {
        QPdfWriter pdf(&file);
        pdf.setCreator(doc.generator.empty() ? QStringLiteral("MarketLens") : qstr(doc.generator));
        pdf.setTitle(qstr(doc.title));
        // 72 dpi: one device unit is one point, the unit of the layout.
        pdf.setResolution(72);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(0, 0, 0, 0), QPageLayout::Point));
        QPainter painter;
        if (!painter.begin(&pdf)) {
            file.cancelWriting();
            return writeError(path, QStringLiteral("the PDF writer could not start"));
        }
        const ReportTheme theme = ReportTheme::light();
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                pdf.newPage();
            paintReportPage(painter, doc, pages[std::size_t(i)], i, count, theme);
            if (!core::reportProgress(progress, i + 1, count)) {
                aborted = true;
                break;
            }
        }
        painter.end();
    }
    if (aborted) {
        file.cancelWriting();
        return cancelled();
    }
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

core::Result<std::vector<QImage>> renderPreviewPages(const core::report::ReportDocument& doc,
    const ReportRenderOptions& options, const core::Progress& progress)
{
    const std::vector<LaidOutPage> pages = layoutReport(doc);
    const int count = int(pages.size());
    const int dpi = std::clamp(options.previewDpi, 24, 600);
    const double scale = dpi / 72.0;
    const QSize size(int(std::lround(kPageWidth * scale)), int(std::lround(kPageHeight * scale)));
    const ReportTheme theme = options.dark ? ReportTheme::darkTheme() : ReportTheme::light();
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    std::vector<QImage> images;
    images.reserve(pages.size());
    if (!core::reportProgress(progress, 0, count))
        return cancelled();
    for (int i = 0; i < count; ++i) {
        QImage image(size, QImage::Format_RGB32);
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        image.fill(theme.paper);
        QPainter painter(&image);
        painter.scale(scale, scale);
        paintReportPage(painter, doc, pages[std::size_t(i)], i, count, theme);
        painter.end();
        images.push_back(std::move(image));
        if (!core::reportProgress(progress, i + 1, count))
            return cancelled();
    }
    return images;
}

} // namespace marketlens::ui
