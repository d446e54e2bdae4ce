#!/usr/bin/python3
"""Parity reference vectors for the EdgeFace embedders (tests/ml_embedding/data/edgeface_reference.json).

A float re-implementation of EdgeFace-XS / -XXS (timm's EdgeNeXt x_small / xx_small with a 512-d head) in
plain PyTorch, written from the network's description, that loads the shipped int8 checkpoints with their
Linear weights dequantized as (q - zero_point) * scale and records the raw, un-normalised 512-d outputs for
three synthetic 112x112 inputs. The C++ tests compare the project's own implementation against them.

It is run once by hand, with Debian's python3-torch (apt-get install python3-torch), to write the reference
data; never at build or test time.

usage: /usr/bin/python3 make_edgeface_reference.py [EDGEFACE_DIR [OUTPUT_JSON]]
  EDGEFACE_DIR  folder with edgeface_xs_q.pt and edgeface_xxs_q.pt (default: shared/models/edgeface beside
                the project, i.e. ../../../shared/models/edgeface from this script)
  OUTPUT_JSON   default: data/edgeface_reference.json next to this script

Input k (0, 1, 2), uint8 RGB at column x, row y:
  R = (2x + k(3y + 7)) % 256,  G = (2y + k(5x + 1)) % 256,  B = (3(x + y) + 11k) % 256
scaled (v/255 - 0.5)/0.5, NCHW. k = 0 is the input of the independent XS reference in
shared/reference/edgeface/edgeface_xs_synthetic_fp32.json, which is checked when present.
"""
import argparse
import hashlib
import json
import math
import pathlib

import torch
import torch.nn.functional as F
from torch import nn

HERE = pathlib.Path(__file__).resolve().parent

MODELS = {
    "edgeface-xs": {"file": "edgeface_xs_q.pt", "dims": (32, 64, 100, 192), "depths": (3, 3, 9, 3)},
    "edgeface-xxs": {"file": "edgeface_xxs_q.pt", "dims": (24, 48, 88, 168), "depths": (2, 2, 6, 2)},
}
# Shared by both sizes, per stage.
KERNEL_SIZES = (3, 5, 7, 9)
SPLIT_SCALES = (2, 2, 3, 4)
HAS_SDTA = (False, True, True, True)  # the last block of the stage is a split-transpose (SDTA) block
HAS_POS_EMB = (False, True, False, False)
HEADS = 4
EXPAND = 4
EPS = 1e-6
EMBEDDING = 512
SIZE = 112

INPUT_TEXT = ("uint8 RGB 112x112, x = column, y = row, k = 0, 1, 2: R = (2x + k*(3y + 7)) % 256, "
              "G = (2y + k*(5x + 1)) % 256, B = (3(x + y) + 11k) % 256")
SHARED_CHECK_TOLERANCE = 1e-4
BATCH_TOLERANCE = 1e-5


class ChannelNorm(nn.LayerNorm):
    """LayerNorm over the channels of an NCHW tensor."""

    def __init__(self, channels):
        super().__init__(channels, eps=EPS)

    def forward(self, x):
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class Mlp(nn.Module):
    """Channels-last inverted bottleneck: Linear(dim, 4 dim) -> exact GELU -> Linear(4 dim, dim)."""

    def __init__(self, dim):
        super().__init__()
        self.fc1 = nn.Linear(dim, EXPAND * dim)
        self.fc2 = nn.Linear(EXPAND * dim, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


def depthwise(channels, kernel):
    return nn.Conv2d(channels, channels, kernel, padding=kernel // 2, groups=channels)


class ConvBlock(nn.Module):
    """x + gamma * Mlp(LayerNorm(depthwise_conv(x))), the MLP part evaluated channels-last."""

    def __init__(self, dim, kernel):
        super().__init__()
        self.conv_dw = depthwise(dim, kernel)
        self.norm = nn.LayerNorm(dim, eps=EPS)
        self.mlp = Mlp(dim)
        self.gamma = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        y = self.conv_dw(x).permute(0, 2, 3, 1)
        y = self.gamma * self.mlp(self.norm(y))
        return x + y.permute(0, 3, 1, 2)


class FourierPositions(nn.Module):
    """Sine/cosine encoding of the normalised (row, column) position of each token, projected by a 1x1 conv.

    32 features per axis, sin(p / T_0), cos(p / T_0), sin(p / T_1), cos(p / T_1), ..., cos(p / T_15) with
    T_j = 10000 ** (j / 16) and p = 2 pi * index / (count + 1e-6), the index counted from 1 (the last row or
    column sits at ~2 pi). Channel order: the 32 row (y) features, then the 32 column (x) features.
    """

    FEATURES = 32

    def __init__(self, dim):
        super().__init__()
        self.token_projection = nn.Conv2d(2 * self.FEATURES, dim, 1)

    def axis_features(self, count):
        position = torch.arange(1, count + 1, dtype=torch.float32)
        position = position / (count + EPS) * (2 * math.pi)
        i = torch.arange(self.FEATURES, dtype=torch.float32)
        periods = 10000.0 ** (2 * torch.div(i, 2, rounding_mode="floor") / self.FEATURES)
        angles = position[:, None] / periods
        # interleave: sin of the even columns, cos of the odd ones
        return torch.stack((angles[:, 0::2].sin(), angles[:, 1::2].cos()), dim=2).flatten(1)

    def forward(self, height, width):
        rows = self.axis_features(height)[:, None, :].expand(height, width, self.FEATURES)
        cols = self.axis_features(width)[None, :, :].expand(height, width, self.FEATURES)
        grid = torch.cat((rows, cols), dim=2).permute(2, 0, 1)[None]
        return self.token_projection(grid)  # 1 x dim x H x W


class CrossCovarianceAttention(nn.Module):
    """Attention across channels: per head, a (C/h x C/h) map from L2-normalised q, k rows over the tokens."""

    def __init__(self, dim):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(HEADS, 1, 1))
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        batch, tokens, dim = x.shape
        # qkv features are ordered (q|k|v, head, channel within head)
        qkv = self.qkv(x).reshape(batch, tokens, 3, HEADS, dim // HEADS).permute(2, 0, 3, 4, 1)
        q, k, v = F.normalize(qkv[0], dim=-1), F.normalize(qkv[1], dim=-1), qkv[2]
        attention = (q @ k.transpose(-2, -1) * self.temperature).softmax(dim=-1)
        out = (attention @ v).permute(0, 3, 1, 2).reshape(batch, tokens, dim)
        return self.proj(out)


class SplitTransposeBlock(nn.Module):
    """SDTA block: cascaded 3x3 depthwise convs over channel groups, cross-covariance attention, MLP."""

    def __init__(self, dim, scales, pos_emb):
        super().__init__()
        self.groups = scales
        width = math.ceil(dim / scales)
        self.convs = nn.ModuleList(depthwise(width, 3) for _ in range(scales - 1))
        self.pos_embd = FourierPositions(dim) if pos_emb else None
        self.norm_xca = nn.LayerNorm(dim, eps=EPS)
        self.gamma_xca = nn.Parameter(torch.ones(dim))
        self.xca = CrossCovarianceAttention(dim)
        self.norm = nn.LayerNorm(dim, eps=EPS)
        self.mlp = Mlp(dim)
        self.gamma = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        batch, dim, height, width = x.shape
        # torch.chunk: groups of ceil(dim / scales) channels, the last one possibly smaller; it is passed
        # through. Each conv sees its own group plus the previous conv's output.
        parts = x.chunk(self.groups, dim=1)
        mixed = []
        carry = None
        for part, conv in zip(parts, self.convs):
            carry = conv(part if carry is None else carry + part)
            mixed.append(carry)
        mixed.append(parts[-1])
        y = torch.cat(mixed, dim=1)

        y = y.flatten(2).transpose(1, 2)  # B x HW x C
        if self.pos_embd is not None:
            y = y + self.pos_embd(height, width).flatten(2).transpose(1, 2)
        y = y + self.gamma_xca * self.xca(self.norm_xca(y))
        y = self.gamma * self.mlp(self.norm(y))
        return x + y.transpose(1, 2).reshape(batch, dim, height, width)


class Stage(nn.Module):
    def __init__(self, index, dim_in, dim, depth):
        super().__init__()
        self.downsample = nn.Sequential(ChannelNorm(dim_in), nn.Conv2d(dim_in, dim, 2, stride=2)) if index else None
        blocks = [ConvBlock(dim, KERNEL_SIZES[index]) for _ in range(depth - int(HAS_SDTA[index]))]
        if HAS_SDTA[index]:
            blocks.append(SplitTransposeBlock(dim, SPLIT_SCALES[index], HAS_POS_EMB[index]))
        self.blocks = nn.Sequential(*blocks)

    def forward(self, x):
        if self.downsample is not None:
            x = self.downsample(x)
        return self.blocks(x)


class Head(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = ChannelNorm(dim)
        self.fc = nn.Linear(dim, EMBEDDING)

    def forward(self, x):
        return self.fc(self.norm(x.mean(dim=(2, 3), keepdim=True)).flatten(1))


class EdgeFace(nn.Module):
    def __init__(self, dims, depths):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, dims[0], 4, stride=4), ChannelNorm(dims[0]))
        self.stages = nn.Sequential(*(Stage(i, dims[max(i - 1, 0)], dims[i], depths[i]) for i in range(4)))
        self.head = Head(dims[-1])

    def forward(self, x, shapes=None):
        """Raw 512-d output; when `shapes` is a list, (name, shape) of each intermediate tensor is appended."""
        x = self.stem(x)
        if shapes is not None:
            shapes.append(("stem", tuple(x.shape)))
        for i, stage in enumerate(self.stages):
            x = stage(x)
            if shapes is not None:
                shapes.append((f"stage {i}", tuple(x.shape)))
        x = self.head(x)
        if shapes is not None:
            shapes.append(("head", tuple(x.shape)))
        return x


def load_state_dict(path):
    """The checkpoint's tensors under the module names above, int8 Linear weights dequantized."""
    raw = torch.load(path, map_location="cpu")
    packed = "._packed_params._packed_params"
    linears = {key[: -len(packed)] for key in raw if key.endswith(packed)}
    ignored = {base + suffix for base in linears for suffix in (".scale", ".zero_point", "._packed_params.dtype")}
    state = {}
    for key, value in raw.items():
        if key in ignored:
            continue
        name = key.removeprefix("model.")
        if key.endswith(packed):
            weight, bias = value
            assert weight.qscheme() == torch.per_tensor_affine
            # (q - zero_point) * scale, in float32 like torch's own dequantize()
            scale = torch.tensor(weight.q_scale(), dtype=torch.float32)
            state[name[: -len(packed)] + ".weight"] = (weight.int_repr().float() - weight.q_zero_point()) * scale
            state[name[: -len(packed)] + ".bias"] = bias.detach()
        else:
            state[name] = value
    return state


def synthetic_input(k):
    x = torch.arange(SIZE).view(1, SIZE)  # column
    y = torch.arange(SIZE).view(SIZE, 1)  # row
    rgb = torch.stack((
        (2 * x + k * (3 * y + 7)) % 256,
        (2 * y + k * (5 * x + 1)) % 256,
        (3 * (x + y) + 11 * k) % 256,
    )).to(torch.uint8)
    return ((rgb.float() / 255 - 0.5) / 0.5)[None]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("edgeface_dir", nargs="?", type=pathlib.Path,
                        default=HERE / "../../../shared/models/edgeface")
    parser.add_argument("output", nargs="?", type=pathlib.Path, default=HERE / "data/edgeface_reference.json")
    args = parser.parse_args()
    edgeface_dir = args.edgeface_dir.resolve()
    shared_json = edgeface_dir / "../../reference/edgeface/edgeface_xs_synthetic_fp32.json"

    inputs = [synthetic_input(k) for k in range(3)]
    document = {
        "inputs": INPUT_TEXT,
        "preprocessing": "(v/255-0.5)/0.5, NCHW RGB",
        "models": {},
        "generator": f"tests/ml_embedding/make_edgeface_reference.py, torch {torch.__version__}",
    }
    with torch.no_grad():
        for name, spec in MODELS.items():
            path = edgeface_dir / spec["file"]
            model = EdgeFace(spec["dims"], spec["depths"]).eval()
            model.load_state_dict(load_state_dict(path), strict=True)
            parameters = sum(p.numel() for p in model.parameters())
            print(f"{name}: {path} ({parameters} parameters)")

            shapes = []
            singles = [model(inputs[0], shapes)[0]] + [model(x)[0] for x in inputs[1:]]
            for stage, shape in shapes:
                print(f"  {stage:8} {shape}")
            batched = model(torch.cat(inputs))
            batch_diff = max((batched[k] - singles[k]).abs().max().item() for k in range(3))
            print(f"  batch of 3 vs single: max abs diff {batch_diff:.3g}")
            assert batch_diff < BATCH_TOLERANCE
            print("  raw L2 norms k=0..2: " + ", ".join(f"{v.norm().item():.6f}" for v in singles))

            if name == "edgeface-xs" and shared_json.exists():
                shared = torch.tensor(json.loads(shared_json.read_text())["embedding_512"])
                diff = (singles[0] - shared).abs().max().item()
                print(f"  k=0 vs {shared_json.name} (raw): max abs diff {diff:.3g}")
                assert diff < SHARED_CHECK_TOLERANCE

            document["models"][name] = {
                "file": spec["file"],
                "sha256": sha256(path),
                "outputs": [[float(f"{v:.7g}") for v in out.tolist()] for out in singles],
            }

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
