#include "clustering/compactclusterer.h"

#include "clustering/averagelinkage.h"

#include <chrono>
#include <map>
#include <stdexcept>

namespace kindred {

CompactClusterer::CompactClusterer(CompactOptions options) : m_options(options)
{
    if (!(m_options.minAverageSimilarity >= -1.0f && m_options.minAverageSimilarity <= 1.0f))
        throw std::invalid_argument("compact clustering: minAverageSimilarity must be in [-1, 1]");
    if (m_options.maxCandidateSize < 2)
        throw std::invalid_argument("compact clustering: maxCandidateSize must be at least 2");
}

ClusteringResult CompactClusterer::cluster(const torch::Tensor& embeddings,
                                           const std::vector<float>& quality) const
{
    return clusterConstrained(embeddings, quality, {});
}

void CompactClusterer::split(const torch::Tensor& e, const std::vector<int64_t>& rows,
                             const std::vector<int64_t>& cannotLink, float candidateSimilarity,
                             std::vector<int64_t>& groups, int64_t& nextGroup) const
{
    const torch::Tensor sub = e.index_select(0, torch::tensor(rows, torch::kLong));
    if (int64_t(rows.size()) > m_options.maxCandidateSize && candidateSimilarity < 0.995f) {
        // Too large for the linkage matrix: smaller candidates from a stricter Chinese whispers first.
        ChineseWhispersOptions o = m_options.candidates;
        o.minSimilarity = std::min(0.995f, candidateSimilarity + 0.01f);
        o.common.minClusterSize = 1;
        o.common.minQuality = -1.0f;
        const ClusteringResult r = ChineseWhispersClusterer(o).cluster(sub, {});
        std::map<int, std::vector<int64_t>> parts;
        for (size_t i = 0; i < rows.size(); ++i)
            if (r.labels[i] >= 0)
                parts[r.labels[i]].push_back(rows[i]);
        for (const auto& [label, part] : parts)
            split(e, part, cannotLink, o.minSimilarity, groups, nextGroup);
        return;
    }
    std::vector<int64_t> links;
    if (!cannotLink.empty())
        for (int64_t row : rows)
            links.push_back(cannotLink[size_t(row)]);
    const std::vector<int> labels = AverageLinkage::cluster(sub, m_options.minAverageSimilarity, links);
    int most = -1;
    for (int l : labels)
        most = std::max(most, l);
    for (size_t i = 0; i < rows.size(); ++i)
        groups[size_t(rows[i])] = nextGroup + labels[i];
    nextGroup += most + 1;
}

ClusteringResult CompactClusterer::clusterConstrained(const torch::Tensor& embeddings,
                                                      const std::vector<float>& quality,
                                                      const std::vector<int64_t>& cannotLink) const
{
    const auto start = std::chrono::steady_clock::now();
    const torch::Tensor e = checkedEmbeddings(embeddings);
    const int64_t n = e.size(0);
    if (!cannotLink.empty() && int64_t(cannotLink.size()) != n)
        throw std::invalid_argument("compact clustering: one cannot-link id per face");
    const std::vector<int64_t> usable = usableFaces(n, quality, m_options.common.minQuality);
    std::vector<int64_t> groups(size_t(n), -1);
    if (!usable.empty()) {
        torch::NoGradGuard noGrad;
        const torch::Tensor u = e.index_select(0, torch::tensor(usable, torch::kLong));
        ChineseWhispersOptions o = m_options.candidates;
        o.common.minClusterSize = 2; // single faces stay single anyway
        o.common.minQuality = -1.0f;
        const ClusteringResult candidates = ChineseWhispersClusterer(o).cluster(u, {});
        std::map<int, std::vector<int64_t>> parts; // candidate -> rows of e
        for (size_t i = 0; i < usable.size(); ++i)
            if (candidates.labels[i] >= 0)
                parts[candidates.labels[i]].push_back(usable[i]);
        int64_t next = 0;
        for (const auto& [label, rows] : parts)
            split(e, rows, cannotLink, o.minSimilarity, groups, next);
    }
    std::vector<int64_t> all(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        all[size_t(i)] = i;
    ClusteringResult result = finalize(n, all, groups, m_options.common.minClusterSize);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace kindred
