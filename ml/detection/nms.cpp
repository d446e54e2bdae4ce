#include "detection/nms.h"

#include <algorithm>
#include <numeric>

namespace kindred {

namespace {

std::vector<int> byScore(const std::vector<float>& scores)
{
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return scores[size_t(a)] > scores[size_t(b)]; });
    return order;
}

template <typename Overlap>
std::vector<int> suppress(const std::vector<Nms::Box>& boxes, const std::vector<float>& scores,
                          float threshold, Overlap overlap)
{
    const std::vector<int> order = byScore(scores);
    std::vector<char> removed(boxes.size(), 0);
    std::vector<int> keep;
    for (size_t a = 0; a < order.size(); ++a) {
        const int i = order[a];
        if (removed[size_t(i)])
            continue;
        keep.push_back(i);
        for (size_t b = a + 1; b < order.size(); ++b) {
            const int j = order[b];
            if (!removed[size_t(j)] && overlap(boxes[size_t(i)], boxes[size_t(j)]) > threshold)
                removed[size_t(j)] = 1;
        }
    }
    return keep;
}

} // namespace

float Nms::intersection(const Box& a, const Box& b)
{
    const float w = std::max(0.0f, std::min(a[2], b[2]) - std::max(a[0], b[0]));
    const float h = std::max(0.0f, std::min(a[3], b[3]) - std::max(a[1], b[1]));
    return w * h;
}

float Nms::boxIou(const Box& a, const Box& b)
{
    const float areaA = (a[2] - a[0]) * (a[3] - a[1]);
    const float areaB = (b[2] - b[0]) * (b[3] - b[1]);
    const float inter = intersection(a, b);
    return inter / (areaA + areaB - inter);
}

std::vector<int> Nms::iou(const std::vector<Box>& boxes, const std::vector<float>& scores, float threshold)
{
    return suppress(boxes, scores, threshold, boxIou);
}

std::vector<int> Nms::minimum(const std::vector<Box>& boxes, const std::vector<float>& scores,
                              float threshold)
{
    return suppress(boxes, scores, threshold, [](const Box& a, const Box& b) {
        const float areaA = (a[2] - a[0] + 1) * (a[3] - a[1] + 1);
        const float areaB = (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
        const float w = std::max(0.0f, std::min(a[2], b[2]) - std::max(a[0], b[0]) + 1);
        const float h = std::max(0.0f, std::min(a[3], b[3]) - std::max(a[1], b[1]) + 1);
        return w * h / std::min(areaA, areaB);
    });
}

} // namespace kindred
