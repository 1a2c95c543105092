#pragma once
// Internal to models/signals: the constructors and loaders of each classifier kind, called by
// the factory in signal_classifier.cpp. One .cpp per family:
//   xgboost_classifier.cpp (rf, gbm), svm_classifier.cpp, logit_classifier.cpp,
//   mlp_classifier.cpp (the only one including torch headers).

#include "models/signals/signal_classifier.h"

namespace marketlens::models::signals::detail {

std::unique_ptr<SignalClassifier> makeXgbClassifier(ClassifierKind kind,
    const ClassifierParams& params);
core::Result<std::unique_ptr<SignalClassifier>> loadXgbClassifier(ClassifierKind kind,
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes);

std::unique_ptr<SignalClassifier> makeSvmClassifier(const ClassifierParams& params);
core::Result<std::unique_ptr<SignalClassifier>> loadSvmClassifier(const ClassifierParams& params,
    const std::string& bytes, std::size_t cols, int classes);

std::unique_ptr<SignalClassifier> makeLogitClassifier(const ClassifierParams& params);
core::Result<std::unique_ptr<SignalClassifier>> loadLogitClassifier(
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes);

std::unique_ptr<SignalClassifier> makeMlpClassifier(const ClassifierParams& params);
core::Result<std::unique_ptr<SignalClassifier>> loadMlpClassifier(const ClassifierParams& params,
    const std::string& bytes, std::size_t cols, int classes);

// Occlusion attribution for any classifier (used by svm): per row and feature, P(up | x) minus
// P(up | x with that feature set to 0); base = P(up | x) minus the sum of those.
core::Result<Attribution> occlusionAttribution(const SignalClassifier& model,
    const FeatureRows& x);

} // namespace marketlens::models::signals::detail
