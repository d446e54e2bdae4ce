#pragma once

#include "embedding/basicconv2d.h"

#include <torch/torch.h>

namespace kindred {

// Inception-ResNet-C block (1792 channels): branch0 1x1; branch1 1x1 -> 1x3 -> 3x1; concatenated,
// conv2d 1x1 (with bias) back to 1792, scaled residual, ReLU unless noRelu (the final block8).
struct Block8Impl : torch::nn::Module {
    explicit Block8Impl(double scale = 1.0, bool noRelu = false);
    torch::Tensor forward(const torch::Tensor& x);

    double scale;
    bool withRelu;
    BasicConv2d branch0{nullptr};
    torch::nn::Sequential branch1{nullptr};
    torch::nn::Conv2d conv2d{nullptr};
};
TORCH_MODULE(Block8);

} // namespace kindred
