#include "detection/pnet.h"

#include "detection/preluops.h"
#include "weights/statedict.h"

#include <algorithm>

namespace kindred {

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
    if (x.dim() == 4 && x.size(0) == 1 && x.size(2) * x.size(3) > 2 * kStripPixels &&
        PreluOps::channelsInnermost(x))
        return forwardInStrips(x, kStripPixels);
    return whole(x);
}

std::pair<torch::Tensor, torch::Tensor> PNetImpl::forwardInStrips(const torch::Tensor& x,
                                                                  int64_t maxStripPixels)
{
    const int64_t h = x.size(2), w = x.size(3);
    // Output row i sees input rows 2i .. 2i + 11; pooling windows start on even rows.
    const int64_t pooled = (h - 2 + 1) / 2, rows = pooled - 4;
    const int64_t perStrip = std::max<int64_t>(8, (maxStripPixels / std::max<int64_t>(w, 1) - 10) / 2);
    if (rows <= perStrip)
        return whole(x);
    std::vector<torch::Tensor> probability, regression;
    for (int64_t i0 = 0; i0 < rows; i0 += perStrip) {
        const int64_t i1 = std::min(rows, i0 + perStrip);
        // Interior strips have an even number of rows (no pooling window cut short); the last one ends at the
        // input's last row, as the whole input does.
        const int64_t y0 = 2 * i0, y1 = i1 == rows ? h : 2 * (i1 - 1) + 12;
        auto [p, r] = whole(x.narrow(2, y0, y1 - y0));
        probability.push_back(p);
        regression.push_back(r);
    }
    return {torch::cat(probability, 1), torch::cat(regression, 2)};
}

std::pair<torch::Tensor, torch::Tensor> PNetImpl::whole(torch::Tensor x)
{
    // PReLU and pooling on the layout the detector runs in (channels-last): PreluOps.
    x = PreluOps::preluMaxPool(conv1(x), prelu1->weight, 2, 2);
    x = PreluOps::prelu(conv2(x), prelu2->weight);
    x = PreluOps::prelu(conv3(x), prelu3->weight);
    torch::Tensor probability = torch::softmax(conv4_1(x), 1).select(1, 1);
    return {probability, conv4_2(x)};
}

void PNetImpl::loadWeights(const TensorMap& weights)
{
    StateDict::load(*this, weights, "P-Net");
}

} // namespace kindred
