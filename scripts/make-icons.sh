#!/usr/bin/env bash
# Renders resources/icons/kindred-<size>.png from the artwork (the same shapes as kindred.svg) with
# ImageMagick's drawing primitives (Debian's ImageMagick has no SVG reader without extra delegates).
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/resources/icons"
convert -size 256x256 xc:none \
    -fill '#2f7fd1' -draw "roundrectangle 16,16 240,240 44,44" \
    -fill '#ffffff' -draw "roundrectangle 44,52 212,204 16,16" \
    -fill '#dbe9f8' -draw "roundrectangle 56,64 200,192 8,8" \
    -fill '#f2b880' -draw "circle 108,112 108,90" \
    -fill '#f2b880' -draw "path 'M 70 192 C 70 160 88 144 108 144 C 128 144 146 160 146 192 Z'" \
    -fill '#e89a5c' -draw "circle 156,132 156,116" \
    -fill '#e89a5c' -draw "path 'M 128 192 C 128 170 140 158 156 158 C 172 158 184 170 184 192 Z'" \
    -fill none -stroke '#2f7fd1' -strokewidth 5 -draw "roundrectangle 84,80 132,138 6,6" \
    "PNG32:$dir/kindred-256.png"
for n in 16 24 32 48 64 128; do
    convert "$dir/kindred-256.png" -filter Lanczos -resize "${n}x${n}" "PNG32:$dir/kindred-$n.png"
done
echo "wrote $dir/kindred-{16,24,32,48,64,128,256}.png"
