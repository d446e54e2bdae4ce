#pragma once

#include "embedding/edgenextconvblock.h"
#include "embedding/splittransposeblock.h"

#include <torch/torch.h>
#include <vector>

namespace kindred {

// How one EdgeNeXt stage is built.
struct EdgeNextStageOptions {
    int64_t in = 0;           // channels coming in
    int64_t out = 0;          // channels of the stage
    bool downsample = false;  // LayerNorm2d + 2 x 2 stride-2 convolution first ("downsample.0/1")
    int64_t depth = 3;        // blocks; the last one is an SDTA block when globalBlocks = 1
    int64_t globalBlocks = 1; // 0 or 1
    int64_t kernelSize = 3;   // of the convolution blocks
    int64_t scales = 2;       // channel chunks of the SDTA block
    int64_t heads = 4;        // attention heads of the SDTA block
    bool positionalEncoding = false;
};

// One stage of EdgeNeXt (timm's EdgeNeXtStage): optional downsampling, then `depth` blocks ("blocks.i").
struct EdgeNextStageImpl : torch::nn::Module {
    explicit EdgeNextStageImpl(const EdgeNextStageOptions& options);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Sequential downsample{nullptr};
    torch::nn::ModuleList blocks{nullptr};

private:
    std::vector<EdgeNextConvBlock> m_convBlocks;
    SplitTransposeBlock m_global{nullptr};
};
TORCH_MODULE(EdgeNextStage);

} // namespace kindred
