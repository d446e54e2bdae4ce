#pragma once

#include "alignment/facealigner.h"
#include "embedding/edgenext.h"
#include "embedding/embedder.h"
#include "weights/tensormap.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kindred {

// EdgeFace (Idiap; George, Ecabert, Otroshi Shahreza, Kotwal, Marcel 2024): an EdgeNeXt network trained for
// face recognition, 512-d, 112 x 112 ArcFace-aligned input, compared by cosine similarity. Two sizes: XS and
// XXS. The weights are the authors' int8 dynamically quantized state dicts (edgeface_xs_q.pt,
// edgeface_xxs_q.pt; BSD 3-Clause), read by Checkpoint and dequantized to float at load; their SHA-256 is
// pinned (a different file is refused).
class EdgeFaceEmbedder : public Embedder {
public:
    enum class Variant { XS, XXS };

    static constexpr int kInputSize = 112;
    static constexpr int kDimension = 512;

    // "edgeface-xs" / "edgeface-xxs".
    static std::string nameOf(Variant variant);
    // The weight file's name in the models folder and its pinned SHA-256.
    static std::string fileNameOf(Variant variant);
    static std::string pinnedSha256(Variant variant);
    static EdgeNextConfig configOf(Variant variant);

    // Loads the variant's pinned file from the models folder (fileNameOf). Throws ModelError when it is
    // missing, does not match its pin or does not fit the network.
    static std::unique_ptr<EdgeFaceEmbedder> fromModelDir(const std::filesystem::path& modelDir,
                                                          Variant variant);
    // Loads a weight file; it must be one of the pinned files of `variant`.
    static std::unique_ptr<EdgeFaceEmbedder> fromFile(const std::filesystem::path& file, Variant variant);

    // From a loaded state dict (timm names, with or without the "model." prefix, dequantized).
    EdgeFaceEmbedder(const TensorMap& stateDict, Variant variant, std::string modelId);

    std::string modelId() const override { return m_modelId; }
    int inputSize() const override { return kInputSize; }
    ChipTemplate chipTemplate() const override { return FaceAligner::arcfaceChip(kInputSize); }
    int dimension() const override { return kDimension; }
    Preprocessing preprocessing() const override;
    DistanceMetric metric() const override { return DistanceMetric::Cosine; }
    double defaultThreshold() const override;

    Variant variant() const { return m_variant; }
    EdgeNext network() const { return m_net; }

protected:
    torch::Tensor forward(const torch::Tensor& input) override;
    void moveTo(const torch::Device& device) override;

private:
    EdgeNext m_net{nullptr};
    Variant m_variant;
    std::string m_modelId;
};

} // namespace kindred
