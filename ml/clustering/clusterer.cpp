#include "clustering/clusterer.h"

#include "clustering/chinesewhispersclusterer.h"
#include "clustering/compactclusterer.h"
#include "clustering/dbscanclusterer.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace kindred {

std::unique_ptr<Clusterer> Clusterer::create(const std::string& name)
{
    if (name == "dbscan")
        return std::make_unique<DbscanClusterer>();
    if (name == "chinese-whispers" || name == "cw")
        return std::make_unique<ChineseWhispersClusterer>();
    if (name == "compact")
        return std::make_unique<CompactClusterer>();
    throw std::invalid_argument("unknown clustering algorithm '" + name +
                                "' (use compact, dbscan or chinese-whispers)");
}

std::vector<std::string> Clusterer::names()
{
    return {"dbscan", "chinese-whispers", "compact"};
}

torch::Tensor Clusterer::checkedEmbeddings(const torch::Tensor& embeddings)
{
    if (!embeddings.defined())
        throw std::invalid_argument("embeddings: tensor is undefined");
    if (embeddings.dim() != 2)
        throw std::invalid_argument("embeddings: expected an N x D matrix, got " +
                                    std::to_string(embeddings.dim()) + " dimensions");
    if (embeddings.size(0) > 0 && embeddings.size(1) == 0)
        throw std::invalid_argument("embeddings: rows have no dimensions");
    if (!embeddings.is_floating_point())
        throw std::invalid_argument("embeddings: expected floating point values");
    torch::Tensor result = embeddings.to(torch::kCPU, torch::kFloat32).contiguous();
    if (result.numel() > 0 && !torch::isfinite(result).all().item<bool>())
        throw std::invalid_argument("embeddings: contain NaN or infinite values");
    return result;
}

std::vector<int64_t> Clusterer::usableFaces(int64_t count, const std::vector<float>& quality,
                                            float minQuality)
{
    if (!quality.empty() && static_cast<int64_t>(quality.size()) != count)
        throw std::invalid_argument("quality: " + std::to_string(quality.size()) + " values for " +
                                    std::to_string(count) + " faces");
    std::vector<int64_t> usable;
    usable.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
        if (quality.empty() || quality[static_cast<size_t>(i)] >= minQuality)
            usable.push_back(i);
    }
    return usable;
}

ClusteringResult Clusterer::finalize(int64_t count, const std::vector<int64_t>& subset,
                                     const std::vector<int64_t>& groups, int minClusterSize)
{
    if (subset.size() != groups.size())
        throw std::invalid_argument("finalize: subset and groups differ in size");
    // group id -> (size, smallest member)
    std::map<int64_t, std::pair<int64_t, int64_t>> stats;
    for (size_t i = 0; i < subset.size(); ++i) {
        if (groups[i] < 0)
            continue;
        auto [it, inserted] = stats.try_emplace(groups[i], 0, subset[i]);
        it->second.first += 1;
        it->second.second = std::min(it->second.second, subset[i]);
    }
    std::vector<std::pair<int64_t, std::pair<int64_t, int64_t>>> kept;
    for (const auto& entry : stats) {
        if (entry.second.first >= std::max(1, minClusterSize))
            kept.push_back(entry);
    }
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
        if (a.second.first != b.second.first)
            return a.second.first > b.second.first;
        return a.second.second < b.second.second;
    });
    std::map<int64_t, int> renumber;
    for (size_t i = 0; i < kept.size(); ++i)
        renumber[kept[i].first] = static_cast<int>(i);

    ClusteringResult result;
    result.labels.assign(static_cast<size_t>(count), -1);
    for (size_t i = 0; i < subset.size(); ++i) {
        const auto it = renumber.find(groups[i]);
        if (it != renumber.end())
            result.labels[static_cast<size_t>(subset[i])] = it->second;
    }
    result.clusterCount = static_cast<int>(kept.size());
    result.unclustered = std::count(result.labels.begin(), result.labels.end(), -1);
    return result;
}

} // namespace kindred
