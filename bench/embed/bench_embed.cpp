// bench_embed: measures embeddings per second of each embedder at several batch sizes and thread counts.
//   bench_embed [--models DIR] [--irv1 CHECKPOINT] [--batches 1,8,32] [--threads 1,2] [--seconds S]
//               [--device cpu|cuda|auto]
// Defaults: the build's model pack, shared/reference/inception_resnet_v1_random_legacy.pt (random weights:
// same cost as the real ones), batches 1,8,32, threads 1,2, at least 3 s per configuration.
// Prints the machine and a Markdown table.
#include "device.h"
#include "embedder.h"
#include "facerecognitionembedder.h"
#include "inceptionresnetv1embedder.h"

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

} // namespace

int main(int argc, char* argv[])
{
    fs::path models = KINDRED_MODELS_DIR;
    fs::path irv1 = fs::path(KINDRED_SHARED_DIR) / "reference" / "inception_resnet_v1_random_legacy.pt";
    std::vector<int> batches = {1, 8, 32};
    std::vector<int> threads = {1, 2};
    double seconds = 3.0;
    std::string device = "cpu";
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
            else {
                std::cerr
                    << "usage: bench_embed [--models DIR] [--irv1 FILE] [--batches 1,8,32] [--threads 1,2] "
                       "[--seconds S] [--device cpu|cuda|auto]\n";
                return a == "--help" || a == "-h" ? 0 : 2;
            }
        }

        std::vector<std::unique_ptr<Embedder>> embedders;
        embedders.push_back(FaceRecognitionEmbedder::fromModelPack(models));
        embedders.push_back(InceptionResnetV1Embedder::fromCheckpoint(irv1));
        const fs::path inputs = fs::path(KINDRED_SHARED_DIR) / "reference" / "frnet" / "inputs150";

        std::cout << "Machine: " << cpuModel() << ", " << Device::defaultThreads() << " logical cores\n";
        std::cout << "LibTorch " << TORCH_VERSION << ", device " << device << "\n\n";
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
    } catch (const std::exception& e) {
        std::cerr << "bench_embed: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
