#pragma once

#include "embedding/frnetconv.h"

#include <torch/torch.h>

namespace kindred {

// A residual block of FaceRecognitionNet (modules conv1, conv2).
//   plain: conv1 3x3 s1 pad1 +ReLU, conv2 3x3 s1 pad1, + input, ReLU.
//   down:  conv1 3x3 s2 valid +ReLU, conv2 3x3 s1 pad1; shortcut = 2x2/2 average pool of the input with
//          zero channels appended when the width doubles; a main branch smaller than the shortcut is
//          zero-padded at the bottom/right; sum, ReLU.
struct FrnetResidualImpl : torch::nn::Module {
    FrnetResidualImpl(int64_t in, int64_t out, bool down);
    torch::Tensor forward(const torch::Tensor& x);

    FrnetConv conv1{nullptr};
    FrnetConv conv2{nullptr};
    bool isDown;
};
TORCH_MODULE(FrnetResidual);

} // namespace kindred
