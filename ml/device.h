#pragma once

#include <string>

#include <torch/torch.h>

namespace kindred {

// Chooses where inference runs and how many CPU threads LibTorch uses.
// Debian's LibTorch starts with a single intra-op thread, so the count is always set explicitly.
struct DeviceOptions {
    std::string device = "auto"; // "auto", "cpu" or "cuda"
    int threads = 0;             // intra-op threads; 0 = number of cores
};

class Device {
public:
    // Applies the thread count and resolves the device. Throws std::invalid_argument for an unknown
    // device name or when "cuda" is asked for on a machine without CUDA.
    static torch::Device configure(const DeviceOptions& options);
    static bool cudaAvailable();
    static int defaultThreads();
    static std::string describe(const torch::Device& device);
};

} // namespace kindred
