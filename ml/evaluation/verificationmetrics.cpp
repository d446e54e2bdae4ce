// NOTE: reconstructed by the embedding helper after accidentally overwriting the clustering helper's original
// file; see verificationmetrics.h.
#include "evaluation/verificationmetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>

namespace kindred {

namespace {

void checkPairs(const PairScores& pairs)
{
    if (pairs.scores.size() != pairs.same.size())
        throw std::invalid_argument("pair scores: " + std::to_string(pairs.scores.size()) + " scores for " +
                                    std::to_string(pairs.same.size()) + " labels");
}

torch::Tensor normalizedRows(const torch::Tensor& x)
{
    if (x.dim() != 2)
        throw std::invalid_argument("embeddings: expected an N x D matrix");
    const torch::Tensor f = x.detach().to(torch::kCPU, torch::kFloat32);
    return (f / f.norm(2, {1}, true).clamp_min(1e-12)).contiguous();
}

} // namespace

int64_t PairScores::positives() const
{
    return std::count_if(same.begin(), same.end(), [](uint8_t s) { return s != 0; });
}

int64_t PairScores::negatives() const
{
    return static_cast<int64_t>(same.size()) - positives();
}

PrecisionThreshold VerificationMetrics::thresholdForPrecision(const std::vector<float>& scores,
                                                              const std::vector<uint8_t>& correct,
                                                              double targetPrecision)
{
    if (scores.size() != correct.size())
        throw std::invalid_argument("thresholdForPrecision: one correctness flag per score is needed");
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    PrecisionThreshold result;
    result.threshold = std::numeric_limits<float>::infinity();
    int64_t accepted = 0;
    int64_t right = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        ++accepted;
        right += correct[order[i]] ? 1 : 0;
        if (i + 1 < order.size() && scores[order[i + 1]] == scores[order[i]])
            continue; // ties are one cut
        const double precision = static_cast<double>(right) / static_cast<double>(accepted);
        if (precision >= targetPrecision) {
            result.found = true;
            result.threshold = scores[order[i]];
            result.accepted = accepted;
            result.precision = precision;
        }
    }
    return result;
}

double VerificationMetrics::rocAuc(const PairScores& pairs)
{
    checkPairs(pairs);
    std::vector<float> negative;
    std::vector<float> positive;
    for (size_t i = 0; i < pairs.scores.size(); ++i)
        (pairs.same[i] ? positive : negative).push_back(pairs.scores[i]);
    if (positive.empty() || negative.empty())
        return 0.5;
    std::sort(negative.begin(), negative.end());
    double wins = 0.0;
    for (const float p : positive) {
        const auto lower = std::lower_bound(negative.begin(), negative.end(), p);
        const auto upper = std::upper_bound(negative.begin(), negative.end(), p);
        wins += static_cast<double>(lower - negative.begin()) + 0.5 * static_cast<double>(upper - lower);
    }
    return wins / (static_cast<double>(positive.size()) * static_cast<double>(negative.size()));
}

TarAtFar VerificationMetrics::tarAtFar(const PairScores& pairs, double far)
{
    checkPairs(pairs);
    if (!(far > 0.0 && far <= 1.0))
        throw std::invalid_argument("tarAtFar: far must lie in (0, 1]");
    std::vector<float> negative;
    std::vector<float> positive;
    for (size_t i = 0; i < pairs.scores.size(); ++i)
        (pairs.same[i] ? positive : negative).push_back(pairs.scores[i]);
    std::sort(negative.begin(), negative.end(), std::greater<float>());
    TarAtFar result;
    result.far = far;
    const double allowedReal = far * static_cast<double>(negative.size());
    result.resolvable = allowedReal >= 1.0;
    const auto allowed = static_cast<size_t>(std::floor(allowedReal + 1e-9));
    if (negative.empty() || allowed >= negative.size())
        result.threshold = negative.empty() ? -std::numeric_limits<float>::infinity() : negative.back();
    else
        result.threshold = std::nextafter(negative[allowed], std::numeric_limits<float>::infinity());
    if (!positive.empty()) {
        const auto accepted =
            std::count_if(positive.begin(), positive.end(), [&](float s) { return s >= result.threshold; });
        result.tar = static_cast<double>(accepted) / static_cast<double>(positive.size());
    }
    return result;
}

ThresholdAccuracy VerificationMetrics::bestThreshold(const PairScores& pairs)
{
    checkPairs(pairs);
    ThresholdAccuracy best;
    if (pairs.scores.empty())
        return best;
    std::vector<size_t> order(pairs.scores.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return pairs.scores[a] > pairs.scores[b]; });
    // Threshold above everything: all rejected, negatives right.
    int64_t right = pairs.negatives();
    int64_t bestRight = right;
    best.threshold = std::nextafter(pairs.scores[order.front()], std::numeric_limits<float>::infinity());
    for (size_t i = 0; i < order.size(); ++i) {
        right += pairs.same[order[i]] ? 1 : -1;
        if (i + 1 < order.size() && pairs.scores[order[i + 1]] == pairs.scores[order[i]])
            continue;
        if (right > bestRight) {
            bestRight = right;
            best.threshold = i + 1 < order.size()
                                 ? 0.5F * (pairs.scores[order[i]] + pairs.scores[order[i + 1]])
                                 : pairs.scores[order[i]];
        }
    }
    best.accuracy = static_cast<double>(bestRight) / static_cast<double>(pairs.scores.size());
    return best;
}

KFoldAccuracy VerificationMetrics::kFoldAccuracy(const PairScores& pairs, int folds)
{
    checkPairs(pairs);
    if (folds < 2)
        throw std::invalid_argument("kFoldAccuracy: need at least 2 folds");
    KFoldAccuracy result;
    for (int f = 0; f < folds; ++f) {
        PairScores train;
        PairScores test;
        for (size_t i = 0; i < pairs.scores.size(); ++i) {
            PairScores& target = static_cast<int>(i % static_cast<size_t>(folds)) == f ? test : train;
            target.scores.push_back(pairs.scores[i]);
            target.same.push_back(pairs.same[i]);
        }
        if (test.scores.empty())
            continue;
        const float threshold = bestThreshold(train).threshold;
        int64_t right = 0;
        for (size_t i = 0; i < test.scores.size(); ++i)
            right += ((test.scores[i] >= threshold) == (test.same[i] != 0)) ? 1 : 0;
        result.thresholds.push_back(threshold);
        result.foldAccuracies.push_back(static_cast<double>(right) / static_cast<double>(test.scores.size()));
    }
    if (!result.foldAccuracies.empty()) {
        const double n = static_cast<double>(result.foldAccuracies.size());
        result.mean = std::accumulate(result.foldAccuracies.begin(), result.foldAccuracies.end(), 0.0) / n;
        double var = 0.0;
        for (const double a : result.foldAccuracies)
            var += (a - result.mean) * (a - result.mean);
        result.std = std::sqrt(var / n);
    }
    return result;
}

PairScores VerificationMetrics::allPairs(const torch::Tensor& embeddings, const std::vector<int>& labels)
{
    const torch::Tensor x = normalizedRows(embeddings);
    if (static_cast<int64_t>(labels.size()) != x.size(0))
        throw std::invalid_argument("allPairs: need one label per row");
    const torch::Tensor sim = torch::mm(x, x.t()).contiguous();
    const auto s = sim.accessor<float, 2>();
    PairScores pairs;
    const int64_t n = x.size(0);
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = i + 1; j < n; ++j) {
            pairs.scores.push_back(s[i][j]);
            const int a = labels[static_cast<size_t>(i)];
            const int b = labels[static_cast<size_t>(j)];
            pairs.same.push_back(a >= 0 && a == b ? 1 : 0);
        }
    }
    return pairs;
}

PairScores VerificationMetrics::probePairs(const torch::Tensor& probes, const std::vector<int>& probeLabels,
                                           const torch::Tensor& gallery,
                                           const std::vector<int>& galleryLabels)
{
    const torch::Tensor p = normalizedRows(probes);
    const torch::Tensor g = normalizedRows(gallery);
    if (static_cast<int64_t>(probeLabels.size()) != p.size(0) ||
        static_cast<int64_t>(galleryLabels.size()) != g.size(0))
        throw std::invalid_argument("probePairs: need one label per row");
    PairScores pairs;
    const torch::Tensor pg = torch::mm(p, g.t()).contiguous();
    const auto s = pg.accessor<float, 2>();
    for (int64_t i = 0; i < p.size(0); ++i) {
        for (int64_t j = 0; j < g.size(0); ++j) {
            const int a = probeLabels[static_cast<size_t>(i)];
            const int b = galleryLabels[static_cast<size_t>(j)];
            pairs.scores.push_back(s[i][j]);
            pairs.same.push_back(a >= 0 && a == b ? 1 : 0);
        }
    }
    const PairScores within = allPairs(p, probeLabels);
    pairs.scores.insert(pairs.scores.end(), within.scores.begin(), within.scores.end());
    pairs.same.insert(pairs.same.end(), within.same.begin(), within.same.end());
    return pairs;
}

IdentificationMetrics VerificationMetrics::identification(const torch::Tensor& gallery,
                                                          const std::vector<int>& galleryLabels,
                                                          const torch::Tensor& probes,
                                                          const std::vector<int>& probeLabels,
                                                          float rejectBelow)
{
    const torch::Tensor g = normalizedRows(gallery);
    const torch::Tensor p = normalizedRows(probes);
    if (static_cast<int64_t>(galleryLabels.size()) != g.size(0) ||
        static_cast<int64_t>(probeLabels.size()) != p.size(0))
        throw std::invalid_argument("identification: need one label per row");
    // Prototypes: normalised mean of each person's gallery rows.
    std::map<int, std::vector<int64_t>> rows;
    for (size_t i = 0; i < galleryLabels.size(); ++i) {
        if (galleryLabels[i] >= 0)
            rows[galleryLabels[i]].push_back(static_cast<int64_t>(i));
    }
    IdentificationMetrics m;
    if (rows.empty())
        return m;
    std::vector<int> people;
    std::vector<torch::Tensor> prototypes;
    for (const auto& [label, r] : rows) {
        people.push_back(label);
        prototypes.push_back(g.index_select(0, torch::tensor(r, torch::kLong)).mean(0));
    }
    const torch::Tensor protos = normalizedRows(torch::stack(prototypes));
    const torch::Tensor sim = torch::mm(p, protos.t()).contiguous();
    const auto s = sim.accessor<float, 2>();
    int64_t wrong = 0;
    int64_t rejected = 0;
    double margin = 0.0;
    for (int64_t i = 0; i < p.size(0); ++i) {
        const int truth = probeLabels[static_cast<size_t>(i)];
        if (truth < 0)
            continue;
        ++m.probes;
        int64_t best = 0;
        float own = -std::numeric_limits<float>::infinity();
        float bestOther = -std::numeric_limits<float>::infinity();
        for (int64_t k = 0; k < protos.size(0); ++k) {
            if (s[i][k] > s[i][best])
                best = k;
            if (people[static_cast<size_t>(k)] == truth)
                own = s[i][k];
            else
                bestOther = std::max(bestOther, s[i][k]);
        }
        if (s[i][best] < rejectBelow)
            ++rejected;
        else if (people[static_cast<size_t>(best)] != truth)
            ++wrong;
        if (std::isfinite(own))
            margin +=
                static_cast<double>(own) - (std::isfinite(bestOther) ? static_cast<double>(bestOther) : -1.0);
    }
    if (m.probes > 0) {
        const auto n = static_cast<double>(m.probes);
        m.misidentified = static_cast<double>(wrong) / n;
        m.rejected = static_cast<double>(rejected) / n;
        m.top1Error = m.misidentified + m.rejected;
        m.meanMargin = margin / n;
    }
    return m;
}

} // namespace kindred
