#pragma once

#include "weights/tensormap.h"

#include <torch/torch.h>

namespace kindred {

// MTCNN refinement network. Parameter names equal facenet-pytorch's rnet.pt keys.
// Input: N x 3 x 24 x 24, RGB, (x - 127.5) * 0.0078125.
struct RNetImpl : torch::nn::Module {
    RNetImpl();
    // Returns {face probability N, box regression N x 4}.
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x);
    void loadWeights(const TensorMap& weights);

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    torch::nn::PReLU prelu1{nullptr}, prelu2{nullptr}, prelu3{nullptr}, prelu4{nullptr};
    torch::nn::Linear dense4{nullptr}, dense5_1{nullptr}, dense5_2{nullptr};
};
TORCH_MODULE(RNet);

} // namespace kindred
