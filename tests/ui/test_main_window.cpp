// Offscreen tests of the main window: drop CSV files onto it and check the instruments and
// holdings tables and the chart; the import report (abort/accept), cancel of a big import,
// Save As of an untitled project, the title's modified marker and open errors.
#include "core/project_store.h"
#include "ui/holdings_model.h"
#include "ui/import_controller.h"
#include "ui/import_report_dialog.h"
#include "ui/instruments_model.h"
#include "ui/issues_panel.h"
#include "ui/jobs_bar.h"
#include "ui/main_window.h"
#include "ui/price_chart_view.h"
#include "ui/prices_tab.h"
#include "ui/project_controller.h"
#include "ui/project_tree.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using marketlens::core::Date;
using marketlens::core::ProjectStore;
using namespace marketlens::ui;

namespace {
bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// AAA closes 10, 11, ..., 19; BBB closes 50, 52, ..., 68 (10 days from 2021-03-01).
QByteArray twoTickerCsv()
{
    QByteArray out = "date,ticker,open,high,low,close,volume\n";
    for (int d = 0; d < 10; ++d) {
        const QByteArray date = Date(18687 + d).toIso().c_str(); // 2021-03-01 + d
        const int a = 10 + d, b = 50 + 2 * d;
        out += date + ",AAA," + QByteArray::number(a) + "," + QByteArray::number(a + 1) + ","
            + QByteArray::number(a - 1) + "," + QByteArray::number(a) + ",100\n";
        out += date + ",BBB," + QByteArray::number(b) + "," + QByteArray::number(b + 1) + ","
            + QByteArray::number(b - 1) + "," + QByteArray::number(b) + ",200\n";
    }
    return out;
}

int rowOf(const QAbstractItemModel* model, const QString& ticker)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == ticker)
            return r;
    }
    return -1;
}

ImportReportDialog* findReportDialog()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget* w : widgets) {
        if (auto* d = qobject_cast<ImportReportDialog*>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Sends drag-enter + drop of `files` to `target`; returns whether the drag was accepted.
    static bool drop(QWidget* target, const QStringList& files)
    {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& f : files)
            urls << QUrl::fromLocalFile(f);
        mime.setUrls(urls);
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        return dropEvent.isAccepted();
    }

    bool importAndWait(const QStringList& files, bool expectCommitted)
    {
        QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
        if (!drop(m_window.get(), files))
            return false;
        if (!finished.wait(60000) && finished.isEmpty())
            return false;
        return finished.first().first().toBool() == expectCommitted;
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
        QVERIFY(writeFile(path("prices.csv"), twoTickerCsv()));
        QVERIFY(writeFile(path("core.csv"),
            "ticker,quantity,cost,currency\n"
            "AAA,100,12.5,USD\nBBB,30,40,USD\n"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(m_window->newProject());
    }

    void cleanup() { m_window.reset(); }

    void dropPricesAndHoldings()
    {
        MainWindow& w = *m_window;
        QVERIFY(w.isUntitled());
        QVERIFY(w.windowTitle().startsWith("Untitled[*]"));
        QVERIFY(!w.isWindowModified()); // empty untitled project: nothing to lose

        QVERIFY(importAndWait({path("prices.csv")}, true));
        const InstrumentsModel* instruments = w.instrumentsModel();
        QCOMPARE(instruments->rowCount(), 2);
        for (const char* t : {"AAA", "BBB"}) {
            const int row = instruments->rowOf(t);
            QVERIFY(row >= 0);
            QCOMPARE(instruments->index(row, InstrumentsModel::Rows)
                         .data(InstrumentsModel::SortRole)
                         .toLongLong(),
                10);
            QCOMPARE(instruments->index(row, InstrumentsModel::FirstDate).data().toString(),
                QStringLiteral("2021-03-01"));
            QCOMPARE(instruments->index(row, InstrumentsModel::LastDate).data().toString(),
                QStringLiteral("2021-03-10"));
        }
        // The first instrument is shown after the import; selecting both overlays them.
        PriceChartView* chart = w.chartView();
        QCOMPARE(chart->seriesCount(), 1);
        QCOMPARE(chart->seriesNames(), QStringList({"AAA"}));
        w.pricesTab()->selectTickers({"AAA", "BBB"});
        QCOMPARE(chart->seriesCount(), 2);
        QCOMPARE(chart->seriesNames(), QStringList({"AAA", "BBB"}));
        QCOMPARE(chart->dataPointCount(0), 10);
        QCOMPARE(chart->dataPointCount(1), 10);
        QCOMPARE(w.pricesTab()->shownTickers(), QStringList({"AAA", "BBB"}));
        // Untitled project with data: modified marker on.
        QVERIFY(w.isWindowModified());
        // A zoomed view survives the reload after the next import.
        const qint64 from = Date(18689).toMsecsSinceEpoch(), to = Date(18694).toMsecsSinceEpoch();
        chart->setVisibleRange(from, to);

        QVERIFY(importAndWait({path("core.csv")}, true));
        const HoldingsModel* holdings = w.holdingsModel();
        QCOMPARE(holdings->rowCount(), 2);
        const int a = rowOf(holdings, "AAA");
        const int b = rowOf(holdings, "BBB");
        QVERIFY(a >= 0 && b >= 0);
        QCOMPARE(
            holdings->index(a, HoldingsModel::Quantity).data(HoldingsModel::SortRole).toDouble(),
            100.0);
        QCOMPARE(
            holdings->index(a, HoldingsModel::LastClose).data(HoldingsModel::SortRole).toDouble(),
            19.0);
        QCOMPARE(holdings->marketValue(a), 100.0 * 19.0);
        QCOMPARE(holdings->marketValue(b), 30.0 * 68.0);
        QCOMPARE(
            holdings->index(b, HoldingsModel::CostBasis).data(HoldingsModel::SortRole).toDouble(),
            40.0);
        QCOMPARE(
            holdings->index(b, HoldingsModel::Currency).data().toString(), QStringLiteral("USD"));
        QCOMPARE(holdings->index(b, HoldingsModel::Weight).data(HoldingsModel::SortRole).toDouble(),
            2040.0 / (1900.0 + 2040.0));
        // The instruments, the chart and its zoom survived the reload.
        QCOMPARE(w.instrumentsModel()->rowCount(), 2);
        QCOMPARE(chart->seriesNames(), QStringList({"AAA", "BBB"}));
        QCOMPARE(chart->visibleFromMs(), from);
        QCOMPARE(chart->visibleToMs(), to);
    }

    void dropOnChildWidgetsReachesTheWindow()
    {
        // "Anywhere on the window": the chart and the project tree pass file drops on.
        MainWindow& w = *m_window;
        QSignalSpy finished(&w, &MainWindow::importFinished);
        QVERIFY(drop(w.chartView()->viewport(), {path("prices.csv")}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(w.instrumentsModel()->rowCount(), 2);
        QVERIFY(drop(w.projectTree()->viewport(), {path("core.csv")}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(w.holdingsModel()->rowCount(), 2);
    }

    void rejectsNonTableFiles()
    {
        QVERIFY(writeFile(path("picture.png"), "not really"));
        QVERIFY(!drop(m_window.get(), {path("picture.png")}));
    }

    void badRowShowsReportAbortThenAccept()
    {
        MainWindow& w = *m_window;
        QVERIFY(importAndWait({path("prices.csv")}, true));
        // Line 1 header, 2-3 good, 4 bad close, 5 good.
        QVERIFY(writeFile(path("ccc.csv"),
            "date,ticker,open,high,low,close,volume\n"
            "2021-03-01,CCC,1,2,0.5,1.5,10\n"
            "2021-03-02,CCC,1,2,0.5,1.6,10\n"
            "2021-03-03,CCC,1,2,0.5,abc,10\n"
            "2021-03-04,CCC,1,2,0.5,1.7,10\n"));
        for (const bool accept : {false, true}) {
            QSignalSpy finished(&w, &MainWindow::importFinished);
            QVERIFY(drop(&w, {path("ccc.csv")}));
            ImportReportDialog* dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((dialog = findReportDialog()) != nullptr, 30000);
            QCOMPARE(dialog->rejectedRowCount(), 1);
            QCOMPARE(dialog->rejectedLine(0), 4);
            QVERIFY(!dialog->rejectedReason(0).isEmpty());
            QVERIFY(dialog->importButton()->text().contains("3"));
            // The Issues panel lists the rejected row with its file and line.
            QVERIFY(w.issuesPanel()->count() >= 1);
            QCOMPARE(w.issuesPanel()->text(0, 1), QStringLiteral("ccc.csv"));
            QCOMPARE(w.issuesPanel()->text(0, 2), QStringLiteral("4"));
            QTest::mouseClick(
                accept ? dialog->importButton() : dialog->abortButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
            QCOMPARE(finished.first().first().toBool(), accept);

            auto store = ProjectStore::open(w.projectPath().toStdString());
            QVERIFY(store.ok());
            auto ccc = store->prices("CCC");
            if (!accept) {
                QCOMPARE(w.instrumentsModel()->rowCount(), 2);
                QVERIFY(!ccc.ok() || ccc->empty());
            } else {
                QCOMPARE(w.instrumentsModel()->rowCount(), 3);
                QVERIFY(ccc.ok());
                QCOMPARE(ccc->size(), std::size_t(3));
                QCOMPARE(ccc->close.back(), 1.7);
            }
        }
    }

    void cancelBigImportLeavesProjectUnchanged()
    {
        MainWindow& w = *m_window;
        QVERIFY(importAndWait({path("prices.csv")}, true));
        {
            QFile f(path("big.csv"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray out = "date,ticker,close\n";
            for (int t = 0; t < 150; ++t) {
                const QByteArray ticker = "BIG" + QByteArray::number(t);
                for (int d = 0; d < 2000; ++d)
                    out += QByteArray(Date(10000 + d).toIso().c_str()) + "," + ticker + ","
                        + QByteArray::number(100 + d % 37) + "\n";
            }
            f.write(out); // 300,000 rows
        }
        QSignalSpy finished(&w, &MainWindow::importFinished);
        QVERIFY(drop(&w, {path("big.csv")}));
        QVERIFY(w.importController()->isRunning());
        QCOMPARE(w.jobsBar()->jobCount(), 1);
        w.importController()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(w.jobsBar()->jobCount(), 0);
        QCOMPARE(w.instrumentsModel()->rowCount(), 2);
        auto store = ProjectStore::open(w.projectPath().toStdString());
        QVERIFY(store.ok());
        QCOMPARE(store->instruments()->size(), std::size_t(2));
    }

    void saveAsUntitled()
    {
        MainWindow& w = *m_window;
        QVERIFY(importAndWait({path("prices.csv")}, true));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.windowTitle().contains("[*]"));
        const QString tempPath = w.projectPath();
        const QString target = path("saved.mlens");
        QVERIFY(w.saveProjectAs(target));
        QVERIFY(QFileInfo::exists(target));
        QCOMPARE(
            QFileInfo(w.projectPath()).canonicalFilePath(), QFileInfo(target).canonicalFilePath());
        QVERIFY(!w.isUntitled());
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.windowTitle(), QStringLiteral("saved.mlens[*] — MarketLens"));
        QCOMPARE(w.saveStateText(), QStringLiteral("All changes saved"));
        QVERIFY(!QFileInfo::exists(tempPath)); // the temporary untitled folder is gone
        QCOMPARE(
            w.projectController()->recentFiles().value(0), QFileInfo(target).absoluteFilePath());
        {
            auto store = ProjectStore::open(target.toStdString());
            QVERIFY(store.ok());
            QCOMPARE(store->instruments()->size(), std::size_t(2));
            QCOMPARE(store->prices("BBB")->close.back(), 68.0);
        }
        // Later imports go straight into the chosen file; it stays "saved".
        QVERIFY(importAndWait({path("core.csv")}, true));
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.holdingsModel()->rowCount(), 2);
        // Reopen in a new window: the holdings are there.
        MainWindow other;
        QVERIFY(other.openProject(target));
        QCOMPARE(other.holdingsModel()->rowCount(), 2);
        QCOMPARE(other.instrumentsModel()->rowCount(), 2);
        QCOMPARE(other.windowTitle(), QStringLiteral("saved.mlens[*] — MarketLens"));
    }

    void closingUntitledDataAsks()
    {
        MainWindow& w = *m_window;
        QVERIFY(importAndWait({path("prices.csv")}, true));
        QVERIFY(w.isWindowModified());
        // Answer the Save/Discard/Cancel question from a timer: Cancel keeps the window open.
        auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(50, [button] {
                const auto widgets = QApplication::topLevelWidgets();
                for (QWidget* widget : widgets) {
                    auto* box = qobject_cast<QMessageBox*>(widget);
                    if (box && box->isVisible() && box->button(QMessageBox::Discard)) {
                        box->button(button)->click();
                        return;
                    }
                }
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!w.close());
        QVERIFY(w.isVisible());
        answer(QMessageBox::Discard);
        QVERIFY(w.close());
        QVERIFY(!w.isVisible());
    }

    void openErrorsAreReported()
    {
        MainWindow& w = *m_window;
        const QString before = w.projectPath();
        QVERIFY(writeFile(path("notes.mlens"), "this is plain text, not a project"));
        QVERIFY(!w.openProject(path("notes.mlens")));
        QCOMPARE(w.projectPath(), before);
        QVERIFY(w.issuesPanel()->count() >= 1);
        const int last = w.issuesPanel()->count() - 1;
        QCOMPARE(w.issuesPanel()->text(last, 1), QStringLiteral("notes.mlens"));
        QVERIFY(w.issuesPanel()->text(last, 3).contains("notes.mlens"));
    }

    void optionsOverrideAmbiguousDates()
    {
        MainWindow& w = *m_window;
        QVERIFY(writeFile(path("amb.csv"),
            "date,ticker,close\n01/02/2021,AMB,1\n"
            "03/04/2021,AMB,2\n05/06/2021,AMB,3\n"));
        QSignalSpy finished(&w, &MainWindow::importFinished);
        QVERIFY(w.importFiles({path("amb.csv")}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.last().first().toBool(), false); // day/month order unknown
        QVERIFY(w.issuesPanel()->count() >= 1);
        QCOMPARE(w.issuesPanel()->text(0, 1), QStringLiteral("amb.csv"));
        marketlens::core::ImportOptions options;
        options.dateFormat = marketlens::core::DateFormat::Dmy;
        QVERIFY(w.importFiles({path("amb.csv")}, options));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished.last().first().toBool(), true);
        const int row = w.instrumentsModel()->rowOf("AMB");
        QVERIFY(row >= 0);
        QCOMPARE(w.instrumentsModel()->index(row, InstrumentsModel::FirstDate).data().toString(),
            QStringLiteral("2021-02-01"));
        QCOMPARE(w.instrumentsModel()->index(row, InstrumentsModel::LastDate).data().toString(),
            QStringLiteral("2021-06-05"));
    }

    void missingFileImportReportsError()
    {
        MainWindow& w = *m_window;
        QSignalSpy finished(&w, &MainWindow::importFinished);
        QVERIFY(w.importFiles({path("does_not_exist.csv")}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), false);
        bool named = false;
        for (int i = 0; i < w.issuesPanel()->count(); ++i)
            named = named || w.issuesPanel()->text(i, 3).contains("does_not_exist.csv");
        QVERIFY(named);
        QCOMPARE(w.instrumentsModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
