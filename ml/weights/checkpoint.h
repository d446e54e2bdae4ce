#pragma once

#include "weights/tensormap.h"

#include <filesystem>

namespace kindred {

// Loads any PyTorch state-dict file: the zip format current torch.save writes (through torch::pickle_load)
// or the legacy format (LegacyCheckpoint), chosen by sniffing the first bytes. A nested {"state_dict": ...}
// is unwrapped; non-tensor entries are skipped. Quantized tensors are dequantized to float32, and the layers
// of a dynamically quantized model (torch.ao.quantization.quantize_dynamic: "<name>._packed_params.
// _packed_params" = (int8 weight, bias)) become plain "<name>.weight" / "<name>.bias". Throws ModelError
// with a clear message on any failure.
class Checkpoint {
public:
    static TensorMap load(const std::filesystem::path& file);
};

} // namespace kindred
