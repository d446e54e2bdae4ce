#include "training/tripletminer.h"

#include <stdexcept>
#include <vector>

namespace kindred {

Triplets TripletMiner::mine(const torch::Tensor& distances, const torch::Tensor& labels,
                            MiningStrategy strategy, double margin)
{
    if (distances.dim() != 2 || distances.size(0) != distances.size(1) || labels.dim() != 1 ||
        labels.size(0) != distances.size(0))
        throw std::invalid_argument("TripletMiner: expected a B x B distance matrix and B labels");
    const torch::Tensor d = distances.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    const torch::Tensor l = labels.to(torch::kCPU, torch::kInt64).contiguous();
    const auto dist = d.accessor<double, 2>();
    const auto lab = l.accessor<int64_t, 1>();
    const int64_t b = d.size(0);
    std::vector<int64_t> as;
    std::vector<int64_t> ps;
    std::vector<int64_t> ns;
    for (int64_t a = 0; a < b; ++a) {
        if (strategy == MiningStrategy::BatchHard) {
            int64_t p = -1;
            int64_t n = -1;
            for (int64_t j = 0; j < b; ++j) {
                if (j == a)
                    continue;
                if (lab[j] == lab[a]) {
                    if (p < 0 || dist[a][j] > dist[a][p])
                        p = j;
                } else if (n < 0 || dist[a][j] < dist[a][n]) {
                    n = j;
                }
            }
            if (p >= 0 && n >= 0) {
                as.push_back(a);
                ps.push_back(p);
                ns.push_back(n);
            }
            continue;
        }
        for (int64_t p = 0; p < b; ++p) {
            if (p == a || lab[p] != lab[a])
                continue;
            const double dap = dist[a][p];
            int64_t semi = -1;     // smallest d(a,n) in (dap, dap + margin)
            int64_t fallback = -1; // largest d(a,n) <= dap
            for (int64_t n = 0; n < b; ++n) {
                if (lab[n] == lab[a])
                    continue;
                const double dan = dist[a][n];
                if (dan > dap && dan < dap + margin) {
                    if (semi < 0 || dan < dist[a][semi])
                        semi = n;
                } else if (dan <= dap) {
                    if (fallback < 0 || dan > dist[a][fallback])
                        fallback = n;
                }
            }
            const int64_t n = semi >= 0 ? semi : fallback;
            if (n >= 0) {
                as.push_back(a);
                ps.push_back(p);
                ns.push_back(n);
            }
        }
    }
    Triplets t;
    t.anchors = torch::tensor(as, torch::kInt64);
    t.positives = torch::tensor(ps, torch::kInt64);
    t.negatives = torch::tensor(ns, torch::kInt64);
    return t;
}

} // namespace kindred
