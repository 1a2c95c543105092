#pragma once
// Neural network architectures (torch-free header). Every network is built as a TorchScript
// module in C++: its parameters are registered on a torch::jit::Module and its forward() is
// TorchScript source. One representation serves training, inference, storage in the project
// (Module::save bytes), export (PyTorch's torch.jit.load reads it) and import of models trained
// elsewhere.
//
// Tensor contract of every forecaster (docs/models.md):
//   input  x: float32 [batch, window, features], features scaled as in the model's metadata
//   output  : float32 [batch, horizon, quantiles], scaled cumulative log returns per horizon
// A classifier (tail risk) has quantiles = {} and outputs one logit: [batch, 1, 1].
//
// Architectures (every one ends in dropout + a linear head to horizon x outputs values):
//   Mlp          the flattened window through `layers` ReLU layers of `hidden` units
//   Cnn          a 1x1 input convolution, then `layers` residual blocks of two causal
//                convolutions (kernel 3, dilation 1, 2, 4, ... per block, ReLU); the head reads
//                the last step and the mean over time
//   Lstm, Gru    `layers` stacked recurrent layers (torch.lstm / torch.gru, the kernels of
//                nn.LSTM / nn.GRU); the head reads the last step's output
//   Transformer  a linear input projection plus sinusoidal (or learned) positions, `layers`
//                pre-LN encoder layers (`heads`-head self-attention, GELU feed-forward of
//                4 x hidden), a final LayerNorm; the head reads the last step
// The module also carries attributes describing itself: kind, quantiles, window, features,
// hidden, layers, horizon_out, outputs, dropout.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marketlens::models {

enum class ModelKind { Mlp, Cnn, Lstm, Gru, Transformer };
std::string modelKindName(ModelKind kind); // "mlp", "cnn", "lstm", "gru", "transformer"
std::optional<ModelKind> parseModelKind(std::string_view name);
const std::vector<ModelKind>& allModelKinds();

// The quantiles every forecaster predicts: 95 % and 80 % central intervals and the median.
const std::vector<double>& defaultQuantiles(); // {0.025, 0.10, 0.50, 0.90, 0.975}

struct NetworkSpec {
    ModelKind kind = ModelKind::Lstm;
    int window = 60;
    int features = 4;
    int horizon = 5;
    std::vector<double> quantiles = defaultQuantiles(); // empty: one logit (classifier)
    int hidden = 64;    // hidden size / channels / model dimension
    int layers = 2;     // MLP hidden layers, recurrent / encoder layers, conv blocks
    int heads = 4;      // transformer attention heads (hidden % heads == 0)
    double dropout = 0.1;
    bool learnedPositions = false; // transformer: learned position embeddings, else sinusoidal
    int outputs() const { return quantiles.empty() ? 1 : static_cast<int>(quantiles.size()); }
};

} // namespace marketlens::models
