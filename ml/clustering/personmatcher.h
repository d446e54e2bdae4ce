#pragma once

#include "evaluation/verificationmetrics.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <torch/torch.h>
#include <utility>
#include <vector>

namespace kindred {

enum class MatchMethod {
    Prototype,    // cosine to the normalised mean of the person's confirmed faces
    NearestFaces, // mean cosine to the person's k most similar confirmed faces (a per-person k-NN vote)
};

// confidence = sigmoid(bias + similarityWeight * best + marginWeight * (best - runnerUp)).
// The defaults are a prior; calibrate() fits the three numbers by logistic regression.
struct MatchCalibration {
    double bias = -6.0;
    double similarityWeight = 8.0;
    double marginWeight = 12.0;
    bool fitted = false;
    int64_t samples = 0;
};

struct PersonMatcherOptions {
    MatchMethod method = MatchMethod::Prototype;
    int k = 3;                   // NearestFaces: faces per person that count
    float minSimilarity = 0.30f; // below this best score no person is suggested
};

struct PersonSuggestion {
    int64_t personId = -1;    // -1: no suggestion (nobody confirmed, all rejected, or too dissimilar)
    float similarity = 0.0f;  // best person's score (also reported when below minSimilarity)
    int64_t candidateId = -1; // best person even when below minSimilarity
    int64_t runnerUpId = -1;
    float runnerUpSimilarity = 0.0f; // 0 when there is no second person
    float margin = 0.0f;             // similarity - runnerUpSimilarity
    float confidence = 0.0f;         // calibrated probability that personId is right, in [0, 1]
};

struct CalibrationReport {
    MatchCalibration calibration;
    std::vector<float> confidences; // one per scored sample, after fitting
    std::vector<uint8_t> correct;
    PrecisionThreshold threshold; // lowest confidence threshold with precision >= target
    std::string note;             // why the prior was kept, when it was
};

// Suggests a person for unknown faces from the confirmed faces of each person. Rejections (face, person)
// are honoured: a rejected person is never suggested for that face. Not thread-safe while being modified;
// const calls may run concurrently.
class PersonMatcher {
public:
    explicit PersonMatcher(PersonMatcherOptions options = {});

    // embeddings: M x D normalised rows with their person ids (>= 0) and optional face ids (for rejections).
    void setConfirmed(const torch::Tensor& embeddings, const std::vector<int64_t>& personIds,
                      const std::vector<int64_t>& faceIds = {});
    // (face id, person id) pairs the user has rejected.
    void setRejections(const std::vector<std::pair<int64_t, int64_t>>& rejections);
    void setCalibration(const MatchCalibration& calibration) { m_calibration = calibration; }
    const MatchCalibration& calibration() const { return m_calibration; }
    std::vector<int64_t> persons() const { return m_people; }
    // The prototype of each person: the normalised mean of their confirmed faces, P x D, row i for
    // persons()[i].
    torch::Tensor prototypes() const;

    // One suggestion per row of faces (N x D); faceIds (N values, optional) are used for rejections.
    std::vector<PersonSuggestion> suggest(const torch::Tensor& faces,
                                          const std::vector<int64_t>& faceIds = {}) const;

    // Fits the calibration by leave-one-out over the confirmed faces (each face is scored against the
    // others; a face whose person has no other confirmed face counts as an unknown face). Returns the
    // samples and the lowest threshold with precision >= targetPrecision. Keeps the prior (and says why)
    // when the samples are all right or all wrong.
    CalibrationReport calibrate(double targetPrecision = 0.99);
    // Same on held-out labelled faces (person id -1 = someone who is not among the confirmed people).
    CalibrationReport calibrate(const torch::Tensor& faces, const std::vector<int64_t>& personIds,
                                double targetPrecision = 0.99);

private:
    // Q x P person scores; excludeRow[q] >= 0 leaves that confirmed row out for query q (leave-one-out).
    torch::Tensor personScores(const torch::Tensor& queries, const std::vector<int64_t>& excludeRow) const;
    PersonSuggestion pick(const float* scores) const; // scores: one per person slot
    CalibrationReport fit(const std::vector<PersonSuggestion>& suggestions, const std::vector<int64_t>& truth,
                          double targetPrecision);
    float confidence(float similarity, float margin) const;

    PersonMatcherOptions m_options;
    MatchCalibration m_calibration;
    torch::Tensor m_confirmed;                       // M x D
    std::vector<int64_t> m_confirmedPerson;          // M (person slot)
    std::vector<int64_t> m_faceIds;                  // M
    std::vector<int64_t> m_people;                   // slot -> person id
    std::vector<std::vector<int64_t>> m_rows;        // slot -> confirmed rows
    torch::Tensor m_sums;                            // P x D sums of confirmed rows
    std::map<int64_t, std::set<int64_t>> m_rejected; // face id -> person ids
};

} // namespace kindred
