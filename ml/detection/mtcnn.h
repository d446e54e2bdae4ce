#pragma once

#include "detection/mtcnnweights.h"
#include "detection/onet.h"
#include "detection/pnet.h"
#include "detection/rnet.h"

#include <array>
#include <filesystem>
#include <opencv2/core.hpp>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// One detected face, in the pixel coordinates of the image given to detect() (x right, y down; boxes are
// facenet-pytorch's float boxes and may reach outside the image).
struct FaceDetection {
    std::array<float, 4> box{}; // x1, y1, x2, y2
    float probability = 0;
    // left eye, right eye, nose, left mouth corner, right mouth corner (as seen in the image); {x, y} each
    std::array<std::array<float, 2>, 5> landmarks{};

    float width() const { return box[2] - box[0]; }
    float height() const { return box[3] - box[1]; }
};

struct MtcnnOptions {
    int minFaceSize = 20;                              // pixels, in the image given to detect()
    std::array<float, 3> thresholds{0.6f, 0.7f, 0.7f}; // P-Net, R-Net, O-Net
    double factor = 0.709;                             // pyramid scale step
    // When > 0, images whose longer side exceeds it are area-downscaled to it before detection (results are
    // mapped back). 0 = detect at the given resolution (facenet-pytorch behaviour).
    int maxImageSide = 0;
    // facenet-pytorch crops the R/O-Net inputs from the image clipped to its borders (default). The original
    // MTCNN pads the part of a box outside the image with zeros instead.
    bool zeroPadCrops = false;
};

// Work done by one detect() call (seconds of wall time and candidate counts per stage).
struct MtcnnTimings {
    double pnetSeconds = 0; // pyramid + P-Net + NMS
    double rnetSeconds = 0;
    double onetSeconds = 0;
    int scales = 0;
    int pnetCandidates = 0; // boxes entering R-Net
    int rnetCandidates = 0; // boxes entering O-Net

    MtcnnTimings& operator+=(const MtcnnTimings& o);
};

// MTCNN face detector with facenet-pytorch's detect_face semantics (pyramid, P-Net, NMS 0.5 per scale and 0.7
// across scales, R-Net, NMS 0.7, O-Net, landmarks, "Min" NMS 0.7), batched stages and exact area resampling.
// Not thread-safe: use one instance per worker thread (instances are cheap to copy via the same weights).
class MtcnnDetector {
public:
    explicit MtcnnDetector(const MtcnnStateDicts& weights, torch::Device device = torch::kCPU,
                           MtcnnOptions options = {});
    // Loads the weights from a directory holding the TF.js pack or facenet-pytorch's .pt files.
    static MtcnnDetector fromDirectory(const std::filesystem::path& dir, torch::Device device = torch::kCPU,
                                       MtcnnOptions options = {});

    // `rgb`: CV_8UC3 in RGB order (already EXIF-rotated). Returns faces sorted by probability, best first.
    // Throws ModelError for an unusable image (wrong type, empty).
    std::vector<FaceDetection> detect(const cv::Mat& rgb, MtcnnTimings* timings = nullptr);
    // detect(), also for a face that fills the image (an already-cropped face, a scanned passport picture):
    // MTCNN needs some context around a face to find it and its landmarks. When the first pass finds no face,
    // or its largest face covers at least half of the image's width or height, the image is detected again
    // on a canvas that adds half the longer side of black on every side, looking only for faces at least a
    // quarter of the image's shorter side; when that pass finds faces (centres inside the image) they
    // replace the first pass's. Coordinates are those of `rgb` (boxes and landmarks may reach outside it).
    // *padded tells whether the padded pass was used; *timings (when given) gets the work of both passes.
    std::vector<FaceDetection> detectWithContext(const cv::Mat& rgb, bool* padded = nullptr,
                                                 MtcnnTimings* timings = nullptr);

    // A second look at boxes found before: O-Net's face probability and landmarks for each box, made square
    // around its centre as the detector does, the part of a box outside the image black. Boxes with no
    // area get 0. Used by FaceCheck (the detections' boxes moved a little).
    struct Rescore {
        float onet = 0;
        std::array<std::array<float, 2>, 5> landmarks{}; // O-Net's, in image coordinates
    };
    std::vector<Rescore> rescore(const cv::Mat& rgb, const std::vector<std::array<float, 4>>& boxes);

    const MtcnnOptions& options() const { return m_options; }
    void setOptions(const MtcnnOptions& options);
    torch::Device device() const { return m_device; }

private:
    std::vector<FaceDetection> detectAtScale(const cv::Mat& rgb, MtcnnTimings& timings);

    torch::Device m_device;
    MtcnnOptions m_options;
    PNet m_pnet;
    RNet m_rnet;
    ONet m_onet;
};

} // namespace kindred
