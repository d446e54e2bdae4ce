#!/bin/sh
# Reproduces the fine-tuning measurements of docs/finetuning.md.
#   bench/train/run_experiments.sh BUILD_DIR [OUT_DIR]
# Needs the model pack (models/) and ../shared/photos. Prints one JSON line per experiment.
set -eu
build=${1:?usage: run_experiments.sh BUILD_DIR [OUT_DIR]}
out=${2:-/tmp/kindred-finetune}
here=$(cd "$(dirname "$0")/../.." && pwd)
cli="$build/app/kindred-cli"
mkdir -p "$out"
[ -f "$out/bbt.npz" ] || "$cli" --threads 2 embed --models "$here/models" --largest "$here/../shared/photos/bbt" --out "$out/bbt.npz"
[ -f "$out/synthetic.npz" ] || "$build/bench/train/bench_train" --write-npz "$out/synthetic.npz" --faces 1200 --people 40 --nuisance 0.5
run() {
    printf '%s ' "$*"
    "$cli" --threads 2 finetune --experiment --json "$@" | tr -d '\n ' | sed 's/"loss_curve":\[[^]]*\],//'
    echo
}
for k in 2 3 4; do
    run --npz "$out/bbt.npz" --per-person "$k" --min-faces 3
done
for k in 2 5 10; do
    run --npz "$out/synthetic.npz" --per-person "$k"
done
for loss in triplet-euclidean triplet-cosine; do
    for mining in semi-hard batch-hard; do
        run --npz "$out/synthetic.npz" --per-person 5 --loss "$loss" --mining "$mining"
    done
done
"$build/bench/train/bench_train" --threads 2
