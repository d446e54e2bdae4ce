#include "detection/rnet.h"

#include "weights/statedict.h"

namespace kindred {

namespace F = torch::nn::functional;

RNetImpl::RNetImpl()
{
    using torch::nn::Conv2dOptions;
    using torch::nn::PReLUOptions;
    conv1 = register_module("conv1", torch::nn::Conv2d(Conv2dOptions(3, 28, 3)));
    prelu1 = register_module("prelu1", torch::nn::PReLU(PReLUOptions().num_parameters(28)));
    conv2 = register_module("conv2", torch::nn::Conv2d(Conv2dOptions(28, 48, 3)));
    prelu2 = register_module("prelu2", torch::nn::PReLU(PReLUOptions().num_parameters(48)));
    conv3 = register_module("conv3", torch::nn::Conv2d(Conv2dOptions(48, 64, 2)));
    prelu3 = register_module("prelu3", torch::nn::PReLU(PReLUOptions().num_parameters(64)));
    dense4 = register_module("dense4", torch::nn::Linear(576, 128));
    prelu4 = register_module("prelu4", torch::nn::PReLU(PReLUOptions().num_parameters(128)));
    dense5_1 = register_module("dense5_1", torch::nn::Linear(128, 2));
    dense5_2 = register_module("dense5_2", torch::nn::Linear(128, 4));
}

std::pair<torch::Tensor, torch::Tensor> RNetImpl::forward(torch::Tensor x)
{
    const auto pool = F::MaxPool2dFuncOptions(3).stride(2).ceil_mode(true);
    x = F::max_pool2d(prelu1(conv1(x)), pool);
    x = F::max_pool2d(prelu2(conv2(x)), pool);
    x = prelu3(conv3(x));
    // The Caffe weights expect the features flattened in (W, H, C) order.
    x = x.permute({0, 3, 2, 1}).contiguous().view({x.size(0), -1});
    x = prelu4(dense4(x));
    torch::Tensor probability = torch::softmax(dense5_1(x), 1).select(1, 1);
    return {probability, dense5_2(x)};
}

void RNetImpl::loadWeights(const TensorMap& weights)
{
    StateDict::load(*this, weights, "R-Net");
}

} // namespace kindred
