// ScriptModel: a torch::jit::Module behind a pimpl. Every torch call is wrapped so that c10::Error
// (and anything else thrown) becomes a core::Error: a malformed file is BadData, a wrong input
// shape InvalidArgument, never a crash.
#include "models/torch_detail.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/ir/constants.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
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

// A model file is a program (docs/models.md "Model files are code"): before torch reads one, its
// zip directory and its code are checked, so that a damaged or hostile file is refused with a
// reason instead of making LibTorch allocate what a record claims or recurse without bound.
constexpr std::uint64_t kMaxModelBytes = std::uint64_t(2) << 30; // BERT-large is about 1.3 GB
constexpr std::uint64_t kMaxRecords = 100000;
constexpr std::uint64_t kMaxInflateRatio = 1100; // deflate cannot exceed about 1032
constexpr int kMaxCodeNesting = 200; // brackets and prefix operators; torch 1.13 crashes at 30000
constexpr int kMaxCodeOperators = 1000; // per statement; a chain of 30000 '+' crashes torch 1.13

std::uint64_t le(const std::string& b, std::uint64_t at, int n)
{
    std::uint64_t v = 0;
    for (int k = n - 1; k >= 0; --k)
        v = (v << 8) | static_cast<unsigned char>(b[at + std::uint64_t(k)]);
    return v;
}

// Every record of the zip lies inside the file with sizes that agree; nothing is inflated here.
core::Status checkZipDirectory(const std::string& b)
{
    const std::uint64_t size = b.size();
    const auto bad = [](const std::string& why) { return makeError(ErrorCode::BadData, why); };
    if (size < 22)
        return bad("not a readable TorchScript model (the file is only " + std::to_string(size)
            + " bytes: truncated?)");
    std::uint64_t eocd = size - 22;
    const std::uint64_t lowest = size > 22 + 65535 ? size - 22 - 65535 : 0;
    while (le(b, eocd, 4) != 0x06054b50) {
        if (eocd == lowest)
            return bad("not a readable TorchScript model (no zip directory at the end of the file: "
                       "truncated, or not a model file)");
        --eocd;
    }
    std::uint64_t entries = le(b, eocd + 10, 2);
    std::uint64_t cdSize = le(b, eocd + 12, 4);
    std::uint64_t cdOffset = le(b, eocd + 16, 4);
    if (entries == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF) {
        if (eocd < 20 || le(b, eocd - 20, 4) != 0x07064b50)
            return bad("the zip64 directory locator is missing");
        const std::uint64_t z = le(b, eocd - 20 + 8, 8);
        if (z > size - 56 || le(b, z, 4) != 0x06064b50)
            return bad("the zip64 directory record is damaged");
        entries = le(b, z + 32, 8);
        cdSize = le(b, z + 40, 8);
        cdOffset = le(b, z + 48, 8);
    }
    if (entries > kMaxRecords)
        return bad("the model has " + std::to_string(entries) + " records, more than "
            + std::to_string(kMaxRecords));
    if (cdOffset > eocd || cdSize > eocd - cdOffset)
        return bad("the zip directory points outside the file (truncated?)");
    std::uint64_t at = cdOffset, total = 0;
    for (std::uint64_t i = 0; i < entries; ++i) {
        if (at + 46 > cdOffset + cdSize || le(b, at, 4) != 0x02014b50)
            return bad("the zip directory is damaged");
        const std::uint64_t method = le(b, at + 10, 2);
        std::uint64_t comp = le(b, at + 20, 4), uncomp = le(b, at + 24, 4);
        const std::uint64_t nameLen = le(b, at + 28, 2), extraLen = le(b, at + 30, 2);
        const std::uint64_t commentLen = le(b, at + 32, 2);
        std::uint64_t local = le(b, at + 42, 4);
        if (at + 46 + nameLen + extraLen + commentLen > cdOffset + cdSize)
            return bad("the zip directory is damaged");
        const std::string name = b.substr(at + 46, nameLen);
        // Zip64 sizes and offset, in this order, for the fields that say 0xFFFFFFFF.
        for (std::uint64_t e = at + 46 + nameLen; e + 4 <= at + 46 + nameLen + extraLen;) {
            const std::uint64_t id = le(b, e, 2), len = le(b, e + 2, 2);
            if (e + 4 + len > at + 46 + nameLen + extraLen)
                break;
            if (id == 1) {
                std::uint64_t f = e + 4;
                for (std::uint64_t* field : {&uncomp, &comp, &local}) {
                    if (*field == 0xFFFFFFFF && f + 8 <= e + 4 + len) {
                        *field = le(b, f, 8);
                        f += 8;
                    }
                }
            }
            e += 4 + len;
        }
        at += 46 + nameLen + extraLen + commentLen;
        if (local > size - 30 || le(b, local, 4) != 0x04034b50)
            return bad("the zip record " + name + " has no local header inside the file");
        const std::uint64_t data = local + 30 + le(b, local + 26, 2) + le(b, local + 28, 2);
        if (data > size || comp > size - data)
            return bad("the zip record " + name + " claims " + std::to_string(comp)
                + " bytes, more than the file holds (" + std::to_string(size) + " bytes)");
        if (method == 0 && uncomp != comp)
            return bad("the zip record " + name + " claims " + std::to_string(uncomp)
                + " bytes but stores " + std::to_string(comp));
        if (method != 0 && method != 8)
            return bad("the zip record " + name + " uses an unknown compression method");
        if (method == 8 && (uncomp > kMaxModelBytes || uncomp / std::max<std::uint64_t>(comp, 1)
                > kMaxInflateRatio))
            return bad("the zip record " + name + " claims to expand to " + std::to_string(uncomp)
                + " bytes (a zip bomb?)");
        total += uncomp;
        if (total > 2 * kMaxModelBytes)
            return bad("the zip records claim more than "
                + std::to_string(2 * (kMaxModelBytes >> 30))
                + " GiB together");
    }
    return {};
}

// The serialized code (code/*.py) is parsed by a recursive-descent parser: deep brackets, long
// runs of prefix operators and long operator chains exhaust the stack. Strings and comments are
// skipped; a statement ends at a line break outside brackets.
core::Status checkCode(std::string_view code, const std::string& name)
{
    int depth = 0, run = 0, operators = 0;
    const auto tooDeep = [&](const char* what) {
        return makeError(ErrorCode::BadData,
            "the model's code " + name + " has " + what + " (deeper than TorchScript can read)");
    };
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '#') {
            while (i < code.size() && code[i] != '\n')
                ++i;
            --i;
        } else if (c == '\'' || c == '"') {
            const bool triple = code.substr(i, 3) == std::string(3, c);
            const std::string end = triple ? std::string(3, c) : std::string(1, c);
            for (i += end.size(); i < code.size() && code.substr(i, end.size()) != end; ++i)
                if (code[i] == '\\')
                    ++i;
            i += end.size() - 1;
            run = 0;
        } else if (c == '(' || c == '[' || c == '{') {
            if (++depth + run > kMaxCodeNesting)
                return tooDeep("brackets nested too deeply");
        } else if (c == ')' || c == ']' || c == '}') {
            depth = std::max(depth - 1, 0);
            run = 0;
        } else if (c == '\n' && depth == 0) {
            run = operators = 0;
        } else if (std::string_view("+-*/%@&|^~<>=!").find(c) != std::string_view::npos) {
            if (++run + depth > kMaxCodeNesting)
                return tooDeep("a run of operators nested too deeply");
            if (++operators > kMaxCodeOperators)
                return tooDeep("a statement with too many operators");
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < code.size()
                && (std::isalnum(static_cast<unsigned char>(code[j])) || code[j] == '_'))
                ++j;
            const std::string_view word = code.substr(i, j - i);
            if (word == "not" || word == "and" || word == "or" || word == "if" || word == "else"
                || word == "lambda" || word == "in" || word == "is") {
                if (++run + depth > kMaxCodeNesting)
                    return tooDeep("a run of operators nested too deeply");
                if (++operators > kMaxCodeOperators)
                    return tooDeep("a statement with too many operators");
            } else {
                run = 0;
            }
            i = j - 1;
        }
    }
    return {};
}

core::Status checkArchive(const std::string& bytes)
{
    if (bytes.size() > kMaxModelBytes)
        return makeError(ErrorCode::BadData, "the model file is larger than "
            + std::to_string(kMaxModelBytes >> 30) + " GiB");
    if (auto s = checkZipDirectory(bytes); !s)
        return s;
    try {
        std::istringstream in(bytes);
        caffe2::serialize::PyTorchStreamReader reader(&in);
        for (const std::string& record : reader.getAllRecords()) {
            if (record.rfind("code/", 0) != 0 || !record.ends_with(".py"))
                continue;
            auto [data, n] = reader.getRecord(record);
            const std::string_view code(static_cast<const char*>(data.get()), n);
            if (auto s = checkCode(code, record); !s)
                return s;
        }
    } catch (const std::exception& e) {
        return makeError(ErrorCode::BadData,
            "not a readable TorchScript model (" + torchMessage(e) + ")");
    }
    return {};
}

// Each tensor's sizes and strides must fit the data stored for it: torch 1.13 restores a tensor
// of 1e12 elements over a storage of 77 floats without complaint, and forward() would then read
// far outside it.
core::Status checkTensor(const std::string& name, const at::Tensor& t)
{
    if (!t.defined() || t.layout() != at::kStrided || !t.has_storage())
        return {};
    constexpr std::uint64_t kLimit = std::uint64_t(1) << 62;
    std::uint64_t extent = 0;
    bool empty = false, absurd = t.storage_offset() < 0;
    std::string dims;
    for (std::int64_t d = 0; d < t.dim(); ++d) {
        const std::int64_t n = t.sizes()[std::size_t(d)], stride = t.strides()[std::size_t(d)];
        dims += (dims.empty() ? "" : " x ") + std::to_string(n);
        absurd = absurd || n < 0 || stride < 0;
        if (n == 0)
            empty = true;
        if (n > 1 && !absurd) {
            const auto span = std::uint64_t(n - 1), step = std::uint64_t(stride);
            if (step != 0 && span > (kLimit - extent) / step)
                absurd = true;
            else
                extent += span * step;
        }
    }
    if (empty && !absurd)
        return {};
    const auto item = std::uint64_t(t.element_size());
    const std::uint64_t offset = absurd ? 0 : std::uint64_t(t.storage_offset());
    const bool fits = !absurd && extent + offset < kLimit / item
        && (extent + offset + 1) * item <= std::uint64_t(t.storage().nbytes());
    if (fits)
        return {};
    return makeError(ErrorCode::BadData,
        "the tensor " + name + " declares a shape of " + (dims.empty() ? "()" : dims)
            + " elements that its stored data (" + std::to_string(t.storage().nbytes())
            + " bytes) cannot hold");
}

core::Status checkTensors(const torch::jit::Module& module)
{
    for (const auto& a : module.named_attributes(true)) {
        if (a.value.isTensor()) {
            if (auto s = checkTensor(a.name, a.value.toTensor()); !s)
                return s;
        } else if (a.value.isTensorList()) {
            for (const at::Tensor& t : a.value.toTensorVector())
                if (auto s = checkTensor(a.name, t); !s)
                    return s;
        }
    }
    // Tensor constants of the code (constants.pkl) live in the methods' graphs.
    std::function<core::Status(torch::jit::Block*)> walk = [&](torch::jit::Block* block) {
        for (torch::jit::Node* node : block->nodes()) {
            if (node->kind() == c10::prim::Constant && node->outputs().size() == 1
                && node->output()->type()->kind() == c10::TypeKind::TensorType) {
                if (const auto v = torch::jit::toIValue(node->output()); v && v->isTensor())
                    if (auto s = checkTensor("constant", v->toTensor()); !s)
                        return s;
            }
            for (torch::jit::Block* inner : node->blocks())
                if (auto s = walk(inner); !s)
                    return s;
        }
        return core::Status();
    };
    for (const auto& sub : module.modules()) {
        for (const auto& method : sub.get_methods()) {
            if (auto s = walk(method.graph()->block()); !s)
                return s;
        }
    }
    return {};
}

core::Result<ScriptModel> loadFrom(const std::string& bytes, const std::string& what)
{
    auto module = loadCheckedModule(bytes, what);
    if (!module)
        return module.error();
    return wrapModule(std::move(module).value());
}

} // namespace

core::Result<torch::jit::Module> loadCheckedModule(const std::string& bytes, const std::string& what)
{
    if (auto s = checkArchive(bytes); !s)
        return makeError(s.error().code, what + ": " + s.error().message);
    try {
        std::istringstream in(bytes);
        auto module = torch::jit::load(in, torch::kCPU);
        if (!module.find_method("forward"))
            return makeError(
                ErrorCode::BadData, what + ": the TorchScript module has no forward()");
        if (auto s = checkTensors(module); !s)
            return makeError(s.error().code, what + ": " + s.error().message);
        module.eval();
        return module;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::BadData,
            what + ": not a readable TorchScript model (" + torchMessage(e) + ")");
    } catch (...) {
        return makeError(ErrorCode::BadData, what + ": not a readable TorchScript model");
    }
}

core::Result<ScriptModel> ScriptModel::fromBytes(const std::string& bytes)
{
    if (bytes.empty())
        return makeError(ErrorCode::BadData, "model bytes are empty");
    return loadFrom(bytes, "model bytes");
}

core::Result<ScriptModel> ScriptModel::load(const std::string& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (!in || ec)
        return makeError(ErrorCode::Io, "cannot open model file", path);
    if (size > kMaxModelBytes) // checked before reading it into memory
        return makeError(ErrorCode::BadData,
            "the model file is larger than " + std::to_string(kMaxModelBytes >> 30) + " GiB", path);
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), std::streamsize(size)))
        return makeError(ErrorCode::Io, "cannot read model file", path);
    auto r = loadFrom(bytes, "model file");
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
