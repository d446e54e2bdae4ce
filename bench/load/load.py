#!/usr/bin/env python3
"""The face job on a computer that is not idle (issue 21, docs/benchmarks-load.md).

Runs `kindred-cli scan` (catalogue + face job) on a fixed set of group photos into a fresh library, idle and
with K busy competitor processes (each one thread spinning at normal priority, started and stopped by this
script), for each configuration:
  default   the program's own default: GOMP_SPINCOUNT=10000 set by kindred-cli itself, and the thread count
            following the load (the free cores, measured between photos: LoadGovernor)
  fixed     --threads <cores>: the short spin, a thread count that does not follow the load
  spinning  libgomp's default wait, 300,000 spins (KINDRED_OMP_WAIT=default: how every version before behaved)
  1-thread  --threads 1 with the program's default
  one-photo KINDRED_FACE_WORKERS=1: one photo at a time with all the threads (the face job before photos were
            detected side by side)
Reports photos/s, faces/s, CPU seconds per photo (the job's own, from its rusage) and the ratio to the fair
share: idle speed x the share of the CPU the job could get (CFS shares the cores between runnable threads:
a job of T threads next to K one-thread competitors on C cores gets min(T, C*T/(T+K)) cores).

With --camera the photos are camera-size copies of the same WIDER photos (ImageMagick, made in a temporary
folder and deleted after: cropped to fill 4000x3000, 4608x3456 and 5472x3648 in turn, i.e. 12, 16 and 20 MP,
with mild sensor-like noise, JPEG quality 92, 4-6 MB each) and the report adds where the face job's time went
per photo (its stage_seconds) and the job's peak memory.

--event picks the WIDER event the photos come from: `parade` (crowds: 34 boxed faces a photo on average, the
first photos of the sorted list, which is what the bench took before the option), `interview` (1 face a photo
at the median, 3.3 on average: closer to a family's photos), or `any` (the default: the sorted list, Parade
first).

  bench/load/load.py [--cli build/app/kindred-cli] [--photos N] [--camera] [--event any|parade|interview] [--competitors 0,1,2] [--configs default,fixed,1-thread] [--json out.json]
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
WIDER = os.path.normpath(os.path.join(ROOT, "..", "shared", "photos", "devset", "wider_groups", "images"))

CONFIGS = {
    "default": ({}, []),
    "spinning": ({"KINDRED_OMP_WAIT": "default"}, []),
    "1-thread": ({}, ["--threads", "1"]),
    # One photo at a time with every thread (KINDRED_FACE_WORKERS=1): how the face job worked before photos
    # were detected side by side.
    "one-photo": ({"KINDRED_FACE_WORKERS": "1"}, []),
    "fixed": ({}, ["--threads", str(os.cpu_count())]),
    # Measured alternatives (libgomp settings given to the program; it then leaves them as they are).
    "passive": ({"OMP_WAIT_POLICY": "PASSIVE"}, []),
    "spin-100k": ({"GOMP_SPINCOUNT": "100000"}, []),
}


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


CAMERA_SIZES = ["4000x3000", "4608x3456", "5472x3648"]


EVENTS = {"any": "", "parade": "0--Parade", "interview": "13--Interview"}


def photo_set(n, work, camera=False, event="any"):
    """The first n photos of the dev set's WIDER slice (sorted; of one event), linked into one folder (or, with
    camera, made camera-size there)."""
    root = os.path.join(WIDER, EVENTS[event]) if EVENTS[event] else WIDER
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.lower().endswith(".jpg"))
    if len(files) < n:
        sys.exit(f"load: only {len(files)} photos under {root}")
    folder = os.path.join(work, "photos")
    os.makedirs(folder)
    for i, f in enumerate(files[:n]):
        target = os.path.join(folder, f"{i:04}_{os.path.basename(f)}")
        if not camera:
            os.symlink(f, target)
            continue
        size = CAMERA_SIZES[i % len(CAMERA_SIZES)]
        subprocess.run(["convert", f, "-resize", size + "^", "-gravity", "center", "-extent", size,
                        "-attenuate", "0.4", "+noise", "Gaussian", "-quality", "92", "-sampling-factor", "2x2",
                        target], check=True)
    return folder


def run(cli, photos, work, env_extra, args_extra, competitors):
    lib = tempfile.mkdtemp(dir=work, prefix="lib-")
    env = dict(os.environ)
    for key in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "KINDRED_OMP_WAIT"):
        env.pop(key, None)
    env.update(env_extra)
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(competitors)]
    try:
        time.sleep(0.5 if competitors else 0)
        start = time.monotonic()
        with tempfile.TemporaryFile(mode="w+") as out_file, tempfile.TemporaryFile(mode="w+") as err_file:
            p = subprocess.Popen([cli, "--library", lib, *args_extra, "scan", "--json", photos], env=env,
                                 stdout=out_file, stderr=err_file, text=True)
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            wall = time.monotonic() - start
            out_file.seek(0)
            err_file.seek(0)
            r = subprocess.CompletedProcess(p.args, p.returncode, out_file.read(), err_file.read())
    finally:
        for p in busy:
            p.kill()
            p.wait()
    if r.returncode != 0:
        sys.exit(f"load: scan failed: {r.stderr[-2000:]}")
    out = json.loads(r.stdout)
    part = out.get("faces") if isinstance(out.get("faces"), dict) else out.get("face_index", {})
    threads_mean = part.get("threads_mean", 0) if isinstance(part, dict) else 0
    faces = out.get("faces", {}).get("faces") if isinstance(out.get("faces"), dict) else None
    if faces is None:  # the face part's shape (docs/cli.md)
        faces = out.get("face_index", {}).get("faces", 0) if isinstance(out.get("face_index"), dict) else 0
    cpu = usage.ru_utime + usage.ru_stime
    stages = part.get("stage_seconds", {}) if isinstance(part, dict) else {}
    shutil.rmtree(lib, ignore_errors=True)
    return wall, cpu, faces, threads_mean, stages, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "kindred-cli"))
    parser.add_argument("--photos", type=int, default=60)
    parser.add_argument("--camera", action="store_true", help="camera-size (12-20 MP) copies of the photos")
    parser.add_argument("--event", choices=sorted(EVENTS), default="any",
                        help="the WIDER event the photos come from (interview: few faces a photo)")
    parser.add_argument("--competitors", default="0,1,2")
    parser.add_argument("--configs", default="default,fixed,1-thread")
    parser.add_argument("--json")
    args = parser.parse_args()
    cores = os.cpu_count()
    work = tempfile.mkdtemp(prefix="kindred-load-")
    photos = photo_set(args.photos, work, args.camera, args.event)
    ks = [int(k) for k in args.competitors.split(",")]
    print(f"bench load: {cpu_model()}, {cores} cores, load average before {os.getloadavg()[0]:.2f}; "
          f"{args.photos} WIDER photos{'' if args.event == 'any' else ' (' + EVENTS[args.event] + ')'}{' made camera-size (12/16/20 MP)' if args.camera else ''}; competitors: one spinning thread each, normal priority", flush=True)
    results = []
    idle = {}
    for name in args.configs.split(","):
        env_extra, args_extra = CONFIGS[name]
        # The share is the one a job of the configured count could get; the default starts each photo with
        # as many threads as there are cores, so it is held to the share of a job of that many threads.
        threads = int(args_extra[args_extra.index("--threads") + 1]) if "--threads" in args_extra else cores
        for k in ks:
            wall, cpu, faces, threads_mean, stages, peak = run(os.path.abspath(args.cli), photos, work, env_extra,
                                                               args_extra, k)
            speed = args.photos / wall
            if k == 0:
                idle[name] = speed
            share = min(threads, cores * threads / (threads + k)) / threads
            fair = idle.get(name, speed) * share
            row = dict(config=name, competitors=k, seconds=round(wall, 2), photos_per_s=round(speed, 3),
                       faces_per_s=round(faces / wall, 2), cpu_s_per_photo=round(cpu / args.photos, 3),
                       fair_share=round(share, 3), of_fair_share=round(speed / fair, 3) if fair else None,
                       threads_mean=round(threads_mean, 2) if threads_mean else threads, peak_mib=round(peak),
                       stage_ms_per_photo={key: round(v * 1000 / args.photos, 1) for key, v in stages.items()})
            results.append(row)
            print(f"{name:9} K={k}  {wall:7.1f} s  {speed:6.2f} photos/s  {faces / wall:6.1f} faces/s  "
                  f"{cpu / args.photos:5.2f} CPU s/photo  share {share:.2f}  {row['of_fair_share']:.2f} of the "
                  f"fair share  threads {row['threads_mean']}  peak {row['peak_mib']} MiB", flush=True)
            if args.camera:
                print("          ms per photo: " + ", ".join(f"{key} {v}" for key, v in
                                                           row["stage_ms_per_photo"].items()), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(machine=cpu_model(), cores=cores, photos=args.photos, camera=args.camera, event=args.event,
                           results=results), f, indent=1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
