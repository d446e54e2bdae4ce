#include "embedding/edgenext.h"

namespace kindred {

EdgeNextConfig EdgeNextConfig::xs()
{
    EdgeNextConfig c;
    c.dims = {32, 64, 100, 192};
    c.depths = {3, 3, 9, 3};
    return c;
}

EdgeNextConfig EdgeNextConfig::xxs()
{
    EdgeNextConfig c;
    c.dims = {24, 48, 88, 168};
    c.depths = {2, 2, 6, 2};
    return c;
}

EdgeNextImpl::Head::Head(int64_t channels, int64_t outputs)
{
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels}).eps(1e-6)));
    fc = register_module("fc", torch::nn::Linear(channels, outputs));
}

EdgeNextImpl::EdgeNextImpl(const EdgeNextConfig& cfg) : config(cfg)
{
    stem = register_module(
        "stem",
        torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, cfg.dims[0], 4).stride(4)),
                              LayerNorm2d(cfg.dims[0])));
    stages = register_module("stages", torch::nn::ModuleList());
    for (size_t i = 0; i < 4; ++i) {
        EdgeNextStageOptions o;
        o.in = i == 0 ? cfg.dims[0] : cfg.dims[i - 1];
        o.out = cfg.dims[i];
        o.downsample = i > 0;
        o.depth = cfg.depths[i];
        o.globalBlocks = cfg.globalBlocks[i];
        o.kernelSize = cfg.kernelSizes[i];
        o.scales = cfg.scales[i];
        o.heads = cfg.heads;
        o.positionalEncoding = cfg.positionalEncoding[i];
        m_stages.emplace_back(o);
        stages->push_back(m_stages.back());
    }
    head = register_module("head", std::make_shared<Head>(cfg.dims[3], cfg.outputs));
}

torch::Tensor EdgeNextImpl::features(const torch::Tensor& x)
{
    torch::Tensor y = stem->forward(x);
    for (auto& stage : m_stages)
        y = stage->forward(y);
    return y;
}

torch::Tensor EdgeNextImpl::headForward(const torch::Tensor& features)
{
    return head->fc->forward(head->norm->forward(features.mean({2, 3})));
}

torch::Tensor EdgeNextImpl::forward(const torch::Tensor& x)
{
    return headForward(features(x));
}

} // namespace kindred
