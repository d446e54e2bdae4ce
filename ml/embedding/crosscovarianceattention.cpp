#include "embedding/crosscovarianceattention.h"

namespace kindred {

CrossCovarianceAttentionImpl::CrossCovarianceAttentionImpl(int64_t channels, int64_t headCount)
    : heads(headCount)
{
    temperature = register_parameter("temperature", torch::ones({heads, 1, 1}));
    qkv = register_module("qkv", torch::nn::Linear(channels, 3 * channels));
    proj = register_module("proj", torch::nn::Linear(channels, channels));
}

torch::Tensor CrossCovarianceAttentionImpl::forward(const torch::Tensor& x)
{
    namespace F = torch::nn::functional;
    const int64_t batch = x.size(0);
    const int64_t tokens = x.size(1);
    const int64_t channels = x.size(2);
    // 3 x N x heads x C/heads x L
    const torch::Tensor parts =
        qkv->forward(x).reshape({batch, tokens, 3, heads, -1}).permute({2, 0, 3, 4, 1});
    const auto unit = F::NormalizeFuncOptions().dim(-1).eps(1e-12);
    const torch::Tensor q = F::normalize(parts[0], unit);
    const torch::Tensor k = F::normalize(parts[1], unit);
    const torch::Tensor attention = (torch::matmul(q, k.transpose(-2, -1)) * temperature).softmax(-1);
    const torch::Tensor out = torch::matmul(attention, parts[2]); // N x heads x C/heads x L
    return proj->forward(out.permute({0, 3, 1, 2}).reshape({batch, tokens, channels}));
}

} // namespace kindred
