// ImportController: progress arrives on the GUI thread, cancel leaves the project unchanged,
// errors name the file, and the session stays open until commit/rollback.
#include "core/project_store.h"
#include "ui/import_controller.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using marketlens::core::ErrorCode;
using marketlens::core::ProjectStore;
using marketlens::ui::ImportController;

namespace {
// Long-format prices: `tickers` x `days` rows, close = 100 + ticker index + day / 100.
QString writeLongCsv(const QString& path, int tickers, int days)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray out = "date,ticker,open,high,low,close,volume\n";
    out.reserve(qsizetype(tickers) * days * 48);
    for (int t = 0; t < tickers; ++t) {
        for (int d = 0; d < days; ++d) {
            const auto date = marketlens::core::Date(18262 + d).toIso(); // from 2020-01-01
            const double close = 100.0 + t + d / 100.0;
            out += QByteArray(date.c_str()) + ",T" + QByteArray::number(t) + ","
                + QByteArray::number(close - 1, 'f', 2) + ","
                + QByteArray::number(close + 1, 'f', 2) + ","
                + QByteArray::number(close - 2, 'f', 2) + "," + QByteArray::number(close, 'f', 2)
                + ",1000\n";
        }
    }
    f.write(out);
    return path;
}

qint64 instrumentCount(const QString& project)
{
    auto store = ProjectStore::open(project.toStdString());
    if (!store)
        return -1;
    auto list = store->instruments();
    return list ? qint64(list->size()) : -1;
}
} // namespace

class TestImportController : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString newProject(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        auto store = ProjectStore::create(path.toStdString());
        return store ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void importsWithProgressAndCommit()
    {
        const QString project = newProject("a.mlens");
        QVERIFY(!project.isEmpty());
        const QString csv = writeLongCsv(m_dir.filePath("prices.csv"), 20, 2000); // 40,000 rows
        ImportController controller;
        QSignalSpy started(&controller, &ImportController::started);
        QSignalSpy progress(&controller, &ImportController::progress);
        QSignalSpy finished(&controller, &ImportController::finished);
        QVERIFY(controller.start(project, {csv}));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(project, {csv})); // one job at a time
        QCOMPARE(started.count(), 1);
        QVERIFY(started.first().first().toString().contains("prices.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(controller.isPending());
        QVERIFY(progress.count() >= 1);
        qint64 last = -1;
        for (const auto& args : std::as_const(progress)) {
            const qint64 done = args.at(0).toLongLong();
            const qint64 total = args.at(1).toLongLong();
            QVERIFY(done >= last);
            QVERIFY(done <= total);
            QCOMPARE(total, QFileInfo(csv).size());
            last = done;
        }
        QCOMPARE(controller.result().rowsAccepted(), 40000);
        QCOMPARE(controller.result().rowsRejected(), 0);
        QCOMPARE(controller.result().files.size(), std::size_t(1));
        QCOMPARE(controller.result().files[0].tickers.size(), std::size_t(20));

        QSignalSpy committed(&controller, &ImportController::committed);
        QVERIFY(controller.commit().ok());
        QCOMPARE(committed.count(), 1);
        QVERIFY(!controller.isBusy());
        QCOMPARE(instrumentCount(project), 20);
        auto store = ProjectStore::open(project.toStdString());
        QVERIFY(store.ok());
        auto t7 = store->prices("T7");
        QVERIFY(t7.ok());
        QCOMPARE(t7->size(), std::size_t(2000));
        QCOMPARE(t7->close.back(), 100.0 + 7 + 1999 / 100.0);
    }

    void rollbackLeavesProjectUnchanged()
    {
        const QString project = newProject("b.mlens");
        const QString csv = writeLongCsv(m_dir.filePath("small.csv"), 2, 10);
        ImportController controller;
        QSignalSpy finished(&controller, &ImportController::finished);
        QVERIFY(controller.start(project, {csv}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(controller.result().rowsAccepted(), 20);
        controller.rollback();
        QVERIFY(!controller.isBusy());
        QCOMPARE(instrumentCount(project), 0);
    }

    void cancelLeavesProjectUnchanged()
    {
        const QString project = newProject("c.mlens");
        const QString csv = writeLongCsv(m_dir.filePath("big.csv"), 150, 2000); // 300,000 rows
        ImportController controller;
        QSignalSpy finished(&controller, &ImportController::finished);
        QVERIFY(controller.start(project, {csv}));
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(controller.error().code, ErrorCode::Cancelled);
        QVERIFY(!controller.isBusy());
        QCOMPARE(instrumentCount(project), 0);
        // The file is free again: a new import works.
        QVERIFY(controller.start(project, {writeLongCsv(m_dir.filePath("after.csv"), 1, 5)}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QVERIFY(finished.last().first().toBool());
        QVERIFY(controller.commit().ok());
        QCOMPARE(instrumentCount(project), 1);
    }

    void errorNamesTheFile()
    {
        const QString project = newProject("d.mlens");
        const QString missing = m_dir.filePath("no_such_prices.csv");
        ImportController controller;
        QSignalSpy finished(&controller, &ImportController::finished);
        QVERIFY(controller.start(project, {missing}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), false);
        const auto& error = controller.error();
        QVERIFY(error.code != ErrorCode::Ok && error.code != ErrorCode::Cancelled);
        QVERIFY2(QString::fromStdString(error.toString()).contains("no_such_prices.csv"),
            error.toString().c_str());

        // A file that is no price or holdings table at all.
        const QString junk = m_dir.filePath("notes.txt");
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello analyst\nthis is not a table\n");
        }
        QVERIFY(controller.start(project, {junk}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY2(QString::fromStdString(controller.error().toString()).contains("notes.txt"),
            controller.error().toString().c_str());
        QCOMPARE(instrumentCount(project), 0);
    }

    void destructorCancelsRunningJob()
    {
        const QString project = newProject("e.mlens");
        const QString csv = m_dir.filePath("big.csv"); // written by cancelLeavesProjectUnchanged
        {
            ImportController controller;
            QVERIFY(controller.start(project, {csv}));
        } // cancels, waits and rolls back
        QCOMPARE(instrumentCount(project), 0);
    }
};

QTEST_MAIN(TestImportController)
#include "test_import_controller.moc"
