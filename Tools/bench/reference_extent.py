#!/usr/bin/env python3
"""Independent reference for `hazmap extent`: dissolved CHA and SHA extents and geodesic areas.

    reference_extent.py HAZARDS [--mapping M] [--releases R --as-of YYYY-MM-DD]
                        [--regions REGIONS --by region] [--json]

CHA = ⋃CHA; SHA = ⋃SHA − CHA (CHA precedence). Geometries are repaired with make-valid
(STRUCTURE, keep_collapsed false), polygonal parts kept; null/empty ones skipped. Areas are
geodesic on WGS84. With --releases and --as-of, contamination is replayed in date order
(hazards recorded ≤ D add, releases ≤ D remove, hazards before releases on the same day).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

import reference_common as rc


def dissolve(hazards):
    """(CHA, SHA) extents from all hazards, ignoring dates."""
    cha = rc.union(hazards.geometry[hazards["class"] == "CHA"])
    sha = rc.union(hazards.geometry[hazards["class"] == "SHA"]).difference(cha)
    return cha, sha


def replay(hazards, releases, as_of: dt.date):
    """(CHA, SHA) remaining after all events up to and including `as_of`."""
    state = rc.Contamination()
    for _day, added, released in rc.events_by_day(hazards, releases, as_of):
        state.add(added)
        state.release(released)
    return state.extents()


def by_region(cha, sha, regions):
    """Per region key (code, else name): CHA and SHA areas inside the region's polygons."""
    key = regions["code"].where(regions["code"].notna(), regions["name"])
    out = {}
    for k in sorted({str(k) for k in key}):
        zone = rc.union(regions.geometry[key.astype(str) == k])
        c = rc.geodesic_area(cha.intersection(zone))
        s = rc.geodesic_area(sha.intersection(zone))
        out[k] = {"CHA": rc.area_record(c), "SHA": rc.area_record(s), "total": rc.area_record(c + s)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazards")
    ap.add_argument("--mapping")
    ap.add_argument("--releases")
    ap.add_argument("--as-of", type=dt.date.fromisoformat)
    ap.add_argument("--regions")
    ap.add_argument("--by", choices=["region"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if (args.releases is None) != (args.as_of is None):
        ap.error("--releases and --as-of go together")
    if (args.by == "region") != (args.regions is not None):
        ap.error("--by region needs --regions REGIONS")

    mapping = rc.load_mapping(args.mapping)
    hazards, stats = rc.repaired(rc.read_layer(args.hazards, "hazards", mapping), "hazards")
    hazards = hazards[hazards["class"].notna()]
    if args.as_of is not None:
        releases, _ = rc.repaired(rc.read_layer(args.releases, "releases", mapping), "releases")
        cha, sha = replay(hazards, releases, args.as_of)
    else:
        cha, sha = dissolve(hazards)

    a_cha, a_sha = rc.geodesic_area(cha), rc.geodesic_area(sha)
    result = {
        "as_of": args.as_of.isoformat() if args.as_of else None,
        "classes": {"CHA": rc.area_record(a_cha), "SHA": rc.area_record(a_sha)},
        "total": rc.area_record(a_cha + a_sha),
        "hazards": stats,
    }
    if args.by == "region":
        regions, _ = rc.repaired(rc.read_layer(args.regions, "regions", mapping), "regions")
        result["regions"] = by_region(cha, sha, regions)

    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{'class':<8}{'m²':>20}{'km²':>16}")
    for name, rec in [*result["classes"].items(), ("total", result["total"])]:
        print(f"{name:<8}{rec['m2']:>20,.2f}{rec['km2']:>16,.6f}")
    for k, rec in result.get("regions", {}).items():
        print(f"{k:<20} CHA {rec['CHA']['km2']:,.6f} km²  SHA {rec['SHA']['km2']:,.6f} km²")


if __name__ == "__main__":
    main()
