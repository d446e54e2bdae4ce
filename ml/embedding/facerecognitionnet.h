#pragma once

#include "embedding/frnetconv.h"
#include "embedding/frnetresidual.h"
#include "weights/tensormap.h"

#include <torch/torch.h>

namespace kindred {

// dlib's ResNet-29 face descriptor network as ported by face-api.js (FaceRecognitionNet).
// Input: N x 3 x 150 x 150, RGB, (pixel - [122.782, 117.001, 104.298]) / 256.
// Output: N x 128 raw (un-normalised) descriptors; dlib compares them with Euclidean distance.
// Module names follow the TF.js weight names ("conv32_1/conv1/conv/filters" -> "conv32_1.conv1.conv.weight").
struct FaceRecognitionNetImpl : torch::nn::Module {
    FaceRecognitionNetImpl();
    torch::Tensor forward(const torch::Tensor& x); // = head(stem(x))
    // The network in two parts, for training only the last blocks on cached stem outputs:
    // stem = conv32_down .. conv128_2 (N x 128 x 8 x 8 for 150 x 150 input), head = conv256_* .. fc.
    torch::Tensor stem(const torch::Tensor& x);
    torch::Tensor head(const torch::Tensor& features);

    // Converts the tensors of face-api.js's weight manifest (TF.js names, HWIO filters, fc [256,128]) to
    // this module's state dict. Throws ModelError when a tensor is missing or has the wrong rank.
    static TensorMap stateDictFromTfjs(const TensorMap& tfjs);

    FrnetConv conv32_down{nullptr};
    FrnetResidual conv32_1{nullptr}, conv32_2{nullptr}, conv32_3{nullptr};
    FrnetResidual conv64_down{nullptr}, conv64_1{nullptr}, conv64_2{nullptr}, conv64_3{nullptr};
    FrnetResidual conv128_down{nullptr}, conv128_1{nullptr}, conv128_2{nullptr};
    FrnetResidual conv256_down{nullptr}, conv256_1{nullptr}, conv256_2{nullptr};
    FrnetResidual conv256_down_out{nullptr};
    torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(FaceRecognitionNet);

} // namespace kindred
