#include "embedding/block35.h"

namespace kindred {

Block35Impl::Block35Impl(double scaleFactor) : scale(scaleFactor)
{
    branch0 = register_module("branch0", BasicConv2d(256, 32, 1));
    branch1 = register_module("branch1",
                              torch::nn::Sequential(BasicConv2d(256, 32, 1), BasicConv2d(32, 32, 3, 1, 1)));
    branch2 = register_module("branch2",
                              torch::nn::Sequential(BasicConv2d(256, 32, 1), BasicConv2d(32, 32, 3, 1, 1),
                                                    BasicConv2d(32, 32, 3, 1, 1)));
    conv2d = register_module("conv2d", torch::nn::Conv2d(torch::nn::Conv2dOptions(96, 256, 1)));
}

torch::Tensor Block35Impl::forward(const torch::Tensor& x)
{
    torch::Tensor out =
        conv2d->forward(torch::cat({branch0->forward(x), branch1->forward(x), branch2->forward(x)}, 1));
    return torch::relu(out * scale + x);
}

} // namespace kindred
