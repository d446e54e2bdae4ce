#pragma once

#include <torch/torch.h>

namespace kindred {

// EdgeNeXt's positional encoding for an H x W grid (timm's PositionalEncodingFourier): each pixel's row and
// column, scaled to (0, 2 pi], through sin/cos at `hidden` frequencies (10000^(2 floor(i/2) / hidden)),
// projected to `channels` by a 1 x 1 convolution. Depends only on the grid size, not on the image.
struct FourierPositionalEncodingImpl : torch::nn::Module {
    FourierPositionalEncodingImpl(int64_t channels, int64_t hidden = 32, double temperature = 10000.0);
    // 1 x channels x height x width.
    torch::Tensor forward(int64_t height, int64_t width);

    torch::nn::Conv2d token_projection{nullptr};
    int64_t hidden;
    double temperature;
};
TORCH_MODULE(FourierPositionalEncoding);

} // namespace kindred
