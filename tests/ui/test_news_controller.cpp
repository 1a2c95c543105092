// NewsController and the News tab on real files: importing tests/data/news/news_items.json
// (3 items accepted, 3 rejected: the import waits for the caller's decision) and a hand-written
// CSV; the model shows the stored items; a lexicon scoring job stores scores equal to the
// hand-computed VADER compound of the AFINN market-news valences; a cancelled scoring or import
// and an aborted import leave the project as it was. With MARKETLENS_NEWS_SHOTS=<dir> the News
// tab with the 70 Reuters articles, scored, is grabbed to <dir>/news_tab.png. Files dropped on
// the main window go by kind: news to the News tab's import, prices to the price import after it.
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "models/sentiment_scorers.h"
#include "ui/instruments_model.h"
#include "ui/main_window.h"
#include "ui/news/news_controller.h"
#include "ui/news/news_filter_model.h"
#include "ui/news/news_model.h"
#include "ui/news/news_view.h"
#include "ui/news/sentiment_train_dialog.h"
#include "ui/project_controller.h"
#include "ui/project_tree.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace marketlens;
namespace cn = marketlens::core::news;
using ui::NewsController;
using ui::NewsJob;

namespace {
constexpr int kTimeoutMs = 120000;

QString fixture(const char* name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/news/") + QLatin1String(name);
}

// VADER's normalisation of a summed valence (lexicon_sentiment.h): x / sqrt(x^2 + 15).
double compound(double sum)
{
    return sum / std::sqrt(sum * sum + 15.0);
}

std::int64_t count(const QString& path)
{
    auto store = core::ProjectStore::open(path.toStdString());
    if (!store)
        return -1;
    auto n = cn::newsCount(*store);
    return n ? *n : -1;
}
} // namespace

class TestNewsController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    QString m_csv;

    bool waitFinished(QSignalSpy& spy, int n)
    {
        return QTest::qWaitFor([&] { return spy.count() >= n; }, kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("news.mlens"));
        QVERIFY(core::ProjectStore::create(m_path.toStdString()));
        m_csv = m_dir.filePath(QStringLiteral("hand.csv"));
        QFile f(m_csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("date,headline,ticker\n"
                "2024-01-02 12:00,Profit is good,AAPL\n"
                "2024-01-03 12:00,Stocks plunge,AAPL\n");
    }

    void importWithRejectedItemsWaitsForDecision()
    {
        NewsController controller;
        QSignalSpy finished(&controller, &NewsController::finished);
        QSignalSpy decision(&controller, &NewsController::importNeedsDecision);
        QSignalSpy written(&controller, &NewsController::written);
        QVERIFY(controller.importNews(m_path, {fixture("news_items.json")}));
        QVERIFY(controller.isBusy());
        QVERIFY(!controller.score(m_path, QStringLiteral("lexicon"))); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(decision.count(), 1, kTimeoutMs);
        QVERIFY(controller.isImportPending());
        QCOMPARE(finished.count(), 0);
        // The fixture: a bad date, a syntax error and a non-object are rejected.
        QCOMPARE(controller.importResult().itemsAccepted(), 3);
        QCOMPARE(controller.importResult().itemsRejected(), 3);
        QVERIFY(controller.commitImport());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).value<NewsJob>(), NewsJob::Import);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(written.count(), 1);
        QVERIFY(!controller.isBusy());
        QCOMPARE(count(m_path), 3);

        // Without rejected items the import commits by itself.
        QVERIFY(controller.importNews(m_path, {m_csv}));
        QVERIFY(waitFinished(finished, 2));
        QCOMPARE(finished.at(1).at(1).toBool(), true);
        QCOMPARE(decision.count(), 1);
        QCOMPARE(count(m_path), 5);

        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        ui::NewsModel model;
        QVERIFY(model.load(*store, QStringLiteral("lexicon")));
        QCOMPARE(model.rowCount(), 5);
        QStringList shown;
        for (int r = 0; r < model.rowCount(); ++r)
            shown << model.index(r, ui::NewsModel::HeadlineColumn).data().toString();
        for (const char* h : {"Apple unveils new iPod", "Epoch item", "Last item", "Profit is good",
                 "Stocks plunge"})
            QVERIFY2(shown.contains(QLatin1String(h)), h);
        QCOMPARE(model.scoredCount(), 0);
    }

    void lexiconScoringStoresScores()
    {
        NewsController controller;
        QSignalSpy finished(&controller, &NewsController::finished);
        QVERIFY(controller.score(m_path, QStringLiteral("lexicon")));
        QVERIFY(waitFinished(finished, 1));
        QVERIFY2(finished.first().at(1).toBool(), controller.error().toString().c_str());
        QCOMPARE(controller.scoreResult().itemsScored, 5);

        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        ui::NewsModel model;
        QVERIFY(model.load(*store, QStringLiteral("lexicon")));
        QCOMPARE(model.scoredCount(), 5);
        // AFINN market-news valences x 0.8: profit 2, good 3 -> 4.0; plunge -2 -> -1.6.
        const auto scoreOf = [&](const char* headline) {
            for (int r = 0; r < model.rowCount(); ++r) {
                if (model.item(r)->headline == headline)
                    return model.index(r, 0).data(ui::NewsModel::ScoreRole).toDouble();
            }
            return 99.0;
        };
        QVERIFY(std::abs(scoreOf("Profit is good") - compound(4.0)) < 1e-4);
        QVERIFY(std::abs(scoreOf("Stocks plunge") - compound(-1.6)) < 1e-4);
        const int plunge = [&] {
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.item(r)->headline == "Stocks plunge")
                    return r;
            return -1;
        }();
        QCOMPARE(model.index(plunge, 0).data(ui::NewsModel::LabelRole).toInt(),
            int(core::SentimentClass::Negative));
        // The explanation names "plunge" (position 7 of the headline).
        const cn::StoredScore* s = model.score(plunge);
        QVERIFY(s && !s->explanation.empty());
        QCOMPARE(s->explanation.front().position, 7);
        QCOMPARE(s->explanation.front().length, 6);
        QVERIFY(s->explanation.front().weight < 0);
    }

    void cancelLeavesProjectUnchanged()
    {
        NewsController controller;
        QSignalSpy finished(&controller, &NewsController::finished);
        // Scoring with VADER, cancelled before its first item: no lexicon:vader scores appear.
        QVERIFY(controller.score(m_path, QStringLiteral("lexicon:vader")));
        controller.cancel();
        QVERIFY(waitFinished(finished, 1));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(controller.error().code, core::ErrorCode::Cancelled);
        {
            auto store = core::ProjectStore::open(m_path.toStdString());
            QVERIFY(store);
            auto models = cn::scoredModels(*store);
            QVERIFY(models);
            QCOMPARE(int(models->size()), 1);
            QCOMPARE(models->front().modelKey, std::string("lexicon"));
            QCOMPARE(models->front().count, 5);
        }
        // A cancelled import writes nothing.
        QVERIFY(controller.importNews(m_path, {fixture("news_reuters21578_acq_crude.csv")}));
        controller.cancel();
        QVERIFY(waitFinished(finished, 2));
        QCOMPARE(finished.at(1).at(1).toBool(), false);
        QCOMPARE(controller.error().code, core::ErrorCode::Cancelled);
        QCOMPARE(count(m_path), 5);
        // An import with rejected items, aborted at the report: nothing written either.
        QSignalSpy decision(&controller, &NewsController::importNeedsDecision);
        QVERIFY(controller.importNews(m_path, {fixture("news_items.jsonl")}));
        QTRY_COMPARE_WITH_TIMEOUT(decision.count(), 1, kTimeoutMs);
        controller.rollbackImport();
        QCOMPARE(finished.count(), 3);
        QCOMPARE(finished.at(2).at(1).toBool(), false);
        QCOMPARE(count(m_path), 5);
        QVERIFY(!controller.isBusy());
    }

    void newsTabImportsAndScores()
    {
        ui::ProjectController project;
        QVERIFY(project.newProject());
        ui::NewsView view(&project);
        view.resize(1100, 720);
        QSignalSpy finished(view.controller(), &NewsController::finished);
        QSignalSpy changed(&view, &ui::NewsView::newsChanged);
        QVERIFY(view.importNews({fixture("news_reuters21578_acq_crude.csv")}));
        QVERIFY(project.isBusy()); // the import's transaction holds the file
        QVERIFY(waitFinished(finished, 1));
        QVERIFY2(finished.first().at(1).toBool(), view.controller()->error().toString().c_str());
        QVERIFY(!project.isBusy());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.model()->rowCount(), 70); // the 70 Reuters articles
        QVERIFY(view.scoreNews(QStringLiteral("lexicon")));
        QVERIFY(waitFinished(finished, 2));
        QVERIFY(finished.at(1).at(1).toBool());
        QCOMPARE(view.model()->scoredCount(), 70);
        QCOMPARE(view.modelKey(), QStringLiteral("lexicon"));

        const QByteArray shots = qgetenv("MARKETLENS_NEWS_SHOTS");
        if (!shots.isEmpty()) {
            view.table()->sortByColumn(ui::NewsModel::ScoreColumn, Qt::AscendingOrder);
            view.table()->selectRow(0);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(
                view.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/news_tab.png")));
        }
    }

    void trainingCrossValidatesStoresAndScores()
    {
        // 24 labelled headlines, half positive, half negative, in a project of their own.
        const QString path = m_dir.filePath(QStringLiteral("train.mlens"));
        QVERIFY(core::ProjectStore::create(path.toStdString()));
        const QString csv = m_dir.filePath(QStringLiteral("labelled.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("date,headline,label\n");
            for (int i = 0; i < 12; ++i) {
                f.write(QStringLiteral("2024-02-%1,Company %2 reports record profit and strong "
                                       "growth,positive\n")
                            .arg(i + 1, 2, 10, QLatin1Char('0'))
                            .arg(QChar('A' + i))
                            .toUtf8());
                f.write(QStringLiteral("2024-03-%1,Company %2 warns of heavy losses and weak "
                                       "demand,negative\n")
                            .arg(i + 1, 2, 10, QLatin1Char('0'))
                            .arg(QChar('A' + i))
                            .toUtf8());
            }
        }
        NewsController controller;
        QSignalSpy finished(&controller, &NewsController::finished);
        QSignalSpy progress(&controller, &NewsController::trainProgress);
        QVERIFY(controller.importNews(path, {csv}));
        QVERIFY(waitFinished(finished, 1));
        QVERIFY(finished.first().at(1).toBool());
        QCOMPARE(count(path), 24);

        ui::SentimentTrainRequest request;
        request.projectPath = path;
        request.kind = models::TextModelKind::Bow;
        request.folds = 3;
        request.epochs = 5;
        request.seed = 7;
        request.name = QStringLiteral("test bow");
        QVERIFY(controller.train(request));
        QCOMPARE(controller.runningJob(), NewsJob::Train);
        QVERIFY(waitFinished(finished, 2));
        QVERIFY2(finished.at(1).at(1).toBool(), controller.error().toString().c_str());
        const ui::SentimentTrainResult& r = controller.trainResult();
        QCOMPARE(r.examples, 24);
        QCOMPARE(r.validation.folds, 3);
        QCOMPARE(int(r.validation.perFold.size()), 3);
        std::int64_t held = 0;
        for (const auto& fold : r.validation.perFold)
            held += fold.testSize;
        QCOMPARE(held, 24); // every item held out once
        QVERIFY(r.modelId > 0);
        QCOMPARE(r.modelKey, QStringLiteral("model:%1").arg(r.modelId));
        QCOMPARE(r.name, QStringLiteral("test bow"));
        QVERIFY(progress.count() > 0);
        {
            auto store = core::ProjectStore::open(path.toStdString());
            QVERIFY(store);
            auto available = models::availableSentimentModels(*store);
            QVERIFY(available);
            QVERIFY(std::any_of(
                available->begin(), available->end(), [&](const models::SentimentModelInfo& i) {
                    return i.modelKey == r.modelKey.toStdString();
                }));
        }
        // The stored model scores every item; the lexicon's scores are not touched.
        QVERIFY(controller.score(path, r.modelKey));
        QVERIFY(waitFinished(finished, 3));
        QVERIFY2(finished.at(2).at(1).toBool(), controller.error().toString().c_str());
        QCOMPARE(controller.scoreResult().itemsScored, 24);
        auto store = core::ProjectStore::open(path.toStdString());
        QVERIFY(store);
        auto scores = cn::loadScores(*store, r.modelKey.toStdString());
        QVERIFY(scores);
        QCOMPARE(int(scores->size()), 24);
        // The result dialog shows the folds and a verdict.
        ui::SentimentTrainResultDialog dialog(r);
        QVERIFY(!dialog.verdictText().isEmpty());
        const QByteArray shots = qgetenv("MARKETLENS_NEWS_SHOTS");
        if (!shots.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(
                QString::fromLocal8Bit(shots) + QStringLiteral("/train_result.png")));
            ui::SentimentTrainDialog settings(24);
            settings.show();
            QVERIFY(QTest::qWaitForWindowExposed(&settings));
            QVERIFY(settings.grab().save(
                QString::fromLocal8Bit(shots) + QStringLiteral("/train_dialog.png")));
        }
    }

    void droppedNewsAndPricesGoToTheirImports()
    {
        ui::MainWindow w;
        QVERIFY(w.newProject());
        QSignalSpy news(w.newsView()->controller(), &NewsController::finished);
        QSignalSpy prices(&w, &ui::MainWindow::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixture("news_reuters21578_acq_crude.csv")),
            QUrl::fromLocalFile(QStringLiteral(MARKETLENS_TEST_DATA "/msft_ohlcv.csv"))});
        const QPoint pos = w.rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(waitFinished(news, 1));
        QVERIFY(news.first().at(1).toBool());
        QVERIFY(waitFinished(prices, 1));
        QVERIFY(prices.first().first().toBool());
        QCOMPARE(w.newsView()->model()->rowCount(), 70);
        QCOMPARE(w.instrumentsModel()->rowCount(), 1); // MSFT_OHLCV
        // The project tree's News node counts the items and opens the News tab.
        ui::ProjectTree* tree = w.projectTree();
        QTreeWidgetItem* node = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->data(0, ui::ProjectTree::KindRole).toInt()
                == ui::ProjectTree::NewsItem)
                node = tree->topLevelItem(i);
        }
        QVERIFY(node);
        QCOMPARE(node->text(1), QStringLiteral("70"));
        QSignalSpy activated(tree, &ui::ProjectTree::newsActivated);
        Q_EMIT tree->itemActivated(node, 0);
        QCOMPARE(activated.count(), 1);
        auto* tabs = qobject_cast<QTabWidget*>(w.centralWidget());
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(w.newsView()));
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("News"));
        const QByteArray shots = qgetenv("MARKETLENS_NEWS_SHOTS");
        if (!shots.isEmpty()) {
            w.resize(1440, 900);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.newsView()->table()->selectRow(3);
            QVERIFY(
                w.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/news_window.png")));
        }
    }
};

QTEST_MAIN(TestNewsController)
#include "test_news_controller.moc"
