// ScriptModel: a torch::jit::Module behind a pimpl. Every torch call is wrapped so that c10::Error
// (and anything else thrown) becomes a core::Error: a malformed file is BadData, a wrong input
// shape InvalidArgument, never a crash.
#include "models/torch_detail.h"

#include <fstream>
#include <sstream>

namespace marketlens::models {

using core::ErrorCode;
using core::makeError;

std::string torchMessage(const std::exception& e)
{
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&e))
        return c10->what_without_backtrace();
    return e.what();
}

ScriptModel wrapModule(torch::jit::Module module)
{
    ScriptModel model;
    *model.impl() = ScriptModel::Impl {std::move(module), true};
    return model;
}

ScriptModel::ScriptModel()
    : m_impl(std::make_unique<Impl>())
{
}
ScriptModel::~ScriptModel() = default;
ScriptModel::ScriptModel(ScriptModel&&) noexcept = default;
ScriptModel& ScriptModel::operator=(ScriptModel&&) noexcept = default;

core::Result<ScriptModel> ScriptModel::build(const NetworkSpec& spec, std::uint64_t seed)
{
    if (auto ok = validateSpec(spec); !ok)
        return ok.error();
    try {
        auto module = buildNetworkModule(spec, seed);
        module.eval();
        return wrapModule(std::move(module));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidArgument, "cannot build network: " + torchMessage(e));
    }
}

namespace {

core::Result<ScriptModel> loadFrom(std::istream& in, const std::string& what)
{
    try {
        auto module = torch::jit::load(in, torch::kCPU);
        if (!module.find_method("forward"))
            return makeError(
                ErrorCode::BadData, what + ": the TorchScript module has no forward()");
        module.eval();
        return wrapModule(std::move(module));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::BadData,
            what + ": not a readable TorchScript model (" + torchMessage(e) + ")");
    } catch (...) {
        return makeError(ErrorCode::BadData, what + ": not a readable TorchScript model");
    }
}

} // namespace

core::Result<ScriptModel> ScriptModel::fromBytes(const std::string& bytes)
{
    if (bytes.empty())
        return makeError(ErrorCode::BadData, "model bytes are empty");
    std::istringstream in(bytes);
    return loadFrom(in, "model bytes");
}

core::Result<ScriptModel> ScriptModel::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open model file", path);
    auto r = loadFrom(in, "model file");
    if (!r)
        return makeError(r.error().code, r.error().message, path);
    return r;
}

core::Result<std::string> ScriptModel::toBytes() const
{
    if (isNull())
        return makeError(ErrorCode::InvalidArgument, "no model to save");
    try {
        std::ostringstream out;
        m_impl->module.save(out);
        return out.str();
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidArgument, "cannot save model: " + torchMessage(e));
    }
}

core::Status ScriptModel::save(const std::string& path) const
{
    auto bytes = toBytes();
    if (!bytes)
        return bytes.error();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes->data(), std::streamsize(bytes->size()));
    out.close();
    if (!out)
        return makeError(ErrorCode::Io, "cannot write model file", path);
    return {};
}

bool ScriptModel::isNull() const
{
    return !m_impl || !m_impl->valid;
}

std::int64_t ScriptModel::parameterCount() const
{
    if (isNull())
        return 0;
    std::int64_t n = 0;
    for (const auto& p : m_impl->module.parameters())
        n += p.numel();
    return n;
}

core::Result<std::vector<float>> ScriptModel::run(const std::vector<float>& x, int batch,
    int window, int features, std::vector<std::int64_t>* shape) const
{
    if (isNull())
        return makeError(ErrorCode::InvalidArgument, "no model to run");
    if (batch < 1 || window < 1 || features < 1
        || x.size() != std::size_t(batch) * std::size_t(window) * std::size_t(features))
        return makeError(
            ErrorCode::InvalidArgument, "model input must hold batch x window x features values");
    try {
        torch::NoGradGuard noGrad;
        auto input = torch::from_blob(
            const_cast<float*>(x.data()), {batch, window, features}, torch::kFloat32);
        auto out = m_impl->module.forward({input});
        if (!out.isTensor())
            return makeError(
                ErrorCode::InvalidArgument, "the model's forward() must return a tensor");
        auto y = out.toTensor().to(torch::kCPU, torch::kFloat32).contiguous();
        if (y.dim() != 3 || y.size(0) != batch)
            return makeError(ErrorCode::InvalidArgument,
                "the model's output must be [batch, horizon, quantiles]; got "
                    + std::to_string(y.dim()) + " dimensions");
        if (shape)
            *shape = {y.size(0), y.size(1), y.size(2)};
        const float* p = y.data_ptr<float>();
        return std::vector<float>(p, p + y.numel());
    } catch (const std::exception& e) {
        return makeError(
            ErrorCode::InvalidArgument, "the model cannot run on this input: " + torchMessage(e));
    }
}

} // namespace marketlens::models
