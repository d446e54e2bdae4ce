#pragma once

#include <torch/torch.h>

namespace kindred {

enum class TripletDistance {
    SquaredEuclidean, // d(a, b) = ||a - b||^2
    Cosine,           // d(a, b) = 1 - cos(a, b); the loss is then max(0, cos(a,n) - cos(a,p) + margin)
};

// Triplet loss (FaceNet): mean over triplets of max(0, d(a, p) - d(a, n) + margin).
class TripletLoss {
public:
    // Row-wise distance between two N x D matrices (differentiable).
    static torch::Tensor distance(const torch::Tensor& a, const torch::Tensor& b, TripletDistance kind);
    // B x B distance matrix of the rows of x (for mining; clamped at 0, exact zeros on the diagonal).
    static torch::Tensor pairwise(const torch::Tensor& x, TripletDistance kind);
    // Mean loss over the N triplets given as three N x D matrices; 0 (with a graph) when N == 0.
    static torch::Tensor compute(const torch::Tensor& anchors, const torch::Tensor& positives,
                                 const torch::Tensor& negatives, double margin, TripletDistance kind);
};

} // namespace kindred
