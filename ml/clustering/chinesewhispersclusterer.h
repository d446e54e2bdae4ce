#pragma once

#include "clustering/clusterer.h"

namespace kindred {

// Chinese whispers (Biemann 2006) on a symmetric k-NN graph: edges join each face to its k most similar
// faces when their cosine similarity is >= minSimilarity, weighted by that similarity. Every face starts
// in its own class and, visited in a seeded random order, takes the class with the largest summed edge
// weight among its neighbours (ties: smallest class id). Deterministic for a given seed.
class ChineseWhispersClusterer : public Clusterer {
public:
    explicit ChineseWhispersClusterer(ChineseWhispersOptions options = {});
    std::string name() const override { return "chinese-whispers"; }
    ClusteringResult cluster(const torch::Tensor& embeddings,
                             const std::vector<float>& quality = {}) const override;
    const ChineseWhispersOptions& options() const { return m_options; }

    // The label propagation alone, on an explicit symmetric graph in CSR form (offsets: n + 1 entries;
    // neighbours/weights: one entry per directed edge). Returns one class id per node (a node id).
    static std::vector<int64_t> propagate(const std::vector<int64_t>& offsets,
                                          const std::vector<int64_t>& neighbours,
                                          const std::vector<float>& weights, int iterations, uint64_t seed);

private:
    ChineseWhispersOptions m_options;
};

} // namespace kindred
