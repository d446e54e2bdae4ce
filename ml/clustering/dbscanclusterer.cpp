#include "clustering/dbscanclusterer.h"

#include "clustering/knngraph.h"

#include <chrono>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace kindred {

namespace {

struct UnionFind {
    std::vector<int64_t> parent;
    explicit UnionFind(int64_t n) : parent(static_cast<size_t>(n))
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int64_t find(int64_t x)
    {
        while (parent[static_cast<size_t>(x)] != x) {
            parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
            x = parent[static_cast<size_t>(x)];
        }
        return x;
    }
    void unite(int64_t a, int64_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (a < b)
            parent[static_cast<size_t>(b)] = a;
        else
            parent[static_cast<size_t>(a)] = b;
    }
};

} // namespace

DbscanClusterer::DbscanClusterer(DbscanOptions options) : m_options(options)
{
    if (!(m_options.eps >= 0.0f && m_options.eps <= 2.0f))
        throw std::invalid_argument("DBSCAN: eps must be a cosine distance in [0, 2]");
    if (m_options.minPoints < 1)
        throw std::invalid_argument("DBSCAN: minPoints must be at least 1");
}

ClusteringResult DbscanClusterer::cluster(const torch::Tensor& embeddings,
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
        const torch::Tensor x =
            static_cast<int64_t>(subset.size()) == count ? all : all.index_select(0, torch::tensor(subset));
        const float threshold = 1.0f - m_options.eps;
        const int64_t blockBytes = m_options.common.maxBlockBytes;

        // Pass 1: neighbour counts (the face itself included) -> core faces.
        torch::Tensor counts = torch::zeros({n}, torch::kInt64);
        KnnGraph::forEachBlock(x, x, blockBytes, [&](int64_t first, torch::Tensor& block) {
            counts.narrow(0, first, block.size(0)).copy_((block >= threshold).sum(1));
            // A face is always its own neighbour even when rounding puts its self-similarity below 1 - eps.
            const torch::Tensor r = torch::arange(block.size(0), torch::kInt64);
            const torch::Tensor selfBelow = block.index({r, r + first}) < threshold;
            counts.narrow(0, first, block.size(0)).add_(selfBelow.to(torch::kInt64));
        });
        const torch::Tensor core = counts >= m_options.minPoints;
        const auto coreAcc = core.accessor<bool, 1>();

        // Pass 2: connect core faces within eps; attach border faces to their most similar core face.
        UnionFind sets(n);
        std::vector<int64_t> borderOf(static_cast<size_t>(n), -1);
        const torch::Tensor coreRow = core.unsqueeze(0);
        KnnGraph::forEachBlock(x, x, blockBytes, [&](int64_t first, torch::Tensor& block) {
            const int64_t rows = block.size(0);
            const torch::Tensor rowCore = core.narrow(0, first, rows);
            const torch::Tensor linked = (block >= threshold).logical_and_(coreRow);
            const torch::Tensor coreLinks = linked.index({rowCore}).nonzero();
            if (coreLinks.numel() > 0) {
                const torch::Tensor coreRows =
                    torch::arange(first, first + rows, torch::kInt64).index({rowCore});
                const auto links = coreLinks.accessor<int64_t, 2>();
                const auto rowIds = coreRows.accessor<int64_t, 1>();
                for (int64_t e = 0; e < links.size(0); ++e) {
                    const int64_t a = rowIds[links[e][0]];
                    const int64_t b = links[e][1];
                    if (b > a)
                        sets.unite(a, b);
                }
            }
            const torch::Tensor border = rowCore.logical_not();
            if (border.any().item<bool>()) {
                const torch::Tensor masked =
                    block.masked_fill(coreRow.logical_not(), -std::numeric_limits<float>::infinity());
                const auto [best, where] = masked.max(1);
                const auto bestAcc = best.accessor<float, 1>();
                const auto whereAcc = where.accessor<int64_t, 1>();
                for (int64_t r = 0; r < rows; ++r) {
                    if (!coreAcc[first + r] && bestAcc[r] >= threshold)
                        borderOf[static_cast<size_t>(first + r)] = whereAcc[r];
                }
            }
        });
        for (int64_t i = 0; i < n; ++i) {
            if (coreAcc[i])
                groups[static_cast<size_t>(i)] = sets.find(i);
        }
        for (int64_t i = 0; i < n; ++i) {
            if (borderOf[static_cast<size_t>(i)] >= 0)
                groups[static_cast<size_t>(i)] = sets.find(borderOf[static_cast<size_t>(i)]);
        }
    }
    ClusteringResult result = finalize(count, subset, groups, m_options.common.minClusterSize);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace kindred
