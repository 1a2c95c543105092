// The "sentiment" forecasting feature through the pipeline: on a series whose return is 0.02 x the
// news score of two business days before (plus small noise), a model given the sentiment index
// (which row t sees as of the day before t, so no same-day news leaks in) beats the
// naive forecast by far and the same model without it does not come close; the stored record
// names the feature, forecasting needs the index (and follows the last day's news), and the
// training-data check and the walk-forward backtest work with it.
#include "core/news/sentiment_index.h"
#include "models/forecaster.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens;
using namespace marketlens::models;
namespace cn = marketlens::core::news;

namespace {

struct NewsSeries {
    core::PriceSeries series;
    std::vector<cn::DailySentiment> index;
};

// Business days from Monday 2015-01-05; one news item per day at 12:00 UTC with score s_t
// (uniform in [-1, 1], the last two 0.9); r_t = 0.02 s_{t-2} + N(0, 0.002): the feature row t
// holds s_{t-1} (the index of the day before), which drives r_{t+1}. Half-life 0.01 days makes
// the decayed index the day's own score (older news weighs 0.5^100 and less).
NewsSeries newsDrivenSeries(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> score(-1.0, 1.0);
    std::normal_distribution<double> noise(0.0, 0.002);
    NewsSeries out;
    out.series.ticker = "NEWS";
    std::vector<cn::ScoredEvent> events;
    core::Date d = *core::Date::fromYmd(2015, 1, 5);
    double logPrice = std::log(100.0), prevScore = 0.0, prevPrevScore = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        logPrice += 0.02 * prevPrevScore + noise(rng);
        const double p = std::exp(logPrice);
        out.series.dates.push_back(d);
        out.series.close.push_back(p);
        out.series.adjClose.push_back(p);
        out.series.volume.push_back(std::nan(""));
        const double s = t + 2 >= n ? 0.9 : score(rng);
        events.push_back({std::int64_t(d.days()) * 86400 + 12 * 3600, s});
        prevPrevScore = prevScore;
        prevScore = s;
        do
            d = core::Date(d.days() + 1);
        while (d.dayOfWeek() >= 6);
    }
    auto index = cn::dailySentimentIndex(std::move(events), 0.01);
    if (!index)
        qFatal("%s", index.error().toString().c_str());
    out.index = std::move(*index);
    return out;
}

ForecastConfig config(std::vector<std::string> features, int epochs)
{
    ForecastConfig c;
    c.network.kind = ModelKind::Mlp;
    c.network.window = 5;
    c.network.horizon = 1;
    c.network.hidden = 32;
    c.training.epochs = epochs;
    c.training.seed = 7;
    c.training.device = Device::Cpu;
    c.training.patience = epochs;
    c.features = std::move(features);
    return c;
}

} // namespace

class TestForecasterSentiment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sentimentFeatureCarriesTheSignal()
    {
        const NewsSeries data = newsDrivenSeries(500, 11);
        ForecastConfig with = config({"logret", "sentiment"}, 40);
        with.sentiment = data.index;
        auto trained = trainForecaster(data.series, with);
        QVERIFY2(trained, trained ? "" : trained.error().toString().c_str());
        QCOMPARE(trained->record.features, (std::vector<std::string> {"logret", "sentiment"}));
        const core::forecast::ForecastErrors& model = trained->evaluation.scores[0].errors;
        const core::forecast::ForecastErrors& naive = trained->evaluation.scores[1].errors;
        QVERIFY2(trained->evaluation.beatsNaive, trained->evaluation.verdict.c_str());
        QVERIFY2(model.mase < 0.5 * naive.mase, trained->evaluation.verdict.c_str());

        // The same network without the index: no better than about naive.
        auto without = trainForecaster(data.series, config({"logret"}, 40));
        QVERIFY(without);
        qInfo("test MASE with sentiment %.3f, without %.3f, naive %.3f", model.mase,
            without->evaluation.scores[0].errors.mase, naive.mase);
        QVERIFY(without->evaluation.scores[0].errors.mase > 2.0 * model.mase);

        // Forecasting needs the index, and follows the news of the day before the origin (+0.9 ->
        // about +1.8 %).
        auto missing = forecastWith(trained->record, data.series);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.find("sentiment") != std::string::npos);
        auto f = forecastWith(trained->record, data.series, -1, &data.index);
        QVERIFY2(f, f ? "" : f.error().toString().c_str());
        QVERIFY(f->model.point[0] > f->originPrice * 1.005);
        // Whether the training data changed does not need the index.
        auto changed = trainingDataChanged(trained->record, data.series);
        QVERIFY(changed);
        QVERIFY(!*changed);
    }

    void backtestTakesTheIndexFromTheConfig()
    {
        const NewsSeries data = newsDrivenSeries(300, 5);
        ForecastConfig c = config({"logret", "sentiment"}, 2);
        auto noIndex = walkForwardBacktest(data.series, c, 2, true);
        QVERIFY(!noIndex);
        QCOMPARE(noIndex.error().code, core::ErrorCode::InvalidArgument);
        c.sentiment = data.index;
        auto report = walkForwardBacktest(data.series, c, 2, true);
        QVERIFY2(report, report ? "" : report.error().toString().c_str());
        QCOMPARE(report->folds.size(), std::size_t(2));
        QVERIFY(report->overall.scores[0].errors.count > 0);
    }
};

QTEST_GUILESS_MAIN(TestForecasterSentiment)
#include "test_forecaster_sentiment.moc"
