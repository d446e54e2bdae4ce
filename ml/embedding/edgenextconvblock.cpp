#include "embedding/edgenextconvblock.h"

namespace kindred {

EdgeNextConvBlockImpl::EdgeNextConvBlockImpl(int64_t channels, int64_t kernelSize, int64_t expandRatio)
{
    conv_dw =
        register_module("conv_dw", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, kernelSize)
                                                         .padding(kernelSize / 2)
                                                         .groups(channels)));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels}).eps(1e-6)));
    mlp = register_module("mlp", EdgeNextMlp(channels, expandRatio * channels));
    gamma = register_parameter("gamma", torch::ones({channels}));
}

torch::Tensor EdgeNextConvBlockImpl::forward(const torch::Tensor& x)
{
    torch::Tensor y = conv_dw->forward(x).permute({0, 2, 3, 1}); // N x H x W x C
    y = gamma * mlp->forward(norm->forward(y));
    return x + y.permute({0, 3, 1, 2});
}

} // namespace kindred
