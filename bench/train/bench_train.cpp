// bench_train: time per epoch of the triplet fine-tuning (TripletTrainer, the background job's trainer) on
// synthetic labelled faces shaped like a family library, on CPU.
//   bench_train [--faces N[,N...]] [--people N] [--dim D] [--epochs E] [--threads T] [--mining
//   semi-hard|batch-hard] bench_train --write-npz FILE [--faces N] [--people N] [--dim D] [--nuisance S]
//   [--seed S]
// Defaults: 1000 and 10000 faces, 128-d, 3 epochs, 2 threads. Prints the machine and one line per size.
// --write-npz writes a synthetic labelled set (identities with shared nuisance variation of scale S, default
// 0.5) in the layout of `kindred-cli embed` (embeddings, labels) for `kindred-cli finetune --experiment`.
#include "training/syntheticidentities.h"
#include "training/triplettrainer.h"
#include "weights/npzwriter.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kindred;

namespace {

std::string firstLineStartingWith(const char* file, const std::string& prefix)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0)
            return line;
    }
    return {};
}

std::string cpuModel()
{
    const std::string line = firstLineStartingWith("/proc/cpuinfo", "model name");
    const auto colon = line.find(':');
    return colon == std::string::npos ? "unknown CPU" : line.substr(colon + 2);
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

std::vector<int64_t> parseList(const char* text)
{
    std::vector<int64_t> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, ','))
        out.push_back(std::atoll(item.c_str()));
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<int64_t> sizes{1000, 10000};
    int64_t people = 0; // 0: faces / 40 (at least 20)
    int64_t dim = 128;
    int epochs = 3;
    int threads = 2;
    MiningStrategy mining = MiningStrategy::SemiHard;
    std::string npzFile;
    double nuisance = 0.5;
    uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (!value) {
            std::fprintf(stderr, "bench_train: %s needs a value\n", arg.c_str());
            return 2;
        }
        ++i;
        if (arg == "--faces")
            sizes = parseList(value);
        else if (arg == "--people")
            people = std::atoll(value);
        else if (arg == "--dim")
            dim = std::atoll(value);
        else if (arg == "--epochs")
            epochs = std::atoi(value);
        else if (arg == "--threads")
            threads = std::atoi(value);
        else if (arg == "--write-npz")
            npzFile = value;
        else if (arg == "--nuisance")
            nuisance = std::atof(value);
        else if (arg == "--seed")
            seed = std::strtoull(value, nullptr, 10);
        else if (arg == "--mining")
            mining =
                std::strcmp(value, "batch-hard") == 0 ? MiningStrategy::BatchHard : MiningStrategy::SemiHard;
        else {
            std::fprintf(stderr, "bench_train: unknown option %s\n", arg.c_str());
            return 2;
        }
    }
    torch::set_num_threads(threads);
    if (!npzFile.empty()) {
        SyntheticOptions s;
        s.faces = sizes.front();
        s.identities = people > 0 ? people : std::max<int64_t>(20, s.faces / 40);
        s.dim = dim;
        s.noiseShare = 0.0;
        s.nuisanceDims = 4;
        s.nuisanceScale = nuisance;
        s.seed = seed;
        const SyntheticSet set = SyntheticIdentities::generate(s);
        NpzWriter npz;
        npz.add("embeddings", set.embeddings);
        std::vector<std::string> labels;
        for (const int l : set.labels)
            labels.push_back(l < 0 ? std::string() : "id" + std::to_string(l));
        npz.addStrings("labels", labels);
        npz.addStrings("model_id", {"synthetic"});
        npz.save(npzFile);
        std::printf("wrote %s: %lld faces of %lld identities, %lld-d, nuisance %.2f\n", npzFile.c_str(),
                    static_cast<long long>(s.faces), static_cast<long long>(s.identities),
                    static_cast<long long>(dim), nuisance);
        return 0;
    }
    std::printf("machine: %s, %u hardware threads, load %s\n", cpuModel().c_str(),
                std::thread::hardware_concurrency(), loadAverage().c_str());
    std::printf("torch threads: %d, dim %lld, %d epochs, %s mining\n", torch::get_num_threads(),
                static_cast<long long>(dim), epochs,
                mining == MiningStrategy::SemiHard ? "semi-hard" : "batch-hard");
    std::printf("%8s %7s %9s %14s %12s %10s\n", "faces", "people", "batches", "s/epoch(train)",
                "s/epoch(all)", "total s");
    for (const int64_t n : sizes) {
        SyntheticOptions s;
        s.faces = n;
        s.identities = people > 0 ? people : std::max<int64_t>(20, n / 40);
        s.dim = dim;
        s.noiseShare = 0.0;
        s.nuisanceDims = 4;
        s.nuisanceScale = 0.5;
        const SyntheticSet set = SyntheticIdentities::generate(s);
        TrainingOptions o;
        o.epochs = epochs;
        o.patience = epochs + 1; // time every epoch
        o.mining = mining;
        const auto start = std::chrono::steady_clock::now();
        const TrainingResult r = TripletTrainer(o).train(set.embeddings, set.labels);
        const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const int64_t batches = (n + o.p * o.k - 1) / (o.p * o.k);
        std::printf("%8lld %7lld %9lld %14.3f %12.3f %10.2f  (%s, adopted: %s)\n", static_cast<long long>(n),
                    static_cast<long long>(s.identities), static_cast<long long>(batches), r.secondsPerEpoch,
                    total / std::max(1, r.epochsRun + (r.adopted ? r.bestEpoch : 0)), total,
                    r.validation.c_str(), r.adopted ? "yes" : "no");
        std::fflush(stdout);
    }
    return 0;
}
