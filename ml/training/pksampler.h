#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace kindred {

// P people x K faces batches for triplet training. Only people with >= 2 faces take part (a triplet
// needs a positive). Each batch holds min(P, eligible people) distinct people and, for each, min(K, faces)
// distinct faces drawn from that person's reshuffled queue (every face is used before one repeats).
// An epoch has ceil(eligible faces / (P * K)) batches. Deterministic for a given seed.
class PKSampler {
public:
    // labels: one per face (-1 = unlabelled, skipped). Throws std::invalid_argument when p < 1 or k < 2.
    PKSampler(const std::vector<int>& labels, int p, int k, uint64_t seed);

    std::vector<std::vector<int64_t>> epoch();
    int eligiblePeople() const { return static_cast<int>(m_faces.size()); }
    int64_t eligibleFaces() const { return m_eligibleFaces; }
    int64_t batchesPerEpoch() const;

private:
    std::vector<int64_t> take(size_t person, int count);

    int m_p;
    int m_k;
    std::mt19937_64 m_rng;
    std::vector<std::vector<int64_t>> m_faces;  // per eligible person
    std::vector<std::vector<int64_t>> m_queues; // per person, faces not yet used in this round
    std::vector<size_t> m_personQueue;
    int64_t m_eligibleFaces = 0;
};

} // namespace kindred
