#!/usr/bin/env python3
"""How far the peers' figures are from hazmap's, from the outputs bench_peers.sh leaves in its results folder.

    peer_agreement.py RESULTS_DIR

Prints one line per task: the largest relative difference over the figures both give (extent: CHA, SHA,
total; ledger: released per year and method, remaining per year; exposure: people per area). The ledger peer
replays per year, so its figures differ where a hazard is recorded after a release of the same year.
"""
import json
import sys
from pathlib import Path


def load(path: Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def worst(pairs):
    diffs = [abs(a - b) / max(abs(a), abs(b)) for a, b in pairs if max(abs(a), abs(b)) > 0]
    return f"{max(diffs):.2g} over {len(diffs)} figures" if diffs else "n/a"


def extent(h, p):
    return [(h["byClass"][c]["m2"], p["classes"][c]["m2"]) for c in ("CHA", "SHA")] + \
        [(h["total"]["m2"], p["total"]["m2"])]


def ledger(h, p):
    pairs = []
    peer = {row["year"]: row for row in p["years"]}
    for period in h["periods"]:
        row = peer.get(int(period["period"]))
        if row is None:
            continue
        for method in ("cleared", "reduced", "cancelled"):
            pairs.append((period["released"][method]["total"]["m2"], row["released"][method]))
        pairs.append((period["remaining_end"]["total"]["m2"], row["remaining"]["total"]))
    return pairs


def exposure(h, p):
    pairs = []
    for row in h["rows"]:
        # The total rows: `scope` "total" (older JSON: `region` "total").
        if row.get("scope", row.get("region")) != "total":
            continue
        distance = row.get("distance_m")
        name = "inside " + row["class"] if distance is None else f"within {distance:g} m {row['class']}"
        if name in p["people"]:
            pairs.append((row["people"], p["people"][name]))
    return pairs


def main():
    out = Path(sys.argv[1])
    for task, compare in (("extent", extent), ("ledger", ledger), ("exposure", exposure),
                          ("exposure_all", exposure)):
        h = load(out / f"{task}_hazmap2.out") or (load(out / "exposure_hazmap2.out") if task == "exposure_all" else None)
        p = load(out / f"{task}_peer.out")
        if h is None or p is None:
            continue
        try:
            print(f"{task}: peer vs hazmap, worst relative difference {worst(compare(h, p))}")
        except (KeyError, TypeError) as error:
            print(f"{task}: cannot compare ({error!r})")


if __name__ == "__main__":
    main()
