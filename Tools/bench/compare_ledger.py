#!/usr/bin/env python3
"""Compares the yearly ledger of `hazmap release --json` with reference_ledger.py's JSON.

    compare_ledger.py HAZMAP_JSON REFERENCE_JSON [--tolerance 1e-6]

For every year: land released by each method (cleared, reduced, cancelled) and in total, and the
CHA, SHA and total remaining at the year's end. A figure agrees when |hazmap − reference| is at most
the tolerance × the reference, or at most ABSOLUTE_M2 when both are that close to zero (land that
was released in full leaves nothing for a later release, and rounding there is not relative).
Prints a table of the worst figures and exits 1 on any disagreement.
"""
from __future__ import annotations

import argparse
import json
import sys

METHODS = ["cleared", "reduced", "cancelled", "total"]
CLASSES = {"CHA": "cha", "SHA": "sha", "total": "total"}
ABSOLUTE_M2 = 1e-3


def figures(hazmap: dict, reference: dict):
    """Yields (year, figure name, hazmap m², reference m²) for every year of the reference."""
    periods = {p["period"]: p for p in hazmap["periods"]}
    for row in reference["years"]:
        year = str(row["year"])
        period = periods.get(year)
        if period is None:
            raise SystemExit(f"hazmap has no period {year} (it has {sorted(periods)})")
        for method in METHODS:
            yield year, f"released {method}", period["released"][method]["total"]["m2"], row["released"][method]["m2"]
        for ref_key, hz_key in CLASSES.items():
            yield year, f"remaining {ref_key}", period["remaining_end"][hz_key]["m2"], row["remaining"][ref_key]["m2"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazmap_json")
    ap.add_argument("reference_json")
    ap.add_argument("--tolerance", type=float, default=1e-6)
    args = ap.parse_args()
    hazmap = json.load(open(args.hazmap_json))
    reference = json.load(open(args.reference_json))

    rows, bad = [], 0
    for year, name, h, r in figures(hazmap, reference):
        diff = abs(h - r)
        rel = diff / abs(r) if r else (0.0 if h == 0 else float("inf"))
        ok = rel <= args.tolerance or diff <= ABSOLUTE_M2
        bad += not ok
        rows.append((rel if diff > ABSOLUTE_M2 else 0.0, year, name, h, r, ok))
    worst = max(rows, key=lambda x: x[0])
    unbalanced = [p["period"] for p in hazmap["periods"] if not p.get("balance_holds", True)]
    print(f"{len(rows)} figures over {len(reference['years'])} years; worst relative difference "
          f"{worst[0]:.2e} ({worst[1]} {worst[2]}); hazmap balance fails in: {unbalanced or 'none'}")
    print(f"{'year':>6} {'figure':<20}{'hazmap m²':>22}{'reference m²':>22}{'rel. diff':>11}")
    for rel, year, name, h, r, ok in rows:
        if not ok or name in ("released total", "remaining total"):
            print(f"{year:>6} {name:<20}{h:>22,.3f}{r:>22,.3f}{rel:>11.2e}{'' if ok else '  DISAGREE'}")
    sys.exit(1 if bad or unbalanced else 0)


if __name__ == "__main__":
    main()
