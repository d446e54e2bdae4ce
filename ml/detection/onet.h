#pragma once

#include "weights/tensormap.h"

#include <torch/torch.h>

namespace kindred {

struct ONetOutput {
    torch::Tensor probability; // N
    torch::Tensor regression;  // N x 4
    torch::Tensor landmarks;   // N x 10: x0..x4, y0..y4 relative to the box
};

// MTCNN output network. Parameter names equal facenet-pytorch's onet.pt keys.
// Input: N x 3 x 48 x 48, RGB, (x - 127.5) * 0.0078125.
struct ONetImpl : torch::nn::Module {
    ONetImpl();
    ONetOutput forward(torch::Tensor x);
    void loadWeights(const TensorMap& weights);

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr}, conv4{nullptr};
    torch::nn::PReLU prelu1{nullptr}, prelu2{nullptr}, prelu3{nullptr}, prelu4{nullptr}, prelu5{nullptr};
    torch::nn::Linear dense5{nullptr}, dense6_1{nullptr}, dense6_2{nullptr}, dense6_3{nullptr};
};
TORCH_MODULE(ONet);

} // namespace kindred
