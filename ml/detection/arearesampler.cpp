#include "detection/arearesampler.h"

#include "common/modelerror.h"

#include <ATen/Parallel.h>

namespace kindred {

AreaResampler::AreaResampler(const cv::Mat& rgb) : m_width(rgb.cols), m_height(rgb.rows)
{
    if (rgb.type() != CV_8UC3)
        throw ModelError("AreaResampler needs an 8-bit 3-channel image");
    const size_t stride = size_t(m_width + 1) * 3;
    m_table.assign(size_t(m_height + 1) * stride, 0);
    for (int y = 0; y < m_height; ++y) {
        const uint8_t* src = rgb.ptr<uint8_t>(y);
        const uint32_t* above = m_table.data() + size_t(y) * stride;
        uint32_t* row = m_table.data() + size_t(y + 1) * stride;
        uint32_t run[3] = {0, 0, 0};
        for (int x = 0; x < m_width; ++x)
            for (int c = 0; c < 3; ++c) {
                run[c] += src[3 * x + c];
                row[3 * (x + 1) + c] = above[3 * (x + 1) + c] + run[c];
            }
    }
}

void AreaResampler::resample(int x0, int y0, int w, int h, int outW, int outH, float* dst,
                             bool interleaved) const
{
    if (w <= 0 || h <= 0 || outW <= 0 || outH <= 0 || x0 < 0 || y0 < 0 || x0 + w > m_width ||
        y0 + h > m_height)
        throw ModelError("AreaResampler: rectangle outside the image");
    const size_t stride = size_t(m_width + 1) * 3;
    std::vector<int> xs(static_cast<size_t>(outW)), xe(static_cast<size_t>(outW));
    for (int j = 0; j < outW; ++j) {
        xs[size_t(j)] = x0 + int((int64_t(j) * w) / outW);
        xe[size_t(j)] = x0 + int((int64_t(j + 1) * w + outW - 1) / outW);
    }
    const size_t plane = size_t(outW) * size_t(outH);
    const auto rows = [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const int ys = y0 + int((i * h) / outH);
            const int ye = y0 + int(((i + 1) * h + outH - 1) / outH);
            const uint32_t* top = m_table.data() + size_t(ys) * stride;
            const uint32_t* bottom = m_table.data() + size_t(ye) * stride;
            float* out = dst + size_t(i) * size_t(outW) * (interleaved ? 3 : 1);
            const size_t channelStep = interleaved ? 1 : plane;
            const size_t pixelStep = interleaved ? 3 : 1;
            for (int j = 0; j < outW; ++j) {
                const size_t a = 3 * size_t(xs[size_t(j)]);
                const size_t b = 3 * size_t(xe[size_t(j)]);
                const float count = float((ye - ys) * (xe[size_t(j)] - xs[size_t(j)]));
                for (size_t c = 0; c < 3; ++c) {
                    const uint32_t sum = bottom[b + c] - bottom[a + c] - top[b + c] + top[a + c];
                    out[c * channelStep + size_t(j) * pixelStep] = (float(sum) / count - 127.5f) * 0.0078125f;
                }
            }
        }
    };
    if (plane >= 16384)
        at::parallel_for(0, outH, 16, rows);
    else
        rows(0, outH);
}

} // namespace kindred
