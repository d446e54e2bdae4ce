#pragma once

#include "embedding/basicconv2d.h"

#include <torch/torch.h>

namespace kindred {

// Reduction-A (256 -> 896 channels, stride 2): branch0 3x3/2; branch1 1x1 -> 3x3 -> 3x3/2;
// branch2 max pool 3x3/2; concatenated.
struct Mixed6aImpl : torch::nn::Module {
    Mixed6aImpl();
    torch::Tensor forward(const torch::Tensor& x);

    BasicConv2d branch0{nullptr};
    torch::nn::Sequential branch1{nullptr};
};
TORCH_MODULE(Mixed6a);

} // namespace kindred
