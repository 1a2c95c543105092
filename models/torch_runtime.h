#pragma once
// The LibTorch runtime of the process, behind a torch-free header so that callers do not pay for
// torch's headers. Call initTorchRuntime() once at start-up (before any model runs).

#include <string>

namespace marketlens::models {

struct TorchRuntimeInfo {
    int intraOpThreads = 0; // threads torch uses inside one operation
    bool cudaAvailable = false;
    std::string version; // LibTorch version, "1.13.1"
};

// Sets torch's intra-op thread count from the CPU count (torch defaults to 1 here) unless
// `threads` > 0 asks for a number, and reports what the runtime has.
TorchRuntimeInfo initTorchRuntime(int threads = 0);

// Describes the runtime without changing it.
TorchRuntimeInfo torchRuntimeInfo();

// The LibTorch version the program was built with, "1.13.1" (for About boxes and bug reports).
std::string torchVersion();

// A tiny smoke computation (a 64x64 matrix product) used by the self-test: returns the sum of
// the product of two matrices of ones, which is 64*64*64.
double torchSmokeTest();

} // namespace marketlens::models
