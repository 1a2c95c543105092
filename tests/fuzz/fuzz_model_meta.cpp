// Fuzz target "model_meta": the JSON side file of an imported forecaster, validated by
// models::parseModelMeta (models/interchange_meta.cpp, torch-free). Any text must give a record
// or a BadData error naming the file; an accepted record must satisfy the contract it promises.
#include "models/interchange.h"

#include <cstdlib>
#include <string>

using namespace marketlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto r = models::parseModelMeta(text, "fuzz.json");
    if (!r) {
        if (r.error().code != core::ErrorCode::BadData || r.error().file != "fuzz.json")
            std::abort();
        return 0;
    }
    if (r->features.empty() || r->window < 1 || r->horizon < 1 || r->quantiles.size() < 5
        || r->featureScaler.mean.size() != r->features.size()
        || r->targetScaler.std.size() != std::size_t(r->horizon))
        std::abort();
    return 0;
}
