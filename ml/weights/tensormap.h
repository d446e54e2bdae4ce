#pragma once

#include <map>
#include <string>
#include <torch/torch.h>

namespace kindred {

// A state dict: parameter/buffer name -> tensor, as read from a weights file.
using TensorMap = std::map<std::string, torch::Tensor>;

} // namespace kindred
