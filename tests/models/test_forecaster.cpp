// Forecasting pipeline: a small network trained on series with known structure (an AR(1) process
// of log returns, a noisy sine) beats the naive forecast on the test part, scored beside all five
// baselines on the same origins (naive's errors checked against a hand computation); a record
// saved into a project and reloaded forecasts bit for bit the same; prices after the training
// part do not move the scalers; walk-forward folds tile the test rows in time order; cancel.
#include "models/forecaster.h"

#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/forecaster_detail.h"
#include "models/script_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace marketlens;
using namespace marketlens::models;
namespace cf = marketlens::core::forecast;

namespace {

// Business days from Monday 2010-01-04, prices 100 * exp(cumulative log returns).
core::PriceSeries seriesFromReturns(const std::vector<double>& logReturns, const char* ticker)
{
    core::PriceSeries s;
    s.ticker = ticker;
    core::Date d = *core::Date::fromYmd(2010, 1, 4);
    double logPrice = std::log(100.0);
    for (double r : logReturns) {
        logPrice += r;
        s.dates.push_back(d);
        const double p = std::exp(logPrice);
        for (auto* v : {&s.open, &s.high, &s.low, &s.close, &s.adjClose})
            v->push_back(p);
        s.volume.push_back(std::nan(""));
        do
            d = core::Date(d.days() + 1);
        while (d.dayOfWeek() >= 6);
    }
    return s;
}

// r_t = phi * r_{t-1} + e_t, e ~ N(0, sigma): tomorrow's return is 60 % predictable from today's.
core::PriceSeries arSeries(std::size_t n, double phi, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.01);
    std::vector<double> r(n);
    double prev = 0.0;
    for (double& x : r) {
        x = phi * prev + noise(rng);
        prev = x;
    }
    return seriesFromReturns(r, "AR1");
}

// log P_t = log 100 + 0.05 sin(2 pi t / 20) + N(0, 0.003) noise.
core::PriceSeries sineSeries(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.003);
    std::vector<double> r(n);
    double prevLevel = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const double level = 0.05 * std::sin(2.0 * M_PI * double(t) / 20.0) + noise(rng);
        r[t] = level - prevLevel;
        prevLevel = level;
    }
    return seriesFromReturns(r, "SINE");
}

ForecastConfig smallConfig(ModelKind kind, int window, int horizon, int epochs)
{
    ForecastConfig c;
    c.network.kind = kind;
    c.network.window = window;
    c.network.horizon = horizon;
    c.network.hidden = 16;
    c.network.layers = 1;
    c.network.dropout = 0.0;
    c.training.epochs = epochs;
    c.training.batchSize = 32;
    c.training.learningRate = 3e-3;
    c.training.patience = 4;
    c.training.seed = 11;
    c.training.device = Device::Cpu;
    c.training.progressIntervalMs = 0;
    return c;
}

const ScoredForecaster& score(const Evaluation& ev, const std::string& name)
{
    for (const ScoredForecaster& s : ev.scores) {
        if (s.name == name)
            return s;
    }
    static const ScoredForecaster none;
    return none;
}

bool bitEqual(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

bool bitEqual(const cf::PathForecast& a, const cf::PathForecast& b)
{
    return bitEqual(a.point, b.point) && bitEqual(a.lo80, b.lo80) && bitEqual(a.hi80, b.hi80)
        && bitEqual(a.lo95, b.lo95) && bitEqual(a.hi95, b.hi95);
}

} // namespace

class TestForecaster : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // The test part's origins and naive errors computed here from the data conventions alone.
    void checkEvaluation(
        const core::PriceSeries& series, const ForecastConfig& config, const TrainedForecaster& t)
    {
        const auto& ev = t.evaluation;
        const std::vector<std::string> names {modelKindName(config.network.kind), "naive", "drift",
            "seasonal_naive", "moving_average", "linear_ar"};
        QCOMPARE(ev.scores.size(), names.size());
        auto fm = cf::computeFeatures(series, cf::defaultFeatures(series));
        QVERIFY(fm);
        auto data
            = cf::prepareWindows(*fm, config.network.window, config.network.horizon, config.split);
        QVERIFY(data);
        const std::size_t h = std::size_t(config.network.horizon);
        const std::size_t expected = data->test.count() * h;
        QVERIFY(expected > 500);
        for (std::size_t i = 0; i < names.size(); ++i) {
            QCOMPARE(ev.scores[i].name, names[i]);
            QCOMPARE(ev.scores[i].isModel, i == 0);
            QCOMPARE(ev.scores[i].errors.count, expected); // the same origins for everyone
        }
        double absSum = 0;
        for (std::size_t t0 : data->test.endRow)
            for (std::size_t j = 1; j <= h; ++j)
                absSum += std::abs(fm->prices[t0 + j] - fm->prices[t0]);
        const double naiveMae = absSum / double(expected);
        double scale = 0;
        for (std::size_t r = 1; r < data->validationStartRow; ++r)
            scale += std::abs(fm->prices[r] - fm->prices[r - 1]);
        scale /= double(data->validationStartRow - 1);
        const auto& naive = score(ev, "naive").errors;
        QVERIFY(std::abs(naive.mae - naiveMae) < 1e-9 * naiveMae);
        QVERIFY(std::abs(naive.mase - naiveMae / scale) < 1e-9);
        // The record: complete, and its metrics JSON holds every forecaster.
        const cf::ModelRecord& r = t.record;
        QCOMPARE(r.id, std::int64_t {0});
        QCOMPARE(r.origin, std::string("trained"));
        QCOMPARE(r.kind, names[0]);
        QCOMPARE(r.ticker, series.ticker);
        QVERIFY(r.features == fm->names);
        QCOMPARE(r.window, config.network.window);
        QCOMPARE(r.horizon, config.network.horizon);
        QVERIFY(r.quantiles == defaultQuantiles());
        QVERIFY(r.featureScaler.mean == data->featureScaler.mean);
        QVERIFY(r.targetScaler.std == data->targetScaler.std);
        QCOMPARE(r.seed, config.training.seed);
        QVERIFY(r.trainFirst == fm->dates[data->train.endRow.front()]);
        QVERIFY(r.trainLast == fm->dates[data->train.endRow.back()]);
        QCOMPARE(r.dataHash, cf::dataHash(*fm, data->validationStartRow)); // training part
        QCOMPARE(*trainingDataChanged(r, series), false);
        QCOMPARE(r.device, std::string("cpu"));
        QVERIFY(r.weights.size() > 1000);
        QVERIFY(r.trainSeconds > 0);
        const QJsonObject m
            = QJsonDocument::fromJson(QByteArray::fromStdString(r.metricsJson)).object();
        const QJsonArray f = m.value(QStringLiteral("forecasters")).toArray();
        QCOMPARE(f.size(), 6);
        QCOMPARE(f[1].toObject().value(QStringLiteral("mae")).toDouble(), naive.mae);
        QCOMPARE(m.value(QStringLiteral("beatsNaive")).toBool(), ev.beatsNaive);
        QCOMPARE(m.value(QStringLiteral("verdict")).toString().toStdString(), ev.verdict);
        const QJsonArray history
            = QJsonDocument::fromJson(QByteArray::fromStdString(r.historyJson)).array();
        QCOMPARE(std::size_t(history.size()), t.outcome.history.size());
        const QJsonObject hyper
            = QJsonDocument::fromJson(QByteArray::fromStdString(r.hyperParamsJson)).object();
        QCOMPARE(hyper.value(QStringLiteral("network"))
                     .toObject()
                     .value(QStringLiteral("hidden"))
                     .toInt(),
            config.network.hidden);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void arProcessBeatsNaive()
    {
        const core::PriceSeries series = arSeries(1600, 0.6, 1);
        const ForecastConfig config = smallConfig(ModelKind::Mlp, 10, 3, 25);
        auto t = trainForecaster(series, config);
        QVERIFY2(t, t ? "" : t.error().toString().c_str());
        checkEvaluation(series, config, *t);
        const auto& model = t->evaluation.scores[0].errors;
        const auto& naive = score(t->evaluation, "naive").errors;
        qInfo("%s", t->evaluation.verdict.c_str());
        qInfo("AR(1): MLP MASE %.4f, naive %.4f, linear AR %.4f; coverage80 %.3f, 95 %.3f",
            model.mase, naive.mase, score(t->evaluation, "linear_ar").errors.mase, model.coverage80,
            model.coverage95);
        QVERIFY2(model.mase < naive.mase, t->evaluation.verdict.c_str());
        QVERIFY(t->evaluation.beatsNaive);
        QVERIFY2(t->evaluation.verdict.find("MLP beats the naive forecast on the test part") == 0,
            t->evaluation.verdict.c_str());
        // A predictable sign: the model gets the direction right more often than a coin.
        QVERIFY(model.directional > 0.55);
        // The bands are calibrated roughly (wide tolerance: a small network, few epochs).
        QVERIFY(model.coverage80 > 0.6 && model.coverage80 < 0.95);
        QVERIFY(model.coverage95 > model.coverage80);
    }

    void sineBeatsNaive()
    {
        const core::PriceSeries series = sineSeries(1400, 2);
        const ForecastConfig config = smallConfig(ModelKind::Lstm, 20, 5, 20);
        auto t = trainForecaster(series, config);
        QVERIFY2(t, t ? "" : t.error().toString().c_str());
        checkEvaluation(series, config, *t);
        const auto& model = t->evaluation.scores[0].errors;
        const auto& naive = score(t->evaluation, "naive").errors;
        qInfo("sine: LSTM MASE %.4f, naive %.4f, seasonal naive %.4f", model.mase, naive.mase,
            score(t->evaluation, "seasonal_naive").errors.mase);
        QVERIFY2(model.mase < 0.7 * naive.mase, t->evaluation.verdict.c_str());
        QVERIFY(t->evaluation.beatsNaive);
    }

    // Every architecture goes through the whole pipeline: train, score, forecast.
    void everyKindTrainsAndForecasts()
    {
        const core::PriceSeries series = arSeries(400, 0.6, 13);
        for (ModelKind kind : allModelKinds()) {
            ForecastConfig config = smallConfig(kind, 8, 2, 1);
            config.network.hidden = 8;
            config.network.heads = 2;
            auto t = trainForecaster(series, config);
            QVERIFY2(t, t ? "" : t.error().toString().c_str());
            QCOMPARE(t->record.kind, modelKindName(kind));
            QCOMPARE(t->evaluation.scores.size(), std::size_t(6));
            QVERIFY(t->evaluation.scores[0].errors.count > 0);
            auto f = forecastWith(t->record, series);
            QVERIFY2(f, f ? "" : f.error().toString().c_str());
            QCOMPARE(f->model.point.size(), std::size_t(2));
            QVERIFY(std::isfinite(f->model.point[1]) && f->model.point[1] > 0);
        }
    }

    // White noise cannot be forecast: the verdict must say so plainly when naive is not beaten.
    void verdictSaysWhenNaiveIsNotBeaten()
    {
        const core::PriceSeries series = arSeries(700, 0.0, 3);
        ForecastConfig config = smallConfig(ModelKind::Mlp, 10, 2, 2);
        auto t = trainForecaster(series, config);
        QVERIFY2(t, t ? "" : t.error().toString().c_str());
        const auto& ev = t->evaluation;
        qInfo("%s", ev.verdict.c_str());
        const bool worse = ev.scores[0].errors.mae >= score(ev, "naive").errors.mae;
        QCOMPARE(ev.beatsNaive, !worse);
        if (worse)
            QVERIFY2(ev.verdict.find("MLP does not beat the naive forecast on the test part") == 0,
                ev.verdict.c_str());
        else
            QVERIFY2(ev.verdict.find("MLP beats the naive forecast") == 0, ev.verdict.c_str());

        // Both sentences from given errors: MAE/MASE above naive's is "does not beat".
        std::vector<cf::ForecastErrors> errors(6);
        for (auto& e : errors) {
            e.count = 10;
            e.mae = 1.85;
            e.mase = 0.925;
        }
        errors[0].mae = 1.92;
        errors[0].mase = 0.96;
        Evaluation worseEv = detail::makeEvaluation(ModelKind::Lstm, errors, "on the test part");
        QVERIFY(!worseEv.beatsNaive);
        QCOMPARE(worseEv.verdict,
            std::string("LSTM does not beat the naive forecast on the test part (MASE 0.96 vs "
                        "0.925, MAE 1.92 vs 1.85): the last price is at least as good a "
                        "forecast."));
        QCOMPARE(worseEv.scores.size(), std::size_t(6));
        QCOMPARE(worseEv.scores[5].name, std::string("linear_ar"));
        errors[0].mae = 1.85; // a tie is not a win
        errors[0].mase = 0.925;
        QVERIFY(!detail::makeEvaluation(ModelKind::Lstm, errors, "x").beatsNaive);
        errors[0].mae = 1.5;
        errors[0].mase = 0.75;
        Evaluation better = detail::makeEvaluation(ModelKind::Cnn, errors, "over 3 folds");
        QVERIFY(better.beatsNaive);
        QCOMPARE(better.verdict,
            std::string("1D-CNN beats the naive forecast over 3 folds (MASE "
                        "0.75 vs 0.925, MAE 1.5 vs 1.85)."));
    }

    void saveReloadForecastsIdentically()
    {
        const core::PriceSeries series = arSeries(700, 0.6, 4);
        const ForecastConfig config = smallConfig(ModelKind::Gru, 12, 4, 2);
        auto t = trainForecaster(series, config);
        QVERIFY2(t, t ? "" : t.error().toString().c_str());
        auto before = forecastWith(t->record, series);
        QVERIFY2(before, before ? "" : before.error().toString().c_str());
        auto beforeMid = forecastWith(t->record, series, 300);
        QVERIFY(beforeMid);

        const std::string path = m_dir.filePath(QStringLiteral("reload.mlens")).toStdString();
        std::int64_t id = 0;
        {
            auto store = core::ProjectStore::create(path);
            QVERIFY(store);
            auto saved = cf::saveModel(*store, t->record);
            QVERIFY(saved);
            id = *saved;
        }
        auto store = core::ProjectStore::open(path);
        QVERIFY(store);
        auto loaded = cf::loadModel(*store, id);
        QVERIFY(loaded);
        auto after = forecastWith(*loaded, series);
        QVERIFY2(after, after ? "" : after.error().toString().c_str());
        auto afterMid = forecastWith(*loaded, series, 300);
        QVERIFY(afterMid);
        for (const auto& [a, b] :
            {std::pair {&*before, &*after}, std::pair {&*beforeMid, &*afterMid}}) {
            QVERIFY(bitEqual(a->model, b->model));
            QVERIFY(bitEqual(a->naive, b->naive));
            QVERIFY(a->dates == b->dates);
            QCOMPARE(a->originPrice, b->originPrice);
        }

        // The forecast from the last date: business days after the last price, the naive path
        // flat at the last price, and the model's median recomputed here by hand from the
        // network's output and the stored scalers.
        const Forecast& f = *after;
        QVERIFY(f.originDate == series.dates.back());
        QCOMPARE(f.originPrice, series.adjClose.back());
        QCOMPARE(f.dates.size(), std::size_t(4));
        QVERIFY(f.dates[0] > f.originDate);
        for (std::size_t i = 0; i < f.dates.size(); ++i) {
            QVERIFY(f.dates[i].dayOfWeek() <= 5);
            if (i > 0)
                QVERIFY(f.dates[i] > f.dates[i - 1]);
            QCOMPARE(f.naive.point[i], f.originPrice);
            QVERIFY(f.model.lo95[i] <= f.model.lo80[i] && f.model.lo80[i] <= f.model.point[i]);
            QVERIFY(f.model.point[i] <= f.model.hi80[i] && f.model.hi80[i] <= f.model.hi95[i]);
        }
        auto fm = cf::computeFeatures(series, loaded->features);
        QVERIFY(fm);
        auto net = ScriptModel::fromBytes(loaded->weights);
        QVERIFY(net);
        const auto x = cf::windowAt(*fm, loaded->featureScaler, loaded->window, fm->rows() - 1);
        std::vector<std::int64_t> shape;
        auto y = net->run(x, 1, loaded->window, int(fm->cols()), &shape);
        QVERIFY(y);
        QCOMPARE(shape, (std::vector<std::int64_t> {1, 4, 5}));
        for (std::size_t h = 0; h < 4; ++h) {
            std::vector<float> q(
                y->begin() + std::ptrdiff_t(h * 5), y->begin() + std::ptrdiff_t(h * 5 + 5));
            std::sort(q.begin(), q.end());
            const double expected = f.originPrice * std::exp(loaded->targetScaler.invert(h, q[2]));
            QVERIFY(std::abs(f.model.point[h] - expected) <= 1e-12 * expected);
        }
        QVERIFY(beforeMid->originDate == fm->dates[300]);
    }

    // docs/project-file.md: the weights BLOB read straight from the project by PyTorch
    // (torch.jit.load(io.BytesIO(blob))) and spec_json's target scaler give the same median log
    // returns as forecastWith.
    void projectBlobLoadsInPyTorch()
    {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (!probe.waitForFinished(120000) || probe.exitCode() != 0)
            QSKIP("python3-torch is not installed (/usr/bin/python3 cannot import torch)");
        const core::PriceSeries series = arSeries(500, 0.6, 12);
        auto t = trainForecaster(series, smallConfig(ModelKind::Lstm, 8, 3, 1));
        QVERIFY(t);
        const std::string path = m_dir.filePath(QStringLiteral("py.mlens")).toStdString();
        std::int64_t id = 0;
        {
            auto store = core::ProjectStore::create(path);
            QVERIFY(store);
            id = *cf::saveModel(*store, t->record);
        }
        auto f = forecastWith(t->record, series);
        QVERIFY(f);
        auto fm = cf::computeFeatures(series, t->record.features);
        QVERIFY(fm);
        const auto x = cf::windowAt(*fm, t->record.featureScaler, 8, fm->rows() - 1);
        QStringList xs;
        for (float v : x)
            xs << QString::number(double(v), 'g', 9);
        const QString script = QStringLiteral(R"py(
import io, json, sqlite3, sys
import torch
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
blob, spec = con.execute("SELECT weights, spec_json FROM models WHERE id = ?",
                         (int(sys.argv[2]),)).fetchone()
spec = json.loads(spec)
model = torch.jit.load(io.BytesIO(blob))
model.eval()
x = torch.tensor(json.loads(sys.argv[3]), dtype=torch.float32).view(
    1, spec["window"], len(spec["features"]))
with torch.no_grad():
    z = model(x)
z, _ = torch.sort(z, dim=2)
t = spec["targetScaler"]
log_ret = z * torch.tensor(t["std"]).view(1, -1, 1) + torch.tensor(t["mean"]).view(1, -1, 1)
print(json.dumps(log_ret[0, :, spec["quantiles"].index(0.5)].tolist()))
)py");
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), script, QString::fromStdString(path), QString::number(id),
                QLatin1Char('[') + xs.join(QLatin1Char(',')) + QLatin1Char(']')});
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QJsonArray out = QJsonDocument::fromJson(py.readAllStandardOutput()).array();
        QCOMPARE(out.size(), 3);
        for (int h = 0; h < 3; ++h) {
            const double mine = std::log(f->model.point[std::size_t(h)] / f->originPrice);
            QVERIFY2(std::abs(out[h].toDouble() - mine) < 1e-6,
                qPrintable(
                    QStringLiteral("h%1: %2 vs %3").arg(h).arg(out[h].toDouble()).arg(mine)));
        }
    }

    // Prices after the training part (validation and test rows) never reach the scalers.
    void scalersIgnorePricesAfterTraining()
    {
        const core::PriceSeries series = arSeries(700, 0.6, 5);
        ForecastConfig config = smallConfig(ModelKind::Mlp, 10, 3, 1);
        auto fm = cf::computeFeatures(series, cf::defaultFeatures(series));
        QVERIFY(fm);
        auto data = cf::prepareWindows(*fm, 10, 3, config.split);
        QVERIFY(data);
        const core::Date firstAfter = fm->dates[data->validationStartRow];
        core::PriceSeries changed = series;
        std::mt19937_64 rng(9);
        std::uniform_real_distribution<double> factor(0.5, 2.0);
        for (std::size_t i = 0; i < changed.size(); ++i) {
            if (changed.dates[i] >= firstAfter)
                changed.adjClose[i] *= factor(rng);
        }
        auto a = trainForecaster(series, config);
        auto b = trainForecaster(changed, config);
        QVERIFY(a && b);
        QVERIFY(a->record.featureScaler.mean == b->record.featureScaler.mean);
        QVERIFY(a->record.featureScaler.std == b->record.featureScaler.std);
        QVERIFY(a->record.targetScaler.mean == b->record.targetScaler.mean);
        QVERIFY(a->record.targetScaler.std == b->record.targetScaler.std);
        QVERIFY(a->record.trainLast == b->record.trainLast);
        QCOMPARE(a->record.dataHash, b->record.dataHash); // the training part's prices
        QCOMPARE(*trainingDataChanged(a->record, changed), false);
        // The change is real: the test errors differ.
        QVERIFY(
            score(a->evaluation, "naive").errors.mae != score(b->evaluation, "naive").errors.mae);
        // A changed training price is a change of the model's data.
        core::PriceSeries early = series;
        early.adjClose[100] *= 1.01;
        QCOMPARE(*trainingDataChanged(a->record, early), true);
        core::PriceSeries shorter = series; // cut before the end of the training part
        for (auto* v : {&shorter.open, &shorter.high, &shorter.low, &shorter.close,
                 &shorter.adjClose, &shorter.volume})
            v->resize(300);
        shorter.dates.resize(300);
        QCOMPARE(*trainingDataChanged(a->record, shorter), true);
    }

    void walkForwardFoldsTileTheTestRows()
    {
        const core::PriceSeries series = arSeries(900, 0.6, 6);
        const ForecastConfig config = smallConfig(ModelKind::Mlp, 10, 3, 3);
        std::vector<int> epochs;
        int total = 0;
        auto report = walkForwardBacktest(series, config, 3, true, [&](const TrainProgress& p) {
            if (p.epochEnd)
                epochs.push_back(p.epoch);
            total = p.epochs;
        });
        QVERIFY2(report, report ? "" : report.error().toString().c_str());
        QCOMPARE(report->modelKind, std::string("mlp"));
        QCOMPARE(report->folds.size(), std::size_t(3));
        QCOMPARE(total, 9);
        QVERIFY(std::is_sorted(epochs.begin(), epochs.end()));
        QCOMPARE(epochs.back(), 9);
        auto fm = cf::computeFeatures(series, cf::defaultFeatures(series));
        QVERIFY(fm);
        const std::size_t endRows = fm->rows() - 3 - 9;
        std::size_t pooled = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            const BacktestFold& f = report->folds[i];
            QCOMPARE(f.fold.trainBegin, std::size_t(0)); // expanding
            QCOMPARE(f.fold.testBegin, f.fold.trainEnd + 3); // a gap of H windows
            QVERIFY(f.testFirst == fm->dates[9 + f.fold.testBegin]);
            QVERIFY(f.testLast == fm->dates[9 + f.fold.testEnd - 1]);
            if (i > 0) {
                QCOMPARE(f.fold.testBegin, report->folds[i - 1].fold.testEnd); // tiling
                QVERIFY(f.testFirst > report->folds[i - 1].testLast);
                QVERIFY(f.fold.trainEnd > report->folds[i - 1].fold.trainEnd);
            }
            QCOMPARE(f.scores.size(), std::size_t(6));
            const std::size_t n = (f.fold.testEnd - f.fold.testBegin) * 3;
            for (const ScoredForecaster& s : f.scores)
                QCOMPARE(s.errors.count, n);
            pooled += n;
        }
        QCOMPARE(report->folds.back().fold.testEnd, endRows); // up to the last usable origin
        QVERIFY(report->folds.back().testLast == fm->dates[fm->rows() - 1 - 3]);
        QCOMPARE(report->overall.scores.size(), std::size_t(6));
        for (const ScoredForecaster& s : report->overall.scores)
            QCOMPARE(s.errors.count, pooled);
        QVERIFY(report->overall.verdict.find("over 3 walk-forward folds") != std::string::npos);
        // Pooled MASE of naive: the count-weighted mean of the folds' MASEs.
        double w = 0;
        for (const BacktestFold& f : report->folds)
            w += f.scores[1].errors.mase * double(f.scores[1].errors.count);
        QVERIFY(std::abs(report->overall.scores[1].errors.mase - w / double(pooled)) < 1e-12);

        auto sliding = walkForwardBacktest(series, config, 3, false);
        QVERIFY(sliding);
        QCOMPARE(sliding->folds.size(), std::size_t(3));
        const std::size_t len = sliding->folds[0].fold.trainEnd - sliding->folds[0].fold.trainBegin;
        for (const BacktestFold& f : sliding->folds) {
            QCOMPARE(f.fold.trainEnd - f.fold.trainBegin, len);
            QCOMPARE(f.fold.testBegin,
                report->folds[std::size_t(&f - &sliding->folds[0])].fold.testBegin);
        }
        QVERIFY(sliding->folds[2].fold.trainBegin > 0);
    }

    void cancelReturnsCancelled()
    {
        const core::PriceSeries series = arSeries(700, 0.6, 7);
        const ForecastConfig config = smallConfig(ModelKind::Mlp, 10, 3, 50);
        std::atomic_bool cancel {true};
        auto t = trainForecaster(series, config, {}, &cancel);
        QVERIFY(!t);
        QCOMPARE(int(t.error().code), int(core::ErrorCode::Cancelled));
        // Cancelled from the progress callback during the first epoch.
        cancel = false;
        int calls = 0;
        t = trainForecaster(
            series, config,
            [&](const TrainProgress&) {
                if (++calls == 2)
                    cancel = true;
            },
            &cancel);
        QVERIFY(!t);
        QCOMPARE(int(t.error().code), int(core::ErrorCode::Cancelled));
        auto b = walkForwardBacktest(
            series, config, 3, true, [&](const TrainProgress&) { cancel = true; }, &cancel);
        QVERIFY(!b);
        QCOMPARE(int(b.error().code), int(core::ErrorCode::Cancelled));
    }

    void badInputsAreErrors()
    {
        const core::PriceSeries series = arSeries(400, 0.6, 8);
        ForecastConfig config = smallConfig(ModelKind::Mlp, 10, 3, 1);
        config.network.quantiles.clear();
        QCOMPARE(int(trainForecaster(series, config).error().code),
            int(core::ErrorCode::InvalidArgument));
        config = smallConfig(ModelKind::Mlp, 10, 3, 1);
        QVERIFY(!trainForecaster(arSeries(30, 0.6, 8), config)); // too short for every part
        QVERIFY(!walkForwardBacktest(series, config, 0, true));
        QVERIFY(!walkForwardBacktest(series, config, 400, true));

        auto t = trainForecaster(series, config);
        QVERIFY(t);
        cf::ModelRecord r = t->record;
        r.weights = "not a TorchScript file";
        auto f = forecastWith(r, series);
        QVERIFY(!f);
        QCOMPARE(int(f.error().code), int(core::ErrorCode::BadData));
        r = t->record;
        r.horizon = 7; // the network outputs 3 horizons
        r.targetScaler.mean.resize(7, 0.0);
        r.targetScaler.std.resize(7, 1.0);
        f = forecastWith(r, series);
        QVERIFY(!f);
        QCOMPARE(int(f.error().code), int(core::ErrorCode::InvalidArgument));
        r = t->record;
        r.featureScaler.mean.pop_back();
        r.featureScaler.std.pop_back();
        QVERIFY(!forecastWith(r, series));
        QVERIFY(!forecastWith(t->record, series, long(series.size()) + 5));
        r = t->record;
        r.quantiles.clear();
        QCOMPARE(int(forecastWith(r, series).error().code), int(core::ErrorCode::InvalidArgument));
    }
};

QTEST_GUILESS_MAIN(TestForecaster)
#include "test_forecaster.moc"
