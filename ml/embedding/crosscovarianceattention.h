#pragma once

#include <torch/torch.h>

namespace kindred {

// EdgeNeXt's transposed ("cross-covariance") attention on N x L x C tokens: per head, the C/heads x C/heads
// attention map between the channels of q and k (each L2-normalised over the L tokens), scaled by a learned
// temperature per head, softmax, applied to v; then a linear projection. Cost grows with L, not L^2.
struct CrossCovarianceAttentionImpl : torch::nn::Module {
    CrossCovarianceAttentionImpl(int64_t channels, int64_t heads);
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor temperature; // heads x 1 x 1
    torch::nn::Linear qkv{nullptr};
    torch::nn::Linear proj{nullptr};
    int64_t heads;
};
TORCH_MODULE(CrossCovarianceAttention);

} // namespace kindred
