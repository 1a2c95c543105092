// The training loop: seeded shuffling and initialisation, AdamW with warm-up + cosine decay,
// gradient clipping, early stopping that restores the best weights, throttled progress and
// cancellation between batches. All torch exceptions are converted to core::Error here.
#include "models/trainer.h"
#include "models/torch_detail.h"

#include <chrono>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>

namespace marketlens::models {

using core::ErrorCode;
using core::makeError;

bool cudaAvailable()
{
    try {
        return torch::cuda::is_available();
    } catch (...) {
        return false;
    }
}

namespace {

using Clock = std::chrono::steady_clock;

double secondsBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

// Linear warm-up over `warmup` steps, then cosine decay from `base` to base / 20.
double scheduledRate(double base, std::int64_t step, std::int64_t warmup, std::int64_t total)
{
    if (step < warmup)
        return base * double(step + 1) / double(warmup);
    const double low = base / 20.0;
    const double t = double(step - warmup) / double(std::max<std::int64_t>(1, total - warmup));
    return low + 0.5 * (base - low) * (1.0 + std::cos(std::numbers::pi * std::min(1.0, t)));
}

class Objectives {
public:
    Objectives(Objective objective, const std::vector<double>& quantiles, double positiveWeight,
        torch::Device device)
        : m_objective(objective)
    {
        std::vector<float> q(quantiles.begin(), quantiles.end());
        m_quantiles = torch::tensor(q, torch::kFloat32).to(device);
        m_positiveWeight = torch::full({1}, positiveWeight, torch::kFloat32).to(device);
    }

    // pred [B, H, Q] against y [B, H] (pinball, mean over batch, horizons and quantiles), or
    // pred [B, 1, 1] logits against y [B] labels (binary cross-entropy).
    torch::Tensor operator()(const torch::Tensor& pred, const torch::Tensor& y) const
    {
        if (m_objective == Objective::Pinball) {
            const auto diff = y.unsqueeze(-1) - pred;
            return torch::maximum(m_quantiles * diff, (m_quantiles - 1.0) * diff).mean();
        }
        return torch::binary_cross_entropy_with_logits(pred.reshape({-1}), y, {}, m_positiveWeight);
    }

private:
    Objective m_objective;
    torch::Tensor m_quantiles, m_positiveWeight;
};

torch::Tensor toTensor(
    const std::vector<float>& v, std::vector<std::int64_t> shape, torch::Device device)
{
    return torch::from_blob(const_cast<float*>(v.data()), shape, torch::kFloat32)
        .to(device, /*non_blocking=*/false, /*copy=*/true);
}

// Mean loss over a data set in eval mode, in chunks so memory stays bounded.
double evaluate(torch::jit::Module& module, const torch::Tensor& x, const torch::Tensor& y,
    const Objectives& loss)
{
    torch::NoGradGuard noGrad;
    module.eval();
    const std::int64_t n = x.size(0), chunk = 1024;
    double sum = 0.0;
    for (std::int64_t s = 0; s < n; s += chunk) {
        const std::int64_t m = std::min(chunk, n - s);
        const auto pred = module.forward({x.narrow(0, s, m)}).toTensor();
        sum += loss(pred, y.narrow(0, s, m)).item<double>() * double(m);
    }
    module.train();
    return sum / double(n);
}

core::Status checkInputs(
    const NetworkSpec& spec, const TrainData& d, const TrainOptions& o, Objective objective)
{
    if (auto ok = validateSpec(spec); !ok)
        return ok;
    auto bad = [](const std::string& what) {
        return makeError(ErrorCode::InvalidArgument, "training: " + what);
    };
    if (o.epochs < 1 || o.batchSize < 1 || !(o.learningRate > 0.0) || o.patience < 0)
        return bad("epochs, batch size and learning rate must be positive");
    if (objective == Objective::Pinball && spec.quantiles.empty())
        return bad("pinball loss needs quantiles in the network spec");
    if (objective == Objective::BinaryCrossEntropy && !spec.quantiles.empty())
        return bad("a classifier (binary cross-entropy) has no quantiles in its spec");
    if (d.nTrain == 0)
        return bad("no training windows");
    const std::size_t xs = std::size_t(spec.window) * std::size_t(spec.features);
    const std::size_t ys = objective == Objective::Pinball ? std::size_t(spec.horizon) : 1;
    if (d.xTrain.size() != d.nTrain * xs || d.yTrain.size() != d.nTrain * ys
        || d.xVal.size() != d.nVal * xs || d.yVal.size() != d.nVal * ys)
        return bad("data sizes do not match the windows, features and horizon of the spec");
    return {};
}

core::Result<torch::Device> chooseDevice(Device wanted)
{
    if (wanted == Device::Cpu)
        return torch::Device(torch::kCPU);
    if (cudaAvailable())
        return torch::Device(torch::kCUDA);
    if (wanted == Device::Cuda)
        return makeError(ErrorCode::InvalidArgument,
            "CUDA was requested but is not available (no CUDA GPU, or LibTorch built without "
            "CUDA); choose the CPU");
    return torch::Device(torch::kCPU);
}

} // namespace

core::Result<TrainOutcome> trainNetwork(const NetworkSpec& spec, const TrainData& data,
    const TrainOptions& options, Objective objective, const TrainProgressFn& progress,
    const std::atomic_bool* cancel)
{
    if (auto ok = checkInputs(spec, data, options, objective); !ok)
        return ok.error();
    auto device = chooseDevice(options.device);
    if (!device)
        return device.error();
    try {
        const auto start = Clock::now();
        // Dropout masks come from the global generator; parameters from a private one.
        torch::manual_seed(options.seed);
        auto module = buildNetworkModule(spec, options.seed);
        module.to(*device);
        module.train();

        const std::int64_t w = spec.window, f = spec.features;
        const bool pinball = objective == Objective::Pinball;
        const std::int64_t nTrain = std::int64_t(data.nTrain), nVal = std::int64_t(data.nVal);
        auto yShape = [&](std::int64_t n) {
            return pinball ? std::vector<std::int64_t> {n, spec.horizon}
                           : std::vector<std::int64_t> {n};
        };
        const auto xTrain = toTensor(data.xTrain, {nTrain, w, f}, *device);
        const auto yTrain = toTensor(data.yTrain, yShape(nTrain), *device);
        torch::Tensor xVal, yVal;
        if (nVal > 0) {
            xVal = toTensor(data.xVal, {nVal, w, f}, *device);
            yVal = toTensor(data.yVal, yShape(nVal), *device);
        }
        const Objectives loss(objective, spec.quantiles, options.positiveWeight, *device);

        std::vector<torch::Tensor> params;
        for (const auto& p : module.parameters())
            params.push_back(p);
        torch::optim::AdamW optimizer(params,
            torch::optim::AdamWOptions(options.learningRate).weight_decay(options.weightDecay));

        const std::int64_t bs = options.batchSize;
        const int batches = int((nTrain + bs - 1) / bs);
        const std::int64_t totalSteps = std::int64_t(batches) * options.epochs;
        std::vector<std::int64_t> order(static_cast<std::size_t>(nTrain));
        std::iota(order.begin(), order.end(), 0);
        std::mt19937_64 shuffler(options.seed ^ 0x9E3779B97F4A7C15ULL);

        TrainOutcome outcome;
        outcome.device = device->is_cuda() ? "cuda" : "cpu";
        std::vector<torch::Tensor> best;
        double bestLoss = 0.0;
        std::int64_t step = 0;
        auto lastReport = start;
        const auto interval = std::chrono::milliseconds(std::max(0, options.progressIntervalMs));
        double lastVal = -1.0;

        auto makeProgress = [&](int epoch, int batch, double trainLoss, double rate) {
            TrainProgress p;
            p.epoch = epoch;
            p.epochs = options.epochs;
            p.batch = batch;
            p.batches = batches;
            p.trainLoss = trainLoss;
            p.valLoss = lastVal;
            p.learningRate = rate;
            p.elapsedSeconds = secondsBetween(start, Clock::now());
            p.etaSeconds
                = step > 0 ? p.elapsedSeconds * double(totalSteps - step) / double(step) : -1.0;
            return p;
        };

        for (int epoch = 1; epoch <= options.epochs; ++epoch) {
            const auto epochStart = Clock::now();
            // Fisher-Yates with our own draw: the same order on every platform for a seed.
            for (std::size_t i = order.size(); i > 1; --i)
                std::swap(order[i - 1], order[shuffler() % i]);
            const auto orderT
                = torch::from_blob(order.data(), {nTrain}, torch::kInt64).to(*device, false, true);
            double sum = 0.0, rate = options.learningRate;
            std::int64_t seen = 0;
            for (int b = 0; b < batches; ++b) {
                if (cancel && cancel->load())
                    return makeError(ErrorCode::Cancelled, "training cancelled");
                const std::int64_t s = std::int64_t(b) * bs, m = std::min(bs, nTrain - s);
                const auto idx = orderT.narrow(0, s, m);
                rate = scheduledRate(options.learningRate, step, batches, totalSteps);
                for (auto& group : optimizer.param_groups())
                    static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
                for (auto& p : params)
                    p.mutable_grad() = torch::Tensor();
                const auto pred = module.forward({xTrain.index_select(0, idx)}).toTensor();
                auto l = loss(pred, yTrain.index_select(0, idx));
                l.backward();
                if (options.clipNorm > 0.0)
                    torch::nn::utils::clip_grad_norm_(params, options.clipNorm);
                optimizer.step();
                const double value = l.item<double>();
                if (!std::isfinite(value))
                    return makeError(ErrorCode::InvalidArgument,
                        "training diverged: the loss is not finite (check the data's scaling)");
                sum += value * double(m);
                seen += m;
                ++step;
                const auto now = Clock::now();
                if (progress && b + 1 < batches && now - lastReport >= interval) {
                    lastReport = now;
                    progress(makeProgress(epoch, b + 1, sum / double(seen), rate));
                }
            }
            if (cancel && cancel->load())
                return makeError(ErrorCode::Cancelled, "training cancelled");
            const double trainLoss = sum / double(seen);
            const double valLoss = nVal > 0 ? evaluate(module, xVal, yVal, loss) : trainLoss;
            lastVal = valLoss;
            outcome.history.push_back(
                {epoch, trainLoss, valLoss, rate, secondsBetween(epochStart, Clock::now())});
            if (outcome.bestEpoch == 0 || valLoss < bestLoss) {
                bestLoss = valLoss;
                outcome.bestEpoch = epoch;
                best.clear();
                for (const auto& p : params)
                    best.push_back(p.detach().clone());
            }
            if (progress) {
                auto p = makeProgress(epoch, batches, trainLoss, rate);
                p.epochEnd = true;
                lastReport = Clock::now();
                progress(p);
            }
            if (options.patience > 0 && epoch - outcome.bestEpoch >= options.patience
                && epoch < options.epochs) {
                outcome.stoppedEarly = true;
                break;
            }
        }

        {
            torch::NoGradGuard noGrad;
            for (std::size_t i = 0; i < params.size(); ++i)
                params[i].copy_(best[i]);
        }
        module.to(torch::kCPU);
        module.eval();
        outcome.model = wrapModule(std::move(module));
        outcome.bestValLoss = bestLoss;
        outcome.seconds = secondsBetween(start, Clock::now());
        return outcome;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidArgument, "training failed: " + torchMessage(e));
    } catch (...) {
        return makeError(ErrorCode::InvalidArgument, "training failed");
    }
}

} // namespace marketlens::models
