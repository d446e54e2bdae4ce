#pragma once

#include <torch/torch.h>

namespace kindred {

// facenet-pytorch's BasicConv2d: conv (no bias) -> BatchNorm2d (eps 1e-3) -> ReLU. Modules conv, bn.
struct BasicConv2dImpl : torch::nn::Module {
    BasicConv2dImpl(int64_t in, int64_t out, torch::ExpandingArray<2> kernel, int64_t stride = 1,
                    torch::ExpandingArray<2> padding = 0);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(BasicConv2d);

} // namespace kindred
