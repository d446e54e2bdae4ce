#include "embedding/splittransposeblock.h"

#include <algorithm>

namespace kindred {

SplitTransposeBlockImpl::SplitTransposeBlockImpl(int64_t channels, int64_t scales, int64_t heads,
                                                 bool positionalEncoding, int64_t expandRatio)
{
    // Chunk width as torch.chunk makes it: ceil(channels / scales) (the last chunk may be narrower).
    const int64_t width = (channels + scales - 1) / scales;
    convs = register_module("convs", torch::nn::ModuleList());
    for (int64_t i = 0; i < std::max<int64_t>(1, scales - 1); ++i) {
        m_convs.emplace_back(torch::nn::Conv2dOptions(width, width, 3).padding(1).groups(width));
        convs->push_back(m_convs.back());
    }
    if (positionalEncoding)
        pos_embd = register_module("pos_embd", FourierPositionalEncoding(channels));
    norm_xca =
        register_module("norm_xca", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels}).eps(1e-6)));
    gamma_xca = register_parameter("gamma_xca", torch::ones({channels}));
    xca = register_module("xca", CrossCovarianceAttention(channels, heads));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels}).eps(1e-6)));
    mlp = register_module("mlp", EdgeNextMlp(channels, expandRatio * channels));
    gamma = register_parameter("gamma", torch::ones({channels}));
}

torch::Tensor SplitTransposeBlockImpl::forward(const torch::Tensor& x)
{
    const std::vector<torch::Tensor> chunks = x.chunk(int64_t(m_convs.size()) + 1, 1);
    std::vector<torch::Tensor> parts;
    torch::Tensor running = chunks[0];
    for (size_t i = 0; i < m_convs.size(); ++i) {
        if (i > 0)
            running = running + chunks[i];
        running = m_convs[i]->forward(running);
        parts.push_back(running);
    }
    parts.push_back(chunks.back());
    torch::Tensor y = torch::cat(parts, 1);

    const int64_t batch = y.size(0);
    const int64_t channels = y.size(1);
    const int64_t height = y.size(2);
    const int64_t width = y.size(3);
    y = y.reshape({batch, channels, height * width}).permute({0, 2, 1}); // N x HW x C
    if (pos_embd)
        y = y + pos_embd->forward(height, width).reshape({1, channels, height * width}).permute({0, 2, 1});
    y = y + gamma_xca * xca->forward(norm_xca->forward(y));
    y = y.reshape({batch, height, width, channels});
    y = gamma * mlp->forward(norm->forward(y));
    return x + y.permute({0, 3, 1, 2});
}

} // namespace kindred
