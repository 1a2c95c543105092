#pragma once
// Private to models/*.cpp: the torch side of ScriptModel and the network builders. Including this
// header pulls in LibTorch (20-35 s of compile time per file), so only the few .cpp files that
// must touch tensors include it; everything else uses the torch-free headers.

#include "core/result.h"
#include "models/network.h"
#include "models/script_model.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace marketlens::models {

struct ScriptModel::Impl {
    torch::jit::Module module;
    bool valid = false; // a default Module has no object behind it
};

// A freshly initialised network for `spec` as a TorchScript module (parameters drawn from a
// private generator seeded with `seed`, so the global torch RNG is neither used nor changed).
// Throws c10::Error / std::invalid_argument on an impossible spec; callers convert.
torch::jit::Module buildNetworkModule(const NetworkSpec& spec, std::uint64_t seed);

// Checks a spec before building (sizes positive, heads divide hidden, quantiles in (0, 1)).
core::Status validateSpec(const NetworkSpec& spec);

// Wraps a module (kept as is: callers decide train/eval mode and device).
ScriptModel wrapModule(torch::jit::Module module);

// "what" of a torch exception without its C++ back-trace (c10::Error::what() appends one).
std::string torchMessage(const std::exception& e);

} // namespace marketlens::models
