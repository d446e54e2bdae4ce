#include "embedding/inceptionresnetv1embedder.h"

#include "common/modelerror.h"
#include "weights/checkpoint.h"
#include "weights/sha256.h"
#include "weights/statedict.h"

namespace kindred {

std::string InceptionResnetV1Embedder::variantFor(int64_t classes)
{
    if (classes == 8631)
        return "vggface2";
    if (classes == 10575)
        return "casia-webface";
    return "custom";
}

std::unique_ptr<InceptionResnetV1Embedder>
InceptionResnetV1Embedder::fromCheckpoint(const std::filesystem::path& file)
{
    if (!std::filesystem::is_regular_file(file))
        throw ModelError(file.string() + ": no such checkpoint file");
    const TensorMap state = Checkpoint::load(file);
    const std::string hash = Sha256::hexOfFile(file);
    const std::string id =
        "irv1-" + variantFor(InceptionResnetV1Impl::classesIn(state)) + "@" + hash.substr(0, 16);
    return std::make_unique<InceptionResnetV1Embedder>(state, id);
}

InceptionResnetV1Embedder::InceptionResnetV1Embedder(const TensorMap& stateDict, std::string modelId)
    : m_modelId(std::move(modelId))
{
    // Checkpoints saved from DataParallel models prefix every key with "module.".
    TensorMap state;
    for (const auto& [name, value] : stateDict)
        state[name.rfind("module.", 0) == 0 ? name.substr(7) : name] = value;
    m_net = InceptionResnetV1(InceptionResnetV1Impl::classesIn(state));
    StateDict::load(*m_net, state, "InceptionResnetV1 checkpoint (" + m_modelId + ")");
    m_net->eval();
}

Preprocessing InceptionResnetV1Embedder::preprocessing() const
{
    return {{127.5F, 127.5F, 127.5F}, {128.0F, 128.0F, 128.0F}};
}

torch::Tensor InceptionResnetV1Embedder::forward(const torch::Tensor& input)
{
    return m_net->forward(input);
}

void InceptionResnetV1Embedder::moveTo(const torch::Device& device)
{
    m_net->to(device);
}

} // namespace kindred
