#include "detection/facecheck.h"

#include <algorithm>
#include <cmath>

namespace kindred {

namespace {

constexpr int kShifts = 4; // a fifth of the box in each of the four directions

double logit(double p)
{
    p = std::clamp(p, 1e-6, 1.0 - 1e-6);
    return std::log(p / (1.0 - p));
}

} // namespace

std::vector<double> FaceCheck::confidence(MtcnnDetector& detector, const cv::Mat& rgb,
                                          const std::vector<FaceDetection>& faces)
{
    std::vector<std::array<float, 4>> boxes;
    boxes.reserve(faces.size() * (kShifts + 1));
    for (const FaceDetection& f : faces) {
        const auto& [a, b, c, d] = f.box;
        const float w = c - a, h = d - b;
        boxes.push_back(f.box);
        const float dx = 0.2f * w, dy = 0.2f * h;
        boxes.push_back({a - dx, b, c - dx, d});
        boxes.push_back({a + dx, b, c + dx, d});
        boxes.push_back({a, b - dy, c, d - dy});
        boxes.push_back({a, b + dy, c, d + dy});
    }
    std::vector<double> result;
    if (faces.empty())
        return result;
    const std::vector<MtcnnDetector::Rescore> scores = detector.rescore(rgb, boxes);
    for (size_t i = 0; i < faces.size(); ++i) {
        double sum = 0;
        for (size_t k = 0; k <= size_t(kShifts); ++k)
            sum += logit(scores[i * (kShifts + 1) + k].onet);
        result.push_back(logit(faces[i].probability) + sum / (kShifts + 1));
    }
    return result;
}

} // namespace kindred
