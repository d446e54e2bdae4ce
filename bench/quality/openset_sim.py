#!/usr/bin/env python3
"""Open-set suggestion simulation on the vectors a library stored (docs/quality.md, section 4).

usage: openset_sim.py CATALOG PHOTOS
  CATALOG  catalog.sqlite of a library kept by `kindred-cli --library DIR eval-library PHOTOS`
  PHOTOS   the labelled folder (one sub-folder per person) that library was scanned from

Names a random part of the people (20 or 100, with 3 or 6 confirmed frontal faces each), keeps everyone else
as strangers, and reports for each similarity bar and second-person margin how many suggestions the
prototype rule makes, how many are wrong, precision and recall, for frontal and profile faces separately.
Needs python3-numpy (Debian).
"""
import sqlite3, sys, numpy as np, os, random
if len(sys.argv) != 3:
    sys.exit(__doc__)
cat, root = sys.argv[1], sys.argv[2]
db = sqlite3.connect(cat)
rows = db.execute("select f.id, p.path, f.embedding, f.x2-f.x1, f.y2-f.y1, f.photo_id from faces f join photos p on p.id=f.photo_id where f.embedding is not null").fetchall()
best = {}
for r in rows:
    if r[5] not in best or r[3]*r[4] > best[r[5]][3]*best[r[5]][4]: best[r[5]] = r
rows = list(best.values())
labels = [os.path.relpath(r[1], root).split('/')[0] for r in rows]
prof = np.array(['profile' in os.path.basename(r[1]) for r in rows])
E = np.stack([np.frombuffer(r[2], dtype=np.float32) for r in rows]); E /= np.linalg.norm(E, axis=1, keepdims=True)
people = sorted(set(labels)); idx = {p: [i for i,l in enumerate(labels) if l == p] for p in people}
rng = random.Random(2)
for nnamed, kconf in [(20, 6), (100, 6), (100, 3)]:
    named = rng.sample(people, nnamed)
    conf = {}; unknown = []
    for p in people:
        ii = [i for i in idx[p] if not prof[i]]; rng.shuffle(ii)
        if p in named:
            conf[p] = ii[:kconf]; unknown += [i for i in idx[p] if i not in conf[p]]
        else: unknown += idx[p]
    P = np.stack([E[conf[p]].mean(0) for p in named]); P /= np.linalg.norm(P, axis=1, keepdims=True)
    U = np.array(unknown); S = E[U] @ P.T
    o = np.argsort(-S, axis=1); b = S[np.arange(len(U)), o[:,0]]; r2 = S[np.arange(len(U)), o[:,1]]
    correct = np.array([named[o[k,0]] == labels[U[k]] for k in range(len(U))])
    genuine = np.array([labels[u] in conf for u in U])
    print(f"named {nnamed}, {kconf} frontal confirmed each: unknown {len(U)}, genuine {genuine.sum()} (profiles {(genuine&prof[U]).sum()})")
    for sub, mask in [('frontal', ~prof[U]), ('profile', prof[U])]:
        for t in [0.93, 0.94, 0.945, 0.95, 0.955, 0.96, 0.965, 0.97, 0.975]:
            for m in [0.0, 0.02]:
                sel = (b >= t) & ((b - r2) >= m) & mask
                n = sel.sum(); c = (sel & correct).sum()
                print(f"  {sub} t {t:.3f} m {m:.2f}: sugg {n:5d} wrong {n-c:4d} prec {c/max(n,1):.3f} recall {c/max((genuine&mask).sum(),1):.3f}")
