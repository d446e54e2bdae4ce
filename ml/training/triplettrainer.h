#pragma once

#include "evaluation/verificationmetrics.h"
#include "training/projectionhead.h"
#include "training/tripletloss.h"
#include "training/tripletminer.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace kindred {

struct TrainingOptions {
    TripletDistance distance = TripletDistance::SquaredEuclidean;
    MiningStrategy mining = MiningStrategy::SemiHard;
    double margin = 0.2; // in units of the distance (squared Euclidean on the unit sphere: 0..4)
    int epochs = 30;
    double learningRate = 1e-3; // Adam
    double weightDecay = 1e-3;  // L2 pull of the parameters towards their identity initialisation
    int p = 8;                  // people per batch
    int k = 4;                  // faces per person per batch
    uint64_t seed = 1;
    int patience = 5; // early stopping: epochs without a better held-out result
    HeadKind head = HeadKind::Linear;
    int64_t hidden = 0;         // Residual head width (0 = dim)
    int minPeople = 2;          // data requirement: at least minPeople people ...
    int minFacesPerPerson = 4;  // ... with at least this many labelled faces each
    double holdoutShare = 0.25; // share of each eligible person's faces held out for validation
    int minProbes = 20;         // fewer held-out faces than this: k-fold cross-validation instead
    int folds = 4;
    float rejectBelow = -2.0f;     // identification rejects a probe whose best prototype cosine is below
                                   // this (default: never rejects)
    double minImprovement = 0.005; // a TAR change smaller than this counts as no change
    // The bars at which the application compares faces (cosine, > 1: none): the head is not adopted when
    // more held-out pairs of different people reach them through it than without it (beyond counting noise:
    // after > before + 2 sqrt(before + 1)) — a head that pulls
    // everybody closer passes the scale-free checks above and yet makes the application group and suggest
    // look-alikes. pairBar: two faces (grouping); prototypeBar: a face and another person's prototype, the
    // normalised mean of their training faces (suggestions).
    float pairBar = 2.0f;
    float prototypeBar = 2.0f;
    // Open set (with the bars set): before a head is adopted, the people are left out of training in turn
    // (this many groups, each person in one) and the faces of those left out — people the head never saw,
    // as the family's not yet named people — are compared with the trained people's prototypes and faces.
    // The head is refused when it brings more of their pairs with the trained people's faces over pairBar
    // (beyond counting noise) or the most alike 1 % of those pairs closer by more than kDifferentShift; their
    // faces at prototypeBar of a trained person's prototype are reported, not decided on (a handful, noisy).
    // It is also refused when it pulls the faces of one person it never saw apart: more pairs of one left-out
    // person's faces below pairBar (beyond counting noise) — the family's people not yet named would come in
    // more groups.
    // 0: no check.
    int strangerFolds = 4;
    // Faces nobody has named (label -1: a family's strangers and people not named yet, and the people left
    // out in the open-set check) keep their places: each batch also takes freeBatch of them, and the loss
    // adds freeWeight x the mean rise of their similarities — to each other and to the batch's faces —
    // over what the untrained embeddings give, for pairs below pairBar (pairs above it may be one person and
    // may come closer; without pairBar every pair counts). A fall costs nothing. 0: the unnamed faces are
    // not used.
    double freeWeight = 0.0;
    // With pairBar set, two unnamed faces at or above it (likely one person: faces a grouping puts together)
    // also stay together: the loss adds togetherWeight x the mean of how far such pairs fall under pairBar
    // (above it they may move either way). Without it a head trained on the named people can spread the faces
    // of people it never saw, and the family's people not yet named come in more groups (docs/quality.md,
    // section 9). 0: not used.
    double togetherWeight = 0.0;
    int freeBatch = 256;
    // Whether a run takes the unnamed faces at all (either weight set).
    bool usesUnnamedFaces() const { return freeWeight > 0.0 || togetherWeight > 0.0; }
};

// Held-out quality of one embedding space (raw, or through a head).
struct HeadMetrics {
    IdentificationMetrics identification; // probes vs prototypes of the training faces
    TarAtFar verification;                // probe x gallery and probe x probe pairs at the chosen FAR
    double auc = 0.5;
    int64_t pairs = 0;
    int64_t differentAtPairBar = 0;      // pairs of different people at or above TrainingOptions::pairBar
    int64_t differentAtPrototypeBar = 0; // probes x other people's prototypes at or above prototypeBar
    double differentTop = -1;            // similarity of the most alike 1 % of pairs of different people
    // Open set (TrainingOptions::strangerFolds; -1 / not measured until a head passes every other check):
    // faces of people left out of training x the trained people's prototypes at or above prototypeBar,
    // their pairs with the trained people's faces at or above pairBar, and the most alike 1 % of those pairs.
    int64_t strangersAtPrototypeBar = -1;
    int64_t strangersAtPairBar = -1;
    double strangerTop = -1;
    // And the people left out with themselves: pairs of one person's faces below pairBar (the faces a
    // grouping would keep apart), of how many pairs.
    int64_t strangersApart = -1;
    int64_t strangerOwnPairs = -1;
};

// With the application's bars set (TrainingOptions::pairBar), a head is also refused when the most alike
// pairs of different people come closer: the kDifferentQuantile quantile of their similarities rises by more
// than kDifferentShift. A tail count at a bar is noisy on the few hundred faces of a family's first names;
// the quantile of thousands of pairs is not, and the bars sit in that tail.
constexpr double kDifferentQuantile = 0.99;
constexpr double kDifferentShift = 0.01;

struct TrainingResult {
    ProjectionHead head{nullptr}; // adopted: trained on all labelled faces; otherwise the identity head
    HeadMetrics before;           // held-out metrics of the raw embeddings
    HeadMetrics after;            // held-out metrics through the validated head
    bool adopted = false;
    std::string reason;            // why (not) adopted, with numbers
    std::string validation;        // "hold-out 25% (N probes)" or "4-fold (N probes)"
    double far = 1e-3;             // FAR level of before/after verification (1e-3, or 1e-2 / 1e-1 when
                                   // there are too few negative pairs)
    std::vector<double> lossCurve; // mean triplet loss per epoch (first validation run)
    std::vector<double> heldOutErrorCurve; // held-out top-1 error per epoch (first validation run)
    int bestEpoch = 0;                     // 0: no epoch beat the untrained head
    int epochsRun = 0;
    bool cancelled = false;
    double secondsPerEpoch = 0.0; // training only (mining + optimisation), without validation
    double seconds = 0.0;
};

// Thrown by train() when the labelled faces cannot support training; the message says what is missing.
class TrainingDataError : public std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// progress(epoch, mean loss, held-out metrics of that epoch (identification only; verification is
// computed before and after training)).
using TrainingProgress = std::function<void(int, double, const HeadMetrics&)>;

// Triplet fine-tuning of a ProjectionHead on stored embeddings (CPU, minutes). Validation on held-out
// faces of each person (or k-fold when they are few); the head is adopted only when it helps there:
//   adopt  <=>  top-1 error(after) <= top-1 error(before)  and  TAR(after) >= TAR(before) - minImprovement
//               and (top-1 error(after) < top-1 error(before)  or  TAR(after) >= TAR(before) +
//               minImprovement)
//               and not more different-people pairs at the application's bars (pairBar, prototypeBar)
// An adopted head is then retrained on all faces for the best number of epochs found in validation.
class TripletTrainer {
public:
    explicit TripletTrainer(TrainingOptions options = {});
    const TrainingOptions& options() const { return m_options; }
    // Whether a count of different-people pairs at an application bar rose beyond counting noise
    // (after > before + 2 sqrt(before + 1): two standard deviations of a count of rare events).
    static bool moreLookAlikes(int64_t before, int64_t after);

    // Empty when labels (one per face, -1 = unlabelled) can support training; otherwise what is missing.
    // names (optional): names[label] replaces "person <label>" in the message.
    std::string checkData(const std::vector<int>& labels, const std::vector<std::string>& names = {}) const;

    // embeddings: N x D float32 with L2-normalised rows; labels: N person ids (-1 = unlabelled, ignored).
    // Throws TrainingDataError (see checkData) or std::invalid_argument for malformed input.
    TrainingResult train(const torch::Tensor& embeddings, const std::vector<int>& labels,
                         const TrainingProgress& progress = {},
                         const std::atomic_bool* cancel = nullptr) const;

    // Held-out metrics of probes against a gallery (both already projected), at the given FAR.
    static HeadMetrics evaluate(const torch::Tensor& gallery, const std::vector<int>& galleryLabels,
                                const torch::Tensor& probes, const std::vector<int>& probeLabels, double far,
                                float rejectBelow);

private:
    struct RunResult;
    // The open-set measures of `before` and `after` (HeadMetrics::strangers*), heads trained for `epochs`.
    // False when cancelled.
    // freeRows: the unnamed faces (TrainingOptions::freeWeight); the faces of the people left out join them.
    bool measureStrangers(const torch::Tensor& x, const std::vector<int>& labels,
                          const std::vector<std::vector<int64_t>>& rowsByPerson,
                          const std::vector<int64_t>& freeRows, int epochs, HeadMetrics* before,
                          HeadMetrics* after, const std::atomic_bool* cancel) const;
    // freeRows: faces without a name that keep their places (TrainingOptions::freeWeight).
    RunResult fit(const torch::Tensor& x, const std::vector<int>& labels,
                  const std::vector<int64_t>& trainRows, const std::vector<int64_t>& probeRows,
                  const std::vector<int64_t>& freeRows, int epochs, bool validate,
                  const TrainingProgress& progress, const std::atomic_bool* cancel) const;

    TrainingOptions m_options;
};

} // namespace kindred
