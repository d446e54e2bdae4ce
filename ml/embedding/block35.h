#pragma once

#include "embedding/basicconv2d.h"

#include <torch/torch.h>

namespace kindred {

// Inception-ResNet-A block (35x35 grid in the original, 256 channels): branch0 1x1; branch1 1x1 -> 3x3;
// branch2 1x1 -> 3x3 -> 3x3; concatenated, conv2d 1x1 (with bias) back to 256, scaled residual, ReLU.
struct Block35Impl : torch::nn::Module {
    explicit Block35Impl(double scale = 1.0);
    torch::Tensor forward(const torch::Tensor& x);

    double scale;
    BasicConv2d branch0{nullptr};
    torch::nn::Sequential branch1{nullptr};
    torch::nn::Sequential branch2{nullptr};
    torch::nn::Conv2d conv2d{nullptr};
};
TORCH_MODULE(Block35);

} // namespace kindred
