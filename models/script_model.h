#pragma once
// A TorchScript module behind a torch-free handle (pimpl): load/save, bytes for the project file,
// and inference on plain float arrays. Torch exceptions never leave this class: they become
// core::Error (ErrorCode::BadData for a malformed model, InvalidArgument for a shape mismatch).

#include "core/result.h"
#include "models/network.h"

#include <memory>
#include <string>
#include <vector>

namespace marketlens::models {

class ScriptModel {
public:
    ScriptModel();
    ~ScriptModel();
    ScriptModel(ScriptModel&&) noexcept;
    ScriptModel& operator=(ScriptModel&&) noexcept;
    ScriptModel(const ScriptModel&) = delete;
    ScriptModel& operator=(const ScriptModel&) = delete;

    // A freshly initialised network (parameters drawn from `seed`).
    static core::Result<ScriptModel> build(const NetworkSpec& spec, std::uint64_t seed);
    static core::Result<ScriptModel> fromBytes(const std::string& bytes);
    static core::Result<ScriptModel> load(const std::string& path);
    core::Result<std::string> toBytes() const;
    core::Status save(const std::string& path) const;

    bool isNull() const;
    std::int64_t parameterCount() const;

    // Inference (eval mode, no gradients, on the CPU): x is [batch, window, features] row-major;
    // returns the output flattened row-major and its shape in `shape` (3 dims).
    core::Result<std::vector<float>> run(const std::vector<float>& x, int batch, int window,
                                         int features, std::vector<std::int64_t>* shape) const;

    struct Impl;
    Impl* impl() const { return m_impl.get(); } // for models/*.cpp only (holds the jit module)

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace marketlens::models
