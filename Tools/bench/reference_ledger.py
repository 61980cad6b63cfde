#!/usr/bin/env python3
"""Independent reference for `hazmap release`: land released per year and method, remaining at year end.

    reference_ledger.py HAZARDS RELEASES [--mapping M] --from 2010 --to 2025 [--json]

Semantics (DESIGN.md): contamination is replayed day by day; hazards recorded on a day are added
before that day's releases are removed. Released = release polygon ∩ contamination just before
it, so land released twice counts once, for the earlier event, unless a hazard recorded in between
re-contaminated it. On the same day cleared beats reduced beats cancelled. Release outside all
contamination counts for nothing. Areas are geodesic on WGS84.

This is the plain GeoPandas/Shapely way: contamination kept as undissolved hazard pieces with
an STRtree, each event day one dissolve of its releases and a difference on the pieces it
touches, year after year; at each year end every group of touching pieces is dissolved per class,
unless none of its pieces changed since the year before. It is also the "GeoPandas per-year approach"
peer in the benchmarks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

import reference_common as rc


def ledger(hazards, releases, first: int, last: int) -> dict:
    state = rc.Contamination()
    zero = {m: 0.0 for m in rc.METHODS}
    years = {y: dict(zero) for y in range(first, last + 1)}
    before = dict(zero)
    remaining = {}
    days = rc.events_by_day(hazards, releases, dt.date(last, 12, 31))
    pending = next(days, None)
    for year in range(min(first, pending[0].year if pending else first), last + 1):
        while pending is not None and pending[0].year == year:
            _day, added, released = pending
            state.add(added)
            bucket = years[year] if year >= first else before
            for method, geom in state.release(released).items():
                bucket[method] += rc.geodesic_area(geom)
            pending = next(days, None)
        if year >= first:
            a_cha, a_sha = state.remaining_areas()
            remaining[year] = {"CHA": a_cha, "SHA": a_sha, "total": a_cha + a_sha}
    rows = []
    for year in range(first, last + 1):
        rel = {m: rc.area_record(years[year][m]) for m in rc.METHODS}
        rel["total"] = rc.area_record(sum(years[year].values()))
        rows.append({"year": year, "released": rel,
                     "remaining": {k: rc.area_record(v) for k, v in remaining[year].items()}})
    return {"years": rows, "released_before_from": {m: rc.area_record(before[m]) for m in rc.METHODS}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazards")
    ap.add_argument("releases")
    ap.add_argument("--mapping")
    ap.add_argument("--from", dest="first", type=int, required=True)
    ap.add_argument("--to", dest="last", type=int, required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.first > args.last:
        ap.error("--from must not be after --to")

    mapping = rc.load_mapping(args.mapping)
    hazards, _ = rc.repaired(rc.read_layer(args.hazards, "hazards", mapping), "hazards")
    releases, _ = rc.repaired(rc.read_layer(args.releases, "releases", mapping), "releases")
    hazards = hazards[hazards["class"].notna()]
    releases = releases[releases["method"].notna()]
    result = ledger(hazards, releases, args.first, args.last)

    if args.json:
        print(json.dumps(result, indent=2))
        return
    head = ["year", *rc.METHODS, "released", "CHA left", "SHA left", "total left"]
    print("".join(f"{h:>14}" for h in head) + "   (km²)")
    for row in result["years"]:
        cells = [row["released"][m]["km2"] for m in [*rc.METHODS, "total"]]
        cells += [row["remaining"][k]["km2"] for k in ("CHA", "SHA", "total")]
        print(f"{row['year']:>14}" + "".join(f"{c:>14,.3f}" for c in cells))


if __name__ == "__main__":
    main()
