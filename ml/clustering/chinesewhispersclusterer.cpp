#include "clustering/chinesewhispersclusterer.h"

#include "clustering/knngraph.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>
#include <stdexcept>
#include <unordered_map>

namespace kindred {

ChineseWhispersClusterer::ChineseWhispersClusterer(ChineseWhispersOptions options) : m_options(options)
{
    if (m_options.k < 1)
        throw std::invalid_argument("Chinese whispers: k must be at least 1");
    if (m_options.iterations < 1)
        throw std::invalid_argument("Chinese whispers: iterations must be at least 1");
    if (!(m_options.minSimilarity >= -1.0f && m_options.minSimilarity <= 1.0f))
        throw std::invalid_argument("Chinese whispers: minSimilarity must be in [-1, 1]");
}

std::vector<int64_t> ChineseWhispersClusterer::propagate(const std::vector<int64_t>& offsets,
                                                         const std::vector<int64_t>& neighbours,
                                                         const std::vector<float>& weights, int iterations,
                                                         uint64_t seed)
{
    if (offsets.empty())
        return {};
    const int64_t n = static_cast<int64_t>(offsets.size()) - 1;
    std::vector<int64_t> labels(static_cast<size_t>(n));
    std::iota(labels.begin(), labels.end(), 0);
    std::vector<int64_t> order(labels);
    std::mt19937_64 rng(seed);
    std::unordered_map<int64_t, float> votes;
    for (int iteration = 0; iteration < iterations; ++iteration) {
        std::shuffle(order.begin(), order.end(), rng);
        bool changed = false;
        for (const int64_t node : order) {
            const auto begin = static_cast<size_t>(offsets[static_cast<size_t>(node)]);
            const auto end = static_cast<size_t>(offsets[static_cast<size_t>(node) + 1]);
            if (begin == end)
                continue;
            votes.clear();
            for (size_t e = begin; e < end; ++e)
                votes[labels[static_cast<size_t>(neighbours[e])]] += weights[e];
            int64_t bestLabel = -1;
            float bestWeight = 0.0f;
            for (const auto& [label, weight] : votes) {
                if (bestLabel < 0 || weight > bestWeight || (weight == bestWeight && label < bestLabel)) {
                    bestLabel = label;
                    bestWeight = weight;
                }
            }
            if (bestLabel != labels[static_cast<size_t>(node)]) {
                labels[static_cast<size_t>(node)] = bestLabel;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    return labels;
}

ClusteringResult ChineseWhispersClusterer::cluster(const torch::Tensor& embeddings,
                                                   const std::vector<float>& quality) const
{
    const auto start = std::chrono::steady_clock::now();
    torch::NoGradGuard noGrad;
    const torch::Tensor all = checkedEmbeddings(embeddings);
    const int64_t count = all.size(0);
    const std::vector<int64_t> subset = usableFaces(count, quality, m_options.common.minQuality);
    const int64_t n = static_cast<int64_t>(subset.size());
    std::vector<int64_t> groups(subset.size(), -1);
    if (n > 0) {
        const torch::Tensor x = n == count ? all : all.index_select(0, torch::tensor(subset));
        const KnnResult knn = KnnGraph::topK(x, x, m_options.k, true, m_options.common.maxBlockBytes);
        // Symmetric edge list (both directions), deduplicated.
        const auto idx = knn.indices.accessor<int64_t, 2>();
        const auto sim = knn.similarities.accessor<float, 2>();
        struct Edge {
            int64_t from;
            int64_t to;
            float weight;
        };
        std::vector<Edge> list;
        list.reserve(static_cast<size_t>(n * knn.indices.size(1) * 2));
        for (int64_t i = 0; i < n; ++i) {
            for (int64_t j = 0; j < knn.indices.size(1); ++j) {
                const int64_t other = idx[i][j];
                if (other < 0 || sim[i][j] < m_options.minSimilarity)
                    continue;
                list.push_back({i, other, sim[i][j]});
                list.push_back({other, i, sim[i][j]});
            }
        }
        std::sort(list.begin(), list.end(), [](const Edge& a, const Edge& b) {
            return a.from != b.from ? a.from < b.from : a.to < b.to;
        });
        list.erase(std::unique(list.begin(), list.end(),
                               [](const Edge& a, const Edge& b) { return a.from == b.from && a.to == b.to; }),
                   list.end());
        std::vector<int64_t> offsets(static_cast<size_t>(n) + 1, 0);
        std::vector<int64_t> neighbours(list.size());
        std::vector<float> weights(list.size());
        for (size_t e = 0; e < list.size(); ++e) {
            offsets[static_cast<size_t>(list[e].from) + 1] += 1;
            neighbours[e] = list[e].to;
            weights[e] = list[e].weight;
        }
        std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
        const std::vector<int64_t> labels =
            propagate(offsets, neighbours, weights, m_options.iterations, m_options.seed);
        for (int64_t i = 0; i < n; ++i) {
            const bool isolated = offsets[static_cast<size_t>(i)] == offsets[static_cast<size_t>(i) + 1];
            groups[static_cast<size_t>(i)] = isolated ? -1 : labels[static_cast<size_t>(i)];
        }
    }
    ClusteringResult result = finalize(count, subset, groups, m_options.common.minClusterSize);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace kindred
