#!/usr/bin/env python3
"""Compares two ranked CSVs (hazmap prioritize -o X.csv, prioritize_geopandas.py -o Y.csv).

    compare_priorities.py HAZMAP.csv GEOPANDAS.csv --criteria C.toml [--top 100] [--json]

Hazards whose id occurs more than once are left out. Reports: the hazards ranked by both and by one only; how many of the top N ids agree as a set and
rank for rank; per criterion, the median and largest relative difference of the raw values
(|a − b| / max(|a|, |b|), 0 when both are 0; counts of one-sided missing values); and, for each
top-N rank that differs, the two scores, so that a swap can be traced to the metric.
Exit 0 always: the differences are for the reader to explain.
"""
from __future__ import annotations

import argparse
import json
import tomllib

import numpy as np
import pandas as pd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hazmap")
    ap.add_argument("geopandas")
    ap.add_argument("--criteria", required=True)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with open(args.criteria, "rb") as f:
        names = [c["name"] for c in tomllib.load(f)["criterion"]]
    a = pd.read_csv(args.hazmap, dtype={"id": str}, usecols=lambda c: c != "WKT")
    b = pd.read_csv(args.geopandas, dtype={"id": str})
    duplicated = int(a["id"].duplicated(keep=False).sum())
    # Ids that occur more than once cannot be matched between the files: both sides leave them out.
    a = a.drop_duplicates("id", keep=False).set_index("id")
    b = b.drop_duplicates("id", keep=False).set_index("id")
    common = a.index.intersection(b.index)
    top_a, top_b = a.sort_values("rank").index[:args.top], b.sort_values("rank").index[:args.top]
    same_rank = int((np.array(top_a) == np.array(top_b)).sum())
    report = {
        "rows_with_duplicated_ids_left_out": duplicated,
        "hazmap_ranked": len(a), "geopandas_ranked": len(b), "both": len(common),
        "only_hazmap": sorted(a.index.difference(b.index))[:20],
        "only_geopandas": sorted(b.index.difference(a.index))[:20],
        f"top{args.top}_same_set": len(set(top_a) & set(top_b)),
        f"top{args.top}_same_rank": same_rank,
        # Pearson on the ranks themselves is Spearman's rho (ranks are unique); no SciPy needed.
        "rank_spearman_all": float(a.loc[common, "rank"].rank().corr(b.loc[common, "rank"].rank())),
        "max_abs_score_diff": float((a.loc[common, "score"] - b.loc[common, "score"]).abs().max()),
        "criteria": {},
        "top_differences": [],
    }
    for name in names:
        x, y = a.loc[common, f"{name}_raw"], b.loc[common, f"{name}_raw"]
        both = x.notna() & y.notna()
        scale = np.maximum(x[both].abs(), y[both].abs())
        rel = ((x[both] - y[both]).abs() / scale.where(scale > 0, 1)).to_numpy()
        report["criteria"][name] = {
            "median_rel_diff": float(np.median(rel)) if len(rel) else None,
            "max_rel_diff": float(rel.max()) if len(rel) else None,
            "max_abs_diff": float((x[both] - y[both]).abs().max()) if len(rel) else None,
            "missing_only_one_side": int((x.isna() != y.isna()).sum()),
        }
    for position, (ida, idb) in enumerate(zip(top_a, top_b), start=1):
        if ida != idb:
            report["top_differences"].append({
                "rank": position, "hazmap": ida, "geopandas": idb,
                "hazmap_score": float(a.loc[ida, "score"]), "geopandas_score": float(b.loc[idb, "score"]),
                "geopandas_rank_of_hazmap_id": int(b.loc[ida, "rank"]) if ida in b.index else None,
            })
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        if key == "criteria":
            for name, stats in value.items():
                print(f"  {name}: {stats}")
        elif key == "top_differences":
            print(f"top-{args.top} rank differences: {len(value)}")
            for row in value[:15]:
                print(f"  {row}")
        else:
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
