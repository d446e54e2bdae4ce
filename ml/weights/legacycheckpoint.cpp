#include "weights/legacycheckpoint.h"

#include "common/modelerror.h"
#include "weights/binaryfile.h"
#include "weights/torchunpickler.h"

#include <cstring>
#include <memory>
#include <unordered_map>

namespace kindred {

namespace {

// Legacy magic number 0x1950a86a20f9469cfc6c, pickled as LONG1 with 10 little-endian bytes.
const unsigned char kMagic[] = {0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};

} // namespace

bool LegacyCheckpoint::looksLikeLegacy(const std::vector<char>& bytes)
{
    // PROTO 2, LONG1 10, magic
    if (bytes.size() < 14)
        return false;
    return uint8_t(bytes[0]) == 0x80 && uint8_t(bytes[2]) == 0x8a && uint8_t(bytes[3]) == 10 &&
           std::memcmp(bytes.data() + 4, kMagic, sizeof kMagic) == 0;
}

TensorMap LegacyCheckpoint::load(const std::filesystem::path& file)
{
    return parse(BinaryFile::read(file, "checkpoint"), file.string());
}

TensorMap LegacyCheckpoint::parse(const std::vector<char>& bytes, const std::string& nameForMessages)
{
    using Kind = PickleValue::Kind;
    const std::string where = "legacy checkpoint '" + nameForMessages + "'";
    if (!looksLikeLegacy(bytes))
        throw ModelError(where + ": not a legacy torch.save file (magic number missing)");
    size_t pos = 0;
    PickleStorages storages;
    TorchUnpickler::run(bytes, pos, where, storages); // magic
    const PickleValuePtr protocol = TorchUnpickler::run(bytes, pos, where, storages);
    if (protocol->kind != Kind::Int || protocol->i != 1001)
        throw ModelError(where + ": unsupported protocol version");
    const PickleValuePtr sysInfo = TorchUnpickler::run(bytes, pos, where, storages);
    if (sysInfo->kind == Kind::Dict)
        for (const auto& [key, value] : sysInfo->dict)
            if (key->kind == Kind::String && key->s == "little_endian" && value->kind == Kind::Bool &&
                !value->b)
                throw ModelError(where + ": big-endian checkpoints are not supported");
    // sys_info's type_sizes (e.g. 4-byte longs when written on Windows) describe the C types of the writer;
    // the storage element sizes themselves are fixed (LongStorage is always int64), so nothing depends on it.
    const PickleValuePtr root = TorchUnpickler::run(bytes, pos, where, storages);
    const PickleValuePtr keys = TorchUnpickler::run(bytes, pos, where, storages);
    if (keys->kind != Kind::List)
        throw ModelError(where + ": the storage key list is missing");

    std::unordered_map<std::string, torch::Tensor> data;
    for (const PickleValuePtr& key : keys->items) {
        if (key->kind != Kind::String)
            throw ModelError(where + ": a storage key is not a string");
        const auto it = storages.find(key->s);
        if (it == storages.end())
            throw ModelError(where + ": storage '" + key->s + "' is listed but never used");
        const PickleStorage& ref = *it->second;
        if (bytes.size() - pos < 8)
            throw ModelError(where + ": truncated file (storage '" + key->s + "' is missing)");
        int64_t count = 0;
        std::memcpy(&count, bytes.data() + pos, 8);
        pos += 8;
        if (count != ref.numel)
            throw ModelError(where + ": storage '" + key->s + "' holds " + std::to_string(count) +
                             " elements, its tensors expect " + std::to_string(ref.numel));
        const int64_t size = count * int64_t(c10::elementSize(ref.type));
        if (count < 0 || uint64_t(size) > bytes.size() - pos)
            throw ModelError(where + ": truncated file (storage '" + key->s + "' needs " +
                             std::to_string(size) + " bytes, " + std::to_string(bytes.size() - pos) +
                             " left)");
        torch::Tensor storage = torch::empty({count}, torch::TensorOptions().dtype(ref.type));
        if (size > 0)
            std::memcpy(storage.data_ptr(), bytes.data() + pos, size_t(size));
        pos += size_t(size);
        data.emplace(key->s, storage);
    }

    TensorMap tensors;
    for (const auto& [name, tensor] : TorchUnpickler::stateDictTensors(root, where)) {
        const auto it = data.find(tensor.storage->key);
        if (it == data.end())
            throw ModelError(where + ": the data of tensor '" + name + "' is missing");
        tensors[name] = TorchUnpickler::materialize(tensor, it->second, name, where);
    }
    return tensors;
}

} // namespace kindred
