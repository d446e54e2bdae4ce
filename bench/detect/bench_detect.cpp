// bench_detect: per-stage MTCNN timings on every image below shared/photos/dev at 1 and 2 threads, full
// resolution vs fast decode (long side >= 1024, and >= 512), compared with the facenet-pytorch seconds
// recorded in shared/reference/mtcnn_reference.json (a different run on a different machine), plus what fast
// decode costs in recall: faces found at full resolution that the reduced decode still finds (IoU >= 0.5).
//   bench_detect [--repeat N] [--photos DIR] [--models DIR] [--reference JSON]
#include "common/device.h"
#include "detection/detectionimage.h"
#include "detection/mtcnn.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
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

float iou(const std::array<float, 4>& a, const std::array<float, 4>& b)
{
    return iou(a, std::vector<double>(b.begin(), b.end()));
}

double loadAverage()
{
    std::ifstream in("/proc/loadavg");
    double load = 0;
    in >> load;
    return load;
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
    std::vector<std::string> names; // relative to photos, every image below it
    for (const auto& entry : fs::recursive_directory_iterator(photos)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (entry.is_regular_file() && (ext == ".jpg" || ext == ".jpeg" || ext == ".png"))
            names.push_back(fs::relative(entry.path(), photos).generic_string());
    }
    std::sort(names.begin(), names.end());
    if (names.empty()) {
        std::cerr << "no images below " << photos << "\n";
        return 1;
    }
    struct Mode {
        const char* name;
        int minLongSide;
    };
    const Mode modes[] = {{"full", 0}, {"fast", DetectionImageOptions{}.minLongSide}, {"fast-512", 512}};
    try {
        MtcnnDetector detector = MtcnnDetector::fromDirectory(models);
        std::printf("machine: %s, %u hardware threads; LibTorch %s; repeat %d (best-of); load average %.2f\n",
                    cpuName().c_str(), std::thread::hardware_concurrency(), TORCH_VERSION, repeat,
                    loadAverage());
        std::printf("\n| threads | mode | photo | decoded | decode ms | pyramid+P-Net ms | R-Net ms | O-Net "
                    "ms | total ms | "
                    "R-Net in | O-Net in | seed s | seed faces>=0.9 found "
                    "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        std::map<std::string, std::vector<FaceDetection>> fullFaces; // name -> faces at full resolution
        std::map<std::string, std::map<std::string, std::vector<FaceDetection>>> modeFaces;
        std::vector<std::string> summary;
        for (const int threads : {1, 2}) {
            Device::configure({"cpu", threads});
            for (const Mode& mode : modes) {
                double sumTotal = 0, sumSeed = 0, sumStage[4] = {0, 0, 0, 0};
                int found = 0, expected = 0, seedPhotos = 0;
                double seedOwnTotal = 0;
                for (const std::string& name : names) {
                    DetectionImageOptions options;
                    options.minLongSide = mode.minLongSide;
                    double best[5] = {1e9, 1e9, 1e9, 1e9, 1e9};
                    int candidates[2] = {0, 0};
                    std::vector<FaceDetection> faces;
                    DecodedImage image;
                    for (int r = 0; r < repeat; ++r) {
                        const auto t0 = Clock::now();
                        image = DetectionImage::decode(photos / name, options);
                        const double decode = since(t0);
                        MtcnnTimings t;
                        faces = DetectionImage::toFullResolution(detector.detect(image.rgb, &t), image);
                        const double total = since(t0);
                        const double v[5] = {decode, t.pnetSeconds, t.rnetSeconds, t.onetSeconds, total};
                        if (total < best[4])
                            std::copy(v, v + 5, best);
                        candidates[0] = t.pnetCandidates;
                        candidates[1] = t.rnetCandidates;
                    }
                    modeFaces[mode.name][name] = faces;
                    int photoFound = 0, photoExpected = 0;
                    const bool hasSeed = reference.contains(name);
                    if (hasSeed) {
                        const auto& ref = reference[name];
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
                        sumSeed += ref["seconds"].get<double>();
                        seedOwnTotal += best[4];
                        ++seedPhotos;
                    }
                    found += photoFound;
                    expected += photoExpected;
                    sumTotal += best[4];
                    for (int k = 0; k < 4; ++k)
                        sumStage[k] += best[k];
                    char seed[32] = "-";
                    if (hasSeed)
                        std::snprintf(seed, sizeof seed, "%.3f", reference[name]["seconds"].get<double>());
                    std::printf("| %d | %s | %s | %dx%d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %s | "
                                "%d/%d |\n",
                                threads, mode.name, name.c_str(), image.rgb.cols, image.rgb.rows,
                                best[0] * 1e3, best[1] * 1e3, best[2] * 1e3, best[3] * 1e3, best[4] * 1e3,
                                candidates[0], candidates[1], seed, photoFound, photoExpected);
                }
                const double n = double(names.size());
                std::printf("| %d | %s | **mean of %zu** | | %.1f | %.1f | %.1f | %.1f | **%.1f** | | | %.3f "
                            "| %d/%d |\n",
                            threads, mode.name, names.size(), sumStage[0] / n * 1e3, sumStage[1] / n * 1e3,
                            sumStage[2] / n * 1e3, sumStage[3] / n * 1e3, sumTotal / n * 1e3,
                            seedPhotos ? sumSeed / seedPhotos : 0.0, found, expected);
                char line[256];
                std::snprintf(line, sizeof line, "| %d | %s | %.2f | %.1f | %.3f | %.1fx |", threads,
                              mode.name, n / sumTotal, sumTotal / n * 1e3,
                              seedPhotos ? sumSeed / seedPhotos : 0.0,
                              seedOwnTotal > 0 ? sumSeed / seedOwnTotal : 0.0);
                summary.push_back(line);
            }
        }
        std::printf(
            "\n| threads | mode | photos/s | ms/photo | seed s/photo (other run) | seed time / ours |\n"
            "|---|---|---|---|---|---|\n");
        for (const std::string& line : summary)
            std::printf("%s\n", line.c_str());

        // Recall of the reduced decodes against full resolution (faces from the last, 2-thread pass; the
        // detector is deterministic).
        std::printf("\n| mode | photo | faces at full res | of these found (IoU >= 0.5) | extra faces | "
                    "full-res faces >= 0.9 found |\n|---|---|---|---|---|---|\n");
        for (const Mode& mode : modes) {
            if (mode.minLongSide == 0)
                continue;
            int total = 0, hit = 0, extra = 0, strong = 0, strongHit = 0;
            for (const std::string& name : names) {
                const auto& full = modeFaces["full"][name];
                const auto& reduced = modeFaces[mode.name][name];
                int photoHit = 0, photoStrong = 0, photoStrongHit = 0;
                for (const FaceDetection& f : full) {
                    bool match = false;
                    for (const FaceDetection& g : reduced)
                        match = match || iou(f.box, g.box) >= 0.5f;
                    photoHit += match ? 1 : 0;
                    if (f.probability >= 0.9f) {
                        ++photoStrong;
                        photoStrongHit += match ? 1 : 0;
                    }
                }
                int photoExtra = 0;
                for (const FaceDetection& g : reduced) {
                    bool match = false;
                    for (const FaceDetection& f : full)
                        match = match || iou(f.box, g.box) >= 0.5f;
                    photoExtra += match ? 0 : 1;
                }
                std::printf("| %s | %s | %zu | %d | %d | %d/%d |\n", mode.name, name.c_str(), full.size(),
                            photoHit, photoExtra, photoStrongHit, photoStrong);
                total += int(full.size());
                hit += photoHit;
                extra += photoExtra;
                strong += photoStrong;
                strongHit += photoStrongHit;
            }
            std::printf("| %s | **all** | %d | %d (%.1f %%) | %d | %d/%d |\n", mode.name, total, hit,
                        total ? 100.0 * hit / total : 100.0, extra, strongHit, strong);
        }
        std::printf("\nload average %.2f at the end\n", loadAverage());
    } catch (const std::exception& e) {
        std::cerr << "bench_detect: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
