#include "evaluation/clusteringmetrics.h"

#include "clustering/clusterer.h"

#include <map>
#include <set>
#include <stdexcept>

namespace kindred {

namespace {

// Replaces -1 by unique negative ids so that every unlabelled item is a singleton.
std::vector<int64_t> withSingletons(const std::vector<int>& labels)
{
    std::vector<int64_t> out(labels.size());
    int64_t next = -1;
    for (size_t i = 0; i < labels.size(); ++i)
        out[i] = labels[i] >= 0 ? labels[i] : next--;
    return out;
}

} // namespace

BCubedScore ClusteringMetrics::bcubed(const std::vector<int>& predicted, const std::vector<int>& truth)
{
    if (predicted.size() != truth.size())
        throw std::invalid_argument("BCubed: " + std::to_string(predicted.size()) + " predicted labels for " +
                                    std::to_string(truth.size()) + " true labels");
    BCubedScore score;
    score.items = static_cast<int64_t>(truth.size());
    if (truth.empty())
        return score;
    const std::vector<int64_t> p = withSingletons(predicted);
    const std::vector<int64_t> t = withSingletons(truth);
    std::map<int64_t, int64_t> clusterSize;
    std::map<int64_t, int64_t> classSize;
    std::map<std::pair<int64_t, int64_t>, int64_t> both;
    for (size_t i = 0; i < p.size(); ++i) {
        ++clusterSize[p[i]];
        ++classSize[t[i]];
        ++both[{p[i], t[i]}];
    }
    double precision = 0.0;
    double recall = 0.0;
    for (size_t i = 0; i < p.size(); ++i) {
        const double shared = static_cast<double>(both[{p[i], t[i]}]);
        precision += shared / static_cast<double>(clusterSize[p[i]]);
        recall += shared / static_cast<double>(classSize[t[i]]);
    }
    score.precision = precision / static_cast<double>(p.size());
    score.recall = recall / static_cast<double>(p.size());
    score.f = score.precision + score.recall > 0.0
                  ? 2.0 * score.precision * score.recall / (score.precision + score.recall)
                  : 0.0;
    return score;
}

ClusteringEvaluation ClusteringMetrics::evaluate(const Clusterer& clusterer, const torch::Tensor& embeddings,
                                                 const std::vector<int>& truth,
                                                 const std::vector<float>& quality)
{
    if (embeddings.dim() != 2 || embeddings.size(0) != static_cast<int64_t>(truth.size()))
        throw std::invalid_argument("evaluate: need one true label per embedding row");
    const ClusteringResult result = clusterer.cluster(embeddings, quality);
    ClusteringEvaluation evaluation;
    evaluation.bcubed = bcubed(result.labels, truth);
    evaluation.clusters = result.clusterCount;
    evaluation.seconds = result.seconds;
    std::set<int> identities;
    int64_t noise = 0;
    int64_t noiseClustered = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] >= 0) {
            identities.insert(truth[i]);
        } else {
            ++noise;
            noiseClustered += result.labels[i] >= 0 ? 1 : 0;
        }
    }
    evaluation.identities = static_cast<int>(identities.size());
    evaluation.unclusteredShare =
        truth.empty() ? 0.0 : static_cast<double>(result.unclustered) / static_cast<double>(truth.size());
    evaluation.noiseClusteredShare =
        noise == 0 ? 0.0 : static_cast<double>(noiseClustered) / static_cast<double>(noise);
    return evaluation;
}

} // namespace kindred
