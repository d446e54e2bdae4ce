#include "training/pksampler.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace kindred {

PKSampler::PKSampler(const std::vector<int>& labels, int p, int k, uint64_t seed)
    : m_p(p), m_k(k), m_rng(seed)
{
    if (p < 1 || k < 2)
        throw std::invalid_argument("PKSampler: need P >= 1 people and K >= 2 faces per person");
    std::map<int, std::vector<int64_t>> byPerson;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] >= 0)
            byPerson[labels[i]].push_back(static_cast<int64_t>(i));
    }
    for (auto& [person, faces] : byPerson) {
        if (faces.size() >= 2) {
            m_eligibleFaces += static_cast<int64_t>(faces.size());
            m_faces.push_back(std::move(faces));
        }
    }
    m_queues.resize(m_faces.size());
}

int64_t PKSampler::batchesPerEpoch() const
{
    if (m_faces.empty())
        return 0;
    const int64_t perBatch =
        static_cast<int64_t>(std::min<size_t>(static_cast<size_t>(m_p), m_faces.size())) * m_k;
    return std::max<int64_t>(1, (m_eligibleFaces + perBatch - 1) / perBatch);
}

std::vector<int64_t> PKSampler::take(size_t person, int count)
{
    std::vector<int64_t> out;
    std::vector<int64_t>& queue = m_queues[person];
    const auto wanted = std::min<size_t>(static_cast<size_t>(count), m_faces[person].size());
    std::vector<int64_t> deferred; // already in this batch: they stay queued for the next batch
    while (out.size() < wanted) {
        if (queue.empty()) {
            queue = m_faces[person];
            std::shuffle(queue.begin(), queue.end(), m_rng);
        }
        const int64_t face = queue.back();
        queue.pop_back();
        if (std::find(out.begin(), out.end(), face) == out.end())
            out.push_back(face);
        else
            deferred.push_back(face);
    }
    queue.insert(queue.end(), deferred.begin(), deferred.end());
    return out;
}

std::vector<std::vector<int64_t>> PKSampler::epoch()
{
    std::vector<std::vector<int64_t>> batches;
    const int64_t count = batchesPerEpoch();
    const size_t people = std::min<size_t>(static_cast<size_t>(m_p), m_faces.size());
    for (int64_t b = 0; b < count; ++b) {
        std::vector<int64_t> batch;
        std::set<size_t> chosen;
        while (chosen.size() < people) {
            if (m_personQueue.empty()) {
                m_personQueue.resize(m_faces.size());
                for (size_t i = 0; i < m_faces.size(); ++i)
                    m_personQueue[i] = i;
                std::shuffle(m_personQueue.begin(), m_personQueue.end(), m_rng);
            }
            const size_t person = m_personQueue.back();
            m_personQueue.pop_back();
            if (!chosen.insert(person).second)
                continue;
            const std::vector<int64_t> faces = take(person, m_k);
            batch.insert(batch.end(), faces.begin(), faces.end());
        }
        batches.push_back(std::move(batch));
    }
    return batches;
}

} // namespace kindred
