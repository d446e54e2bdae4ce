#pragma once

#include <torch/torch.h>

namespace kindred {

// The inverted-bottleneck MLP of EdgeNeXt's blocks, on channels-last input (..., C): fc1 (C -> 4C),
// exact (erf) GELU, fc2 (4C -> C).
struct EdgeNextMlpImpl : torch::nn::Module {
    EdgeNextMlpImpl(int64_t channels, int64_t hidden);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear fc1{nullptr};
    torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(EdgeNextMlp);

} // namespace kindred
