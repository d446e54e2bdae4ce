#include "weights/statedict.h"

#include "common/modelerror.h"

#include <set>
#include <sstream>

namespace kindred {

namespace {

std::string shapeText(c10::IntArrayRef sizes)
{
    std::ostringstream out;
    out << '[';
    for (size_t i = 0; i < sizes.size(); ++i)
        out << (i ? ", " : "") << sizes[i];
    out << ']';
    return out.str();
}

} // namespace

void StateDict::load(torch::nn::Module& module, const TensorMap& tensors, const std::string& what,
                     const StateDictOptions& options)
{
    torch::NoGradGuard noGrad;
    std::map<std::string, torch::Tensor> targets;
    for (const auto& item : module.named_parameters(true))
        targets[item.key()] = item.value();
    for (const auto& item : module.named_buffers(true))
        targets[item.key()] = item.value();

    // Check everything first so that a failure leaves the module untouched.
    for (const auto& [name, target] : targets) {
        const auto it = tensors.find(name);
        if (it == tensors.end()) {
            if (options.allowMissing)
                continue;
            throw ModelError(what + ": the weights lack tensor '" + name + "' " + shapeText(target.sizes()));
        }
        if (!it->second.defined())
            throw ModelError(what + ": tensor '" + name + "' is empty");
        if (it->second.sizes() != target.sizes())
            throw ModelError(what + ": tensor '" + name + "' has shape " + shapeText(it->second.sizes()) +
                             " but the network expects " + shapeText(target.sizes()));
    }
    if (!options.allowUnexpected)
        for (const auto& [name, value] : tensors)
            if (!targets.count(name))
                throw ModelError(what + ": unexpected tensor '" + name + "' " + shapeText(value.sizes()) +
                                 " (the network has no such parameter)");
    for (auto& [name, target] : targets) {
        const auto it = tensors.find(name);
        if (it != tensors.end())
            target.copy_(it->second.to(target.device(), target.scalar_type()));
    }
}

} // namespace kindred
