#pragma once

#include "embedding/embedder.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kindred {

// Builds an embedder from a user's choice, e.g. the CLI's --model / --model-file:
//   model "frnet" (or its full id "frnet-dlib-r29@face-api-0.22.5", or empty): FaceRecognitionNet from the
//     model pack in modelDir (pins verified), or from modelFile when that is a TF.js manifest (*.json);
//   model "edgeface-xs" / "edgeface-xxs" (or their "...@<hash>" ids): EdgeFace from its pinned weight file in
//     modelDir (edgeface_xs_q.pt / edgeface_xxs_q.pt), or modelFile when given (it must match the pin);
//   model "irv1" (or any "irv1-..." id): InceptionResnetV1 from modelFile (a PyTorch checkpoint).
//   An empty model with a modelFile picks the network by the file: *.json = FRNet, anything else = IRV1.
struct EmbedderSpec {
    std::string model;
    std::filesystem::path modelFile;
    std::filesystem::path modelDir;
};

class EmbedderFactory {
public:
    // Throws ModelError (unusable or missing weights) or std::invalid_argument (unknown model name).
    static std::unique_ptr<Embedder> create(const EmbedderSpec& spec);
    // The model names create() accepts, for help texts.
    static std::vector<std::string> modelNames();
    // The network an empty model name stands for (the measured best: docs/quality.md).
    static std::string defaultModel();
    // The modelId() create(spec) would give, without loading the weights; empty when only loading can tell
    // (a user-supplied weight file).
    static std::string expectedModelId(const EmbedderSpec& spec);
};

} // namespace kindred
