#pragma once

#include <cstdint>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// Agglomerative clustering with average linkage: two groups merge only while the mean cosine similarity
// over all pairs of their faces is at least `minSimilarity`, so every face of a group is close to the group
// as a whole, not only to one neighbour (no chaining of look-alikes into one giant group). Faces that
// share a cannot-link id (e.g. their photo: two faces of one photo are two people) never end up in one
// group. Nearest-neighbour-chain algorithm: O(n^2) time and n^2 floats of memory, so it is run on candidate
// groups of moderate size (CompactClusterer), not on a whole library at once.
class AverageLinkage {
public:
    // `embeddings`: n x d, L2-normalised rows. `cannotLink`: empty, or one id per row (< 0 = none).
    // Returns a group id per row (0 .. groups - 1, largest group first).
    static std::vector<int> cluster(const torch::Tensor& embeddings, float minSimilarity,
                                    const std::vector<int64_t>& cannotLink = {});
};

} // namespace kindred
