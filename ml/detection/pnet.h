#pragma once

#include "weights/tensormap.h"

#include <torch/torch.h>

namespace kindred {

// MTCNN proposal network. Parameter names equal facenet-pytorch's pnet.pt keys.
// Input: N x 3 x H x W, RGB, (x - 127.5) * 0.0078125. Fully convolutional, stride 2, 12x12 window.
struct PNetImpl : torch::nn::Module {
    PNetImpl();
    // Returns {face probability N x H' x W' (softmax index 1), box regression N x 4 x H' x W'}.
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x);
    // Loads a facenet-pytorch-keyed state dict (ModelError on a missing/extra key or a wrong shape).
    void loadWeights(const TensorMap& weights);

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr}, conv4_1{nullptr}, conv4_2{nullptr};
    torch::nn::PReLU prelu1{nullptr}, prelu2{nullptr}, prelu3{nullptr};
};
TORCH_MODULE(PNet);

} // namespace kindred
