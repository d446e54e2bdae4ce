#pragma once

#include "weights/tensormap.h"

#include <filesystem>
#include <map>
#include <string>

namespace kindred {

// Reader of TensorFlow.js weight manifests (`*-weights_manifest.json` + binary shards), as shipped by
// face-api.js. Supports float32 / int32 tensors and uint8 / uint16 quantized tensors (value = q*scale+min);
// tensors may span shard boundaries. Everything is returned as CPU tensors (float32 unless int32).
class TfjsWeights {
public:
    // Loads every tensor of a manifest (+ its shards, same directory). Throws ModelError with a clear message
    // (missing file, truncated shard, size mismatch, unknown dtype). Names and shapes as in the manifest.
    static TensorMap load(const std::filesystem::path& manifest);
    // Same, but first verifies each file's SHA-256 (manifest and every shard) against `sha256ByFileName`
    // (file name -> lowercase hex); throws on a mismatch or on a file that has no pinned hash.
    static TensorMap load(const std::filesystem::path& manifest,
                          const std::map<std::string, std::string>& sha256ByFileName);
    // Throws ModelError unless `file`'s SHA-256 equals `expectedHex` (case-insensitive).
    static void verifySha256(const std::filesystem::path& file, const std::string& expectedHex);
};

} // namespace kindred
