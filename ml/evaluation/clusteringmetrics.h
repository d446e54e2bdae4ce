#pragma once

#include <cstdint>
#include <torch/torch.h>
#include <vector>

namespace kindred {

class Clusterer;

// BCubed scores (Bagga & Baldwin; Amigó et al. 2009): per-item precision = share of the item's predicted
// cluster that has its true label, per-item recall = share of its true class that is in its predicted
// cluster, both averaged over items; F = harmonic mean of the two averages.
struct BCubedScore {
    double precision = 0.0;
    double recall = 0.0;
    double f = 0.0;
    int64_t items = 0;
};

// One clusterer scored on one labelled set.
struct ClusteringEvaluation {
    BCubedScore bcubed;
    int clusters = 0;                 // predicted clusters (unclustered faces not counted)
    int identities = 0;               // true identities (label >= 0)
    double unclusteredShare = 0.0;    // share of faces left unclustered (-1)
    double noiseClusteredShare = 0.0; // share of true noise faces (truth -1) put into some cluster
    double seconds = 0.0;
};

class ClusteringMetrics {
public:
    // Label -1 (in either vector) means "in no cluster": such an item is treated as its own singleton.
    // Throws std::invalid_argument when the sizes differ.
    static BCubedScore bcubed(const std::vector<int>& predicted, const std::vector<int>& truth);

    // Runs `clusterer` on embeddings (+ optional quality) and scores it against truth labels.
    static ClusteringEvaluation evaluate(const Clusterer& clusterer, const torch::Tensor& embeddings,
                                         const std::vector<int>& truth,
                                         const std::vector<float>& quality = {});
};

} // namespace kindred
