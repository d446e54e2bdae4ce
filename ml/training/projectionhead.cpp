#include "training/projectionhead.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

namespace kindred {

namespace {

constexpr const char* kMetadataKey = "kindred_projection_head";

const char* kindName(HeadKind kind)
{
    return kind == HeadKind::Linear ? "linear" : "residual";
}

} // namespace

ProjectionHeadImpl::ProjectionHeadImpl(const ProjectionHeadOptions& o) : options(o)
{
    if (options.dim < 1)
        throw std::invalid_argument("ProjectionHead: dim must be positive");
    torch::NoGradGuard noGrad;
    if (options.kind == HeadKind::Linear) {
        linear = register_module("linear", torch::nn::Linear(options.dim, options.dim));
        linear->weight.copy_(torch::eye(options.dim));
        linear->bias.zero_();
    } else {
        const int64_t hidden = options.hidden > 0 ? options.hidden : options.dim;
        fc1 = register_module("fc1", torch::nn::Linear(options.dim, hidden));
        fc2 = register_module("fc2", torch::nn::Linear(hidden, options.dim));
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
        fc1->weight.copy_(torch::randn({hidden, options.dim}, gen) /
                          std::sqrt(static_cast<double>(options.dim)));
        fc1->bias.zero_();
        fc2->weight.zero_();
        fc2->bias.zero_();
    }
}

torch::Tensor ProjectionHeadImpl::forward(const torch::Tensor& x)
{
    if (x.dim() != 2 || x.size(1) != options.dim)
        throw std::invalid_argument("ProjectionHead: expected N x " + std::to_string(options.dim) + " input");
    torch::Tensor y = options.kind == HeadKind::Linear ? linear(x) : x + fc2(torch::relu(fc1(x)));
    return torch::nn::functional::normalize(y, torch::nn::functional::NormalizeFuncOptions().dim(1));
}

torch::Tensor ProjectionHeadImpl::project(const torch::Tensor& x)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = is_training();
    eval();
    torch::Tensor y = forward(x.to(torch::kCPU, torch::kFloat32));
    train(wasTraining);
    return y;
}

void saveProjectionHead(ProjectionHead& head, const std::filesystem::path& file,
                        const std::map<std::string, std::string>& metadata)
{
    nlohmann::json meta = nlohmann::json::object();
    for (const auto& [key, value] : metadata)
        meta[key] = value;
    meta["format"] = "kindred-projection-head-1";
    meta["kind"] = kindName(head->options.kind);
    meta["dim"] = head->options.dim;
    meta["hidden"] = head->options.hidden;
    const std::filesystem::path temp = file.string() + ".tmp";
    try {
        torch::serialize::OutputArchive archive;
        head->save(archive);
        archive.write(kMetadataKey, c10::IValue(meta.dump()));
        archive.save_to(temp.string());
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw std::runtime_error("cannot write projection head " + temp.string() + ": " + e.what());
    }
    std::error_code error;
    std::filesystem::rename(temp, file, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw std::runtime_error("cannot rename " + temp.string() + " to " + file.string() + ": " +
                                 error.message());
    }
}

ProjectionHead loadProjectionHead(const std::filesystem::path& file,
                                  std::map<std::string, std::string>* metadata)
{
    if (!std::filesystem::is_regular_file(file))
        throw std::runtime_error("projection head " + file.string() + " does not exist");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(file.string());
    } catch (const std::exception& e) {
        throw std::runtime_error("projection head " + file.string() + " is not a torch archive: " + e.what());
    }
    c10::IValue value;
    if (!archive.try_read(kMetadataKey, value) || !value.isString())
        throw std::runtime_error("projection head " + file.string() + " has no Kindred metadata");
    nlohmann::json meta;
    try {
        meta = nlohmann::json::parse(value.toStringRef());
    } catch (const std::exception& e) {
        throw std::runtime_error("projection head " + file.string() + ": unreadable metadata: " + e.what());
    }
    if (meta.value("format", "") != "kindred-projection-head-1")
        throw std::runtime_error("projection head " + file.string() + ": unknown format");
    ProjectionHeadOptions options;
    const std::string kind = meta.value("kind", "");
    if (kind != "linear" && kind != "residual")
        throw std::runtime_error("projection head " + file.string() + ": unknown kind '" + kind + "'");
    options.kind = kind == "linear" ? HeadKind::Linear : HeadKind::Residual;
    options.dim = meta.value("dim", int64_t{0});
    options.hidden = meta.value("hidden", int64_t{0});
    if (options.dim < 1)
        throw std::runtime_error("projection head " + file.string() + ": bad dimension");
    ProjectionHead head(options);
    try {
        head->load(archive);
    } catch (const std::exception& e) {
        throw std::runtime_error("projection head " + file.string() + ": tensors do not match: " + e.what());
    }
    if (metadata) {
        metadata->clear();
        for (const auto& [key, entry] : meta.items())
            (*metadata)[key] = entry.is_string() ? entry.get<std::string>() : entry.dump();
    }
    return head;
}

} // namespace kindred
