#include "detection/pnet.h"

#include "weights/statedict.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <limits>

namespace kindred {

namespace F = torch::nn::functional;

namespace {

// PReLU followed by a 2x2 max-pool of stride 2 with ceil mode, in one pass over a channels-last float tensor
// (what P-Net's first layer makes). LibTorch 1.13 runs the two on channels-last memory as two slow passes
// over the largest activation of the detector (1600x1200: 13 + 17 ms next to 8 ms for conv1; fused 7 ms, 2
// threads); this reads it once and writes only the pooled output. Values equal LibTorch's PReLU then
// max-pool.
template <int64_t C>
void preluMaxPoolRows(const float* in, float* dst, const float* a, int64_t c, int64_t h, int64_t w,
                      int64_t oh, int64_t ow, int64_t begin, int64_t end)
{
    const int64_t channels = C > 0 ? C : c;
    for (int64_t r = begin; r < end; ++r) {
        const int64_t b = r / oh, oy = r % oh;
        const int64_t y0 = 2 * oy, y1 = std::min(y0 + 1, h - 1);
        const float* top = in + ((b * h + y0) * w) * channels;
        const float* bottom = in + ((b * h + y1) * w) * channels;
        float* o = dst + ((b * oh + oy) * ow) * channels;
        for (int64_t ox = 0; ox < ow; ++ox) {
            const int64_t x0 = 2 * ox * channels, x1 = std::min(2 * ox + 1, w - 1) * channels;
            for (int64_t k = 0; k < channels; ++k) {
                const float v0 = top[x0 + k], v1 = top[x1 + k], v2 = bottom[x0 + k], v3 = bottom[x1 + k];
                // max(v, 0) + a * min(v, 0): LibTorch's v > 0 ? v : a * v without a branch (a data-dependent
                // branch here is mispredicted half the time and made the pass 10x slower).
                const float p0 = std::max(v0, 0.0f) + a[k] * std::min(v0, 0.0f);
                const float p1 = std::max(v1, 0.0f) + a[k] * std::min(v1, 0.0f);
                const float p2 = std::max(v2, 0.0f) + a[k] * std::min(v2, 0.0f);
                const float p3 = std::max(v3, 0.0f) + a[k] * std::min(v3, 0.0f);
                o[ox * channels + k] = std::max(std::max(p0, p1), std::max(p2, p3));
            }
        }
    }
}

torch::Tensor preluMaxPool(const torch::Tensor& x, const torch::Tensor& weight)
{
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    const int64_t oh = (h + 1) / 2, ow = (w + 1) / 2;
    torch::Tensor out =
        torch::empty({n, c, oh, ow}, x.options().memory_format(at::MemoryFormat::ChannelsLast));
    const torch::Tensor slopes = weight.to(torch::kFloat).contiguous();
    const float* a = slopes.data_ptr<float>();
    const float* in = x.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    at::parallel_for(0, n * oh, 16, [&](int64_t begin, int64_t end) {
        if (c == 10) // P-Net's first layer: a constant channel count lets the compiler unroll and vectorise
            preluMaxPoolRows<10>(in, dst, a, c, h, w, oh, ow, begin, end);
        else
            preluMaxPoolRows<0>(in, dst, a, c, h, w, oh, ow, begin, end);
    });
    return out;
}

} // namespace

PNetImpl::PNetImpl()
{
    using torch::nn::Conv2dOptions;
    using torch::nn::PReLUOptions;
    conv1 = register_module("conv1", torch::nn::Conv2d(Conv2dOptions(3, 10, 3)));
    prelu1 = register_module("prelu1", torch::nn::PReLU(PReLUOptions().num_parameters(10)));
    conv2 = register_module("conv2", torch::nn::Conv2d(Conv2dOptions(10, 16, 3)));
    prelu2 = register_module("prelu2", torch::nn::PReLU(PReLUOptions().num_parameters(16)));
    conv3 = register_module("conv3", torch::nn::Conv2d(Conv2dOptions(16, 32, 3)));
    prelu3 = register_module("prelu3", torch::nn::PReLU(PReLUOptions().num_parameters(32)));
    conv4_1 = register_module("conv4_1", torch::nn::Conv2d(Conv2dOptions(32, 2, 1)));
    conv4_2 = register_module("conv4_2", torch::nn::Conv2d(Conv2dOptions(32, 4, 1)));
}

std::pair<torch::Tensor, torch::Tensor> PNetImpl::forward(torch::Tensor x)
{
    x = conv1(x);
    if (x.scalar_type() == torch::kFloat && x.device().is_cpu() &&
        x.is_contiguous(at::MemoryFormat::ChannelsLast) && prelu1->weight.numel() == x.size(1)) {
        x = preluMaxPool(x, prelu1->weight);
    } else {
        x = prelu1(x);
        x = F::max_pool2d(x, F::MaxPool2dFuncOptions(2).stride(2).ceil_mode(true));
    }
    x = prelu2(conv2(x));
    x = prelu3(conv3(x));
    torch::Tensor probability = torch::softmax(conv4_1(x), 1).select(1, 1);
    return {probability, conv4_2(x)};
}

void PNetImpl::loadWeights(const TensorMap& weights)
{
    StateDict::load(*this, weights, "P-Net");
}

} // namespace kindred
