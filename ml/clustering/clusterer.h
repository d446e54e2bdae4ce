#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// Options every clusterer shares.
struct CommonClusterOptions {
    int minClusterSize = 2;              // clusters with fewer faces are dissolved into "unclustered" (-1)
    float minQuality = 0.0f;             // faces whose quality is below this are never clustered (-1)
    int64_t maxBlockBytes = 128ll << 20; // bound on one similarity block (rows x N floats) in memory
};

// DBSCAN over cosine distance (1 - cos), Immich's approach: eps + a minimum neighbourhood size.
struct DbscanOptions {
    float eps = 0.40f; // two faces are neighbours when their cosine distance is <= eps
    int minPoints = 3; // a face is a core face when it has >= minPoints neighbours, itself included
    CommonClusterOptions common;
};

// Chinese whispers over a k-NN graph whose edges have cosine similarity >= minSimilarity.
struct ChineseWhispersOptions {
    int k = 10;                  // neighbours per face in the graph (the graph is then made symmetric)
    float minSimilarity = 0.60f; // weaker edges are dropped
    int iterations = 30;         // upper bound; stops earlier when no label changes
    uint64_t seed = 1;           // visiting order; the same seed gives the same result
    CommonClusterOptions common;
};

// Result of one clustering run. labels[i] is the cluster of face i (0..clusterCount-1, numbered by
// decreasing size, ties by smallest member index) or -1 for unclustered faces.
struct ClusteringResult {
    std::vector<int> labels;
    int clusterCount = 0;
    int64_t unclustered = 0;
    double seconds = 0.0;
};

// Interface of every clustering algorithm. Input: N x D float32 embeddings with L2-normalised rows,
// optional per-face quality (empty = all faces usable). Synchronous and const: one instance may be used
// from several threads. Throws std::invalid_argument on malformed input.
class Clusterer {
public:
    virtual ~Clusterer() = default;
    virtual std::string name() const = 0;
    virtual ClusteringResult cluster(const torch::Tensor& embeddings,
                                     const std::vector<float>& quality = {}) const = 0;

    // "dbscan" or "chinese-whispers" with default options; throws std::invalid_argument otherwise.
    static std::unique_ptr<Clusterer> create(const std::string& name);
    static std::vector<std::string> names();

    // Helpers for implementations.
    // Checks shape/dtype/finiteness, returns a contiguous float32 CPU tensor.
    static torch::Tensor checkedEmbeddings(const torch::Tensor& embeddings);
    // Indices of the faces whose quality passes (all when quality is empty); checks quality's size.
    static std::vector<int64_t> usableFaces(int64_t count, const std::vector<float>& quality,
                                            float minQuality);
    // Turns arbitrary group ids (-1 = none) of `subset` faces into final labels for all `count` faces:
    // groups smaller than minClusterSize become -1, the rest are renumbered by decreasing size.
    static ClusteringResult finalize(int64_t count, const std::vector<int64_t>& subset,
                                     const std::vector<int64_t>& groups, int minClusterSize);
};

} // namespace kindred
