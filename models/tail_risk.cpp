// The learned tail-risk score: pooled windows of all holdings, a chronological split by date, a
// 1D-CNN classifier trained with weighted binary cross-entropy, calibration on the test part.
// Torch-free: the network is built and run through trainer.h / script_model.h.
#include "models/tail_risk.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::models {

namespace cr = core::risk;
using core::ErrorCode;
using core::makeError;

namespace {

enum class Part { Train, Validation, Test, Dropped };

struct Sample {
    std::size_t holding = 0;
    std::size_t row = 0;
    Part part = Part::Dropped;
};

// The cut dates of the pooled windows: end dates sorted, the last training date at the train
// fraction and the last validation date at train + validation.
core::Result<std::pair<core::Date, core::Date>> splitDates(
    std::vector<core::Date> ends, const TailRiskConfig& config)
{
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    const double tf = config.trainFraction, vf = config.validationFraction;
    if (!(tf > 0.0 && vf > 0.0 && tf + vf < 1.0))
        return makeError(ErrorCode::InvalidArgument,
            "the train and validation fractions must be positive and leave a test "
            "part");
    const std::size_t n = ends.size();
    const auto trainEnd = std::size_t(std::floor(tf * double(n)));
    const auto valEnd = std::size_t(std::floor((tf + vf) * double(n)));
    if (n < 30 || trainEnd < 10 || valEnd <= trainEnd + 5 || valEnd + 5 >= n)
        return makeError(ErrorCode::InvalidArgument,
            "too few dates with a tail-risk label (" + std::to_string(n)
                + ") for a train, validation and test part");
    return std::make_pair(ends[trainEnd - 1], ends[valEnd - 1]);
}

// Identifies the data a model was trained on, so a stored model can tell if the prices changed.
std::string hashOf(const std::vector<cr::TailSeries>& series)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const cr::TailSeries& ts : series) {
        h.addData(QByteArrayView(ts.ticker.data(), qsizetype(ts.ticker.size() + 1)));
        h.addData(QByteArrayView(reinterpret_cast<const char*>(ts.dates.data()),
            qsizetype(ts.dates.size() * sizeof(core::Date))));
        h.addData(QByteArrayView(reinterpret_cast<const char*>(ts.returns.data()),
            qsizetype(ts.returns.size() * sizeof(double))));
    }
    return h.result().toHex().toStdString();
}

// Probabilities of windows x [n, window, 2] in chunks: sigmoid(logit - log(positiveWeight)).
core::Result<std::vector<double>> predict(
    const ScriptModel& model, const std::vector<float>& x, int window, double positiveWeight)
{
    const std::size_t per = std::size_t(window) * cr::kTailFeatures;
    const std::size_t n = x.size() / per;
    constexpr std::size_t kChunk = 4096;
    const double shift = std::log(positiveWeight);
    std::vector<double> out;
    out.reserve(n);
    for (std::size_t first = 0; first < n; first += kChunk) {
        const std::size_t count = std::min(kChunk, n - first);
        std::vector<float> chunk(x.begin() + std::ptrdiff_t(first * per),
            x.begin() + std::ptrdiff_t((first + count) * per));
        std::vector<std::int64_t> shape;
        auto logits = model.run(chunk, int(count), window, cr::kTailFeatures, &shape);
        if (!logits)
            return logits.error();
        if (logits->size() != count)
            return makeError(ErrorCode::InvalidArgument,
                "the tail-risk network gave " + std::to_string(logits->size()) + " outputs for "
                    + std::to_string(count) + " windows");
        for (float z : *logits) {
            const double p = 1.0 / (1.0 + std::exp(-(double(z) - shift)));
            out.push_back(std::clamp(p, 0.0, 1.0));
        }
    }
    return out;
}

} // namespace

core::Result<TailRiskResult> trainTailRisk(const std::vector<core::PriceSeries>& holdings,
    const TailRiskConfig& config, const TrainProgressFn& progress, const std::atomic_bool* cancel)
{
    if (holdings.empty())
        return makeError(ErrorCode::InvalidArgument, "no holdings to learn tail risk from");
    if (config.window < 2)
        return makeError(ErrorCode::InvalidArgument, "the tail-risk window needs 2 rows or more");

    cr::TailLabelOptions labelOptions;
    labelOptions.horizonDays = config.horizonDays;
    labelOptions.varLevel = config.varLevel;
    std::vector<cr::TailSeries> series;
    series.reserve(holdings.size());
    std::vector<core::Date> ends;
    for (const core::PriceSeries& h : holdings) {
        auto ts = cr::tailSeries(h, labelOptions);
        if (!ts)
            return ts.error();
        const std::size_t first = cr::firstWindowRow(*ts, config.window);
        for (std::size_t t = first; t < ts->size(); ++t) {
            if (ts->labels[t] >= 0)
                ends.push_back(ts->dates[t]);
        }
        series.push_back(std::move(*ts));
    }
    auto cuts = splitDates(std::move(ends), config);
    if (!cuts)
        return cuts.error();

    TailRiskResult result;
    result.trainLast = cuts->first;
    result.validationLast = cuts->second;
    result.trainFirst = result.trainLast;
    result.dataHash = hashOf(series);
    const auto horizon = std::size_t(config.horizonDays);

    // Windows of every holding, each scaled with its own training rows' scaler.
    TrainData data;
    std::vector<float> xTest;
    std::vector<int> yTest;
    std::size_t trainPositives = 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const cr::TailSeries& ts = series[i];
        const auto trainRows
            = std::size_t(std::upper_bound(ts.dates.begin(), ts.dates.end(), result.trainLast)
                - ts.dates.begin());
        auto scaler = cr::fitTailScaler(ts, trainRows);
        if (!scaler)
            return scaler.error();
        result.scalers.push_back(*scaler);
        const std::size_t first = cr::firstWindowRow(ts, config.window);
        for (std::size_t t = first; t < ts.size(); ++t) {
            if (ts.labels[t] < 0)
                continue;
            // The label at t reads returns up to t + horizon: that date decides the part, so no
            // training label overlaps a validation or test date.
            const core::Date end = ts.dates[t], labelEnd = ts.dates[t + horizon];
            const auto label = float(ts.labels[t]);
            if (labelEnd <= result.trainLast) {
                cr::appendTailWindow(ts, *scaler, config.window, t, data.xTrain);
                data.yTrain.push_back(label);
                trainPositives += std::size_t(ts.labels[t]);
                result.trainFirst = std::min(result.trainFirst, end);
            } else if (end > result.trainLast && labelEnd <= result.validationLast) {
                cr::appendTailWindow(ts, *scaler, config.window, t, data.xVal);
                data.yVal.push_back(label);
            } else if (end > result.validationLast) {
                cr::appendTailWindow(ts, *scaler, config.window, t, xTest);
                yTest.push_back(ts.labels[t]);
            }
        }
    }
    data.nTrain = data.yTrain.size();
    data.nVal = data.yVal.size();
    result.trainCount = data.nTrain;
    result.validationCount = data.nVal;
    if (trainPositives == 0 || trainPositives == data.nTrain)
        return makeError(
            ErrorCode::InvalidArgument, "the training part has only one class of tail-risk labels");
    const double baseRate = double(trainPositives) / double(data.nTrain);
    result.positiveWeight = double(data.nTrain - trainPositives) / double(trainPositives);

    NetworkSpec spec;
    spec.kind = ModelKind::Cnn;
    spec.window = config.window;
    spec.features = cr::kTailFeatures;
    spec.horizon = 1;
    spec.quantiles = {};
    spec.hidden = config.hidden;
    spec.layers = config.layers;
    spec.dropout = config.dropout;
    result.spec = spec;
    TrainOptions options = config.training;
    options.positiveWeight = result.positiveWeight;
    if (cancel && cancel->load())
        return makeError(ErrorCode::Cancelled, "tail-risk training cancelled");
    auto outcome
        = trainNetwork(spec, data, options, Objective::BinaryCrossEntropy, progress, cancel);
    if (!outcome)
        return outcome.error();
    result.outcome = std::move(*outcome);

    auto pTest = predict(result.outcome.model, xTest, config.window, result.positiveWeight);
    if (!pTest)
        return pTest.error();
    auto calibration = cr::calibrate(*pTest, yTest, baseRate);
    if (!calibration)
        return calibration.error();
    result.calibration = std::move(*calibration);

    // Scores from each holding's last date (its label is not known yet: that is the forecast).
    std::vector<float> xLast;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const cr::TailSeries& ts = series[i];
        if (!cr::appendTailWindow(ts, result.scalers[i], config.window, ts.size() - 1, xLast))
            return makeError(ErrorCode::InvalidArgument, ts.ticker + ": too few returns");
    }
    auto pLast = predict(result.outcome.model, xLast, config.window, result.positiveWeight);
    if (!pLast)
        return pLast.error();
    for (std::size_t i = 0; i < series.size(); ++i) {
        const cr::TailSeries& ts = series[i];
        std::size_t labelled = 0, positives = 0;
        for (int l : ts.labels) {
            labelled += l >= 0;
            positives += l == 1;
        }
        TailRiskScore score;
        score.ticker = ts.ticker;
        score.asOf = ts.dates.back();
        score.probability = (*pLast)[i];
        score.baseRate = labelled ? double(positives) / double(labelled)
                                  : std::numeric_limits<double>::quiet_NaN();
        result.scores.push_back(std::move(score));
    }
    return result;
}

} // namespace marketlens::models
