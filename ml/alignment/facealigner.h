#pragma once

#include <array>
#include <opencv2/core.hpp>

namespace kindred {

using FaceLandmarks = std::array<std::array<float, 2>, 5>; // as FaceDetection::landmarks

// Turns a detected face into an embedder input. Two methods (measure per embedder which works better):
//  * cropBox: facenet-pytorch's extract_face - the box grown by a margin given in output pixels
//    (margin * box size / (size - margin)), clipped to the image, truncated to ints, resized (area) to size x
//    size.
//  * alignLandmarks: a least-squares similarity transform (rotation + uniform scale + shift, Umeyama) taking
//    the five MTCNN landmarks onto a canonical template, then an affine warp. The default template is dlib's
//    mean face (eye centres, nose tip, mouth corners of dlib's 68-point mean shape) with dlib's chip padding
//    0.25, i.e. the framing of dlib's 150x150 face chips that FaceRecognitionNet was trained on.
// All images are CV_8UC3 (any channel order; it is kept). Coordinates are in `image` pixels.
class FaceAligner {
public:
    // Throws ModelError when the (clipped) box is empty.
    static cv::Mat cropBox(const cv::Mat& image, const std::array<float, 4>& box, int size = 160,
                           float margin = 32);
    static cv::Mat alignLandmarks(const cv::Mat& image, const FaceLandmarks& landmarks, int size = 150,
                                  double padding = 0.25);
    // The embedder input the library uses: alignLandmarks when the face lies inside the image (a photo),
    // cropBox with a margin of 20 % of the output when the box runs off the image by more than 5 % of its
    // size (an already-cropped face, where a landmark warp would pull in black borders). Measured with
    // FaceRecognitionNet (docs/models.md): on real photos landmarks separate different people far better
    // (median cosine 0.845 vs 0.920 with box crops, none above 0.92 vs half), on tight crops the box wins
    // (balanced accuracy 0.952 vs 0.846).
    static cv::Mat alignAuto(const cv::Mat& image, const std::array<float, 4>& box,
                             const FaceLandmarks& landmarks, int size);
    static bool boxInside(const cv::Mat& image, const std::array<float, 4>& box);
    // The five template points for an output of size x size with dlib-style padding.
    static std::array<cv::Point2d, 5> dlibTemplate(int size, double padding = 0.25);
    // Least-squares similarity transform (2x3) mapping `from` onto `to` (no reflection).
    static cv::Matx23d similarity(const std::array<cv::Point2d, 5>& from,
                                  const std::array<cv::Point2d, 5>& to);
    // Warps `image` with `transform` (image -> output) to size x size; area-prefilters strong downscales.
    static cv::Mat warp(const cv::Mat& image, const cv::Matx23d& transform, int size);
};

} // namespace kindred
