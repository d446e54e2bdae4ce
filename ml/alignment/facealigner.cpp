#include "alignment/facealigner.h"

#include "common/modelerror.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace kindred {

namespace {

// dlib's 68-point mean face (points 17..67 normalised to [0, 1]), reduced to MTCNN's five points:
// eye centres = mean of the six eye-contour points (36-41, 42-47), nose tip = point 30, mouth corners =
// 48, 54.
constexpr double kLeftEye[2] = {0.2254918333, 0.2159903333};
constexpr double kRightEye[2] = {0.7547613333, 0.2159903333};
constexpr double kNose[2] = {0.490127, 0.515625};
constexpr double kMouthLeft[2] = {0.254149, 0.780233};
constexpr double kMouthRight[2] = {0.726104, 0.780233};

// MTCNN's five landmarks inside its own box (x, y as shares of the box's width and height): the mean over
// the 2,871 frontal faces of the dev set's CFP crops, made left-right symmetric (docs/models.md).
constexpr double kMtcnnInBox[5][2] = {
    {0.2683, 0.3486}, {0.7317, 0.3486}, {0.5, 0.5686}, {0.2936, 0.7337}, {0.7064, 0.7337}};

// The five-point template of the ArcFace / insightface 112 x 112 crops (left eye, right eye, nose, mouth
// corners), on which EdgeFace and most ArcFace-trained networks were trained.
constexpr double kArcface112[5][2] = {
    {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

// The bounds (x0, y0, x1, y1) of the image points that land on the corners of a size x size output.
cv::Vec4d sourceBounds(const cv::Matx23d& transform, int size)
{
    cv::Matx23d inverse;
    cv::invertAffineTransform(transform, inverse);
    const std::array<cv::Point2d, 4> corners = {cv::Point2d(0, 0), cv::Point2d(size, 0), cv::Point2d(0, size),
                                                cv::Point2d(size, size)};
    cv::Vec4d b(1e30, 1e30, -1e30, -1e30);
    for (const cv::Point2d& c : corners) {
        const double x = inverse(0, 0) * c.x + inverse(0, 1) * c.y + inverse(0, 2);
        const double y = inverse(1, 0) * c.x + inverse(1, 1) * c.y + inverse(1, 2);
        b = cv::Vec4d(std::min(b[0], x), std::min(b[1], y), std::max(b[2], x), std::max(b[3], y));
    }
    return b;
}

} // namespace

ChipTemplate FaceAligner::arcfaceChip(int size)
{
    ChipTemplate chip{size, {}};
    const double scale = size / 112.0;
    for (size_t i = 0; i < 5; ++i)
        chip.points[i] = cv::Point2d(kArcface112[i][0] * scale, kArcface112[i][1] * scale);
    return chip;
}

ChipTemplate FaceAligner::dlibChip(int size, double padding)
{
    const auto map = [&](const double p[2]) {
        return cv::Point2d((p[0] + padding) / (2 * padding + 1) * size,
                           (p[1] + padding) / (2 * padding + 1) * size);
    };
    return {size, {map(kLeftEye), map(kRightEye), map(kNose), map(kMouthLeft), map(kMouthRight)}};
}

ChipTemplate FaceAligner::boxChip(int size, double margin)
{
    // The box spans size - margin pixels, centred (extract_face grows the box by margin * box / (size -
    // margin) in all, half on each side).
    const double side = size - margin;
    const double offset = margin / 2;
    ChipTemplate chip{size, {}};
    for (size_t i = 0; i < 5; ++i)
        chip.points[i] = cv::Point2d(offset + kMtcnnInBox[i][0] * side, offset + kMtcnnInBox[i][1] * side);
    return chip;
}

cv::Matx23d FaceAligner::similarity(const std::array<cv::Point2d, 5>& from,
                                    const std::array<cv::Point2d, 5>& to)
{
    cv::Point2d mf(0, 0), mt(0, 0);
    for (size_t i = 0; i < 5; ++i) {
        mf += from[i];
        mt += to[i];
    }
    mf *= 0.2;
    mt *= 0.2;
    double dot = 0, cross = 0, norm = 0;
    for (size_t i = 0; i < 5; ++i) {
        const cv::Point2d f = from[i] - mf;
        const cv::Point2d t = to[i] - mt;
        dot += f.x * t.x + f.y * t.y;
        cross += f.x * t.y - f.y * t.x;
        norm += f.x * f.x + f.y * f.y;
    }
    if (norm <= 1e-12)
        throw ModelError("face alignment: the landmarks coincide");
    const double a = dot / norm;
    const double b = cross / norm;
    return {a, -b, mt.x - (a * mf.x - b * mf.y), b, a, mt.y - (b * mf.x + a * mf.y)};
}

cv::Mat FaceAligner::warp(const cv::Mat& image, const cv::Matx23d& transform, int size)
{
    if (image.empty() || size <= 0)
        throw ModelError("face alignment: empty image or output size");
    const double scale = std::sqrt(transform(0, 0) * transform(0, 0) + transform(1, 0) * transform(1, 0));
    cv::Matx23d m = transform;
    cv::Mat source = image;
    if (scale < 0.5) {
        // Shrink only the part of the image that lands in the output, with area averaging, then warp.
        const cv::Vec4d bounds = sourceBounds(transform, size);
        const double x0 = bounds[0], y0 = bounds[1], x1 = bounds[2], y1 = bounds[3];
        const cv::Rect roi = cv::Rect(int(std::floor(x0)) - 1, int(std::floor(y0)) - 1,
                                      int(std::ceil(x1 - x0)) + 3, int(std::ceil(y1 - y0)) + 3) &
                             cv::Rect(0, 0, image.cols, image.rows);
        if (roi.area() > 0) {
            const double shrink = std::min(1.0, scale * 2);
            cv::resize(image(roi), source, cv::Size(), shrink, shrink, cv::INTER_AREA);
            const double fx = double(source.cols) / roi.width;
            const double fy = double(source.rows) / roi.height;
            // output = T * (p_roi / f + roi.tl)
            m = cv::Matx23d(transform(0, 0) / fx, transform(0, 1) / fy,
                            transform(0, 2) + transform(0, 0) * roi.x + transform(0, 1) * roi.y,
                            transform(1, 0) / fx, transform(1, 1) / fy,
                            transform(1, 2) + transform(1, 0) * roi.x + transform(1, 1) * roi.y);
        }
    }
    cv::Mat out;
    cv::warpAffine(source, out, m, cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

double FaceAligner::turnedAway(const FaceLandmarks& landmarks)
{
    const cv::Point2d left(landmarks[0][0], landmarks[0][1]), right(landmarks[1][0], landmarks[1][1]);
    const cv::Point2d nose(landmarks[2][0], landmarks[2][1]);
    const cv::Point2d eyes = right - left;
    const double distance = std::sqrt(eyes.dot(eyes));
    if (distance < 1e-6)
        return 10.0; // both eyes on one point: as turned away as a face gets
    const cv::Point2d middle = (left + right) * 0.5;
    return std::abs((nose - middle).dot(eyes)) / (distance * distance);
}

cv::Mat FaceAligner::align(const cv::Mat& image, const FaceLandmarks& landmarks, const ChipTemplate& chip)
{
    std::array<cv::Point2d, 5> from;
    for (size_t i = 0; i < 5; ++i)
        from[i] = cv::Point2d(landmarks[i][0], landmarks[i][1]);
    return warp(image, similarity(from, chip.points), chip.size);
}

cv::Mat FaceAligner::alignLandmarks(const cv::Mat& image, const FaceLandmarks& landmarks, int size,
                                    double padding)
{
    return align(image, landmarks, dlibChip(size, padding));
}

cv::Mat FaceAligner::cropBox(const cv::Mat& image, const std::array<float, 4>& box, int size, float margin)
{
    if (image.empty() || size <= 0 || margin >= float(size))
        throw ModelError("face crop: empty image, bad size or margin");
    const cv::Rect source = cropBoxSource(box, size, margin, image.size());
    if (source.empty())
        throw ModelError("face crop: the box lies outside the image");
    cv::Mat out;
    cv::resize(image(source), out, cv::Size(size, size), 0, 0, cv::INTER_AREA);
    return out;
}

cv::Rect FaceAligner::cropBoxSource(const std::array<float, 4>& box, int size, float margin,
                                    const cv::Size& imageSize)
{
    // In double: a box moved by whole pixels (a crop of a part of the photo) gives the same rectangle, moved
    // (in float the edges would round on a grid that depends on where the box lies).
    const double mx = double(margin) * (double(box[2]) - double(box[0])) / (double(size) - double(margin));
    const double my = double(margin) * (double(box[3]) - double(box[1])) / (double(size) - double(margin));
    const int x0 = int(std::max(double(box[0]) - mx / 2, 0.0));
    const int y0 = int(std::max(double(box[1]) - my / 2, 0.0));
    const int x1 = int(std::min(double(box[2]) + mx / 2, double(imageSize.width)));
    const int y1 = int(std::min(double(box[3]) + my / 2, double(imageSize.height)));
    if (x1 <= x0 || y1 <= y0)
        return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

cv::Rect FaceAligner::alignSource(const FaceLandmarks& landmarks, const ChipTemplate& chip,
                                  const cv::Size& imageSize)
{
    std::array<cv::Point2d, 5> from;
    for (size_t i = 0; i < 5; ++i)
        from[i] = cv::Point2d(landmarks[i][0], landmarks[i][1]);
    const cv::Vec4d b = sourceBounds(similarity(from, chip.points), chip.size);
    // Bilinear sampling reads one pixel beyond, the area prefilter of warp() one more on each side.
    const int x0 = int(std::floor(b[0])) - 3, y0 = int(std::floor(b[1])) - 3;
    const int x1 = int(std::ceil(b[2])) + 4, y1 = int(std::ceil(b[3])) + 4;
    return cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, imageSize.width, imageSize.height);
}

} // namespace kindred
