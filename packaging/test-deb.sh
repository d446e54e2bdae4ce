#!/usr/bin/env bash
# Proves the Debian package on a clean Debian 12: builds it (cpack -G DEB in BUILD_DIR), creates a bare
# system (debootstrap --variant=minbase bookworm, from the Debian mirror this machine's apt uses), installs
# the package there with apt (which must pull every dependency), then runs in that system, as a normal
# user: kindred-cli --version, a scan with faces of shared/photos/dev (bind-mounted read-only) into a
# temporary library, kindred-cli status --json, and the desktop app (QT_QPA_PLATFORM=offscreen) for a few
# seconds. Prints PASS or FAIL. Needs root and network access to the mirror; not part of the test suite.
#   packaging/test-deb.sh [BUILD_DIR]        (default: build/ of this repository)
# Environment: KINDRED_SHARED_DIR (default: ../shared), KEEP_ROOT=1 keeps the system in $TMPDIR for a look.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$repo/build}" && pwd)"
shared="${KINDRED_SHARED_DIR:-$repo/../shared}"
photos="$shared/photos/dev"
gui_seconds=8
step="checks"
started=$SECONDS
declare -a timings=()

say() { printf 'test-deb: %s\n' "$*"; }
fail() { say "$*" >&2; exit 1; }
begin() { step="$1"; step_started=$SECONDS; say "== $1"; }
done_step() { timings+=("$(printf '%-44s %4d s' "$step" $((SECONDS - step_started)))"); }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot, mounts)"
[ -f "$build/CPackConfig.cmake" ] || fail "$build is not a configured build folder"
[ -d "$photos" ] || fail "no photos in $photos (set KINDRED_SHARED_DIR)"
command -v python3 >/dev/null || fail "python3 is needed to read the JSON answers"
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null
fi

# Debian repositories of this machine, as "URI SUITE COMPONENTS" lines (one-line and deb822 formats).
apt_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) while ($i !~ /\]$/) i++; if ($2 ~ /^\[/) i++;
        line = $i " " $(i + 1); for (j = i + 2; j <= NF && $j !~ /^#/; j++) line = line " " $j; print line }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && awk 'function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no")
                          for (u in uris) for (s in suites) print uris[u] " " s " " comps;
                        types = ""; enabled = ""; comps = ""; delete uris; delete suites }
        /^[ \t]*$/ { flush(); next } /^#/ { next }
        { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "") }
        key == "types" { types = $0 } key == "enabled" { enabled = tolower($0) } key == "components" { comps = $0 }
        key == "uris" { n = split($0, a, " "); for (k = 1; k <= n; k++) uris[a[k]] = a[k] }
        key == "suites" { n = split($0, a, " "); for (k = 1; k <= n; k++) suites[a[k]] = 1 }
        END { flush() }' "$f"
  done
}
sources="$(apt_sources | awk '$2 ~ /^bookworm(-updates|-security)?$/' | sort -u)"
mirror="$(awk '$2 == "bookworm" { print $1; exit }' <<<"$sources")"
[ -n "$mirror" ] || { mirror="http://deb.debian.org/debian"; sources="$mirror bookworm main"; }

work="$(mktemp -d "${TMPDIR:-/var/tmp}/kindred-test-deb.XXXXXX")"
root="$work/root"
mounted() { awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts; }
cleanup() {
  local rc=$? m
  set +e
  for m in $(mounted | sort -r); do umount "$m" 2>/dev/null || umount -l "$m"; done
  if [ -n "$(mounted)" ]; then
    say "still mounted under $root, not removing $work" >&2
  elif [ "${KEEP_ROOT:-0}" = 1 ]; then
    say "kept $root"
  else
    rm -rf "$work"
  fi
  if [ "${#timings[@]}" -gt 0 ]; then printf '  %s\n' "${timings[@]}"; fi
  if [ "$rc" = 0 ]; then
    say "PASS ($((SECONDS - started)) s)"
  else
    say "FAIL during: $step (exit $rc, $((SECONDS - started)) s)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

begin "package (cpack -G DEB)"
deb="$(cd "$build" && cpack -G DEB | sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' | tail -1)"
[ -f "$deb" ] || fail "cpack made no .deb"
say "$deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Package Version Depends Recommends | sed 's/^/  /'
done_step

begin "clean Debian 12 (debootstrap)"
say "mirror $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }
awk '{ print "deb " $0 }' <<<"$sources" >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mkdir -p "$root/photos"
mount --bind "$photos" "$root/photos"
mount -o remount,bind,ro "$root/photos"
chroot "$root" useradd --create-home --shell /bin/sh kindred
done_step

begin "apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$work/apt.log" 2>&1 ||
  { tail -20 "$work/apt.log" >&2; fail "apt-get update failed"; }
chroot "$root" sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  ./$(basename "$deb")" >>"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log" >&2; fail "apt-get install failed"; }
say "$(grep -c '^Setting up' "$work/apt.log") packages set up"
done_step

# Runs a command in the new system as the user kindred, with a bare environment.
as_user() {
  chroot --userspec=kindred:kindred "$root" env -i HOME=/home/kindred PATH=/usr/bin:/bin LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen "$@"
}
json() { python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print($1)" "$2"; }

begin "installed files"
for f in usr/bin/kindred usr/bin/kindred-cli usr/share/kindred/models/mtcnn_model-shard1 \
  usr/share/kindred/models/edgeface_xs_q.pt usr/share/kindred/models/edgeface_xxs_q.pt \
  usr/share/kindred/models/edgeface-LICENSE.txt \
  usr/share/applications/kindred.desktop usr/share/metainfo/io.github.kindred.metainfo.xml \
  usr/share/doc/kindred/copyright usr/share/icons/hicolor/256x256/apps/kindred.png; do
  [ -f "$root/$f" ] || fail "missing /$f"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/kindred.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.kindred.metainfo.xml" >/dev/null ||
    fail "appstreamcli validate: the installed metainfo file is not valid"
fi
done_step

begin "kindred-cli --version"
as_user kindred-cli --version
done_step

begin "kindred-cli scan (faces)"
lib=/home/kindred/library
as_user kindred-cli --library "$lib" --threads 2 scan --json --quiet /photos >"$work/scan.json" ||
  fail "kindred-cli scan exited with $?"
faces="$(json 'd["faces"]["faces"]' "$work/scan.json")"
say "scan: $(json 'd["files"]' "$work/scan.json") files, $(json 'd["new"]' "$work/scan.json") new photos," \
  "$faces faces found in $(json 'd["faces"]["photos_done"]' "$work/scan.json") photos" \
  "($(json 'round(d["seconds"] + d["faces"]["seconds"])' "$work/scan.json") s)"
[ "$faces" -gt 0 ] || fail "the scan found no faces"
done_step

begin "kindred-cli status --json"
as_user kindred-cli --library "$lib" status --json >"$work/status.json"
models="$(json 'd["models"]' "$work/status.json")"
photo_count="$(json 'd["photos"]' "$work/status.json")"
failed="$(json 'd["failed"]' "$work/status.json")"
as_user kindred-cli --library "$lib" clusters --json >"$work/clusters.json"
stored_faces="$(json 'sum(c["size"] for c in d["clusters"]) + len(d["unclustered"])' "$work/clusters.json")"
say "status: $photo_count photos, $failed failed, $stored_faces faces in the catalog, models in $models"
[ "$models" = /usr/share/kindred/models ] || fail "the installed program does not use the installed models"
if [ "$photo_count" -eq 0 ] || [ "$failed" != 0 ]; then fail "status: expected photos and no failures"; fi
[ "$stored_faces" -gt 0 ] || fail "the catalog holds no faces"
done_step

begin "kindred (GUI, offscreen, ${gui_seconds} s)"
set +e
as_user timeout "$gui_seconds" kindred --library "$lib" >"$work/gui.log" 2>&1
gui=$?
set -e
if [ "$gui" != 124 ] || grep -qiE 'driver not loaded|could not load the qt platform|cannot load library' \
  "$work/gui.log"; then
  cat "$work/gui.log" >&2
  fail "the desktop app did not keep running (exit $gui; 124 = stopped by timeout)"
fi
say "still running after ${gui_seconds} s, stopped by timeout"
if [ -s "$work/gui.log" ]; then say "its messages:"; sed 's/^/  /' "$work/gui.log" | head -10; fi
done_step
