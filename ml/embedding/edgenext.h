#pragma once

#include "embedding/edgenextstage.h"
#include "embedding/layernorm2d.h"

#include <array>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// The shape of an EdgeNeXt network (Maaz et al. 2022, as timm builds it).
struct EdgeNextConfig {
    std::array<int64_t, 4> dims{};
    std::array<int64_t, 4> depths{};
    std::array<int64_t, 4> kernelSizes{3, 5, 7, 9};
    std::array<int64_t, 4> scales{2, 2, 3, 4};       // SDTA channel chunks per stage
    std::array<int64_t, 4> globalBlocks{0, 1, 1, 1}; // SDTA blocks per stage (the last blocks)
    std::array<bool, 4> positionalEncoding{false, true, false, false};
    int64_t heads = 4;
    int64_t outputs = 512; // the head's linear layer

    // EdgeFace-XS: edgenext_x_small (dims 32/64/100/192, depths 3/3/9/3), 512-d.
    static EdgeNextConfig xs();
    // EdgeFace-XXS: edgenext_xx_small (dims 24/48/88/168, depths 2/2/6/2), 512-d.
    static EdgeNextConfig xxs();
};

// EdgeNeXt as EdgeFace uses it: stem (4 x 4 stride-4 convolution + LayerNorm2d, "stem.0/1"), four stages
// ("stages.i", strides 1/2/2/2), head = global average pool -> LayerNorm over channels ("head.norm") ->
// linear ("head.fc"). Module names follow timm's state dict without its "model." prefix.
// Input N x 3 x 112 x 112, RGB, (x / 255 - 0.5) / 0.5; output N x outputs, compared by cosine similarity.
struct EdgeNextImpl : torch::nn::Module {
    explicit EdgeNextImpl(const EdgeNextConfig& config);
    torch::Tensor forward(const torch::Tensor& x); // = head(features(x))
    // The network in two parts, for training the head on cached features: features = stem + stages
    // (N x dims[3] x h x w), head = pool, norm, fc.
    torch::Tensor features(const torch::Tensor& x);
    torch::Tensor headForward(const torch::Tensor& features);

    struct Head : torch::nn::Module {
        Head(int64_t channels, int64_t outputs);
        torch::nn::LayerNorm norm{nullptr};
        torch::nn::Linear fc{nullptr};
    };

    torch::nn::Sequential stem{nullptr};
    torch::nn::ModuleList stages{nullptr};
    std::shared_ptr<Head> head;
    EdgeNextConfig config;

private:
    std::vector<EdgeNextStage> m_stages;
};
TORCH_MODULE(EdgeNext);

} // namespace kindred
