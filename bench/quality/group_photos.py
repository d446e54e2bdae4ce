#!/usr/bin/env python3
"""Labelled group photos made from a folder of labelled face crops (docs/quality.md, section 9).

usage: group_photos.py CROPS OUT [--people N] [--seed S] [--per-photo A-B] [--face-px A-B]
  CROPS  one sub-folder per person of face crops (e.g. the dev set's pins_tight/images)
  OUT    made afresh: OUT/photos/NNNN.jpg and OUT/labels.txt

The dev set has no group photos with identities. This makes a family-like library from crops: N people
(default 40) are split into households of 3-6; each photo shows 2-6 people (A-B, default 2-6) of one household,
now and then with a guest from another, each face a crop not used before (every crop at most once), scaled to
A-B px wide (--face-px, default 70-260) and set side by side at different heights on a plain or graded background, 1600-2400 px wide,
saved as JPEG (quality 90). Photos are made until the households run out of crops. labels.txt lists every face
the way `kindred-cli eval-library --face-labels` reads it (WIDER's layout with the person added):
  photos/NNNN.jpg
  COUNT
  x y w h PERSON          (PERSON: the crop's folder name, the rest of the line)
and sources.txt the crop each face was made from (photo, x y w h, crop path; tab-separated), so that the same
faces can be scored as single photos too.
Needs ImageMagick (`convert`). The photos stay outside the repository (the dev set's terms).
"""
import os, random, shutil, subprocess, sys

args = sys.argv[1:]
opts = {'--people': '40', '--seed': '1', '--per-photo': '2-6', '--face-px': '70-260'}
for k in list(opts):
    if k in args:
        i = args.index(k); opts[k] = args[i + 1]; del args[i:i + 2]
if len(args) != 2:
    sys.exit(__doc__)
crops, out = args
rng = random.Random(int(opts['--seed']))
lo, hi = (int(x) for x in opts['--per-photo'].split('-'))
smallest, largest = (int(x) for x in opts['--face-px'].split('-'))
people = sorted(d for d in os.listdir(crops) if os.path.isdir(os.path.join(crops, d)))
rng.shuffle(people)
people = people[:int(opts['--people'])]
left = {p: sorted(f for f in os.listdir(os.path.join(crops, p)) if f.lower().endswith(('.jpg', '.jpeg', '.png')))
        for p in people}
for p in people:
    rng.shuffle(left[p])
households, i = [], 0
while i < len(people):
    n = rng.randint(3, 6)
    households.append(people[i:i + n])
    i += n


def size_of(path):
    w, h = subprocess.check_output(['identify', '-format', '%w %h', path + '[0]']).split()
    return int(w), int(h)


if os.path.exists(out):
    shutil.rmtree(out)
os.makedirs(os.path.join(out, 'photos'))
labels, sources, count = [], [], 0
while True:
    open_households = [h for h in households if sum(1 for p in h if left[p]) >= 2]
    if not open_households:
        break
    home = rng.choice(open_households)
    present = [p for p in home if left[p]]
    rng.shuffle(present)
    present = present[:rng.randint(lo, min(hi, len(present)))]
    if rng.random() < 0.2:
        guests = [p for p in people if p not in home and left[p]]
        if guests:
            present.append(rng.choice(guests))
    rng.shuffle(present)
    width, height = rng.randint(1600, 2400), rng.randint(1000, 1600)
    slot = width // len(present)
    colours = ['#%02x%02x%02x' % tuple(rng.randint(60, 200) for _ in range(3)) for _ in range(2)]
    background = f'gradient:{colours[0]}-{colours[1]}' if rng.random() < 0.5 else f'xc:{colours[0]}'
    cmd = ['convert', '-size', f'{width}x{height}', background]
    faces = []
    for k, person in enumerate(present):
        crop = os.path.join(crops, person, left[person].pop())
        cw, ch = size_of(crop)
        w = min(rng.randint(smallest, largest), slot - 20)
        h = round(ch * w / cw)
        if h > height - 40:
            h = height - 40
            w = round(cw * h / ch)
        x = k * slot + rng.randint(10, max(10, slot - w - 10))
        y = rng.randint(20, height - h - 20)
        cmd += ['(', crop + '[0]', '-auto-orient', '-resize', f'{w}x{h}!', ')', '-geometry', f'+{x}+{y}',
                '-composite']
        faces.append((x, y, w, h, person))
        sources.append((x, y, w, h, crop))
    count += 1
    name = f'photos/{count:04d}.jpg'
    subprocess.check_call(cmd + ['-quality', '90', os.path.join(out, name)])
    labels.append(name)
    sources[-len(faces):] = [f'{name}\t{x} {y} {w} {h}\t{c}' for x, y, w, h, c in sources[-len(faces):]]
    labels.append(str(len(faces)))
    labels += [f'{x} {y} {w} {h} {p}' for x, y, w, h, p in faces]
with open(os.path.join(out, 'labels.txt'), 'w') as f:
    f.write('\n'.join(labels) + '\n')
with open(os.path.join(out, 'sources.txt'), 'w') as f:
    f.write('\n'.join(sources) + '\n')
used = sum(1 for l in labels if l.count(' ') >= 4)
print(f'{count} photos, {used} faces of {len(people)} people in {len(households)} households -> {out}')
