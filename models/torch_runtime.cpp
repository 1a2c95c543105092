#include "torch_runtime.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace marketlens::models {

TorchRuntimeInfo torchRuntimeInfo()
{
    TorchRuntimeInfo info;
    info.intraOpThreads = at::get_num_threads();
    info.cudaAvailable = torch::cuda::is_available();
    info.version = TORCH_VERSION;
    return info;
}

std::string torchVersion()
{
    return TORCH_VERSION;
}

TorchRuntimeInfo initTorchRuntime(int threads)
{
    const int n = threads > 0 ? threads
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(n);
    return torchRuntimeInfo();
}

double torchSmokeTest()
{
    torch::NoGradGuard noGrad;
    const auto a = torch::ones({64, 64}, torch::kFloat64);
    return torch::matmul(a, a).sum().item<double>();
}

} // namespace marketlens::models
