// Walk-forward backtest: folds over the usable window end rows (walkForwardFolds with a gap of H
// rows, so no training target reaches a test origin), a fresh network and fresh baselines per
// fold fitted on that fold's training rows only, and errors pooled over all folds.
#include "models/forecaster.h"

#include "models/forecaster_detail.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::models {

namespace cf = core::forecast;
using core::ErrorCode;
using core::makeError;

namespace {

// Windows and scalers of one fold, built the way prepareWindows builds the main split: the
// fold's training windows (indices into the end rows, row = window - 1 + index) are split
// chronologically into training and validation with a gap of H windows; the feature scaler is
// fitted on the feature rows before the validation part, the target scaler on the training
// windows' targets.
struct FoldData {
    TrainData data;
    cf::Scaler featureScaler, targetScaler;
};

core::Result<FoldData> foldData(const cf::FeatureMatrix& fm, const NetworkSpec& spec,
    const cf::SplitFractions& split, const cf::Fold& fold, std::size_t foldIndex)
{
    const std::size_t w = std::size_t(spec.window), h = std::size_t(spec.horizon);
    const std::size_t cols = fm.cols();
    const std::size_t n = fold.trainEnd - fold.trainBegin;
    const double share = split.validation / std::max(split.train + split.validation, 1e-12);
    const std::size_t nVal = std::max<std::size_t>(1, std::size_t(double(n) * share));
    const std::size_t valBegin = fold.trainEnd - std::min(nVal, n);
    if (valBegin < fold.trainBegin + h + 1)
        return makeError(ErrorCode::InvalidArgument,
            "fold " + std::to_string(foldIndex + 1) + " has too few training windows ("
                + std::to_string(n) + "); use fewer folds or a longer series");
    const std::size_t trainEnd = valBegin - h; // exclusive, in window indices
    const std::size_t firstRow = fold.trainBegin;
    const std::size_t valStartRow = w - 1 + valBegin;

    FoldData out;
    const std::vector<double> rows(fm.values.begin() + std::ptrdiff_t(firstRow * cols),
        fm.values.begin() + std::ptrdiff_t(valStartRow * cols));
    out.featureScaler = cf::Scaler::fit(rows, cols, valStartRow - firstRow);
    std::vector<double> targets;
    for (std::size_t i = fold.trainBegin; i < trainEnd; ++i) {
        const std::size_t t = w - 1 + i;
        for (std::size_t j = 1; j <= h; ++j)
            targets.push_back(std::log(fm.prices[t + j] / fm.prices[t]));
    }
    out.targetScaler = cf::Scaler::fit(targets, h, trainEnd - fold.trainBegin);

    const auto append = [&](std::size_t begin, std::size_t end, std::vector<float>& x,
                            std::vector<float>& y) {
        for (std::size_t i = begin; i < end; ++i) {
            const std::size_t t = w - 1 + i;
            const std::vector<float> win = cf::windowAt(fm, out.featureScaler, spec.window, t);
            x.insert(x.end(), win.begin(), win.end());
            for (std::size_t j = 1; j <= h; ++j)
                y.push_back(float(
                    out.targetScaler.apply(j - 1, std::log(fm.prices[t + j] / fm.prices[t]))));
        }
    };
    append(fold.trainBegin, trainEnd, out.data.xTrain, out.data.yTrain);
    append(valBegin, fold.trainEnd, out.data.xVal, out.data.yVal);
    out.data.nTrain = trainEnd - fold.trainBegin;
    out.data.nVal = fold.trainEnd - valBegin;
    return out;
}

} // namespace

core::Result<BacktestReport> walkForwardBacktest(const core::PriceSeries& series,
    const ForecastConfig& config, int folds, bool expanding, const TrainProgressFn& progress,
    const std::atomic_bool* cancel)
{
    if (folds < 1)
        return makeError(ErrorCode::InvalidArgument, "a walk-forward backtest needs >= 1 fold");
    const std::vector<std::string> features
        = config.features.empty() ? cf::defaultFeatures(series) : config.features;
    auto fm = cf::computeFeatures(
        series, features, config.sentiment.empty() ? nullptr : &config.sentiment);
    if (!fm)
        return fm.error();
    auto spec = detail::forecasterSpec(config, fm->cols());
    if (!spec)
        return spec.error();
    const std::size_t w = std::size_t(spec->window), h = std::size_t(spec->horizon);
    if (fm->rows() < w + h + 1)
        return makeError(ErrorCode::InvalidArgument,
            "too few prices (" + std::to_string(fm->rows()) + " usable rows) for a window of "
                + std::to_string(w) + " and a horizon of " + std::to_string(h));
    const std::size_t endRows = fm->rows() - h - (w - 1); // usable window end rows
    const double testShare = std::clamp(1.0 - config.split.train, 0.05, 0.9);
    const std::size_t testSize = std::size_t(double(endRows) * testShare / double(folds));
    const std::vector<cf::Fold> plan = cf::walkForwardFolds(endRows, folds, testSize, h, expanding);
    if (plan.empty())
        return makeError(ErrorCode::InvalidArgument,
            "too few prices for " + std::to_string(folds) + " walk-forward folds ("
                + std::to_string(endRows) + " usable windows)");

    BacktestReport report;
    report.modelKind = modelKindName(spec->kind);
    report.expanding = expanding;
    const std::size_t forecasters = 1 + cf::allBaselines().size();
    // merge() pools MASE as the mean of each forecast's error over its own fold's scale.
    std::vector<cf::ErrorAccumulator> pooled(
        forecasters, cf::ErrorAccumulator(std::numeric_limits<double>::quiet_NaN()));
    const int epochs = config.training.epochs;
    for (std::size_t f = 0; f < plan.size(); ++f) {
        if (cancel && cancel->load())
            return makeError(ErrorCode::Cancelled, "backtest cancelled");
        const cf::Fold& fold = plan[f];
        auto fd = foldData(*fm, *spec, config.split, fold, f);
        if (!fd)
            return fd.error();
        // Epochs count on across folds so that one progress bar covers the whole backtest.
        TrainProgressFn perFold;
        if (progress) {
            perFold = [&progress, f, epochs, n = plan.size()](const TrainProgress& p) {
                TrainProgress q = p;
                q.epoch = int(f) * epochs + p.epoch;
                q.epochs = int(n) * epochs;
                progress(q);
            };
        }
        auto outcome
            = trainNetwork(*spec, fd->data, config.training, Objective::Pinball, perFold, cancel);
        if (!outcome)
            return outcome.error();
        std::vector<std::size_t> origins;
        for (std::size_t i = fold.testBegin; i < fold.testEnd; ++i)
            origins.push_back(w - 1 + i);
        const detail::ModelInputs in {
            spec->window, spec->horizon, spec->quantiles, fd->featureScaler, fd->targetScaler};
        auto paths = detail::modelPaths(outcome->model, *fm, in, origins);
        if (!paths)
            return paths.error();
        // The fold's training rows: from its first window's first row to the last training
        // target, which is the row before the first test origin (gap of H windows).
        const auto acc = detail::scoreOrigins(*fm, *paths, origins, spec->horizon, fold.trainBegin,
            w - 1 + fold.testBegin, config.baselines);
        BacktestFold bf;
        bf.fold = fold;
        bf.testFirst = fm->dates[origins.front()];
        bf.testLast = fm->dates[origins.back()];
        const std::vector<std::string> names = detail::forecasterNames(spec->kind);
        for (std::size_t j = 0; j < acc.size(); ++j) {
            const cf::ForecastErrors e = acc[j].errors();
            bf.scores.push_back({names[j], j == 0, e});
            pooled[j].merge(acc[j]);
        }
        report.folds.push_back(std::move(bf));
    }
    std::vector<cf::ForecastErrors> overall;
    for (const cf::ErrorAccumulator& a : pooled)
        overall.push_back(a.errors());
    report.overall = detail::makeEvaluation(spec->kind, std::move(overall),
        "over " + std::to_string(plan.size()) + " walk-forward folds");
    return report;
}

} // namespace marketlens::models
