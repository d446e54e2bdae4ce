#include "embedding/block8.h"

namespace kindred {

Block8Impl::Block8Impl(double scaleFactor, bool noRelu) : scale(scaleFactor), withRelu(!noRelu)
{
    branch0 = register_module("branch0", BasicConv2d(1792, 192, 1));
    branch1 = register_module(
        "branch1",
        torch::nn::Sequential(
            BasicConv2d(1792, 192, 1),
            BasicConv2d(192, 192, torch::ExpandingArray<2>({1, 3}), 1, torch::ExpandingArray<2>({0, 1})),
            BasicConv2d(192, 192, torch::ExpandingArray<2>({3, 1}), 1, torch::ExpandingArray<2>({1, 0}))));
    conv2d = register_module("conv2d", torch::nn::Conv2d(torch::nn::Conv2dOptions(384, 1792, 1)));
}

torch::Tensor Block8Impl::forward(const torch::Tensor& x)
{
    torch::Tensor out = conv2d->forward(torch::cat({branch0->forward(x), branch1->forward(x)}, 1));
    out = out * scale + x;
    return withRelu ? torch::relu(out) : out;
}

} // namespace kindred
