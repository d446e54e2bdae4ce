#include "evaluation/lfwmetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace kindred {

double LfwMetrics::accuracy(const std::vector<ScoredPair>& pairs, double threshold)
{
    if (pairs.empty())
        return 0.0;
    size_t correct = 0;
    for (const ScoredPair& p : pairs)
        correct += ((p.distance <= threshold) == p.same) ? 1 : 0;
    return static_cast<double>(correct) / static_cast<double>(pairs.size());
}

double LfwMetrics::bestThreshold(const std::vector<ScoredPair>& pairs)
{
    if (pairs.empty())
        return 0.0;
    std::vector<ScoredPair> sorted = pairs;
    std::sort(sorted.begin(), sorted.end(),
              [](const ScoredPair& a, const ScoredPair& b) { return a.distance < b.distance; });
    // Sweep: threshold below everything accepts nothing (all "different" correct).
    size_t different = 0;
    for (const ScoredPair& p : sorted)
        different += p.same ? 0 : 1;
    long correct = static_cast<long>(different);
    long best = correct;
    double bestThreshold = sorted.front().distance - 1e-6;
    for (size_t i = 0; i < sorted.size(); ++i) {
        correct += sorted[i].same ? 1 : -1;
        // only between distinct distances
        if (i + 1 < sorted.size() && sorted[i + 1].distance == sorted[i].distance)
            continue;
        if (correct > best) {
            best = correct;
            bestThreshold = i + 1 < sorted.size() ? 0.5 * (sorted[i].distance + sorted[i + 1].distance)
                                                  : sorted[i].distance + 1e-6;
        }
    }
    return bestThreshold;
}

double LfwMetrics::rocAuc(const std::vector<ScoredPair>& pairs)
{
    std::vector<double> genuine;
    std::vector<double> impostor;
    for (const ScoredPair& p : pairs)
        (p.same ? genuine : impostor).push_back(p.distance);
    if (genuine.empty() || impostor.empty())
        return 0.0;
    std::sort(impostor.begin(), impostor.end());
    double wins = 0.0;
    for (double g : genuine) {
        const auto lower = std::lower_bound(impostor.begin(), impostor.end(), g);
        const auto upper = std::upper_bound(impostor.begin(), impostor.end(), g);
        wins += static_cast<double>(impostor.end() - upper) + 0.5 * static_cast<double>(upper - lower);
    }
    return wins / (static_cast<double>(genuine.size()) * static_cast<double>(impostor.size()));
}

double LfwMetrics::tarAtFar(const std::vector<ScoredPair>& pairs, double far, double* threshold)
{
    std::vector<double> genuine;
    std::vector<double> impostor;
    for (const ScoredPair& p : pairs)
        (p.same ? genuine : impostor).push_back(p.distance);
    if (genuine.empty()) {
        if (threshold)
            *threshold = 0.0;
        return 0.0;
    }
    std::sort(impostor.begin(), impostor.end());
    const auto allowed = static_cast<size_t>(std::floor(far * static_cast<double>(impostor.size()) + 1e-9));
    const double bound =
        allowed < impostor.size() ? impostor[allowed] : std::numeric_limits<double>::infinity();
    if (threshold)
        *threshold = bound;
    size_t accepted = 0;
    for (double g : genuine)
        accepted += g < bound ? 1 : 0;
    return static_cast<double>(accepted) / static_cast<double>(genuine.size());
}

LfwReport LfwMetrics::evaluate(const std::vector<ScoredPair>& pairs, double far)
{
    LfwReport report;
    report.pairs = static_cast<int>(pairs.size());
    report.far = far;
    std::map<int, std::vector<ScoredPair>> byFold;
    for (const ScoredPair& p : pairs)
        byFold[p.fold].push_back(p);
    report.folds = static_cast<int>(byFold.size());
    for (const auto& [fold, test] : byFold) {
        std::vector<ScoredPair> train;
        for (const ScoredPair& p : pairs) {
            if (p.fold != fold || byFold.size() == 1)
                train.push_back(p);
        }
        const double t = bestThreshold(train);
        report.foldThresholds.push_back(t);
        report.foldAccuracies.push_back(accuracy(test, t));
    }
    if (!report.foldAccuracies.empty()) {
        double sum = 0.0;
        double thresholdSum = 0.0;
        for (size_t i = 0; i < report.foldAccuracies.size(); ++i) {
            sum += report.foldAccuracies[i];
            thresholdSum += report.foldThresholds[i];
        }
        const double n = static_cast<double>(report.foldAccuracies.size());
        report.accuracy = sum / n;
        report.threshold = thresholdSum / n;
        double var = 0.0;
        for (double a : report.foldAccuracies)
            var += (a - report.accuracy) * (a - report.accuracy);
        report.std = std::sqrt(var / n);
    }
    report.auc = rocAuc(pairs);
    report.tarAtFar = tarAtFar(pairs, far, &report.tarThreshold);
    return report;
}

} // namespace kindred
