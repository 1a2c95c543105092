// The signal MLP in LibTorch (the only signals file that includes torch): a TorchScript module
// assembled like the forecasting networks (models/network.cpp: parameters from a private seeded
// generator, forward() as TorchScript source), so the stored bytes are a plain TorchScript
// archive that reloads without any C++ class, and PyTorch's torch.jit.load reads it too.
//   forward(x [B, cols]) -> logits [B, classes]:
//     h = relu(linear(x)) -> dropout, once per hidden layer; logits = linear(h)
// Training: AdamW, cross-entropy, seeded shuffled minibatches (dropout masks from the global
// generator seeded with params.seed), progress per epoch, cancel checked between batches.
// Explanations: integrated gradients of P(up) along the straight path from the all-zero row (the
// training mean, since the columns are standardised) to x, Riemann midpoint rule with `steps`
// points; completeness (sum of attributions = P(up | x) - P(up | 0)) holds up to the rule's
// O(1/steps^2) error.
#include "models/signals/classifier_checks.h"
#include "models/signals/classifier_impl.h"
#include "models/torch_detail.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace marketlens::models::signals::detail {

namespace {

using core::ErrorCode;
using core::makeError;

constexpr std::int64_t kChunk = 4096; // rows per forward pass when predicting

std::string layerName(std::size_t i)
{
    std::string s("fc");
    s.append(std::to_string(i));
    return s;
}

torch::jit::Module buildMlp(const ClassifierParams& p, std::int64_t cols, std::int64_t classes)
{
    torch::jit::Module module("SignalMlp");
    // train() / eval() flip this attribute; the TorchScript source reads it for dropout.
    module.register_attribute("training", c10::BoolType::get(), true);
    ParamBuilder b(module, p.seed);
    b.floatAttr("dropout", p.dropout);
    b.intAttr("inputs", cols);
    b.intAttr("classes", classes);
    std::ostringstream src;
    src << "def forward(self, x: Tensor) -> Tensor:\n    h = x\n";
    std::int64_t in = cols;
    for (std::size_t i = 0; i < p.hidden.size(); ++i) {
        const std::string n = layerName(i);
        b.linear(n, in, p.hidden[i]);
        in = p.hidden[i];
        src << "    h = torch.relu(torch.linear(h, self." << n << "_w, self." << n << "_b))\n"
            << "    h = torch.dropout(h, self.dropout, self.training)\n";
    }
    b.linear("head", in, classes);
    src << "    return torch.linear(h, self.head_w, self.head_b)\n";
    module.define(src.str());
    return module;
}

torch::Tensor toTensor(const FeatureRows& x)
{
    auto t = torch::empty({std::int64_t(x.rows), std::int64_t(x.cols)}, torch::kFloat32);
    auto a = t.accessor<float, 2>();
    for (std::size_t r = 0; r < x.rows; ++r)
        for (std::size_t c = 0; c < x.cols; ++c)
            a[std::int64_t(r)][std::int64_t(c)] = float(x.at(r, c));
    return t;
}

class MlpClassifier final : public SignalClassifier {
public:
    explicit MlpClassifier(const ClassifierParams& params)
        : m_params(params)
    {
    }

    ClassifierKind kind() const override { return ClassifierKind::Mlp; }

    core::Status fit(const FeatureRows& x, const std::vector<int>& y, int classes,
        const FitProgress& progress) override
    {
        if (auto ok = checkFitInputs(x, y, classes, "MLP"); !ok)
            return ok;
        if (auto ok = checkParams(); !ok)
            return ok;
        m_trained = false;
        try {
            torch::manual_seed(m_params.seed); // dropout masks; parameters use their own generator
            auto module = buildMlp(m_params, std::int64_t(x.cols), classes);
            module.train();
            const auto xt = toTensor(x);
            const std::vector<std::int64_t> labels(y.begin(), y.end());
            const auto yt = torch::tensor(labels, torch::kInt64);
            std::vector<torch::Tensor> params;
            for (const auto& p : module.parameters())
                params.push_back(p);
            torch::optim::AdamW optimizer(params,
                torch::optim::AdamWOptions(m_params.mlpLearningRate)
                    .weight_decay(m_params.weightDecay));
            const auto n = std::int64_t(x.rows), bs = std::int64_t(m_params.batchSize);
            std::vector<std::int64_t> order(x.rows);
            std::iota(order.begin(), order.end(), 0);
            std::mt19937_64 shuffler(m_params.seed ^ 0x9E3779B97F4A7C15ULL);
            auto lastReport = std::chrono::steady_clock::now();
            for (int epoch = 0; epoch < m_params.epochs; ++epoch) {
                // Fisher-Yates with our own draw: the same order on every platform for a seed.
                for (std::size_t i = order.size(); i > 1; --i)
                    std::swap(order[i - 1], order[shuffler() % i]);
                const auto idxAll = torch::from_blob(order.data(), {n}, torch::kInt64);
                for (std::int64_t s = 0; s < n; s += bs) {
                    // Cancel between batches, asking at most every 100 ms (and at each epoch).
                    const auto now = std::chrono::steady_clock::now();
                    if (progress && s > 0 && now - lastReport >= std::chrono::milliseconds(100)) {
                        lastReport = now;
                        if (!progress(epoch, m_params.epochs))
                            return makeError(ErrorCode::Cancelled, "MLP: training cancelled");
                    }
                    const auto idx = idxAll.narrow(0, s, std::min(bs, n - s));
                    for (auto& p : params)
                        p.mutable_grad() = torch::Tensor();
                    const auto logits = module.forward({xt.index_select(0, idx)}).toTensor();
                    auto loss
                        = torch::nn::functional::cross_entropy(logits, yt.index_select(0, idx));
                    loss.backward();
                    optimizer.step();
                    if (!std::isfinite(loss.item<double>()))
                        return makeError(ErrorCode::InvalidArgument,
                            "MLP: training diverged (the loss is not finite); lower the learning "
                            "rate");
                }
                lastReport = std::chrono::steady_clock::now();
                if (progress && !progress(epoch + 1, m_params.epochs))
                    return makeError(ErrorCode::Cancelled, "MLP: training cancelled");
            }
            module.eval();
            for (auto& p : params)
                p.mutable_grad() = torch::Tensor();
            m_module = std::move(module);
        } catch (const std::exception& e) {
            return makeError(ErrorCode::InvalidArgument, "MLP: " + torchMessage(e));
        }
        m_classes = classes;
        m_cols = x.cols;
        m_trained = true;
        return {};
    }

    core::Result<std::vector<double>> predictProba(const FeatureRows& x) const override
    {
        if (auto ok = checkPredictInputs(x, m_cols, m_trained, "MLP"); !ok)
            return ok.error();
        try {
            torch::NoGradGuard noGrad;
            const auto xt = toTensor(x);
            const auto n = std::int64_t(x.rows);
            std::vector<double> out;
            out.reserve(x.rows * std::size_t(m_classes));
            for (std::int64_t s = 0; s < n; s += kChunk) {
                const auto logits
                    = m_module.forward({xt.narrow(0, s, std::min(kChunk, n - s))}).toTensor();
                const auto p = torch::softmax(logits.to(torch::kFloat64), 1).contiguous();
                out.insert(out.end(), p.data_ptr<double>(), p.data_ptr<double>() + p.numel());
            }
            return out;
        } catch (const std::exception& e) {
            return makeError(ErrorCode::InvalidArgument, "MLP: " + torchMessage(e));
        }
    }

    core::Result<std::string> serialize() const override
    {
        if (!m_trained)
            return makeError(ErrorCode::InvalidArgument, "MLP: not trained");
        try {
            std::ostringstream out;
            m_module.save(out);
            return out.str();
        } catch (const std::exception& e) {
            return makeError(ErrorCode::InvalidArgument, "MLP: cannot save: " + torchMessage(e));
        }
    }

    core::Result<Attribution> explain(const FeatureRows& x, int steps) const override
    {
        if (auto ok = checkPredictInputs(x, m_cols, m_trained, "MLP"); !ok)
            return ok.error();
        if (steps < 1)
            return makeError(ErrorCode::InvalidArgument, "MLP: integrated gradients need steps");
        Attribution a;
        a.rows = x.rows;
        a.cols = x.cols;
        a.values.resize(x.rows * x.cols);
        a.unit = "probability of up";
        a.method = "integrated gradients";
        try {
            const auto up = std::int64_t(m_classes - 1);
            const auto d = std::int64_t(x.cols), m = std::int64_t(steps);
            const auto xt = toTensor(x);
            double base = 0.0;
            {
                torch::NoGradGuard noGrad;
                const auto logits = m_module.forward({torch::zeros({1, d})}).toTensor();
                base = torch::softmax(logits.to(torch::kFloat64), 1)[0][up].item<double>();
            }
            a.base.assign(x.rows, base);
            std::vector<float> alpha(static_cast<std::size_t>(steps), 0.f);
            for (int s = 0; s < steps; ++s)
                alpha[std::size_t(s)] = float((double(s) + 0.5) / double(steps));
            const auto alphaT = torch::tensor(alpha).reshape({1, m, 1});
            // Rows in chunks so the path points (rows x steps x cols) stay small.
            const std::int64_t rowsPerChunk = std::max<std::int64_t>(1, kChunk / m);
            const auto n = std::int64_t(x.rows);
            for (std::int64_t s = 0; s < n; s += rowsPerChunk) {
                const std::int64_t len = std::min(rowsPerChunk, n - s);
                const auto rows = xt.narrow(0, s, len);
                auto path = (rows.unsqueeze(1) * alphaT).reshape({len * m, d});
                path.requires_grad_(true);
                const auto logits = m_module.forward({path}).toTensor();
                const auto pUp = torch::softmax(logits.to(torch::kFloat64), 1).select(1, up);
                const auto grads = torch::autograd::grad({pUp.sum()}, {path})[0];
                const auto ig = (grads.reshape({len, m, d}).to(torch::kFloat64).mean(1)
                    * rows.to(torch::kFloat64))
                                    .contiguous();
                std::copy(ig.data_ptr<double>(), ig.data_ptr<double>() + ig.numel(),
                    a.values.begin() + s * d);
            }
        } catch (const std::exception& e) {
            return makeError(ErrorCode::InvalidArgument, "MLP: " + torchMessage(e));
        }
        return a;
    }

    core::Status load(const std::string& bytes, std::size_t cols, int classes)
    {
        auto loaded = loadCheckedModule(bytes, "stored MLP");
        if (!loaded)
            return loaded.error();
        try {
            auto module = std::move(loaded).value();
            torch::NoGradGuard noGrad;
            const auto y = module.forward({torch::zeros({2, std::int64_t(cols)})}).toTensor();
            if (y.dim() != 2 || y.size(0) != 2 || y.size(1) != classes)
                return makeError(
                    ErrorCode::BadData, "stored MLP: made for other columns or classes");
            m_module = std::move(module);
        } catch (const std::exception& e) {
            return makeError(ErrorCode::BadData, "stored MLP: " + torchMessage(e));
        }
        m_classes = classes;
        m_cols = cols;
        m_trained = true;
        return {};
    }

private:
    core::Status checkParams() const
    {
        const ClassifierParams& p = m_params;
        bool hiddenOk = !p.hidden.empty();
        for (int h : p.hidden)
            hiddenOk = hiddenOk && h > 0;
        if (!hiddenOk || p.epochs < 1 || p.batchSize < 1 || !(p.mlpLearningRate > 0.0)
            || !(p.weightDecay >= 0.0) || !(p.dropout >= 0.0 && p.dropout < 1.0))
            return makeError(ErrorCode::InvalidArgument,
                "MLP: hidden sizes, epochs, batch size and learning rate must be positive, "
                "weight decay >= 0 and dropout in [0, 1)");
        return {};
    }

    ClassifierParams m_params;
    // forward() of a jit::Module is not const; inference does not change it.
    mutable torch::jit::Module m_module;
    bool m_trained = false;
};

} // namespace

std::unique_ptr<SignalClassifier> makeMlpClassifier(const ClassifierParams& params)
{
    return std::make_unique<MlpClassifier>(params);
}

core::Result<std::unique_ptr<SignalClassifier>> loadMlpClassifier(
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes)
{
    auto model = std::make_unique<MlpClassifier>(params);
    if (auto ok = model->load(bytes, cols, classes); !ok)
        return ok.error();
    return std::unique_ptr<SignalClassifier>(std::move(model));
}

} // namespace marketlens::models::signals::detail
