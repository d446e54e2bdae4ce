// bench_detect: per-stage MTCNN timings on shared/photos/dev at 1 and 2 threads, full resolution vs fast
// decode, compared with the facenet-pytorch seconds recorded in shared/reference/mtcnn_reference.json.
//   bench_detect [--repeat N] [--photos DIR] [--models DIR] [--reference JSON]
#include "detectionimage.h"
#include "device.h"
#include "mtcnn.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

using namespace kindred;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

float iou(const std::array<float, 4>& a, const std::vector<double>& b)
{
    const float w = std::max(0.0f, std::min(a[2], float(b[2])) - std::max(a[0], float(b[0])));
    const float h = std::max(0.0f, std::min(a[3], float(b[3])) - std::max(a[1], float(b[1])));
    const float inter = w * h;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + float((b[2] - b[0]) * (b[3] - b[1])) - inter);
}

std::string cpuName()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

} // namespace

int main(int argc, char** argv)
{
    int repeat = 3;
    fs::path photos = fs::path(KINDRED_SHARED_DIR) / "photos/dev";
    fs::path models = KINDRED_MODELS_DIR;
    fs::path referencePath = fs::path(KINDRED_SHARED_DIR) / "reference/mtcnn_reference.json";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--repeat")
            repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--photos")
            photos = argv[i + 1];
        else if (a == "--models")
            models = argv[i + 1];
        else if (a == "--reference")
            referencePath = argv[i + 1];
    }
    nlohmann::json reference;
    try {
        std::ifstream in(referencePath);
        reference = nlohmann::json::parse(in)["images"];
    } catch (const std::exception& e) {
        std::cerr << "cannot read " << referencePath << ": " << e.what() << "\n";
        return 1;
    }
    try {
        MtcnnDetector detector = MtcnnDetector::fromDirectory(models);
        std::printf("machine: %s, %u hardware threads; LibTorch %s; repeat %d (best-of)\n", cpuName().c_str(),
                    std::thread::hardware_concurrency(), TORCH_VERSION, repeat);
        std::printf(
            "\n| threads | mode | photo | decode ms | pyramid+P-Net ms | R-Net ms | O-Net ms | total ms | "
            "seed s | faces>=0.9 found |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (const int threads : {1, 2}) {
            Device::configure({"cpu", threads});
            for (const bool fast : {false, true}) {
                double sumTotal = 0, sumSeed = 0;
                int found = 0, expected = 0;
                for (const auto& [name, ref] : reference.items()) {
                    DetectionImageOptions options;
                    options.minLongSide = fast ? DetectionImageOptions{}.minLongSide : 0;
                    double best[5] = {1e9, 1e9, 1e9, 1e9, 1e9};
                    std::vector<FaceDetection> faces;
                    for (int r = 0; r < repeat; ++r) {
                        const auto t0 = Clock::now();
                        const DecodedImage image = DetectionImage::decode(photos / name, options);
                        const double decode = since(t0);
                        MtcnnTimings t;
                        faces = DetectionImage::toFullResolution(detector.detect(image.rgb, &t), image);
                        const double total = since(t0);
                        const double v[5] = {decode, t.pnetSeconds, t.rnetSeconds, t.onetSeconds, total};
                        if (total < best[4])
                            std::copy(v, v + 5, best);
                    }
                    int photoFound = 0, photoExpected = 0;
                    for (size_t k = 0; k < ref["probs"].size(); ++k) {
                        if (ref["probs"][k].get<double>() < 0.9)
                            continue;
                        ++photoExpected;
                        const auto box = ref["boxes"][k].get<std::vector<double>>();
                        for (const FaceDetection& f : faces)
                            if (iou(f.box, box) >= 0.8f) {
                                ++photoFound;
                                break;
                            }
                    }
                    found += photoFound;
                    expected += photoExpected;
                    sumTotal += best[4];
                    sumSeed += ref["seconds"].get<double>();
                    std::printf("| %d | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.3f | %d/%d |\n",
                                threads, fast ? "fast" : "full", name.c_str(), best[0] * 1e3, best[1] * 1e3,
                                best[2] * 1e3, best[3] * 1e3, best[4] * 1e3, ref["seconds"].get<double>(),
                                photoFound, photoExpected);
                }
                const size_t n = reference.size();
                std::printf("| %d | %s | **all %zu** | | | | | **%.1f/photo** | **%.3f/photo** | %d/%d |\n",
                            threads, fast ? "fast" : "full", n, sumTotal / double(n) * 1e3,
                            sumSeed / double(n), found, expected);
                std::fprintf(stderr, "threads %d %s: %.2f photos/s, %.2fx the seed's per-photo time\n",
                             threads, fast ? "fast" : "full", double(n) / sumTotal, sumSeed / sumTotal);
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_detect: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
