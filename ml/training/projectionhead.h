#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <torch/torch.h>

namespace kindred {

enum class HeadKind {
    Linear,   // y = normalize(W x + b), W = I and b = 0 at start
    Residual, // y = normalize(x + W2 relu(W1 x + b1) + b2), W2 = 0 and b2 = 0 at start
};

struct ProjectionHeadOptions {
    int64_t dim = 128;
    HeadKind kind = HeadKind::Linear;
    int64_t hidden = 0; // Residual: hidden width (0 = dim)
    uint64_t seed = 1;  // Residual: initialisation of W1
};

// Trainable personalisation stage on top of the embedder. Untrained it is the identity: outputs equal the
// (L2-normalised) inputs up to float rounding of the renormalisation (<= 1e-6). forward() returns
// L2-normalised rows.
struct ProjectionHeadImpl : torch::nn::Module {
    explicit ProjectionHeadImpl(const ProjectionHeadOptions& options);
    torch::Tensor forward(const torch::Tensor& x);
    // Inference helper: eval mode, no gradient, any N x dim float input.
    torch::Tensor project(const torch::Tensor& x);

    ProjectionHeadOptions options;
    torch::nn::Linear linear{nullptr};
    torch::nn::Linear fc1{nullptr};
    torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(ProjectionHead);

// Saves the head in torch's zip archive format (torch::serialize::OutputArchive) with a metadata entry
// (kind, dim, hidden plus the caller's key/value pairs). Atomic: writes "<file>.tmp" and renames it.
// Throws std::runtime_error with the path on failure.
void saveProjectionHead(ProjectionHead& head, const std::filesystem::path& file,
                        const std::map<std::string, std::string>& metadata = {});
// Loads a head written by saveProjectionHead; metadata (optional) receives the stored pairs.
// Throws std::runtime_error with a clear message for a missing, foreign or corrupt file.
ProjectionHead loadProjectionHead(const std::filesystem::path& file,
                                  std::map<std::string, std::string>* metadata = nullptr);

} // namespace kindred
