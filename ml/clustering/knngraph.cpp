#include "clustering/knngraph.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace kindred {

int64_t KnnGraph::blockRows(int64_t columns, int64_t maxBlockBytes)
{
    const int64_t bytesPerRow = std::max<int64_t>(1, columns) * static_cast<int64_t>(sizeof(float));
    return std::max<int64_t>(1, maxBlockBytes / bytesPerRow);
}

void KnnGraph::forEachBlock(const torch::Tensor& queries, const torch::Tensor& base, int64_t maxBlockBytes,
                            const std::function<void(int64_t, torch::Tensor&)>& visit)
{
    if (queries.dim() != 2 || base.dim() != 2 || queries.size(1) != base.size(1))
        throw std::invalid_argument(
            "KnnGraph: queries and base must be matrices with the same number of columns");
    torch::NoGradGuard noGrad;
    const int64_t n = queries.size(0);
    const int64_t rows = blockRows(base.size(0), maxBlockBytes);
    const torch::Tensor baseT = base.t();
    for (int64_t first = 0; first < n; first += rows) {
        const int64_t count = std::min(rows, n - first);
        torch::Tensor block = torch::matmul(queries.narrow(0, first, count), baseT).contiguous();
        visit(first, block);
    }
}

KnnResult KnnGraph::topK(const torch::Tensor& queries, const torch::Tensor& base, int64_t k, bool excludeSelf,
                         int64_t maxBlockBytes)
{
    if (k < 1)
        throw std::invalid_argument("KnnGraph::topK: k must be at least 1");
    if (excludeSelf && queries.size(0) != base.size(0))
        throw std::invalid_argument("KnnGraph::topK: excludeSelf needs the queries to be the base rows");
    const int64_t n = queries.size(0);
    const int64_t available = base.size(0) - (excludeSelf ? 1 : 0);
    const int64_t kk = std::min(k, std::max<int64_t>(0, available));
    KnnResult result;
    result.indices = torch::full({n, k}, -1, torch::kInt64);
    result.similarities = torch::full({n, k}, -std::numeric_limits<float>::infinity(), torch::kFloat32);
    if (kk == 0 || n == 0)
        return result;
    forEachBlock(queries, base, maxBlockBytes, [&](int64_t first, torch::Tensor& block) {
        if (excludeSelf) {
            const int64_t rows = block.size(0);
            const torch::Tensor r = torch::arange(rows, torch::kInt64);
            block.index_put_({r, r + first}, -std::numeric_limits<float>::infinity());
        }
        const auto [values, indices] = torch::topk(block, kk, 1, true, true);
        result.similarities.narrow(0, first, block.size(0)).narrow(1, 0, kk).copy_(values);
        result.indices.narrow(0, first, block.size(0)).narrow(1, 0, kk).copy_(indices);
    });
    return result;
}

} // namespace kindred
