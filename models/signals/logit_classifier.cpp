// Placeholder: being written (issue 6). See signal_classifier.h for the contract.
#include "models/signals/classifier_impl.h"

namespace marketlens::models::signals::detail {

std::unique_ptr<SignalClassifier> makeLogitClassifier(const ClassifierParams&)
{
    return nullptr;
}

core::Result<std::unique_ptr<SignalClassifier>> loadLogitClassifier(const ClassifierParams&,
    const std::string&, std::size_t, int)
{
    return core::makeError(core::ErrorCode::InvalidArgument, "not built yet");
}

} // namespace marketlens::models::signals::detail
