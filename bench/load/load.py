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
Reports photos/s, faces/s, CPU seconds per photo (the job's own, from its rusage) and the ratio to the fair
share: idle speed x the share of the CPU the job could get (CFS shares the cores between runnable threads:
a job of T threads next to K one-thread competitors on C cores gets min(T, C*T/(T+K)) cores).

  bench/load/load.py [--cli build/app/kindred-cli] [--photos N] [--competitors 0,1,2] [--configs default,fixed,1-thread] [--json out.json]
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


def photo_set(n, work):
    """The first n photos of the dev set's WIDER slice (sorted), linked into one folder."""
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(WIDER) for f in fs if f.lower().endswith(".jpg"))
    if len(files) < n:
        sys.exit(f"load: only {len(files)} photos under {WIDER}")
    folder = os.path.join(work, "photos")
    os.makedirs(folder)
    for i, f in enumerate(files[:n]):
        os.symlink(f, os.path.join(folder, f"{i:04}_{os.path.basename(f)}"))
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
        before = os.times()
        start = time.monotonic()
        r = subprocess.run([cli, "--library", lib, *args_extra, "scan", "--json", photos], env=env,
                           capture_output=True, text=True, timeout=3600)
        wall = time.monotonic() - start
        after = os.times()
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
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    shutil.rmtree(lib, ignore_errors=True)
    return wall, cpu, faces, threads_mean


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "kindred-cli"))
    parser.add_argument("--photos", type=int, default=60)
    parser.add_argument("--competitors", default="0,1,2")
    parser.add_argument("--configs", default="default,fixed,1-thread")
    parser.add_argument("--json")
    args = parser.parse_args()
    cores = os.cpu_count()
    work = tempfile.mkdtemp(prefix="kindred-load-")
    photos = photo_set(args.photos, work)
    ks = [int(k) for k in args.competitors.split(",")]
    print(f"bench load: {cpu_model()}, {cores} cores, load average before {os.getloadavg()[0]:.2f}; "
          f"{args.photos} WIDER photos; competitors: one spinning thread each, normal priority", flush=True)
    results = []
    idle = {}
    for name in args.configs.split(","):
        env_extra, args_extra = CONFIGS[name]
        # The share is the one a job of the configured count could get; the default starts each photo with
        # as many threads as there are cores, so it is held to the share of a job of that many threads.
        threads = int(args_extra[args_extra.index("--threads") + 1]) if "--threads" in args_extra else cores
        for k in ks:
            wall, cpu, faces, threads_mean = run(os.path.abspath(args.cli), photos, work, env_extra, args_extra, k)
            speed = args.photos / wall
            if k == 0:
                idle[name] = speed
            share = min(threads, cores * threads / (threads + k)) / threads
            fair = idle.get(name, speed) * share
            row = dict(config=name, competitors=k, seconds=round(wall, 2), photos_per_s=round(speed, 3),
                       faces_per_s=round(faces / wall, 2), cpu_s_per_photo=round(cpu / args.photos, 3),
                       fair_share=round(share, 3), of_fair_share=round(speed / fair, 3) if fair else None,
                       threads_mean=round(threads_mean, 2) if threads_mean else threads)
            results.append(row)
            print(f"{name:9} K={k}  {wall:7.1f} s  {speed:6.2f} photos/s  {faces / wall:6.1f} faces/s  "
                  f"{cpu / args.photos:5.2f} CPU s/photo  share {share:.2f}  {row['of_fair_share']:.2f} of the "
                  f"fair share  threads {row['threads_mean']}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(machine=cpu_model(), cores=cores, photos=args.photos, results=results), f, indent=1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
