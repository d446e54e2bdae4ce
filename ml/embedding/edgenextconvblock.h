#pragma once

#include "embedding/edgenextmlp.h"

#include <torch/torch.h>

namespace kindred {

// EdgeNeXt's convolution encoder block (timm's ConvBlock, stride 1): depthwise k x k convolution (padding
// k / 2), LayerNorm over channels, MLP (x4), per-channel layer scale gamma, plus the input.
struct EdgeNextConvBlockImpl : torch::nn::Module {
    EdgeNextConvBlockImpl(int64_t channels, int64_t kernelSize, int64_t expandRatio = 4);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv_dw{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    EdgeNextMlp mlp{nullptr};
    torch::Tensor gamma;
};
TORCH_MODULE(EdgeNextConvBlock);

} // namespace kindred
