#include "clustering/personmatcher.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace kindred {

namespace {

constexpr float kMinusInf = -std::numeric_limits<float>::infinity();

torch::Tensor normalized(const torch::Tensor& x)
{
    return torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().dim(-1));
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

PersonMatcher::PersonMatcher(PersonMatcherOptions options) : m_options(options)
{
    if (m_options.k < 1)
        throw std::invalid_argument("PersonMatcher: k must be at least 1");
}

void PersonMatcher::setConfirmed(const torch::Tensor& embeddings, const std::vector<int64_t>& personIds,
                                 const std::vector<int64_t>& faceIds)
{
    if (embeddings.dim() != 2 || embeddings.size(0) != static_cast<int64_t>(personIds.size()))
        throw std::invalid_argument("PersonMatcher: need an M x D matrix and one person id per row");
    if (!faceIds.empty() && faceIds.size() != personIds.size())
        throw std::invalid_argument("PersonMatcher: face ids must be absent or one per row");
    torch::NoGradGuard noGrad;
    m_confirmed = normalized(embeddings.to(torch::kCPU, torch::kFloat32)).contiguous();
    m_faceIds = faceIds;
    m_people.clear();
    m_rows.clear();
    m_confirmedPerson.assign(personIds.size(), -1);
    std::map<int64_t, int64_t> slot;
    for (size_t i = 0; i < personIds.size(); ++i) {
        if (personIds[i] < 0)
            throw std::invalid_argument("PersonMatcher: confirmed faces need a person id >= 0");
        auto [it, inserted] = slot.try_emplace(personIds[i], static_cast<int64_t>(m_people.size()));
        if (inserted) {
            m_people.push_back(personIds[i]);
            m_rows.emplace_back();
        }
        m_confirmedPerson[i] = it->second;
        m_rows[static_cast<size_t>(it->second)].push_back(static_cast<int64_t>(i));
    }
    m_sums = torch::zeros({static_cast<int64_t>(m_people.size()), m_confirmed.size(1)});
    if (!personIds.empty())
        m_sums.index_add_(0, torch::tensor(m_confirmedPerson), m_confirmed);
}

torch::Tensor PersonMatcher::prototypes() const
{
    return normalized(m_sums).contiguous();
}

void PersonMatcher::setRejections(const std::vector<std::pair<int64_t, int64_t>>& rejections)
{
    m_rejected.clear();
    for (const auto& [face, person] : rejections)
        m_rejected[face].insert(person);
}

torch::Tensor PersonMatcher::personScores(const torch::Tensor& queries,
                                          const std::vector<int64_t>& excludeRow) const
{
    const auto people = static_cast<int64_t>(m_people.size());
    const int64_t q = queries.size(0);
    if (people == 0)
        return torch::full({q, 0}, kMinusInf);
    if (m_options.method == MatchMethod::Prototype) {
        torch::Tensor scores = torch::matmul(queries, normalized(m_sums).t()).contiguous();
        auto acc = scores.accessor<float, 2>();
        for (int64_t i = 0; i < q; ++i) {
            const int64_t row = excludeRow.empty() ? -1 : excludeRow[static_cast<size_t>(i)];
            if (row < 0)
                continue;
            const int64_t p = m_confirmedPerson[static_cast<size_t>(row)];
            if (m_rows[static_cast<size_t>(p)].size() < 2) {
                acc[i][p] = kMinusInf;
                continue;
            }
            const torch::Tensor prototype = normalized(m_sums[p] - m_confirmed[row]);
            acc[i][p] = torch::dot(queries[i], prototype).item<float>();
        }
        return scores;
    }
    // NearestFaces: mean of the k best similarities to each person's faces.
    torch::Tensor sims = torch::matmul(queries, m_confirmed.t()).contiguous();
    if (!excludeRow.empty()) {
        auto simAcc = sims.accessor<float, 2>();
        for (int64_t i = 0; i < q; ++i) {
            if (excludeRow[static_cast<size_t>(i)] >= 0)
                simAcc[i][excludeRow[static_cast<size_t>(i)]] = kMinusInf;
        }
    }
    torch::Tensor scores = torch::full({q, people}, kMinusInf);
    auto acc = scores.accessor<float, 2>();
    for (int64_t p = 0; p < people; ++p) {
        const std::vector<int64_t>& rows = m_rows[static_cast<size_t>(p)];
        const int64_t k = std::min<int64_t>(m_options.k, static_cast<int64_t>(rows.size()));
        const torch::Tensor top =
            std::get<0>(sims.index_select(1, torch::tensor(rows)).topk(k, 1)).contiguous();
        const auto topAcc = top.accessor<float, 2>();
        for (int64_t i = 0; i < q; ++i) {
            double sum = 0.0;
            int64_t used = 0;
            for (int64_t j = 0; j < k; ++j) {
                if (std::isfinite(topAcc[i][j])) {
                    sum += topAcc[i][j];
                    ++used;
                }
            }
            if (used > 0)
                acc[i][p] = static_cast<float>(sum / static_cast<double>(used));
        }
    }
    return scores;
}

float PersonMatcher::confidence(float similarity, float margin) const
{
    return static_cast<float>(sigmoid(m_calibration.bias + m_calibration.similarityWeight * similarity +
                                      m_calibration.marginWeight * margin));
}

PersonSuggestion PersonMatcher::pick(const float* scores) const
{
    PersonSuggestion s;
    int64_t best = -1;
    int64_t second = -1;
    for (int64_t p = 0; p < static_cast<int64_t>(m_people.size()); ++p) {
        if (!std::isfinite(scores[p]))
            continue;
        if (best < 0 || scores[p] > scores[best]) {
            second = best;
            best = p;
        } else if (second < 0 || scores[p] > scores[second]) {
            second = p;
        }
    }
    if (best < 0)
        return s;
    s.candidateId = m_people[static_cast<size_t>(best)];
    s.similarity = scores[best];
    if (second >= 0) {
        s.runnerUpId = m_people[static_cast<size_t>(second)];
        s.runnerUpSimilarity = scores[second];
    }
    s.margin = s.similarity - s.runnerUpSimilarity;
    if (s.similarity >= m_options.minSimilarity) {
        s.personId = s.candidateId;
        s.confidence = confidence(s.similarity, s.margin);
    }
    return s;
}

std::vector<PersonSuggestion> PersonMatcher::suggest(const torch::Tensor& faces,
                                                     const std::vector<int64_t>& faceIds) const
{
    if (faces.dim() != 2)
        throw std::invalid_argument("PersonMatcher::suggest: expected an N x D matrix");
    if (!faceIds.empty() && static_cast<int64_t>(faceIds.size()) != faces.size(0))
        throw std::invalid_argument("PersonMatcher::suggest: face ids must be absent or one per row");
    if (m_confirmed.defined() && m_confirmed.size(0) > 0 && faces.size(0) > 0 &&
        faces.size(1) != m_confirmed.size(1))
        throw std::invalid_argument("PersonMatcher::suggest: faces have " + std::to_string(faces.size(1)) +
                                    " dimensions, confirmed faces " + std::to_string(m_confirmed.size(1)));
    torch::NoGradGuard noGrad;
    const torch::Tensor queries = normalized(faces.to(torch::kCPU, torch::kFloat32)).contiguous();
    torch::Tensor scores = personScores(queries, {});
    auto acc = scores.accessor<float, 2>();
    std::vector<PersonSuggestion> out;
    out.reserve(static_cast<size_t>(queries.size(0)));
    for (int64_t i = 0; i < queries.size(0); ++i) {
        if (!faceIds.empty()) {
            const auto rejected = m_rejected.find(faceIds[static_cast<size_t>(i)]);
            if (rejected != m_rejected.end()) {
                for (size_t p = 0; p < m_people.size(); ++p) {
                    if (rejected->second.count(m_people[p]) > 0)
                        acc[i][static_cast<int64_t>(p)] = kMinusInf;
                }
            }
        }
        out.push_back(pick(scores[i].data_ptr<float>()));
    }
    return out;
}

CalibrationReport PersonMatcher::fit(const std::vector<PersonSuggestion>& suggestions,
                                     const std::vector<int64_t>& truth, double targetPrecision)
{
    CalibrationReport report;
    std::vector<std::array<double, 3>> x;
    std::vector<double> y;
    for (size_t i = 0; i < suggestions.size(); ++i) {
        if (suggestions[i].personId < 0)
            continue;
        x.push_back({1.0, suggestions[i].similarity, suggestions[i].margin});
        y.push_back(suggestions[i].personId == truth[i] ? 1.0 : 0.0);
    }
    const double positives = std::accumulate(y.begin(), y.end(), 0.0);
    if (x.empty()) {
        report.note = "no face got a suggestion: the prior calibration is kept";
    } else if (positives == 0.0 || positives == static_cast<double>(y.size())) {
        report.note = std::string("all ") + std::to_string(y.size()) + " suggestions were " +
                      (positives == 0.0 ? "wrong" : "right") +
                      ": nothing to fit, the prior calibration is kept";
    } else {
        // Logistic regression by Newton's method with a small ridge on the two slopes.
        std::array<double, 3> w = {m_calibration.bias, m_calibration.similarityWeight,
                                   m_calibration.marginWeight};
        const double ridge = 1e-2;
        for (int iteration = 0; iteration < 50; ++iteration) {
            std::array<double, 3> g = {0.0, -ridge * w[1], -ridge * w[2]};
            std::array<std::array<double, 3>, 3> h = {
                {{0.0, 0.0, 0.0}, {0.0, ridge, 0.0}, {0.0, 0.0, ridge}}};
            for (size_t i = 0; i < x.size(); ++i) {
                const double p = sigmoid(w[0] * x[i][0] + w[1] * x[i][1] + w[2] * x[i][2]);
                for (int a = 0; a < 3; ++a) {
                    g[static_cast<size_t>(a)] += (y[i] - p) * x[i][static_cast<size_t>(a)];
                    for (int b = 0; b < 3; ++b)
                        h[static_cast<size_t>(a)][static_cast<size_t>(b)] +=
                            p * (1.0 - p) * x[i][static_cast<size_t>(a)] * x[i][static_cast<size_t>(b)];
                }
            }
            // Solve h * step = g (3 x 3, Gaussian elimination with partial pivoting).
            std::array<std::array<double, 4>, 3> m{};
            for (size_t a = 0; a < 3; ++a) {
                for (size_t b = 0; b < 3; ++b)
                    m[a][b] = h[a][b];
                m[a][3] = g[a];
            }
            bool singular = false;
            for (size_t c = 0; c < 3; ++c) {
                size_t pivot = c;
                for (size_t r = c + 1; r < 3; ++r)
                    pivot = std::abs(m[r][c]) > std::abs(m[pivot][c]) ? r : pivot;
                if (std::abs(m[pivot][c]) < 1e-12) {
                    singular = true;
                    break;
                }
                std::swap(m[c], m[pivot]);
                for (size_t r = 0; r < 3; ++r) {
                    if (r == c)
                        continue;
                    const double factor = m[r][c] / m[c][c];
                    for (size_t t = c; t < 4; ++t)
                        m[r][t] -= factor * m[c][t];
                }
            }
            if (singular)
                break;
            double change = 0.0;
            for (size_t a = 0; a < 3; ++a) {
                const double step = std::clamp(m[a][3] / m[a][a], -20.0, 20.0);
                w[a] += step;
                change = std::max(change, std::abs(step));
            }
            if (change < 1e-8)
                break;
        }
        m_calibration.bias = w[0];
        m_calibration.similarityWeight = w[1];
        m_calibration.marginWeight = w[2];
        m_calibration.fitted = true;
        m_calibration.samples = static_cast<int64_t>(x.size());
    }
    for (size_t i = 0; i < x.size(); ++i) {
        report.confidences.push_back(confidence(static_cast<float>(x[i][1]), static_cast<float>(x[i][2])));
        report.correct.push_back(y[i] > 0.5 ? 1 : 0);
    }
    report.calibration = m_calibration;
    report.threshold =
        VerificationMetrics::thresholdForPrecision(report.confidences, report.correct, targetPrecision);
    return report;
}

CalibrationReport PersonMatcher::calibrate(double targetPrecision)
{
    if (!m_confirmed.defined() || m_confirmed.size(0) == 0)
        throw std::invalid_argument("PersonMatcher::calibrate: no confirmed faces");
    torch::NoGradGuard noGrad;
    const int64_t m = m_confirmed.size(0);
    std::vector<int64_t> exclude(static_cast<size_t>(m));
    std::iota(exclude.begin(), exclude.end(), 0);
    torch::Tensor scores = personScores(m_confirmed, exclude);
    std::vector<PersonSuggestion> suggestions;
    std::vector<int64_t> truth;
    for (int64_t i = 0; i < m; ++i) {
        suggestions.push_back(pick(scores[i].data_ptr<float>()));
        truth.push_back(m_people[static_cast<size_t>(m_confirmedPerson[static_cast<size_t>(i)])]);
    }
    return fit(suggestions, truth, targetPrecision);
}

CalibrationReport PersonMatcher::calibrate(const torch::Tensor& faces, const std::vector<int64_t>& personIds,
                                           double targetPrecision)
{
    if (faces.dim() != 2 || faces.size(0) != static_cast<int64_t>(personIds.size()))
        throw std::invalid_argument("PersonMatcher::calibrate: need one person id per face");
    const std::vector<PersonSuggestion> suggestions = suggest(faces);
    return fit(suggestions, personIds, targetPrecision);
}

} // namespace kindred
