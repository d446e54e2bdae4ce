#pragma once

#include "detection/mtcnn.h"

#include <opencv2/core.hpp>
#include <vector>

namespace kindred {

// A second look at MTCNN's detections, to keep hands, ears, feet, jewellery and patterned cloth out of
// the faces a family sees. MTCNN's O-Net is asked again about the same place with the box moved by a fifth
// of its size in each of the four directions: a face stays a face when the box moves a little (O-Net was
// trained on such loosely placed boxes), while what fooled the detector at one position usually does not
// at the others. The confidence is the detector's own logit plus the mean O-Net logit over the box and its
// four moved copies; measured on labelled detections of the dev set (docs/quality.md section 8), no
// weights were fitted to it. Five O-Net runs per detection: about a seventh of the detection's time.
class FaceCheck {
public:
    // Below this confidence a detection is kept as "not a face" (measured: docs/quality.md section 8).
    static constexpr double kMinConfidence = 1.5;
    // Below this, a face is shown but not grouped: on the dev set the only group such faces made was of a
    // costume mask and hands over faces, while the faces of real groups lie far above it (docs/quality.md
    // section 8).
    static constexpr double kMinGroupConfidence = 3.0;

    // Confidence for each detection of `rgb` (the image given to the detector; boxes in its pixels).
    static std::vector<double> confidence(MtcnnDetector& detector, const cv::Mat& rgb,
                                          const std::vector<FaceDetection>& faces);
    static bool isFace(double confidence) { return confidence >= kMinConfidence; }
    static bool canGroup(double confidence) { return confidence >= kMinGroupConfidence; }
};

} // namespace kindred
