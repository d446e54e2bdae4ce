#include "detection/mtcnnweights.h"

#include "common/modelerror.h"
#include "weights/checkpoint.h"
#include "weights/tfjsweights.h"

#include <set>

namespace kindred {

namespace {

// TF.js layer name -> facenet-pytorch module name, per network.
const std::map<std::string, std::map<std::string, std::string>>& layerNames()
{
    static const std::map<std::string, std::map<std::string, std::string>> names = {
        {"pnet",
         {{"conv1", "conv1"},
          {"conv2", "conv2"},
          {"conv3", "conv3"},
          {"conv4_1", "conv4_1"},
          {"conv4_2", "conv4_2"}}},
        {"rnet",
         {{"conv1", "conv1"},
          {"conv2", "conv2"},
          {"conv3", "conv3"},
          {"fc1", "dense4"},
          {"fc2_1", "dense5_1"},
          {"fc2_2", "dense5_2"}}},
        {"onet",
         {{"conv1", "conv1"},
          {"conv2", "conv2"},
          {"conv3", "conv3"},
          {"conv4", "conv4"},
          {"fc1", "dense5"},
          {"fc2_1", "dense6_1"},
          {"fc2_2", "dense6_2"},
          {"fc2_3", "dense6_3"}}}};
    return names;
}

} // namespace

const std::map<std::string, std::string>& MtcnnWeights::tfjsPins()
{
    static const std::map<std::string, std::string> pins = {
        {"mtcnn_model-weights_manifest.json",
         "fc566964c2af6733cd297ce596f0c87190e4cabcdbc90c9b7ce120ebe1897611"},
        {"mtcnn_model-shard1", "20f4d3ac278e42e9a079453441533ec4e79bb6bd2e7cf7bd33e34ee123d674cb"}};
    return pins;
}

MtcnnStateDicts MtcnnWeights::fromTfjs(const TensorMap& tfjs)
{
    MtcnnStateDicts out;
    for (const auto& [name, tensor] : tfjs) {
        const auto slash = name.find('/');
        if (slash == std::string::npos)
            throw ModelError("MTCNN weights: unexpected tensor '" + name + "'");
        const std::string net = name.substr(0, slash);
        const std::string rest = name.substr(slash + 1);
        const auto netIt = layerNames().find(net);
        if (netIt == layerNames().end())
            throw ModelError("MTCNN weights: tensor '" + name +
                             "' belongs to no known network (pnet/rnet/onet)");
        TensorMap& target = net == "pnet" ? out.pnet : net == "rnet" ? out.rnet : out.onet;
        std::string key;
        torch::Tensor value;
        if (rest.rfind("prelu", 0) == 0 && rest.size() > 6 && rest.substr(rest.size() - 6) == "_alpha") {
            key = rest.substr(0, rest.size() - 6) + ".weight";
            value = tensor;
        } else {
            const auto sep = rest.find('/');
            const std::string layer = rest.substr(0, sep);
            const std::string kind = sep == std::string::npos ? "" : rest.substr(sep + 1);
            const auto layerIt = netIt->second.find(layer);
            if (layerIt == netIt->second.end() || (kind != "weights" && kind != "bias"))
                throw ModelError("MTCNN weights: unexpected tensor '" + name + "'");
            const bool dense = layer.rfind("fc", 0) == 0;
            key = layerIt->second + (kind == "weights" ? ".weight" : ".bias");
            if (kind == "bias")
                value = tensor;
            else if (dense && tensor.dim() == 2)
                value = tensor.t().contiguous();
            else if (!dense && tensor.dim() == 4)
                value = tensor.permute({3, 2, 1, 0}).contiguous(); // HWIO -> OIWH, i.e. OIHW transposed
            else
                throw ModelError("MTCNN weights: tensor '" + name + "' has an unexpected rank");
        }
        target[key] = value;
    }
    if (out.pnet.empty() || out.rnet.empty() || out.onet.empty())
        throw ModelError("MTCNN weights: the pack lacks one of pnet, rnet, onet");
    return out;
}

MtcnnStateDicts MtcnnWeights::loadTfjsPack(const std::filesystem::path& dir, bool verify)
{
    const auto manifest = dir / kTfjsManifest;
    return fromTfjs(verify ? TfjsWeights::load(manifest, tfjsPins()) : TfjsWeights::load(manifest));
}

MtcnnStateDicts MtcnnWeights::loadFacenetPytorch(const std::filesystem::path& dir)
{
    return {Checkpoint::load(dir / "pnet.pt"), Checkpoint::load(dir / "rnet.pt"),
            Checkpoint::load(dir / "onet.pt")};
}

MtcnnStateDicts MtcnnWeights::loadAny(const std::filesystem::path& dir)
{
    std::error_code ec;
    if (std::filesystem::exists(dir / kTfjsManifest, ec))
        return loadTfjsPack(dir);
    if (std::filesystem::exists(dir / "pnet.pt", ec))
        return loadFacenetPytorch(dir);
    throw ModelError("no MTCNN weights in '" + dir.string() + "' (expected " + kTfjsManifest +
                     " or facenet-pytorch's pnet.pt/rnet.pt/onet.pt)");
}

} // namespace kindred
