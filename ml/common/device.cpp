#include "common/device.h"

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kindred {

bool Device::cudaAvailable()
{
    return torch::cuda::is_available();
}

int Device::defaultThreads()
{
    const unsigned int cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(cores);
}

void Device::setThreads(int threads)
{
    threads = std::max(1, threads);
    if (torch::get_num_threads() != threads)
        torch::set_num_threads(threads);
}

void Device::keepFreedMemory()
{
    static std::once_flag once;
    std::call_once(once, [] {
#if defined(__GLIBC__)
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
        // One heap for every thread: a thread other than the first gets an arena of its own, made of
        // 64 MiB heaps that are trimmed on their own and cannot hold a larger block, so the face job's
        // workers paged their activations in afresh for every photo (P-Net 3.5x slower on a worker).
        mallopt(M_ARENA_MAX, 1);
#endif
    });
}

torch::Device Device::configure(const DeviceOptions& options)
{
    keepFreedMemory();
    const int threads = options.threads > 0 ? options.threads : defaultThreads();
    if (torch::get_num_threads() != threads)
        torch::set_num_threads(threads);
    if (options.device == "cpu")
        return torch::Device(torch::kCPU);
    if (options.device == "cuda") {
        if (!cudaAvailable())
            throw std::invalid_argument(
                "CUDA was requested but this LibTorch build or machine has no CUDA device");
        return torch::Device(torch::kCUDA);
    }
    if (options.device == "auto" || options.device.empty())
        return cudaAvailable() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    throw std::invalid_argument("unknown device '" + options.device + "' (use auto, cpu or cuda)");
}

std::string Device::describe(const torch::Device& device)
{
    if (device.is_cuda())
        return "cuda:" + std::to_string(device.has_index() ? device.index() : 0);
    return "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
}

} // namespace kindred
