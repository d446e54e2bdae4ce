#include "embedding/edgenextstage.h"

#include "embedding/layernorm2d.h"

namespace kindred {

EdgeNextStageImpl::EdgeNextStageImpl(const EdgeNextStageOptions& options)
{
    if (options.downsample)
        downsample = register_module(
            "downsample",
            torch::nn::Sequential(
                LayerNorm2d(options.in),
                torch::nn::Conv2d(torch::nn::Conv2dOptions(options.in, options.out, 2).stride(2))));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < options.depth; ++i) {
        if (i < options.depth - options.globalBlocks) {
            m_convBlocks.emplace_back(options.out, options.kernelSize);
            blocks->push_back(m_convBlocks.back());
        } else {
            m_global =
                SplitTransposeBlock(options.out, options.scales, options.heads, options.positionalEncoding);
            blocks->push_back(m_global);
        }
    }
}

torch::Tensor EdgeNextStageImpl::forward(const torch::Tensor& x)
{
    torch::Tensor y = downsample ? downsample->forward(x) : x;
    for (auto& block : m_convBlocks)
        y = block->forward(y);
    return m_global ? m_global->forward(y) : y;
}

} // namespace kindred
