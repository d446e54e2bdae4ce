#pragma once

#include <torch/torch.h>

namespace kindred {

// One convolution layer of face-api.js's FaceRecognitionNet: conv (+bias), then a learned per-channel
// affine "scale" layer (y = x * scale_weight + scale_bias), then an optional ReLU.
// Parameters: conv.weight [out,in,k,k], conv.bias [out], scale_weight [out], scale_bias [out].
struct FrnetConvImpl : torch::nn::Module {
    FrnetConvImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, bool relu);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv{nullptr};
    torch::Tensor scaleWeight;
    torch::Tensor scaleBias;
    bool withRelu;
};
TORCH_MODULE(FrnetConv);

} // namespace kindred
