// Forecasting widgets fed with plain data: the models table shows the metrics of records stored
// in a project (hand-written metrics JSON in the form models::trainForecaster writes, read back
// through core::forecast::listModels), sorts numerically and says plainly whether each model
// beats naive; the forecast chart's series hold the forecast values, its 80 %/95 % bands bracket
// the median and the naive line repeats the last price; the per-fold backtest bars, the loss
// chart and the scores table hold what they were given.
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "ui/forecast/forecast_chart_view.h"
#include "ui/forecast/loss_chart_view.h"
#include "ui/forecast/models_model.h"
#include "ui/forecast/models_panel.h"
#include "ui/forecast/scores_table.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace marketlens;
namespace fc = marketlens::core::forecast;
using ui::ModelsModel;

namespace {

// Metrics JSON as models::trainForecaster stores it (docs/models.md): forecasters in order, the
// model first, errors per forecaster, beatsNaive and the verdict.
std::string metricsJson(double modelMae, double modelMase, double naiveMae, double naiveMase,
    bool beats, const char* verdict)
{
    return QStringLiteral(
        R"({"part":"test","test":{"origins":120},"forecasters":[)"
        R"({"name":"lstm","isModel":true,"count":600,"mae":%1,"rmse":2.5,"mape":1.1,)"
        R"("smape":1.1,"mase":%2,"directional":0.52,"coverage80":0.78,"coverage95":0.93},)"
        R"({"name":"naive","isModel":false,"count":600,"mae":%3,"rmse":2.9,"mape":1.3,)"
        R"("smape":1.3,"mase":%4,"directional":null,"coverage80":0.81,"coverage95":0.96},)"
        R"({"name":"drift","isModel":false,"count":600,"mae":1.9,"rmse":3.0,"mape":1.4,)"
        R"("smape":1.4,"mase":1.3,"directional":0.5,"coverage80":0.8,"coverage95":0.95}],)"
        R"("beatsNaive":%5,"verdict":"%6"})")
        .arg(modelMae)
        .arg(modelMase)
        .arg(naiveMae)
        .arg(naiveMase)
        .arg(beats ? QStringLiteral("true") : QStringLiteral("false"))
        .arg(QLatin1String(verdict))
        .toStdString();
}

fc::ModelRecord record(const char* name, const char* ticker, int horizon, const char* created)
{
    fc::ModelRecord r;
    r.name = name;
    r.kind = "lstm";
    r.origin = "trained";
    r.ticker = ticker;
    r.createdUtc = created;
    r.features = {"logret", "vol20", "dow"};
    r.window = 30;
    r.horizon = horizon;
    r.quantiles = {0.025, 0.10, 0.50, 0.90, 0.975};
    r.featureScaler.mean = {0.0, 0.01, 0.5};
    r.featureScaler.std = {0.02, 0.005, 0.35};
    r.targetScaler.mean.assign(std::size_t(horizon), 0.0);
    r.targetScaler.std.assign(std::size_t(horizon), 0.02);
    r.hyperParamsJson = "{}";
    r.seed = 7;
    r.historyJson = "[]";
    r.device = "cpu";
    r.weights = std::string("not a real module", 17);
    return r;
}

QString cell(const QAbstractItemModel& m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

class TestForecastWidgets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void metricsJsonIsParsed()
    {
        const ui::ModelMetrics m
            = core::forecast::parseStoredMetrics(metricsJson(1.25, 0.91, 1.5, 1.09, true, "LSTM wins."), "lstm");
        QCOMPARE(int(m.scores.size()), 3);
        QVERIFY(m.model());
        QCOMPARE(m.model()->name, std::string("lstm"));
        QCOMPARE(m.model()->errors.mae, 1.25);
        QCOMPARE(m.model()->errors.count, std::size_t(600));
        QCOMPARE(m.model()->errors.coverage95, 0.93);
        QVERIFY(m.find("naive"));
        QCOMPARE(m.find("naive")->errors.mase, 1.09);
        QVERIFY(std::isnan(m.find("naive")->errors.directional)); // null in the JSON
        QCOMPARE(m.scores[2].name, std::string("drift"));
        QVERIFY(m.beatsNaive.has_value() && *m.beatsNaive);
        QCOMPARE(m.verdict, std::string("LSTM wins."));
        // Without a stored verdict the rule is applied: MAE and MASE below naive's.
        std::string noFlag = metricsJson(1.6, 1.2, 1.5, 1.09, false, "x");
        noFlag.replace(noFlag.find(R"("beatsNaive":false,)"), 19, "");
        const ui::ModelMetrics n = core::forecast::parseStoredMetrics(noFlag, "lstm");
        QVERIFY(n.beatsNaive.has_value() && !*n.beatsNaive);
        QVERIFY(core::forecast::parseStoredMetrics("not json").scores.empty());
        QVERIFY(!core::forecast::parseStoredMetrics("{}").beatsNaive.has_value());
    }

    void modelsModelShowsStoredMetrics()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("m.mlens")).toStdString();
        auto created = core::ProjectStore::create(path);
        QVERIFY(created);
        auto a = record("MSFT lstm h5", "MSFT", 5, "2024-03-01T10:00:00Z");
        a.metricsJson = metricsJson(1.25, 0.91, 1.5, 1.09, true, "LSTM beats naive.");
        auto b = record("IBM lstm h3", "IBM", 3, "2024-03-02T10:00:00Z");
        b.metricsJson = metricsJson(2.75, 1.40, 2.5, 1.27, false, "LSTM does not beat naive.");
        auto c = record("KO imported", "KO", 1, "2024-03-03T10:00:00Z");
        c.origin = "imported";
        c.kind = "imported";
        c.metricsJson = "{}";
        const auto idA = fc::saveModel(*created, a);
        const auto idB = fc::saveModel(*created, b);
        const auto idC = fc::saveModel(*created, c);
        QVERIFY(idA && idB && idC);
        auto listed = fc::listModels(*created);
        QVERIFY(listed);
        QCOMPARE(int(listed->size()), 3);

        ui::ModelsPanel panel;
        panel.setRecords(std::move(*listed));
        ModelsModel& m = *panel.model();
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.columnCount(), int(ModelsModel::ColumnCount));
        const int ra = m.rowOfId(*idA), rb = m.rowOfId(*idB), rc = m.rowOfId(*idC);
        QVERIFY(ra >= 0 && rb >= 0 && rc >= 0);
        QCOMPARE(cell(m, ra, ModelsModel::NameColumn), QStringLiteral("MSFT lstm h5"));
        QCOMPARE(cell(m, ra, ModelsModel::KindColumn), QStringLiteral("LSTM"));
        QCOMPARE(cell(m, ra, ModelsModel::TickerColumn), QStringLiteral("MSFT"));
        QCOMPARE(cell(m, ra, ModelsModel::HorizonColumn), QStringLiteral("5"));
        QCOMPARE(
            m.index(ra, ModelsModel::ModelMaeColumn).data(ModelsModel::SortRole).toDouble(), 1.25);
        QCOMPARE(cell(m, ra, ModelsModel::ModelMaeColumn), QLocale().toString(1.25, 'f', 3));
        QCOMPARE(cell(m, ra, ModelsModel::NaiveMaeColumn), QLocale().toString(1.5, 'f', 3));
        QCOMPARE(cell(m, ra, ModelsModel::ModelMaseColumn), QLocale().toString(0.91, 'f', 3));
        QCOMPARE(cell(m, ra, ModelsModel::NaiveMaseColumn), QLocale().toString(1.09, 'f', 3));
        QCOMPARE(cell(m, ra, ModelsModel::BeatsNaiveColumn), QStringLiteral("yes"));
        QCOMPARE(cell(m, rb, ModelsModel::BeatsNaiveColumn), QStringLiteral("no"));
        QCOMPARE(m.index(rb, ModelsModel::BeatsNaiveColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("LSTM does not beat naive."));
        QCOMPARE(cell(m, rc, ModelsModel::KindColumn), QStringLiteral("Imported"));
        QCOMPARE(cell(m, rc, ModelsModel::ModelMaeColumn), QStringLiteral("—"));
        QCOMPARE(cell(m, rc, ModelsModel::BeatsNaiveColumn), QStringLiteral("—"));
        QCOMPARE(m.index(rb, 0).data(ModelsModel::IdRole).toLongLong(), *idB);

        // Sorting by test MAE is numeric (2.75 > 1.25), missing values first.
        QSortFilterProxyModel& proxy = *panel.proxy();
        proxy.sort(ModelsModel::ModelMaeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ModelsModel::IdRole).toLongLong(), *idC);
        QCOMPARE(proxy.index(1, 0).data(ModelsModel::IdRole).toLongLong(), *idA);
        QCOMPARE(proxy.index(2, 0).data(ModelsModel::IdRole).toLongLong(), *idB);
        proxy.sort(ModelsModel::BeatsNaiveColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ModelsModel::IdRole).toLongLong(), *idA);

        // Selection and rename.
        QSignalSpy selected(&panel, &ui::ModelsPanel::modelSelected);
        panel.selectId(*idB);
        QCOMPARE(panel.currentId(), *idB);
        QCOMPARE(selected.count(), 1);
        QSignalSpy renamed(&panel, &ui::ModelsPanel::renameRequested);
        QVERIFY(m.setData(m.index(rb, ModelsModel::NameColumn), QStringLiteral("IBM short")));
        QCOMPARE(renamed.count(), 1);
        QCOMPARE(renamed.first().at(1).toString(), QStringLiteral("IBM short"));
        QVERIFY(!m.setData(m.index(rb, ModelsModel::TickerColumn), QStringLiteral("X")));
    }

    void forecastChartHoldsForecastAndBands()
    {
        ui::ForecastChartView chart;
        chart.resize(900, 500);
        ui::ForecastChartData d;
        d.title = QStringLiteral("TEST");
        const qint64 day = 86400000LL;
        for (int i = 0; i < 250; ++i) {
            d.historyDates.push_back(qint64(19000 + i) * day);
            d.historyPrices.push_back(100.0 + std::sin(i / 10.0) * 5.0);
        }
        const double last = d.historyPrices.back();
        for (int h = 1; h <= 5; ++h) {
            d.forecastDates.push_back(qint64(19249 + h) * day);
            const double med = last * (1.0 + 0.002 * h);
            const double w = 0.8 * std::sqrt(double(h));
            d.median.push_back(med);
            d.lo80.push_back(med - w);
            d.hi80.push_back(med + w);
            d.lo95.push_back(med - 1.6 * w);
            d.hi95.push_back(med + 1.6 * w);
            d.naive.push_back(last);
        }
        chart.setData(d);
        QVERIFY(chart.placeholderText().isEmpty());
        QVERIFY(chart.historySeries() && chart.medianSeries() && chart.naiveSeries());
        QVERIFY(chart.band80() && chart.band95());
        QCOMPARE(chart.historySeries()->count(), 250);
        const auto median = chart.medianSeries()->points();
        QCOMPARE(median.size(), 6); // the origin, then horizons 1..5
        QCOMPARE(median[0].y(), last);
        QCOMPARE(median[0].x(), double(d.historyDates.back()));
        for (int h = 1; h <= 5; ++h) {
            QCOMPARE(median[h].y(), d.median[std::size_t(h - 1)]);
            QCOMPARE(median[h].x(), double(d.forecastDates[std::size_t(h - 1)]));
        }
        const auto up80 = chart.band80()->upperSeries()->points();
        const auto lo80 = chart.band80()->lowerSeries()->points();
        const auto up95 = chart.band95()->upperSeries()->points();
        const auto lo95 = chart.band95()->lowerSeries()->points();
        QCOMPARE(up80.size(), 6);
        QCOMPARE(lo95.size(), 6);
        for (int h = 1; h <= 5; ++h) {
            QVERIFY(lo80[h].y() < median[h].y() && median[h].y() < up80[h].y());
            QVERIFY(lo95[h].y() < lo80[h].y() && up80[h].y() < up95[h].y());
            QCOMPARE(up95[h].y(), d.hi95[std::size_t(h - 1)]);
            QCOMPARE(lo80[h].y(), d.lo80[std::size_t(h - 1)]);
        }
        for (const QPointF& p : chart.naiveSeries()->points())
            QCOMPARE(p.y(), last);
        // Bands drawn under the lines, the median last (on top).
        const auto series = chart.chart()->series();
        QCOMPARE(series.first(), static_cast<QAbstractSeries*>(chart.band95()));
        QCOMPARE(series.last(), static_cast<QAbstractSeries*>(chart.medianSeries()));
        QVERIFY(!chart.toImage().isNull());
        // Automatic history span: 15 rows per horizon day, at least 60 (5 days -> 75 rows);
        // every row stays in the series.
        QCOMPARE(chart.shownHistoryRows(), 75);
        auto* axisX = qobject_cast<QDateTimeAxis*>(chart.chart()->axes(Qt::Horizontal).first());
        QVERIFY(axisX);
        QCOMPARE(axisX->min().toMSecsSinceEpoch(), d.historyDates[250 - 75]);
        QVERIFY(axisX->max().toMSecsSinceEpoch() > d.forecastDates.back());
        chart.setVisibleHistory(250);
        QCOMPARE(chart.shownHistoryRows(), 250);
        QCOMPARE(axisX->min().toMSecsSinceEpoch(), d.historyDates.front());
        QCOMPARE(chart.historySeries()->count(), 250);

        QVERIFY(axisX->isVisible());
        chart.clear(QStringLiteral("nothing"));
        QVERIFY(!chart.medianSeries());
        QVERIFY(!axisX->isVisible());
        QCOMPARE(chart.placeholderText(), QStringLiteral("nothing"));
    }

    void foldChartAndScores()
    {
        ui::FoldErrorsChart folds;
        ui::FoldErrorsData d;
        d.labels = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        d.modelMae = {1.0, 2.5, 0.5};
        d.naiveMae = {1.2, 2.0, 0.7};
        d.modelName = QStringLiteral("GRU");
        folds.setData(d);
        QVERIFY(folds.modelSet() && folds.naiveSet());
        QCOMPARE(folds.modelSet()->count(), 3);
        QCOMPARE(folds.modelSet()->at(1), 2.5);
        QCOMPARE(folds.naiveSet()->at(2), 0.7);
        QCOMPARE(folds.modelSet()->label(), QStringLiteral("GRU"));

        ui::ScoresTable table;
        const ui::ModelMetrics m
            = core::forecast::parseStoredMetrics(metricsJson(1.25, 0.91, 1.5, 1.09, true, "v"), "lstm");
        table.setScores(m.scores, QStringLiteral("LSTM"));
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(table.item(0, 0)->text(), QStringLiteral("LSTM (model)"));
        QCOMPARE(table.item(0, 1)->text(), QLocale().toString(1.25, 'f', 3));
        QVERIFY(table.item(0, 1)->font().bold()); // lowest MAE
        QCOMPARE(table.item(1, 0)->text(), QStringLiteral("Naive"));
        QCOMPARE(table.item(1, 6)->text(), QStringLiteral("—")); // directional null
        QCOMPARE(table.item(0, 8)->text(), QLocale().toString(93.0, 'f', 1) + QStringLiteral(" %"));
    }

    void lossChartFollowsEpochs()
    {
        ui::LossChartView chart;
        chart.reset(10);
        std::vector<models::EpochRecord> epochs(3);
        for (int i = 0; i < 3; ++i) {
            epochs[std::size_t(i)].epoch = i + 1;
            epochs[std::size_t(i)].trainLoss = 1.0 / (i + 1);
            epochs[std::size_t(i)].valLoss = 1.2 / (i + 1);
        }
        chart.addEpochs({epochs[0]});
        chart.addEpochs({epochs[1], epochs[2]});
        QCOMPARE(chart.trainSeries()->count(), 3);
        QCOMPARE(chart.validationSeries()->at(2).y(), 0.4);
        QCOMPARE(chart.trainSeries()->at(1), QPointF(2, 0.5));
        chart.setHistory({epochs[0]}, 5);
        QCOMPARE(chart.trainSeries()->count(), 1);
    }
};

QTEST_MAIN(TestForecastWidgets)
#include "test_forecast_widgets.moc"
