#include "chart_export.h"

#include "chart_export_dialog.h"
#include "risk/correlation_heatmap.h"
#include "table_export.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QMenu>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace marketlens::ui {
namespace {

// Every export paints at 96 logical DPI: the chart's fonts were measured for its layout at that
// resolution, so the painter's device must resolve point sizes the same way. The requested DPI
// scales the layout (PNG) or only sets the physical size (SVG, PDF).
constexpr double kLogicalDpi = 96.0;

QSizeF logicalSize(QSize pixels, int dpi)
{
    const double ratio = dpi > 0 ? dpi / kLogicalDpi : 1.0;
    return QSizeF(pixels.width() / ratio, pixels.height() / ratio);
}

QBrush backgroundOf(QWidget* chart)
{
    if (auto* view = qobject_cast<QChartView*>(chart); view && view->chart()) {
        const QBrush b = view->chart()->backgroundBrush();
        if (b.style() != Qt::NoBrush && b.color().alpha() > 0)
            return b;
    }
    return chart->palette().window();
}

// Paints `chart` into (0, 0, logical) of `painter`'s logical coordinates, as vectors where the
// device is a vector device.
void paintChart(QWidget* chart, QPainter& painter, QSizeF logical)
{
    const QRectF target(QPointF(0, 0), logical);
    painter.fillRect(target, backgroundOf(chart));
    // Leaving the widget hides hover decorations (crosshair, value label) before painting.
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(chart, &leave);
    auto* view = qobject_cast<QChartView*>(chart);
    if (view && view->chart() && view->scene()) {
        QChart* c = view->chart();
        const QRectF old = c->geometry();
        c->setGeometry(QRectF(old.topLeft(), logical));
        if (c->layout())
            c->layout()->activate();
        view->scene()->render(
            &painter, target, QRectF(old.topLeft(), logical), Qt::IgnoreAspectRatio);
        c->setGeometry(old);
        if (c->layout())
            c->layout()->activate();
        return;
    }
    const QSize size = chart->size();
    if (size.isEmpty())
        return;
    painter.save();
    painter.scale(logical.width() / size.width(), logical.height() / size.height());
    chart->render(
        &painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.restore();
}

QString chartTitle(QWidget* chart)
{
    if (auto* view = qobject_cast<QChartView*>(chart);
        view && view->chart() && !view->chart()->title().isEmpty())
        return view->chart()->title();
    return chart->accessibleName().isEmpty() ? QStringLiteral("MarketLens chart")
                                             : chart->accessibleName();
}

} // namespace

ChartFormat chartFormatFromSuffix(const QString& suffix)
{
    const QString s = suffix.toLower();
    if (s == QLatin1String("svg"))
        return ChartFormat::Svg;
    if (s == QLatin1String("pdf"))
        return ChartFormat::Pdf;
    return ChartFormat::Png;
}

QString chartFormatSuffix(ChartFormat format)
{
    switch (format) {
    case ChartFormat::Svg:
        return QStringLiteral("svg");
    case ChartFormat::Pdf:
        return QStringLiteral("pdf");
    case ChartFormat::Png:
        break;
    }
    return QStringLiteral("png");
}

QImage renderChartImage(QWidget* chart, QSize pixels, int dpi)
{
    if (!chart || pixels.isEmpty() || dpi <= 0)
        return {};
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(dpi / kLogicalDpi);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintChart(chart, painter, logicalSize(pixels, dpi));
    }
    // Metadata only (after painting, so fonts were resolved at the logical DPI).
    const int dpm = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    return image;
}

bool exportChart(
    QWidget* chart, const QString& path, const ChartExportOptions& options, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!chart || options.pixels.isEmpty() || options.dpi <= 0)
        return fail(QCoreApplication::translate(
            "ChartExport", "nothing to export (no chart, or an empty size)"));
    const QSizeF logical = logicalSize(options.pixels, options.dpi);
    switch (options.format) {
    case ChartFormat::Png: {
        const QImage image = renderChartImage(chart, options.pixels, options.dpi);
        if (image.isNull() || !image.save(path, "PNG"))
            return fail(QCoreApplication::translate("ChartExport", "cannot write %1").arg(path));
        return true;
    }
    case ChartFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(logical.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), logical));
        svg.setResolution(int(kLogicalDpi));
        svg.setTitle(chartTitle(chart));
        svg.setDescription(QStringLiteral("MarketLens"));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(QCoreApplication::translate("ChartExport", "cannot write %1").arg(path));
        painter.setRenderHint(QPainter::Antialiasing);
        paintChart(chart, painter, logical);
        if (!painter.end())
            return fail(QCoreApplication::translate("ChartExport", "cannot write %1").arg(path));
        return true;
    }
    case ChartFormat::Pdf: {
        QPdfWriter pdf(path);
        pdf.setCreator(QStringLiteral("MarketLens"));
        pdf.setTitle(chartTitle(chart));
        pdf.setResolution(int(kLogicalDpi));
        const double inchW = double(options.pixels.width()) / options.dpi;
        const double inchH = double(options.pixels.height()) / options.dpi;
        pdf.setPageSize(QPageSize(QSizeF(inchW * 72.0, inchH * 72.0), QPageSize::Point, QString(),
            QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(QCoreApplication::translate("ChartExport", "cannot write %1").arg(path));
        painter.setRenderHint(QPainter::Antialiasing);
        // The page is inchW x 96 device units wide: exactly the logical width.
        const QRect page = painter.viewport();
        painter.scale(page.width() / logical.width(), page.height() / logical.height());
        paintChart(chart, painter, logical);
        if (!painter.end())
            return fail(QCoreApplication::translate("ChartExport", "cannot write %1").arg(path));
        return true;
    }
    }
    return false;
}

void copyChartToClipboard(QWidget* chart)
{
    if (!chart)
        return;
    const double ratio = chart->devicePixelRatioF();
    const QSize pixels(
        int(std::lround(chart->width() * ratio)), int(std::lround(chart->height() * ratio)));
    QImage image = renderChartImage(chart, pixels, int(std::lround(kLogicalDpi * ratio)));
    QGuiApplication::clipboard()->setImage(image);
}

void addChartExportActions(QMenu* menu, QWidget* chart)
{
    QAction* copy = menu->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")),
        QCoreApplication::translate("ChartExport", "Copy chart"), chart,
        [chart] { copyChartToClipboard(chart); });
    copy->setToolTip(
        QCoreApplication::translate("ChartExport", "Copy the chart to the clipboard as an image"));
    menu->addAction(QIcon::fromTheme(QStringLiteral("document-export")),
        QCoreApplication::translate("ChartExport", "Export chart…"), chart,
        [chart] { ChartExportDialog::exportChart(chart, chart); });
}

void installChartExportActions(QWidget* chart)
{
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    QMenu menu; // build the actions once, then move them onto the widget
    addChartExportActions(&menu, chart);
    for (QAction* action : menu.actions()) {
        action->setParent(chart);
        chart->addAction(action);
    }
}

void addExportMenuActions(QMenu* menu, QWidget* window)
{
    QAction* chart = menu->addAction(QIcon::fromTheme(QStringLiteral("document-export")),
        QCoreApplication::translate("ChartExport", "Export &Chart…"), window, [window] {
            if (QWidget* target = findChart(window))
                ChartExportDialog::exportChart(target, window);
        });
    chart->setToolTip(QCoreApplication::translate(
        "ChartExport", "Save the focused or visible chart as PNG, SVG or PDF at a chosen size"));
    QAction* table = menu->addAction(
        QCoreApplication::translate("ChartExport", "Export &Table…"), window, [window] {
            if (QAbstractItemView* view = findTableView(window); view && view->model())
                exportTableWithDialog(window, *view->model(), view->accessibleName());
        });
    table->setToolTip(QCoreApplication::translate(
        "ChartExport", "Save the focused or visible table as CSV or Excel (.xlsx)"));
    QObject::connect(menu, &QMenu::aboutToShow, window, [window, chart, table] {
        chart->setEnabled(findChart(window) != nullptr);
        table->setEnabled(findTableView(window) != nullptr);
    });
}

QWidget* findChart(QWidget* root)
{
    auto isChart = [](QWidget* w) {
        return qobject_cast<QChartView*>(w) || qobject_cast<CorrelationHeatmap*>(w);
    };
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (isChart(w) && (!root || root->isAncestorOf(w)))
            return w;
    }
    if (!root)
        return nullptr;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (isChart(w) && w->isVisible())
            return w;
    }
    return nullptr;
}

} // namespace marketlens::ui
