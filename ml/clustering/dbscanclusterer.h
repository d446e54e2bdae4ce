#pragma once

#include "clustering/clusterer.h"

namespace kindred {

// Exact DBSCAN on cosine distance with bounded memory: two passes over row blocks of the similarity
// matrix (pass 1 counts neighbours to find core faces, pass 2 unions core faces within eps and attaches
// each border face to its most similar core face). Memory is O(N) plus one block.
class DbscanClusterer : public Clusterer {
public:
    explicit DbscanClusterer(DbscanOptions options = {});
    std::string name() const override { return "dbscan"; }
    ClusteringResult cluster(const torch::Tensor& embeddings,
                             const std::vector<float>& quality = {}) const override;
    const DbscanOptions& options() const { return m_options; }

private:
    DbscanOptions m_options;
};

} // namespace kindred
