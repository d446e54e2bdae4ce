#include "embedding/facerecognitionembedder.h"

#include "common/modelerror.h"
#include "weights/sha256.h"
#include "weights/statedict.h"
#include "weights/tfjsweights.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace kindred {

namespace {

// The SHA-256 of the manifest and of each shard it names, in that order.
std::vector<std::pair<std::string, std::string>> hashesOf(const std::filesystem::path& manifest)
{
    std::vector<std::pair<std::string, std::string>> hashes;
    hashes.emplace_back(manifest.filename().string(), Sha256::hexOfFile(manifest));
    std::ifstream in(manifest);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw ModelError(manifest.string() + ": not a TF.js weight manifest (" + e.what() + ")");
    }
    if (!json.is_array())
        throw ModelError(manifest.string() + ": not a TF.js weight manifest");
    for (const auto& group : json) {
        if (!group.is_object() || !group.contains("paths") || !group["paths"].is_array())
            throw ModelError(manifest.string() + ": a weight group has no shard list");
        for (const auto& path : group["paths"]) {
            const std::string name = path.get<std::string>();
            hashes.emplace_back(name, Sha256::hexOfFile(manifest.parent_path() / name));
        }
    }
    return hashes;
}

} // namespace

const std::map<std::string, std::string>& FaceRecognitionEmbedder::pinnedSha256()
{
    static const std::map<std::string, std::string> pins = {
        {"face_recognition_model-weights_manifest.json",
         "6619f4126f845c1f7857f39cbd79565f375734f46e0dd25d9602f8dc21cda9f5"},
        {"face_recognition_model-shard1", "412566a2b8d814d84c60b8055ec5d3b3b2328ef7cd7853384e03ec3db7b053d8"},
        {"face_recognition_model-shard2", "69350fdecd845c532e44dd8f7d0521c773505ef46b87cc34f46640a0cc334ecc"},
    };
    return pins;
}

std::unique_ptr<FaceRecognitionEmbedder>
FaceRecognitionEmbedder::fromModelPack(const std::filesystem::path& modelDir)
{
    const std::filesystem::path manifest = modelDir / kManifestFileName;
    return std::make_unique<FaceRecognitionEmbedder>(TfjsWeights::load(manifest, pinnedSha256()), kModelId);
}

std::unique_ptr<FaceRecognitionEmbedder>
FaceRecognitionEmbedder::fromManifest(const std::filesystem::path& manifest)
{
    if (!std::filesystem::is_regular_file(manifest))
        throw ModelError(manifest.string() + ": no such weight manifest");
    const auto hashes = hashesOf(manifest);
    bool pinned = true;
    Sha256 combined;
    for (const auto& [name, hash] : hashes) {
        const auto pin = pinnedSha256().find(name);
        pinned = pinned && pin != pinnedSha256().end() && pin->second == hash;
        combined.update(hash);
    }
    pinned = pinned && hashes.size() == pinnedSha256().size();
    const std::string id =
        pinned ? std::string(kModelId) : "frnet-dlib-r29@" + combined.hexDigest().substr(0, 16);
    return std::make_unique<FaceRecognitionEmbedder>(TfjsWeights::load(manifest), id);
}

FaceRecognitionEmbedder::FaceRecognitionEmbedder(const TensorMap& tfjsWeights, std::string modelId)
    : m_modelId(std::move(modelId))
{
    StateDict::load(*m_net, FaceRecognitionNetImpl::stateDictFromTfjs(tfjsWeights),
                    "face recognition weights (" + m_modelId + ")");
    m_net->eval();
}

Preprocessing FaceRecognitionEmbedder::preprocessing() const
{
    return {{122.782F, 117.001F, 104.298F}, {256.0F, 256.0F, 256.0F}};
}

torch::Tensor FaceRecognitionEmbedder::forward(const torch::Tensor& input)
{
    return m_net->forward(input);
}

void FaceRecognitionEmbedder::moveTo(const torch::Device& device)
{
    m_net->to(device);
}

} // namespace kindred
