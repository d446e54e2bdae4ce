#include "embedding/frnetresidual.h"

namespace kindred {

FrnetResidualImpl::FrnetResidualImpl(int64_t in, int64_t out, bool down) : isDown(down)
{
    conv1 = register_module("conv1", FrnetConv(in, out, 3, down ? 2 : 1, down ? 0 : 1, true));
    conv2 = register_module("conv2", FrnetConv(out, out, 3, 1, 1, false));
}

torch::Tensor FrnetResidualImpl::forward(const torch::Tensor& x)
{
    torch::Tensor out = conv2->forward(conv1->forward(x));
    if (!isDown)
        return torch::relu(out + x);

    torch::Tensor shortcut = torch::avg_pool2d(x, 2, 2);
    if (shortcut.size(1) != out.size(1)) {
        shortcut = torch::cat({shortcut, torch::zeros({shortcut.size(0), out.size(1) - shortcut.size(1),
                                                       shortcut.size(2), shortcut.size(3)},
                                                      shortcut.options())},
                              1);
    }
    const int64_t padH = shortcut.size(2) - out.size(2);
    const int64_t padW = shortcut.size(3) - out.size(3);
    if (padH > 0 || padW > 0)
        out = torch::constant_pad_nd(out, {0, padW, 0, padH}, 0.0);
    return torch::relu(out + shortcut);
}

} // namespace kindred
