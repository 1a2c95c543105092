// Load fixes in the window (issue 8, "Load") on a moderately large generated project, opened as
// a large file is (ProjectController::setCountInBackgroundBytes(0)): the open runs on a worker
// and the window adopts the project when it ends; row counts come from a background count;
// a ticker's prices and news markers, the holdings' last closes and the News tab's items arrive
// from the reader thread (ProjectController::read()) with the same values a synchronous read
// gives; a newer selection replaces an older one still being read. The News tab holds the newest
// NewsModel::kMaxLoaded items, and a ticker chosen in its filter reads that ticker's news (old
// ones included). The 25-million-price case runs in bench/ only (bench_load_gui).

#include "ui/holdings_model.h"
#include "ui/instruments_model.h"
#include "ui/main_window.h"
#include "ui/news/news_filter_model.h"
#include "ui/news/news_model.h"
#include "ui/news/news_view.h"
#include "ui/price_chart_view.h"
#include "ui/prices_tab.h"
#include "ui/project_controller.h"

#include "core/news/news_store.h"
#include "core/price_writer.h"
#include "core/project_store.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QTableView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace marketlens;
namespace cn = marketlens::core::news;

namespace {

constexpr int kTickers = 12;
constexpr int kDays = 30;
constexpr int kExtraNews = 700; // beyond NewsModel::kMaxLoaded

struct Generated {
    std::vector<std::int64_t> newsTimes; // every stored item
    std::map<std::string, int> newsPerTicker; // linked items per ticker
    std::map<std::string, double> lastClose;
    bool ok = false;
};

Generated writeProject(const QString& path)
{
    Generated g;
    auto store = core::ProjectStore::create(path.toStdString());
    if (!store)
        return g;
    core::Transaction tx(store->db());
    if (!tx.begin())
        return g;
    core::PriceWriter writer(*store);
    core::Portfolio portfolio;
    portfolio.name = "All";
    std::vector<std::string> tickers;
    for (int t = 0; t < kTickers; ++t) {
        const std::string ticker = "T" + std::to_string(10 + t);
        tickers.push_back(ticker);
        const auto id = writer.instrument(ticker);
        if (!id)
            return g;
        double close = 0.0;
        for (int d = 0; d < kDays; ++d) {
            close = 20.0 + t + 0.25 * d;
            const double v[core::kPriceFieldCount] = {close, close, close, close, close, 500.0};
            if (!writer.add(*id, core::Date(19500 + d), v))
                return g;
        }
        g.lastClose[ticker] = close;
        core::Holding h;
        h.ticker = ticker;
        h.quantity = 10.0 + t;
        portfolio.holdings.push_back(h);
    }
    if (!writer.flush() || !store->writePortfolio(portfolio))
        return g;
    // Items one minute apart; the first ticker's items are all among the oldest.
    const int count = ui::NewsModel::kMaxLoaded + kExtraNews;
    const std::int64_t t0 = std::int64_t(19500) * 86400;
    for (int n = 0; n < count; ++n) {
        cn::StoredNews item;
        item.timestamp = t0 + 60 * n;
        const std::string& ticker = n < 300 ? tickers[0] : tickers[1 + n % (kTickers - 1)];
        item.headline = ticker + " news number " + std::to_string(n);
        item.tickers.push_back({ticker, core::LinkReason::Explicit, ticker, 1});
        auto id = cn::insertNews(*store, item);
        if (!id || *id == 0)
            return g;
        g.newsTimes.push_back(item.timestamp);
        ++g.newsPerTicker[ticker];
    }
    g.ok = bool(tx.commit());
    return g;
}

} // namespace

class TestLoadViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void largeProjectInTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("load.mlens"));
        const Generated g = writeProject(path);
        QVERIFY(g.ok);

        ui::MainWindow w;
        ui::ProjectController* project = w.projectController();
        // Every file counts as large: opened, counted and read in the background.
        project->setCountInBackgroundBytes(0);
        QVERIFY(project->opensInBackground(path));
        QSignalSpy finished(project, &ui::ProjectController::openFinished);
        QSignalSpy counted(project, &ui::ProjectController::instrumentsCounted);
        const QString before = project->path();
        QVERIFY(w.openProject(path));
        // The call returned before the file was read: the previous project is still the one.
        QCOMPARE(project->path(), before);
        QVERIFY(project->isOpening());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(1).toString(), QString());
        QVERIFY(!project->isOpening());
        QCOMPARE(project->path(), QFileInfo(path).absoluteFilePath());
        QVERIFY(project->readsInBackground());
        QCOMPARE(int(project->instruments().size()), kTickers);
        QVERIFY(counted.count() == 1 || counted.wait(10000));
        for (const core::InstrumentInfo& info : project->instruments()) {
            QCOMPARE(info.priceCount, std::int64_t(kDays));
            QCOMPARE(info.firstDate->days(), 19500);
            QCOMPARE(info.lastDate->days(), 19500 + kDays - 1);
        }
        ui::InstrumentsModel* instruments = w.instrumentsModel();
        QCOMPARE(instruments->rowCount(), kTickers);
        for (int r = 0; r < kTickers; ++r)
            QCOMPARE(instruments->index(r, ui::InstrumentsModel::Rows)
                         .data(ui::InstrumentsModel::SortRole)
                         .toLongLong(),
                qlonglong(kDays));

        // The chart: the first instrument's prices arrive from the reader.
        ui::PricesTab* prices = w.pricesTab();
        QTRY_COMPARE(prices->shownTickers(), QStringList {QStringLiteral("T10")});
        QCOMPARE(w.chartView()->seriesCount(), 1);
        // Two selections in a row: the second replaces the first (its read is dropped).
        prices->selectTickers({QStringLiteral("T12")});
        prices->selectTickers({QStringLiteral("T13"), QStringLiteral("T14")});
        QTRY_COMPARE(prices->shownTickers(),
            (QStringList {QStringLiteral("T13"), QStringLiteral("T14")}));
        QCOMPARE(w.chartView()->seriesCount(), 2);
        // Their news markers: every linked item of both tickers.
        const qsizetype markers = g.newsPerTicker.at("T13") + g.newsPerTicker.at("T14");
        QTRY_COMPARE(w.chartView()->newsMarkerCount(), markers);
        QTest::qWait(200); // nothing of T12 lands later
        QCOMPARE(prices->shownTickers(),
            (QStringList {QStringLiteral("T13"), QStringLiteral("T14")}));
        // The prices read are those of the file.
        auto t13 = project->prices(QStringLiteral("T13"));
        QVERIFY(t13);
        QCOMPARE(int(t13->close.size()), kDays);
        QCOMPARE(t13->close.back(), g.lastClose.at("T13"));

        ui::NewsView* news = w.newsView();
        ui::NewsModel* model = news->model();

        // The newest kMaxLoaded items, in time order.
        QTRY_COMPARE(model->rowCount(), ui::NewsModel::kMaxLoaded);
        QVERIFY(model->isTruncated());
        std::vector<std::int64_t> times = g.newsTimes;
        std::sort(times.begin(), times.end());
        const std::int64_t oldestKept = times[times.size() - ui::NewsModel::kMaxLoaded];
        QCOMPARE(model->item(0)->timestamp, oldestKept);
        QCOMPARE(model->item(model->rowCount() - 1)->timestamp, times.back());
        QTRY_COMPARE(news->filterModel()->rowCount(), ui::NewsModel::kMaxLoaded);

        // The first ticker's items are all older than the loaded ones: choosing it reads them.
        QComboBox* tickers = news->tickerCombo();
        const int first = tickers->findData(QStringLiteral("T10"));
        QVERIFY(first > 0);
        tickers->setCurrentIndex(first);
        QTRY_COMPARE(news->filterModel()->rowCount(), g.newsPerTicker.at("T10"));
        QVERIFY(!model->isTruncated());
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->item(r)->headline.rfind("T10 ", 0) == 0);
        // Another ticker: all of its items, old and new.
        tickers->setCurrentIndex(tickers->findData(QStringLiteral("T15")));
        QTRY_COMPARE(news->filterModel()->rowCount(), g.newsPerTicker.at("T15"));
        QCOMPARE(model->rowCount(), g.newsPerTicker.at("T15"));
        // Back to all: the newest kMaxLoaded again.
        tickers->setCurrentIndex(tickers->findData(QString()));
        QTRY_VERIFY(model->isTruncated());
        QTRY_COMPARE(news->filterModel()->rowCount(), ui::NewsModel::kMaxLoaded);

        // Holdings: the last close of every holding, as written.
        ui::HoldingsModel* holdings = w.holdingsModel();
        QCOMPARE(holdings->rowCount(), kTickers);
        for (const auto& [ticker, close] : g.lastClose) {
            const int row = holdings->rowOf(QString::fromStdString(ticker));
            QVERIFY(row >= 0);
            QTRY_COMPARE(holdings->index(row, ui::HoldingsModel::LastClose)
                             .data(ui::HoldingsModel::SortRole)
                             .toDouble(),
                close);
        }
    }

    void backgroundOpenOfADamagedFileKeepsTheProject()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.mlens"));
        QVERIFY(writeProject(good).ok);
        const QString bad = dir.filePath(QStringLiteral("bad.mlens"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write(QByteArray(64 * 1024, 'x')) > 0); // not a project
        }
        ui::MainWindow w;
        ui::ProjectController* project = w.projectController();
        project->setCountInBackgroundBytes(0);
        QSignalSpy finished(project, &ui::ProjectController::openFinished);
        QVERIFY(w.openProject(good));
        QVERIFY(finished.wait(20000));
        QVERIFY(w.openProject(bad));
        QVERIFY(finished.wait(20000));
        const QString error = finished.at(1).at(1).toString();
        QVERIFY2(error.contains(QStringLiteral("bad.mlens")), qPrintable(error));
        // The good project stays open and readable.
        QCOMPARE(project->path(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(int(project->instruments().size()), kTickers);
        QTRY_VERIFY(!w.pricesTab()->shownTickers().isEmpty());
    }

    void aNewerOpenReplacesAPendingOne()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.mlens"));
        const QString b = dir.filePath(QStringLiteral("b.mlens"));
        QVERIFY(writeProject(a).ok);
        QVERIFY(writeProject(b).ok);
        ui::MainWindow w;
        ui::ProjectController* project = w.projectController();
        project->setCountInBackgroundBytes(0);
        QSignalSpy finished(project, &ui::ProjectController::openFinished);
        QSignalSpy opened(project, &ui::ProjectController::projectOpened);
        QVERIFY(w.openProject(a));
        QVERIFY(w.openProject(b)); // before a's open ended
        QTRY_COMPARE(finished.count(), 1);
        QTest::qWait(300); // a's worker ends too, but is not adopted
        QCOMPARE(finished.count(), 1);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), QFileInfo(b).absoluteFilePath());
        QCOMPARE(project->path(), QFileInfo(b).absoluteFilePath());
    }
};

QTEST_MAIN(TestLoadViews)
#include "test_load_views.moc"
