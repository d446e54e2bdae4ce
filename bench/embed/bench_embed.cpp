// bench_embed: measures embeddings per second of each embedder at several batch sizes and thread counts.
//   bench_embed [--models DIR] [--irv1 CHECKPOINT] [--batches 1,8,32] [--threads 1,2] [--seconds S]
//               [--device cpu|cuda|auto]
// Embedders: FaceRecognitionNet, EdgeFace-XS, EdgeFace-XXS (the models folder) and InceptionResnetV1.
// Defaults: the build's model pack, shared/reference/inception_resnet_v1_random_legacy.pt (random weights:
// same cost as the real ones), batches 1,8,32, threads 1,2, at least 3 s per configuration.
// Prints the machine and a Markdown table. Then the pipeline ratio: decode (fast decode) + MTCNN + alignment
// + embedding (batch 32) of every face on shared/photos/dev, against the pure network time for the same crops
// (--no-pipeline skips it).
#include "alignment/facealigner.h"
#include "common/device.h"
#include "detection/detectionimage.h"
#include "detection/mtcnn.h"
#include "embedding/edgefaceembedder.h"
#include "embedding/embedder.h"
#include "embedding/facerecognitionembedder.h"
#include "embedding/inceptionresnetv1embedder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <string>
#include <torch/version.h>
#include <vector>

namespace fs = std::filesystem;
using namespace kindred;

namespace {

std::vector<int> parseList(const std::string& text)
{
    std::vector<int> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const int v = std::atoi(item.c_str());
        if (v <= 0)
            throw std::invalid_argument("not a positive number: " + item);
        values.push_back(v);
    }
    return values;
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown CPU";
}

std::vector<cv::Mat> loadCrops(const fs::path& dir, int size)
{
    std::vector<cv::Mat> crops;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const cv::Mat bgr = cv::imread(entry.path().string(), cv::IMREAD_COLOR);
        if (bgr.empty())
            continue;
        cv::Mat rgb;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        crops.push_back(Embedder::fitToSquare(rgb, size));
    }
    if (crops.empty())
        throw std::runtime_error("no input images in " + dir.string());
    return crops;
}

double embeddingsPerSecond(Embedder& embedder, const std::vector<cv::Mat>& pool, int batch, double seconds)
{
    std::vector<cv::Mat> crops;
    for (int i = 0; i < batch; ++i)
        crops.push_back(pool[static_cast<size_t>(i) % pool.size()]);
    embedder.setBatchSize(batch);
    embedder.embed(crops); // warm-up
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    long done = 0;
    double elapsed = 0.0;
    while (elapsed < seconds || done < 3L * batch) {
        embedder.embed(crops);
        done += batch;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return static_cast<double>(done) / elapsed;
}

double loadAverage()
{
    std::ifstream in("/proc/loadavg");
    double load = 0;
    in >> load;
    return load;
}

struct PipelineTimes {
    int photos = 0;
    int faces = 0;
    double decode = 0;
    double detect = 0;
    double align = 0;
    double embed = 0; // network time inside the pipeline
    double total = 0;
    double pureNetwork = 0; // the same crops embedded again, batch 32, best of 3
};

// Decode (fast) -> detect -> align (landmarks for 150 px inputs, box + margin otherwise, as the CLI's
// options allow) -> embed in batches of 32, over every image below `photos`.
PipelineTimes pipeline(Embedder& embedder, MtcnnDetector& detector, const fs::path& photos)
{
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(photos))
        if (entry.is_regular_file())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    PipelineTimes t;
    std::vector<cv::Mat> crops;
    std::vector<cv::Mat> all;
    embedder.setBatchSize(32);
    const auto start = Clock::now();
    for (const fs::path& file : files) {
        auto t0 = Clock::now();
        const DecodedImage image = DetectionImage::decode(file);
        t.decode += since(t0);
        t0 = Clock::now();
        const std::vector<FaceDetection> faces = detector.detect(image.rgb);
        t.detect += since(t0);
        t0 = Clock::now();
        for (const FaceDetection& f : faces) {
            const int size = embedder.inputSize();
            crops.push_back(size == 150 ? FaceAligner::alignLandmarks(image.rgb, f.landmarks, size)
                                        : FaceAligner::cropBox(image.rgb, f.box, size, 0.2F * float(size)));
        }
        t.align += since(t0);
        ++t.photos;
        t.faces += static_cast<int>(faces.size());
        if (crops.size() >= 32) {
            t0 = Clock::now();
            embedder.embed(crops);
            t.embed += since(t0);
            all.insert(all.end(), crops.begin(), crops.end());
            crops.clear();
        }
    }
    if (!crops.empty()) {
        const auto t0 = Clock::now();
        embedder.embed(crops);
        t.embed += since(t0);
        all.insert(all.end(), crops.begin(), crops.end());
    }
    t.total = since(start);
    t.pureNetwork = 1e9;
    for (int r = 0; r < 3 && !all.empty(); ++r) {
        const auto t0 = Clock::now();
        embedder.embed(all);
        t.pureNetwork = std::min(t.pureNetwork, since(t0));
    }
    return t;
}

} // namespace

int main(int argc, char* argv[])
{
    fs::path models = KINDRED_MODELS_DIR;
    fs::path irv1 = fs::path(KINDRED_SHARED_DIR) / "reference" / "inception_resnet_v1_random_legacy.pt";
    std::vector<int> batches = {1, 8, 32};
    std::vector<int> threads = {1, 2};
    double seconds = 3.0;
    std::string device = "cpu";
    bool runPipeline = true;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto next = [&]() -> std::string {
                if (i + 1 >= argc)
                    throw std::invalid_argument(a + " needs a value");
                return argv[++i];
            };
            if (a == "--models")
                models = next();
            else if (a == "--irv1")
                irv1 = next();
            else if (a == "--batches")
                batches = parseList(next());
            else if (a == "--threads")
                threads = parseList(next());
            else if (a == "--seconds")
                seconds = std::atof(next().c_str());
            else if (a == "--device")
                device = next();
            else if (a == "--no-pipeline")
                runPipeline = false;
            else {
                std::cerr
                    << "usage: bench_embed [--models DIR] [--irv1 FILE] [--batches 1,8,32] [--threads 1,2] "
                       "[--seconds S] [--device cpu|cuda|auto] [--no-pipeline]\n";
                return a == "--help" || a == "-h" ? 0 : 2;
            }
        }

        std::vector<std::unique_ptr<Embedder>> embedders;
        embedders.push_back(FaceRecognitionEmbedder::fromModelPack(models));
        embedders.push_back(EdgeFaceEmbedder::fromModelDir(models, EdgeFaceEmbedder::Variant::XS));
        embedders.push_back(EdgeFaceEmbedder::fromModelDir(models, EdgeFaceEmbedder::Variant::XXS));
        embedders.push_back(InceptionResnetV1Embedder::fromCheckpoint(irv1));
        const fs::path inputs = fs::path(KINDRED_SHARED_DIR) / "reference" / "frnet" / "inputs150";

        std::cout << "Machine: " << cpuModel() << ", " << Device::defaultThreads() << " logical cores\n";
        std::cout << "LibTorch " << TORCH_VERSION << ", device " << device << ", load average "
                  << loadAverage() << " at start\n\n";
        std::cout << "| model | input | threads | batch | embeddings/s | ms/embedding |\n";
        std::cout << "|---|---|---:|---:|---:|---:|\n";
        for (const int t : threads) {
            const torch::Device dev = Device::configure({device, t});
            for (auto& embedder : embedders) {
                embedder->setDevice(dev);
                const std::vector<cv::Mat> pool = loadCrops(inputs, embedder->inputSize());
                for (const int b : batches) {
                    const double rate = embeddingsPerSecond(*embedder, pool, b, seconds);
                    std::printf("| %s | %d | %d | %d | %.1f | %.1f |\n", embedder->modelId().c_str(),
                                embedder->inputSize(), dev.is_cuda() ? 0 : t, b, rate, 1000.0 / rate);
                    std::fflush(stdout);
                }
            }
        }
        if (runPipeline) {
            MtcnnDetector detector = MtcnnDetector::fromDirectory(models);
            const fs::path photos = fs::path(KINDRED_SHARED_DIR) / "photos" / "dev";
            std::cout
                << "\nEnd to end on " << photos.string()
                << " (fast decode, MTCNN, alignment, embedding in batches of 32) vs the pure network time "
                   "for the same crops (batch 32, best of 3):\n\n";
            std::cout
                << "| model | threads | photos | faces | decode s | detect s | align s | embed s | total s | "
                   "pure network s | total / network "
                   "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
            for (const int t : threads) {
                const torch::Device dev = Device::configure({device, t});
                for (auto& embedder : embedders) {
                    embedder->setDevice(dev);
                    pipeline(*embedder, detector, photos); // warm-up
                    const PipelineTimes p = pipeline(*embedder, detector, photos);
                    std::printf("| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f |\n",
                                embedder->modelId().c_str(), t, p.photos, p.faces, p.decode, p.detect,
                                p.align, p.embed, p.total, p.pureNetwork, p.total / p.pureNetwork);
                    std::fflush(stdout);
                }
            }
        }
        std::cout << "\nload average " << loadAverage() << " at the end\n";
    } catch (const std::exception& e) {
        std::cerr << "bench_embed: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
