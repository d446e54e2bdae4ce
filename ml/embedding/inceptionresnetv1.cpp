#include "embedding/inceptionresnetv1.h"

#include "common/modelerror.h"

namespace kindred {

InceptionResnetV1Impl::InceptionResnetV1Impl(int64_t classes, double dropoutProbability) : numClasses(classes)
{
    conv2d_1a = register_module("conv2d_1a", BasicConv2d(3, 32, 3, 2));
    conv2d_2a = register_module("conv2d_2a", BasicConv2d(32, 32, 3, 1));
    conv2d_2b = register_module("conv2d_2b", BasicConv2d(32, 64, 3, 1, 1));
    conv2d_3b = register_module("conv2d_3b", BasicConv2d(64, 80, 1));
    conv2d_4a = register_module("conv2d_4a", BasicConv2d(80, 192, 3, 1));
    conv2d_4b = register_module("conv2d_4b", BasicConv2d(192, 256, 3, 2));
    repeat_1 = torch::nn::Sequential();
    for (int i = 0; i < 5; ++i)
        repeat_1->push_back(Block35(0.17));
    register_module("repeat_1", repeat_1);
    mixed_6a = register_module("mixed_6a", Mixed6a());
    repeat_2 = torch::nn::Sequential();
    for (int i = 0; i < 10; ++i)
        repeat_2->push_back(Block17(0.10));
    register_module("repeat_2", repeat_2);
    mixed_7a = register_module("mixed_7a", Mixed7a());
    repeat_3 = torch::nn::Sequential();
    for (int i = 0; i < 5; ++i)
        repeat_3->push_back(Block8(0.20));
    register_module("repeat_3", repeat_3);
    block8 = register_module("block8", Block8(1.0, true));
    dropout = register_module("dropout", torch::nn::Dropout(dropoutProbability));
    last_linear =
        register_module("last_linear", torch::nn::Linear(torch::nn::LinearOptions(1792, 512).bias(false)));
    last_bn = register_module(
        "last_bn", torch::nn::BatchNorm1d(torch::nn::BatchNormOptions(512).eps(1e-3).momentum(0.1)));
    if (numClasses > 0)
        logits = register_module("logits", torch::nn::Linear(512, numClasses));
}

torch::Tensor InceptionResnetV1Impl::forward(const torch::Tensor& x)
{
    torch::Tensor out = conv2d_2b->forward(conv2d_2a->forward(conv2d_1a->forward(x)));
    out = torch::max_pool2d(out, 3, 2);
    out = conv2d_4b->forward(conv2d_4a->forward(conv2d_3b->forward(out)));
    out = repeat_1->forward(out);
    out = mixed_6a->forward(out);
    out = repeat_2->forward(out);
    out = mixed_7a->forward(out);
    out = repeat_3->forward(out);
    out = block8->forward(out);
    out = torch::adaptive_avg_pool2d(out, {1, 1}).flatten(1);
    out = dropout->forward(out);
    return last_bn->forward(last_linear->forward(out));
}

torch::Tensor InceptionResnetV1Impl::classify(const torch::Tensor& embeddings)
{
    if (!logits)
        throw ModelError("this InceptionResnetV1 has no classification layer (logits)");
    return logits->forward(embeddings);
}

int64_t InceptionResnetV1Impl::classesIn(const TensorMap& stateDict)
{
    const auto found = stateDict.find("logits.weight");
    if (found == stateDict.end())
        return 0;
    if (found->second.dim() != 2 || found->second.size(1) != 512)
        throw ModelError("logits.weight must be a [classes, 512] matrix");
    return found->second.size(0);
}

} // namespace kindred
