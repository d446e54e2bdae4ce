#include "embedding/mixed6a.h"

namespace kindred {

Mixed6aImpl::Mixed6aImpl()
{
    branch0 = register_module("branch0", BasicConv2d(256, 384, 3, 2));
    branch1 = register_module("branch1",
                              torch::nn::Sequential(BasicConv2d(256, 192, 1), BasicConv2d(192, 192, 3, 1, 1),
                                                    BasicConv2d(192, 256, 3, 2)));
}

torch::Tensor Mixed6aImpl::forward(const torch::Tensor& x)
{
    return torch::cat({branch0->forward(x), branch1->forward(x), torch::max_pool2d(x, 3, 2)}, 1);
}

} // namespace kindred
