// Stored signal models at work (signal_pipeline.h, docs/signals.md): the classifier of a record
// reloaded with its scaler, its signals for a dataset, "why this signal" for one row, and the
// helpers the training side shares (scaling, permutation importance).
#include "models/signals/signal_pipeline.h"
#include "models/signals/signal_pipeline_detail.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <random>

namespace marketlens::models::signals {

namespace cs = core::signals;
namespace cf = core::forecast;
using core::ErrorCode;
using core::makeError;

namespace detail {

cf::Scaler fitRowScaler(const cs::SignalDataset& data, std::size_t begin, std::size_t end)
{
    const std::size_t cols = data.cols();
    const std::vector<double> part(data.values.begin() + std::ptrdiff_t(begin * cols),
        data.values.begin() + std::ptrdiff_t(end * cols));
    return cf::Scaler::fit(part, cols, end - begin);
}

FeatureRows scaledRows(
    const cs::SignalDataset& data, const cf::Scaler& scaler, std::size_t begin, std::size_t end)
{
    FeatureRows x;
    x.rows = end - begin;
    x.cols = data.cols();
    x.values.reserve(x.rows * x.cols);
    for (std::size_t r = begin; r < end; ++r)
        for (std::size_t c = 0; c < x.cols; ++c)
            x.values.push_back(scaler.apply(c, data.at(r, c)));
    return x;
}

double accuracyOf(const std::vector<double>& proba, int classes, const std::vector<int>& truth)
{
    if (truth.empty())
        return 0.0;
    const std::vector<int> predicted = cs::argmaxClasses(proba, classes);
    std::size_t right = 0;
    for (std::size_t i = 0; i < truth.size() && i < predicted.size(); ++i)
        right += predicted[i] == truth[i] ? 1 : 0;
    return double(right) / double(truth.size());
}

core::Result<std::vector<FeatureImportance>> permutationImportance(const SignalClassifier& model,
    const FeatureRows& x, const std::vector<int>& truth, const std::vector<std::string>& names,
    int repeats, std::uint64_t seed, const std::function<bool()>& step)
{
    if (x.rows == 0 || x.rows != truth.size() || names.size() != x.cols || repeats < 1)
        return makeError(ErrorCode::InvalidArgument,
            "permutation importance needs rows with labels, a name per column and repeats >= 1");
    auto base = model.predictProba(x);
    if (!base)
        return base.error();
    const double reference = accuracyOf(*base, model.classes(), truth);
    std::vector<FeatureImportance> out;
    FeatureRows shuffled = x;
    for (std::size_t c = 0; c < x.cols; ++c) {
        // One generator per column, so a column's drops do not depend on the columns before it.
        std::mt19937_64 rng(seed + c);
        std::vector<double> drops;
        for (int rep = 0; rep < repeats; ++rep) {
            std::vector<double> column(x.rows);
            for (std::size_t r = 0; r < x.rows; ++r)
                column[r] = x.at(r, c);
            // Fisher-Yates with our own index draws (std::shuffle's sequence is library-defined).
            for (std::size_t i = x.rows - 1; i > 0; --i) {
                const std::size_t j = std::size_t(rng() % (i + 1));
                std::swap(column[i], column[j]);
            }
            for (std::size_t r = 0; r < x.rows; ++r)
                shuffled.values[r * x.cols + c] = column[r];
            auto p = model.predictProba(shuffled);
            if (!p)
                return p.error();
            drops.push_back(reference - accuracyOf(*p, model.classes(), truth));
            if (step && !step())
                return makeError(ErrorCode::Cancelled, "permutation importance cancelled");
        }
        for (std::size_t r = 0; r < x.rows; ++r)
            shuffled.values[r * x.cols + c] = x.at(r, c);
        double mean = 0;
        for (double d : drops)
            mean += d;
        mean /= double(drops.size());
        double var = 0;
        for (double d : drops)
            var += (d - mean) * (d - mean);
        FeatureImportance f;
        f.feature = names[c];
        f.permutation = mean;
        f.permutationStd = std::sqrt(var / double(drops.size()));
        out.push_back(std::move(f));
    }
    return out;
}

core::Result<LoadedSignalModel> loadSignalModel(
    const cf::ModelRecord& record, const cs::SignalDataset& data)
{
    if (!isSignalModelKind(record.kind))
        return makeError(ErrorCode::InvalidArgument,
            "model '" + record.name + "' (kind " + record.kind + ") is not a signal model");
    const auto kind = kindFromKey(record.kind.substr(7));
    if (!kind)
        return makeError(ErrorCode::InvalidArgument,
            "model '" + record.name + "' has an unknown signal kind '" + record.kind + "'");
    if (record.features != data.names)
        return makeError(ErrorCode::InvalidArgument,
            "model '" + record.name + "' was trained on other features than the data has");
    if (record.featureScaler.mean.size() != data.cols())
        return makeError(ErrorCode::InvalidArgument,
            "model '" + record.name + "' has a scaler of the wrong width");
    auto label = recordLabelSpec(record);
    if (!label)
        return label.error();
    const QJsonObject hyper
        = QJsonDocument::fromJson(QByteArray::fromStdString(record.hyperParamsJson)).object();
    auto params
        = ClassifierParams::fromJson(QJsonDocument(hyper.value(QStringLiteral("params")).toObject())
                                         .toJson(QJsonDocument::Compact)
                                         .toStdString());
    if (!params)
        return params.error();
    auto classifier = loadClassifier(*kind, *params, record.weights, data.cols(), label->classes);
    if (!classifier)
        return classifier.error();
    LoadedSignalModel m;
    m.kind = *kind;
    m.label = *label;
    m.classifier = std::move(*classifier);
    return m;
}

} // namespace detail

bool isSignalModelKind(const std::string& kind)
{
    return kind.rfind("signal_", 0) == 0;
}

core::Result<cs::LabelSpec> recordLabelSpec(const cf::ModelRecord& record)
{
    const QJsonObject hyper
        = QJsonDocument::fromJson(QByteArray::fromStdString(record.hyperParamsJson)).object();
    const QJsonObject label = hyper.value(QStringLiteral("label")).toObject();
    cs::LabelSpec spec;
    spec.horizon = label.value(QStringLiteral("horizon")).toInt(0);
    spec.classes = label.value(QStringLiteral("classes")).toInt(0);
    spec.threshold = label.value(QStringLiteral("threshold")).toDouble(-1);
    if (spec.horizon < 1 || (spec.classes != 2 && spec.classes != 3) || spec.threshold < 0)
        return makeError(ErrorCode::Corrupt,
            "model '" + record.name + "' has no valid label settings (hyperParams.label)");
    return spec;
}

core::Result<std::vector<SignalPoint>> predictSignals(
    const cf::ModelRecord& record, const cs::SignalDataset& data)
{
    auto m = detail::loadSignalModel(record, data);
    if (!m)
        return m.error();
    if (data.rows() == 0)
        return std::vector<SignalPoint> {};
    auto proba = m->classifier->predictProba(
        detail::scaledRows(data, record.featureScaler, 0, data.rows()));
    if (!proba)
        return proba.error();
    const int classes = m->label.classes;
    const std::vector<int> predicted = cs::argmaxClasses(*proba, classes);
    std::vector<SignalPoint> out(data.rows());
    for (std::size_t r = 0; r < data.rows(); ++r) {
        out[r].date = data.dates[r];
        out[r].predicted = predicted[r];
        out[r].probaUp = (*proba)[r * std::size_t(classes) + std::size_t(classes - 1)];
        out[r].truth = r < data.labels.size() ? data.labels[r] : -1;
    }
    return out;
}

core::Result<SignalExplanation> explainSignal(
    const cf::ModelRecord& record, const cs::SignalDataset& data, std::size_t row)
{
    if (row >= data.rows())
        return makeError(ErrorCode::InvalidArgument,
            "row " + std::to_string(row) + " is past the last of " + std::to_string(data.rows())
                + " rows");
    auto m = detail::loadSignalModel(record, data);
    if (!m)
        return m.error();
    const FeatureRows x = detail::scaledRows(data, record.featureScaler, row, row + 1);
    auto proba = m->classifier->predictProba(x);
    if (!proba)
        return proba.error();
    auto attr = m->classifier->explain(x);
    if (!attr)
        return attr.error();
    if (attr->rows != 1 || attr->cols != data.cols() || attr->base.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
            "the " + kindLabel(m->kind) + " explanation has the wrong shape");
    const int classes = m->label.classes;
    SignalExplanation e;
    e.point.date = data.dates[row];
    e.point.predicted = cs::argmaxClasses(*proba, classes).front();
    e.point.probaUp = (*proba)[std::size_t(classes - 1)];
    e.point.truth = data.labels[row];
    e.features = data.names;
    for (std::size_t c = 0; c < data.cols(); ++c)
        e.rawValues.push_back(data.at(row, c));
    e.contributions = attr->values;
    e.base = attr->base.front();
    e.unit = attr->unit;
    e.method = attr->method;
    return e;
}

} // namespace marketlens::models::signals
