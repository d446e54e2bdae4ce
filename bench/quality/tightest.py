#!/usr/bin/python3
"""The people an embedding network packs tightest: a slice of a labelled folder for the quality harness.

usage: tightest.py CATALOG PHOTOS N OUT
  CATALOG  a library kept by `kindred-cli --library DIR eval-library PHOTOS` (its stored embeddings)
  PHOTOS   the labelled folder (one sub-folder per person)
  N        how many people the slice keeps
  OUT      a new folder: one link per chosen person folder (then run eval-library on OUT)

Each person's centroid (mean of the L2-normalised embeddings of the largest face of each of their photos) is
compared with every other person's; a person's "packing" is the similarity to the nearest other person's
centroid. The N people with the highest packing are the ones a similarity bar measured on the whole set is most
likely to confuse (found from the embeddings, not from any label of origin). Prints them with their nearest
neighbour. Needs python3-numpy (Debian).
"""
import os
import sqlite3
import sys

import numpy as np

if len(sys.argv) != 5:
    sys.exit(__doc__)
catalog, root, n, out = sys.argv[1], os.path.realpath(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = sqlite3.connect(catalog)
model = db.execute("select model_id from faces where embedding is not null group by model_id "
                   "order by count(*) desc limit 1").fetchone()[0]
rows = db.execute("select f.photo_id, p.path, f.embedding, (f.x2-f.x1)*(f.y2-f.y1) from faces f "
                  "join photos p on p.id = f.photo_id where f.embedding is not null and f.model_id = ?",
                  (model,)).fetchall()
largest = {}
for r in rows:
    if r[0] not in largest or r[3] > largest[r[0]][3]:
        largest[r[0]] = r
people = {}
for _, path, blob, _ in largest.values():
    rel = os.path.relpath(os.path.realpath(path), root).split(os.sep)
    if len(rel) != 2:
        continue
    v = np.frombuffer(blob, dtype=np.float32)
    people.setdefault(rel[0], []).append(v / np.linalg.norm(v))
names = sorted(people)
c = np.stack([np.mean(people[p], axis=0) for p in names])
c /= np.linalg.norm(c, axis=1, keepdims=True)
s = c @ c.T
np.fill_diagonal(s, -1)
nearest = s.argmax(1)
order = np.argsort(-s.max(1))[:n]
os.makedirs(out)
print(f"model {model}: {len(names)} people; packing of all: median {np.median(s.max(1)):.3f}")
for i in order:
    print(f"{s[i, nearest[i]]:.3f}  {names[i]}  (nearest: {names[nearest[i]]})")
    os.symlink(os.path.join(root, names[i]), os.path.join(out, names[i]))
