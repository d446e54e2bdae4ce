#pragma once

#include "embedding/basicconv2d.h"

#include <torch/torch.h>

namespace kindred {

// Inception-ResNet-B block (896 channels): branch0 1x1; branch1 1x1 -> 1x7 -> 7x1; concatenated,
// conv2d 1x1 (with bias) back to 896, scaled residual, ReLU.
struct Block17Impl : torch::nn::Module {
    explicit Block17Impl(double scale = 1.0);
    torch::Tensor forward(const torch::Tensor& x);

    double scale;
    BasicConv2d branch0{nullptr};
    torch::nn::Sequential branch1{nullptr};
    torch::nn::Conv2d conv2d{nullptr};
};
TORCH_MODULE(Block17);

} // namespace kindred
