#pragma once

// NOTE: reconstructed by the embedding helper after accidentally overwriting the clustering helper's
// original file (same public API, rebuilt from its callers, its tests and the compiled object's symbols).
// The owner should check it against their intent.

#include <cstdint>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// Scored pairs of faces: a similarity per pair (higher = more alike, e.g. cosine) and whether the pair
// shows one person.
struct PairScores {
    std::vector<float> scores;
    std::vector<uint8_t> same;

    int64_t positives() const;
    int64_t negatives() const;
};

// True accept rate at a false accept rate: pairs with score >= threshold are accepted.
struct TarAtFar {
    double far = 0.0;       // the requested false accept rate
    double tar = 0.0;       // share of same-person pairs accepted
    float threshold = 0.0F; // just above the highest negative that may not pass
    bool resolvable =
        false; // false when far x negatives < 1 (the rate cannot be measured, no negative passes)
};

struct ThresholdAccuracy {
    float threshold = 0.0F; // accept score >= threshold
    double accuracy = 0.0;
};

struct KFoldAccuracy {
    double mean = 0.0;
    double std = 0.0; // population standard deviation over the folds
    std::vector<double> foldAccuracies;
    std::vector<float> thresholds; // per fold, chosen on the other folds
};

// The lowest score threshold whose accepted set (score >= threshold) reaches a precision.
struct PrecisionThreshold {
    bool found = false;
    float threshold = 0.0F; // +inf when not found
    int64_t accepted = 0;
    double precision = 0.0;
};

// Closed-set identification of probes against per-person prototypes (mean of the gallery's normalised
// embeddings). Rates are shares of the probes.
struct IdentificationMetrics {
    int64_t probes = 0;
    double top1Error = 0.0;     // misidentified + rejected
    double misidentified = 0.0; // best prototype is another person's
    double rejected = 0.0;      // best cosine below rejectBelow
    double meanMargin = 0.0;    // cosine to the own prototype minus the best other prototype
};

class VerificationMetrics {
public:
    // Every pair i < j of the rows (cosine similarity); same = equal labels >= 0 (label -1 = unknown).
    static PairScores allPairs(const torch::Tensor& embeddings, const std::vector<int>& labels);
    // Probe x gallery and probe x probe (i < j) pairs.
    static PairScores probePairs(const torch::Tensor& probes, const std::vector<int>& probeLabels,
                                 const torch::Tensor& gallery, const std::vector<int>& galleryLabels);
    // P(score of a same pair > score of a different pair), ties counting half; 0.5 without both kinds.
    static double rocAuc(const PairScores& pairs);
    static TarAtFar tarAtFar(const PairScores& pairs, double far);
    static ThresholdAccuracy bestThreshold(const PairScores& pairs);
    // Pairs dealt to `folds` folds round-robin; each fold is scored with the best threshold of the others.
    static KFoldAccuracy kFoldAccuracy(const PairScores& pairs, int folds);
    // Cuts between distinct scores (ties are one cut), from the top; the lowest cut with precision >= target.
    static PrecisionThreshold thresholdForPrecision(const std::vector<float>& scores,
                                                    const std::vector<uint8_t>& correct,
                                                    double targetPrecision);
    static IdentificationMetrics identification(const torch::Tensor& gallery,
                                                const std::vector<int>& galleryLabels,
                                                const torch::Tensor& probes,
                                                const std::vector<int>& probeLabels, float rejectBelow);
};

} // namespace kindred
