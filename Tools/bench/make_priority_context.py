#!/usr/bin/env python3
"""Writes large facility and road layers near a generated scenario, for the prioritize benchmark.

    make_priority_context.py HAZARDS --facilities N --roads N [--seed S] --out DIR

hazmap-generate writes one settlement (and a few schools, health posts and wells) per village and
one access road per village: a few thousand features for 100k hazards. This script writes N
facilities and N roads instead, in canonical fields, as GeoPackages in EPSG:4326:

- DIR/facilities.gpkg: points `id` (facility_1...), `kind` (settlement 20%, school 20%, health 10%,
  water 50%), `name`. Half lie uniformly in the hazards' bounding box, half near a random hazard
  (normal offsets, σ = 2 km), so that hazards have facilities at every distance.
- DIR/roads.gpkg: lines `id` (road_1...), `kind` (main 20%, access 80%), each a random walk of 2 to 6
  segments of 100–600 m, starting uniformly in the box or (half of them) near a random hazard.

The layout is fixed by the seed. Metres become degrees with the local scale at each point
(111 320·cos φ m per degree of longitude, 110 574 m per degree of latitude), which is ample for
synthetic data.
"""
from __future__ import annotations

import argparse
import os

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

M_PER_DEG_LAT = 110_574.0


def meters_to_degrees(lat: np.ndarray, east: np.ndarray, north: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Offsets in metres at latitude `lat` as (Δlon, Δlat) in degrees."""
    return east / (111_320.0 * np.cos(np.radians(lat))), north / M_PER_DEG_LAT


def anchors(rng: np.random.Generator, n: int, box, centers: np.ndarray, sigma: float) -> np.ndarray:
    """n points, half uniform in `box`, half normally around random `centers` (σ in metres)."""
    half = n // 2
    uniform = np.column_stack([rng.uniform(box[0], box[2], half), rng.uniform(box[1], box[3], half)])
    picked = centers[rng.integers(0, len(centers), n - half)]
    dlon, dlat = meters_to_degrees(picked[:, 1], rng.normal(0, sigma, len(picked)), rng.normal(0, sigma, len(picked)))
    near = picked + np.column_stack([dlon, dlat])
    points = np.concatenate([uniform, near])
    return points[rng.permutation(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazards")
    ap.add_argument("--facilities", type=int, default=1_000_000)
    ap.add_argument("--roads", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(args.seed)

    hazards = pyogrio.read_dataframe(args.hazards, columns=[])
    geoms = hazards.geometry.values.to_numpy()
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    box = shapely.total_bounds(geoms)
    bounds = shapely.bounds(geoms)
    centers = np.column_stack([(bounds[:, 0] + bounds[:, 2]) / 2, (bounds[:, 1] + bounds[:, 3]) / 2])

    n = args.facilities
    points = anchors(rng, n, box, centers, 2_000)
    kinds = rng.choice(np.array(["settlement", "school", "health", "water"]), n, p=[0.2, 0.2, 0.1, 0.5])
    ids = np.char.add("facility_", np.arange(1, n + 1).astype(str))
    gpd.GeoDataFrame({"id": ids, "kind": kinds, "name": np.char.add(kinds.astype(str), " site")},
                     geometry=shapely.points(points), crs="EPSG:4326").to_file(
        os.path.join(args.out, "facilities.gpkg"), engine="pyogrio", layer="facilities")

    n = args.roads
    starts = anchors(rng, n, box, centers, 3_000)
    segments = rng.integers(2, 7, n)
    total = int(segments.sum()) + n
    owner = np.repeat(np.arange(n), segments + 1)
    first = np.concatenate([[0], np.cumsum(segments + 1)[:-1]])
    step_len = rng.uniform(100, 600, total)
    heading0 = rng.uniform(0, 2 * np.pi, n)
    heading = heading0[owner] + rng.normal(0, 0.35, total)
    east, north = step_len * np.sin(heading), step_len * np.cos(heading)
    east[first] = 0.0
    north[first] = 0.0
    lat0 = starts[owner, 1]
    dlon, dlat = meters_to_degrees(lat0, east, north)
    # Cumulative offsets within each road: cumsum over all, minus the sum before the road's start.
    cum_lon, cum_lat = np.cumsum(dlon), np.cumsum(dlat)
    cum_lon -= np.repeat(cum_lon[first], segments + 1)
    cum_lat -= np.repeat(cum_lat[first], segments + 1)
    coords = np.column_stack([starts[owner, 0] + cum_lon, starts[owner, 1] + cum_lat])
    lines = shapely.linestrings(coords, indices=owner)
    kinds = rng.choice(np.array(["main", "access"]), n, p=[0.2, 0.8])
    ids = np.char.add("road_", np.arange(1, n + 1).astype(str))
    gpd.GeoDataFrame({"id": ids, "kind": kinds}, geometry=lines, crs="EPSG:4326").to_file(
        os.path.join(args.out, "roads.gpkg"), engine="pyogrio", layer="roads")
    print(f"wrote {args.facilities} facilities and {args.roads} roads to {args.out}")


if __name__ == "__main__":
    main()
