#pragma once

#include "weights/tensormap.h"

#include <filesystem>
#include <vector>

namespace kindred {

// Reader of torch.save's legacy (pre-1.6, non-zip) format, which LibTorch cannot read:
//   pickle(magic 0x1950a86a20f9469cfc6c), pickle(protocol 1001), pickle(sys_info),
//   pickle(the object; tensors are persistent ids ('storage', type, key, location, numel) rebuilt by
//   torch._utils._rebuild_tensor_v2), pickle(list of storage keys), then per key: int64 element count + raw
//   little-endian data.
// Understands the pickle protocol 2 subset torch emits for state dicts (OrderedDict, nested dicts/lists of
// tensors, _rebuild_parameter), Float/Double/Half/Long/Int/Short/Char/Byte/Bool storages. A nested
// {"state_dict": {...}} is unwrapped; non-tensor entries are skipped; nested dicts are flattened with '.'.
class LegacyCheckpoint {
public:
    static TensorMap load(const std::filesystem::path& file);
    static TensorMap parse(const std::vector<char>& bytes, const std::string& nameForMessages);
    // True when `bytes` begin with a pickled legacy magic number.
    static bool looksLikeLegacy(const std::vector<char>& bytes);
};

} // namespace kindred
