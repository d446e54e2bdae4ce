#include "weights/checkpoint.h"

#include "common/modelerror.h"
#include "weights/binaryfile.h"
#include "weights/legacycheckpoint.h"

#include <torch/serialize.h>

namespace kindred {

namespace {

void collect(const c10::IValue& value, const std::string& prefix, TensorMap& out)
{
    if (value.isTensor()) {
        out[prefix] = value.toTensor();
        return;
    }
    if (!value.isGenericDict())
        return;
    for (const auto& entry : value.toGenericDict()) {
        if (!entry.key().isString())
            continue;
        const std::string key = entry.key().toStringRef();
        collect(entry.value(), prefix.empty() ? key : prefix + "." + key, out);
    }
}

TensorMap loadZip(const std::vector<char>& bytes, const std::filesystem::path& file)
{
    c10::IValue root;
    try {
        root = torch::pickle_load(bytes);
    } catch (const c10::Error& e) {
        throw ModelError("cannot read the zip checkpoint '" + file.string() +
                         "': " + e.what_without_backtrace());
    } catch (const std::exception& e) {
        throw ModelError("cannot read the zip checkpoint '" + file.string() + "': " + e.what());
    }
    if (root.isGenericDict()) {
        for (const auto& entry : root.toGenericDict())
            if (entry.key().isString() && entry.key().toStringRef() == "state_dict" &&
                entry.value().isGenericDict())
                root = entry.value();
    }
    if (!root.isGenericDict())
        throw ModelError("checkpoint '" + file.string() + "' holds a " + root.tagKind() +
                         ", not a state dict (save model.state_dict(), not the model)");
    TensorMap tensors;
    collect(root, "", tensors);
    if (tensors.empty())
        throw ModelError("checkpoint '" + file.string() + "': the state dict holds no tensors");
    return tensors;
}

} // namespace

TensorMap Checkpoint::load(const std::filesystem::path& file)
{
    const std::vector<char> bytes = BinaryFile::read(file, "checkpoint");
    if (bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        return loadZip(bytes, file);
    if (LegacyCheckpoint::looksLikeLegacy(bytes))
        return LegacyCheckpoint::parse(bytes, file.string());
    throw ModelError(
        "'" + file.string() +
        "' is not a PyTorch checkpoint (neither the zip format nor the legacy torch.save format)");
}

} // namespace kindred
