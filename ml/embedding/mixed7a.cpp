#include "embedding/mixed7a.h"

namespace kindred {

Mixed7aImpl::Mixed7aImpl()
{
    branch0 = register_module("branch0",
                              torch::nn::Sequential(BasicConv2d(896, 256, 1), BasicConv2d(256, 384, 3, 2)));
    branch1 = register_module("branch1",
                              torch::nn::Sequential(BasicConv2d(896, 256, 1), BasicConv2d(256, 256, 3, 2)));
    branch2 = register_module("branch2",
                              torch::nn::Sequential(BasicConv2d(896, 256, 1), BasicConv2d(256, 256, 3, 1, 1),
                                                    BasicConv2d(256, 256, 3, 2)));
}

torch::Tensor Mixed7aImpl::forward(const torch::Tensor& x)
{
    return torch::cat(
        {branch0->forward(x), branch1->forward(x), branch2->forward(x), torch::max_pool2d(x, 3, 2)}, 1);
}

} // namespace kindred
