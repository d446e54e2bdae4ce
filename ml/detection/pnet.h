#pragma once

#include "weights/tensormap.h"

#include <torch/torch.h>

namespace kindred {

// MTCNN proposal network. Parameter names equal facenet-pytorch's pnet.pt keys.
// Input: N x 3 x H x W, RGB, (x - 127.5) * 0.0078125. Fully convolutional, stride 2, 12x12 window.
struct PNetImpl : torch::nn::Module {
    PNetImpl();
    // Returns {face probability N x H' x W' (softmax index 1), box regression N x 4 x H' x W'}. A large
    // channels-last CPU input (the detector's) goes through in strips of rows (forwardInStrips).
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x);
    // forward() on horizontal strips of about maxStripPixels input pixels each, put together: the same
    // outputs, computed on activations that stay in the processor's cache (a 1600 x 1200 input makes 77 MB
    // after the first convolution, a strip of 64 rows 4 MB): P-Net's first level 79 -> 72 ms on one thread,
    // the face job's P-Net time on camera photos about a tenth shorter and its peak memory 0.1-0.2 GB lower.
    // Each strip starts on an even row and overlaps the next by the network's 10 extra rows, so every output
    // sees exactly the pixels and pooling windows it sees in one piece.
    std::pair<torch::Tensor, torch::Tensor> forwardInStrips(const torch::Tensor& x, int64_t maxStripPixels);
    // Input pixels per strip in forward(): ~64 rows of a 1600-pixel-wide input.
    static constexpr int64_t kStripPixels = 100'000;
    // Loads a facenet-pytorch-keyed state dict (ModelError on a missing/extra key or a wrong shape).
    void loadWeights(const TensorMap& weights);

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr}, conv4_1{nullptr}, conv4_2{nullptr};
    torch::nn::PReLU prelu1{nullptr}, prelu2{nullptr}, prelu3{nullptr};

private:
    std::pair<torch::Tensor, torch::Tensor> whole(torch::Tensor x);
};
TORCH_MODULE(PNet);

} // namespace kindred
