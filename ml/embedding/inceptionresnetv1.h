#pragma once

#include "embedding/basicconv2d.h"
#include "embedding/block17.h"
#include "embedding/block35.h"
#include "embedding/block8.h"
#include "embedding/mixed6a.h"
#include "embedding/mixed7a.h"
#include "weights/tensormap.h"

#include <torch/torch.h>

namespace kindred {

// facenet-pytorch's InceptionResnetV1 with the same module names, so that its state dicts load one to
// one (conv2d_1a ... conv2d_4b, repeat_1.0-4, mixed_6a, repeat_2.0-9, mixed_7a, repeat_3.0-4, block8,
// last_linear, last_bn and, when numClasses > 0, logits).
// Input: N x 3 x 160 x 160, RGB, (pixel - 127.5) / 128.
// forward() returns the raw 512-d embedding (the output of last_bn, before L2 normalisation);
// classify() maps embeddings to class logits (only when built with numClasses > 0).
struct InceptionResnetV1Impl : torch::nn::Module {
    explicit InceptionResnetV1Impl(int64_t numClasses = 0, double dropoutProbability = 0.6);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor classify(const torch::Tensor& embeddings);

    // The number of classes of the `logits` layer a state dict holds, or 0 when it has none.
    static int64_t classesIn(const TensorMap& stateDict);

    int64_t numClasses;
    BasicConv2d conv2d_1a{nullptr}, conv2d_2a{nullptr}, conv2d_2b{nullptr};
    BasicConv2d conv2d_3b{nullptr}, conv2d_4a{nullptr}, conv2d_4b{nullptr};
    torch::nn::Sequential repeat_1{nullptr};
    Mixed6a mixed_6a{nullptr};
    torch::nn::Sequential repeat_2{nullptr};
    Mixed7a mixed_7a{nullptr};
    torch::nn::Sequential repeat_3{nullptr};
    Block8 block8{nullptr};
    torch::nn::Dropout dropout{nullptr};
    torch::nn::Linear last_linear{nullptr};
    torch::nn::BatchNorm1d last_bn{nullptr};
    torch::nn::Linear logits{nullptr};
};
TORCH_MODULE(InceptionResnetV1);

} // namespace kindred
