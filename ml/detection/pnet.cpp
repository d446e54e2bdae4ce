#include "detection/pnet.h"

#include "weights/statedict.h"

namespace kindred {

namespace F = torch::nn::functional;

PNetImpl::PNetImpl()
{
    using torch::nn::Conv2dOptions;
    using torch::nn::PReLUOptions;
    conv1 = register_module("conv1", torch::nn::Conv2d(Conv2dOptions(3, 10, 3)));
    prelu1 = register_module("prelu1", torch::nn::PReLU(PReLUOptions().num_parameters(10)));
    conv2 = register_module("conv2", torch::nn::Conv2d(Conv2dOptions(10, 16, 3)));
    prelu2 = register_module("prelu2", torch::nn::PReLU(PReLUOptions().num_parameters(16)));
    conv3 = register_module("conv3", torch::nn::Conv2d(Conv2dOptions(16, 32, 3)));
    prelu3 = register_module("prelu3", torch::nn::PReLU(PReLUOptions().num_parameters(32)));
    conv4_1 = register_module("conv4_1", torch::nn::Conv2d(Conv2dOptions(32, 2, 1)));
    conv4_2 = register_module("conv4_2", torch::nn::Conv2d(Conv2dOptions(32, 4, 1)));
}

std::pair<torch::Tensor, torch::Tensor> PNetImpl::forward(torch::Tensor x)
{
    x = prelu1(conv1(x));
    x = F::max_pool2d(x, F::MaxPool2dFuncOptions(2).stride(2).ceil_mode(true));
    x = prelu2(conv2(x));
    x = prelu3(conv3(x));
    torch::Tensor probability = torch::softmax(conv4_1(x), 1).select(1, 1);
    return {probability, conv4_2(x)};
}

void PNetImpl::loadWeights(const TensorMap& weights)
{
    StateDict::load(*this, weights, "P-Net");
}

} // namespace kindred
