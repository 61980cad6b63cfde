#!/usr/bin/env python3
"""The yearly land-release ledger as a competent analyst writes it with GeoPandas/Shapely: a per-year overlay.

    peer_ledger.py HAZARDS RELEASES --from 2010 --to 2025 [--json]

Canonical fields only (class, recorded; method, date). Null and empty geometries are dropped, invalid ones
repaired with make_valid (STRUCTURE) keeping polygonal parts. The state is two dissolved geometries: the CHA
and the SHA net of CHA. Year by year, from the first hazard's year: the year's hazards are added (new CHA
cut out of the SHA), then for each method in precedence order (cleared, reduced, cancelled) the union of the
year's releases of that method, less what a stronger method took, is intersected with the state (released
area per method), and all the year's releases are cut out of the state. Remaining = the state's area at the
year end. Areas are geodesic on WGS84 (pyproj Geod, each polygon oriented counter-clockwise).

Within a year, hazards count as recorded before that year's releases: this is the per-year simplification
(the event-by-event replay of hazmap and reference_ledger.py orders them by day), so a hazard recorded after a
release of the same year is released here and not there. It does no more work than a correct replay would,
so as a benchmark peer it is a lower bound on the time a correct one takes.
"""
from __future__ import annotations

import argparse
import json

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.polygon import orient

from peer_read import read

GEOD = Geod(ellps="WGS84")
METHODS = ["cleared", "reduced", "cancelled"]  # same-year precedence
EMPTY = shapely.Polygon()


def area(geom) -> float:
    """Geodesic area in m² of a polygonal geometry."""
    return sum(GEOD.geometry_area_perimeter(orient(p, sign=1.0))[0]
               for p in shapely.get_parts(geom) if p.geom_type == "Polygon")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazards")
    ap.add_argument("releases")
    ap.add_argument("--from", dest="first", type=int, required=True)
    ap.add_argument("--to", dest="last", type=int, required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    hazards = read(args.hazards, ["class", "recorded"])
    hazards["class"] = hazards["class"].str.upper()
    hazards["year"] = gpd.pd.to_datetime(hazards["recorded"]).dt.year
    releases = read(args.releases, ["method", "date"])
    releases["method"] = releases["method"].str.lower()
    releases["year"] = gpd.pd.to_datetime(releases["date"]).dt.year

    cha, sha = EMPTY, EMPTY
    years, before = [], {m: 0.0 for m in METHODS}
    for year in range(int(min(hazards["year"].min(), releases["year"].min())), args.last + 1):
        new = hazards[hazards["year"] == year]
        new_cha = shapely.union_all(new.geometry[new["class"] == "CHA"].values)
        new_sha = shapely.union_all(new.geometry[new["class"] == "SHA"].values)
        if not new_cha.is_empty:
            cha = shapely.union(cha, new_cha)
            sha = shapely.difference(sha, new_cha)
        if not new_sha.is_empty:
            sha = shapely.union(sha, shapely.difference(new_sha, cha))
        released, taken = {}, EMPTY
        for method in METHODS:
            cut = shapely.union_all(releases.geometry[(releases["year"] == year) & (releases["method"] == method)].values)
            cut = shapely.difference(cut, taken)
            if cut.is_empty:  # GEOS cannot type an overlay of an empty collection ("result geometry dimension")
                released[method] = 0.0
                continue
            released[method] = area(shapely.intersection(cut, cha)) + area(shapely.intersection(cut, sha))
            taken = shapely.union(taken, cut)
        if not taken.is_empty:
            cha = shapely.difference(cha, taken)
            sha = shapely.difference(sha, taken)
        if year < args.first:
            for method in METHODS:
                before[method] += released[method]
            continue
        a_cha, a_sha = area(cha), area(sha)
        years.append({"year": year, "released": {**released, "total": sum(released.values())},
                      "remaining": {"CHA": a_cha, "SHA": a_sha, "total": a_cha + a_sha}})

    result = {"years": years, "released_before_from": before}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for row in years:
        print(row["year"], " ".join(f"{m} {row['released'][m] / 1e6:,.3f}" for m in METHODS),
              f"remaining {row['remaining']['total'] / 1e6:,.3f} km²")


if __name__ == "__main__":
    main()
