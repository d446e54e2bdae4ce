#include "detection/onet.h"

#include "detection/preluops.h"
#include "weights/statedict.h"

namespace kindred {

ONetImpl::ONetImpl()
{
    using torch::nn::Conv2dOptions;
    using torch::nn::PReLUOptions;
    conv1 = register_module("conv1", torch::nn::Conv2d(Conv2dOptions(3, 32, 3)));
    prelu1 = register_module("prelu1", torch::nn::PReLU(PReLUOptions().num_parameters(32)));
    conv2 = register_module("conv2", torch::nn::Conv2d(Conv2dOptions(32, 64, 3)));
    prelu2 = register_module("prelu2", torch::nn::PReLU(PReLUOptions().num_parameters(64)));
    conv3 = register_module("conv3", torch::nn::Conv2d(Conv2dOptions(64, 64, 3)));
    prelu3 = register_module("prelu3", torch::nn::PReLU(PReLUOptions().num_parameters(64)));
    conv4 = register_module("conv4", torch::nn::Conv2d(Conv2dOptions(64, 128, 2)));
    prelu4 = register_module("prelu4", torch::nn::PReLU(PReLUOptions().num_parameters(128)));
    dense5 = register_module("dense5", torch::nn::Linear(1152, 256));
    prelu5 = register_module("prelu5", torch::nn::PReLU(PReLUOptions().num_parameters(256)));
    dense6_1 = register_module("dense6_1", torch::nn::Linear(256, 2));
    dense6_2 = register_module("dense6_2", torch::nn::Linear(256, 4));
    dense6_3 = register_module("dense6_3", torch::nn::Linear(256, 10));
}

ONetOutput ONetImpl::forward(torch::Tensor x)
{
    // PReLU and pooling on the layout the detector runs in (channels-last): PreluOps.
    x = PreluOps::preluMaxPool(conv1(x), prelu1->weight, 3, 2);
    x = PreluOps::preluMaxPool(conv2(x), prelu2->weight, 3, 2);
    x = PreluOps::preluMaxPool(conv3(x), prelu3->weight, 2, 2);
    x = PreluOps::prelu(conv4(x), prelu4->weight);
    x = x.permute({0, 3, 2, 1}).contiguous().view({x.size(0), -1});
    x = PreluOps::prelu(dense5(x), prelu5->weight);
    return {torch::softmax(dense6_1(x), 1).select(1, 1), dense6_2(x), dense6_3(x)};
}

void ONetImpl::loadWeights(const TensorMap& weights)
{
    StateDict::load(*this, weights, "O-Net");
}

} // namespace kindred
