#pragma once

#include "weights/tensormap.h"

#include <string>
#include <torch/torch.h>

namespace kindred {

struct StateDictOptions {
    bool allowUnexpected = false; // keys in the map the module does not have (e.g. "logits.*")
    bool allowMissing = false;    // module parameters/buffers the map does not provide
};

// Copies a state dict into a module's parameters and buffers (names as module->named_parameters()).
// Throws ModelError naming the first offending tensor: wrong shape, missing or unexpected key, non-numeric.
// Values are converted to the destination's dtype and device.
class StateDict {
public:
    static void load(torch::nn::Module& module, const TensorMap& tensors, const std::string& what,
                     const StateDictOptions& options = {});
};

} // namespace kindred
