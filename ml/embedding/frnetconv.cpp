#include "embedding/frnetconv.h"

namespace kindred {

FrnetConvImpl::FrnetConvImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding,
                             bool relu)
    : withRelu(relu)
{
    conv = register_module(
        "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding)));
    scaleWeight = register_parameter("scale_weight", torch::ones({out}));
    scaleBias = register_parameter("scale_bias", torch::zeros({out}));
}

torch::Tensor FrnetConvImpl::forward(const torch::Tensor& x)
{
    torch::Tensor out =
        torch::addcmul(scaleBias.view({1, -1, 1, 1}), conv->forward(x), scaleWeight.view({1, -1, 1, 1}));
    return withRelu ? torch::relu(out) : out;
}

} // namespace kindred
