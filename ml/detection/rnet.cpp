#include "detection/rnet.h"

#include "detection/preluops.h"
#include "weights/statedict.h"

namespace kindred {

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
    // PReLU and pooling on the layout the detector runs in (channels-last): PreluOps.
    x = PreluOps::preluMaxPool(conv1(x), prelu1->weight, 3, 2);
    x = PreluOps::preluMaxPool(conv2(x), prelu2->weight, 3, 2);
    x = PreluOps::prelu(conv3(x), prelu3->weight);
    // The Caffe weights expect the features flattened in (W, H, C) order.
    x = x.permute({0, 3, 2, 1}).contiguous().view({x.size(0), -1});
    x = PreluOps::prelu(dense4(x), prelu4->weight);
    torch::Tensor probability = torch::softmax(dense5_1(x), 1).select(1, 1);
    return {probability, dense5_2(x)};
}

void RNetImpl::loadWeights(const TensorMap& weights)
{
    StateDict::load(*this, weights, "R-Net");
}

} // namespace kindred
