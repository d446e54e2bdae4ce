#pragma once

#include "detection/mtcnn.h"

#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

namespace kindred {

struct DetectionImageOptions {
    // Fast decode: a JPEG is decoded with the largest libjpeg DCT reduction (1/2, 1/4, 1/8) whose longer side
    // stays >= minLongSide. 0 = always decode at full resolution. Other formats are decoded fully.
    int minLongSide = 1024;
    // Images with more pixels are refused from their header, before any pixel buffer is allocated.
    int64_t maxPixels = 100'000'000;
};

// An image ready for detection: RGB, EXIF-rotated, maybe reduced, with the full-resolution size it stands
// for.
struct DecodedImage {
    cv::Mat rgb;       // CV_8UC3, RGB order
    int fullWidth = 0; // EXIF-rotated full-resolution size
    int fullHeight = 0;
    int reduction = 1;   // 1, 2, 4 or 8
    double scaleX = 1.0; // full-resolution pixels per decoded pixel
    double scaleY = 1.0;
};

// Decoding for face detection (OpenCV; EXIF orientation applied for JPEG). Any 8/16-bit, gray, alpha or CMYK
// input becomes 8-bit RGB. Failures throw ImageError with a clear message, never crash.
class DetectionImage {
public:
    static DecodedImage decode(const std::filesystem::path& file, const DetectionImageOptions& options = {});
    // The stored (not EXIF-rotated) size from the file header, for JPEG, PNG and BMP; nullopt for other
    // formats. Throws ImageError when the file cannot be opened.
    static std::optional<cv::Size> probeSize(const std::filesystem::path& file);
    // Converts any OpenCV-decoded BGR/BGRA/gray image (8 or 16 bit) to 8-bit RGB.
    static cv::Mat toRgb8(const cv::Mat& decoded);
    // Maps detections made on `image.rgb` to full-resolution coordinates.
    static std::vector<FaceDetection> toFullResolution(std::vector<FaceDetection> faces,
                                                       const DecodedImage& image);
};

} // namespace kindred
