#pragma once

#include <cstdint>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// Parameters of a synthetic face-embedding set that mimics a family library: identities grouped in
// "families" whose centroids are correlated (relatives look alike), unequal cluster sizes (Zipf-like),
// a per-identity spread, some low-quality faces (larger spread, low quality value) and noise faces
// (strangers seen once, true label -1).
struct SyntheticOptions {
    int64_t faces = 1000; // total rows, noise included
    int64_t identities = 20;
    int64_t dim = 128;
    double noiseShare = 0.05;      // share of rows that are strangers (label -1)
    double lowQualityShare = 0.05; // share of identity faces that are blurry/small (quality < 0.3)
    double minSpread = 0.55;       // per-identity noise norm relative to the unit centroid; two faces of
    double maxSpread = 0.90;       // one identity have cosine ~ 1 / (1 + spread^2)
    double lowQualitySpreadFactor = 2.0;
    int64_t familySize = 4;         // identities per family
    double familyCorrelation = 0.3; // cosine between centroids of one family (0 = unrelated)
    double sizeExponent = 0.8;      // identity i gets a share ~ 1 / (i + 1)^exponent (at least 2 faces)
    // Nuisance: variation shared by all identities (pose, lighting, age) in a few random directions; each
    // identity face gets sum_j z_j * nuisanceScale * u_j with z_j ~ N(0, 1) and u_j orthonormal. A learnt
    // projection can suppress it (the situation triplet fine-tuning is for); 0 = none.
    int64_t nuisanceDims = 0;
    double nuisanceScale = 0.0;
    uint64_t seed = 1;
};

struct SyntheticSet {
    torch::Tensor embeddings;   // faces x dim, float32, L2-normalised rows
    std::vector<int> labels;    // identity 0..identities-1, or -1 for a stranger
    std::vector<float> quality; // in [0, 1]; low-quality faces are below 0.3
};

class SyntheticIdentities {
public:
    // Deterministic for a given options.seed. Throws std::invalid_argument on impossible options.
    static SyntheticSet generate(const SyntheticOptions& options);
};

} // namespace kindred
