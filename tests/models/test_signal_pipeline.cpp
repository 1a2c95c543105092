// The trading-signal pipeline (models/signals/signal_pipeline.h) on synthetic prices whose truth
// is known: a planted signal (the stock's return from t to t+1 has the sign of the market's
// return of day t, plus noise) is learnt, beats both baselines, and its feature (mkt_ret1) ranks
// first in permutation importance; a drifting random walk does not beat the always-up baseline
// and says so. The
// stored record round-trips through the project and predicts the same probabilities; local
// explanations add up to the model's score; walk-forward folds tile the test rows with the
// label gap; cancelling stops the job.
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "core/signals/signal_features.h"
#include "models/forecaster.h"
#include "models/signals/signal_pipeline.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <random>

namespace cs = marketlens::core::signals;
namespace cf = marketlens::core::forecast;
namespace ms = marketlens::models::signals;
using marketlens::core::Date;
using marketlens::core::ErrorCode;
using marketlens::core::PriceSeries;

namespace {

constexpr std::size_t kDays = 1400;

PriceSeries seriesFromReturns(const std::vector<double>& logReturns, const char* ticker)
{
    PriceSeries s;
    s.ticker = ticker;
    Date d = *Date::fromYmd(2012, 1, 2);
    double logPrice = std::log(50.0);
    for (double r : logReturns) {
        logPrice += r;
        s.dates.push_back(d);
        s.close.push_back(std::exp(logPrice));
        for (auto* v : {&s.open, &s.high, &s.low, &s.adjClose, &s.volume})
            v->push_back(std::nan(""));
        do
            d = Date(d.days() + 1);
        while (d.dayOfWeek() >= 6);
    }
    return s;
}

std::vector<double> marketReturns(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.01);
    std::vector<double> m(kDays);
    for (double& x : m)
        x = noise(rng);
    return m;
}

// r[t+1] = 0.004 sign(m[t]) + N(0, 0.004): the next day goes the market's way 84 % of the time.
PriceSeries plantedStock(const std::vector<double>& m, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.004);
    std::vector<double> r(kDays, 0.0);
    for (std::size_t t = 1; t < kDays; ++t)
        r[t] = 0.004 * (m[t - 1] > 0 ? 1.0 : -1.0) + noise(rng);
    return seriesFromReturns(r, "PLNT");
}

// A random walk with an upward drift, independent of the market: 60 % of the days are up
// (P(N(0.0025, 0.01) > 0) = 0.599), so the always-up baseline is the one to beat and nothing in
// the features can beat it but luck.
PriceSeries randomWalk(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0025, 0.01);
    std::vector<double> r(kDays);
    for (double& x : r)
        x = noise(rng);
    return seriesFromReturns(r, "RW");
}

cs::SignalDataset dataset(const PriceSeries& stock, const std::vector<double>& m, int horizon = 1)
{
    const cs::MarketReturns market = cs::marketFromSeries(seriesFromReturns(m, "MKT"));
    cs::LabelSpec label;
    label.horizon = horizon;
    auto d = cs::buildSignalDataset(stock, label, {}, &market);
    if (!d)
        qFatal("buildSignalDataset: %s", d.error().message.c_str());
    return std::move(*d);
}

double logit(double p)
{
    return std::log(p / (1.0 - p));
}

} // namespace

class TestSignalPipeline : public QObject {
    Q_OBJECT
private:
    std::vector<double> m_market = marketReturns(11);

private Q_SLOTS:
    void kinds()
    {
        QVERIFY(ms::isSignalModelKind("signal_gbm"));
        QVERIFY(ms::isSignalModelKind("signal_mlp"));
        QVERIFY(!ms::isSignalModelKind("lstm"));
        QVERIFY(!ms::isSignalModelKind("tailrisk_cnn"));
    }

    void plantedSignalIsLearnt_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* k : {"gbm", "logit", "rf"})
            QTest::newRow(k) << QString::fromLatin1(k);
    }
    void plantedSignalIsLearnt()
    {
        QFETCH(QString, kind);
        const cs::SignalDataset data = dataset(plantedStock(m_market, 5), m_market);
        ms::SignalConfig config;
        config.kind = *ms::kindFromKey(kind.toStdString());
        auto t = ms::trainSignalModel(data, config);
        QVERIFY2(t, t ? "" : t.error().message.c_str());
        const ms::SignalEvaluation& ev = t->evaluation;
        // One chronological split: the last floor(n * 0.3) labelled rows are the test rows.
        const std::size_t n = data.labelledRows();
        QCOMPARE(ev.splits.size(), std::size_t(1));
        QCOMPARE(ev.testPoints.size(), std::size_t(std::floor(double(n) * 0.3)));
        QCOMPARE(ev.metrics.model.count, ev.testPoints.size());
        long sum = 0;
        for (const auto& row : ev.metrics.model.confusion)
            for (long v : row)
                sum += v;
        QCOMPARE(std::size_t(sum), ev.testPoints.size());
        qInfo("%s: accuracy %.4f (majority %.4f, always up %.4f), AUC %.4f; Sharpe %.2f vs %.2f",
            qPrintable(kind), ev.metrics.model.accuracy, ev.metrics.majority.accuracy,
            ev.metrics.alwaysUp.accuracy, ev.metrics.model.rocAuc, ev.backtest.strategy.sharpe,
            ev.backtest.buyAndHold.sharpe);
        // The Bayes rate is 84 %; the baselines are near 50 %.
        QVERIFY(ev.metrics.model.accuracy > 0.78);
        QVERIFY(ev.metrics.model.rocAuc > 0.8);
        QVERIFY(ev.metrics.alwaysUp.accuracy < 0.6);
        QVERIFY(ev.metrics.beatsBaselines);
        QVERIFY(ev.backtest.beatsBuyAndHold);
        QCOMPARE(ev.backtest.strategy.equity.size(), ev.testPoints.size());
        QCOMPARE(ev.importance.size(), data.cols());
        QCOMPARE(ev.importance.front().feature, std::string("mkt_ret1"));
        QVERIFY(ev.importance.front().permutation > 0.2);
        QVERIFY(ev.importance[1].permutation < ev.importance.front().permutation / 2);
        QVERIFY(!ev.attributionMethod.empty());
        QVERIFY(ev.importance.front().meanAbsAttribution > 0);
        QVERIFY(!ev.search.empty());
        int chosen = 0;
        for (const ms::SearchCandidate& c : ev.search)
            chosen += c.chosen ? 1 : 0;
        QCOMPARE(chosen, 1);
        QCOMPARE(t->latest.date, data.dates.back());
        QCOMPARE(t->latest.truth, -1);
        const cf::ModelRecord& r = t->record;
        QCOMPARE(r.kind, "signal_" + kind.toStdString());
        QCOMPARE(r.window, 1);
        QCOMPARE(r.horizon, 1);
        QVERIFY(r.quantiles.empty());
        QCOMPARE(r.features, data.names);
        QCOMPARE(r.featureScaler.mean.size(), data.cols());
        QVERIFY(!r.weights.empty());
        QCOMPARE(*r.trainLast, data.dates[ev.splits[0].trainEnd - 1]);
    }

    // Chance: five random walks (seeds 1..5) with logistic regression. Each scores within
    // chance of the always-up baseline, and none is called better: a narrow lucky win fails the
    // binomial test of the accuracy gain (signal_metrics.h) and is labelled "no edge".
    void randomWalkDoesNotBeatBaselines()
    {
        int notBeaten = 0;
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            const cs::SignalDataset data = dataset(randomWalk(seed), m_market);
            ms::SignalConfig config;
            config.kind = ms::ClassifierKind::Logistic;
            auto t = ms::trainSignalModel(data, config);
            QVERIFY2(t, t ? "" : t.error().message.c_str());
            const cs::MetricsComparison& c = t->evaluation.metrics;
            qInfo("random walk %d: accuracy %.4f (majority %.4f, always up %.4f), AUC %.4f: %s",
                int(seed), c.model.accuracy, c.majority.accuracy, c.alwaysUp.accuracy,
                c.model.rocAuc, c.verdict.c_str());
            // Binomial sd of an accuracy near 0.6 on ~400 rows is 0.025.
            QVERIFY(c.alwaysUp.accuracy > 0.53);
            QVERIFY(std::abs(c.model.accuracy - c.alwaysUp.accuracy) < 0.06);
            QVERIFY(std::abs(c.model.rocAuc - 0.5) < 0.08);
            const bool narrowWin = c.model.accuracy > c.majority.accuracy
                && c.model.accuracy > c.alwaysUp.accuracy && c.model.rocAuc > 0.5;
            QVERIFY(!c.beatsBaselines);
            QVERIFY(c.pValue > 0.05);
            QVERIFY(c.verdict.find(narrowWin ? "not significantly better" : "does not beat")
                != std::string::npos);
            ++notBeaten;
        }
        QCOMPARE(notBeaten, 5);
    }

    void recordRoundTripsAndPredictsTheSame()
    {
        const cs::SignalDataset data = dataset(plantedStock(m_market, 6), m_market);
        ms::SignalConfig config;
        config.kind = ms::ClassifierKind::GradientBoosting;
        config.search = false;
        auto t = ms::trainSignalModel(data, config);
        QVERIFY2(t, t ? "" : t.error().message.c_str());
        QTemporaryDir dir;
        auto store = marketlens::core::ProjectStore::create(
            dir.filePath(QStringLiteral("p.mlens")).toStdString());
        QVERIFY(store);
        auto id = cf::saveModel(*store, t->record);
        QVERIFY2(id, id ? "" : id.error().message.c_str());
        auto back = cf::loadModel(*store, *id);
        QVERIFY(back);
        QCOMPARE(back->kind, std::string("signal_gbm"));
        QCOMPARE(back->weights, t->record.weights);
        QCOMPARE(back->featureScaler.mean, t->record.featureScaler.mean);
        auto label = ms::recordLabelSpec(*back);
        QVERIFY(label);
        QCOMPARE(label->horizon, 1);
        QCOMPARE(label->classes, 2);
        auto points = ms::predictSignals(*back, data);
        QVERIFY2(points, points ? "" : points.error().message.c_str());
        QCOMPARE(points->size(), data.rows());
        const ms::SignalEvaluation& ev = t->evaluation;
        const std::size_t first = ev.splits[0].testBegin;
        for (std::size_t i = 0; i < ev.testPoints.size(); ++i) {
            const ms::SignalPoint& p = (*points)[first + i];
            QCOMPARE(p.date, ev.testPoints[i].date);
            QCOMPARE(p.predicted, ev.testPoints[i].predicted);
            QVERIFY(std::abs(p.probaUp - ev.testPoints[i].probaUp) < 1e-6);
            QCOMPARE(p.truth, ev.testPoints[i].truth);
        }
        QVERIFY(std::abs(points->back().probaUp - t->latest.probaUp) < 1e-6);
        // Forecasting refuses a signal record with a message naming the signals command.
        auto f = marketlens::models::forecastWith(*back, plantedStock(m_market, 6));
        QVERIFY(!f);
        QVERIFY(f.error().message.find("marketlens signals") != std::string::npos);
        // Other features than the record's are refused.
        cs::SignalDataset fewer = data;
        fewer.names.pop_back();
        QVERIFY(!ms::predictSignals(*back, fewer));
    }

    void explanationsAddUpToTheScore_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("logit") << QStringLiteral("logit");
        QTest::newRow("gbm") << QStringLiteral("gbm");
    }
    void explanationsAddUpToTheScore()
    {
        QFETCH(QString, kind);
        const cs::SignalDataset data = dataset(plantedStock(m_market, 7), m_market);
        ms::SignalConfig config;
        config.kind = *ms::kindFromKey(kind.toStdString());
        config.search = false;
        auto t = ms::trainSignalModel(data, config);
        QVERIFY2(t, t ? "" : t.error().message.c_str());
        for (std::size_t row : {std::size_t(0), data.rows() / 2, data.rows() - 1}) {
            auto e = ms::explainSignal(t->record, data, row);
            QVERIFY2(e, e ? "" : e.error().message.c_str());
            QCOMPARE(e->features, data.names);
            QCOMPARE(e->contributions.size(), data.cols());
            QCOMPARE(e->rawValues[0], data.at(row, 0));
            double score = e->base;
            for (double c : e->contributions)
                score += c;
            // Both explain the log-odds of up exactly (coefficients x inputs; TreeSHAP).
            QCOMPARE(e->unit, std::string("log-odds of up"));
            QVERIFY2(std::abs(score - logit(e->point.probaUp)) < 1e-4,
                qPrintable(QStringLiteral("%1 vs %2").arg(score).arg(logit(e->point.probaUp))));
        }
        QVERIFY(!ms::explainSignal(t->record, data, data.rows()));
    }

    void walkForwardFoldsTileTheTestRowsWithTheGap()
    {
        const int horizon = 3;
        const cs::SignalDataset data = dataset(plantedStock(m_market, 9), m_market, horizon);
        ms::SignalConfig config;
        config.kind = ms::ClassifierKind::Logistic;
        config.walkForwardFolds = 4;
        auto t = ms::trainSignalModel(data, config);
        QVERIFY2(t, t ? "" : t.error().message.c_str());
        const ms::SignalEvaluation& ev = t->evaluation;
        QCOMPARE(ev.splits.size(), std::size_t(4));
        const std::size_t n = data.labelledRows();
        QCOMPARE(ev.splits.back().testEnd, n);
        QCOMPARE(ev.splits.front().testBegin, n - std::size_t(std::floor(double(n) * 0.3)));
        std::size_t tested = 0;
        for (std::size_t i = 0; i < ev.splits.size(); ++i) {
            const cs::SignalSplit& s = ev.splits[i];
            QCOMPARE(s.trainBegin, std::size_t(0)); // expanding
            QVERIFY(s.trainEnd + std::size_t(horizon) <= s.testBegin);
            QVERIFY(s.testBegin < s.testEnd);
            if (i > 0)
                QCOMPARE(s.testBegin, ev.splits[i - 1].testEnd);
            tested += s.testEnd - s.testBegin;
        }
        QCOMPARE(ev.testPoints.size(), tested);
        for (std::size_t i = 1; i < ev.testPoints.size(); ++i)
            QVERIFY(ev.testPoints[i - 1].date < ev.testPoints[i].date);
        // The stored model is the last fold's: trained up to horizon rows before its test rows.
        QCOMPARE(*t->record.trainLast, data.dates[ev.splits.back().trainEnd - 1]);
        QCOMPARE(t->record.horizon, horizon);
    }

    void cancels()
    {
        const cs::SignalDataset data = dataset(plantedStock(m_market, 5), m_market);
        ms::SignalConfig config;
        config.kind = ms::ClassifierKind::GradientBoosting;
        std::atomic_bool stop {true};
        auto a = ms::trainSignalModel(data, config, {}, &stop);
        QVERIFY(!a);
        QCOMPARE(a.error().code, ErrorCode::Cancelled);
        std::int64_t seen = 0, total = 0;
        auto b = ms::trainSignalModel(data, config, [&](std::int64_t done, std::int64_t all) {
            seen = std::max(seen, done);
            total = all;
            return done < 3;
        });
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::Cancelled);
        QCOMPARE(seen, std::int64_t(3));
        // 6 candidates x 3 folds, 1 final fit, 5 shuffles per feature, 1 explanation.
        QCOMPARE(total, std::int64_t(6 * 3 + 1 + 5 * data.cols() + 1));
    }
};

QTEST_GUILESS_MAIN(TestSignalPipeline)
#include "test_signal_pipeline.moc"
