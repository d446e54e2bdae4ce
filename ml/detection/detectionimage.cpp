#include "detection/detectionimage.h"

#include "common/imageerror.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace kindred {

namespace {

uint32_t be16(const unsigned char* p)
{
    return (uint32_t(p[0]) << 8) | p[1];
}

uint32_t be32(const unsigned char* p)
{
    return (be16(p) << 16) | be16(p + 2);
}

std::optional<cv::Size> jpegSize(std::ifstream& in)
{
    // Walk the marker segments up to the first start-of-frame.
    in.seekg(2);
    unsigned char m[2];
    while (in.read(reinterpret_cast<char*>(m), 2)) {
        if (m[0] != 0xFF)
            return std::nullopt;
        while (m[1] == 0xFF) // fill bytes
            if (!in.read(reinterpret_cast<char*>(m + 1), 1))
                return std::nullopt;
        const unsigned char marker = m[1];
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue;
        unsigned char len[2];
        if (!in.read(reinterpret_cast<char*>(len), 2))
            return std::nullopt;
        const uint32_t length = be16(len);
        if (length < 2)
            return std::nullopt;
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            unsigned char f[5];
            if (!in.read(reinterpret_cast<char*>(f), 5))
                return std::nullopt;
            return cv::Size(int(be16(f + 3)), int(be16(f + 1)));
        }
        in.seekg(std::streamoff(length - 2), std::ios::cur);
    }
    return std::nullopt;
}

bool isJpeg(const std::array<unsigned char, 26>& h)
{
    return h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF;
}

int decodeFlags(int reduction)
{
    switch (reduction) {
    case 2:
        return cv::IMREAD_REDUCED_COLOR_2;
    case 4:
        return cv::IMREAD_REDUCED_COLOR_4;
    case 8:
        return cv::IMREAD_REDUCED_COLOR_8;
    default:
        return cv::IMREAD_COLOR;
    }
}

} // namespace

std::optional<cv::Size> DetectionImage::probeSize(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ImageError("cannot open '" + file.string() + "'");
    std::array<unsigned char, 26> h{};
    in.read(reinterpret_cast<char*>(h.data()), std::streamsize(h.size()));
    const auto got = in.gcount();
    in.clear();
    if (got >= 3 && isJpeg(h))
        return jpegSize(in);
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (got >= 24 && std::equal(png, png + 8, h.begin()))
        return cv::Size(int(std::min<uint32_t>(be32(&h[16]), INT32_MAX)),
                        int(std::min<uint32_t>(be32(&h[20]), INT32_MAX)));
    if (got >= 26 && h[0] == 'B' && h[1] == 'M') {
        int32_t width = 0, height = 0;
        std::memcpy(&width, &h[18], 4);
        std::memcpy(&height, &h[22], 4);
        return cv::Size(std::abs(width), height == INT32_MIN ? INT32_MAX : std::abs(height));
    }
    return std::nullopt;
}

cv::Mat DetectionImage::toRgb8(const cv::Mat& decoded)
{
    if (decoded.empty())
        throw ImageError("empty image");
    cv::Mat eight;
    if (decoded.depth() == CV_8U)
        eight = decoded;
    else if (decoded.depth() == CV_16U)
        decoded.convertTo(eight, CV_8U, 1.0 / 257.0);
    else if (decoded.depth() == CV_32F || decoded.depth() == CV_64F)
        decoded.convertTo(eight, CV_8U, 255.0);
    else
        throw ImageError("unsupported pixel depth");
    cv::Mat rgb;
    switch (eight.channels()) {
    case 1:
        cv::cvtColor(eight, rgb, cv::COLOR_GRAY2RGB);
        break;
    case 3:
        cv::cvtColor(eight, rgb, cv::COLOR_BGR2RGB);
        break;
    case 4:
        cv::cvtColor(eight, rgb, cv::COLOR_BGRA2RGB);
        break;
    default:
        throw ImageError("unsupported channel count " + std::to_string(eight.channels()));
    }
    return rgb;
}

DecodedImage DetectionImage::decode(const std::filesystem::path& file, const DetectionImageOptions& options)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw ImageError("'" + file.string() + "' does not exist or is not a file");
    const std::optional<cv::Size> stored = probeSize(file);
    if (stored) {
        if (stored->width <= 0 || stored->height <= 0)
            throw ImageError("'" + file.string() + "' has an invalid size in its header");
        const int64_t pixels = int64_t(stored->width) * int64_t(stored->height);
        if (pixels > options.maxPixels)
            throw ImageError("'" + file.string() + "' is " + std::to_string(stored->width) + "x" +
                             std::to_string(stored->height) + " pixels, over the limit of " +
                             std::to_string(options.maxPixels) + " pixels");
    }
    std::array<unsigned char, 26> head{};
    {
        std::ifstream in(file, std::ios::binary);
        in.read(reinterpret_cast<char*>(head.data()), std::streamsize(head.size()));
    }
    int reduction = 1;
    if (options.minLongSide > 0 && stored && isJpeg(head)) {
        const int longSide = std::max(stored->width, stored->height);
        while (reduction < 8 && (longSide + 2 * reduction - 1) / (2 * reduction) >= options.minLongSide)
            reduction *= 2;
    }
    cv::Mat decoded;
    try {
        decoded = cv::imread(file.string(), decodeFlags(reduction));
    } catch (const cv::Exception& e) {
        throw ImageError("cannot decode '" + file.string() + "': " + e.what());
    }
    if (decoded.empty())
        throw ImageError("cannot decode '" + file.string() +
                         "' (not an image, an unsupported format, or corrupt)");
    DecodedImage out;
    out.rgb = toRgb8(decoded);
    out.reduction = reduction;
    if (reduction == 1 || !stored) {
        out.fullWidth = out.rgb.cols;
        out.fullHeight = out.rgb.rows;
        return out;
    }
    // libjpeg's scaled IDCT maps decoded pixel i to full pixels [i*r, (i+1)*r): the scale is exactly r.
    const int reducedW = (stored->width + reduction - 1) / reduction;
    const bool rotated = !(out.rgb.cols == reducedW) && stored->width != stored->height;
    out.fullWidth = rotated ? stored->height : stored->width;
    out.fullHeight = rotated ? stored->width : stored->height;
    out.scaleX = out.scaleY = reduction;
    return out;
}

std::vector<FaceDetection> DetectionImage::toFullResolution(std::vector<FaceDetection> faces,
                                                            const DecodedImage& image)
{
    const auto sx = float(image.scaleX);
    const auto sy = float(image.scaleY);
    for (FaceDetection& f : faces) {
        f.box = {f.box[0] * sx, f.box[1] * sy, f.box[2] * sx, f.box[3] * sy};
        for (auto& p : f.landmarks)
            p = {p[0] * sx, p[1] * sy};
    }
    return faces;
}

} // namespace kindred
