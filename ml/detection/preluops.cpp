#include "detection/preluops.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <limits>

namespace kindred {

namespace F = torch::nn::functional;

namespace {

// max(v, 0) + a * min(v, 0): LibTorch's v > 0 ? v : a * v without a branch (a data-dependent branch here is
// mispredicted half the time and made the pass 10x slower). Equal to it for every float, -0 aside.
inline float preluOf(float v, float a)
{
    return std::max(v, 0.0f) + a * std::min(v, 0.0f);
}

struct PoolShape {
    int64_t n, c, h, w, oh, ow, kernel, stride;
};

// Each output row in two passes over contiguous memory: the maximum of the PReLU'd window rows for every
// (x, channel) of the input row (slopes laid out along the row, so that the loop is elementwise and
// vectorises for any channel count), then the maximum over each window's columns.
void preluMaxPoolRows(const float* in, float* dst, const float* slopeRow, const PoolShape& s, int64_t begin,
                      int64_t end)
{
    const int64_t rowLength = s.w * s.c;
    std::vector<float> column(static_cast<size_t>(rowLength));
    float* m = column.data();
    for (int64_t r = begin; r < end; ++r) {
        const int64_t b = r / s.oh, oy = r % s.oh;
        const int64_t y0 = oy * s.stride, y1 = std::min(y0 + s.kernel, s.h);
        const float* first = in + (b * s.h + y0) * rowLength;
        for (int64_t j = 0; j < rowLength; ++j)
            m[j] = preluOf(first[j], slopeRow[j]);
        for (int64_t y = y0 + 1; y < y1; ++y) {
            const float* row = in + (b * s.h + y) * rowLength;
            for (int64_t j = 0; j < rowLength; ++j)
                m[j] = std::max(m[j], preluOf(row[j], slopeRow[j]));
        }
        float* o = dst + ((b * s.oh + oy) * s.ow) * s.c;
        for (int64_t ox = 0; ox < s.ow; ++ox) {
            const int64_t x0 = ox * s.stride, x1 = std::min(x0 + s.kernel, s.w);
            float* out = o + ox * s.c;
            const float* left = m + x0 * s.c;
            std::copy(left, left + s.c, out);
            for (int64_t x = x0 + 1; x < x1; ++x) {
                const float* p = m + x * s.c;
                for (int64_t k = 0; k < s.c; ++k)
                    out[k] = std::max(out[k], p[k]);
            }
        }
    }
}

// ceil_mode output size without padding, as LibTorch computes it (a window must start inside the input).
int64_t pooledSize(int64_t size, int64_t kernel, int64_t stride)
{
    int64_t out = (size - kernel + stride - 1) / stride + 1;
    if ((out - 1) * stride >= size)
        --out;
    return out;
}

} // namespace

bool PreluOps::channelsInnermost(const torch::Tensor& x)
{
    if (x.scalar_type() != torch::kFloat || !x.device().is_cpu() || x.requires_grad() ||
        torch::GradMode::is_enabled())
        return false;
    if (x.dim() == 2)
        return x.is_contiguous();
    return x.dim() == 4 && x.is_contiguous(at::MemoryFormat::ChannelsLast);
}

torch::Tensor PreluOps::prelu(torch::Tensor x, const torch::Tensor& slopes)
{
    if (!channelsInnermost(x) || slopes.numel() != x.size(1))
        return torch::prelu(x, slopes);
    // The slopes repeated for a block of pixels, so that the loop is elementwise and vectorises for any
    // channel count.
    constexpr int64_t kBlock = 64;
    const int64_t c = x.size(1);
    const int64_t pixels = x.numel() / std::max<int64_t>(c, 1);
    const torch::Tensor slopeBlock = slopes.to(torch::kFloat).contiguous().repeat({kBlock});
    const float* a = slopeBlock.data_ptr<float>();
    float* data = x.data_ptr<float>();
    at::parallel_for(0, (pixels + kBlock - 1) / kBlock, 64, [&](int64_t begin, int64_t end) {
        for (int64_t block = begin; block < end; ++block) {
            float* p = data + block * kBlock * c;
            const int64_t n = (std::min(pixels, (block + 1) * kBlock) - block * kBlock) * c;
            for (int64_t j = 0; j < n; ++j)
                p[j] = preluOf(p[j], a[j]);
        }
    });
    return x;
}

torch::Tensor PreluOps::preluMaxPool(const torch::Tensor& x, const torch::Tensor& slopes, int kernel,
                                     int stride)
{
    if (x.dim() != 4 || !channelsInnermost(x) || slopes.numel() != x.size(1) || kernel < 1 || stride < 1 ||
        x.size(2) < kernel || x.size(3) < kernel)
        return F::max_pool2d(torch::prelu(x, slopes),
                             F::MaxPool2dFuncOptions(kernel).stride(stride).ceil_mode(true));
    PoolShape s{x.size(0), x.size(1), x.size(2), x.size(3), 0, 0, kernel, stride};
    s.oh = pooledSize(s.h, kernel, stride);
    s.ow = pooledSize(s.w, kernel, stride);
    torch::Tensor out =
        torch::empty({s.n, s.c, s.oh, s.ow}, x.options().memory_format(at::MemoryFormat::ChannelsLast));
    // The slopes repeated along one input row.
    const torch::Tensor slopeRow = slopes.to(torch::kFloat).contiguous().repeat({s.w});
    const float* slope = slopeRow.data_ptr<float>();
    const float* in = x.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    at::parallel_for(0, s.n * s.oh, 16,
                     [&](int64_t begin, int64_t end) { preluMaxPoolRows(in, dst, slope, s, begin, end); });
    return out;
}

} // namespace kindred
