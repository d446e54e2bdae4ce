#include "weights/checkpoint.h"

#include "common/modelerror.h"
#include "weights/binaryfile.h"
#include "weights/legacycheckpoint.h"
#include "weights/torchunpickler.h"

#include <caffe2/serialize/in_memory_adapter.h>
#include <caffe2/serialize/inline_container.h>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace kindred {

namespace {

// The zip format: LibTorch's archive reader gives the records (<archive>/data.pkl holds the pickled state
// dict, <archive>/data/<key> the raw little-endian data of each storage); the pickle is read by the
// project's own unpickler, which also understands quantized tensors and packed quantized layers (LibTorch's
// torch::pickle_load refuses the dtype globals these carry).
TensorMap loadZip(const std::vector<char>& bytes, const std::filesystem::path& file)
{
    const std::string where = "zip checkpoint '" + file.string() + "'";
    try {
        // reads the records straight from the file's bytes
        caffe2::serialize::PyTorchStreamReader archive(
            std::make_shared<caffe2::serialize::MemoryReadAdapter>(bytes.data(), off_t(bytes.size())));
        if (!archive.hasRecord("data.pkl"))
            throw ModelError(where + ": no data.pkl in the archive (a TorchScript module rather than a "
                                     "saved state dict?)");
        const auto [pickleData, pickleSize] = archive.getRecord("data.pkl");
        const auto* begin = static_cast<const char*>(pickleData.get());
        const std::vector<char> pickle(begin, begin + pickleSize);
        size_t pos = 0;
        PickleStorages storages;
        const PickleValuePtr root = TorchUnpickler::run(pickle, pos, where, storages);

        std::unordered_map<std::string, torch::Tensor> data;
        auto storageData = [&](const PickleStorage& ref) -> const torch::Tensor& {
            auto it = data.find(ref.key);
            if (it != data.end())
                return it->second;
            const std::string record = "data/" + ref.key;
            if (!archive.hasRecord(record))
                throw ModelError(where + ": the archive lacks the data of storage '" + ref.key + "'");
            const auto [recordData, recordSize] = archive.getRecord(record);
            const auto expected = size_t(ref.numel) * c10::elementSize(ref.type);
            if (ref.numel < 0 || recordSize < expected)
                throw ModelError(where + ": storage '" + ref.key + "' holds " + std::to_string(recordSize) +
                                 " bytes, its tensors expect " + std::to_string(expected));
            torch::Tensor storage = torch::empty({ref.numel}, torch::TensorOptions().dtype(ref.type));
            if (expected > 0)
                std::memcpy(storage.data_ptr(), recordData.get(), expected);
            return data.emplace(ref.key, storage).first->second;
        };
        TensorMap tensors;
        for (const auto& [name, tensor] : TorchUnpickler::stateDictTensors(root, where))
            tensors[name] = TorchUnpickler::materialize(tensor, storageData(*tensor.storage), name, where);
        return tensors;
    } catch (const c10::Error& e) {
        throw ModelError("cannot read the " + where + ": " + e.what_without_backtrace());
    }
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
