"""Shared pieces of the Python reference computations for hazmap.

Reading a layer and mapping its fields (schema-mapping TOML, see /work/wt/COMMON.md), repairing
geometries (GEOS make-valid, STRUCTURE method, polygonal parts only), dissolving, geodesic areas on
WGS84, and grouping hazard/release events by day. Everything is in EPSG:4326 lon/lat.
"""
from __future__ import annotations

import datetime as dt
import sys
import tomllib
from itertools import groupby

import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient

GEOD = Geod(ellps="WGS84")

# Canonical values of the enumerated fields, in their canonical spelling.
ENUMS = {
    "class": ["SHA", "CHA"],
    "method": ["cancelled", "reduced", "cleared"],
    "hazard_type": ["AP", "AT", "ERW", "CM", "IED", "mixed"],
    "status": ["open", "worked_on", "closed"],
}
DATE_FIELDS = {"recorded", "date"}
LAYER_FIELDS = {
    "hazards": ["id", "class", "hazard_type", "status", "recorded", "region"],
    "releases": ["id", "method", "date", "hazard_id"],
    "regions": ["code", "name"],
}


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def load_mapping(path: str | None) -> dict:
    """The schema-mapping TOML as a dict, or {} without a mapping."""
    if path is None:
        return {}
    with open(path, "rb") as f:
        return tomllib.load(f)


def normalize(value) -> str:
    """Lower case, with '-', ' ' and '_' treated alike."""
    return str(value).strip().lower().replace("-", "_").replace(" ", "_")


def to_date(value) -> dt.date | None:
    """A date from a pandas/Python date or datetime, or an ISO 8601 string; None when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


def map_value(field: str, value, table: dict) -> str | None:
    """The canonical value of an enumerated field: mapping table first, then canonical spelling."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if str(value) in table:
        return table[str(value)]
    by_norm = {normalize(k): v for k, v in table.items()}
    if normalize(value) in by_norm:
        return by_norm[normalize(value)]
    canonical = {normalize(v): v for v in ENUMS[field]}
    return canonical.get(normalize(value))


def read_layer(path: str, layer: str, mapping: dict, source_layer: str | None = None):
    """A GeoDataFrame in EPSG:4326 with the canonical columns of `layer` (missing ones are None).

    `layer` names the mapping section (hazards, releases, regions); `source_layer` the layer in the
    file (the first one by default). Enumerated values that map to nothing become None (warned).
    """
    df = pyogrio.read_dataframe(path, layer=source_layer)
    settings = mapping.get(layer, {})
    fields = settings.get("fields", {})
    values = settings.get("values", {})
    columns = {c.lower(): c for c in df.columns if c != "geometry"}
    out = {}
    for canon in LAYER_FIELDS[layer]:
        source = columns.get(str(fields.get(canon, canon)).lower())
        column = df[source] if source is not None else pd.Series([None] * len(df), index=df.index)
        if canon in ENUMS:
            mapped = [map_value(canon, v, values.get(canon, {})) for v in column]
            unknown = sorted({str(v) for v, m in zip(column, mapped) if m is None and v is not None
                              and not (not isinstance(v, str) and pd.isna(v))})
            if unknown:
                warn(f"{path}: unknown {canon} values {unknown}; those features are skipped")
            column = pd.Series(mapped, index=df.index, dtype=object)
        elif canon in DATE_FIELDS:
            column = pd.Series([to_date(v) for v in column], index=df.index, dtype=object)
        out[canon] = column
    import geopandas as gpd  # imported here so that scripts not needing it start faster

    crs = df.crs if df.crs is not None else settings.get("crs", "EPSG:4326")
    gdf = gpd.GeoDataFrame(out, geometry=df.geometry.values, crs=crs)
    gdf["index"] = range(len(gdf))
    if not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    return gdf


def polygonal(geom):
    """The polygonal parts of a geometry as one (Multi)Polygon, or None when there are none."""
    parts = [p for p in shapely.get_parts(geom) if not p.is_empty]
    polys = []
    for p in parts:
        if isinstance(p, Polygon):
            polys.append(p)
        elif isinstance(p, MultiPolygon):
            polys.extend(p.geoms)
        elif p.geom_type == "GeometryCollection":
            sub = polygonal(p)
            if sub is not None:
                polys.extend(shapely.get_parts(sub))
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def repair(geom):
    """GEOS make-valid (STRUCTURE, keep_collapsed false), polygonal parts only; None if null/empty."""
    if geom is None or geom.is_empty:
        return None
    return polygonal(shapely.make_valid(geom, method="structure", keep_collapsed=False))


def repaired(gdf, what: str):
    """`gdf` without null/empty geometries, the others repaired; and counts of both."""
    geoms = np.asarray(gdf.geometry.values)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    invalid = ~missing & ~shapely.is_valid(geoms)
    stats = {"read": len(gdf), "null_or_empty": int(missing.sum()), "repaired": int(invalid.sum())}
    fixed = [densified(repair(g) if bad else (polygonal(g) if not gone else None))
             for g, bad, gone in zip(geoms, invalid, missing)]
    gdf = gdf.copy()
    gdf["geometry"] = fixed
    gdf = gdf[gdf.geometry.notna()]
    if stats["null_or_empty"]:
        warn(f"{what}: skipped {stats['null_or_empty']} null or empty geometries")
    if stats["repaired"]:
        warn(f"{what}: repaired {stats['repaired']} invalid geometries (make-valid, structure)")
    return gdf, stats


# How far (m) a lon/lat chord may depart from its edge's geodesic before the edge is cut (hazmap's
# GeodesicEdges.tolerance, docs/methodology.md "Edges").
GEODESIC_TOLERANCE = 0.0001


def densified_ring(coords: np.ndarray, tolerance: float = GEODESIC_TOLERANCE) -> np.ndarray | None:
    """The ring or line with each edge whose chord departs from its geodesic by more than `tolerance` m cut
    into n = ceil(sqrt(1.1 * departure / tolerance)) equal geodesic pieces (pyproj's Geod.inv and Geod.fwd);
    the departure is the cross-track distance of the chord's lon/lat midpoint. None when no edge needs it."""
    lon0, lat0, lon1, lat1 = coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1]
    azimuth, _, length = GEOD.inv(lon0, lat0, lon1, lat1)
    to_middle_azimuth, _, to_middle = GEOD.inv(lon0, lat0, (lon0 + lon1) / 2, (lat0 + lat1) / 2)
    departure = np.abs(to_middle * np.sin(np.radians(to_middle_azimuth - azimuth)))
    pieces = np.where(departure > tolerance,
                      np.minimum(10_000, np.ceil(np.sqrt(1.1 * departure / tolerance))), 1).astype(int)
    if (pieces <= 1).all():
        return None
    out = [coords[:1]]
    for i, n in enumerate(pieces):
        if n > 1:
            steps = length[i] * np.arange(1, n) / n
            lon, lat, _ = GEOD.fwd(np.full(n - 1, lon0[i]), np.full(n - 1, lat0[i]),
                                   np.full(n - 1, azimuth[i]), steps)
            out.append(np.column_stack([lon, lat]))
        out.append(coords[i + 1:i + 2])
    return np.vstack(out)


def densified(geom):
    """A polygonal geometry with its long edges cut along their geodesics, as hazmap cuts them on loading
    (a polygon that would turn invalid is kept as it was)."""
    if geom is None:
        return None
    polygons = [geom] if isinstance(geom, Polygon) else list(getattr(geom, "geoms", []))
    changed, out = False, []
    for polygon in polygons:
        rings = [np.asarray(polygon.exterior.coords)[:, :2]] + [np.asarray(r.coords)[:, :2] for r in polygon.interiors]
        cut = [densified_ring(r) for r in rings]
        changed |= any(c is not None for c in cut)
        rings = [c if c is not None else r for r, c in zip(rings, cut)]
        out.append(Polygon(rings[0], rings[1:]))
    if not changed:
        return geom
    result = out[0] if isinstance(geom, Polygon) else MultiPolygon(out)
    return result if result.is_valid else geom


def union(geoms):
    """The dissolved union of the geometries (an empty polygon when there are none)."""
    geoms = [g for g in geoms if g is not None]
    if not geoms:
        return Polygon()
    return shapely.union_all(geoms)


def geodesic_area(geom) -> float:
    """Geodesic area in m² on WGS84 of the polygonal parts of a lon/lat geometry.

    Each polygon is oriented counter-clockwise (holes clockwise) first, so that every ring's
    signed geodesic area has the right sign: shell positive, holes negative.
    """
    if geom is None or geom.is_empty:
        return 0.0
    total = 0.0
    for part in shapely.get_parts(geom):
        if isinstance(part, MultiPolygon) or part.geom_type == "GeometryCollection":
            total += geodesic_area(part)
        elif isinstance(part, Polygon):
            area, _ = GEOD.geometry_area_perimeter(orient(part, sign=1.0))
            total += area
    return total


def area_record(m2: float) -> dict:
    return {"m2": m2, "ha": m2 / 1e4, "km2": m2 / 1e6}


def events_by_day(hazards, releases, until: dt.date | None = None):
    """Yields (day, hazards recorded that day, releases completed that day) in date order, up to
    and including `until`. Events without a date are left out (warned)."""
    events = []
    for kind, gdf, column in (("hazards", hazards, "recorded"), ("releases", releases, "date")):
        if gdf is None:
            continue
        undated = int(gdf[column].isna().sum())
        if undated:
            warn(f"{kind}: {undated} features without {column} are left out of the event replay")
        for i, day in zip(gdf.index, gdf[column]):
            if day is not None and (until is None or day <= until):
                events.append((day, kind, i))
    events.sort(key=lambda e: (e[0], e[1]))  # "hazards" sorts before "releases"
    for day, group in groupby(events, key=lambda e: e[0]):
        group = list(group)
        hz = [i for _, k, i in group if k == "hazards"]
        rl = [i for _, k, i in group if k == "releases"]
        yield (day,
               hazards.loc[hz] if hazards is not None else None,
               releases.loc[rl] if releases is not None else None)


METHODS = ["cleared", "reduced", "cancelled"]  # precedence on the same day

# Polygons of less than this planar area (deg², about 1e-4 m² at the equator) left by a release cut
# are dropped: GEOS 3.14.1 (Shapely 2.2.0 wheels) loses a whole 1.6e-8 deg² part of B in
# union(A, B) when A is a 1e-18 deg² sliver sharing B's edges (10k scenario, seed 7, hazards
# 1382/1384, releases 770/771); GEOS 3.11.1 gets it right. Dropping such slivers changes an area
# by far less than 1e-6 relative.
SLIVER_DEG2 = 1e-14


def without_slivers(geom):
    """`geom` without polygons smaller than SLIVER_DEG2; None when nothing is left."""
    if geom is None:
        return None
    parts = [p for p in shapely.get_parts(geom) if p.area >= SLIVER_DEG2]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


class Contamination:
    """Event-sourced contamination, kept as the undissolved pieces of each hazard (class, geometry
    and a version number that changes whenever the piece does).

    A release cuts only the pieces it touches, found with an STRtree over the pieces as they were
    when the tree was built (pieces only shrink, so the tree's boxes still cover them) plus the
    pieces added since, so each event day costs work near its events. The year-end extents are
    dissolved group by group (pieces that touch), and a group whose pieces have not changed since
    the last dissolve keeps its areas."""

    def __init__(self):
        self.geoms = np.empty(0, dtype=object)
        self.classes = np.empty(0, dtype=object)
        self.versions = np.empty(0, dtype=np.int64)
        self._next_version = 0
        self._tree = None
        self._tree_size = 0
        self._areas = {}

    def _stamp(self, count: int) -> np.ndarray:
        first = self._next_version
        self._next_version += count
        return np.arange(first, first + count, dtype=np.int64)

    def _rebuild(self) -> None:
        keep = np.array([g is not None for g in self.geoms], dtype=bool)
        self.geoms, self.classes, self.versions = self.geoms[keep], self.classes[keep], self.versions[keep]
        self._tree = shapely.STRtree(self.geoms) if len(self.geoms) else None
        self._tree_size = len(self.geoms)

    def _touched(self, geom) -> np.ndarray:
        if len(self.geoms) - self._tree_size > max(1000, self._tree_size // 4):
            self._rebuild()
        found = self._tree.query(geom) if self._tree is not None else np.empty(0, dtype=np.intp)
        candidates = np.concatenate([found, np.arange(self._tree_size, len(self.geoms))]).astype(np.intp)
        candidates = np.array([i for i in candidates if self.geoms[i] is not None], dtype=np.intp)
        if not len(candidates):
            return candidates
        return candidates[shapely.intersects(self.geoms[candidates], geom)]

    def add(self, hazards) -> None:
        """Adds the polygons of hazards recorded on one day."""
        if len(hazards):
            self.geoms = np.concatenate([self.geoms, np.asarray(hazards.geometry.values, dtype=object)])
            self.classes = np.concatenate([self.classes, hazards["class"].to_numpy(dtype=object)])
            self.versions = np.concatenate([self.versions, self._stamp(len(hazards))])

    def release(self, releases) -> dict:
        """Removes one day's releases; returns {method: land released (geometry)}: the release ∩
        contamination just before it, cleared before reduced before cancelled."""
        if not len(releases) or not len(self.geoms):
            return {}
        by_method = releases.dissolve(by="method").geometry
        cut = union(by_method)
        touched = self._touched(cut)
        if not len(touched):
            return {}
        local = union(self.geoms[touched])
        taken, out = Polygon(), {}
        for method in METHODS:
            if method in by_method.index:
                inside = polygonal(by_method[method].intersection(local)) or Polygon()
                out[method] = inside.difference(taken)
                taken = union([taken, out[method]])
        cut_pieces = shapely.difference(self.geoms[touched], cut)
        self.geoms[touched] = [without_slivers(polygonal(g)) for g in cut_pieces]
        self.versions[touched] = self._stamp(len(touched))
        return out

    def extents(self):
        """(CHA, SHA) dissolved, with CHA precedence."""
        live = np.array([g is not None for g in self.geoms], dtype=bool)
        geoms, classes = self.geoms[live], self.classes[live]
        cha = union(geoms[classes == "CHA"])
        sha = union(geoms[classes == "SHA"]).difference(cha)
        return cha, sha

    def remaining_areas(self) -> tuple[float, float]:
        """Geodesic areas (m²) of the dissolved CHA and SHA (CHA precedence): the sum over groups of
        touching pieces, each group dissolved on its own, or its areas reused when none of its
        pieces changed since the last call."""
        live = np.flatnonzero([g is not None for g in self.geoms])
        if not len(live):
            return 0.0, 0.0
        geoms = self.geoms[live]
        left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
        labels = np.arange(len(live))
        while True:  # min-label propagation with pointer jumping: touching pieces share a label
            before = labels.copy()
            np.minimum.at(labels, left, labels[right])
            np.minimum.at(labels, right, labels[left])
            labels = labels[labels]
            if np.array_equal(labels, before):
                break
        order = np.argsort(labels, kind="stable")
        bounds = np.flatnonzero(np.diff(labels[order])) + 1
        areas, total_cha, total_sha = {}, 0.0, 0.0
        for group in np.split(order, bounds):
            members = live[group]
            key = tuple(sorted(self.versions[members].tolist()))
            if key not in self._areas:
                classes = self.classes[members]
                cha = union(self.geoms[members][classes == "CHA"])
                sha = union(self.geoms[members][classes == "SHA"]).difference(cha)
                self._areas[key] = (geodesic_area(cha), geodesic_area(sha))
            areas[key] = self._areas[key]
        for key in sorted(areas):
            total_cha += areas[key][0]
            total_sha += areas[key][1]
        self._areas = areas
        return total_cha, total_sha
