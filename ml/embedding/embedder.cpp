#include "embedding/embedder.h"

#include "common/modelerror.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace kindred {

std::string toString(DistanceMetric metric)
{
    return metric == DistanceMetric::Cosine ? "cosine" : "euclidean";
}

torch::Tensor EmbeddingBatch::raw() const
{
    if (!normalized.defined())
        return {};
    return normalized * norms.unsqueeze(1);
}

std::vector<float> EmbeddingBatch::vector(int64_t i) const
{
    const torch::Tensor row = normalized[i].contiguous().to(torch::kFloat32);
    const float* data = row.data_ptr<float>();
    return {data, data + row.numel()};
}

void Embedder::setBatchSize(int batchSize)
{
    if (batchSize < 1)
        throw std::invalid_argument("batch size must be at least 1");
    m_batchSize = batchSize;
}

void Embedder::setDevice(const torch::Device& device)
{
    moveTo(device);
    m_device = device;
}

torch::Tensor Embedder::toInputTensor(const std::vector<cv::Mat>& crops) const
{
    const int size = inputSize();
    const Preprocessing prep = preprocessing();
    torch::Tensor batch = torch::empty({static_cast<int64_t>(crops.size()), 3, size, size}, torch::kFloat32);
    for (size_t n = 0; n < crops.size(); ++n) {
        const cv::Mat& crop = crops[n];
        if (crop.empty() || crop.type() != CV_8UC3)
            throw ModelError(modelId() + ": face crop " + std::to_string(n) +
                             " must be an 8-bit, 3-channel RGB image (CV_8UC3)");
        if (crop.cols != size || crop.rows != size)
            throw ModelError(modelId() + ": face crop " + std::to_string(n) + " is " +
                             std::to_string(crop.cols) + "x" + std::to_string(crop.rows) + ", expected " +
                             std::to_string(size) + "x" + std::to_string(size));
        float* out = batch[static_cast<int64_t>(n)].data_ptr<float>();
        const size_t plane = static_cast<size_t>(size) * static_cast<size_t>(size);
        for (int y = 0; y < size; ++y) {
            const auto* row = crop.ptr<cv::Vec3b>(y);
            for (int x = 0; x < size; ++x) {
                const size_t i = static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x);
                for (int c = 0; c < 3; ++c)
                    out[static_cast<size_t>(c) * plane + i] =
                        (static_cast<float>(row[x][c]) - prep.mean[static_cast<size_t>(c)]) /
                        prep.divisor[static_cast<size_t>(c)];
            }
        }
    }
    return batch;
}

EmbeddingBatch Embedder::embed(const std::vector<cv::Mat>& crops)
{
    torch::NoGradGuard noGrad;
    EmbeddingBatch result;
    const int64_t total = static_cast<int64_t>(crops.size());
    if (total == 0) {
        result.normalized = torch::zeros({0, dimension()}, torch::kFloat32);
        result.norms = torch::zeros({0}, torch::kFloat32);
        return result;
    }
    std::vector<torch::Tensor> outputs;
    for (int64_t start = 0; start < total; start += m_batchSize) {
        const int64_t end = std::min(total, start + m_batchSize);
        const std::vector<cv::Mat> chunk(crops.begin() + start, crops.begin() + end);
        torch::Tensor input = toInputTensor(chunk).to(m_device);
        torch::Tensor out;
        try {
            out = forward(input);
            if (m_mirrorAverage)
                out = 0.5 * (out + forward(input.flip({3})));
        } catch (const c10::Error& e) {
            throw ModelError(modelId() + ": inference failed: " + e.what_without_backtrace());
        }
        if (out.dim() != 2 || out.size(0) != end - start || out.size(1) != dimension())
            throw ModelError(modelId() + ": the network produced an output of an unexpected shape");
        outputs.push_back(out.to(torch::kCPU, torch::kFloat32));
    }
    const torch::Tensor raw = torch::cat(outputs, 0);
    result.norms = raw.norm(2, {1});
    result.normalized = (raw / result.norms.clamp_min(1e-12).unsqueeze(1)).contiguous();
    return result;
}

std::vector<std::vector<float>> Embedder::embedVectors(const std::vector<cv::Mat>& crops)
{
    const EmbeddingBatch batch = embed(crops);
    std::vector<std::vector<float>> vectors;
    vectors.reserve(static_cast<size_t>(batch.size()));
    for (int64_t i = 0; i < batch.size(); ++i)
        vectors.push_back(batch.vector(i));
    return vectors;
}

double Embedder::distance(DistanceMetric metric, const float* a, const float* b, int dimension)
{
    if (metric == DistanceMetric::Cosine) {
        double dot = 0.0;
        for (int i = 0; i < dimension; ++i)
            dot += static_cast<double>(a[i]) * static_cast<double>(b[i]);
        return 1.0 - dot;
    }
    double sum = 0.0;
    for (int i = 0; i < dimension; ++i) {
        const double d = static_cast<double>(a[i]) - static_cast<double>(b[i]);
        sum += d * d;
    }
    return std::sqrt(sum);
}

double Embedder::distance(const std::vector<float>& a, const std::vector<float>& b) const
{
    if (a.size() != b.size() || static_cast<int>(a.size()) != dimension())
        throw ModelError(modelId() + ": embeddings of length " + std::to_string(a.size()) + " and " +
                         std::to_string(b.size()) + " cannot be compared (expected " +
                         std::to_string(dimension()) + ")");
    return distance(metric(), a.data(), b.data(), dimension());
}

cv::Mat Embedder::fitToSquare(const cv::Mat& rgb, int size)
{
    if (rgb.empty() || rgb.type() != CV_8UC3)
        throw ModelError("fitToSquare needs an 8-bit, 3-channel image");
    const int side = std::max(rgb.cols, rgb.rows);
    // As face-api.js: the smaller half of the padding goes first (before), the rounded half after.
    const int diff = side - std::min(rgb.cols, rgb.rows);
    const int after = static_cast<int>(std::lround(diff * 0.5));
    const int before = diff - after;
    cv::Mat square;
    if (rgb.cols < rgb.rows)
        cv::copyMakeBorder(rgb, square, 0, 0, before, after, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    else
        cv::copyMakeBorder(rgb, square, before, after, 0, 0, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    if (square.cols == size)
        return square;
    cv::Mat resized;
    cv::resize(square, resized, cv::Size(size, size), 0, 0, cv::INTER_LINEAR);
    return resized;
}

} // namespace kindred
