#!/usr/bin/env python3
"""Zonal sums of a population raster over given exposure areas, by exactextract or rasterstats.

    exposure_zonal.py AREAS POPULATION [--engine exactextract|rasterstats] [--json]

AREAS is a polygon layer of exposure areas, typically what `hazmap exposure ... -o areas.gpkg` wrote
(fields as_of, distance_m, class, region). The polygons are summed as they are (null or empty ones count 0): no repair, no
union, no buffering, so the comparison with hazmap isolates the zonal sum (Σ value × exact coverage
fraction, nodata honoured). The areas' own attributes are copied to the output as keys only; any
`people` field in AREAS is ignored.

--engine exactextract (default): Σ value × exact coverage fraction.
--engine rasterstats: rasterstats' cell-centre rule (not exact; for the benchmark only).

The JSON holds `engine`, `seconds` (the zonal sum alone, after reading) and `rows`, one per feature,
with `as_of`, `distance_m`, `class`, `region` (null when AREAS lacks the field) and `people`.
"""
from __future__ import annotations

import argparse
import json
import math
import time

import geopandas as gpd
import pyogrio
import rasterio

KEYS = ("as_of", "distance_m", "class", "region")


def plain(value):
    """A JSON-friendly key value: None for missing or NaN, floats and strings as they are."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("areas")
    ap.add_argument("population")
    ap.add_argument("--engine", choices=["exactextract", "rasterstats"], default="exactextract")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    df = pyogrio.read_dataframe(args.areas)
    zones = gpd.GeoDataFrame(df, geometry=df.geometry, crs=df.crs or "EPSG:4326")
    with rasterio.open(args.population) as src:
        raster_crs = src.crs
    if raster_crs is not None and not zones.crs.equals(raster_crs):
        zones = zones.to_crs(raster_crs)
    zones = zones.reset_index(drop=True)
    zones["_row"] = range(len(zones))
    # Null or empty areas (e.g. no SHA left) hold no people; the engines are given the others only.
    usable = zones[~zones.geometry.isna() & ~zones.geometry.is_empty]

    start = time.perf_counter()
    if args.engine == "exactextract":
        from exactextract import exact_extract

        out = exact_extract(args.population, usable[["_row", "geometry"]], "sum", include_cols=["_row"],
                            output="pandas")
        people = {int(r): float(s) for r, s in zip(out["_row"], out["sum"])}
    else:
        from rasterstats import zonal_stats

        stats = zonal_stats(list(usable.geometry), args.population, stats=["sum"])
        people = {int(r): float(s["sum"] or 0.0) for r, s in zip(usable["_row"], stats)}
    seconds = time.perf_counter() - start

    rows = []
    for i in range(len(zones)):
        row = {k: plain(zones[k].iloc[i]) if k in zones else None for k in KEYS}
        row["people"] = people.get(i, 0.0)
        rows.append(row)
    result = {"engine": args.engine, "seconds": seconds, "rows": rows}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for row in rows:
        within = "inside" if row["distance_m"] is None else f"{row['distance_m']:g} m"
        print(f"{within:>10} {row['class'] or '':<5}{row['region'] or '':<12}{row['people']:>18,.3f} people")
    print(f"{args.engine}: {seconds:.2f} s for the zonal sums")


if __name__ == "__main__":
    main()
