#pragma once

#include <vector>

namespace kindred {

// One compared pair of a verification protocol (e.g. LFW's pairs.txt): a distance (smaller = more alike),
// whether the two images show the same person, and the cross-validation fold it belongs to.
struct ScoredPair {
    double distance = 0;
    bool same = false;
    int fold = 0;
};

struct LfwReport {
    int pairs = 0;
    int folds = 0;
    // k-fold: the threshold maximising accuracy on the other folds, applied to each fold in turn (with one
    // fold it is chosen and applied on the same pairs).
    double accuracy = 0;  // mean over folds
    double std = 0;       // population standard deviation over folds (as facenet / LFW reports)
    double threshold = 0; // mean of the folds' thresholds
    std::vector<double> foldAccuracies;
    std::vector<double> foldThresholds;
    double auc = 0;      // ROC area, all pairs
    double tarAtFar = 0; // true accept rate at the false accept rate below
    double far = 1e-3;
    double tarThreshold = 0; // distances below it are accepted for tarAtFar
};

// Verification metrics over scored pairs. "Same person" is predicted for distance <= threshold.
class LfwMetrics {
public:
    static LfwReport evaluate(const std::vector<ScoredPair>& pairs, double far = 1e-3);

    static double accuracy(const std::vector<ScoredPair>& pairs, double threshold);
    // The threshold with the best accuracy on `pairs` (midpoint between neighbouring distances).
    static double bestThreshold(const std::vector<ScoredPair>& pairs);
    // P(distance of a same pair < distance of a different pair), ties counting half.
    static double rocAuc(const std::vector<ScoredPair>& pairs);
    // Fraction of same pairs accepted when at most floor(far * different pairs) different pairs are;
    // *threshold receives the acceptance bound (distance < bound).
    static double tarAtFar(const std::vector<ScoredPair>& pairs, double far, double* threshold = nullptr);
};

} // namespace kindred
