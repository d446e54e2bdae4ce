#include "clustering/incrementalclusterer.h"

#include "clustering/knngraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

namespace kindred {

IncrementalClusterer::IncrementalClusterer(IncrementalOptions options,
                                           std::shared_ptr<const Clusterer> leftovers)
    : m_options(std::move(options)), m_leftovers(std::move(leftovers))
{
    if (!m_leftovers)
        throw std::invalid_argument("IncrementalClusterer: a clusterer for the leftover faces is required");
    if (m_options.k < 1)
        throw std::invalid_argument("IncrementalClusterer: k must be at least 1");
}

IncrementalResult IncrementalClusterer::assign(const torch::Tensor& existing,
                                               const std::vector<int>& existingLabels,
                                               const torch::Tensor& fresh,
                                               const std::vector<float>& freshQuality) const
{
    torch::NoGradGuard noGrad;
    const torch::Tensor newRows = Clusterer::checkedEmbeddings(fresh);
    const int64_t n = newRows.size(0);
    torch::Tensor oldRows = existing.defined() && existing.numel() > 0
                                ? Clusterer::checkedEmbeddings(existing)
                                : torch::zeros({0, newRows.size(1)});
    if (oldRows.size(0) != static_cast<int64_t>(existingLabels.size()))
        throw std::invalid_argument("IncrementalClusterer: " + std::to_string(existingLabels.size()) +
                                    " labels for " + std::to_string(oldRows.size(0)) + " existing faces");
    if (oldRows.size(0) > 0 && oldRows.size(1) != newRows.size(1))
        throw std::invalid_argument("IncrementalClusterer: existing and new embeddings differ in dimension");
    const std::vector<int64_t> usable = Clusterer::usableFaces(n, freshQuality, m_options.minQuality);

    IncrementalResult result;
    result.labels.assign(static_cast<size_t>(n), -1);
    result.similarity.assign(static_cast<size_t>(n), std::numeric_limits<float>::quiet_NaN());

    // Clusters that may receive faces.
    const std::set<int> locked(m_options.lockedClusters.begin(), m_options.lockedClusters.end());
    int maxExisting = -1;
    std::vector<int64_t> members;
    std::vector<int> memberLabel;
    for (size_t i = 0; i < existingLabels.size(); ++i) {
        maxExisting = std::max(maxExisting, existingLabels[i]);
        if (existingLabels[i] < 0 || (!m_options.joinLocked && locked.count(existingLabels[i]) > 0))
            continue;
        members.push_back(static_cast<int64_t>(i));
        memberLabel.push_back(existingLabels[i]);
    }

    std::vector<char> joined(static_cast<size_t>(n), 0);
    if (!members.empty() && !usable.empty()) {
        const torch::Tensor queries = newRows.index_select(0, torch::tensor(usable));
        const torch::Tensor memberRows = oldRows.index_select(0, torch::tensor(members));
        if (m_options.method == AssignmentMethod::Centroid) {
            std::vector<int> ids(memberLabel);
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            std::map<int, int64_t> slot;
            for (size_t c = 0; c < ids.size(); ++c)
                slot[ids[c]] = static_cast<int64_t>(c);
            std::vector<int64_t> memberSlot(memberLabel.size());
            for (size_t m = 0; m < memberLabel.size(); ++m)
                memberSlot[m] = slot[memberLabel[m]];
            torch::Tensor sums = torch::zeros({static_cast<int64_t>(ids.size()), newRows.size(1)});
            sums.index_add_(0, torch::tensor(memberSlot), memberRows);
            const torch::Tensor centroids =
                torch::nn::functional::normalize(sums, torch::nn::functional::NormalizeFuncOptions().dim(1));
            const KnnResult best = KnnGraph::topK(queries, centroids, 1, false, m_options.maxBlockBytes);
            const auto idx = best.indices.accessor<int64_t, 2>();
            const auto sim = best.similarities.accessor<float, 2>();
            for (size_t q = 0; q < usable.size(); ++q) {
                const auto face = static_cast<size_t>(usable[q]);
                if (idx[static_cast<int64_t>(q)][0] >= 0 &&
                    sim[static_cast<int64_t>(q)][0] >= m_options.minSimilarity) {
                    result.labels[face] = ids[static_cast<size_t>(idx[static_cast<int64_t>(q)][0])];
                    result.similarity[face] = sim[static_cast<int64_t>(q)][0];
                    joined[face] = 1;
                }
            }
        } else {
            const KnnResult voters =
                KnnGraph::topK(queries, memberRows, m_options.k, false, m_options.maxBlockBytes);
            const auto idx = voters.indices.accessor<int64_t, 2>();
            const auto sim = voters.similarities.accessor<float, 2>();
            for (size_t q = 0; q < usable.size(); ++q) {
                std::map<int, std::pair<double, int>> votes; // label -> (summed similarity, voters)
                for (int64_t j = 0; j < voters.indices.size(1); ++j) {
                    const int64_t m = idx[static_cast<int64_t>(q)][j];
                    if (m < 0)
                        continue;
                    auto& vote = votes[memberLabel[static_cast<size_t>(m)]];
                    vote.first += sim[static_cast<int64_t>(q)][j];
                    vote.second += 1;
                }
                int bestLabel = -1;
                double bestSum = -std::numeric_limits<double>::infinity();
                double bestMean = 0.0;
                for (const auto& [label, vote] : votes) {
                    if (vote.first > bestSum) {
                        bestSum = vote.first;
                        bestLabel = label;
                        bestMean = vote.first / vote.second;
                    }
                }
                const auto face = static_cast<size_t>(usable[q]);
                if (bestLabel >= 0 && bestMean >= m_options.minSimilarity) {
                    result.labels[face] = bestLabel;
                    result.similarity[face] = static_cast<float>(bestMean);
                    joined[face] = 1;
                }
            }
        }
    }

    // Leftovers: usable new faces that joined nothing are clustered among themselves.
    std::vector<int64_t> rest;
    for (const int64_t face : usable) {
        if (!joined[static_cast<size_t>(face)])
            rest.push_back(face);
    }
    result.joinedExisting = static_cast<int64_t>(usable.size() - rest.size());
    if (!rest.empty()) {
        const ClusteringResult sub = m_leftovers->cluster(newRows.index_select(0, torch::tensor(rest)));
        for (size_t i = 0; i < rest.size(); ++i) {
            if (sub.labels[i] >= 0)
                result.labels[static_cast<size_t>(rest[i])] = maxExisting + 1 + sub.labels[i];
        }
        result.newClusters = sub.clusterCount;
    }
    result.unclustered = std::count(result.labels.begin(), result.labels.end(), -1);
    return result;
}

} // namespace kindred
