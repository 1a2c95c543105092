// Offscreen tests of the Report dialog: the demo project open in the main window, the dialog's
// live preview (A4 page images), section toggles that change the page count, the choices kept
// in QSettings, a PDF saved through the controller (checked with pdftotext, the kept document
// reused), and a save that fails reaching the Issues panel.
#include "core/demo_project.h"
#include "ui/issues_panel.h"
#include "ui/jobs_bar.h"
#include "ui/main_window.h"
#include "ui/report/report_controller.h"
#include "ui/report/report_dialog.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QMenuBar>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace marketlens::ui;

namespace {
QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestReportDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Waits for the preview of the dialog's current choices; returns its page count.
    static int waitForPreview(ReportDialog* dialog)
    {
        QSignalSpy shown(dialog, &ReportDialog::previewShown);
        // A later change may supersede a preview: wait until nothing is pending.
        do {
            if (!shown.wait(180000))
                return -1;
        } while (dialog->isPreviewPending());
        return shown.last().first().toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName("MarketLensTest");
        QCoreApplication::setApplicationName("MarketLensTest");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path("settings"));
        QVERIFY(marketlens::core::writeDemoProject(path("demo.mlens").toStdString()).ok());
    }

    void init()
    {
        QSettings().remove(QStringLiteral("report"));
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(m_window->openProject(path("demo.mlens")));
    }

    void cleanup() { m_window.reset(); }

    void menuOpensTheDialog()
    {
        QAction* create = nullptr;
        for (QAction* menu : m_window->menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction* a : menu->menu()->actions()) {
                if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R))
                    create = a;
            }
        }
        QVERIFY2(create, "no Ctrl+Shift+R action in the menus");
        QVERIFY(create->isEnabled());
        create->trigger();
        auto* dialog = m_window->findChild<ReportDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(waitForPreview(dialog) > 0);
    }

    void previewShowsPagesAndFollowsTheSections()
    {
        ReportDialog* dialog = showReportDialog(m_window.get());
        const int all = waitForPreview(dialog);
        QVERIFY(all >= 2);
        QCOMPARE(dialog->pageCount(), all);
        const auto& pages = dialog->controller()->pages();
        QCOMPARE(int(pages.size()), all);
        for (const QImage& page : pages) {
            QVERIFY(!page.isNull());
            // A4 portrait: 297 / 210.
            QVERIFY(std::abs(double(page.height()) / page.width() - 297.0 / 210.0) < 0.01);
        }
        const auto doc = dialog->controller()->document();
        QVERIFY(doc);
        QStringList ids;
        for (const auto& s : doc->sections)
            ids << QString::fromStdString(s.id);
        QVERIFY(ids.contains(QStringLiteral("charts")));

        // Without the risk table and its charts the report is shorter, and says so.
        dialog->setSectionChecked(QStringLiteral("risk"), false);
        dialog->setSectionChecked(QStringLiteral("charts"), false);
        const int fewer = waitForPreview(dialog);
        QVERIFY(fewer >= 1);
        QVERIFY2(fewer < all, qPrintable(QStringLiteral("%1 vs %2").arg(fewer).arg(all)));
        ids.clear();
        for (const auto& s : dialog->controller()->document()->sections)
            ids << QString::fromStdString(s.id);
        QVERIFY(!ids.contains(QStringLiteral("charts")));
        QVERIFY(!ids.contains(QStringLiteral("risk")));
        QVERIFY(ids.contains(QStringLiteral("holdings")));

        // The choices are remembered by the next dialog.
        m_window.reset();
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openProject(path("demo.mlens")));
        auto* again = new ReportDialog(m_window.get());
        const auto o = again->options();
        QVERIFY(std::find(o.sections.begin(), o.sections.end(), "charts") == o.sections.end());
        QVERIFY(std::find(o.sections.begin(), o.sections.end(), "holdings") != o.sections.end());
    }

    void saveThroughTheController()
    {
        ReportDialog* dialog = showReportDialog(m_window.get());
        dialog->setSectionChecked(QStringLiteral("charts"), false);
        QVERIFY(waitForPreview(dialog) > 0);
        ReportController* controller = dialog->controller();
        const int builds = controller->builds();
        QSignalSpy saved(controller, &ReportController::saveFinished);
        const QString pdf = path("saved.pdf");
        QVERIFY(controller->save(
            m_window->projectPath(), dialog->options(), pdf, ReportController::Format::Pdf));
        QVERIFY(saved.wait(180000));
        QCOMPARE(saved.first().at(0).toString(), pdf);
        QVERIFY(saved.first().at(1).toBool());
        QCOMPARE(controller->builds(), builds); // the previewed document was rendered again
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("MarketLens report: demo")));
        for (const char* t : {"MSFT", "IBM", "KO", "JNJ", "GE", "XOM"})
            QVERIFY2(text.contains(QLatin1String(t)), t);
        QVERIFY(text.contains(QStringLiteral("Holdings")));
        QVERIFY(!text.contains(QStringLiteral("Risk charts")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of")));

        // HTML through the dialog's own entry point.
        saved.clear();
        QVERIFY(dialog->saveReport(path("saved.html"), ReportController::Format::Html));
        QVERIFY(saved.wait(180000));
        QVERIFY(saved.first().at(1).toBool());
        QFile html(path("saved.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray content = html.readAll();
        QVERIFY(content.contains("<table"));
        QVERIFY(content.contains("XOM"));
    }

    void failedSaveGoesToIssues()
    {
        ReportDialog* dialog = showReportDialog(m_window.get());
        QVERIFY(waitForPreview(dialog) > 0);
        const int issues = m_window->issuesPanel()->count();
        QSignalSpy saved(dialog->controller(), &ReportController::saveFinished);
        const QString bad = path("no/such/folder/r.pdf");
        QVERIFY(dialog->saveReport(bad, ReportController::Format::Pdf));
        QVERIFY(saved.wait(180000));
        QVERIFY(!saved.first().at(1).toBool());
        QCOMPARE(m_window->issuesPanel()->count(), issues + 1);
        QVERIFY(m_window->issuesPanel()->text(issues, 1).contains(QStringLiteral("r.pdf")));
        QVERIFY(!QFileInfo::exists(bad));
    }

    void cancelFromTheJobsBar()
    {
        ReportDialog* dialog = showReportDialog(m_window.get());
        QVERIFY(waitForPreview(dialog) > 0);
        dialog->controller()->invalidate(); // build again: long enough to be cancelled
        QSignalSpy saved(dialog->controller(), &ReportController::saveFinished);
        const QString pdf = path("cancelled.pdf");
        QVERIFY(dialog->saveReport(pdf, ReportController::Format::Pdf));
        QVERIFY(!dialog->saveReport(path("second.pdf"), ReportController::Format::Pdf));
        Q_EMIT m_window->jobsBar()->cancelRequested(QStringLiteral("report-save"));
        QVERIFY(saved.wait(180000));
        QVERIFY(!saved.first().at(1).toBool());
        QCOMPARE(dialog->controller()->saveError().code, marketlens::core::ErrorCode::Cancelled);
        QVERIFY(!QFileInfo::exists(pdf));
        QVERIFY(!QFileInfo::exists(path("second.pdf")));
    }

    // Not a test: with MARKETLENS_GRAB_DIR set, saves a picture of the dialog for a human eye.
    void grabForReview()
    {
        const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("MARKETLENS_GRAB_DIR not set");
        ReportDialog* dialog = showReportDialog(m_window.get());
        dialog->resize(1180, 860);
        QVERIFY(waitForPreview(dialog) > 0);
        QTest::qWait(300); // page labels added to a visible widget show on the next events
        QVERIFY(dialog->grab().save(QDir(dir).filePath("report_dialog.png")));
        dialog->setZoom(1.0);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPreviewPending(), 180000);
        QTest::qWait(200);
        QVERIFY(dialog->grab().save(QDir(dir).filePath("report_dialog_100.png")));
        auto* scroll = dialog->findChild<QScrollArea*>(QStringLiteral("reportPreview"));
        QVERIFY(scroll);
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum() * 6 / 10);
        QVERIFY(dialog->grab().save(QDir(dir).filePath("report_dialog_charts.png")));
        QVERIFY(m_window->grab().save(QDir(dir).filePath("main_window.png")));
    }
};

QTEST_MAIN(TestReportDialog)
#include "test_report_dialog.moc"
