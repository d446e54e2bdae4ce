#pragma once

#include "clustering/clusterer.h"

#include <memory>
#include <torch/torch.h>
#include <vector>

namespace kindred {

enum class AssignmentMethod {
    Centroid, // cosine to each cluster's normalised mean
    KnnVote,  // the k most similar clustered faces vote with their similarities
};

struct IncrementalOptions {
    AssignmentMethod method = AssignmentMethod::Centroid;
    float minSimilarity = 0.55f;     // a new face joins a cluster only at or above this (centroid cosine, or
                                     // for KnnVote the mean similarity of the winning cluster's voters)
    int k = 5;                       // KnnVote: number of voters
    float minQuality = 0.0f;         // new faces below this stay unclustered
    std::vector<int> lockedClusters; // confirmed clusters
    bool joinLocked = true; // may new faces join a locked cluster? (false: locked clusters never grow)
    int64_t maxBlockBytes = 128ll << 20;
};

// Assignment of a batch of new faces. Existing faces keep their labels by construction: only the new
// faces get labels.
struct IncrementalResult {
    std::vector<int> labels; // per new face: an existing cluster id, a new id (> every existing id), or -1
    std::vector<float> similarity; // the score that decided joining (NaN for faces that did not join)
    int64_t joinedExisting = 0;
    int newClusters = 0;
    int64_t unclustered = 0;
};

class IncrementalClusterer {
public:
    // leftovers: clusters the faces that joined no existing cluster among themselves.
    IncrementalClusterer(IncrementalOptions options, std::shared_ptr<const Clusterer> leftovers);

    // existing: M x D normalised embeddings with existingLabels (M values, -1 = unclustered, ignored);
    // fresh: N x D new faces with optional quality. Throws std::invalid_argument on malformed input.
    IncrementalResult assign(const torch::Tensor& existing, const std::vector<int>& existingLabels,
                             const torch::Tensor& fresh, const std::vector<float>& freshQuality = {}) const;

private:
    IncrementalOptions m_options;
    std::shared_ptr<const Clusterer> m_leftovers;
};

} // namespace kindred
