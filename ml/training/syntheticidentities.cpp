#include "training/syntheticidentities.h"

#include <ATen/CPUGeneratorImpl.h>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace kindred {

SyntheticSet SyntheticIdentities::generate(const SyntheticOptions& options)
{
    if (options.identities < 1 || options.dim < 2 || options.faces < 1)
        throw std::invalid_argument("synthetic set: need at least one identity, two dimensions and one face");
    if (options.noiseShare < 0.0 || options.noiseShare >= 1.0 || options.lowQualityShare < 0.0 ||
        options.lowQualityShare > 1.0)
        throw std::invalid_argument("synthetic set: shares must lie in [0, 1)");
    const int64_t noise =
        static_cast<int64_t>(std::llround(options.noiseShare * static_cast<double>(options.faces)));
    const int64_t identityFaces = options.faces - noise;
    if (identityFaces < 2 * options.identities)
        throw std::invalid_argument("synthetic set: too few faces for two per identity");

    torch::NoGradGuard noGrad;
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ull);
    const int64_t d = options.dim;

    // Centroids: a family root plus an individual direction.
    const int64_t families =
        (options.identities + options.familySize - 1) / std::max<int64_t>(1, options.familySize);
    const torch::Tensor roots = torch::nn::functional::normalize(
        torch::randn({families, d}, gen), torch::nn::functional::NormalizeFuncOptions().dim(1));
    const torch::Tensor own = torch::nn::functional::normalize(
        torch::randn({options.identities, d}, gen), torch::nn::functional::NormalizeFuncOptions().dim(1));
    const torch::Tensor family = torch::arange(options.identities, torch::kInt64)
                                     .div(std::max<int64_t>(1, options.familySize), "floor");
    const double rho = std::clamp(options.familyCorrelation, 0.0, 0.99);
    const torch::Tensor centroids = torch::nn::functional::normalize(
        roots.index_select(0, family) * std::sqrt(rho) + own * std::sqrt(1.0 - rho),
        torch::nn::functional::NormalizeFuncOptions().dim(1));

    // Sizes: two faces each, the rest drawn with Zipf-like weights.
    std::vector<double> weights(static_cast<size_t>(options.identities));
    for (size_t i = 0; i < weights.size(); ++i)
        weights[i] = 1.0 / std::pow(static_cast<double>(i + 1), options.sizeExponent);
    std::vector<int64_t> sizes(weights.size(), 2);
    std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
    for (int64_t extra = identityFaces - 2 * options.identities; extra > 0; --extra)
        ++sizes[pick(rng)];

    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<int> labels;
    std::vector<float> quality;
    std::vector<int64_t> owner;
    std::vector<float> spread;
    labels.reserve(static_cast<size_t>(options.faces));
    for (int64_t id = 0; id < options.identities; ++id) {
        const double sigma = options.minSpread + (options.maxSpread - options.minSpread) * unit(rng);
        for (int64_t f = 0; f < sizes[static_cast<size_t>(id)]; ++f) {
            const bool low = unit(rng) < options.lowQualityShare;
            labels.push_back(static_cast<int>(id));
            owner.push_back(id);
            spread.push_back(static_cast<float>(low ? sigma * options.lowQualitySpreadFactor : sigma));
            quality.push_back(static_cast<float>(low ? 0.05 + 0.2 * unit(rng) : 0.5 + 0.5 * unit(rng)));
        }
    }
    const torch::Tensor directions = torch::randn({identityFaces, d}, gen) /
                                     std::sqrt(static_cast<double>(d)) * torch::tensor(spread).unsqueeze(1);
    torch::Tensor rows = centroids.index_select(0, torch::tensor(owner)) + directions;
    torch::Tensor noiseRows = noise > 0 ? torch::randn({noise, d}, gen) : torch::Tensor();
    if (options.nuisanceDims > 0 && options.nuisanceScale > 0.0) {
        const int64_t m = std::min(options.nuisanceDims, d);
        const torch::Tensor basis = std::get<0>(torch::linalg_qr(torch::randn({d, m}, gen))); // d x m
        const torch::Tensor z = torch::randn({identityFaces, m}, gen) * options.nuisanceScale;
        rows = rows + torch::matmul(z, basis.t());
    }
    if (noise > 0) {
        rows = torch::cat({rows, noiseRows});
        for (int64_t i = 0; i < noise; ++i) {
            labels.push_back(-1);
            quality.push_back(static_cast<float>(0.3 + 0.7 * unit(rng)));
        }
    }
    rows = torch::nn::functional::normalize(rows, torch::nn::functional::NormalizeFuncOptions().dim(1));

    // Shuffle so that identities are not stored in blocks.
    std::vector<int64_t> order(static_cast<size_t>(options.faces));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    SyntheticSet set;
    set.embeddings = rows.index_select(0, torch::tensor(order)).contiguous();
    set.labels.resize(order.size());
    set.quality.resize(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        set.labels[i] = labels[static_cast<size_t>(order[i])];
        set.quality[i] = quality[static_cast<size_t>(order[i])];
    }
    return set;
}

} // namespace kindred
