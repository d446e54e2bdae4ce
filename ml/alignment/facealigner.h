#pragma once

#include "alignment/chiptemplate.h"

#include <array>
#include <opencv2/core.hpp>

namespace kindred {

using FaceLandmarks = std::array<std::array<float, 2>, 5>; // as FaceDetection::landmarks

// Turns a detected face into an embedder input.
//  * align: a least-squares similarity transform (rotation + uniform scale + shift, Umeyama) taking the five
//    MTCNN landmarks onto the embedder's ChipTemplate, then an affine warp. Parts of the chip that lie
//    outside the image (a face that fills a photo: an already-cropped face, a passport scan) repeat the
//    image's edge pixels rather than showing black: measured on the dev set's tight crops (docs/quality.md).
//    This is the one method the library and the CLI use for every face with landmarks.
//  * cropBox: facenet-pytorch's extract_face - the box grown by a margin given in output pixels
//    (margin * box size / (size - margin)), clipped to the image, truncated to ints, resized (area) to size x
//    size. For display crops, and for a face without landmarks (a box drawn by hand where the detector
//    finds no face).
// All images are CV_8UC3 (any channel order; it is kept). Coordinates are in `image` pixels.
class FaceAligner {
public:
    // Throws ModelError when the (clipped) box is empty.
    static cv::Mat cropBox(const cv::Mat& image, const std::array<float, 4>& box, int size = 160,
                           float margin = 32);
    static cv::Mat align(const cv::Mat& image, const FaceLandmarks& landmarks, const ChipTemplate& chip);
    // The pixels of an image of `imageSize` that align() and cropBox() read for a face (clipped to the image;
    // empty when none): a caller that decodes only these (and, where the rectangle meets the image's edge,
    // up to it) gets the same crops.
    static cv::Rect alignSource(const FaceLandmarks& landmarks, const ChipTemplate& chip,
                                const cv::Size& imageSize);
    static cv::Rect cropBoxSource(const std::array<float, 4>& box, int size, float margin,
                                  const cv::Size& imageSize);
    // align() onto dlib's chip (dlibChip(size, padding)).
    static cv::Mat alignLandmarks(const cv::Mat& image, const FaceLandmarks& landmarks, int size = 150,
                                  double padding = 0.25);
    // dlib's face chip (get_face_chip_details): its 68-point mean face reduced to MTCNN's five points (eye
    // centres = mean of the six eye-contour points, nose tip = point 30, mouth corners = 48 and 54), with
    // dlib's padding around the mean face. FaceRecognitionNet was trained on 150 x 150 chips, padding 0.25.
    static ChipTemplate dlibChip(int size = 150, double padding = 0.25);
    // The crop facenet-pytorch's models were trained on (MTCNN box + margin, resized to size): MTCNN's mean
    // landmark positions inside its box (measured on the dev set, docs/models.md) placed in a box that
    // leaves `margin` output pixels around it.
    static ChipTemplate boxChip(int size = 160, double margin = 32);
    // The ArcFace (insightface) 112 x 112 five-point template, scaled to size x size: the crops EdgeFace
    // was trained on.
    static ChipTemplate arcfaceChip(int size = 112);
    // How far the face is turned away, from its landmarks: the nose tip's distance from the line through the
    // middle of the eyes (perpendicular to them), in inter-ocular distances. 0 for a face looking at the
    // camera; on the dev set's CFP faces frontal faces stay below 0.1 (95 %), profiles above 0.36 (95 %).
    static double turnedAway(const FaceLandmarks& landmarks);
    // Least-squares similarity transform (2x3) mapping `from` onto `to` (no reflection).
    static cv::Matx23d similarity(const std::array<cv::Point2d, 5>& from,
                                  const std::array<cv::Point2d, 5>& to);
    // Warps `image` with `transform` (image -> output) to size x size; area-prefilters strong downscales;
    // outside the image the edge pixels repeat.
    static cv::Mat warp(const cv::Mat& image, const cv::Matx23d& transform, int size);
};

} // namespace kindred
