#include "clustering/averagelinkage.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace kindred {

std::vector<int> AverageLinkage::cluster(const torch::Tensor& embeddings, float minSimilarity,
                                         const std::vector<int64_t>& cannotLink)
{
    if (embeddings.dim() != 2)
        throw std::invalid_argument("average linkage: embeddings must be n x d");
    const int64_t n = embeddings.size(0);
    if (!cannotLink.empty() && int64_t(cannotLink.size()) != n)
        throw std::invalid_argument("average linkage: one cannot-link id per face");
    if (n == 0)
        return {};
    constexpr float kNever = -std::numeric_limits<float>::infinity();
    torch::NoGradGuard noGrad;
    const torch::Tensor e = embeddings.to(torch::kFloat32).contiguous();
    torch::Tensor simTensor = torch::mm(e, e.t()).contiguous();
    float* s = simTensor.data_ptr<float>();
    const auto at = [&](int64_t a, int64_t b) -> float& { return s[a * n + b]; };

    std::vector<int64_t> size(static_cast<size_t>(n), 1);
    std::vector<std::vector<int64_t>> links(static_cast<size_t>(n)); // sorted cannot-link ids per group
    for (int64_t i = 0; i < n; ++i) {
        at(i, i) = kNever;
        if (!cannotLink.empty() && cannotLink[size_t(i)] >= 0)
            links[size_t(i)] = {cannotLink[size_t(i)]};
    }
    // Faces sharing an id start apart for good.
    if (!cannotLink.empty()) {
        std::vector<int64_t> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](int64_t a, int64_t b) { return cannotLink[size_t(a)] < cannotLink[size_t(b)]; });
        for (size_t i = 0; i < order.size();) {
            size_t j = i;
            while (j < order.size() && cannotLink[size_t(order[j])] == cannotLink[size_t(order[i])])
                ++j;
            if (cannotLink[size_t(order[i])] >= 0)
                for (size_t a = i; a < j; ++a)
                    for (size_t b = i; b < j; ++b)
                        if (a != b)
                            at(order[a], order[b]) = kNever;
            i = j;
        }
    }

    std::vector<int64_t> parent(static_cast<size_t>(n));
    std::iota(parent.begin(), parent.end(), 0); // union-find over the original faces
    const auto find = [&](int64_t x) {
        while (parent[size_t(x)] != x)
            x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        return x;
    };
    std::vector<char> active(static_cast<size_t>(n), 1); // groups that may still merge
    int64_t activeCount = n;
    std::vector<int64_t> chain;
    int64_t scan = 0; // next candidate to start a chain from
    while (activeCount > 1) {
        if (chain.empty()) {
            while (!active[size_t(scan)])
                ++scan;
            chain.push_back(scan);
        }
        const int64_t a = chain.back();
        const int64_t previous = chain.size() >= 2 ? chain[chain.size() - 2] : -1;
        int64_t best = -1;
        float bestSim = kNever;
        for (int64_t c = 0; c < n; ++c) {
            if (!active[size_t(c)] || c == a)
                continue;
            const float v = at(a, c);
            if (v > bestSim || (v == bestSim && c == previous)) {
                bestSim = v;
                best = c;
            }
        }
        if (best < 0 || bestSim < minSimilarity) {
            // No neighbour close enough: merges elsewhere only lower its linkages, so it is final.
            active[size_t(a)] = 0;
            --activeCount;
            chain.pop_back();
            continue;
        }
        if (best != previous) {
            chain.push_back(best);
            continue;
        }
        // a and best are each other's nearest: merge best into a.
        chain.pop_back();
        chain.pop_back();
        const int64_t b = best;
        const float wa = float(size[size_t(a)]), wb = float(size[size_t(b)]);
        std::vector<int64_t> merged;
        std::set_union(links[size_t(a)].begin(), links[size_t(a)].end(), links[size_t(b)].begin(),
                       links[size_t(b)].end(), std::back_inserter(merged));
        for (int64_t c = 0; c < n; ++c) {
            if (!active[size_t(c)] || c == a || c == b)
                continue;
            const float v = (at(a, c) == kNever || at(b, c) == kNever)
                                ? kNever
                                : (wa * at(a, c) + wb * at(b, c)) / (wa + wb);
            at(a, c) = at(c, a) = v;
        }
        size[size_t(a)] += size[size_t(b)];
        links[size_t(a)] = std::move(merged);
        links[size_t(b)].clear();
        active[size_t(b)] = 0;
        --activeCount;
        parent[size_t(b)] = a;
    }

    // Number groups by decreasing size.
    std::vector<int64_t> root(static_cast<size_t>(n));
    std::vector<int64_t> count(static_cast<size_t>(n), 0);
    for (int64_t i = 0; i < n; ++i) {
        root[size_t(i)] = find(i);
        ++count[size_t(root[size_t(i)])];
    }
    std::vector<int64_t> roots;
    for (int64_t i = 0; i < n; ++i)
        if (root[size_t(i)] == i)
            roots.push_back(i);
    std::stable_sort(roots.begin(), roots.end(),
                     [&](int64_t x, int64_t y) { return count[size_t(x)] > count[size_t(y)]; });
    std::vector<int> id(static_cast<size_t>(n), -1);
    for (size_t k = 0; k < roots.size(); ++k)
        id[size_t(roots[k])] = int(k);
    std::vector<int> labels(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        labels[size_t(i)] = id[size_t(root[size_t(i)])];
    return labels;
}

} // namespace kindred
