#include "embedding/edgefaceembedder.h"

#include "common/modelerror.h"
#include "weights/checkpoint.h"
#include "weights/sha256.h"
#include "weights/statedict.h"

namespace kindred {

std::string EdgeFaceEmbedder::nameOf(Variant variant)
{
    return variant == Variant::XS ? "edgeface-xs" : "edgeface-xxs";
}

std::string EdgeFaceEmbedder::fileNameOf(Variant variant)
{
    return variant == Variant::XS ? "edgeface_xs_q.pt" : "edgeface_xxs_q.pt";
}

std::string EdgeFaceEmbedder::pinnedSha256(Variant variant)
{
    return variant == Variant::XS ? "a31314377876ab9fa2a75e5638bc528efe79fd17d5c9c0a228fb7f846d7581a6"
                                  : "46be7cc7e8d6e23501c0627fe5fbef101922ee9b85ccbef476987ab1a320b053";
}

EdgeNextConfig EdgeFaceEmbedder::configOf(Variant variant)
{
    return variant == Variant::XS ? EdgeNextConfig::xs() : EdgeNextConfig::xxs();
}

std::unique_ptr<EdgeFaceEmbedder> EdgeFaceEmbedder::fromModelDir(const std::filesystem::path& modelDir,
                                                                 Variant variant)
{
    const std::filesystem::path file = modelDir / fileNameOf(variant);
    if (!std::filesystem::is_regular_file(file))
        throw ModelError(nameOf(variant) + ": the weights " + file.string() +
                         " are missing (scripts/fetch-models.sh installs them)");
    return fromFile(file, variant);
}

std::unique_ptr<EdgeFaceEmbedder> EdgeFaceEmbedder::fromFile(const std::filesystem::path& file,
                                                             Variant variant)
{
    if (!std::filesystem::is_regular_file(file))
        throw ModelError(file.string() + ": no such weight file");
    const std::string hash = Sha256::hexOfFile(file);
    if (hash != pinnedSha256(variant))
        throw ModelError(file.string() + " is not the pinned " + nameOf(variant) + " weight file (SHA-256 " +
                         hash + ", expected " + pinnedSha256(variant) + ")");
    return std::make_unique<EdgeFaceEmbedder>(Checkpoint::load(file), variant,
                                              nameOf(variant) + "@" + hash.substr(0, 16));
}

EdgeFaceEmbedder::EdgeFaceEmbedder(const TensorMap& stateDict, Variant variant, std::string modelId)
    : m_net(configOf(variant)), m_variant(variant), m_modelId(std::move(modelId))
{
    // EdgeFace wraps timm's network as "model".
    TensorMap state;
    for (const auto& [name, value] : stateDict)
        state[name.rfind("model.", 0) == 0 ? name.substr(6) : name] = value;
    StateDict::load(*m_net, state, nameOf(variant) + " weights (" + m_modelId + ")");
    m_net->eval();
}

Preprocessing EdgeFaceEmbedder::preprocessing() const
{
    // (x / 255 - 0.5) / 0.5
    return {{127.5F, 127.5F, 127.5F}, {127.5F, 127.5F, 127.5F}};
}

double EdgeFaceEmbedder::defaultThreshold() const
{
    // Cosine distance of the best 10-fold verification threshold on the dev set (eval-library,
    // mirror-averaged ArcFace chips): XS similarity 0.216 on PINS and on CFP, XXS 0.215 / 0.232
    // (docs/quality.md).
    return m_variant == Variant::XS ? 0.784 : 0.777;
}

torch::Tensor EdgeFaceEmbedder::forward(const torch::Tensor& input)
{
    return m_net->forward(input);
}

void EdgeFaceEmbedder::moveTo(const torch::Device& device)
{
    m_net->to(device);
}

} // namespace kindred
