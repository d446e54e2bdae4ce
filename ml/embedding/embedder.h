#pragma once

#include "alignment/chiptemplate.h"

#include <array>
#include <opencv2/core.hpp>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// How two embeddings of one model are compared. Distances are always computed on the L2-normalised
// vectors (what the catalog stores): euclidean = |a - b|, cosine = 1 - a.b (= euclidean^2 / 2).
enum class DistanceMetric { Euclidean, Cosine };

std::string toString(DistanceMetric metric);

// Per-channel input normalisation: value = (pixel - mean[c]) / divisor[c], channels in RGB order.
struct Preprocessing {
    std::array<float, 3> mean{};
    std::array<float, 3> divisor{1.0F, 1.0F, 1.0F};
};

// The result of embedding N crops.
struct EmbeddingBatch {
    torch::Tensor normalized; // N x D float32, each row L2-normalised (zero rows stay zero)
    torch::Tensor norms;      // N float32, the L2 norm of the network's raw (un-normalised) output

    int64_t size() const { return normalized.defined() ? normalized.size(0) : 0; }
    // The network's raw output, N x D (= normalized * norms).
    torch::Tensor raw() const;
    // Row i of `normalized` as a plain vector.
    std::vector<float> vector(int64_t i) const;
};

// One interface for every face embedding network, so that nothing downstream depends on which network
// produced a vector. Input crops are 8-bit RGB (CV_8UC3, R first), already aligned and exactly
// inputSize() x inputSize(). Inference runs under torch::NoGradGuard with the network in eval mode.
//
// Thread safety: one instance per worker thread. embed() on one instance must not run concurrently;
// the configuration setters must not be called while embed() runs.
class Embedder {
public:
    Embedder() = default;
    virtual ~Embedder() = default;
    Embedder(const Embedder&) = delete;
    Embedder& operator=(const Embedder&) = delete;

    // Identifies the network and its weights, e.g. "frnet-dlib-r29@face-api-0.22.5" or
    // "irv1-vggface2@<first 16 hex digits of the checkpoint's SHA-256>". Stored with every embedding.
    virtual std::string modelId() const = 0;
    // Side of the square input crop in pixels.
    virtual int inputSize() const = 0;
    // Where the face's five landmarks go in the input crop (FaceAligner::align); chipTemplate().size ==
    // inputSize().
    virtual ChipTemplate chipTemplate() const = 0;
    // Length of an embedding.
    virtual int dimension() const = 0;
    virtual Preprocessing preprocessing() const = 0;
    virtual DistanceMetric metric() const = 0;
    // Distances (in metric()) at or below this mean "same person".
    virtual double defaultThreshold() const = 0;

    // Embeds the crops in batches of batchSize(). Throws ModelError for a crop of the wrong type or size.
    EmbeddingBatch embed(const std::vector<cv::Mat>& crops);
    // The normalised embeddings as plain vectors.
    std::vector<std::vector<float>> embedVectors(const std::vector<cv::Mat>& crops);

    // The network input for the crops: N x 3 x S x S float32 on the CPU, normalised.
    torch::Tensor toInputTensor(const std::vector<cv::Mat>& crops) const;

    // Distance between two normalised embeddings in this model's metric.
    double distance(const std::vector<float>& a, const std::vector<float>& b) const;
    static double distance(DistanceMetric metric, const float* a, const float* b, int dimension);
    bool isSamePerson(double distance) const { return distance <= defaultThreshold(); }

    // When on, each face is embedded as the mean of the network's outputs for the chip and its mirror image
    // (twice the inference time): measured on the dev set, verification and grouping improve
    // (docs/quality.md). Off by default (parity with the reference implementations).
    bool mirrorAverage() const { return m_mirrorAverage; }
    void setMirrorAverage(bool on) { m_mirrorAverage = on; }

    int batchSize() const { return m_batchSize; }
    void setBatchSize(int batchSize); // >= 1
    torch::Device device() const { return m_device; }
    void setDevice(const torch::Device& device);

    // Centres the image on a black square (face-api.js's padToSquare) and resizes it (bilinear) to
    // size x size. For crops that are not yet square, e.g. when a whole image is treated as the face.
    static cv::Mat fitToSquare(const cv::Mat& rgb, int size);

protected:
    // The network's raw output for a normalised input batch already on device(): N x dimension().
    virtual torch::Tensor forward(const torch::Tensor& input) = 0;
    // Moves the network to the device (called by setDevice).
    virtual void moveTo(const torch::Device& device) = 0;

private:
    int m_batchSize = 32;
    bool m_mirrorAverage = false;
    torch::Device m_device = torch::Device(torch::kCPU);
};

} // namespace kindred
