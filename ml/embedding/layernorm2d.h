#pragma once

#include <torch/torch.h>

namespace kindred {

// LayerNorm over the channels of an N x C x H x W tensor, each pixel normalised on its own (timm's
// LayerNorm2d): parameters weight and bias of length C, eps 1e-6.
struct LayerNorm2dImpl : torch::nn::Module {
    explicit LayerNorm2dImpl(int64_t channels, double eps = 1e-6);
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight;
    torch::Tensor bias;
    int64_t channels;
    double eps;
};
TORCH_MODULE(LayerNorm2d);

} // namespace kindred
