#pragma once

#include "embedding/crosscovarianceattention.h"
#include "embedding/edgenextmlp.h"
#include "embedding/fourierpositionalencoding.h"

#include <torch/torch.h>
#include <vector>

namespace kindred {

// EdgeNeXt's split depth-wise transpose attention (SDTA) block (timm's SplitTransposeBlock):
//  * the channels are split into `scales` chunks; chunk 0 goes through a 3 x 3 depth-wise convolution, each
//    later chunk but the last is added to the previous result and convolved again (Res2Net style); the last
//    chunk passes unchanged; all are concatenated;
//  * as tokens (N x HW x C), the positional encoding is added when the block has one, then
//    x + gamma_xca * XCA(LayerNorm(x));
//  * LayerNorm, MLP (x4), layer scale gamma, plus the block's input.
struct SplitTransposeBlockImpl : torch::nn::Module {
    SplitTransposeBlockImpl(int64_t channels, int64_t scales, int64_t heads, bool positionalEncoding,
                            int64_t expandRatio = 4);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::ModuleList convs{nullptr};
    FourierPositionalEncoding pos_embd{nullptr};
    torch::nn::LayerNorm norm_xca{nullptr};
    torch::Tensor gamma_xca;
    CrossCovarianceAttention xca{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    EdgeNextMlp mlp{nullptr};
    torch::Tensor gamma;

private:
    std::vector<torch::nn::Conv2d> m_convs;
};
TORCH_MODULE(SplitTransposeBlock);

} // namespace kindred
