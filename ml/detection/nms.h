#pragma once

#include <array>
#include <vector>

namespace kindred {

// Non-maximum suppression on x1,y1,x2,y2 boxes, as facenet-pytorch's MTCNN uses it.
class Nms {
public:
    using Box = std::array<float, 4>;
    // torchvision.ops.nms: area = (x2-x1)*(y2-y1); drops a box whose IoU with a kept, higher-scoring box is
    // > threshold. Returns kept indices, best score first.
    static std::vector<int> iou(const std::vector<Box>& boxes, const std::vector<float>& scores,
                                float threshold);
    // facenet-pytorch's nms_numpy(..., 'Min'): area = (x2-x1+1)*(y2-y1+1), overlap = inter / min(area);
    // drops a box when overlap > threshold. Returns kept indices, best score first.
    static std::vector<int> minimum(const std::vector<Box>& boxes, const std::vector<float>& scores,
                                    float threshold);
    // Area of the overlap of two boxes (0 when they do not overlap).
    static float intersection(const Box& a, const Box& b);
    // Intersection over union of two boxes, area = (x2-x1)*(y2-y1), as iou() compares them.
    static float boxIou(const Box& a, const Box& b);
};

} // namespace kindred
