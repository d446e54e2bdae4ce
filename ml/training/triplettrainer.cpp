#include "training/triplettrainer.h"

#include "training/pksampler.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <sstream>

namespace kindred {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<int> labelsOf(const std::vector<int>& labels, const std::vector<int64_t>& rows)
{
    std::vector<int> out;
    out.reserve(rows.size());
    for (const int64_t r : rows)
        out.push_back(labels[static_cast<size_t>(r)]);
    return out;
}

torch::Tensor rowsOf(const torch::Tensor& x, const std::vector<int64_t>& rows)
{
    return x.index_select(0, torch::tensor(rows, torch::kInt64));
}

// Rows scaled to unit length.
torch::Tensor unit(const torch::Tensor& t)
{
    return torch::nn::functional::normalize(t, torch::nn::functional::NormalizeFuncOptions().dim(1));
}

std::string percent(double v)
{
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << 100.0 * v << "%";
    return s.str();
}

// The q-quantile of the similarities of pairs of different people (-1 when there are none).
double differentQuantile(const PairScores& pairs, double q)
{
    std::vector<float> different;
    for (size_t i = 0; i < pairs.scores.size(); ++i)
        if (!pairs.same[i])
            different.push_back(pairs.scores[i]);
    if (different.empty())
        return -1.0;
    const auto k = static_cast<size_t>(q * static_cast<double>(different.size() - 1));
    std::nth_element(different.begin(), different.begin() + static_cast<long>(k), different.end());
    return different[k];
}

// Pairs of different people whose similarity reaches `bar`.
int64_t differentReaching(const PairScores& pairs, float bar)
{
    int64_t n = 0;
    for (size_t i = 0; i < pairs.scores.size(); ++i)
        n += !pairs.same[i] && pairs.scores[i] >= bar ? 1 : 0;
    return n;
}

// Probes whose similarity to the prototype (normalised mean of the gallery faces) of a person other than
// their own reaches `bar`, counted once per such person.
int64_t impostorsReaching(const torch::Tensor& gallery, const std::vector<int>& galleryLabels,
                          const torch::Tensor& probes, const std::vector<int>& probeLabels, float bar)
{
    if (bar > 1.0f || gallery.size(0) == 0 || probes.size(0) == 0)
        return 0;
    std::map<int, int64_t> slot;
    for (int label : galleryLabels)
        slot.try_emplace(label, static_cast<int64_t>(slot.size()));
    const torch::Tensor index =
        torch::tensor(std::vector<int64_t>(galleryLabels.size()), torch::kLong).contiguous();
    auto* ip = index.data_ptr<int64_t>();
    for (size_t i = 0; i < galleryLabels.size(); ++i)
        ip[i] = slot[galleryLabels[i]];
    torch::Tensor sums = torch::zeros({static_cast<int64_t>(slot.size()), gallery.size(1)});
    sums.index_add_(0, index, unit(gallery));
    const torch::Tensor sims = torch::mm(unit(probes), unit(sums).t()).contiguous();
    const auto s = sims.accessor<float, 2>();
    int64_t n = 0;
    for (const auto& [label, column] : slot)
        for (int64_t i = 0; i < sims.size(0); ++i)
            n += probeLabels[static_cast<size_t>(i)] != label && s[i][column] >= bar ? 1 : 0;
    return n;
}

std::string number(double v, int digits = 3)
{
    std::ostringstream s;
    s.precision(digits);
    s << std::fixed << v;
    return s.str();
}

// Lexicographic: lower error is better; at equal error a larger mean margin.
bool better(const IdentificationMetrics& a, const IdentificationMetrics& b)
{
    if (a.top1Error != b.top1Error)
        return a.top1Error < b.top1Error;
    return a.meanMargin > b.meanMargin + 1e-6;
}

} // namespace

struct TripletTrainer::RunResult {
    ProjectionHead head{nullptr};
    std::vector<double> loss;
    std::vector<double> error;
    int bestEpoch = 0;
    int epochsRun = 0;
    bool cancelled = false;
    double trainSeconds = 0.0;
};

bool TripletTrainer::moreLookAlikes(int64_t before, int64_t after)
{
    return static_cast<double>(after) >
           static_cast<double>(before) + 2.0 * std::sqrt(static_cast<double>(before) + 1.0);
}

TripletTrainer::TripletTrainer(TrainingOptions options) : m_options(options)
{
    if (m_options.epochs < 1 || m_options.p < 1 || m_options.k < 2 || !(m_options.margin >= 0.0) ||
        !(m_options.learningRate > 0.0) || m_options.minPeople < 2 || m_options.minFacesPerPerson < 3 ||
        !(m_options.holdoutShare > 0.0 && m_options.holdoutShare < 1.0) || m_options.folds < 2)
        throw std::invalid_argument(
            "TripletTrainer: invalid options (need epochs >= 1, P >= 1, K >= 2, margin >= 0, "
            "lr > 0, minPeople >= 2, minFacesPerPerson >= 3, holdoutShare in (0, 1), "
            "folds >= 2)");
}

std::string TripletTrainer::checkData(const std::vector<int>& labels,
                                      const std::vector<std::string>& names) const
{
    std::map<int, int64_t> counts;
    for (const int l : labels) {
        if (l >= 0)
            ++counts[l];
    }
    int eligible = 0;
    std::vector<std::pair<int64_t, int>> shortOnes;
    for (const auto& [person, count] : counts) {
        if (count >= m_options.minFacesPerPerson)
            ++eligible;
        else
            shortOnes.emplace_back(count, person);
    }
    if (eligible >= m_options.minPeople)
        return {};
    std::ostringstream msg;
    msg << "fine-tuning needs at least " << m_options.minPeople << " people with at least "
        << m_options.minFacesPerPerson << " confirmed faces each; found " << eligible
        << (eligible == 1 ? " such person" : " such people") << " among " << counts.size() << " named";
    std::sort(shortOnes.rbegin(), shortOnes.rend());
    const int missing = m_options.minPeople - eligible;
    if (!shortOnes.empty()) {
        msg << ". Closest:";
        for (size_t i = 0; i < shortOnes.size() && i < static_cast<size_t>(missing); ++i)
            msg << " "
                << (shortOnes[i].second < static_cast<int>(names.size())
                        ? names[static_cast<size_t>(shortOnes[i].second)]
                        : "person " + std::to_string(shortOnes[i].second))
                << " needs " << m_options.minFacesPerPerson - shortOnes[i].first << " more face"
                << (m_options.minFacesPerPerson - shortOnes[i].first == 1 ? "" : "s") << ";";
        msg.seekp(-1, std::ios_base::cur);
        msg << ".";
    } else {
        msg << ". Confirm the faces of " << missing << " more " << (missing == 1 ? "person" : "people")
            << ".";
    }
    return msg.str();
}

HeadMetrics TripletTrainer::evaluate(const torch::Tensor& gallery, const std::vector<int>& galleryLabels,
                                     const torch::Tensor& probes, const std::vector<int>& probeLabels,
                                     double far, float rejectBelow)
{
    HeadMetrics m;
    m.identification =
        VerificationMetrics::identification(gallery, galleryLabels, probes, probeLabels, rejectBelow);
    const PairScores pairs = VerificationMetrics::probePairs(probes, probeLabels, gallery, galleryLabels);
    m.pairs = static_cast<int64_t>(pairs.scores.size());
    m.verification = VerificationMetrics::tarAtFar(pairs, far);
    m.auc = VerificationMetrics::rocAuc(pairs);
    return m;
}

TripletTrainer::RunResult TripletTrainer::fit(const torch::Tensor& x, const std::vector<int>& labels,
                                              const std::vector<int64_t>& trainRows,
                                              const std::vector<int64_t>& probeRows,
                                              const std::vector<int64_t>& freeRows, int epochs, bool validate,
                                              const TrainingProgress& progress,
                                              const std::atomic_bool* cancel) const
{
    RunResult run;
    ProjectionHeadOptions headOptions;
    headOptions.dim = x.size(1);
    headOptions.kind = m_options.head;
    headOptions.hidden = m_options.hidden;
    headOptions.seed = m_options.seed;
    run.head = ProjectionHead(headOptions);
    ProjectionHead& head = run.head;

    std::vector<torch::Tensor> initial;
    for (const torch::Tensor& p : head->parameters())
        initial.push_back(p.detach().clone());
    std::vector<torch::Tensor> best = initial;

    const torch::Tensor trainX = rowsOf(x, trainRows);
    const std::vector<int> trainLabels = labelsOf(labels, trainRows);
    const torch::Tensor trainLabelTensor =
        torch::tensor(std::vector<int64_t>(trainLabels.begin(), trainLabels.end()));
    const torch::Tensor probeX = validate ? rowsOf(x, probeRows) : torch::Tensor();
    const std::vector<int> probeLabels = validate ? labelsOf(labels, probeRows) : std::vector<int>();

    // The unnamed faces that keep their places, and the bar under which a pair counts.
    const bool useFree = m_options.usesUnnamedFaces() && !freeRows.empty();
    const torch::Tensor freeX = useFree ? rowsOf(x, freeRows) : torch::Tensor();
    const float freeBar = m_options.pairBar <= 1.0f ? m_options.pairBar : 2.0f;

    PKSampler sampler(trainLabels, m_options.p, m_options.k, m_options.seed);
    torch::optim::Adam optimizer(head->parameters(), torch::optim::AdamOptions(m_options.learningRate));
    IdentificationMetrics bestMetrics;
    if (validate)
        bestMetrics = VerificationMetrics::identification(trainX, trainLabels, probeX, probeLabels,
                                                          m_options.rejectBelow);
    int sinceBest = 0;
    torch::manual_seed(m_options.seed);

    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const auto start = Clock::now();
        head->train();
        double lossSum = 0.0;
        int64_t batches = 0;
        for (const std::vector<int64_t>& batch : sampler.epoch()) {
            if (cancel && cancel->load()) {
                run.cancelled = true;
                break;
            }
            const torch::Tensor index = torch::tensor(batch, torch::kInt64);
            const torch::Tensor y = head->forward(trainX.index_select(0, index));
            const torch::Tensor batchLabels = trainLabelTensor.index_select(0, index);
            Triplets t;
            {
                torch::NoGradGuard noGrad;
                t = TripletMiner::mine(TripletLoss::pairwise(y.detach(), m_options.distance), batchLabels,
                                       m_options.mining, m_options.margin);
            }
            torch::Tensor loss =
                TripletLoss::compute(y.index_select(0, t.anchors), y.index_select(0, t.positives),
                                     y.index_select(0, t.negatives), m_options.margin, m_options.distance);
            lossSum += loss.item<double>();
            ++batches;
            if (useFree) {
                const torch::Tensor pick =
                    torch::randint(freeX.size(0), {std::min<int64_t>(m_options.freeBatch, freeX.size(0))},
                                   torch::TensorOptions().dtype(torch::kInt64));
                const torch::Tensor u = freeX.index_select(0, pick);
                const torch::Tensor both = torch::cat({u, trainX.index_select(0, index)}, 0);
                const torch::Tensor yu = head->forward(u);
                const torch::Tensor now = torch::mm(yu, torch::cat({yu, y}, 0).t());
                torch::Tensor was;
                {
                    torch::NoGradGuard noGrad;
                    was = torch::mm(u, both.t());
                }
                // Each unnamed face with itself is left out (its similarity is 1 either way).
                const torch::Tensor counted = was.lt(freeBar).logical_and(
                    torch::eye(u.size(0), both.size(0), torch::kBool).logical_not());
                const torch::Tensor rise = (now - was).clamp_min(0.0);
                loss = loss + m_options.freeWeight * (rise * counted).sum() / counted.sum().clamp_min(1);
                // Two unnamed faces at or above the bar are likely one person (a grouping puts them
                // together): they stay there. Only a fall under the bar costs; above it they may move either
                // way.
                if (m_options.togetherWeight > 0.0 && m_options.pairBar <= 1.0f) {
                    const int64_t n = u.size(0);
                    const torch::Tensor wasU = was.narrow(1, 0, n);
                    const torch::Tensor above =
                        wasU.ge(freeBar).logical_and(torch::eye(n, torch::kBool).logical_not());
                    const torch::Tensor under = (freeBar - now.narrow(1, 0, n)).clamp_min(0.0);
                    loss = loss + m_options.togetherWeight * (under * above).sum() / above.sum().clamp_min(1);
                }
            }
            if (m_options.weightDecay > 0.0) {
                const auto params = head->parameters();
                for (size_t i = 0; i < params.size(); ++i)
                    loss = loss + m_options.weightDecay * (params[i] - initial[i]).pow(2).sum();
            }
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        run.trainSeconds += secondsSince(start);
        if (run.cancelled)
            break;
        run.epochsRun = epoch;
        const double meanLoss = batches > 0 ? lossSum / static_cast<double>(batches) : 0.0;
        run.loss.push_back(meanLoss);
        if (!validate) {
            if (progress)
                progress(epoch, meanLoss, HeadMetrics{});
            continue;
        }
        HeadMetrics now;
        now.identification = VerificationMetrics::identification(
            head->project(trainX), trainLabels, head->project(probeX), probeLabels, m_options.rejectBelow);
        run.error.push_back(now.identification.top1Error);
        if (progress)
            progress(epoch, meanLoss, now);
        if (better(now.identification, bestMetrics)) {
            bestMetrics = now.identification;
            run.bestEpoch = epoch;
            sinceBest = 0;
            best.clear();
            for (const torch::Tensor& p : head->parameters())
                best.push_back(p.detach().clone());
        } else if (++sinceBest >= m_options.patience) {
            break;
        }
    }
    if (validate) {
        torch::NoGradGuard noGrad;
        const auto params = head->parameters();
        for (size_t i = 0; i < params.size(); ++i)
            params[i].copy_(best[i]);
    } else {
        run.bestEpoch = run.epochsRun;
    }
    head->eval();
    return run;
}

bool TripletTrainer::measureStrangers(const torch::Tensor& x, const std::vector<int>& labels,
                                      const std::vector<std::vector<int64_t>>& rowsByPerson,
                                      const std::vector<int64_t>& freeRows, int epochs, HeadMetrics* before,
                                      HeadMetrics* after, const std::atomic_bool* cancel) const
{
    // People with faces to train on (the sampler needs two) are left out in turn; the others always train.
    std::vector<size_t> order;
    for (size_t i = 0; i < rowsByPerson.size(); ++i)
        if (rowsByPerson[i].size() >= 2)
            order.push_back(i);
    const int people = static_cast<int>(order.size());
    const int folds = std::min(m_options.strangerFolds, people);
    // At least two trainable people in each fold (one would have no triplets).
    if (folds < 2 || people - (people + folds - 1) / folds < 2)
        return true;
    std::mt19937_64 rng(m_options.seed ^ 0x5eedULL);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<bool> everTrained(rowsByPerson.size(), true);
    for (const size_t i : order)
        everTrained[i] = false;
    // Similarities of the left-out faces with the trained faces (every pair of two different people): counted
    // at the pair bar, and binned (width 1/2048) for the most alike 1 % — a library's pairs can be tens of
    // millions.
    constexpr int64_t kBins = 4096;
    torch::Tensor histBefore = torch::zeros({kBins}), histAfter = torch::zeros({kBins});
    int64_t pairsBefore = 0, pairsAfter = 0, protoBefore = 0, protoAfter = 0;
    int64_t apartBefore = 0, apartAfter = 0, ownPairs = 0;
    // Of the pairs of one left-out person's faces (`same`: each pair once), those below the pair bar.
    const auto apart = [&](const torch::Tensor& left, const torch::Tensor& same) {
        const torch::Tensor sims = torch::mm(unit(left), unit(left).t());
        return sims.lt(m_options.pairBar).logical_and(same).sum().item<int64_t>();
    };
    const auto tally = [&](const torch::Tensor& left, const torch::Tensor& trained, torch::Tensor& hist,
                           int64_t& atBar) {
        const torch::Tensor sims = torch::mm(unit(left), unit(trained).t());
        atBar += sims.ge(m_options.pairBar).sum().item<int64_t>();
        hist += torch::histc(sims, kBins, -1.0, 1.0);
    };
    for (int f = 0; f < folds; ++f) {
        std::vector<int64_t> trained, strangers;
        for (size_t i = 0; i < rowsByPerson.size(); ++i)
            if (everTrained[i])
                trained.insert(trained.end(), rowsByPerson[i].begin(), rowsByPerson[i].end());
        for (int i = 0; i < people; ++i) {
            const auto& rows = rowsByPerson[order[static_cast<size_t>(i)]];
            std::vector<int64_t>& into = i % folds == f ? strangers : trained;
            into.insert(into.end(), rows.begin(), rows.end());
        }
        std::sort(trained.begin(), trained.end());
        // The people left out are faces nobody named, as in the family's library.
        std::vector<int64_t> free = freeRows;
        free.insert(free.end(), strangers.begin(), strangers.end());
        RunResult run = fit(x, labels, trained, {}, free, epochs, false, {}, cancel);
        if (run.cancelled)
            return false;
        const torch::Tensor g = rowsOf(x, trained);
        const torch::Tensor s = rowsOf(x, strangers);
        const std::vector<int> gl = labelsOf(labels, trained);
        const std::vector<int> sl = labelsOf(labels, strangers);
        const torch::Tensor gp = run.head->project(g);
        const torch::Tensor sp = run.head->project(s);
        protoBefore += impostorsReaching(g, gl, s, sl, m_options.prototypeBar);
        protoAfter += impostorsReaching(gp, gl, sp, sl, m_options.prototypeBar);
        tally(s, g, histBefore, pairsBefore);
        tally(sp, gp, histAfter, pairsAfter);
        const torch::Tensor l = torch::tensor(std::vector<int64_t>(sl.begin(), sl.end()));
        const torch::Tensor same = l.unsqueeze(1).eq(l.unsqueeze(0)).triu(1);
        apartBefore += apart(s, same);
        apartAfter += apart(sp, same);
        ownPairs += same.sum().item<int64_t>();
    }
    // The bin holding the q-quantile, as its centre.
    const auto quantile = [](const torch::Tensor& hist, double q) {
        const torch::Tensor cumulative = hist.cumsum(0);
        const double total = cumulative[-1].item<double>();
        if (total <= 0)
            return -1.0;
        const int64_t bin = cumulative.lt(q * total).sum().item<int64_t>();
        return -1.0 + (static_cast<double>(bin) + 0.5) * 2.0 / static_cast<double>(kBins);
    };
    before->strangersAtPrototypeBar = protoBefore;
    after->strangersAtPrototypeBar = protoAfter;
    before->strangersAtPairBar = pairsBefore;
    after->strangersAtPairBar = pairsAfter;
    before->strangerTop = quantile(histBefore, kDifferentQuantile);
    after->strangerTop = quantile(histAfter, kDifferentQuantile);
    before->strangersApart = apartBefore;
    after->strangersApart = apartAfter;
    before->strangerOwnPairs = after->strangerOwnPairs = ownPairs;
    return true;
}

TrainingResult TripletTrainer::train(const torch::Tensor& embeddings, const std::vector<int>& labels,
                                     const TrainingProgress& progress, const std::atomic_bool* cancel) const
{
    const auto start = Clock::now();
    if (!embeddings.defined() || embeddings.dim() != 2 ||
        embeddings.size(0) != static_cast<int64_t>(labels.size()))
        throw std::invalid_argument("TripletTrainer: need an N x D embedding matrix and one label per row");
    if (const std::string missing = checkData(labels); !missing.empty())
        throw TrainingDataError(missing);
    const torch::Tensor x = unit(embeddings.detach().to(torch::kCPU, torch::kFloat32)).contiguous();
    if (!torch::isfinite(x).all().item<bool>())
        throw std::invalid_argument("TripletTrainer: embeddings contain NaN or infinite values");

    // Split: eligible people give a share of their faces to validation; everyone else trains only.
    std::mt19937_64 rng(m_options.seed);
    std::map<int, std::vector<int64_t>> byPerson;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] >= 0)
            byPerson[labels[i]].push_back(static_cast<int64_t>(i));
    }
    std::vector<int64_t> allRows, freeRows; // named faces; faces without a name
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0)
            freeRows.push_back(static_cast<int64_t>(i));
    int64_t holdoutProbes = 0;
    int64_t smallest = std::numeric_limits<int64_t>::max();
    for (auto& [person, rows] : byPerson) {
        std::shuffle(rows.begin(), rows.end(), rng);
        allRows.insert(allRows.end(), rows.begin(), rows.end());
        const auto n = static_cast<int64_t>(rows.size());
        if (n >= m_options.minFacesPerPerson) {
            holdoutProbes += std::clamp<int64_t>(
                static_cast<int64_t>(m_options.holdoutShare * static_cast<double>(n)), 1, n - 2);
            smallest = std::min(smallest, n);
        }
    }
    std::sort(allRows.begin(), allRows.end());
    const bool kFold = holdoutProbes < m_options.minProbes;
    const int folds = kFold ? static_cast<int>(std::clamp<int64_t>(smallest, 2, m_options.folds)) : 1;
    std::vector<std::pair<std::vector<int64_t>, std::vector<int64_t>>> splits(static_cast<size_t>(folds));
    for (const auto& [person, rows] : byPerson) {
        const auto n = static_cast<int64_t>(rows.size());
        const bool eligible = n >= m_options.minFacesPerPerson;
        const int64_t holdout = std::clamp<int64_t>(
            static_cast<int64_t>(m_options.holdoutShare * static_cast<double>(n)), 1, n - 2);
        for (int64_t i = 0; i < n; ++i) {
            for (int f = 0; f < folds; ++f) {
                const bool probe = eligible && (kFold ? i % folds == f : i < holdout);
                (probe ? splits[static_cast<size_t>(f)].second : splits[static_cast<size_t>(f)].first)
                    .push_back(rows[static_cast<size_t>(i)]);
            }
        }
    }

    TrainingResult result;
    // Per-fold identification sums (weighted by probes) and pooled pair scores.
    std::vector<int> bestEpochs;
    int64_t probeCount = 0;
    std::vector<double> errBefore, errAfter, wrongBefore, wrongAfter, rejBefore, rejAfter, marginBefore,
        marginAfter;
    PairScores pairsBefore, pairsAfter;
    int64_t prototypeBefore = 0, prototypeAfter = 0;
    for (int f = 0; f < folds; ++f) {
        const auto& [trainRows, probeRows] = splits[static_cast<size_t>(f)];
        RunResult run = fit(x, labels, trainRows, probeRows, freeRows, m_options.epochs, true,
                            f == 0 ? progress : TrainingProgress{}, cancel);
        if (f == 0) {
            result.lossCurve = run.loss;
            result.heldOutErrorCurve = run.error;
            result.epochsRun = run.epochsRun;
            result.secondsPerEpoch = run.epochsRun > 0 ? run.trainSeconds / run.epochsRun : 0.0;
        }
        if (run.cancelled) {
            result.cancelled = true;
            break;
        }
        bestEpochs.push_back(run.bestEpoch);
        const torch::Tensor g = rowsOf(x, trainRows);
        const torch::Tensor p = rowsOf(x, probeRows);
        const std::vector<int> gl = labelsOf(labels, trainRows);
        const std::vector<int> pl = labelsOf(labels, probeRows);
        const auto weight = static_cast<double>(probeRows.size());
        probeCount += static_cast<int64_t>(probeRows.size());
        const IdentificationMetrics b =
            VerificationMetrics::identification(g, gl, p, pl, m_options.rejectBelow);
        const torch::Tensor gp = run.head->project(g);
        const torch::Tensor pp = run.head->project(p);
        const IdentificationMetrics a =
            VerificationMetrics::identification(gp, gl, pp, pl, m_options.rejectBelow);
        errBefore.push_back(b.top1Error * weight);
        errAfter.push_back(a.top1Error * weight);
        wrongBefore.push_back(b.misidentified * weight);
        wrongAfter.push_back(a.misidentified * weight);
        rejBefore.push_back(b.rejected * weight);
        rejAfter.push_back(a.rejected * weight);
        marginBefore.push_back(b.meanMargin * weight);
        marginAfter.push_back(a.meanMargin * weight);
        const PairScores sb = VerificationMetrics::probePairs(p, pl, g, gl);
        const PairScores sa = VerificationMetrics::probePairs(pp, pl, gp, gl);
        prototypeBefore += impostorsReaching(g, gl, p, pl, m_options.prototypeBar);
        prototypeAfter += impostorsReaching(gp, gl, pp, pl, m_options.prototypeBar);
        pairsBefore.scores.insert(pairsBefore.scores.end(), sb.scores.begin(), sb.scores.end());
        pairsBefore.same.insert(pairsBefore.same.end(), sb.same.begin(), sb.same.end());
        pairsAfter.scores.insert(pairsAfter.scores.end(), sa.scores.begin(), sa.scores.end());
        pairsAfter.same.insert(pairsAfter.same.end(), sa.same.begin(), sa.same.end());
    }
    result.validation =
        (kFold ? std::to_string(folds) + "-fold" : "hold-out " + percent(m_options.holdoutShare)) + " (" +
        std::to_string(probeCount) + " probes)" +
        (m_options.usesUnnamedFaces() && !freeRows.empty()
             ? ", " + std::to_string(freeRows.size()) + " unnamed faces kept in their places"
             : std::string());

    ProjectionHeadOptions identity;
    identity.dim = x.size(1);
    identity.kind = m_options.head;
    identity.hidden = m_options.hidden;
    identity.seed = m_options.seed;
    if (result.cancelled) {
        result.head = ProjectionHead(identity);
        result.reason = "cancelled: the embeddings stay as they are";
        result.seconds = secondsSince(start);
        return result;
    }

    auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    const auto probes = static_cast<double>(std::max<int64_t>(1, probeCount));
    auto fill = [&](HeadMetrics& m, const std::vector<double>& err, const std::vector<double>& wrong,
                    const std::vector<double>& rej, const std::vector<double>& margin,
                    const PairScores& pairs) {
        m.identification.probes = probeCount;
        m.identification.top1Error = sum(err) / probes;
        m.identification.misidentified = sum(wrong) / probes;
        m.identification.rejected = sum(rej) / probes;
        m.identification.meanMargin = sum(margin) / probes;
        m.pairs = static_cast<int64_t>(pairs.scores.size());
        m.auc = VerificationMetrics::rocAuc(pairs);
    };
    fill(result.before, errBefore, wrongBefore, rejBefore, marginBefore, pairsBefore);
    fill(result.after, errAfter, wrongAfter, rejAfter, marginAfter, pairsAfter);
    result.before.differentAtPairBar = differentReaching(pairsBefore, m_options.pairBar);
    result.after.differentAtPairBar = differentReaching(pairsAfter, m_options.pairBar);
    result.before.differentAtPrototypeBar = prototypeBefore;
    result.after.differentAtPrototypeBar = prototypeAfter;
    result.before.differentTop = differentQuantile(pairsBefore, kDifferentQuantile);
    result.after.differentTop = differentQuantile(pairsAfter, kDifferentQuantile);
    const bool closer =
        m_options.pairBar <= 1.0f && result.after.differentTop > result.before.differentTop + kDifferentShift;
    const bool lookAlikes =
        closer || moreLookAlikes(result.before.differentAtPairBar, result.after.differentAtPairBar) ||
        moreLookAlikes(result.before.differentAtPrototypeBar, result.after.differentAtPrototypeBar);
    const int64_t negatives = pairsBefore.negatives();
    result.far = negatives >= 1000 ? 1e-3 : negatives >= 100 ? 1e-2 : 1e-1;
    result.before.verification = VerificationMetrics::tarAtFar(pairsBefore, result.far);
    result.after.verification = VerificationMetrics::tarAtFar(pairsAfter, result.far);

    std::sort(bestEpochs.begin(), bestEpochs.end());
    result.bestEpoch = bestEpochs.empty() ? 0 : bestEpochs[bestEpochs.size() / 2];
    const double eb = result.before.identification.top1Error;
    const double ea = result.after.identification.top1Error;
    const double tb = result.before.verification.tar;
    const double ta = result.after.verification.tar;
    const std::string numbers = "held-out top-1 error " + percent(eb) + " -> " + percent(ea) +
                                ", TAR@FAR=" + number(result.far, result.far < 0.01 ? 3 : 2) + " " +
                                number(tb) + " -> " + number(ta) + " (" + result.validation + ")" +
                                (m_options.pairBar <= 1.0f ? ", most alike 1% of different people " +
                                                                 number(result.before.differentTop) + " -> " +
                                                                 number(result.after.differentTop)
                                                           : std::string());
    if (result.bestEpoch == 0) {
        result.reason = "not adopted: no epoch improved on the untrained embeddings; " + numbers;
    } else if (ea > eb) {
        result.reason = "not adopted: identification got worse; " + numbers;
    } else if (ta < tb - m_options.minImprovement) {
        result.reason = "not adopted: verification got worse; " + numbers;
    } else if (!(ea < eb || ta >= tb + m_options.minImprovement)) {
        result.reason = "not adopted: no measurable improvement; " + numbers;
    } else if (lookAlikes) {
        // (the most alike 1 % of different people is in `numbers`)
        result.reason =
            "not adopted: faces of different people come closer (pairs at " + number(m_options.pairBar, 2) +
            ": " + std::to_string(result.before.differentAtPairBar) + " -> " +
            std::to_string(result.after.differentAtPairBar) + ", faces and prototypes at " +
            number(m_options.prototypeBar, 2) + ": " + std::to_string(result.before.differentAtPrototypeBar) +
            " -> " + std::to_string(result.after.differentAtPrototypeBar) + "); " + numbers;
    } else {
        result.adopted = true;
        std::string strangers; // the open-set numbers, when measured
        if (m_options.pairBar <= 1.0f && m_options.strangerFolds > 0) {
            std::vector<std::vector<int64_t>> rowsByPerson;
            for (const auto& [person, rows] : byPerson)
                rowsByPerson.push_back(rows);
            if (!measureStrangers(x, labels, rowsByPerson, freeRows, result.bestEpoch, &result.before,
                                  &result.after, cancel)) {
                result.adopted = false;
                result.cancelled = true;
                result.reason = "cancelled: the embeddings stay as they are";
            } else if (result.before.strangersAtPrototypeBar >= 0) {
                strangers = ", people left out in turn:" +
                            (m_options.prototypeBar <= 1.0f
                                 ? " faces at " + number(m_options.prototypeBar, 2) + " of a prototype " +
                                       std::to_string(result.before.strangersAtPrototypeBar) + " -> " +
                                       std::to_string(result.after.strangersAtPrototypeBar) + ","
                                 : std::string()) +
                            " pairs at " + number(m_options.pairBar, 2) + " " +
                            std::to_string(result.before.strangersAtPairBar) + " -> " +
                            std::to_string(result.after.strangersAtPairBar) + ", most alike 1% " +
                            number(result.before.strangerTop) + " -> " + number(result.after.strangerTop) +
                            ", pairs of one person below " + number(m_options.pairBar, 2) + " " +
                            std::to_string(result.before.strangersApart) + " -> " +
                            std::to_string(result.after.strangersApart) + " of " +
                            std::to_string(result.before.strangerOwnPairs);
                // Pairs, not a count at the prototypes: a head that separates people it never saw (their
                // pairs far apart) can still bring a few of their faces nearer a relative's prototype, and a
                // count of a few is noise.
                if (moreLookAlikes(result.before.strangersAtPairBar, result.after.strangersAtPairBar) ||
                    result.after.strangerTop > result.before.strangerTop + kDifferentShift) {
                    result.adopted = false;
                    result.reason = "not adopted: faces of people it was not trained on come closer to the "
                                    "trained people; " +
                                    numbers + strangers;
                } else if (moreLookAlikes(result.before.strangersApart, result.after.strangersApart)) {
                    result.adopted = false;
                    result.reason = "not adopted: faces of one person it was not trained on move apart; " +
                                    numbers + strangers;
                }
            }
        }
        if (result.adopted)
            result.reason = "adopted: " + numbers + strangers + "; final head trained on all " +
                            std::to_string(allRows.size()) + " faces for " +
                            std::to_string(result.bestEpoch) + " epochs";
    }
    if (result.adopted) {
        RunResult final = fit(x, labels, allRows, {}, freeRows, result.bestEpoch, false, {}, cancel);
        if (final.cancelled) {
            result.cancelled = true;
            result.adopted = false;
            result.reason = "cancelled during the final training: the embeddings stay as they are";
            result.head = ProjectionHead(identity);
        } else {
            result.head = final.head;
        }
    } else {
        result.head = ProjectionHead(identity);
    }
    result.seconds = secondsSince(start);
    return result;
}

} // namespace kindred
