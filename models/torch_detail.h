#pragma once
// Private to models/*.cpp: the torch side of ScriptModel and the network builders. Including this
// header pulls in LibTorch (20-35 s of compile time per file), so only the few .cpp files that
// must touch tensors include it; everything else uses the torch-free headers.

#include "core/result.h"
#include "models/network.h"
#include "models/script_model.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <cmath>
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

// Registers parameters drawn from a private generator (repeatable for a seed, independent of the
// global RNG and of other threads).
class ParamBuilder {
public:
    ParamBuilder(torch::jit::Module& module, std::uint64_t seed)
        : m_module(module)
        , m_gen(at::detail::createCPUGenerator(seed))
    {
    }

    torch::Tensor uniform(at::IntArrayRef shape, double bound)
    {
        return torch::empty(shape, torch::kFloat32).uniform_(-bound, bound, m_gen);
    }
    torch::Tensor normal(at::IntArrayRef shape, double sd)
    {
        return torch::empty(shape, torch::kFloat32).normal_(0.0, sd, m_gen);
    }
    void param(const std::string& name, torch::Tensor t)
    {
        m_module.register_parameter(name, t.requires_grad_(true), false);
    }
    // PyTorch's default for nn.Linear / nn.Conv1d: U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    void linear(const std::string& name, std::int64_t in, std::int64_t out)
    {
        const double bound = 1.0 / std::sqrt(double(in));
        param(name + "_w", uniform({out, in}, bound));
        param(name + "_b", uniform({out}, bound));
    }
    void conv(const std::string& name, std::int64_t in, std::int64_t out, std::int64_t kernel)
    {
        const double bound = 1.0 / std::sqrt(double(in * kernel));
        param(name + "_w", uniform({out, in, kernel}, bound));
        param(name + "_b", uniform({out}, bound));
    }
    void layerNorm(const std::string& name, std::int64_t dim)
    {
        param(name + "_w", torch::ones({dim}));
        param(name + "_b", torch::zeros({dim}));
    }
    void intAttr(const std::string& name, std::int64_t v)
    {
        m_module.register_attribute(name, c10::IntType::get(), v);
    }
    void floatAttr(const std::string& name, double v)
    {
        m_module.register_attribute(name, c10::FloatType::get(), v);
    }

private:
    torch::jit::Module& m_module;
    at::Generator m_gen;
};

// "what" of a torch exception without its C++ back-trace (c10::Error::what() appends one).
std::string torchMessage(const std::exception& e);

// TorchScript bytes from a file or a project, loaded with the hostile-file checks of
// script_model.cpp: the zip records and the code's nesting before torch::jit::load (which crashes
// on some hostile archives), forward() present and every tensor within its storage after. Errors
// are BadData (or what the checks say) prefixed with `what`, never a torch exception.
core::Result<torch::jit::Module> loadCheckedModule(const std::string& bytes, const std::string& what);

} // namespace marketlens::models
