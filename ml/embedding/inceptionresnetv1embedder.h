#pragma once

#include "alignment/facealigner.h"
#include "embedding/embedder.h"
#include "embedding/inceptionresnetv1.h"
#include "weights/tensormap.h"

#include <filesystem>
#include <memory>
#include <string>

namespace kindred {

// FaceNet embeddings with facenet-pytorch's InceptionResnetV1 (512-d, 160x160 input) from a user-supplied
// checkpoint (e.g. 20180402-114759-vggface2.pt), in torch's zip or legacy format. A `logits` head in the
// checkpoint is kept (its class count is read from the file) but never used for embeddings.
// Distances are cosine distances between the L2-normalised embeddings.
class InceptionResnetV1Embedder : public Embedder {
public:
    static constexpr int kInputSize = 160;
    static constexpr int kDimension = 512;
    // facenet's LFW validation threshold (squared L2 ~1.1 between unit vectors) as a cosine distance.
    static constexpr double kDefaultThreshold = 0.55;

    // Loads a checkpoint (zip or legacy). The model id is "irv1-<variant>@<first 16 hex digits of the file's
    // SHA-256>", variant "vggface2" (8631 classes), "casia-webface" (10575) or "custom".
    static std::unique_ptr<InceptionResnetV1Embedder> fromCheckpoint(const std::filesystem::path& file);

    // From a loaded state dict. Throws ModelError when a tensor is missing, has the wrong shape or is
    // unknown.
    InceptionResnetV1Embedder(const TensorMap& stateDict, std::string modelId);

    // "vggface2", "casia-webface" or "custom" for a logits layer of `classes` classes (0 = none).
    static std::string variantFor(int64_t classes);

    std::string modelId() const override { return m_modelId; }
    int inputSize() const override { return kInputSize; }
    ChipTemplate chipTemplate() const override { return FaceAligner::boxChip(kInputSize, 32); }
    int dimension() const override { return kDimension; }
    Preprocessing preprocessing() const override;
    DistanceMetric metric() const override { return DistanceMetric::Cosine; }
    double defaultThreshold() const override { return kDefaultThreshold; }

    InceptionResnetV1 network() const { return m_net; }

protected:
    torch::Tensor forward(const torch::Tensor& input) override;
    void moveTo(const torch::Device& device) override;

private:
    InceptionResnetV1 m_net{nullptr};
    std::string m_modelId;
};

} // namespace kindred
