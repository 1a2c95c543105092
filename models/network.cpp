// The five architectures as TorchScript modules assembled in C++: parameters registered on a
// torch::jit::Module, sizes as attributes, forward() as TorchScript source generated for the
// spec (layers unrolled, so every parameter is a plain attribute and the saved file is readable
// by PyTorch's torch.jit.load). Only aten builtins are used in the source (torch.linear,
// torch.lstm, torch.conv1d, ...): torch.nn.functional does not resolve in C++-defined code.
#include "models/torch_detail.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace marketlens::models {

std::string modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Mlp:
        return "mlp";
    case ModelKind::Cnn:
        return "cnn";
    case ModelKind::Lstm:
        return "lstm";
    case ModelKind::Gru:
        return "gru";
    case ModelKind::Transformer:
        return "transformer";
    }
    return "unknown";
}

std::optional<ModelKind> parseModelKind(std::string_view name)
{
    for (ModelKind k : allModelKinds()) {
        if (modelKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

const std::vector<ModelKind>& allModelKinds()
{
    static const std::vector<ModelKind> kinds {
        ModelKind::Mlp, ModelKind::Cnn, ModelKind::Lstm, ModelKind::Gru, ModelKind::Transformer};
    return kinds;
}

const std::vector<double>& defaultQuantiles()
{
    static const std::vector<double> q {0.025, 0.10, 0.50, 0.90, 0.975};
    return q;
}

core::Status validateSpec(const NetworkSpec& spec)
{
    auto bad = [](const std::string& what) {
        return core::makeError(core::ErrorCode::InvalidArgument, "network: " + what);
    };
    if (spec.window < 1 || spec.features < 1 || spec.horizon < 1)
        return bad("window, features and horizon must be at least 1");
    if (spec.hidden < 1 || spec.layers < 1)
        return bad("hidden size and layers must be at least 1");
    if (!(spec.dropout >= 0.0 && spec.dropout < 1.0))
        return bad("dropout must be in [0, 1)");
    for (double q : spec.quantiles) {
        if (!(q > 0.0 && q < 1.0))
            return bad("quantiles must lie strictly between 0 and 1");
    }
    if (spec.kind == ModelKind::Transformer && (spec.heads < 1 || spec.hidden % spec.heads != 0))
        return bad("transformer: hidden size must be a multiple of the number of heads");
    return {};
}

namespace {

// prefix + i + suffix. (Written with append: GCC 12 warns falsely (-Wrestrict) on
// "literal" + std::to_string(i).)
std::string indexed(const char* prefix, int i, const char* suffix = "")
{
    std::string s(prefix);
    s.append(std::to_string(i));
    s.append(suffix);
    return s;
}

const char* kForward = "def forward(self, x: Tensor) -> Tensor:\n";
const char* kHead = "    h = torch.dropout(h, self.dropout, self.training)\n"
                    "    y = torch.linear(h, self.head_w, self.head_b)\n"
                    "    return y.reshape([x.size(0), self.horizon_out, self.outputs])\n";

std::string mlp(ParamBuilder& p, const NetworkSpec& s)
{
    std::ostringstream src;
    src << kForward << "    h = x.reshape([x.size(0), self.window * self.features])\n";
    std::int64_t in = std::int64_t(s.window) * s.features;
    for (int i = 0; i < s.layers; ++i) {
        const std::string n = indexed("fc", i);
        p.linear(n, in, s.hidden);
        in = s.hidden;
        if (i > 0)
            src << "    h = torch.dropout(h, self.dropout, self.training)\n";
        src << "    h = torch.relu(torch.linear(h, self." << n << "_w, self." << n << "_b))\n";
    }
    p.linear("head", in, std::int64_t(s.horizon) * s.outputs());
    src << kHead;
    return src.str();
}

// Causal dilated convolutions (kernel 3, dilation 1, 2, 4, ... per block, left padding only so
// no step sees the future), two per residual block; the head reads the last step and the mean
// over time, so windows longer than the receptive field still contribute.
std::string cnn(ParamBuilder& p, const NetworkSpec& s)
{
    constexpr int kKernel = 3;
    std::ostringstream src;
    p.conv("in", s.features, s.hidden, 1);
    src << kForward
        << "    h = torch.conv1d(x.transpose(1, 2), self.in_w, self.in_b, [1], [0], [1], 1)\n";
    for (int i = 0; i < s.layers; ++i) {
        const int d = 1 << std::min(i, 10);
        const std::string pad = std::to_string((kKernel - 1) * d);
        src << "    r = h\n";
        for (int c = 1; c <= 2; ++c) {
            const std::string n = indexed(indexed("b", i, "_c").c_str(), c);
            p.conv(n, s.hidden, s.hidden, kKernel);
            src << "    h = torch.constant_pad_nd(h, [" << pad << ", 0], 0.0)\n"
                << "    h = torch.relu(torch.conv1d(h, self." << n << "_w, self." << n
                << "_b, [1], [0], [" << d << "], 1))\n"
                << "    h = torch.dropout(h, self.dropout, self.training)\n";
        }
        src << "    h = torch.relu(h + r)\n";
    }
    src << "    h = torch.cat([h.select(2, -1), torch.mean(h, [2])], 1)\n";
    p.linear("head", 2 * std::int64_t(s.hidden), std::int64_t(s.horizon) * s.outputs());
    src << kHead;
    return src.str();
}

// torch.lstm / torch.gru are the kernels behind nn.LSTM / nn.GRU (same maths, same speed).
std::string recurrent(ParamBuilder& p, const NetworkSpec& s, bool lstm)
{
    const std::int64_t gates = (lstm ? 4 : 3) * std::int64_t(s.hidden);
    const double bound = 1.0 / std::sqrt(double(s.hidden));
    std::string params;
    for (int l = 0; l < s.layers; ++l) {
        const std::string n = indexed("l", l);
        const std::int64_t in = l == 0 ? s.features : s.hidden;
        p.param(n + "_w_ih", p.uniform({gates, in}, bound));
        p.param(n + "_w_hh", p.uniform({gates, s.hidden}, bound));
        p.param(n + "_b_ih", p.uniform({gates}, bound));
        p.param(n + "_b_hh", p.uniform({gates}, bound));
        for (const char* w : {"_w_ih", "_w_hh", "_b_ih", "_b_hh"})
            params.append(params.empty() ? "self." : ", self.").append(n).append(w);
    }
    std::ostringstream src;
    src << kForward
        << "    z = torch.zeros([self.layers, x.size(0), self.hidden], dtype=x.dtype, "
           "device=x.device)\n";
    if (lstm) {
        src << "    out, hn, cn = torch.lstm(x, [z, z], [" << params
            << "], True, self.layers, self.dropout, self.training, False, True)\n";
    } else {
        src << "    out, hn = torch.gru(x, z, [" << params
            << "], True, self.layers, self.dropout, self.training, False, True)\n";
    }
    src << "    h = out.select(1, -1)\n";
    p.linear("head", s.hidden, std::int64_t(s.horizon) * s.outputs());
    src << kHead;
    return src.str();
}

torch::Tensor sinusoidalPositions(std::int64_t window, std::int64_t dim)
{
    auto pe = torch::zeros({window, dim});
    auto acc = pe.accessor<float, 2>();
    for (std::int64_t t = 0; t < window; ++t) {
        for (std::int64_t i = 0; i < dim; ++i) {
            const double freq = std::exp(-std::log(10000.0) * double(i - i % 2) / double(dim));
            acc[t][i] = float(i % 2 == 0 ? std::sin(double(t) * freq) : std::cos(double(t) * freq));
        }
    }
    return pe;
}

// Pre-LN encoder layers (LayerNorm before attention and before the feed-forward block, as
// nn.TransformerEncoderLayer(norm_first=True)), GELU feed-forward of 4 x hidden, a final
// LayerNorm; the head reads the last time step.
std::string transformer(ParamBuilder& p, const NetworkSpec& s, torch::jit::Module& m)
{
    const std::int64_t d = s.hidden, ff = 4 * d;
    p.intAttr("heads", s.heads);
    p.intAttr("head_dim", d / s.heads);
    p.floatAttr("scale", 1.0 / std::sqrt(double(d / s.heads)));
    p.linear("in", s.features, d);
    if (s.learnedPositions)
        p.param("pos", p.normal({s.window, d}, 0.02));
    else
        m.register_buffer("pos", sinusoidalPositions(s.window, d));
    std::ostringstream src;
    src << kForward << "    b = x.size(0)\n    t = x.size(1)\n"
        << "    h = torch.linear(x, self.in_w, self.in_b) + self.pos.narrow(0, 0, t)\n"
        << "    h = torch.dropout(h, self.dropout, self.training)\n";
    for (int l = 0; l < s.layers; ++l) {
        const std::string n = indexed("self.e", l, "_");
        const std::string pn = indexed("e", l, "_");
        p.layerNorm(pn + "ln1", d);
        p.param(pn + "qkv_w", p.uniform({3 * d, d}, std::sqrt(6.0 / double(4 * d))));
        p.param(pn + "qkv_b", torch::zeros({3 * d}));
        p.linear(pn + "out", d, d);
        p.layerNorm(pn + "ln2", d);
        p.linear(pn + "ff1", d, ff);
        p.linear(pn + "ff2", ff, d);
        src << "    a = torch.layer_norm(h, [self.hidden], " << n << "ln1_w, " << n
            << "ln1_b, 1e-5)\n"
            << "    qkv = torch.linear(a, " << n << "qkv_w, " << n << "qkv_b)\n"
            << "    qkv = qkv.reshape([b, t, 3, self.heads, self.head_dim]).permute([2, 0, 3, 1, "
               "4])\n"
            << "    att = torch.matmul(qkv[0] * self.scale, qkv[1].transpose(-2, -1))\n"
            << "    att = torch.dropout(torch.softmax(att, -1), self.dropout, self.training)\n"
            << "    a = torch.matmul(att, qkv[2]).transpose(1, 2).reshape([b, t, self.hidden])\n"
            << "    a = torch.linear(a, " << n << "out_w, " << n << "out_b)\n"
            << "    h = h + torch.dropout(a, self.dropout, self.training)\n"
            << "    a = torch.layer_norm(h, [self.hidden], " << n << "ln2_w, " << n
            << "ln2_b, 1e-5)\n"
            << "    a = torch.gelu(torch.linear(a, " << n << "ff1_w, " << n << "ff1_b))\n"
            << "    a = torch.dropout(a, self.dropout, self.training)\n"
            << "    a = torch.linear(a, " << n << "ff2_w, " << n << "ff2_b)\n"
            << "    h = h + torch.dropout(a, self.dropout, self.training)\n";
    }
    p.layerNorm("ln", d);
    src << "    h = torch.layer_norm(h, [self.hidden], self.ln_w, self.ln_b, 1e-5).select(1, -1)\n";
    p.linear("head", d, std::int64_t(s.horizon) * s.outputs());
    src << kHead;
    return src.str();
}

} // namespace

torch::jit::Module buildNetworkModule(const NetworkSpec& spec, std::uint64_t seed)
{
    if (auto ok = validateSpec(spec); !ok)
        throw std::invalid_argument(ok.error().message);
    static const char* classNames[] = {"Mlp", "Cnn", "Lstm", "Gru", "Transformer"};
    torch::jit::Module m(
        std::string("__torch__.marketlens.") + classNames[static_cast<int>(spec.kind)]);
    m.register_attribute("training", c10::BoolType::get(), true);
    m.register_attribute("kind", c10::StringType::get(), modelKindName(spec.kind));
    c10::List<double> quantiles;
    for (double q : spec.quantiles)
        quantiles.push_back(q);
    m.register_attribute("quantiles", c10::ListType::ofFloats(), quantiles);
    ParamBuilder p(m, seed);
    p.intAttr("window", spec.window);
    p.intAttr("features", spec.features);
    p.intAttr("hidden", spec.hidden);
    p.intAttr("layers", spec.layers);
    // A classifier predicts one logit, not one value per horizon: [batch, 1, 1].
    p.intAttr("horizon_out", spec.quantiles.empty() ? 1 : spec.horizon);
    p.intAttr("outputs", spec.outputs());
    p.floatAttr("dropout", spec.dropout);

    NetworkSpec s = spec;
    if (s.quantiles.empty())
        s.horizon = 1;
    std::string source;
    switch (spec.kind) {
    case ModelKind::Mlp:
        source = mlp(p, s);
        break;
    case ModelKind::Cnn:
        source = cnn(p, s);
        break;
    case ModelKind::Lstm:
        source = recurrent(p, s, true);
        break;
    case ModelKind::Gru:
        source = recurrent(p, s, false);
        break;
    case ModelKind::Transformer:
        source = transformer(p, s, m);
        break;
    }
    m.define(source);
    return m;
}

} // namespace marketlens::models
