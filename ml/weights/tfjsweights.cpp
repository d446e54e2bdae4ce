#include "weights/tfjsweights.h"

#include "common/modelerror.h"
#include "weights/binaryfile.h"
#include "weights/sha256.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace kindred {

namespace {

struct WeightSpec {
    std::string name;
    std::vector<int64_t> shape;
    std::string dtype = "float32"; // stored element type when not quantized
    std::string quantDtype;        // "uint8" / "uint16" when quantized, else empty
    double scale = 1.0;
    double min = 0.0;
};

struct Group {
    std::vector<std::string> paths;
    std::vector<WeightSpec> weights;
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::vector<Group> parseManifest(const std::filesystem::path& manifest)
{
    const std::vector<char> bytes = BinaryFile::read(manifest, "TF.js weights manifest");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(bytes.begin(), bytes.end());
    } catch (const nlohmann::json::exception& e) {
        throw ModelError("TF.js weights manifest '" + manifest.string() + "' is not valid JSON: " + e.what());
    }
    const std::string where = "TF.js weights manifest '" + manifest.string() + "': ";
    if (!json.is_array())
        throw ModelError(where + "expected a JSON array of weight groups");
    std::vector<Group> groups;
    try {
        for (const auto& g : json) {
            Group group;
            for (const auto& p : g.at("paths"))
                group.paths.push_back(p.get<std::string>());
            for (const auto& w : g.at("weights")) {
                WeightSpec spec;
                spec.name = w.at("name").get<std::string>();
                if (w.contains("dtype"))
                    spec.dtype = w.at("dtype").get<std::string>();
                for (const auto& d : w.at("shape")) {
                    const auto dim = d.get<int64_t>();
                    if (dim < 0)
                        throw ModelError(where + "tensor '" + spec.name + "' has a negative dimension");
                    spec.shape.push_back(dim);
                }
                if (w.contains("quantization")) {
                    const auto& q = w.at("quantization");
                    spec.quantDtype = q.at("dtype").get<std::string>();
                    spec.scale = q.at("scale").get<double>();
                    spec.min = q.at("min").get<double>();
                }
                group.weights.push_back(std::move(spec));
            }
            if (group.paths.empty() && !group.weights.empty())
                throw ModelError(where + "a weight group lists tensors but no shard files");
            groups.push_back(std::move(group));
        }
    } catch (const nlohmann::json::exception& e) {
        throw ModelError(where + "unexpected structure: " + e.what());
    }
    return groups;
}

int64_t bytesPerElement(const WeightSpec& spec)
{
    if (!spec.quantDtype.empty()) {
        if (spec.quantDtype == "uint8")
            return 1;
        if (spec.quantDtype == "uint16")
            return 2;
        throw ModelError("tensor '" + spec.name + "' uses the unknown quantization dtype '" +
                         spec.quantDtype + "' (supported: uint8, uint16)");
    }
    if (spec.dtype == "float32" || spec.dtype == "int32")
        return 4;
    throw ModelError("tensor '" + spec.name + "' has the unknown dtype '" + spec.dtype +
                     "' (supported: float32, int32, or uint8/uint16 quantization)");
}

torch::Tensor decode(const WeightSpec& spec, const char* data, int64_t count)
{
    if (!spec.quantDtype.empty()) {
        torch::Tensor q;
        if (spec.quantDtype == "uint8") {
            q = torch::empty({count}, torch::kUInt8);
            std::memcpy(q.data_ptr(), data, std::size_t(count));
        } else {
            std::vector<int32_t> wide(static_cast<std::size_t>(count));
            for (int64_t i = 0; i < count; ++i) {
                const auto lo = static_cast<unsigned char>(data[2 * i]);
                const auto hi = static_cast<unsigned char>(data[2 * i + 1]);
                wide[std::size_t(i)] = int32_t(lo) | (int32_t(hi) << 8);
            }
            q = torch::from_blob(wide.data(), {count}, torch::kInt32).clone();
        }
        // Compute in double so that q*scale+min rounds once, like the float64 NumPy/JS reference.
        return (q.to(torch::kFloat64) * spec.scale + spec.min).to(torch::kFloat32).reshape(spec.shape);
    }
    const auto type = spec.dtype == "int32" ? torch::kInt32 : torch::kFloat32;
    torch::Tensor t = torch::empty({count}, type);
    std::memcpy(t.data_ptr(), data, std::size_t(count * 4)); // little-endian hosts only (x86, ARM)
    return t.reshape(spec.shape);
}

TensorMap loadImpl(const std::filesystem::path& manifest, const std::map<std::string, std::string>* pins)
{
    if (pins)
        TfjsWeights::verifySha256(manifest, [&] {
            const auto it = pins->find(manifest.filename().string());
            if (it == pins->end())
                throw ModelError("no pinned SHA-256 for '" + manifest.filename().string() + "'");
            return it->second;
        }());
    const std::vector<Group> groups = parseManifest(manifest);
    const std::filesystem::path dir = manifest.parent_path();
    TensorMap tensors;
    for (const Group& group : groups) {
        std::vector<char> data;
        for (const std::string& shardName : group.paths) {
            const std::filesystem::path shard = dir / shardName;
            if (pins) {
                const auto it = pins->find(shard.filename().string());
                if (it == pins->end())
                    throw ModelError("no pinned SHA-256 for '" + shard.filename().string() + "'");
                TfjsWeights::verifySha256(shard, it->second);
            }
            const std::vector<char> bytes = BinaryFile::read(shard, "TF.js weights shard");
            data.insert(data.end(), bytes.begin(), bytes.end());
        }
        int64_t offset = 0;
        const auto total = static_cast<int64_t>(data.size());
        for (const WeightSpec& spec : group.weights) {
            int64_t count = 1;
            for (const int64_t d : spec.shape)
                count *= d;
            const int64_t size = count * bytesPerElement(spec);
            if (offset + size > total)
                throw ModelError("TF.js weights '" + manifest.string() + "': truncated shard - tensor '" +
                                 spec.name + "' needs bytes " + std::to_string(offset) + ".." +
                                 std::to_string(offset + size) + " but the shards hold only " +
                                 std::to_string(total) + " bytes");
            if (tensors.count(spec.name))
                throw ModelError("TF.js weights '" + manifest.string() + "': tensor '" + spec.name +
                                 "' appears twice");
            tensors.emplace(spec.name, decode(spec, data.data() + offset, count));
            offset += size;
        }
        if (offset != total)
            throw ModelError("TF.js weights '" + manifest.string() +
                             "': size mismatch - the manifest describes " + std::to_string(offset) +
                             " bytes but the shards hold " + std::to_string(total));
    }
    return tensors;
}

} // namespace

void TfjsWeights::verifySha256(const std::filesystem::path& file, const std::string& expectedHex)
{
    const std::string actual = Sha256::hexOfFile(file);
    if (actual != lower(expectedHex))
        throw ModelError("SHA-256 mismatch for '" + file.string() + "': expected " + lower(expectedHex) +
                         ", got " + actual + " (the file is corrupt or not the pinned version)");
}

TensorMap TfjsWeights::load(const std::filesystem::path& manifest)
{
    return loadImpl(manifest, nullptr);
}

TensorMap TfjsWeights::load(const std::filesystem::path& manifest,
                            const std::map<std::string, std::string>& sha256ByFileName)
{
    return loadImpl(manifest, &sha256ByFileName);
}

} // namespace kindred
