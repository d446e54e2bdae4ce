#include "embedding/block17.h"

namespace kindred {

Block17Impl::Block17Impl(double scaleFactor) : scale(scaleFactor)
{
    branch0 = register_module("branch0", BasicConv2d(896, 128, 1));
    branch1 = register_module(
        "branch1",
        torch::nn::Sequential(
            BasicConv2d(896, 128, 1),
            BasicConv2d(128, 128, torch::ExpandingArray<2>({1, 7}), 1, torch::ExpandingArray<2>({0, 3})),
            BasicConv2d(128, 128, torch::ExpandingArray<2>({7, 1}), 1, torch::ExpandingArray<2>({3, 0}))));
    conv2d = register_module("conv2d", torch::nn::Conv2d(torch::nn::Conv2dOptions(256, 896, 1)));
}

torch::Tensor Block17Impl::forward(const torch::Tensor& x)
{
    torch::Tensor out = conv2d->forward(torch::cat({branch0->forward(x), branch1->forward(x)}, 1));
    return torch::relu(out * scale + x);
}

} // namespace kindred
