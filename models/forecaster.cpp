// Forecasting pipeline: features -> windows -> pinball training -> scoring beside the baselines on
// the same test origins -> a complete ModelRecord; forecasts from a stored record. The network
// predicts scaled cumulative log returns; prices are P[t] * exp(invert(quantile)).
#include "models/forecaster.h"

#include "core/project_store.h"
#include "models/forecaster_detail.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace marketlens::models {

namespace cf = core::forecast;
using core::ErrorCode;
using core::makeError;

namespace detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString k(const char* key)
{
    return QString::fromLatin1(key);
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// Index of quantile level `q` in `levels`, -1 when absent.
int levelIndex(const std::vector<double>& levels, double q)
{
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (std::abs(levels[i] - q) < 1e-9)
            return static_cast<int>(i);
    }
    return -1;
}

// The level used as the point forecast: the median, or the level nearest to it.
int pointIndex(const std::vector<double>& levels)
{
    int best = -1;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (best < 0 || std::abs(levels[i] - 0.5) < std::abs(levels[std::size_t(best)] - 0.5))
            best = static_cast<int>(i);
    }
    return best;
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

} // namespace

std::string displayName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Mlp:
        return "MLP";
    case ModelKind::Cnn:
        return "1D-CNN";
    case ModelKind::Lstm:
        return "LSTM";
    case ModelKind::Gru:
        return "GRU";
    case ModelKind::Transformer:
        return "Transformer";
    }
    return modelKindName(kind);
}

core::Result<NetworkSpec> forecasterSpec(const ForecastConfig& config, std::size_t features)
{
    NetworkSpec spec = config.network;
    spec.features = static_cast<int>(features);
    if (spec.quantiles.empty())
        return makeError(ErrorCode::InvalidArgument,
            "a forecaster needs quantile levels (an empty list makes a classifier)");
    std::sort(spec.quantiles.begin(), spec.quantiles.end());
    for (double q : spec.quantiles) {
        if (!(q > 0.0 && q < 1.0))
            return makeError(ErrorCode::InvalidArgument, "quantile levels must lie in (0, 1)");
    }
    if (spec.window < 1 || spec.horizon < 1)
        return makeError(ErrorCode::InvalidArgument, "window and horizon must be at least 1");
    return spec;
}

core::Result<std::vector<cf::PathForecast>> modelPaths(const ScriptModel& model,
    const cf::FeatureMatrix& fm, const ModelInputs& in, const std::vector<std::size_t>& origins)
{
    const int nf = static_cast<int>(fm.cols());
    const int nq = static_cast<int>(in.quantiles.size());
    const int h = in.horizon;
    if (in.targetScaler.mean.size() != std::size_t(h))
        return makeError(ErrorCode::InvalidArgument,
            "the target scaler has " + std::to_string(in.targetScaler.mean.size())
                + " columns for a horizon of " + std::to_string(h));
    const int point = pointIndex(in.quantiles);
    const int lo80 = levelIndex(in.quantiles, 0.10), hi80 = levelIndex(in.quantiles, 0.90);
    const int lo95 = levelIndex(in.quantiles, 0.025), hi95 = levelIndex(in.quantiles, 0.975);
    std::vector<cf::PathForecast> out;
    out.reserve(origins.size());
    constexpr std::size_t kBatch = 256; // bounds the input tensor for long test parts
    std::vector<double> q(std::size_t(std::max(nq, 0)));
    for (std::size_t first = 0; first < origins.size(); first += kBatch) {
        const std::size_t n = std::min(kBatch, origins.size() - first);
        std::vector<float> x;
        x.reserve(n * std::size_t(in.window) * std::size_t(nf));
        for (std::size_t i = first; i < first + n; ++i) {
            const std::vector<float> w = cf::windowAt(fm, in.featureScaler, in.window, origins[i]);
            if (w.empty())
                return makeError(ErrorCode::InvalidArgument,
                    "no input window of " + std::to_string(in.window) + " rows ends at row "
                        + std::to_string(origins[i]) + " (too few rows, or the feature scaler has "
                        + std::to_string(in.featureScaler.mean.size()) + " columns for "
                        + std::to_string(nf) + " features)");
            x.insert(x.end(), w.begin(), w.end());
        }
        std::vector<std::int64_t> shape;
        auto y = model.run(x, static_cast<int>(n), in.window, nf, &shape);
        if (!y)
            return y.error();
        if (shape.size() != 3 || shape[1] != h || shape[2] != nq)
            return makeError(ErrorCode::InvalidArgument,
                "the model outputs [batch, " + std::to_string(shape.size() == 3 ? shape[1] : 0)
                    + ", " + std::to_string(shape.size() == 3 ? shape[2] : 0)
                    + "] but its record promises horizon " + std::to_string(h) + " and "
                    + std::to_string(nq) + " quantiles");
        for (float v : *y) {
            if (!std::isfinite(v))
                return makeError(ErrorCode::BadData, "the model's output is not finite (NaN/inf)");
        }
        for (std::size_t i = 0; i < n; ++i) {
            const double origin = fm.prices[origins[first + i]];
            cf::PathForecast p;
            for (auto* v : {&p.point, &p.lo80, &p.hi80, &p.lo95, &p.hi95})
                v->assign(std::size_t(h), kNaN);
            for (int hh = 0; hh < h; ++hh) {
                const float* row
                    = y->data() + (i * std::size_t(h) + std::size_t(hh)) * std::size_t(nq);
                q.assign(row, row + nq);
                std::sort(q.begin(), q.end()); // no quantile crossing
                const auto price = [&](int j) {
                    return j < 0 ? kNaN
                                 : origin
                            * std::exp(in.targetScaler.invert(std::size_t(hh), q[std::size_t(j)]));
                };
                const std::size_t s = std::size_t(hh);
                p.point[s] = price(point);
                p.lo80[s] = price(lo80);
                p.hi80[s] = price(hi80);
                p.lo95[s] = price(lo95);
                p.hi95[s] = price(hi95);
            }
            out.push_back(std::move(p));
        }
    }
    return out;
}

std::vector<cf::ErrorAccumulator> scoreOrigins(const cf::FeatureMatrix& fm,
    const std::vector<cf::PathForecast>& model, const std::vector<std::size_t>& origins,
    int horizon, std::size_t trainBegin, std::size_t trainEnd, const cf::BaselineParams& params)
{
    const std::vector<double> trainPrices(fm.prices.begin() + std::ptrdiff_t(trainBegin),
        fm.prices.begin() + std::ptrdiff_t(trainEnd));
    const double scale = cf::naiveScale(trainPrices);
    std::vector<cf::ErrorAccumulator> acc(
        1 + cf::allBaselines().size(), cf::ErrorAccumulator(scale));
    std::vector<std::optional<cf::FittedBaseline>> fitted;
    for (cf::BaselineKind kind : cf::allBaselines()) {
        auto f = cf::fitBaseline(kind, trainPrices, params);
        fitted.push_back(f ? std::optional<cf::FittedBaseline>(std::move(*f)) : std::nullopt);
    }
    const auto add = [&](cf::ErrorAccumulator& a, const cf::PathForecast& p, std::size_t t) {
        for (int h = 1; h <= horizon; ++h) {
            const std::size_t s = std::size_t(h - 1);
            a.add(fm.prices[t], fm.prices[t + std::size_t(h)], p.point[s], p.lo80[s], p.hi80[s],
                p.lo95[s], p.hi95[s]);
        }
    };
    for (std::size_t i = 0; i < origins.size(); ++i) {
        const std::size_t t = origins[i];
        add(acc[0], model[i], t);
        for (std::size_t b = 0; b < fitted.size(); ++b) {
            if (fitted[b])
                add(acc[b + 1], cf::forecastBaseline(*fitted[b], fm.prices.data(), t + 1, horizon),
                    t);
        }
    }
    return acc;
}

std::vector<std::string> forecasterNames(ModelKind kind)
{
    std::vector<std::string> names {modelKindName(kind)};
    for (cf::BaselineKind b : cf::allBaselines())
        names.push_back(cf::baselineName(b));
    return names;
}

Evaluation makeEvaluation(
    ModelKind kind, std::vector<cf::ForecastErrors> errors, const std::string& where)
{
    Evaluation ev;
    const std::vector<std::string> names = forecasterNames(kind);
    for (std::size_t i = 0; i < errors.size() && i < names.size(); ++i)
        ev.scores.push_back({names[i], i == 0, errors[i]});
    const cf::ForecastErrors& m = ev.scores[0].errors;
    const cf::ForecastErrors& n = ev.scores[1].errors; // naive follows the model
    const bool maseBetter = std::isfinite(m.mase) && std::isfinite(n.mase) ? m.mase < n.mase : true;
    ev.beatsNaive = m.count > 0 && std::isfinite(m.mae) && std::isfinite(n.mae) && m.mae < n.mae
        && maseBetter;
    const std::string name = displayName(kind);
    const std::string figures = "(MASE " + fmt(m.mase) + " vs " + fmt(n.mase) + ", MAE "
        + fmt(m.mae) + " vs " + fmt(n.mae) + ")";
    if (m.count == 0)
        ev.verdict = name + " made no forecast " + where + " to compare with the naive forecast.";
    else if (ev.beatsNaive)
        ev.verdict = name + " beats the naive forecast " + where + " " + figures + ".";
    else
        ev.verdict = name + " does not beat the naive forecast " + where + " " + figures
            + ": the last price is at least as good a forecast.";
    return ev;
}

QJsonObject errorsJson(const cf::ForecastErrors& e)
{
    QJsonObject o;
    o[k("count")] = static_cast<qint64>(e.count);
    o[k("mae")] = number(e.mae);
    o[k("rmse")] = number(e.rmse);
    o[k("mape")] = number(e.mape);
    o[k("smape")] = number(e.smape);
    o[k("mase")] = number(e.mase);
    o[k("directional")] = number(e.directional);
    o[k("coverage80")] = number(e.coverage80);
    o[k("coverage95")] = number(e.coverage95);
    return o;
}

} // namespace detail

namespace {

using detail::k;
using detail::number;

std::string compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

const char* deviceName(Device d)
{
    switch (d) {
    case Device::Cpu:
        return "cpu";
    case Device::Cuda:
        return "cuda";
    case Device::Auto:
        break;
    }
    return "auto";
}

std::string hyperParamsJson(const NetworkSpec& spec, const ForecastConfig& config)
{
    QJsonObject net;
    net[k("kind")] = QString::fromStdString(modelKindName(spec.kind));
    net[k("window")] = spec.window;
    net[k("features")] = spec.features;
    net[k("horizon")] = spec.horizon;
    QJsonArray q;
    for (double v : spec.quantiles)
        q.append(v);
    net[k("quantiles")] = q;
    net[k("hidden")] = spec.hidden;
    net[k("layers")] = spec.layers;
    net[k("heads")] = spec.heads;
    net[k("dropout")] = spec.dropout;
    net[k("learnedPositions")] = spec.learnedPositions;
    const TrainOptions& t = config.training;
    QJsonObject train;
    train[k("epochs")] = t.epochs;
    train[k("batchSize")] = t.batchSize;
    train[k("learningRate")] = t.learningRate;
    train[k("weightDecay")] = t.weightDecay;
    train[k("clipNorm")] = t.clipNorm;
    train[k("patience")] = t.patience;
    train[k("seed")] = QString::number(t.seed);
    train[k("device")] = k(deviceName(t.device));
    train[k("objective")] = k("pinball");
    QJsonObject split;
    split[k("train")] = config.split.train;
    split[k("validation")] = config.split.validation;
    QJsonObject base;
    base[k("season")] = config.baselines.season;
    base[k("maWindow")] = config.baselines.maWindow;
    base[k("arOrder")] = config.baselines.arOrder;
    QJsonObject o;
    o[k("network")] = net;
    o[k("training")] = train;
    o[k("split")] = split;
    o[k("baselines")] = base;
    return compact(o);
}

std::string historyJson(const TrainOutcome& outcome)
{
    QJsonArray a;
    for (const EpochRecord& e : outcome.history) {
        QJsonObject o;
        o[k("epoch")] = e.epoch;
        o[k("trainLoss")] = number(e.trainLoss);
        o[k("valLoss")] = number(e.valLoss);
        o[k("learningRate")] = number(e.learningRate);
        o[k("seconds")] = number(e.seconds);
        a.append(o);
    }
    return QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
}

std::string metricsJson(const Evaluation& ev, const TrainOutcome& outcome,
    const cf::FeatureMatrix& fm, const cf::PreparedData& data)
{
    QJsonArray scores;
    for (const ScoredForecaster& s : ev.scores) {
        QJsonObject o = detail::errorsJson(s.errors);
        o[k("name")] = QString::fromStdString(s.name);
        o[k("isModel")] = s.isModel;
        scores.append(o);
    }
    QJsonObject test;
    test[k("origins")] = static_cast<qint64>(data.test.count());
    test[k("first")] = QString::fromStdString(fm.dates[data.test.endRow.front()].toIso());
    test[k("last")] = QString::fromStdString(fm.dates[data.test.endRow.back()].toIso());
    test[k("trainWindows")] = static_cast<qint64>(data.train.count());
    test[k("validationWindows")] = static_cast<qint64>(data.validation.count());
    QJsonObject training;
    training[k("bestEpoch")] = outcome.bestEpoch;
    training[k("bestValLoss")] = number(outcome.bestValLoss);
    training[k("stoppedEarly")] = outcome.stoppedEarly;
    training[k("epochsRun")] = static_cast<qint64>(outcome.history.size());
    QJsonObject o;
    o[k("part")] = k("test");
    o[k("test")] = test;
    o[k("forecasters")] = scores;
    o[k("beatsNaive")] = ev.beatsNaive;
    o[k("verdict")] = QString::fromStdString(ev.verdict);
    o[k("training")] = training;
    return compact(o);
}

core::Date nextBusinessDay(core::Date d)
{
    do
        d = core::Date(d.days() + 1);
    while (d.dayOfWeek() >= 6);
    return d;
}

} // namespace

core::Result<TrainedForecaster> trainForecaster(const core::PriceSeries& series,
    const ForecastConfig& config, const TrainProgressFn& progress, const std::atomic_bool* cancel)
{
    const std::vector<std::string> features
        = config.features.empty() ? cf::defaultFeatures(series) : config.features;
    auto fm = cf::computeFeatures(
        series, features, config.sentiment.empty() ? nullptr : &config.sentiment);
    if (!fm)
        return fm.error();
    auto spec = detail::forecasterSpec(config, fm->cols());
    if (!spec)
        return spec.error();
    auto data = cf::prepareWindows(*fm, spec->window, spec->horizon, config.split);
    if (!data)
        return data.error();

    TrainData td;
    td.xTrain = data->train.x;
    td.yTrain = data->train.y;
    td.xVal = data->validation.x;
    td.yVal = data->validation.y;
    td.nTrain = data->train.count();
    td.nVal = data->validation.count();
    auto outcome = trainNetwork(*spec, td, config.training, Objective::Pinball, progress, cancel);
    if (!outcome)
        return outcome.error();
    if (cancel && cancel->load())
        return makeError(ErrorCode::Cancelled, "training cancelled");

    detail::ModelInputs in {
        spec->window, spec->horizon, spec->quantiles, data->featureScaler, data->targetScaler};
    const std::vector<std::size_t>& origins = data->test.endRow;
    auto paths = detail::modelPaths(outcome->model, *fm, in, origins);
    if (!paths)
        return paths.error();
    // Baselines and the MASE scale see the training part's prices only (rows before the
    // validation part), like the scalers.
    const auto acc = detail::scoreOrigins(
        *fm, *paths, origins, spec->horizon, 0, data->validationStartRow, config.baselines);
    std::vector<cf::ForecastErrors> errors;
    for (const cf::ErrorAccumulator& a : acc)
        errors.push_back(a.errors());
    TrainedForecaster result;
    result.evaluation = detail::makeEvaluation(spec->kind, std::move(errors), "on the test part");

    cf::ModelRecord& r = result.record;
    r.kind = modelKindName(spec->kind);
    r.origin = "trained";
    r.ticker = series.ticker;
    r.name = (series.ticker.empty() ? std::string() : series.ticker + " ") + r.kind + " h"
        + std::to_string(spec->horizon);
    r.createdUtc = core::utcNowIso();
    r.features = fm->names;
    r.window = spec->window;
    r.horizon = spec->horizon;
    r.quantiles = spec->quantiles;
    r.featureScaler = data->featureScaler;
    r.targetScaler = data->targetScaler;
    r.hyperParamsJson = hyperParamsJson(*spec, config);
    r.seed = config.training.seed;
    r.trainFirst = fm->dates[data->train.endRow.front()];
    r.trainLast = fm->dates[data->train.endRow.back()];
    // The training part's prices (every input and target of the training windows): rows
    // [0, validationStartRow) = up to the row of trainLast + horizon (trainingDataChanged).
    r.dataHash = cf::dataHash(*fm, data->validationStartRow);
    r.metricsJson = metricsJson(result.evaluation, *outcome, *fm, *data);
    r.historyJson = historyJson(*outcome);
    r.trainSeconds = outcome->seconds;
    r.device = outcome->device;
    auto bytes = outcome->model.toBytes();
    if (!bytes)
        return bytes.error();
    r.weights = std::move(*bytes);
    result.outcome = std::move(*outcome);
    return result;
}

core::Result<bool> trainingDataChanged(
    const cf::ModelRecord& record, const core::PriceSeries& series)
{
    if (record.dataHash.empty() || !record.trainLast || record.horizon < 1)
        return false; // nothing to compare (an imported model without a training range)
    // The hash covers dates and prices only, and "sentiment" drops no row: leave it out so no
    // index is needed here.
    std::vector<std::string> features = record.features;
    std::erase(features, std::string("sentiment"));
    if (features.empty())
        features = {"logret"};
    auto fm = cf::computeFeatures(series, features);
    if (!fm)
        return fm.error();
    const auto it = std::lower_bound(fm->dates.begin(), fm->dates.end(), *record.trainLast);
    if (it == fm->dates.end() || *it != *record.trainLast)
        return true; // the last training date is gone
    const std::size_t rowEnd
        = std::size_t(it - fm->dates.begin()) + std::size_t(record.horizon) + 1;
    if (rowEnd > fm->rows())
        return true;
    return cf::dataHash(*fm, rowEnd) != record.dataHash;
}

core::Result<Forecast> forecastWith(const cf::ModelRecord& record,
    const core::PriceSeries& series, long originRow,
    const std::vector<core::news::DailySentiment>* sentiment)
{
    if (record.kind.rfind("signal_", 0) == 0)
        return makeError(ErrorCode::InvalidArgument,
            "model '" + record.name + "' is a trading-signal classifier (kind " + record.kind
                + "), not a forecaster: use 'marketlens signals' (docs/signals.md)");
    if (record.quantiles.empty())
        return makeError(ErrorCode::InvalidArgument,
            "model '" + record.name + "' is a classifier, not a forecaster");
    if (record.window < 1 || record.horizon < 1)
        return makeError(ErrorCode::InvalidArgument, "the model's window and horizon must be >= 1");
    auto fm = cf::computeFeatures(series, record.features, sentiment);
    if (!fm)
        return fm.error();
    const std::size_t rows = fm->rows();
    if (originRow >= 0 && std::size_t(originRow) >= rows)
        return makeError(ErrorCode::InvalidArgument,
            "origin row " + std::to_string(originRow) + " is past the last of "
                + std::to_string(rows) + " feature rows");
    const std::size_t t = originRow >= 0 ? std::size_t(originRow) : rows - 1;
    auto model = ScriptModel::fromBytes(record.weights);
    if (!model)
        return model.error();
    std::vector<double> levels = record.quantiles;
    if (!std::is_sorted(levels.begin(), levels.end()))
        return makeError(ErrorCode::InvalidArgument, "the model's quantile levels are not sorted");
    const detail::ModelInputs in {
        record.window, record.horizon, levels, record.featureScaler, record.targetScaler};
    auto paths = detail::modelPaths(*model, *fm, in, {t});
    if (!paths)
        return paths.error();

    Forecast f;
    f.originDate = fm->dates[t];
    f.originPrice = fm->prices[t];
    f.model = std::move((*paths)[0]);
    core::Date d = f.originDate;
    for (int h = 0; h < record.horizon; ++h) {
        d = nextBusinessDay(d);
        f.dates.push_back(d);
    }
    // The naive forecast's bands use the volatility of everything known at the origin.
    const std::vector<double> known(fm->prices.begin(), fm->prices.begin() + std::ptrdiff_t(t + 1));
    if (auto naive = cf::fitBaseline(cf::BaselineKind::Naive, known)) {
        f.naive = cf::forecastBaseline(*naive, known.data(), known.size(), record.horizon);
    } else { // a single known price: the level without bands
        f.naive.point.assign(std::size_t(record.horizon), f.originPrice);
        for (auto* v : {&f.naive.lo80, &f.naive.hi80, &f.naive.lo95, &f.naive.hi95})
            v->assign(std::size_t(record.horizon), std::numeric_limits<double>::quiet_NaN());
    }
    return f;
}

} // namespace marketlens::models
