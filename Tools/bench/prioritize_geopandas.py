#!/usr/bin/env python3
"""hazmap prioritize's scoring written the way a GIS analyst would in GeoPandas, as a benchmark peer.

    prioritize_geopandas.py HAZARDS --criteria C.toml [--accidents A] [--facilities F] [--roads R]
                            --as-of YYYY-MM-DD [--crs EPSG:326NN] [-o ranked.csv] [--json]

Canonical field names only. Hazards: null/empty geometries dropped, invalid ones repaired with
make_valid (STRUCTURE, keep_collapsed false) keeping polygonal parts, hazards recorded after --as-of
dropped (no releases: remaining area is the whole polygon). Everything is then projected to one
UTM zone (the zone of the hazards' centre unless --crs is given) and measured there in metres:

- accidents_within: buffer (quad_segs 32, as hazmap) + sjoin(intersects) with the accidents dated in
  (as-of − months, as-of], counting them or summing `casualties`;
- facility_distance: sjoin_nearest to the facilities of the kind (0 when touching);
- road_length_within: buffer + sjoin(intersects) with the roads of the kind, then the length of each
  road ∩ buffer, summed per hazard;
- remaining_area (planar UTM area), estimated_cost (area × cost per m² by type and class), class,
  hazard_type.

Normalisation (minmax; rank with ties at their mean rank), direction, weights, score = Σ w·norm / Σ w
(summed in criterion order, as hazmap does) and rank (score descending, id ascending) follow
`hazmap prioritize`. hazmap measures on the ellipsoid instead (geodesic buffers, distances, lengths
and areas); UTM scale is 0.9996 on the central meridian and grows to about 1.0024 six degrees away
at 44° N, so distances and lengths differ by up to ~0.25% and areas by up to ~0.5%.
Stage timings go to stderr (and into the --json summary on stdout).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import tomllib

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from bench_extent_geopandas import polygonal_parts

STAGES: dict[str, float] = {}


def stage(name: str, start: float) -> float:
    now = time.perf_counter()
    STAGES[name] = round(now - start, 3)
    print(f"{name}: {now - start:.2f} s", file=sys.stderr)
    return now


def metres(value) -> float:
    """500, 500.0, "500m", "500 m", "1km", "1.5 km" → metres."""
    if isinstance(value, (int, float)):
        return float(value)
    match = re.fullmatch(r"\s*([0-9.]+)\s*(km|m)?\s*", str(value))
    if not match:
        raise SystemExit(f"bad distance: {value!r}")
    return float(match.group(1)) * (1000 if match.group(2) == "km" else 1)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, clamped to the end of a shorter month (as hazmap)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def utm_for(geoms: np.ndarray) -> str:
    """The WGS84 UTM zone of the centre of the geometries' bounding box."""
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    lon, lat = (minx + maxx) / 2, (miny + maxy) / 2
    zone = int((lon + 180) // 6) + 1
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def read_hazards(path: str, as_of: dt.date) -> gpd.GeoDataFrame:
    df = gpd.read_file(path, engine="pyogrio", columns=["id", "class", "hazard_type", "recorded"])
    df = df[df.geometry.notna() & ~df.geometry.is_empty].reset_index(drop=True)
    geoms = df.geometry.values.to_numpy()
    invalid = ~shapely.is_valid(geoms)
    geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    parts, index = polygonal_parts(geoms)
    keep = np.unique(index)
    polygons = shapely.multipolygons(parts, indices=np.searchsorted(keep, index))
    df = df.iloc[keep].reset_index(drop=True)
    df = df.set_geometry(gpd.GeoSeries(polygons, crs=df.crs))
    # Single-part hazards stay Polygons, as in the source.
    single = shapely.get_num_geometries(df.geometry.values.to_numpy()) == 1
    df.loc[single, "geometry"] = shapely.get_geometry(df.geometry.values.to_numpy()[single], 0)
    recorded = pd.to_datetime(df["recorded"], errors="coerce").dt.date
    df = df[recorded.isna() | (recorded <= as_of)].reset_index(drop=True)
    df["class"] = df["class"].astype("string").str.strip().str.upper()
    df["hazard_type"] = df["hazard_type"].astype("string").str.strip().str.upper()
    return df


def normalise(values: pd.Series, how: str, direction: str) -> np.ndarray:
    present = values.notna()
    out = np.zeros(len(values))
    if not present.any():
        return out
    v = values[present].astype(float)
    if how == "rank":
        n = len(v)
        norm = (v.rank(method="average").to_numpy() - 1) / (n - 1) if n > 1 else np.ones(n)
    else:
        low, high = v.min(), v.max()
        norm = ((v - low) / (high - low)).to_numpy() if high > low else np.ones(len(v))
    out[present.to_numpy()] = norm if direction == "higher" else 1 - norm
    return out


def cost_per_m2(table: dict, hazard_type, hazard_class) -> float | None:
    fallback = table.get("default")
    row = table.get(hazard_type) if isinstance(hazard_type, str) else None
    if isinstance(row, dict):
        if isinstance(hazard_class, str) and hazard_class in row:
            return float(row[hazard_class])
        return float(fallback) if fallback is not None else None
    if row is not None:
        return float(row)
    return float(fallback) if fallback is not None else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazards")
    ap.add_argument("--criteria", required=True)
    ap.add_argument("--accidents")
    ap.add_argument("--facilities")
    ap.add_argument("--roads")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--crs", help="projected CRS in metres (default: the UTM zone of the hazards' centre)")
    ap.add_argument("-o", "--output", help="ranked CSV: id, rank, score, <name>_raw, <name>_norm")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    with open(args.criteria, "rb") as f:
        criteria = tomllib.load(f)["criterion"]

    t0 = t = time.perf_counter()
    hz = read_hazards(args.hazards, as_of)
    crs = args.crs or utm_for(hz.geometry.values.to_numpy())
    kinds = {c["kind"] for c in criteria}
    acc = fac = roads = None
    if "accidents_within" in kinds:
        acc = gpd.read_file(args.accidents, engine="pyogrio", columns=["date", "casualties"])
        acc["date"] = pd.to_datetime(acc["date"], errors="coerce").dt.date
        acc = acc[acc.geometry.notna() & acc["date"].notna()].to_crs(crs)
    if "facility_distance" in kinds:
        fac = gpd.read_file(args.facilities, engine="pyogrio", columns=["kind"])
        fac["kind"] = fac["kind"].str.strip().str.lower()
        fac = fac[fac.geometry.notna()].to_crs(crs)
    if "road_length_within" in kinds:
        roads = gpd.read_file(args.roads, engine="pyogrio", columns=["kind"])
        roads["kind"] = roads["kind"].str.strip().str.lower()
        roads = roads[roads.geometry.notna()].to_crs(crs)
    hz_m = hz.to_crs(crs)
    t = stage("read+repair+project", t)

    n = len(hz_m)
    area = hz_m.geometry.area.to_numpy()
    buffers: dict[float, gpd.GeoDataFrame] = {}

    def buffered(distance: float) -> gpd.GeoDataFrame:
        if distance not in buffers:
            buffers[distance] = gpd.GeoDataFrame(geometry=hz_m.geometry.buffer(distance, quad_segs=32), crs=crs)
        return buffers[distance]

    raw: dict[str, pd.Series] = {}
    for c in criteria:
        kind, name = c["kind"], c["name"]
        if kind == "accidents_within":
            since = months_before(as_of, int(c["months"]))
            recent = acc[(acc["date"] > since) & (acc["date"] <= as_of)]
            weight = recent["casualties"].fillna(0).astype(float) if c.get("field") == "casualties" \
                else pd.Series(1.0, index=recent.index)
            pairs = gpd.sjoin(buffered(metres(c["distance"])), recent[["geometry"]], predicate="intersects")
            sums = weight.loc[pairs["index_right"]].groupby(pairs.index.to_numpy()).sum()
            raw[name] = pd.Series(np.zeros(n)).add(sums, fill_value=0)
        elif kind == "facility_distance":
            of_kind = fac[fac["kind"] == c["facility"]][["geometry"]]
            if of_kind.empty:
                raw[name] = pd.Series([np.nan] * n)
                continue
            near = gpd.sjoin_nearest(hz_m[["geometry"]], of_kind, distance_col="distance")
            raw[name] = near["distance"].groupby(level=0).min().reindex(range(n))
        elif kind == "road_length_within":
            of_kind = roads if c.get("road") is None else roads[roads["kind"] == c["road"]]
            zones = buffered(metres(c["distance"]))
            pairs = gpd.sjoin(zones, of_kind[["geometry"]], predicate="intersects")
            left = zones.geometry.values.to_numpy()[pairs.index.to_numpy()]
            right = of_kind.geometry.loc[pairs["index_right"]].values.to_numpy()
            lengths = shapely.length(shapely.intersection(left, right))
            raw[name] = pd.Series(np.bincount(pairs.index.to_numpy(), weights=lengths, minlength=n))
        elif kind == "remaining_area":
            raw[name] = pd.Series(area)
        elif kind == "estimated_cost":
            cost = [cost_per_m2(c["cost_per_m2"], ty, cl) for ty, cl in zip(hz_m["hazard_type"], hz_m["class"])]
            raw[name] = pd.Series([a * k if k is not None else np.nan for a, k in zip(area, cost)])
        elif kind == "class":
            raw[name] = hz_m["class"].map(lambda v: c["values"].get(v) if isinstance(v, str) else None).astype(float)
        elif kind == "hazard_type":
            raw[name] = hz_m["hazard_type"].map(
                lambda v: c["values"].get(v) if isinstance(v, str) else None).astype(float)
        else:
            raise SystemExit(f"criterion '{name}': kind {kind} is not in this benchmark peer")
        raw[name] = raw[name].reset_index(drop=True)
        t = stage(name, t)

    total = sum(float(c["weight"]) for c in criteria)
    score = np.zeros(n)
    norms = {}
    for c in criteria:
        direction = c.get("direction", "lower" if c["kind"] == "facility_distance" else "higher")
        norms[c["name"]] = normalise(raw[c["name"]], c.get("normalisation", "minmax"), direction)
        score = score + norms[c["name"]] * float(c["weight"])
    score = score / total if total > 0 else np.zeros(n)
    out = pd.DataFrame({"id": hz_m["id"].astype(str), "score": score})
    for c in criteria:
        out[c["name"] + "_raw"] = raw[c["name"]].to_numpy()
        out[c["name"] + "_norm"] = norms[c["name"]]
    out = out.sort_values(["score", "id"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    out.insert(1, "rank", np.arange(1, n + 1))
    t = stage("score+rank", t)
    if args.output:
        out.to_csv(args.output, index=False)
    STAGES["total"] = round(time.perf_counter() - t0, 3)
    summary = {"hazards": n, "crs": crs, "stages_s": STAGES, "top10": out["id"].head(10).tolist()}
    print(json.dumps(summary, indent=2) if args.json else f"{n} hazards ranked in {crs}; top: {summary['top10']}")


if __name__ == "__main__":
    main()
