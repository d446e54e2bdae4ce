#!/usr/bin/env python3
"""Precision per similarity band of the suggestion rule, for the shown confidence (docs/quality.md, section 4).

usage: bands_sim.py CATALOG PHOTOS [CATALOG PHOTOS ...]
  each pair: a library kept by `kindred-cli --library DIR eval-library PHOTOS` and its labelled folder

Six random open-set scenarios per library (10-80 named people, 2-6 confirmed faces each, all others
strangers); a face is suggested when it beats the second person by 0.02 and its similarity (minus 0.005
for faces turned away beyond 0.45) reaches the band. Needs python3-numpy (Debian).
"""
import sqlite3, sys, numpy as np, os, random
if len(sys.argv) < 3 or len(sys.argv) % 2 != 1:
    sys.exit(__doc__)
tot = {}
for cat, root in zip(sys.argv[1::2], sys.argv[2::2]):
    db = sqlite3.connect(cat)
    rows = db.execute("select f.id, p.path, f.embedding, f.x2-f.x1, f.y2-f.y1, f.photo_id, lm_left_eye_x, lm_left_eye_y, lm_right_eye_x, lm_right_eye_y, lm_nose_x, lm_nose_y from faces f join photos p on p.id=f.photo_id where f.embedding is not null").fetchall()
    best = {}
    for r in rows:
        if r[5] not in best or r[3]*r[4] > best[r[5]][3]*best[r[5]][4]: best[r[5]] = r
    rows = list(best.values())
    def turned(r):
        le=np.array(r[6:8]); re=np.array(r[8:10]); no=np.array(r[10:12]); d=re-le; return abs((no-(le+re)/2)@d)/(d@d)
    tu = np.array([turned(r) for r in rows])
    labels = [os.path.relpath(r[1], root).split('/')[0] for r in rows]
    E = np.stack([np.frombuffer(r[2], dtype=np.float32) for r in rows]); E /= np.linalg.norm(E, axis=1, keepdims=True)
    people = sorted(set(labels)); idx = {p: [i for i,l in enumerate(labels) if l == p] for p in people}
    for seed in range(6):
        rng = random.Random(seed)
        nnamed = rng.choice([10, 20, 40, 80]); k = rng.choice([2, 3, 6])
        named = rng.sample(people, min(nnamed, len(people)))
        conf = {}; unknown = []
        for p in people:
            ii = [i for i in idx[p] if tu[i] <= 0.45]; rng.shuffle(ii)
            if p in named: conf[p] = ii[:k]; unknown += [i for i in idx[p] if i not in conf[p]]
            else: unknown += idx[p]
        named = [p for p in named if conf[p]]
        P = np.stack([E[conf[p]].mean(0) for p in named]); P /= np.linalg.norm(P, axis=1, keepdims=True)
        U = np.array(unknown); S = E[U] @ P.T
        o = np.argsort(-S, axis=1); b = S[np.arange(len(U)), o[:,0]]; r2 = S[np.arange(len(U)), o[:,1]]
        correct = np.array([named[o[j,0]] == labels[U[j]] for j in range(len(U))])
        eff = b - np.where(tu[U] > 0.45, 0.005, 0)
        ok = (b - r2) >= 0.02
        for lo, hi in [(0.965,0.97),(0.97,0.975),(0.975,0.98),(0.98,2)]:
            sel = ok & (eff >= lo) & (eff < hi)
            t = tot.setdefault(lo, [0,0]); t[0] += sel.sum(); t[1] += (sel & correct).sum()
for lo,(n,c) in sorted(tot.items()): print(f"band >= {lo}: {n} suggestions, {n-c} wrong, precision {c/max(n,1):.4f}")
