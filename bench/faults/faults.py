#!/usr/bin/env python3
"""Fault runs for the catalog (docs/reliability.md): kindred-cli is killed with SIGKILL at random moments
during scans, face indexing, regrouping, naming, merge/undo, writing names and fine-tuning; the disk fills up
(a small tmpfs when run as root, else a file-size limit); the photo folder disappears mid-scan. After each
fault: `kindred-cli check` must pass, every name confirmed before the fault must still be there, and the
interrupted job must resume and complete. Prints a table and writes JSON.

  bench/faults/faults.py [--cli build/app/kindred-cli] [--runs 60] [--seed N] [--json out.json]

Uses ../shared/photos/bbt (8 people x 5 crops + 5 group photos) and ../shared/photos/dev as new photos.
"""
import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

PROGRESS = re.compile(r"^[\w-]+: \d+/\d+ \(")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def names(catalog):
    """Confirmed face id -> person name."""
    db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    try:
        return dict(db.execute("SELECT f.id, p.name FROM faces f JOIN persons p ON p.id = f.person_id "
                               "WHERE f.state = 'confirmed'").fetchall())
    finally:
        db.close()


class Bench:
    def __init__(self, args):
        self.cli = os.path.abspath(args.cli)
        self.work = tempfile.mkdtemp(prefix="kindred-faults-")
        self.rng = random.Random(args.seed)
        self.results = []

    def run(self, lib, *args, limit=None, timeout=600):
        def pre():
            if limit:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return subprocess.run([self.cli, "--library", lib, *args], capture_output=True, text=True,
                              timeout=timeout, preexec_fn=pre if limit else None)

    def setup(self):
        self.photos = os.path.join(self.work, "base-photos")
        shutil.copytree(os.path.join(SHARED, "photos", "bbt"), self.photos)
        self.base = os.path.join(self.work, "base")
        r = self.run(self.base, "scan", self.photos)
        assert r.returncode == 0, r.stderr
        for cluster in range(1, 5):
            r = self.run(self.base, "name", "--cluster", str(cluster), f"Person {cluster}")
            assert r.returncode == 0, r.stderr
        self.base_names = names(os.path.join(self.base, "catalog.sqlite"))
        assert len(self.base_names) >= 12, self.base_names

    def copy(self, tag, n):
        """A copy of the named library and its photos (paths rewritten in the catalog)."""
        lib = os.path.join(self.work, f"{tag}-{n}")
        photos = lib + "-photos"
        os.makedirs(lib)
        shutil.copy(os.path.join(self.base, "catalog.sqlite"), os.path.join(lib, "catalog.sqlite"))
        shutil.copytree(self.photos, photos)
        db = sqlite3.connect(os.path.join(lib, "catalog.sqlite"))
        db.execute("UPDATE roots SET path = ?", (photos,))
        db.execute("UPDATE photos SET path = ? || substr(path, ?)", (photos, len(self.photos) + 1))
        db.commit()
        db.close()
        return lib, photos

    def lost(self, lib, allow_merge=False):
        now = names(os.path.join(lib, "catalog.sqlite"))
        lost = 0
        for face, name in self.base_names.items():
            got = now.get(face)
            if got == name or (allow_merge and name == "Person 3" and got == "Person 4"):
                continue
            lost += 1
        return lost

    def record(self, fault, op, **fields):
        fields.update(fault=fault, op=op)
        self.results.append(fields)
        ok = fields["check_ok"] and fields["names_lost"] == 0 and fields["resumed"]
        print(f"{fault:14} {op:14} {fields.get('detail', ''):40} check={'ok' if fields['check_ok'] else 'FAIL'}"
              f" lost={fields['names_lost']} resumed={'yes' if fields['resumed'] else 'NO'}"
              f"{'' if ok else '   <-- FAILED'}", flush=True)

    # ---- kill -9 ---------------------------------------------------------------------------------------
    OPS = {
        "scan+faces": lambda photos: ["scan", photos],
        "regroup": lambda photos: ["index", "--recluster"],
        "name": lambda photos: ["name", "--cluster", "5", "Visitor"],
        "merge": lambda photos: ["merge", "Person 3", "Person 4"],
        "undo-merge": lambda photos: ["undo"],
        "write-names": lambda photos: ["write-names"],
        "into-files": lambda photos: ["write-names", "--into-files"],
        "finetune": lambda photos: ["finetune", "--min-faces", "3", "--epochs", "30"],
    }

    def landed(self, op, lib):
        now = set(names(os.path.join(lib, "catalog.sqlite")).values())
        return (op == "name" and "Visitor" in now) or (op == "merge" and "Person 3" not in now) or \
               (op == "undo-merge" and "Person 3" in now)

    def durations(self):
        """How long each operation takes unkilled (kills are drawn within that)."""
        self.duration = {}
        for op in self.OPS:
            lib, photos = self.copy("time-" + op, 0)
            self.prepare(op, lib, photos)
            start = time.monotonic()
            r = self.run(lib, *self.OPS[op](photos))
            self.duration[op] = time.monotonic() - start
            assert r.returncode == 0, (op, r.stderr)

    def prepare(self, op, lib, photos):
        if op == "scan+faces":
            shutil.copytree(os.path.join(SHARED, "photos", "dev"), os.path.join(photos, "dev"))
        if op == "undo-merge":
            r = self.run(lib, "merge", "Person 3", "Person 4")
            assert r.returncode == 0, r.stderr

    def kill_run(self, op, n):
        lib, photos = self.copy("kill-" + op, n)
        self.prepare(op, lib, photos)
        args = self.OPS[op](photos)
        delay = self.rng.uniform(0.0, self.duration[op] * 1.1)
        p = subprocess.Popen([self.cli, "--library", lib, *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
            killed = True
        check = self.run(lib, "check")
        merging = op in ("merge", "undo-merge")
        lost = self.lost(lib, allow_merge=merging)
        resumed = True
        if not self.landed(op, lib):
            resumed = self.run(lib, *args).returncode == 0
        if merging and "Person 3" not in set(names(os.path.join(lib, "catalog.sqlite")).values()):
            resumed = resumed and self.run(lib, "undo").returncode == 0
        if op == "into-files":  # photos that got names before the kill are recorded by the next scan
            resumed = resumed and self.run(lib, "scan", photos).returncode == 0
            resumed = resumed and self.run(lib, *args).returncode == 0
        lost = max(lost, self.lost(lib))
        final = self.run(lib, "check")
        self.record("kill -9", op, detail=f"{'killed' if killed else 'finished'} at {delay:.2f} s "
                    f"of {self.duration[op]:.2f} s", killed=killed, check_ok=check.returncode == 0 and
                    final.returncode == 0, names_lost=lost, resumed=resumed)
        shutil.rmtree(lib, ignore_errors=True)
        shutil.rmtree(photos, ignore_errors=True)

    # ---- disk full -------------------------------------------------------------------------------------
    def disk_full_run(self, op, n, tmpfs):
        lib, photos = self.copy("full-" + op, n)
        self.prepare(op, lib, photos)
        args = self.OPS[op](photos)
        mount = None
        limit = None
        if tmpfs:
            # The library (or, for names into the photos, the photo folder) on a nearly full tmpfs.
            target = photos if op == "into-files" else lib
            moved = target + "-data"
            os.rename(target, moved)
            os.makedirs(target)
            used = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(moved) for f in fs)
            size = used + 96 * 1024
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", target], check=True)
            subprocess.run(["cp", "-a", moved + "/.", target], check=True)
            mount = (target, used)
            detail = f"tmpfs {size // 1024} KB"
        else:
            limit = 36 * 1024
            detail = "file size limit 36 KB"
        before = {f: open(os.path.join(photos, f), "rb").read() for f in os.listdir(photos) if f.endswith(".jpg")}
        r = self.run(lib, *args, "--json", limit=limit) if op == "into-files" else self.run(lib, *args, limit=limit)
        failed_clearly = r.returncode not in (0, -9) and r.stderr.strip() != ""
        said = [line for line in r.stderr.splitlines() if line.strip() and not PROGRESS.match(line)]
        if op == "into-files" and r.stdout.strip().startswith("{"):
            out = json.loads(r.stdout)
            said = [f"{out['written']} written, {out['failed']} failed: " +
                    (out["failures"][0]["reason"] if out["failures"] else "")]
        detail += f", exit {r.returncode}: " + (said or [""])[-1][:70]
        check = self.run(lib, "check")
        merging = op == "merge"
        lost = self.lost(lib, allow_merge=merging)
        whole = True
        for f, data in before.items():
            now = open(os.path.join(photos, f), "rb").read()
            if now != data and not now.endswith(b"\xff\xd9"):
                whole = False  # a photo cut short
        if mount:  # space comes back
            subprocess.run(["mount", "-o", "remount,size=256m", mount[0]], check=True)
        if op == "into-files":
            self.run(lib, "scan", photos)
        resumed = self.landed(op, lib) or self.run(lib, *args).returncode == 0
        if merging:
            resumed = resumed and self.run(lib, "undo").returncode == 0
        lost = max(lost, self.lost(lib))
        final = self.run(lib, "check")
        if mount:
            data = mount[0] + "-data"
            shutil.rmtree(data)
            shutil.copytree(mount[0], data)
            subprocess.run(["umount", mount[0]], check=True)
        self.record("disk full", op, detail=detail, check_ok=check.returncode == 0 and final.returncode == 0
                    and whole, names_lost=lost, resumed=resumed, failed_clearly=failed_clearly or r.returncode == 0)
        shutil.rmtree(lib, ignore_errors=True)
        shutil.rmtree(photos, ignore_errors=True)
        shutil.rmtree(lib + "-data", ignore_errors=True)
        shutil.rmtree(photos + "-data", ignore_errors=True)

    # ---- the photo folder disappears mid-scan -----------------------------------------------------------
    def unplug_run(self, n):
        lib, photos = self.copy("unplug", n)
        extra = os.path.join(photos, "camera")
        os.makedirs(extra)
        for i in range(300):  # enough files for the scan to be caught in the middle
            shutil.copy(os.path.join(photos, "bbt1.jpg"), os.path.join(extra, f"img_{i:04}.jpg"))
            with open(os.path.join(extra, f"img_{i:04}.jpg"), "ab") as f:
                f.write(str(i).encode())  # distinct content
        catalog = os.path.join(lib, "catalog.sqlite")

        def count():
            db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
            try:
                return db.execute("SELECT count(*) FROM photos").fetchone()[0]
            finally:
                db.close()
        base = count()
        p = subprocess.Popen([self.cli, "--library", lib, "scan", "--no-faces", photos],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Unplugged once the scan has catalogued some of the new photos, after a random extra moment.
        deadline = time.monotonic() + 10
        while count() <= base and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(self.rng.uniform(0.0, 0.05))
        away = lib + "-unplugged"
        os.rename(photos, away)
        p.wait()
        rows = count()
        check = self.run(lib, "check")
        lost = self.lost(lib)
        os.rename(away, photos)
        resumed = self.run(lib, "scan", "--no-faces", photos).returncode == 0
        db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
        missing = db.execute("SELECT count(*) FROM photos WHERE missing = 1").fetchone()[0]
        after = db.execute("SELECT count(*) FROM photos").fetchone()[0]
        db.close()
        lost = max(lost, self.lost(lib))
        self.record("unplugged", "scan", detail=f"{rows - base} of 300 new catalogued, {missing} missing after", check_ok=
                    check.returncode == 0 and missing == 0 and after >= rows, names_lost=lost, resumed=resumed)
        shutil.rmtree(lib, ignore_errors=True)
        shutil.rmtree(photos, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "kindred-cli"))
    parser.add_argument("--runs", type=int, default=64, help="kill -9 runs (spread over the operations)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    bench = Bench(args)
    print(f"kindred faults: seed {args.seed}, {platform.node()} ({os.cpu_count()} cores), "
          f"load {os.getloadavg()[0]:.2f}, work folder {bench.work}", flush=True)
    bench.setup()
    bench.durations()
    ops = list(Bench.OPS)
    for n in range(args.runs):
        bench.kill_run(ops[n % len(ops)], n)
    tmpfs = os.geteuid() == 0 and shutil.which("mount") is not None
    for n, op in enumerate(["scan+faces", "name", "merge", "into-files", "regroup"]):
        try:
            bench.disk_full_run(op, n, tmpfs)
        except subprocess.CalledProcessError:  # no mount in this container: the file size limit instead
            bench.disk_full_run(op, n + 100, False)
    for n in range(4):
        bench.unplug_run(n)
    res = bench.results
    bad = [r for r in res if not (r["check_ok"] and r["names_lost"] == 0 and r["resumed"])]
    summary = {
        "seed": args.seed, "machine": platform.node(), "cores": os.cpu_count(),
        "runs": len(res), "killed": sum(1 for r in res if r.get("killed")),
        "survived": len(res) - len(bad), "names_lost": sum(r["names_lost"] for r in res),
        "names_confirmed_before": len(bench.base_names), "results": res,
    }
    print(f"\n{summary['runs']} fault runs ({summary['killed']} killed mid-job), {summary['survived']} survived, "
          f"names lost: {summary['names_lost']} (of {len(bench.base_names)} confirmed before each run)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=1)
    shutil.rmtree(bench.work, ignore_errors=True)
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
