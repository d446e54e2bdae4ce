#include "embedding/basicconv2d.h"

namespace kindred {

BasicConv2dImpl::BasicConv2dImpl(int64_t in, int64_t out, torch::ExpandingArray<2> kernel, int64_t stride,
                                 torch::ExpandingArray<2> padding)
{
    conv = register_module(
        "conv", torch::nn::Conv2d(
                    torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false)));
    bn = register_module("bn",
                         torch::nn::BatchNorm2d(torch::nn::BatchNormOptions(out).eps(1e-3).momentum(0.1)));
}

torch::Tensor BasicConv2dImpl::forward(const torch::Tensor& x)
{
    return torch::relu(bn->forward(conv->forward(x)));
}

} // namespace kindred
