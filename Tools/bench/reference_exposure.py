#!/usr/bin/env python3
"""Independent reference for `hazmap exposure`: people inside a polygon layer and within distances.

    reference_exposure.py POPULATION AREAS [--buffers 500,1000,5000] [--per-feature]
                          [--engine exactextract|rasterstats] [--json]

POPULATION is a raster of counts per cell (nodata honoured). AREAS is any polygon layer (e.g. the
hazards). The exposure areas are the dissolved union of AREAS ("inside") and, for each distance,
the union of geodesic buffers of every polygon part (local azimuthal-equidistant projection,
32 segments per quarter circle). People are counted once per area.

--engine exactextract (default): Σ value × exact coverage fraction (the method hazmap follows).
--engine rasterstats: rasterstats' cell-centre rule, for the benchmark only (not exact).
"""
from __future__ import annotations

import argparse
import json

import geopandas as gpd
import numpy as np
import pyogrio
import rasterio
import shapely
from pyproj import Transformer

import reference_common as rc


def geodesic_buffer(geom, meters: float):
    """Union of the buffers of each polygon part by `meters`, each built in an azimuthal-
    equidistant projection centred on the part (lon/lat in and out)."""
    pieces = []
    for part in shapely.get_parts(geom):
        c = part.centroid
        aeqd = f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m +no_defs"
        fwd = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
        inv = Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True)
        local = shapely.transform(part, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
        grown = shapely.buffer(local, meters, quad_segs=32)
        pieces.append(shapely.transform(grown, lambda xy: np.column_stack(inv.transform(xy[:, 0], xy[:, 1]))))
    return rc.union(pieces)


def sums(raster: str, names: list[str], geoms: list, engine: str) -> dict:
    """{name: people} for each geometry (lon/lat), by the chosen engine."""
    with rasterio.open(raster) as src:
        crs = src.crs
    zones = gpd.GeoDataFrame({"name": names}, geometry=geoms, crs="EPSG:4326")
    if crs is not None and not zones.crs.equals(crs):
        zones = zones.to_crs(crs)
    if engine == "exactextract":
        from exactextract import exact_extract

        df = exact_extract(raster, zones, "sum", include_cols=["name"], output="pandas")
        return {n: float(s) for n, s in zip(df["name"], df["sum"])}
    from rasterstats import zonal_stats

    stats = zonal_stats(list(zones.geometry), raster, stats=["sum"])
    return {n: float(s["sum"] or 0.0) for n, s in zip(zones["name"], stats)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("population")
    ap.add_argument("areas")
    ap.add_argument("--buffers", default="", help="comma-separated distances in metres")
    ap.add_argument("--per-feature", action="store_true", help="also people per feature (may overlap)")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--engine", choices=["exactextract", "rasterstats"], default="exactextract")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    distances = [float(d) for d in args.buffers.split(",") if d.strip()]

    df = pyogrio.read_dataframe(args.areas)
    gdf = gpd.GeoDataFrame(df, geometry=df.geometry, crs=df.crs or "EPSG:4326").to_crs("EPSG:4326")
    gdf, stats = rc.repaired(gdf, args.areas)
    inside = rc.union(gdf.geometry)

    names = ["inside"] + [f"within_{d:g}_m" for d in distances]
    geoms = [inside] + [geodesic_buffer(inside, d) for d in distances]
    people = sums(args.population, names, geoms, args.engine)
    result = {
        "engine": args.engine,
        "areas": {n: {"people": people[n], "area": rc.area_record(rc.geodesic_area(g))}
                  for n, g in zip(names, geoms)},
        "features": stats,
    }
    if args.per_feature:
        ids = [str(v) for v in (gdf[args.id_field] if args.id_field in gdf else gdf.index)]
        result["per_feature"] = dict(sorted(sums(args.population, ids, list(gdf.geometry), args.engine).items()))

    if args.json:
        print(json.dumps(result, indent=2))
        return
    for n, rec in result["areas"].items():
        print(f"{n:<20}{rec['people']:>16,.3f} people{rec['area']['km2']:>16,.3f} km²")
    for k, v in result.get("per_feature", {}).items():
        print(f"  {k:<18}{v:>16,.3f} people")


if __name__ == "__main__":
    main()
