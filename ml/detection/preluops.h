#pragma once

#include <torch/torch.h>

namespace kindred {

// PReLU, and PReLU followed by max-pooling, for the detector's networks on the layout they run in: channels
// innermost (channels-last N x C x H x W, or a contiguous N x C from a linear layer). LibTorch 1.13 runs
// these as slow generic passes on channels-last memory, each writing a new tensor (and, for max-pooling, a
// tensor of int64 indices as well): on camera-size photos they took about a sixth of the face job's CPU
// (PReLU 9 %, R-Net's and O-Net's max-pooling 8 %; docs/benchmarks-load.md). The results equal LibTorch's
// prelu and max_pool2d(kernel, stride, ceil_mode = true) exactly (the same float operations); any other
// input (another layout or type, a GPU tensor, or autograd recording) goes to LibTorch's own layers.
class PreluOps {
public:
    // PReLU with one slope per channel; in place on x where the fast path applies. Returns the result.
    static torch::Tensor prelu(torch::Tensor x, const torch::Tensor& slopes);
    // PReLU, then a max-pool of kernel x kernel windows with the given stride, no padding, ceil mode (the
    // last window may be cut off by the edge but starts inside the input). Input N x C x H x W; the result is
    // channels-last on the fast path.
    static torch::Tensor preluMaxPool(const torch::Tensor& x, const torch::Tensor& slopes, int kernel,
                                      int stride);
    // Whether the fast path takes x (a float CPU tensor, channels innermost, no autograd recording).
    static bool channelsInnermost(const torch::Tensor& x);
};

} // namespace kindred
