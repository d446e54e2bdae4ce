#pragma once

#include <cstdint>
#include <functional>
#include <torch/torch.h>

namespace kindred {

// The k most similar base rows of each query row. indices: N x k int64 (-1 where fewer than k
// candidates exist); similarities: N x k float32 cosine similarities, in decreasing order (-inf padding).
struct KnnResult {
    torch::Tensor indices;
    torch::Tensor similarities;
};

// Brute-force cosine neighbours on L2-normalised rows, computed in row blocks so that memory stays
// bounded: one block is at most maxBlockBytes of similarities (rows x base rows x 4 bytes), whatever N.
class KnnGraph {
public:
    static constexpr int64_t kDefaultBlockBytes = 128ll << 20;

    // Rows per block for a base of `columns` rows (at least 1).
    static int64_t blockRows(int64_t columns, int64_t maxBlockBytes);

    // Calls visit(firstRow, similarities) for consecutive row blocks of queries, where similarities is
    // queries[firstRow : firstRow + rows] x base^T (float32, contiguous). Both inputs must be float32 CPU.
    static void forEachBlock(const torch::Tensor& queries, const torch::Tensor& base, int64_t maxBlockBytes,
                             const std::function<void(int64_t, torch::Tensor&)>& visit);

    // Blocked top-k. excludeSelf (queries and base are the same rows): a row is never its own neighbour.
    static KnnResult topK(const torch::Tensor& queries, const torch::Tensor& base, int64_t k,
                          bool excludeSelf, int64_t maxBlockBytes = kDefaultBlockBytes);
};

} // namespace kindred
