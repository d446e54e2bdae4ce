#pragma once

#include <torch/torch.h>

namespace kindred {

enum class MiningStrategy {
    BatchHard, // per anchor: the farthest positive and the nearest negative (Hermans et al. 2017)
    SemiHard,  // per (anchor, positive): the nearest negative with d(a,p) < d(a,n) < d(a,p) + margin
               // (FaceNet); when there is none, the least hard negative with d(a,n) <= d(a,p) (a hard
               // one); pairs whose negatives are all beyond d(a,p) + margin give no triplet (zero loss)
};

// Triplets as three int64 index vectors into the batch.
struct Triplets {
    torch::Tensor anchors;
    torch::Tensor positives;
    torch::Tensor negatives;
    int64_t size() const { return anchors.defined() ? anchors.size(0) : 0; }
};

class TripletMiner {
public:
    // distances: B x B (e.g. TripletLoss::pairwise); labels: B integers. Ties go to the smaller index.
    static Triplets mine(const torch::Tensor& distances, const torch::Tensor& labels, MiningStrategy strategy,
                         double margin);
};

} // namespace kindred
