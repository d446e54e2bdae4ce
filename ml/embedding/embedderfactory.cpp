#include "embedding/embedderfactory.h"

#include "common/modelerror.h"
#include "embedding/edgefaceembedder.h"
#include "embedding/facerecognitionembedder.h"
#include "embedding/inceptionresnetv1embedder.h"

#include <optional>
#include <stdexcept>

namespace kindred {

namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.rfind(prefix, 0) == 0;
}

// FaceRecognitionNet: "frnet" or a stored "frnet-..." id.
bool isFrnet(const std::string& model)
{
    return model == "frnet" || startsWith(model, "frnet-");
}

// The EdgeFace size a name ("edgeface-xs") or a stored id ("edgeface-xs@<hash>") stands for.
std::optional<EdgeFaceEmbedder::Variant> edgeFaceVariant(const std::string& model)
{
    for (const auto variant : {EdgeFaceEmbedder::Variant::XS, EdgeFaceEmbedder::Variant::XXS}) {
        const std::string name = EdgeFaceEmbedder::nameOf(variant);
        if (model == name || startsWith(model, name + "@"))
            return variant;
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> EmbedderFactory::modelNames()
{
    return {"frnet", "edgeface-xs", "edgeface-xxs", "irv1"};
}

std::string EmbedderFactory::defaultModel()
{
    // Chosen with the quality harness on every dev-set kind (docs/quality.md, section 7).
    return "edgeface-xs";
}

namespace {

// The model name create() uses for a spec.
std::string resolvedModel(const EmbedderSpec& spec)
{
    if (!spec.model.empty())
        return spec.model;
    if (spec.modelFile.empty())
        return EmbedderFactory::defaultModel();
    return spec.modelFile.extension() == ".json" ? "frnet" : "irv1";
}

} // namespace

std::string EmbedderFactory::expectedModelId(const EmbedderSpec& spec)
{
    const std::string model = resolvedModel(spec);
    if (!spec.modelFile.empty())
        return {};
    if (isFrnet(model))
        return FaceRecognitionEmbedder::kModelId;
    if (const auto variant = edgeFaceVariant(model))
        return EdgeFaceEmbedder::nameOf(*variant) + "@" +
               EdgeFaceEmbedder::pinnedSha256(*variant).substr(0, 16);
    return {};
}

std::unique_ptr<Embedder> EmbedderFactory::create(const EmbedderSpec& spec)
{
    const std::string model = resolvedModel(spec);

    if (isFrnet(model)) {
        if (!spec.modelFile.empty())
            return FaceRecognitionEmbedder::fromManifest(spec.modelFile);
        if (spec.modelDir.empty())
            throw ModelError("FaceRecognitionNet needs the model pack folder or a manifest file");
        return FaceRecognitionEmbedder::fromModelPack(spec.modelDir);
    }
    if (const auto variant = edgeFaceVariant(model)) {
        if (!spec.modelFile.empty())
            return EdgeFaceEmbedder::fromFile(spec.modelFile, *variant);
        if (spec.modelDir.empty())
            throw ModelError(EdgeFaceEmbedder::nameOf(*variant) +
                             " needs the models folder or its weight file");
        return EdgeFaceEmbedder::fromModelDir(spec.modelDir, *variant);
    }
    if (model == "irv1" || startsWith(model, "irv1-")) {
        if (spec.modelFile.empty())
            throw ModelError(
                "InceptionResnetV1 weights are not part of the model pack: give the checkpoint file "
                "(e.g. 20180402-114759-vggface2.pt from facenet-pytorch's releases)");
        auto embedder = InceptionResnetV1Embedder::fromCheckpoint(spec.modelFile);
        if (model.find('@') != std::string::npos && model != embedder->modelId())
            throw ModelError("the checkpoint " + spec.modelFile.string() + " is " + embedder->modelId() +
                             ", not " + model);
        return embedder;
    }
    throw std::invalid_argument("unknown embedding model '" + spec.model +
                                "' (known: frnet, edgeface-xs, edgeface-xxs, irv1)");
}

} // namespace kindred
