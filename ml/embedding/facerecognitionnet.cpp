#include "embedding/facerecognitionnet.h"

#include "common/modelerror.h"

namespace kindred {

namespace {

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string dotted(std::string name)
{
    for (char& c : name) {
        if (c == '/')
            c = '.';
    }
    return name;
}

} // namespace

FaceRecognitionNetImpl::FaceRecognitionNetImpl()
{
    conv32_down = register_module("conv32_down", FrnetConv(3, 32, 7, 2, 0, true));
    conv32_1 = register_module("conv32_1", FrnetResidual(32, 32, false));
    conv32_2 = register_module("conv32_2", FrnetResidual(32, 32, false));
    conv32_3 = register_module("conv32_3", FrnetResidual(32, 32, false));
    conv64_down = register_module("conv64_down", FrnetResidual(32, 64, true));
    conv64_1 = register_module("conv64_1", FrnetResidual(64, 64, false));
    conv64_2 = register_module("conv64_2", FrnetResidual(64, 64, false));
    conv64_3 = register_module("conv64_3", FrnetResidual(64, 64, false));
    conv128_down = register_module("conv128_down", FrnetResidual(64, 128, true));
    conv128_1 = register_module("conv128_1", FrnetResidual(128, 128, false));
    conv128_2 = register_module("conv128_2", FrnetResidual(128, 128, false));
    conv256_down = register_module("conv256_down", FrnetResidual(128, 256, true));
    conv256_1 = register_module("conv256_1", FrnetResidual(256, 256, false));
    conv256_2 = register_module("conv256_2", FrnetResidual(256, 256, false));
    conv256_down_out = register_module("conv256_down_out", FrnetResidual(256, 256, true));
    fc = register_module("fc", torch::nn::Linear(torch::nn::LinearOptions(256, 128).bias(false)));
}

torch::Tensor FaceRecognitionNetImpl::forward(const torch::Tensor& x)
{
    return head(stem(x));
}

torch::Tensor FaceRecognitionNetImpl::stem(const torch::Tensor& x)
{
    torch::Tensor out = conv32_down->forward(x);
    out = torch::max_pool2d(out, 3, 2);
    out = conv32_3->forward(conv32_2->forward(conv32_1->forward(out)));
    out = conv64_3->forward(conv64_2->forward(conv64_1->forward(conv64_down->forward(out))));
    return conv128_2->forward(conv128_1->forward(conv128_down->forward(out)));
}

torch::Tensor FaceRecognitionNetImpl::head(const torch::Tensor& features)
{
    torch::Tensor out = conv256_2->forward(conv256_1->forward(conv256_down->forward(features)));
    out = conv256_down_out->forward(out);
    return fc->forward(out.mean({2, 3}));
}

TensorMap FaceRecognitionNetImpl::stateDictFromTfjs(const TensorMap& tfjs)
{
    TensorMap state;
    for (const auto& [name, value] : tfjs) {
        if (name == "fc") {
            if (value.dim() != 2)
                throw ModelError("face recognition weights: 'fc' must be a matrix");
            state["fc.weight"] = value.t().contiguous();
        } else if (endsWith(name, "/conv/filters")) {
            if (value.dim() != 4)
                throw ModelError("face recognition weights: '" + name + "' must have four dimensions");
            state[dotted(name.substr(0, name.size() - 8)) + ".weight"] =
                value.permute({3, 2, 0, 1}).contiguous();
        } else if (endsWith(name, "/conv/bias")) {
            state[dotted(name)] = value;
        } else if (endsWith(name, "/scale/weights")) {
            state[dotted(name.substr(0, name.size() - 14)) + ".scale_weight"] = value;
        } else if (endsWith(name, "/scale/biases")) {
            state[dotted(name.substr(0, name.size() - 13)) + ".scale_bias"] = value;
        } else {
            state[dotted(name)] = value; // reported as unexpected when the weights are assigned
        }
    }
    return state;
}

} // namespace kindred
