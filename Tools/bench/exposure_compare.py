#!/usr/bin/env python3
"""Compares `hazmap exposure --json` with the exactextract peers; used by check_exposure_agreement.sh.

    exposure_compare.py zonal HAZMAP_JSON ZONAL_JSON TOLERANCE       # vs exposure_zonal.py on hazmap's areas
    exposure_compare.py reference HAZMAP_JSON REFERENCE_JSON TOLERANCE  # vs reference_exposure.py (own buffers)
    exposure_compare.py metres 500m,1km,5km                          # prints 500,1000,5000

Prints a table of relative differences and exits 1 when one is above TOLERANCE (or rows are missing).
"""
from __future__ import annotations

import json
import sys


def metres(text: str) -> list[float]:
    """Distances such as 500m, 1km, 2.5km or 700 (metres), as `hazmap --distances` reads them."""
    out = []
    for item in (t.strip().lower() for t in text.split(",")):
        if not item:
            continue
        if item.endswith("km"):
            out.append(float(item[:-2]) * 1000)
        elif item.endswith("m"):
            out.append(float(item[:-1]))
        else:
            out.append(float(item))
    return sorted(set(out))


def relative(a: float, b: float) -> float:
    return abs(a - b) / abs(b) if b else abs(a)


def label(distance, cls) -> str:
    return f"{'inside' if distance is None else f'{distance:g} m':>8} {cls:<4}"


def key(row: dict) -> tuple:
    distance = row.get("distance_m")
    return (row.get("as_of"), None if distance is None else float(distance), row.get("class"), row.get("region"))


def zonal(hazmap: dict, peer: dict, tolerance: float) -> bool:
    ours = {key(r): r for r in hazmap["rows"]}
    theirs = {key(r): r for r in peer["rows"]}
    ok = len(ours) == len(theirs) and set(ours) == set(theirs)
    if not ok:
        print(f"row keys differ: hazmap {sorted(map(str, ours))}, exactextract {sorted(map(str, theirs))}")
    worst = 0.0
    print(f"{'area':14}{'hazmap people':>22}{'exactextract':>22}{'relative diff':>16}")
    for k in sorted(set(ours) & set(theirs), key=lambda k: (k[1] is not None, k[1] or 0, k[2])):
        h, e = ours[k]["people"], theirs[k]["people"]
        rel = relative(h, e)
        worst = max(worst, rel)
        bad = not rel <= tolerance
        ok &= not bad
        print(f"{label(k[1], k[2])}  {h:>22,.6f}{e:>22,.6f}{rel:>16.2e}{'  DISAGREE' if bad else ''}")
    print(f"largest relative difference {worst:.2e} over {len(ours)} rows (tolerance {tolerance:g})")
    return ok


def reference(hazmap: dict, peer: dict, tolerance: float) -> bool:
    ours = {key(r)[1]: r for r in hazmap["rows"] if r.get("class") == "all"}
    ok = True
    worst = 0.0
    print(f"{'area':14}{'hazmap people':>20}{'reference':>20}{'rel':>10}{'hazmap km²':>16}{'reference':>16}{'rel':>10}")
    for name, rec in peer["areas"].items():
        distance = None if name == "inside" else float(name.removeprefix("within_").removesuffix("_m"))
        row = ours.get(distance)
        if row is None:
            print(f"{name}: missing from hazmap's rows")
            ok = False
            continue
        rp, ra = relative(row["people"], rec["people"]), relative(row["area_km2"], rec["area"]["km2"])
        worst = max(worst, rp, ra)
        bad = not (rp <= tolerance and ra <= tolerance)
        ok &= not bad
        print(f"{label(distance, 'all')}  {row['people']:>20,.4f}{rec['people']:>20,.4f}{rp:>10.1e}"
              f"{row['area_km2']:>16,.6f}{rec['area']['km2']:>16,.6f}{ra:>10.1e}{'  DISAGREE' if bad else ''}")
    print(f"largest relative difference {worst:.2e} (tolerance {tolerance:g})")
    return ok


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "metres" and len(sys.argv) == 3:
        print(",".join(f"{d:g}" for d in metres(sys.argv[2])))
        return
    if mode in ("zonal", "reference") and len(sys.argv) == 5:
        hazmap, peer = (json.load(open(p)) for p in sys.argv[2:4])
        check = zonal if mode == "zonal" else reference
        sys.exit(0 if check(hazmap, peer, float(sys.argv[4])) else 1)
    print(__doc__, file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    main()
