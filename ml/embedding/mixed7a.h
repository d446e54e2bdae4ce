#pragma once

#include "embedding/basicconv2d.h"

#include <torch/torch.h>

namespace kindred {

// Reduction-B (896 -> 1792 channels, stride 2): branch0 1x1 -> 3x3/2 (384); branch1 1x1 -> 3x3/2 (256);
// branch2 1x1 -> 3x3 -> 3x3/2 (256); branch3 max pool 3x3/2; concatenated.
struct Mixed7aImpl : torch::nn::Module {
    Mixed7aImpl();
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Sequential branch0{nullptr};
    torch::nn::Sequential branch1{nullptr};
    torch::nn::Sequential branch2{nullptr};
};
TORCH_MODULE(Mixed7a);

} // namespace kindred
