#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <torch/torch.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kindred {

// A storage a pickled tensor points at (its data is elsewhere in the file: after the pickles in the legacy
// format, the archive entry data/<key> in the zip format).
struct PickleStorage {
    std::string key;
    torch::ScalarType type = torch::kFloat;
    int64_t numel = 0;
};

// A tensor as pickled: a view of a storage; quantized tensors (torch._utils._rebuild_qtensor, per-tensor
// affine) carry their scale and zero point.
struct PickleTensor {
    std::shared_ptr<PickleStorage> storage;
    int64_t offset = 0;
    std::vector<int64_t> size;
    std::vector<int64_t> stride;
    bool quantized = false;
    double scale = 1.0;
    int64_t zeroPoint = 0;
};

struct PickleValue;
using PickleValuePtr = std::shared_ptr<PickleValue>;

// One value of the pickle virtual machine.
struct PickleValue {
    enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor };
    Kind kind = Kind::None;
    bool b = false;
    int64_t i = 0;
    double f = 0;
    std::string s; // String; Global as "module.name"
    std::vector<PickleValuePtr> items;
    std::vector<std::pair<PickleValuePtr, PickleValuePtr>> dict;
    std::shared_ptr<PickleStorage> storage;
    std::shared_ptr<PickleTensor> tensor;

    static PickleValuePtr make(Kind k);
    static std::string kindName(Kind k);
};

using PickleStorages = std::unordered_map<std::string, std::shared_ptr<PickleStorage>>;

// Reads the pickles torch.save writes for state dicts, in both of its formats, without Python: the pickle
// protocol 2 subset torch emits (OrderedDict, nested dicts / lists / tuples of tensors, _rebuild_tensor_v2,
// _rebuild_parameter, _rebuild_qtensor with per-tensor affine quantization) and persistent ids
// ('storage', type, key, location, numel). Unknown globals are kept as names and refused only when called.
class TorchUnpickler {
public:
    // Runs one pickle starting at bytes[pos]; pos ends past its STOP. Storages met are added to `storages`.
    // Throws ModelError (naming `where` and the byte) on anything malformed or unsupported.
    static PickleValuePtr run(const std::vector<char>& bytes, size_t& pos, const std::string& where,
                              PickleStorages& storages);

    // The tensors of a state dict: a {"state_dict": ...} wrapper is unwrapped, nested dicts are flattened
    // with '.', non-tensor entries skipped. A dynamically quantized Linear ("<name>._packed_params.
    // _packed_params" = (int8 weight, bias)) becomes "<name>.weight" and "<name>.bias", and its unused output
    // quantization ("<name>.scale", "<name>.zero_point") is dropped. Throws ModelError when `root` is not a
    // state dict or holds no tensor.
    static std::vector<std::pair<std::string, PickleTensor>> stateDictTensors(const PickleValuePtr& root,
                                                                              const std::string& where);

    // The tensor `t` (called `name`) viewed from its storage's data (1-d, the storage's type), bounds
    // checked; a quantized tensor comes back dequantized, (q - zero_point) * scale in float32.
    static torch::Tensor materialize(const PickleTensor& t, const torch::Tensor& storage,
                                     const std::string& name, const std::string& where);
};

} // namespace kindred
