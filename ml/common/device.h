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
    // Also calls keepFreedMemory() once per process.
    static torch::Device configure(const DeviceOptions& options);
    // LibTorch's CPU tensors come straight from malloc. With glibc's defaults every tensor above
    // 128 KiB is a fresh mmap that the kernel faults in and zeroes page by page and unmaps on free,
    // which costs more than the arithmetic for MTCNN's large, cheap activations (measured: P-Net
    // 1.9x faster without it, docs/decisions.md). This keeps such blocks in the heap for reuse and
    // returns memory to the system once more than 256 MiB lies free at its top, and lets no new malloc
    // arena be made (glibc's per-thread arenas are 64 MiB heaps each: a worker thread's large tensors would
    // not be kept); arenas made before this call stay in use, so kindred and kindred-cli also set the
    // limit first thing in main() (WaitPolicy). No-op off glibc.
    static void keepFreedMemory();
    static bool cudaAvailable();
    static int defaultThreads();
    // Changes the intra-op thread count for work started from the calling thread from now on (OpenMP keeps
    // the count per thread: call it on the thread that runs the inference). Not for CUDA work.
    static void setThreads(int threads);
    static std::string describe(const torch::Device& device);
};

} // namespace kindred
