#pragma once

#include <array>
#include <opencv2/core.hpp>

namespace kindred {

// Where an embedding network expects MTCNN's five landmarks (left eye, right eye, nose tip, left and
// right mouth corner, as seen in the image) in its size x size input chip: the geometry of the face
// crops it was trained on. Each Embedder declares its own (Embedder::chipTemplate()); FaceAligner maps
// a detected face onto it with a least-squares similarity transform.
struct ChipTemplate {
    int size = 150;
    std::array<cv::Point2d, 5> points{};
};

} // namespace kindred
