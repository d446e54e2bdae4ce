// bench_cluster: clustering time on synthetic face embeddings (ml/syntheticidentities.h).
//   bench_cluster [--sizes 10000,100000] [--threads N] [--algorithms dbscan,chinese-whispers]
//                 [--incremental 1000] [--skip-dbscan-above N]
//   bench_cluster --write-npz FILE [--faces N] [--identities N] [--seed S]
// The first form prints, per size and algorithm, the wall time and BCubed scores (default options), then the
// time to assign --incremental new faces onto the largest set (centroid and k-NN vote). The second writes a
// labelled synthetic set (embeddings, labels as int64 with -1 = stranger, quality) for
// `kindred-cli eval-clusters --npz FILE`.
#include "clustering/chinesewhispersclusterer.h"
#include "clustering/dbscanclusterer.h"
#include "clustering/incrementalclusterer.h"
#include "evaluation/clusteringmetrics.h"
#include "training/syntheticidentities.h"
#include "weights/npzwriter.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kindred;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<int64_t> parseList(const std::string& text)
{
    std::vector<int64_t> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const long long v = std::atoll(item.c_str());
        if (v <= 0)
            throw std::invalid_argument("not a positive number: " + item);
        values.push_back(v);
    }
    return values;
}

std::vector<std::string> parseNames(const std::string& text)
{
    std::vector<std::string> names;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        names.push_back(item);
    return names;
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

double loadAverage()
{
    std::ifstream in("/proc/loadavg");
    double load = 0;
    in >> load;
    return load;
}

// A family-library-like set: about 50 faces per identity, 5 % strangers, 5 % low quality.
SyntheticOptions optionsFor(int64_t faces, uint64_t seed)
{
    SyntheticOptions o;
    o.faces = faces;
    o.identities = std::max<int64_t>(10, faces / 50);
    o.seed = seed;
    return o;
}

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<int64_t> sizes = {10000, 100000};
    std::vector<std::string> algorithms = {"dbscan", "chinese-whispers"};
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int64_t incremental = 1000;
    int64_t faces = 5000;
    int64_t identities = 0;
    uint64_t seed = 7;
    std::string npzOut;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto next = [&]() -> std::string {
                if (i + 1 >= argc)
                    throw std::invalid_argument(a + " needs a value");
                return argv[++i];
            };
            if (a == "--sizes")
                sizes = parseList(next());
            else if (a == "--algorithms")
                algorithms = parseNames(next());
            else if (a == "--threads")
                threads = static_cast<int>(parseList(next()).at(0));
            else if (a == "--incremental")
                incremental = std::atoll(next().c_str());
            else if (a == "--write-npz")
                npzOut = next();
            else if (a == "--faces")
                faces = parseList(next()).at(0);
            else if (a == "--identities")
                identities = parseList(next()).at(0);
            else if (a == "--seed")
                seed = static_cast<uint64_t>(parseList(next()).at(0));
            else {
                std::cerr
                    << "usage: bench_cluster [--sizes 10000,100000] [--algorithms dbscan,chinese-whispers] "
                       "[--threads N] [--incremental 1000]\n"
                       "       bench_cluster --write-npz FILE [--faces N] [--identities N] [--seed S]\n";
                return a == "--help" || a == "-h" ? 0 : 2;
            }
        }
        torch::set_num_threads(threads);

        if (!npzOut.empty()) {
            SyntheticOptions o = optionsFor(faces, seed);
            if (identities > 0)
                o.identities = identities;
            const SyntheticSet set = SyntheticIdentities::generate(o);
            NpzWriter npz;
            npz.add("embeddings", set.embeddings);
            npz.add("labels",
                    torch::tensor(std::vector<int64_t>(set.labels.begin(), set.labels.end()), torch::kInt64));
            npz.add("quality", torch::tensor(set.quality, torch::kFloat32));
            npz.addStrings("model_id",
                           {"synthetic-" + std::to_string(o.dim) + "d-seed" + std::to_string(seed)});
            npz.save(npzOut);
            std::printf("wrote %s: %lld faces, %lld identities, %lld-d\n", npzOut.c_str(),
                        static_cast<long long>(o.faces), static_cast<long long>(o.identities),
                        static_cast<long long>(o.dim));
            return 0;
        }

        std::printf("machine: %s, %u hardware threads, %d torch threads, load average %.2f at start\n",
                    cpuModel().c_str(), std::thread::hardware_concurrency(), threads, loadAverage());
        std::printf(
            "\n| faces | identities | algorithm | seconds | BCubed P | R | F | clusters | unclustered |\n"
            "|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
        SyntheticSet largest;
        std::vector<int> largestLabels;
        for (const int64_t n : sizes) {
            const SyntheticSet set = SyntheticIdentities::generate(optionsFor(n, seed));
            const int64_t ids = optionsFor(n, seed).identities;
            for (const std::string& name : algorithms) {
                const std::unique_ptr<Clusterer> clusterer = Clusterer::create(name);
                const auto t0 = Clock::now();
                const ClusteringEvaluation e =
                    ClusteringMetrics::evaluate(*clusterer, set.embeddings, set.labels, set.quality);
                const double s = seconds(t0);
                std::printf("| %lld | %lld | %s | %.2f | %.3f | %.3f | %.3f | %d | %.1f %% |\n",
                            static_cast<long long>(n), static_cast<long long>(ids), name.c_str(), s,
                            e.bcubed.precision, e.bcubed.recall, e.bcubed.f, e.clusters,
                            100.0 * e.unclusteredShare);
                std::fflush(stdout);
            }
            if (n == sizes.back()) {
                largest = set;
                // existing faces carry their true identity as cluster (a fully named library)
                largestLabels = set.labels;
            }
        }

        if (incremental > 0 && largest.embeddings.defined()) {
            // New faces from the same identities: a fresh draw with another seed, same identity centroids
            // is not available from the generator, so the new faces are the last `incremental` rows of a
            // larger set generated with the same seed (same centroids), and the existing set is the rest.
            const int64_t total = largest.embeddings.size(0);
            const int64_t base = total - incremental;
            if (base <= 0)
                throw std::invalid_argument("--incremental must be smaller than the largest size");
            const torch::Tensor existing = largest.embeddings.slice(0, 0, base);
            const std::vector<int> existingLabels(largestLabels.begin(), largestLabels.begin() + base);
            const torch::Tensor fresh = largest.embeddings.slice(0, base, total);
            const std::vector<float> freshQuality(largest.quality.begin() + base, largest.quality.end());
            std::printf(
                "\n| existing | new | method | seconds | joined existing | joined right | new clusters | "
                "unclustered |\n|---:|---:|---|---:|---:|---:|---:|---:|\n");
            for (const AssignmentMethod method : {AssignmentMethod::Centroid, AssignmentMethod::KnnVote}) {
                IncrementalOptions o;
                o.method = method;
                const IncrementalClusterer clusterer(o, std::make_shared<ChineseWhispersClusterer>());
                const auto t0 = Clock::now();
                const IncrementalResult r = clusterer.assign(existing, existingLabels, fresh, freshQuality);
                const double s = seconds(t0);
                int64_t right = 0;
                for (size_t i = 0; i < r.labels.size(); ++i)
                    right += r.labels[i] >= 0 && r.labels[i] == largestLabels[static_cast<size_t>(base) + i]
                                 ? 1
                                 : 0;
                std::printf("| %lld | %lld | %s | %.3f | %lld | %lld | %d | %lld |\n",
                            static_cast<long long>(base), static_cast<long long>(incremental),
                            method == AssignmentMethod::Centroid ? "centroid" : "knn-vote", s,
                            static_cast<long long>(r.joinedExisting), static_cast<long long>(right),
                            r.newClusters, static_cast<long long>(r.unclustered));
                std::fflush(stdout);
            }
        }
        std::printf("\nload average %.2f at the end\n", loadAverage());
    } catch (const std::exception& e) {
        std::cerr << "bench_cluster: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
