#include "detection/facecheck.h"

#include "detection/nms.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

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

std::vector<bool> FaceCheck::secondBoxes(const std::vector<FaceDetection>& faces,
                                         const std::vector<double>& confidence, const std::vector<bool>& keep)
{
    std::vector<bool> second(faces.size(), false);
    if (confidence.size() != faces.size() || (!keep.empty() && keep.size() != faces.size()))
        return second;
    const auto kept = [&](size_t i) { return !keep.empty() && keep[i]; };
    // The family's boxes first, then by confidence (a NaN last: it never passes), ties in the given order.
    const auto rank = [&](size_t i) {
        return kept(i)                     ? std::numeric_limits<double>::infinity()
               : std::isnan(confidence[i]) ? -std::numeric_limits<double>::infinity()
                                           : confidence[i];
    };
    std::vector<size_t> order(faces.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) > rank(b); });
    std::vector<size_t> shown;
    for (const size_t i : order) {
        if (kept(i)) {
            shown.push_back(i);
            continue;
        }
        if (!isFace(confidence[i]))
            continue;
        for (const size_t k : shown)
            if (Nms::boxIou(faces[i].box, faces[k].box) >= kSecondBoxIou) {
                second[i] = true;
                break;
            }
        if (!second[i])
            shown.push_back(i);
    }
    return second;
}

} // namespace kindred
