// Chart export: PNG of the requested pixel size and DPI metadata, SVG that parses and carries the
// chart's axis titles and series path, PDF with vector text (pdftotext finds the axis titles; no
// image XObject) on a page of the requested physical size, the clipboard, the context-menu
// actions, the remembered dialog settings, and the chart left as it was.
#include "ui/chart_export.h"
#include "ui/chart_export_dialog.h"
#include "ui/risk/correlation_heatmap.h"
#include "ui/table_export.h"

#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineSeries>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <cmath>
#include <set>

using namespace marketlens;

namespace {

// With MARKETLENS_TEST_ARTIFACTS set to a folder, the exported files and a picture of the dialog
// are kept there for a person to look at.
void keep(const QString& path)
{
    const QString dir = qEnvironmentVariable("MARKETLENS_TEST_ARTIFACTS");
    if (!dir.isEmpty()) {
        const QString target = dir + "/" + QFileInfo(path).fileName();
        QFile::remove(target);
        QFile::copy(path, target);
    }
}

} // namespace

class TestChartExport : public QObject {
    Q_OBJECT

private:
    QChartView* m_view = nullptr;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        auto* chart = new QChart;
        chart->setTitle("Export test");
        auto* series = new QLineSeries;
        series->setName("Close");
        for (int i = 0; i < 50; ++i)
            series->append(i, 100 + 10 * std::sin(i / 5.0));
        chart->addSeries(series);
        auto* x = new QValueAxis;
        x->setTitleText("Trading day");
        auto* y = new QValueAxis;
        y->setTitleText("Price USD");
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        m_view = new QChartView(chart);
        m_view->resize(600, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }
    void cleanupTestCase() { delete m_view; }

    void png()
    {
        const QString path = m_dir.filePath("c.png");
        ui::ChartExportOptions o;
        o.format = ui::ChartFormat::Png;
        o.pixels = QSize(1200, 800);
        o.dpi = 192;
        QString error;
        QVERIFY2(ui::exportChart(m_view, path, o, &error), qPrintable(error));
        keep(path);
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1200, 800));
        QCOMPARE(image.dotsPerMeterX(), 7559); // 192 / 0.0254
        QCOMPARE(image.dotsPerMeterY(), 7559);
        std::set<QRgb> colours;
        for (int yy = 0; yy < image.height(); yy += 7)
            for (int xx = 0; xx < image.width(); xx += 7)
                colours.insert(image.pixel(xx, yy));
        QVERIFY2(colours.size() > 20, "the image is (nearly) blank");
        // The chart is back at its own size after the export.
        QCOMPARE(m_view->chart()->size(), QSizeF(600, 400));
    }

    void pngOfAPaintedWidget()
    {
        ui::CorrelationHeatmap heatmap;
        heatmap.resize(300, 300);
        heatmap.setData({"A", "B"}, {1.0, -0.5, -0.5, 1.0});
        const QImage image = ui::renderChartImage(&heatmap, QSize(900, 600), 300);
        QCOMPARE(image.size(), QSize(900, 600));
        QCOMPARE(image.dotsPerMeterX(), 11811); // 300 / 0.0254
        QVERIFY(image.pixel(450, 300) != image.pixel(2, 2));
        // Its right-click menu has the same two actions as the chart views'.
        QCOMPARE(heatmap.contextMenuPolicy(), Qt::ActionsContextMenu);
        QStringList texts;
        for (QAction* a : heatmap.actions())
            texts << a->text();
        QCOMPARE(texts, (QStringList {"Copy chart", "Export chart…"}));
    }

    void svg()
    {
        const QString path = m_dir.filePath("c.svg");
        ui::ChartExportOptions o;
        o.format = ui::ChartFormat::Svg;
        o.pixels = QSize(1600, 600);
        o.dpi = 192;
        QString error;
        QVERIFY2(ui::exportChart(m_view, path, o, &error), qPrintable(error));
        keep(path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QXmlStreamReader xml(bytes);
        int paths = 0, polylines = 0;
        QString text, viewBox;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("svg"))
                viewBox = xml.attributes().value("viewBox").toString();
            paths += xml.name() == QLatin1String("path");
            polylines += xml.name() == QLatin1String("polyline");
            if (xml.name() == QLatin1String("text"))
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + "|";
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(viewBox, QStringLiteral("0 0 800 300")); // 1600 x 600 px at 2x
        QVERIFY2(text.contains("Trading day"), qPrintable(text));
        QVERIFY(text.contains("Price USD"));
        QVERIFY(text.contains("Export test"));
        QVERIFY(paths + polylines > 0);
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(m_view->chart()->size(), QSizeF(600, 400));
    }

    void pdf()
    {
        const QString path = m_dir.filePath("c.pdf");
        ui::ChartExportOptions o;
        o.format = ui::ChartFormat::Pdf;
        o.pixels = QSize(1200, 800);
        o.dpi = 192; // 6.25 x 4.17 in = 450 x 300 pt
        QString error;
        QVERIFY2(ui::exportChart(m_view, path, o, &error), qPrintable(error));
        keep(path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(!bytes.contains("/Subtype /Image") && !bytes.contains("/Subtype/Image"),
            "the PDF holds an image: the chart was not drawn as vectors");
        const QRegularExpression mediaBox(
            QStringLiteral("/MediaBox \\[0 0 450(\\.0+)? 300(\\.0+)?\\]"));
        QVERIFY2(QString::fromLatin1(bytes).contains(mediaBox),
            bytes.mid(bytes.indexOf("/MediaBox"), 40).constData());
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (Debian poppler-utils) is not installed: PDF text not checked");
        QProcess p;
        p.start(pdftotext, {path, "-"});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains("Trading day"), qPrintable(text));
        QVERIFY(text.contains("Price USD"));
    }

    void clipboardAndMenu()
    {
        ui::copyChartToClipboard(m_view);
        const QImage image = QGuiApplication::clipboard()->image();
        const double ratio = m_view->devicePixelRatioF();
        QCOMPARE(image.size(), QSize(int(600 * ratio), int(400 * ratio)));
        QMenu menu;
        ui::addChartExportActions(&menu, m_view);
        QStringList texts;
        for (QAction* a : menu.actions())
            texts << a->text();
        QCOMPARE(texts, (QStringList {"Copy chart", "Export chart…"}));
    }

    void dialogRemembersChoices()
    {
        const QString path = m_dir.filePath("remembered.svg");
        {
            ui::ChartExportDialog dialog(m_view);
            ui::ChartExportOptions o;
            o.format = ui::ChartFormat::Svg;
            o.pixels = QSize(1000, 500);
            o.dpi = 120;
            dialog.setOptions(o);
            dialog.setPath(path);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(QFile::exists(path));
        ui::ChartExportDialog again(m_view);
        QCOMPARE(again.options().format, ui::ChartFormat::Svg);
        QCOMPARE(again.options().pixels, QSize(1000, 500));
        QCOMPARE(again.options().dpi, 120);
        QCOMPARE(QFileInfo(again.path()).absolutePath(), QFileInfo(path).absolutePath());
        QVERIFY(again.path().endsWith(".svg"));
        if (!qEnvironmentVariable("MARKETLENS_TEST_ARTIFACTS").isEmpty()) {
            again.show();
            QVERIFY(QTest::qWaitForWindowExposed(&again));
            const QString shot = m_dir.filePath("chart_export_dialog.png");
            QVERIFY(again.grab().save(shot));
            keep(shot);
        }
        // Changing the format changes the suffix of the file.
        again.findChild<QComboBox*>()->setCurrentIndex(2);
        QVERIFY(again.path().endsWith(".pdf"));
    }

    void findsTheChart()
    {
        QWidget root;
        auto* heatmap = new ui::CorrelationHeatmap(&root);
        root.show();
        QVERIFY(QTest::qWaitForWindowExposed(&root));
        QCOMPARE(ui::findChart(&root), static_cast<QWidget*>(heatmap));
        heatmap->hide();
        QCOMPARE(ui::findChart(&root), nullptr);
    }

    void fileMenuActionsFollowTheirTargets()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        QStandardItemModel model(2, 2);
        auto* table = new QTableView;
        table->setModel(&model);
        layout->addWidget(table);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMenu menu;
        ui::addExportMenuActions(&menu, &window);
        const auto actions = menu.actions();
        QCOMPARE(actions.size(), 2);
        QCOMPARE(actions[0]->text(), QStringLiteral("Export &Chart…"));
        QCOMPARE(actions[1]->text(), QStringLiteral("Export &Table…"));
        Q_EMIT menu.aboutToShow();
        QVERIFY(!actions[0]->isEnabled()); // no chart in this window
        QVERIFY(actions[1]->isEnabled());
        QCOMPARE(ui::findTableView(&window), static_cast<QAbstractItemView*>(table));
    }
};

QTEST_MAIN(TestChartExport)
#include "test_chart_export.moc"
