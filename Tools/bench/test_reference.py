"""Checks of the reference scripts on the hand-made fixtures.

Expected values come from closed forms (the ellipsoidal graticule-cell area), hand counts of
raster cells, and geographiclib (Karney's pure-Python geodesics, independent of PROJ's C code).
Run: Tools/bench/.venv/bin/python -m pytest Tools/bench -q
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from geographiclib.geodesic import Geodesic
from shapely.geometry import Polygon, box

import reference_common as rc
from reference_exposure import geodesic_buffer

HERE = Path(__file__).parent
FIX = HERE / "fixtures"


def run(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, str(HERE / script), *args, "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def gl_area(ring: list[tuple[float, float]]) -> float:
    """|geodesic area| in m² of a lon/lat ring (no closing point), by geographiclib."""
    p = Geodesic.WGS84.Polygon()
    for lon, lat in ring:
        p.AddPoint(lat, lon)
    return abs(p.Compute(False, True)[2])


def gl_box(x0, y0, x1, y1) -> float:
    return gl_area([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


def cell_closed_form(lon0, lat0, lon1, lat1) -> float:
    """Area in m² of a graticule cell (edges along meridians and parallels) on WGS84."""
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    e, b = math.sqrt(e2), a * (1 - f)

    def q(lat):
        s = math.sin(math.radians(lat))
        return s / (1 - e2 * s * s) + math.log((1 + e * s) / (1 - e * s)) / (2 * e)

    return math.radians(lon1 - lon0) * b * b / 2 * (q(lat1) - q(lat0))


# The bow-tie (2,0)(3,1)(3,0)(2,1) repairs (STRUCTURE) into two triangles meeting at (2.5, 0.5).
TRIANGLES = gl_area([(2.5, 0.5), (3, 1), (3, 0)]) + gl_area([(2.5, 0.5), (2, 1), (2, 0)])
CELL = gl_box(0, 0, 1, 1)


def close(actual: float, expected: float, rel: float = 1e-9) -> bool:
    return math.isclose(actual, expected, rel_tol=rel, abs_tol=1e-3)


def test_geodesic_area_matches_closed_form_and_orientation():
    assert round(CELL / 1e6, 2) == 12308.78  # geodesic edges (the top edge bulges north)
    dense = shapely.segmentize(box(0, 0, 1, 1), 0.001)  # edges now follow the parallels
    assert close(rc.geodesic_area(dense), cell_closed_form(0, 0, 1, 1), 1e-8)
    assert round(cell_closed_form(0, 0, 1, 1) / 1e6, 2) == 12308.46
    assert close(rc.geodesic_area(box(0, 0, 1, 1)), CELL)
    # Clockwise shell with a counter-clockwise hole, in a multipolygon with a CCW polygon.
    holed = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)], [[(0.2, 0.2), (0.4, 0.2), (0.4, 0.4), (0.2, 0.4)]])
    multi = shapely.MultiPolygon([holed, box(5, 5, 6, 6)])
    expected = CELL - gl_box(0.2, 0.2, 0.4, 0.4) + gl_box(5, 5, 6, 6)
    assert close(rc.geodesic_area(multi), expected)


def test_extent_dissolves_with_cha_precedence_and_repairs():
    r = run("reference_extent.py", str(FIX / "hazards.geojson"))
    assert close(r["classes"]["CHA"]["m2"], CELL)
    assert close(r["classes"]["SHA"]["m2"], gl_box(1, 0, 1.5, 1) + TRIANGLES)
    assert r["hazards"] == {"read": 6, "null_or_empty": 2, "repaired": 1}


def test_extent_with_mapping():
    r = run("reference_extent.py", str(FIX / "hazards_imsma.geojson"), "--mapping", str(FIX / "mapping.toml"))
    assert close(r["classes"]["CHA"]["m2"], CELL)
    assert close(r["classes"]["SHA"]["m2"], gl_box(1, 0, 1.5, 1))


@pytest.mark.parametrize("as_of, cha, sha", [
    ("2011-12-31", 0.0, gl_box(0.5, 0, 1.5, 1)),
    ("2015-05-01", 0.0, gl_box(1, 0, 1.5, 1) + TRIANGLES),
    ("2016-06-01", gl_box(0.1, 0.1, 0.25, 0.9), TRIANGLES),
    ("2017-01-01", 0.0, TRIANGLES),
])
def test_extent_as_of_replays_events(as_of, cha, sha):
    r = run("reference_extent.py", str(FIX / "hazards.geojson"),
            "--releases", str(FIX / "releases.geojson"), "--as-of", as_of)
    assert close(r["classes"]["CHA"]["m2"], cha)
    assert close(r["classes"]["SHA"]["m2"], sha)


def test_extent_by_region():
    r = run("reference_extent.py", str(FIX / "hazards.geojson"),
            "--regions", str(FIX / "regions.geojson"), "--by", "region")["regions"]
    assert close(r["R1"]["CHA"]["m2"], CELL)
    assert close(r["R1"]["SHA"]["m2"], gl_box(1, 0, 1.25, 1))
    assert close(r["R2"]["CHA"]["m2"], 0.0)
    assert close(r["R2"]["SHA"]["m2"], gl_box(1.25, 0, 1.5, 1) + TRIANGLES)


def test_ledger_follows_release_semantics():
    r = run("reference_ledger.py", str(FIX / "hazards.geojson"), str(FIX / "releases.geojson"),
            "--from", "2010", "--to", "2018")
    years = {row["year"]: row for row in r["years"]}
    rel = {y: {m: v["m2"] for m, v in row["released"].items()} for y, row in years.items()}
    left = {y: {k: v["m2"] for k, v in row["remaining"].items()} for y, row in years.items()}
    assert close(left[2011]["SHA"], gl_box(0.5, 0, 1.5, 1)) and left[2011]["CHA"] == 0.0
    assert close(left[2013]["CHA"], CELL)
    # 2015: cleared and reduced on the same day over the CHA; cleared wins its half;
    # release_5 lies outside all contamination and counts for nothing.
    assert close(rel[2015]["cleared"], gl_box(0, 0, 0.5, 1))
    assert close(rel[2015]["reduced"], gl_box(0.5, 0, 1, 1))
    assert close(rel[2015]["total"], gl_box(0, 0, 0.5, 1) + gl_box(0.5, 0, 1, 1))
    assert close(rel[2016]["cancelled"], gl_box(1, 0, 1.5, 1))
    # 2016-06-01 hazard_6 re-contaminates; release_4 re-clears the west half in 2017 and
    # counts only the re-contaminated land.
    assert close(left[2016]["CHA"], gl_box(0.1, 0.1, 0.25, 0.9))
    assert close(rel[2017]["cleared"], gl_box(0.1, 0.1, 0.25, 0.9))
    assert close(left[2017]["total"], TRIANGLES) and close(left[2018]["total"], TRIANGLES)


def test_exposure_exact_sums_by_hand():
    r = run("reference_exposure.py", str(FIX / "population.tif"), str(FIX / "hazards.geojson"),
            "--per-feature", "--buffers", "1000")
    # Cells fully inside: 1+10, 2 (+nodata), 3+30; the triangles cover half of 5,50,6,60.
    assert close(r["areas"]["inside"]["people"], 106.5)
    assert r["areas"]["within_1000_m"]["people"] > 106.5
    pf = r["per_feature"]
    assert close(pf["hazard_1"], 13.0) and close(pf["hazard_2"], 35.0)
    assert close(pf["hazard_3"], 60.5)
    assert close(pf["hazard_6"], 0.24 * 1 + 0.24 * 10)  # 0.15°×0.4° of two 0.5° cells


def test_exposure_rasterstats_cell_centres():
    r = run("reference_exposure.py", str(FIX / "population.tif"), str(FIX / "hazards.geojson"),
            "--per-feature", "--engine", "rasterstats")
    assert close(r["per_feature"]["hazard_1"], 13.0) and close(r["per_feature"]["hazard_2"], 35.0)


def test_geodesic_buffer_area_is_steiner_formula():
    square, d = box(0, 0, 0.1, 0.1), 1000.0
    perimeter = Geodesic.WGS84.Polygon()
    for lon, lat in [(0, 0), (0.1, 0), (0.1, 0.1), (0, 0.1)]:
        perimeter.AddPoint(lat, lon)
    _, p, a = perimeter.Compute(False, True)
    expected = abs(a) + p * d + math.pi * d * d
    assert close(rc.geodesic_area(geodesic_buffer(square, d)), expected, 1e-4)
