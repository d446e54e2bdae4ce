#include "embedding/edgenextmlp.h"

namespace kindred {

EdgeNextMlpImpl::EdgeNextMlpImpl(int64_t channels, int64_t hidden)
{
    fc1 = register_module("fc1", torch::nn::Linear(channels, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, channels));
}

torch::Tensor EdgeNextMlpImpl::forward(const torch::Tensor& x)
{
    return fc2->forward(torch::gelu(fc1->forward(x)));
}

} // namespace kindred
