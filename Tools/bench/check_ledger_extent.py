#!/usr/bin/env python3
"""Checks a ledger against an extent of the same data, independently of hazmap's own balance flag.

usage: check_ledger_extent.py RELEASE.json EXTENT.json [TOLERANCE]

RELEASE.json is `hazmap release ... --json`, EXTENT.json `hazmap extent ... --releases ... --json` (the land
after every event, or --as-of the ledger's last day). Prints, per period, the balance recomputed from the
ledger's own rows (remaining_end = remaining_start + recorded + reclassified - released, per class, and each
period starting where the one before ended), then the ledger's closing CHA and SHA against the extent's, and
exits 1 when any relative difference is over TOLERANCE (default 1e-9).
"""
import json
import sys


def m2(figure):
    return figure["m2"]


def main():
    ledger = json.load(open(sys.argv[1]))
    extent = json.load(open(sys.argv[2]))
    tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
    worst = 0.0
    previous = None
    print(f"{'period':>8} {'class':>5} {'start m2':>22} {'recorded':>20} {'reclassified':>16} {'released':>20} "
          f"{'end m2':>22} {'relative gap':>12}")
    for period in ledger["periods"]:
        for cls in ("cha", "sha"):
            start = m2(period["remaining_start"][cls])
            recorded = m2(period["recorded"][cls])
            reclassified = m2(period["reclassified"][cls])
            methods = {k: v for k, v in period["released"].items() if k != "total"}
            released = sum(m2(by_method[cls]) for by_method in methods.values())
            # The ledger's own total must be the methods' sum.
            total_gap = abs(m2(period["released"]["total"][cls]) - released) / max(abs(released), 1.0)
            end = m2(period["remaining_end"][cls])
            expected = start + recorded + reclassified - released
            scale = max(abs(start), abs(end), abs(recorded), abs(released), 1.0)
            gap = abs(end - expected) / scale
            gap = max(gap, total_gap)
            if previous is not None:
                gap = max(gap, abs(start - previous[cls]) / scale)
            worst = max(worst, gap)
            print(f"{period['period']:>8} {cls:>5} {start:22.4f} {recorded:20.4f} {reclassified:16.4f} "
                  f"{released:20.4f} {end:22.4f} {gap:12.3e}")
        previous = {cls: m2(period["remaining_end"][cls]) for cls in ("cha", "sha")}
    print(f"worst period balance: {worst:.3e} (ledger's own flags: "
          f"{sum(1 for p in ledger['periods'] if p['balance_holds'])} of {len(ledger['periods'])} hold)")
    last = ledger["periods"][-1]["remaining_end"]
    failed = worst > tolerance
    for cls, key in (("cha", "CHA"), ("sha", "SHA")):
        a, b = m2(last[cls]), m2(extent["byClass"][key])
        relative = abs(a - b) / max(abs(a), abs(b), 1.0)
        failed = failed or relative > tolerance
        print(f"{key}: ledger {a:.6f} m2, extent {b:.6f} m2, difference {a - b:.6f} m2, relative {relative:.3e}")
    a, b = m2(last["total"]), m2(extent["total"])
    print(f"total: ledger {a:.6f} m2, extent {b:.6f} m2, relative {abs(a - b) / max(abs(a), abs(b), 1.0):.3e}")
    print("FAIL" if failed else f"OK (within {tolerance:g})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
