#include "embedding/fourierpositionalencoding.h"

#include <numbers>

namespace kindred {

FourierPositionalEncodingImpl::FourierPositionalEncodingImpl(int64_t channels, int64_t hiddenSize,
                                                             double temperatureValue)
    : hidden(hiddenSize), temperature(temperatureValue)
{
    token_projection = register_module("token_projection",
                                       torch::nn::Conv2d(torch::nn::Conv2dOptions(2 * hidden, channels, 1)));
}

torch::Tensor FourierPositionalEncodingImpl::forward(int64_t height, int64_t width)
{
    const auto& weight = token_projection->weight;
    const auto options = torch::TensorOptions().dtype(torch::kFloat32);
    const double eps = 1e-6;
    const double scale = 2.0 * std::numbers::pi;
    // Row and column numbers from 1, divided by the last one: (0, 1] * 2 pi.
    const torch::Tensor rows = torch::arange(1, height + 1, options);
    const torch::Tensor cols = torch::arange(1, width + 1, options);
    const torch::Tensor yEmbed =
        (rows / (float(height) + eps) * scale).view({height, 1}).expand({height, width});
    const torch::Tensor xEmbed =
        (cols / (float(width) + eps) * scale).view({1, width}).expand({height, width});
    const torch::Tensor index = torch::arange(hidden, options);
    const torch::Tensor frequencies =
        torch::pow(temperature, 2.0 * torch::floor(index / 2.0) / double(hidden)).to(torch::kFloat32);
    // sin of the even, cos of the odd frequencies, interleaved: H x W x hidden.
    auto encode = [&](const torch::Tensor& embed) {
        const torch::Tensor angles = embed.unsqueeze(-1) / frequencies;
        using torch::indexing::None;
        using torch::indexing::Slice;
        const torch::Tensor even = angles.index({"...", Slice(0, None, 2)}).sin();
        const torch::Tensor odd = angles.index({"...", Slice(1, None, 2)}).cos();
        return torch::stack({even, odd}, -1).flatten(-2);
    };
    const torch::Tensor grid =
        torch::cat({encode(yEmbed), encode(xEmbed)}, -1).permute({2, 0, 1}).unsqueeze(0);
    return token_projection->forward(grid.to(weight.device(), weight.scalar_type()));
}

} // namespace kindred
