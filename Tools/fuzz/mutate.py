#!/usr/bin/env python3
"""Writes one fuzz case for `hazmap`: a mutated or generated input file, and prints the hazmap arguments.

Usage: mutate.py SEED OUT_DIR SAMPLE_DIR
Kinds of case (chosen from the seed):
  geojson   a generated GeoJSON FeatureCollection: random geometry types, degenerate rings (zero area,
            repeated points, spikes, unclosed, too few points), huge/tiny/NaN/infinite coordinates,
            antimeridian jumps, poles, odd property values, sometimes Latin-1 bytes or truncation;
  bytes     a byte-level mutation (flips, truncation, duplicated and deleted chunks) of a sample
            GeoPackage or GeoJSON file;
  mapping   a mutated schema-mapping TOML used with the sample hazards.
Deterministic: the same seed writes the same case.
"""
import json
import os
import random
import sys

seed, out_dir, sample = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(seed)
os.makedirs(out_dir, exist_ok=True)

SPECIAL = [float("nan"), float("inf"), -float("inf"), 1e300, -1e300, 1e-300, 0.0, -0.0, 180.0, -180.0,
           90.0, -90.0, 180.0000001, 1e15]


def coordinate(centre):
    if rng.random() < 0.05:
        return rng.choice(SPECIAL)
    return centre + rng.uniform(-1, 1) * rng.choice([1e-9, 1e-4, 0.01, 1, 200])


def ring(cx, cy):
    n = rng.choice([0, 1, 2, 3, 4, 5, 8, 20, 200])
    points = [[coordinate(cx), coordinate(cy)] for _ in range(n)]
    if points and rng.random() < 0.2:                      # repeated points
        points = [p for p in points for _ in range(rng.randint(1, 3))]
    if len(points) > 2 and rng.random() < 0.2:             # a spike
        i = rng.randrange(len(points))
        points.insert(i, [points[i][0] + 5, points[i][1]])
    if rng.random() < 0.15:                                # antimeridian jump
        points = [[x - 360 if isinstance(x, float) and x > 0 and rng.random() < 0.5 else x, y] for x, y in points]
    if points and rng.random() < 0.85:                     # usually closed
        points.append(list(points[0]))
    return points


def geometry():
    cx, cy = rng.choice([(18, 44), (179.99, -17), (0, 89.99), (0, -89.99), (500000, 4870000), (0, 0)])
    kind = rng.choice(["Polygon"] * 5 + ["MultiPolygon"] * 2 + ["Point", "LineString", "MultiPoint",
                       "MultiLineString", "GeometryCollection", None, "Bogus"])
    if kind is None:
        return None
    if kind == "Polygon":
        return {"type": kind, "coordinates": [ring(cx, cy) for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))]}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [[ring(cx, cy)] for _ in range(rng.randint(0, 4))]}
    if kind == "Point":
        return {"type": kind, "coordinates": [coordinate(cx), coordinate(cy)]}
    if kind in ("LineString", "MultiPoint"):
        return {"type": kind, "coordinates": ring(cx, cy)}
    if kind == "MultiLineString":
        return {"type": kind, "coordinates": [ring(cx, cy)]}
    if kind == "GeometryCollection":
        return {"type": kind, "geometries": [g for g in (geometry() for _ in range(rng.randint(0, 3))) if g]}
    return {"type": kind, "coordinates": [[1, 2]]}


def value(kind):
    choices = {
        "id": ["h%d" % rng.randint(0, 5), "", None, 42, "x" * 5000],
        "class": ["SHA", "CHA", "sha", "Suspected", "", None, 7, "C\u00c9A"],
        "recorded": ["2020-01-01", "2020-02-30", "0000-00-00", "yesterday", "", None, "9999-12-31", 20200101],
        "hazard_type": ["AP", "AT", "ERW", "mixed", "??", None],
        "region": ["R1", "", None, "R\u00e9gion"],
        "priority": [1, -1, 2 ** 62, "high", None, 1.5],
    }
    return rng.choice(choices[kind])


def write_geojson(path):
    features = []
    for _ in range(rng.randint(0, 12)):
        props = {k: value(k) for k in ["id", "class", "recorded", "hazard_type", "region", "priority"]
                 if rng.random() < 0.9}
        features.append({"type": "Feature", "properties": props, "geometry": geometry()})
    text = json.dumps({"type": "FeatureCollection", "features": features}, allow_nan=True)
    data = text.encode("utf-8")
    if rng.random() < 0.1:
        data = data.replace("\u00e9".encode(), b"\xe9").replace("\u00c9".encode(), b"\xc9")
    if rng.random() < 0.1:
        data = data[: rng.randrange(len(data) + 1)]
    with open(path, "wb") as f:
        f.write(data)


def mutate_bytes(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not data:
            break
        op = rng.randrange(5)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[i] = rng.choice([0, 0xFF, 0x7F, 0x80, ord("9"), ord('"'), ord("{")])
        elif op == 2:
            del data[i: i + rng.randint(1, 64)]
        elif op == 3:
            data[i:i] = data[i: i + rng.randint(1, 64)]
        else:
            data = data[: i] if rng.random() < 0.3 else data
    return bytes(data)


kind = rng.choice(["geojson", "geojson", "bytes", "mapping"])
hazards = os.path.join(sample, "hazards.gpkg")
mapping = os.path.join(sample, "mapping.toml")
command = rng.choice(["validate", "extent"])
if kind == "geojson":
    path = os.path.join(out_dir, "case.geojson")
    write_geojson(path)
    print(command, path, "-q")
elif kind == "bytes":
    source = rng.choice([hazards, os.path.join(sample, "releases.gpkg"), os.path.join(sample, "regions.geojson")])
    extension = os.path.splitext(source)[1]
    path = os.path.join(out_dir, "case" + extension)
    with open(source, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(mutate_bytes(data))
    print(command, path, "-q") if source != hazards else print(command, path, "--mapping", mapping, "-q")
else:
    path = os.path.join(out_dir, "case.toml")
    with open(mapping, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(mutate_bytes(data) if rng.random() < 0.7 else data.replace(b'"', b"", rng.randint(1, 3)))
    print(command, hazards, "--mapping", path, "-q")
