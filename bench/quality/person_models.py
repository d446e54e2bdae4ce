#!/usr/bin/env python3
"""Person models for suggestions compared on the vectors a library stored (docs/quality.md, section 9).

usage: person_models.py CATALOG PHOTOS [--subset WORD] [--queries N]
  CATALOG  catalog.sqlite of a library kept by `kindred-cli --library DIR eval-library PHOTOS`
  PHOTOS   the labelled folder (one sub-folder per person) that library was scanned from
  --subset only faces whose file name contains WORD are asked about (e.g. profile); all faces stay confirmed

Leave-one-out, the most a person model can get: every labelled face but the one asked about is confirmed.
For each model the face's score for its own person and the highest score of any other person (what it would
be suggested as while its own person is not named yet) are kept; reported is how many faces a bar would
suggest rightly (own score >= bar and >= 0.05 above every other person) when at most W faces reach it for
another person, for W = 0, 1, 3, 5, 10.
Models: proto (cosine to the normalised mean of the person's faces, the app's), nn1 (the most alike face),
nn2 (mean of the two most alike), pose2 (mean of the two most alike among the person's faces turned within
0.15 of the face, FaceAligner::turnedAway; the prototype when fewer), and two mixtures. Needs python3-numpy.
"""
import sqlite3, sys, os, collections, random
import numpy as np

args = sys.argv[1:]
subset = None
queries = 1500
if '--subset' in args:
    i = args.index('--subset'); subset = args[i + 1]; del args[i:i + 2]
if '--queries' in args:
    i = args.index('--queries'); queries = int(args[i + 1]); del args[i:i + 2]
if len(args) != 2:
    sys.exit(__doc__)
cat, root = args
db = sqlite3.connect(cat)
rows = db.execute("""select p.path, f.embedding, f.x2-f.x1, f.y2-f.y1, f.photo_id, lm_left_eye_x, lm_left_eye_y,
    lm_right_eye_x, lm_right_eye_y, lm_nose_x, lm_nose_y from faces f join photos p on p.id=f.photo_id
    where f.embedding is not null and f.not_face <= 0""").fetchall()
best = {}
for r in rows:  # the labelled face of a photo is its largest
    if r[4] not in best or r[2] * r[3] > best[r[4]][2] * best[r[4]][3]:
        best[r[4]] = r
rows = list(best.values())


def turned(r):
    if r[5] is None:
        return 0.0
    le, re, no = np.array(r[5:7]), np.array(r[7:9]), np.array(r[9:11])
    d = re - le
    return 10.0 if d @ d < 1e-12 else abs((no - (le + re) / 2) @ d) / (d @ d)


T = np.array([turned(r) for r in rows])
labels = [os.path.relpath(r[0], root).split('/')[0] for r in rows]
E = np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows]).astype(np.float64)
E /= np.linalg.norm(E, axis=1, keepdims=True)
people = sorted(set(labels))
L = np.array([people.index(l) for l in labels])
sums = np.zeros((len(people), E.shape[1]))
np.add.at(sums, L, E)
asked = [i for i, r in enumerate(rows) if subset is None or subset in os.path.basename(r[0])]
random.Random(1).shuffle(asked)
asked = asked[:queries]
res = collections.defaultdict(list)
for q in asked:
    own = L[q]
    protos = sums.copy()
    protos[own] -= E[q]
    proto = (protos @ E[q]) / np.maximum(np.linalg.norm(protos, axis=1), 1e-12)
    s = E @ E[q]
    s[q] = -9
    near = collections.defaultdict(list)
    pose = collections.defaultdict(list)
    for j in np.argsort(-s)[:600]:
        if len(near[L[j]]) < 2:
            near[L[j]].append(s[j])
        if len(pose[L[j]]) < 2 and abs(T[j] - T[q]) <= 0.15:
            pose[L[j]].append(s[j])
    nn1 = np.full(len(people), -1.0)
    nn2 = np.full(len(people), -1.0)
    pose2 = proto.copy()
    for p, v in near.items():
        nn1[p] = v[0]
        nn2[p] = np.mean(v)
    for p, v in pose.items():
        if len(v) == 2:
            pose2[p] = np.mean(v)
    for name, sc in [('proto', proto), ('nn1', nn1), ('nn2', nn2), ('pose2', pose2),
                     ('mean(proto,nn1)', (proto + nn1) / 2), ('max(proto,nn1-0.05)', np.maximum(proto, nn1 - 0.05))]:
        res[name].append((sc[own], np.max(np.delete(sc, own))))
print(f'{cat}: {len(asked)} faces asked about{" (" + subset + ")" if subset else ""}, {len(people)} people')
print('right suggestions when at most W faces reach the bar for another person')
print('%-20s' % 'model' + ''.join('%8s' % f'W={w}' for w in (0, 1, 3, 5, 10)))
for name, v in res.items():
    v = np.array(v)
    t, o = v[:, 0], v[:, 1]
    line = []
    for w in (0, 1, 3, 5, 10):
        most = 0
        for bar in np.arange(0.2, 0.9, 0.005):
            if (o >= bar).sum() <= w:
                most = max(most, int(((t >= bar) & (t >= o + 0.05)).sum()))
        line.append(most)
    print('%-20s' % name + ''.join('%8d' % x for x in line))
