#pragma once

#include "clustering/chinesewhispersclusterer.h"
#include "clustering/clusterer.h"

namespace kindred {

struct CompactOptions {
    // Candidate groups: Chinese whispers at this similarity (cheap, near-linear, but it chains look-alikes).
    ChineseWhispersOptions candidates;
    // Within each candidate group, average linkage: a group's faces must have at least this mean similarity
    // to one another (AverageLinkage).
    float minAverageSimilarity = 0.50f;
    // Candidate groups above this size are first split by Chinese whispers at a higher similarity, so that
    // the linkage's n^2 matrix stays small.
    int maxCandidateSize = 4000;
    CommonClusterOptions common;
};

// Groups that never mix people: Chinese whispers proposes candidate groups over the whole set, average
// linkage splits each candidate into groups whose faces are close to the group as a whole, and faces with
// one cannot-link id (one photo) never share a group. Groups smaller than common.minClusterSize are
// dissolved (their faces stay unclustered, never shown as one "leftovers" group).
class CompactClusterer : public Clusterer {
public:
    explicit CompactClusterer(CompactOptions options = {});
    std::string name() const override { return "compact"; }
    ClusteringResult cluster(const torch::Tensor& embeddings,
                             const std::vector<float>& quality = {}) const override;
    // The same with a cannot-link id per face (empty, or one per row; < 0 = none).
    ClusteringResult clusterConstrained(const torch::Tensor& embeddings, const std::vector<float>& quality,
                                        const std::vector<int64_t>& cannotLink) const;
    const CompactOptions& options() const { return m_options; }

private:
    void split(const torch::Tensor& e, const std::vector<int64_t>& rows,
               const std::vector<int64_t>& cannotLink, float candidateSimilarity,
               std::vector<int64_t>& groups, int64_t& nextGroup) const;

    CompactOptions m_options;
};

} // namespace kindred
