#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: each main view of the real app under Xvfb, with the small labelled
# fixture ../shared/photos/bbt (8 people x 5 crops in person folders + 5 group photos of them) catalogued,
# their faces found and grouped by the real face job (the model pack in models/), and three of the eight
# people named from one face each: the other five stay unknown groups (one person each) and the named
# people's other faces become suggestions. Usage:
#   scripts/screenshots.sh [BUILD_DIR] [PHOTOS_DIR] [OUT_DIR]
# Needs xvfb-run, python3 and ImageMagick's convert (to keep each PNG under 300 KB).
# The app saves the pictures itself (kindred --screenshots DIR, see ui/screenshottour.h).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
photos="${2:-$here/../shared/photos/bbt}"
out="${3:-$here/docs/screenshots}"
cli="${KINDRED_CLI:-$build/app/kindred-cli}"
gui="${KINDRED_GUI:-$build/app/kindred}"
for tool in xvfb-run python3 convert; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 2; }
done
[ -x "$cli" ] && [ -x "$gui" ] || { echo "screenshots: build kindred and kindred-cli in $build first" >&2; exit 2; }
[ -d "$photos" ] || { echo "screenshots: no photos in $photos" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Own settings and data: the user's Kindred settings and library are never touched.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
library="$work/library"

echo "== catalogue and find faces (kindred-cli scan)"
"$cli" --library "$library" --models "$here/models" scan "$photos" >"$work/scan.log" 2>&1 ||
    { cat "$work/scan.log" >&2; exit 1; }
tail -n 2 "$work/scan.log"

echo "== name three people, one face each (the largest face of one photo of each of the first three folders)"
"$cli" --library "$library" clusters --json >"$work/clusters.json"
python3 - "$work/clusters.json" "$photos" >"$work/names.txt" <<'PY'
import json, os, sys
data = json.load(open(sys.argv[1]))
root = os.path.realpath(sys.argv[2])
faces = [f for c in data.get("clusters", []) for f in c["faces"]]
faces += data.get("unclustered", [])
best = {}
for f in faces:
    rel = os.path.relpath(os.path.realpath(f["photo"]), root)
    parts = rel.split(os.sep)
    if len(parts) != 2:
        continue  # group photos stay unnamed: the viewer and suggestions show them
    b = f["box"]
    area = (b[2] - b[0]) * (b[3] - b[1])
    if parts[0] not in best or area > best[parts[0]][0]:
        best[parts[0]] = (area, f["id"])
for folder, (_, face) in sorted(best.items())[:3]:
    print(face, folder.replace("_", " ").title(), sep="\t")
# The group photo of the dev set: its two left-most faces, so the viewer shows names on some boxes.
group = sorted((f["box"][0], f["id"]) for f in faces if os.path.basename(f["photo"]) == "multiface.jpg")
for (_, face), name in zip(group, ["Jennifer Aniston", "Matthew Perry"]):
    print(face, name, sep="\t")
PY
[ -s "$work/names.txt" ] || { echo "screenshots: no faces to name (see $work/clusters.json)" >&2; exit 1; }
while IFS=$'\t' read -r face name; do
    "$cli" --library "$library" name --face "$face" "$name" >/dev/null
    echo "face $face: $name"
done <"$work/names.txt"

shoot() { # LIBRARY ARGS...
    local lib="$1"
    shift
    xvfb-run -a -s "-screen 0 1400x900x24" timeout 300 \
        "$gui" --library "$lib" --lang en --screenshots "$out" "$@"
}
mkdir -p "$out"
echo "== views"
shoot "$library"
echo "== German main window"
shoot "$library" --lang de --screenshot-names main-window --screenshot-suffix -de
echo "== empty library"
shoot "$work/empty-library"

echo "== shrink"
for png in "$out"/*.png; do
    if [ "$(stat -c %s "$png")" -gt 250000 ]; then
        convert "$png" -dither FloydSteinberg -colors 256 "PNG8:$png.tmp" && mv "$png.tmp" "$png"
    fi
    printf '%7d  %s\n' "$(stat -c %s "$png")" "$png"
done
