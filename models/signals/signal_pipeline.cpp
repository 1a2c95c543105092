// Training and evaluation of a trading-signal classifier (signal_pipeline.h, docs/signals.md):
// the time-series search, the chronological or walk-forward fits, metrics next to the
// baselines, the backtest, permutation importance and the stored record. Prediction and
// explanation of stored records are in signal_explain.cpp.
#include "models/signals/signal_pipeline.h"

#include "core/project_store.h"
#include "models/signals/signal_pipeline_detail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace marketlens::models::signals {

namespace cs = core::signals;
namespace cf = core::forecast;
using core::ErrorCode;
using core::makeError;

namespace {

QString k(const char* key)
{
    return QString::fromLatin1(key);
}
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}
QJsonObject objectOf(const std::string& json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}
QString iso(core::Date d)
{
    return QString::fromStdString(d.toIso());
}

// "0.05", "4", "0.1": the shortest text that reads back as the value.
std::string shortNumber(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string describe(ClassifierKind kind, const ClassifierParams& p)
{
    switch (kind) {
    case ClassifierKind::RandomForest:
        return "trees=" + std::to_string(p.trees)
            + " max_depth=" + std::to_string(p.maxDepth > 0 ? p.maxDepth : 8)
            + " colsample=" + shortNumber(p.colsample);
    case ClassifierKind::GradientBoosting:
        return "trees=" + std::to_string(p.trees)
            + " max_depth=" + std::to_string(p.maxDepth > 0 ? p.maxDepth : 3)
            + " eta=" + shortNumber(p.learningRate);
    case ClassifierKind::Svm:
        return "C=" + shortNumber(p.svmC)
            + " gamma=" + (p.svmGamma > 0 ? shortNumber(p.svmGamma) : std::string("scale"));
    case ClassifierKind::Logistic:
        return "C=" + shortNumber(p.logitC);
    case ClassifierKind::Mlp: {
        std::string h;
        for (int u : p.hidden)
            h += (h.empty() ? "" : ",") + std::to_string(u);
        return "hidden=" + h + " epochs=" + std::to_string(p.epochs);
    }
    }
    return {};
}

// The search grid (docs/signals.md): a few values of the one or two settings that matter most
// per kind, everything else as given.
std::vector<ClassifierParams> searchGrid(ClassifierKind kind, const ClassifierParams& base)
{
    std::vector<ClassifierParams> out;
    switch (kind) {
    case ClassifierKind::GradientBoosting:
        for (int depth : {2, 3, 4})
            for (double eta : {0.05, 0.1}) {
                ClassifierParams p = base;
                p.maxDepth = depth;
                p.learningRate = eta;
                out.push_back(p);
            }
        break;
    case ClassifierKind::RandomForest:
        for (int depth : {4, 8})
            for (double col : {0.5, 0.8}) {
                ClassifierParams p = base;
                p.maxDepth = depth;
                p.colsample = col;
                out.push_back(p);
            }
        break;
    case ClassifierKind::Svm:
        for (double c : {0.5, 1.0, 4.0}) {
            ClassifierParams p = base;
            p.svmC = c;
            out.push_back(p);
        }
        break;
    case ClassifierKind::Logistic:
        for (double c : {0.1, 1.0, 10.0}) {
            ClassifierParams p = base;
            p.logitC = c;
            out.push_back(p);
        }
        break;
    case ClassifierKind::Mlp:
        for (const std::vector<int>& h : {std::vector<int> {16}, std::vector<int> {32, 16}}) {
            ClassifierParams p = base;
            p.hidden = h;
            out.push_back(p);
        }
        break;
    }
    return out;
}

std::vector<int> labelsOf(const cs::SignalDataset& data, std::size_t begin, std::size_t end)
{
    return std::vector<int>(
        data.labels.begin() + std::ptrdiff_t(begin), data.labels.begin() + std::ptrdiff_t(end));
}

// Progress and cancellation of one training job, in steps of the whole job.
class Steps {
public:
    Steps(const core::Progress& progress, const std::atomic_bool* cancel, std::int64_t total)
        : m_progress(progress)
        , m_cancel(cancel)
        , m_total(total)
    {
    }
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    // Reports the current step again (inside a fit); false to cancel.
    bool poll() const { return !cancelled() && core::reportProgress(m_progress, m_done, m_total); }
    bool advance()
    {
        ++m_done;
        return poll();
    }
    FitProgress fitProgress() const
    {
        return [this](int, int) { return poll(); };
    }

private:
    const core::Progress& m_progress;
    const std::atomic_bool* m_cancel;
    std::int64_t m_total;
    std::int64_t m_done = 0;
};

core::Error cancelled()
{
    return makeError(ErrorCode::Cancelled, "signal training cancelled");
}

struct FittedModel {
    std::unique_ptr<SignalClassifier> classifier;
    cf::Scaler scaler;
};

// Fits a classifier on rows [begin, end) with a scaler fitted on those rows.
core::Result<FittedModel> fitOn(const cs::SignalDataset& data, ClassifierKind kind,
    const ClassifierParams& params, std::size_t begin, std::size_t end, const Steps& steps)
{
    FittedModel m;
    m.scaler = detail::fitRowScaler(data, begin, end);
    m.classifier = makeClassifier(kind, params);
    if (!m.classifier)
        return makeError(ErrorCode::InvalidArgument,
            "the " + kindLabel(kind) + " classifier is not available in this build");
    const FeatureRows x = detail::scaledRows(data, m.scaler, begin, end);
    auto fitted
        = m.classifier->fit(x, labelsOf(data, begin, end), data.label.classes, steps.fitProgress());
    if (!fitted)
        return steps.cancelled() || fitted.error().code == ErrorCode::Cancelled ? cancelled()
                                                                                : fitted.error();
    return m;
}

core::Result<std::vector<double>> probaOn(
    const cs::SignalDataset& data, const FittedModel& m, std::size_t begin, std::size_t end)
{
    return m.classifier->predictProba(detail::scaledRows(data, m.scaler, begin, end));
}

// Mean accuracy of each candidate over expanding folds inside the training rows [b, e).
core::Result<std::vector<SearchCandidate>> runSearch(const cs::SignalDataset& data,
    const SignalConfig& config, std::size_t b, std::size_t e,
    const std::vector<ClassifierParams>& grid, Steps& steps)
{
    const int folds = std::max(1, config.searchFolds);
    // As sklearn's TimeSeriesSplit: k test parts of about m / (k + 1) rows each, after a first
    // training part of the same size, with the label gap before each test part.
    auto splits = cs::walkForwardSplits(
        e - b, double(folds) / double(folds + 1), folds, data.label.horizon, true);
    if (!splits)
        return makeError(ErrorCode::InvalidArgument,
            "too few training rows for a " + std::to_string(folds) + "-fold search ("
                + splits.error().message + "); turn the search off");
    std::vector<SearchCandidate> out;
    for (const ClassifierParams& p : grid) {
        double sum = 0;
        for (const cs::SignalSplit& s : *splits) {
            auto m = fitOn(data, config.kind, p, b + s.trainBegin, b + s.trainEnd, steps);
            if (!m)
                return m.error();
            auto proba = probaOn(data, *m, b + s.testBegin, b + s.testEnd);
            if (!proba)
                return proba.error();
            sum += detail::accuracyOf(
                *proba, data.label.classes, labelsOf(data, b + s.testBegin, b + s.testEnd));
            if (!steps.advance())
                return cancelled();
        }
        SearchCandidate c;
        c.paramsJson = p.toJson();
        c.description = describe(config.kind, p);
        c.cvAccuracy = sum / double(splits->size());
        out.push_back(std::move(c));
    }
    // The first best in grid order.
    std::size_t best = 0;
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].cvAccuracy > out[best].cvAccuracy)
            best = i;
    out[best].chosen = true;
    return out;
}

QJsonObject metricsObject(const cs::ClassificationMetrics& m)
{
    QJsonObject o;
    o[k("name")] = QString::fromStdString(m.name);
    o[k("count")] = qint64(m.count);
    o[k("accuracy")] = number(m.accuracy);
    o[k("precision")] = number(m.precision);
    o[k("recall")] = number(m.recall);
    o[k("f1")] = number(m.f1);
    o[k("rocAuc")] = number(m.rocAuc);
    QJsonArray rows;
    for (const std::vector<long>& r : m.confusion) {
        QJsonArray row;
        for (long v : r)
            row.append(qint64(v));
        rows.append(row);
    }
    o[k("confusion")] = rows;
    return o;
}

QJsonObject statsObject(const cs::StrategyStats& s)
{
    QJsonObject o;
    o[k("name")] = QString::fromStdString(s.name);
    o[k("totalReturn")] = number(s.totalReturn);
    o[k("annualReturn")] = number(s.annualReturn);
    o[k("annualVolatility")] = number(s.annualVolatility);
    o[k("sharpe")] = number(s.sharpe);
    o[k("maxDrawdown")] = number(s.maxDrawdown);
    o[k("turnover")] = number(s.turnover);
    o[k("hitRate")] = number(s.hitRate);
    o[k("exposure")] = number(s.exposure);
    o[k("trades")] = qint64(s.trades);
    o[k("costsPaid")] = number(s.costsPaid);
    return o;
}

QJsonObject pointObject(const SignalPoint& p, int classes)
{
    QJsonObject o;
    o[k("date")] = iso(p.date);
    o[k("signal")] = p.predicted;
    o[k("up")] = p.predicted == classes - 1;
    o[k("probaUp")] = number(p.probaUp);
    o[k("truth")] = p.truth;
    return o;
}

std::string metricsJson(const cs::SignalDataset& data, const SignalConfig& config,
    const SignalEvaluation& ev, const SignalPoint& latest)
{
    QJsonObject o;
    const int classes = data.label.classes;
    o[k("classes")] = classes;
    o[k("horizon")] = data.label.horizon;
    o[k("threshold")] = data.label.threshold;
    o[k("testRows")] = qint64(ev.testPoints.size());
    o[k("testFirst")] = iso(ev.testPoints.front().date);
    o[k("testLast")] = iso(ev.testPoints.back().date);
    o[k("walkForwardFolds")] = config.walkForwardFolds;
    o[k("expanding")] = config.expanding;
    QJsonArray splits;
    for (const cs::SignalSplit& s : ev.splits) {
        QJsonObject so;
        so[k("trainRows")] = QJsonArray {qint64(s.trainBegin), qint64(s.trainEnd)};
        so[k("testRows")] = QJsonArray {qint64(s.testBegin), qint64(s.testEnd)};
        so[k("trainFirst")] = iso(data.dates[s.trainBegin]);
        so[k("trainLast")] = iso(data.dates[s.trainEnd - 1]);
        so[k("testFirst")] = iso(data.dates[s.testBegin]);
        so[k("testLast")] = iso(data.dates[s.testEnd - 1]);
        splits.append(so);
    }
    o[k("splits")] = splits;
    o[k("model")] = metricsObject(ev.metrics.model);
    o[k("majority")] = metricsObject(ev.metrics.majority);
    o[k("alwaysUp")] = metricsObject(ev.metrics.alwaysUp);
    o[k("beatsBaselines")] = ev.metrics.beatsBaselines;
    o[k("pValue")] = number(ev.metrics.pValue);
    o[k("verdict")] = QString::fromStdString(ev.metrics.verdict);

    QJsonObject bt;
    const cs::BacktestSettings& bs = config.backtest;
    bt[k("mode")] = bs.mode == cs::PositionMode::LongShort ? k("long/short") : k("long/flat");
    bt[k("costBps")] = bs.costBps;
    bt[k("slippageBps")] = bs.slippageBps;
    bt[k("annualisationDays")] = bs.annualisationDays;
    bt[k("signal")] = statsObject(ev.backtest.strategy);
    bt[k("buyAndHold")] = statsObject(ev.backtest.buyAndHold);
    bt[k("beatsBuyAndHold")] = ev.backtest.beatsBuyAndHold;
    bt[k("verdict")] = QString::fromStdString(ev.backtest.verdict);
    o[k("backtest")] = bt;

    QJsonArray imp;
    for (const FeatureImportance& f : ev.importance) {
        QJsonObject fo;
        fo[k("feature")] = QString::fromStdString(f.feature);
        fo[k("permutation")] = number(f.permutation);
        fo[k("permutationStd")] = number(f.permutationStd);
        fo[k("meanAbsAttribution")]
            = f.meanAbsAttribution >= 0 ? number(f.meanAbsAttribution) : QJsonValue();
        imp.append(fo);
    }
    o[k("importance")] = imp;
    o[k("permutationRepeats")] = config.permutationRepeats;
    o[k("attributionMethod")] = QString::fromStdString(ev.attributionMethod);
    QJsonArray search;
    for (const SearchCandidate& c : ev.search) {
        QJsonObject co;
        co[k("description")] = QString::fromStdString(c.description);
        co[k("cvAccuracy")] = number(c.cvAccuracy);
        co[k("chosen")] = c.chosen;
        co[k("params")] = objectOf(c.paramsJson);
        search.append(co);
    }
    o[k("search")] = search;
    o[k("searchFolds")] = config.search ? config.searchFolds : 0;
    o[k("latest")] = pointObject(latest, classes);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

std::string hyperParamsJson(const cs::SignalDataset& data, const ClassifierParams& params)
{
    QJsonObject o;
    o[k("params")] = objectOf(params.toJson());
    QJsonObject label;
    label[k("horizon")] = data.label.horizon;
    label[k("classes")] = data.label.classes;
    label[k("threshold")] = data.label.threshold;
    o[k("label")] = label;
    o[k("market")] = QString::fromStdString(data.market);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

core::Status checkInputs(const cs::SignalDataset& data, const SignalConfig& config)
{
    if (data.cols() == 0 || data.rows() == 0 || data.values.size() != data.rows() * data.cols()
        || data.labels.size() != data.rows() || data.nextReturns.size() != data.rows()
        || data.prices.size() != data.rows())
        return makeError(ErrorCode::InvalidArgument,
            "the signal dataset of '" + data.ticker + "' is empty or inconsistent");
    if (data.label.classes != 2 && data.label.classes != 3)
        return makeError(ErrorCode::InvalidArgument, "signal models have 2 or 3 classes");
    if (data.label.horizon < 1)
        return makeError(ErrorCode::InvalidArgument, "the label horizon must be >= 1");
    if (!(config.testFraction > 0 && config.testFraction < 1))
        return makeError(ErrorCode::InvalidArgument, "the test fraction must be in (0, 1)");
    if (config.walkForwardFolds < 0 || config.searchFolds < 1 || config.permutationRepeats < 1)
        return makeError(ErrorCode::InvalidArgument,
            "walk-forward folds must be >= 0, search folds and permutation repeats >= 1");
    return {};
}

} // namespace

core::Result<TrainedSignalModel> trainSignalModel(const cs::SignalDataset& data,
    const SignalConfig& config, const core::Progress& progress, const std::atomic_bool* cancel)
{
    const auto started = std::chrono::steady_clock::now();
    if (auto s = checkInputs(data, config); !s)
        return s.error();
    const int classes = data.label.classes;
    const std::size_t n = data.labelledRows();
    auto splitList = config.walkForwardFolds > 0
        ? cs::walkForwardSplits(
            n, config.testFraction, config.walkForwardFolds, data.label.horizon, config.expanding)
        : [&]() -> core::Result<std::vector<cs::SignalSplit>> {
        auto one = cs::chronologicalSplit(n, config.testFraction, data.label.horizon);
        if (!one)
            return one.error();
        return std::vector<cs::SignalSplit> {*one};
    }();
    if (!splitList)
        return splitList.error();
    const std::vector<cs::SignalSplit>& splits = *splitList;

    ClassifierParams params = config.params;
    params.seed = config.seed;
    const std::vector<ClassifierParams> grid
        = config.search ? searchGrid(config.kind, params) : std::vector<ClassifierParams> {};
    const std::int64_t total = std::int64_t(grid.size()) * std::max(1, config.searchFolds)
        + std::int64_t(splits.size()) + std::int64_t(data.cols()) * config.permutationRepeats + 1;
    Steps steps(progress, cancel, total);
    if (!steps.poll())
        return cancelled();

    SignalEvaluation ev;
    ev.splits = splits;
    if (config.search) {
        auto search = runSearch(
            data, config, splits.front().trainBegin, splits.front().trainEnd, grid, steps);
        if (!search)
            return search.error();
        ev.search = std::move(*search);
        for (std::size_t i = 0; i < ev.search.size(); ++i)
            if (ev.search[i].chosen)
                params = grid[i];
    }

    // Every split's model on its test rows; the last one is the stored model.
    std::vector<int> truth, predicted;
    std::vector<double> proba;
    FittedModel last;
    for (const cs::SignalSplit& s : splits) {
        auto m = fitOn(data, config.kind, params, s.trainBegin, s.trainEnd, steps);
        if (!m)
            return m.error();
        auto p = probaOn(data, *m, s.testBegin, s.testEnd);
        if (!p)
            return p.error();
        const std::vector<int> argmax = cs::argmaxClasses(*p, classes);
        for (std::size_t r = s.testBegin; r < s.testEnd; ++r) {
            const std::size_t i = r - s.testBegin;
            SignalPoint pt;
            pt.date = data.dates[r];
            pt.predicted = argmax[i];
            pt.probaUp = (*p)[i * std::size_t(classes) + std::size_t(classes - 1)];
            pt.truth = data.labels[r];
            ev.testPoints.push_back(pt);
            truth.push_back(pt.truth);
            predicted.push_back(pt.predicted);
        }
        proba.insert(proba.end(), p->begin(), p->end());
        last = std::move(*m);
        if (!steps.advance())
            return cancelled();
    }
    const cs::SignalSplit& finalSplit = splits.back();

    // The majority baseline learns from the first split's training labels: rows every test
    // row comes after.
    auto cmp = cs::compareWithBaselines(kindKey(config.kind),
        labelsOf(data, splits.front().trainBegin, splits.front().trainEnd), truth, predicted, proba,
        classes);
    if (!cmp)
        return cmp.error();
    ev.metrics = std::move(*cmp);

    std::vector<core::Date> testDates;
    std::vector<double> nextReturns;
    for (const cs::SignalSplit& s : splits)
        for (std::size_t r = s.testBegin; r < s.testEnd; ++r) {
            testDates.push_back(data.dates[r]);
            nextReturns.push_back(data.nextReturns[r]);
        }
    auto bt = cs::backtestSignal(testDates, predicted, nextReturns, classes, config.backtest);
    if (!bt)
        return bt.error();
    ev.backtest = std::move(*bt);

    // Importance of the stored model on its own test rows.
    const FeatureRows testX
        = detail::scaledRows(data, last.scaler, finalSplit.testBegin, finalSplit.testEnd);
    auto importance = detail::permutationImportance(*last.classifier, testX,
        labelsOf(data, finalSplit.testBegin, finalSplit.testEnd), data.names,
        config.permutationRepeats, config.seed, [&steps]() { return steps.advance(); });
    if (!importance)
        return steps.cancelled() ? cancelled() : importance.error();
    if (auto attr = last.classifier->explain(testX); attr && attr->cols == data.cols()) {
        ev.attributionMethod = attr->method;
        for (std::size_t c = 0; c < data.cols(); ++c) {
            double sum = 0;
            for (std::size_t r = 0; r < attr->rows; ++r)
                sum += std::abs(attr->values[r * attr->cols + c]);
            (*importance)[c].meanAbsAttribution = attr->rows ? sum / double(attr->rows) : 0.0;
        }
    }
    if (steps.cancelled())
        return cancelled();
    std::stable_sort(importance->begin(), importance->end(),
        [](const FeatureImportance& a, const FeatureImportance& b) {
            return a.permutation > b.permutation;
        });
    ev.importance = std::move(*importance);
    if (!steps.advance())
        return cancelled();

    TrainedSignalModel out;
    const std::size_t lastRow = data.rows() - 1;
    auto liveProba = probaOn(data, last, lastRow, lastRow + 1);
    if (!liveProba)
        return liveProba.error();
    out.latest.date = data.dates[lastRow];
    out.latest.predicted = cs::argmaxClasses(*liveProba, classes).front();
    out.latest.probaUp = (*liveProba)[std::size_t(classes - 1)];
    out.latest.truth = data.labels[lastRow];

    auto bytes = last.classifier->serialize();
    if (!bytes)
        return bytes.error();
    cf::ModelRecord& r = out.record;
    r.kind = "signal_" + kindKey(config.kind);
    r.origin = "trained";
    r.ticker = data.ticker;
    r.name = (data.ticker.empty() ? std::string() : data.ticker + " ") + "signal "
        + kindKey(config.kind) + " h" + std::to_string(data.label.horizon);
    r.createdUtc = core::utcNowIso();
    r.features = data.names;
    r.window = 1;
    r.horizon = data.label.horizon;
    r.featureScaler = last.scaler;
    r.hyperParamsJson = hyperParamsJson(data, params);
    r.seed = config.seed;
    r.trainFirst = data.dates[finalSplit.trainBegin];
    r.trainLast = data.dates[finalSplit.trainEnd - 1];
    // The rows the stored model learnt from, up to the last price its labels read
    // (forecast::dataHash over the dataset's dates and prices, as trainingDataChanged reads it).
    cf::FeatureMatrix fm;
    fm.names = data.names;
    fm.dates = data.dates;
    fm.prices = data.prices;
    fm.values = data.values;
    fm.ticker = data.ticker;
    r.dataHash = cf::dataHash(
        fm, std::min(data.rows(), finalSplit.trainEnd + std::size_t(data.label.horizon)));
    r.metricsJson = metricsJson(data, config, ev, out.latest);
    r.historyJson = "[]";
    r.device = "cpu";
    r.weights = std::move(*bytes);
    r.trainSeconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    out.evaluation = std::move(ev);
    return out;
}

} // namespace marketlens::models::signals
