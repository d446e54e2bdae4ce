#include "embedding/layernorm2d.h"

namespace kindred {

LayerNorm2dImpl::LayerNorm2dImpl(int64_t channelCount, double epsilon) : channels(channelCount), eps(epsilon)
{
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

torch::Tensor LayerNorm2dImpl::forward(const torch::Tensor& x)
{
    return torch::layer_norm(x.permute({0, 2, 3, 1}), {channels}, weight, bias, eps).permute({0, 3, 1, 2});
}

} // namespace kindred
