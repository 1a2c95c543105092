// The classifier factory and the kind names; each family lives in its own file (classifier_impl.h).
#include "models/signals/signal_classifier.h"

#include "models/signals/classifier_impl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace marketlens::models::signals {

std::string kindKey(ClassifierKind kind)
{
    switch (kind) {
    case ClassifierKind::RandomForest:
        return "rf";
    case ClassifierKind::GradientBoosting:
        return "gbm";
    case ClassifierKind::Svm:
        return "svm";
    case ClassifierKind::Logistic:
        return "logit";
    case ClassifierKind::Mlp:
        return "mlp";
    }
    return "gbm";
}

std::string kindLabel(ClassifierKind kind)
{
    switch (kind) {
    case ClassifierKind::RandomForest:
        return "Random forest";
    case ClassifierKind::GradientBoosting:
        return "Gradient boosting";
    case ClassifierKind::Svm:
        return "SVM";
    case ClassifierKind::Logistic:
        return "Logistic regression";
    case ClassifierKind::Mlp:
        return "MLP";
    }
    return "Gradient boosting";
}

std::vector<ClassifierKind> allKinds()
{
    return {ClassifierKind::RandomForest, ClassifierKind::GradientBoosting, ClassifierKind::Svm,
        ClassifierKind::Logistic, ClassifierKind::Mlp};
}

std::optional<ClassifierKind> kindFromKey(const std::string& key)
{
    for (ClassifierKind k : allKinds())
        if (kindKey(k) == key)
            return k;
    return std::nullopt;
}

std::unique_ptr<SignalClassifier> makeClassifier(ClassifierKind kind,
    const ClassifierParams& params)
{
    switch (kind) {
    case ClassifierKind::RandomForest:
    case ClassifierKind::GradientBoosting:
        return detail::makeXgbClassifier(kind, params);
    case ClassifierKind::Svm:
        return detail::makeSvmClassifier(params);
    case ClassifierKind::Logistic:
        return detail::makeLogitClassifier(params);
    case ClassifierKind::Mlp:
        return detail::makeMlpClassifier(params);
    }
    return nullptr;
}

core::Result<std::unique_ptr<SignalClassifier>> loadClassifier(ClassifierKind kind,
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes)
{
    if (cols == 0 || (classes != 2 && classes != 3))
        return core::makeError(core::ErrorCode::InvalidArgument,
            "a stored " + kindKey(kind) + " classifier needs columns and 2 or 3 classes");
    switch (kind) {
    case ClassifierKind::RandomForest:
    case ClassifierKind::GradientBoosting:
        return detail::loadXgbClassifier(kind, params, bytes, cols, classes);
    case ClassifierKind::Svm:
        return detail::loadSvmClassifier(params, bytes, cols, classes);
    case ClassifierKind::Logistic:
        return detail::loadLogitClassifier(params, bytes, cols, classes);
    case ClassifierKind::Mlp:
        return detail::loadMlpClassifier(params, bytes, cols, classes);
    }
    return core::makeError(core::ErrorCode::InvalidArgument, "unknown classifier kind");
}


// Every field by its C++ name; the seed as a number while a double holds it exactly (below
// 2^53), else as a decimal string. fromJson: missing fields keep their defaults, a field of the
// wrong type or a value out of range is an error.
std::string ClassifierParams::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("trees")] = trees;
    o[QStringLiteral("maxDepth")] = maxDepth;
    o[QStringLiteral("learningRate")] = learningRate;
    o[QStringLiteral("subsample")] = subsample;
    o[QStringLiteral("colsample")] = colsample;
    o[QStringLiteral("minChildWeight")] = minChildWeight;
    o[QStringLiteral("svmC")] = svmC;
    o[QStringLiteral("svmGamma")] = svmGamma;
    o[QStringLiteral("logitC")] = logitC;
    QJsonArray h;
    for (int v : hidden)
        h.append(v);
    o[QStringLiteral("hidden")] = h;
    o[QStringLiteral("epochs")] = epochs;
    o[QStringLiteral("mlpLearningRate")] = mlpLearningRate;
    o[QStringLiteral("weightDecay")] = weightDecay;
    o[QStringLiteral("dropout")] = dropout;
    o[QStringLiteral("batchSize")] = batchSize;
    if (seed < (std::uint64_t(1) << 53))
        o[QStringLiteral("seed")] = double(seed);
    else
        o[QStringLiteral("seed")] = QString::number(seed);
    o[QStringLiteral("threads")] = threads;
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

core::Result<ClassifierParams> ClassifierParams::fromJson(const std::string& json)
{
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return core::makeError(core::ErrorCode::BadData,
            "classifier parameters: not a JSON object ("
                + err.errorString().toStdString() + ")");
    const QJsonObject o = doc.object();
    ClassifierParams p;
    std::string bad;
    auto number = [&](const char* key, double& out) {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            bad = key;
        else
            out = v.toDouble();
    };
    auto integer = [&](const char* key, int& out) {
        double d = out;
        number(key, d);
        if (d != std::floor(d) || std::abs(d) > 1e9)
            bad = key;
        else
            out = int(d);
    };
    integer("trees", p.trees);
    integer("maxDepth", p.maxDepth);
    number("learningRate", p.learningRate);
    number("subsample", p.subsample);
    number("colsample", p.colsample);
    number("minChildWeight", p.minChildWeight);
    number("svmC", p.svmC);
    number("svmGamma", p.svmGamma);
    number("logitC", p.logitC);
    integer("epochs", p.epochs);
    number("mlpLearningRate", p.mlpLearningRate);
    number("weightDecay", p.weightDecay);
    number("dropout", p.dropout);
    integer("batchSize", p.batchSize);
    integer("threads", p.threads);
    if (const auto h = o.value(QStringLiteral("hidden")); !h.isUndefined()) {
        p.hidden.clear();
        if (!h.isArray())
            bad = "hidden";
        for (const auto& v : h.toArray()) {
            if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 1
                || v.toDouble() > 1e6)
                bad = "hidden";
            else
                p.hidden.push_back(int(v.toDouble()));
        }
    }
    if (const auto s = o.value(QStringLiteral("seed")); !s.isUndefined()) {
        bool ok = false;
        if (s.isDouble() && s.toDouble() >= 0 && s.toDouble() == std::floor(s.toDouble())
            && s.toDouble() < 18446744073709551616.0) {
            p.seed = std::uint64_t(s.toDouble());
            ok = true;
        } else if (s.isString()) {
            p.seed = s.toString().toULongLong(&ok);
        }
        if (!ok)
            bad = "seed";
    }
    if (!bad.empty())
        return core::makeError(core::ErrorCode::BadData,
            "classifier parameters: '" + bad + "' has a wrong type or value");
    return p;
}

} // namespace marketlens::models::signals
