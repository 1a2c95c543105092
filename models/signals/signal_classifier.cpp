// The classifier factory and the kind names; each family lives in its own file (classifier_impl.h).
#include "models/signals/signal_classifier.h"

#include "models/signals/classifier_impl.h"

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

} // namespace marketlens::models::signals
