#!/usr/bin/env python3
"""The extent pipeline written the idiomatic, vectorized GeoPandas/Shapely 2 way, as a benchmark peer.

    bench_extent_geopandas.py HAZARDS [--json]

Read (pyogrio, the class column only), drop null/empty geometries and hazards without a known class, repair the
invalid ones with vectorized make-valid (STRUCTURE, keep_collapsed false) keeping polygonal parts,
dissolve per class (GeoPandas dissolve = shapely.union_all), SHA − CHA, and the geodesic area on
WGS84 with pyproj's Geod. Canonical field names and values only (no schema mapping): it is the
fastest straightforward Python peer, where reference_extent.py is the careful one.
"""
from __future__ import annotations

import argparse
import json

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.polygon import orient

GEOD = Geod(ellps="WGS84")
POLYGON, MULTIPOLYGON, COLLECTION = 3, 6, 7  # shapely.get_type_id values


def polygonal_parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The polygons in `geoms` (collections flattened, other parts dropped) and each one's row."""
    parts, index = shapely.get_parts(geoms, return_index=True)
    multi = np.isin(shapely.get_type_id(parts), [MULTIPOLYGON, COLLECTION])
    while multi.any():
        inner, inner_index = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], inner])
        index = np.concatenate([index[~multi], index[multi][inner_index]])
        multi = np.isin(shapely.get_type_id(parts), [MULTIPOLYGON, COLLECTION])
    keep = (shapely.get_type_id(parts) == POLYGON) & ~shapely.is_empty(parts)
    return parts[keep], index[keep]


def geodesic_area(geom) -> float:
    """Geodesic area in m² of a dissolved (Multi)Polygon, each polygon oriented CCW first."""
    return sum(GEOD.geometry_area_perimeter(orient(p, sign=1.0))[0] for p in shapely.get_parts(geom)
               if shapely.get_type_id(p) == POLYGON)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazards")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    df = gpd.read_file(args.hazards, engine="pyogrio", columns=["class"])
    read = len(df)
    df = df[df.geometry.notna() & ~df.geometry.is_empty]
    null_or_empty = read - len(df)
    df["class"] = df["class"].str.strip().str.upper()
    df = df[df["class"].isin(["CHA", "SHA"])]
    geoms = df.geometry.values.to_numpy()
    invalid = ~shapely.is_valid(geoms)
    geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    parts, rows = polygonal_parts(geoms)
    pieces = gpd.GeoDataFrame({"class": df["class"].to_numpy()[rows]}, geometry=parts, crs=df.crs)

    dissolved = pieces.dissolve(by="class").geometry
    cha = dissolved.get("CHA", shapely.Polygon())
    sha = dissolved.get("SHA", shapely.Polygon())
    sha = shapely.difference(sha, cha)
    a_cha, a_sha = geodesic_area(cha), geodesic_area(sha)
    result = {"classes": {"CHA": {"m2": a_cha}, "SHA": {"m2": a_sha}}, "total": {"m2": a_cha + a_sha},
              "hazards": {"read": read, "null_or_empty": null_or_empty, "repaired": int(invalid.sum())}}
    print(json.dumps(result, indent=2) if args.json else f"CHA {a_cha:,.2f} m²  SHA {a_sha:,.2f} m²")


if __name__ == "__main__":
    main()
