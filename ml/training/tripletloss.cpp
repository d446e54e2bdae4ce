#include "training/tripletloss.h"

#include <stdexcept>

namespace kindred {

torch::Tensor TripletLoss::distance(const torch::Tensor& a, const torch::Tensor& b, TripletDistance kind)
{
    if (a.sizes() != b.sizes() || a.dim() != 2)
        throw std::invalid_argument("TripletLoss::distance: expected two N x D matrices of the same shape");
    if (kind == TripletDistance::SquaredEuclidean)
        return (a - b).pow(2).sum(1);
    return 1.0 - torch::nn::functional::cosine_similarity(
                     a, b, torch::nn::functional::CosineSimilarityFuncOptions().dim(1));
}

torch::Tensor TripletLoss::pairwise(const torch::Tensor& x, TripletDistance kind)
{
    if (x.dim() != 2)
        throw std::invalid_argument("TripletLoss::pairwise: expected an N x D matrix");
    torch::Tensor d;
    if (kind == TripletDistance::SquaredEuclidean) {
        const torch::Tensor sq = x.pow(2).sum(1);
        d = (sq.unsqueeze(1) + sq.unsqueeze(0) - 2.0 * torch::matmul(x, x.t())).clamp_min(0.0);
    } else {
        const torch::Tensor n =
            torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().dim(1));
        d = (1.0 - torch::matmul(n, n.t())).clamp_min(0.0);
    }
    return d.fill_diagonal_(0.0);
}

torch::Tensor TripletLoss::compute(const torch::Tensor& anchors, const torch::Tensor& positives,
                                   const torch::Tensor& negatives, double margin, TripletDistance kind)
{
    if (anchors.size(0) == 0)
        return (anchors.sum() * 0.0);
    const torch::Tensor ap = distance(anchors, positives, kind);
    const torch::Tensor an = distance(anchors, negatives, kind);
    return torch::relu(ap - an + margin).mean();
}

} // namespace kindred
