#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace kindred {

// Area resampling with exactly the semantics of torch's interpolate(mode="area") (= adaptive average
// pooling: output cell i averages input [floor(i*in/out), ceil((i+1)*in/out))), which facenet-pytorch's
// MTCNN uses for its pyramid and its 24/48 crops. Built once per image from a summed-area table, every
// pyramid level and every crop then costs O(output pixels), whatever its size.
// Sums use uint32 with wrap-around, which stays exact for any rectangle below 16.8 M pixels.
class AreaResampler {
public:
    // `rgb`: CV_8UC3. The image is not kept (the table is a copy).
    explicit AreaResampler(const cv::Mat& rgb);

    int width() const { return m_width; }
    int height() const { return m_height; }

    // Resamples the rectangle [x0, x0+w) x [y0, y0+h) (inside the image) to outW x outH and writes it as
    // three float planes (CHW) normalised to (v - 127.5) * 0.0078125, i.e. 3*outH*outW floats at `dst`. With
    // `interleaved`, writes HWC instead (the memory layout of a channels-last NCHW tensor).
    void resample(int x0, int y0, int w, int h, int outW, int outH, float* dst,
                  bool interleaved = false) const;

private:
    int m_width = 0;
    int m_height = 0;
    std::vector<uint32_t> m_table; // (height+1) x (width+1) x 3
};

} // namespace kindred
