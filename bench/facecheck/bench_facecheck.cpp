// The face check after detection (FaceCheck) on the labelled detections of bench/facecheck/labels.tsv:
// detections of the default face job on the dev set that are not the labelled face of their photo, each
// labelled by looking (F face, N not a face, A cannot tell, P a picture of a face). Each photo is detected
// again as the face job does (long side at most 1600 px, MTCNN with the padded pass), the labelled box is
// found again (IoU > 0.7) and checked; the report gives, per label, how many the check hides at the shipped
// bar and at others, how many are left out of grouping, and what the check costs next to the detection.
// The other side (faces lost) is measured on every labelled face of the dev set by `kindred-cli
// eval-library` (face_check and detection.before_face_check; docs/quality.md section 8).
//
//   bench_facecheck [LABELS.tsv] [DEVSET_DIR]
#include "common/device.h"
#include "detection/facecheck.h"
#include "detection/mtcnn.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace kindred;

namespace {

using Clock = std::chrono::steady_clock;

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

float iou(const std::array<float, 4>& a, const std::array<float, 4>& b)
{
    const float w = std::max(0.0f, std::min(a[2], b[2]) - std::max(a[0], b[0]));
    const float h = std::max(0.0f, std::min(a[3], b[3]) - std::max(a[1], b[1]));
    const float inter = w * h;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

struct Row {
    std::string path;
    std::array<float, 4> box;
    char label;
};

} // namespace

int main(int argc, char** argv)
{
    const std::string labelsPath = argc > 1 ? argv[1] : KINDRED_SOURCE_DIR "/bench/facecheck/labels.tsv";
    const std::string devset = argc > 2 ? argv[2] : KINDRED_SHARED_DIR "/photos/devset";
    std::ifstream in(labelsPath);
    if (!in) {
        std::cerr << "bench_facecheck: cannot read " << labelsPath << '\n';
        return 2;
    }
    std::map<std::string, std::vector<Row>> byPhoto;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        Row r;
        std::getline(fields, r.path, '\t');
        std::string label;
        fields >> r.box[0] >> r.box[1] >> r.box[2] >> r.box[3] >> label;
        r.label = label.empty() ? '?' : label[0];
        byPhoto[r.path].push_back(r);
    }
    DeviceOptions o;
    o.threads = 2;
    const torch::Device device = Device::configure(o);
    MtcnnDetector detector = MtcnnDetector::fromDirectory(KINDRED_MODELS_DIR, device);

    std::map<char, std::vector<double>> confidence; // label -> confidences of the boxes found again
    std::map<char, int> lost;                       // label -> boxes not detected again
    double detectSeconds = 0, checkSeconds = 0;
    int detections = 0;
    for (const auto& [path, rows] : byPhoto) {
        cv::Mat bgr = cv::imread(devset + "/" + path, cv::IMREAD_COLOR);
        if (bgr.empty()) {
            std::cerr << "bench_facecheck: cannot read " << devset << "/" << path << '\n';
            return 2;
        }
        cv::Mat rgb;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        double scale = 1;
        if (std::max(rgb.cols, rgb.rows) > 1600) {
            scale = 1600.0 / std::max(rgb.cols, rgb.rows);
            cv::resize(rgb, rgb, cv::Size(), scale, scale, cv::INTER_AREA);
        }
        auto t0 = Clock::now();
        const std::vector<FaceDetection> faces = detector.detectWithContext(rgb);
        auto t1 = Clock::now();
        const std::vector<double> checks = FaceCheck::confidence(detector, rgb, faces);
        auto t2 = Clock::now();
        detectSeconds += std::chrono::duration<double>(t1 - t0).count();
        checkSeconds += std::chrono::duration<double>(t2 - t1).count();
        detections += int(faces.size());
        for (const Row& r : rows) {
            const std::array<float, 4> want{float(r.box[0] * scale), float(r.box[1] * scale),
                                            float(r.box[2] * scale), float(r.box[3] * scale)};
            int match = -1;
            float best = 0.7f;
            for (size_t i = 0; i < faces.size(); ++i)
                if (iou(faces[i].box, want) > best) {
                    best = iou(faces[i].box, want);
                    match = int(i);
                }
            if (match < 0)
                ++lost[r.label];
            else
                confidence[r.label].push_back(checks[size_t(match)]);
        }
    }

    std::cout << "bench_facecheck: " << cpuModel() << ", " << o.threads << " threads, LibTorch CPU\n"
              << "labels: " << labelsPath << " (" << byPhoto.size() << " photos)\n\n";
    const char* names[] = {"F face", "N not a face", "A cannot tell", "P picture of a face"};
    const char keys[] = {'F', 'N', 'A', 'P'};
    std::cout << std::left << std::setw(22) << "label" << std::setw(8) << "found" << std::setw(9) << "lost"
              << "hidden at confidence < 0 / " << FaceCheck::kMinConfidence << " (shipped) / 1 / 1.5 / 2 / 3;  "
              << "shown apart, not grouped (< " << FaceCheck::kMinGroupConfidence << ")\n";
    for (int k = 0; k < 4; ++k) {
        const std::vector<double>& c = confidence[keys[k]];
        std::cout << std::setw(22) << names[k] << std::setw(8) << c.size() << std::setw(9) << lost[keys[k]];
        for (const double bar : {0.0, FaceCheck::kMinConfidence, 1.0, 1.5, 2.0, 3.0}) {
            int below = 0;
            for (double v : c)
                below += v < bar ? 1 : 0;
            std::cout << below << (bar == 3.0 ? "" : " / ");
        }
        int ungrouped = 0;
        for (double v : c)
            ungrouped += FaceCheck::isFace(v) && !FaceCheck::canGroup(v) ? 1 : 0;
        std::cout << ";  " << ungrouped << '\n';
    }
    std::cout << std::fixed << std::setprecision(3) << "\ncost: detection " << detectSeconds << " s, check "
              << checkSeconds << " s for " << detections << " detections in " << byPhoto.size()
              << " photos (check / detection = " << std::setprecision(2)
              << (detectSeconds > 0 ? checkSeconds / detectSeconds : 0) << ")\n";
    return 0;
}
