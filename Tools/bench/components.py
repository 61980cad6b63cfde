#!/usr/bin/env python3
"""Connected components of a hazard layer: polygons that intersect, transitively (Shapely STRtree + union-find).

Usage: components.py HAZARDS [--min-size 10000] [--json]

Prints the number of hazards with a geometry, the largest components' sizes, the share of hazards in
components of at least --min-size hazards (the front-line layout's target: 80% at 100k, size 10,000), and how
crowded the ground is: intersecting pairs per hazard, and how many times over the hazards cover the land they
cover (the sum of their planar areas over the area of their union). On a front line that widens with the
number of hazards these two stay about the same from 10k to 100k; on a band of fixed width they grow with it.
Invalid polygons take part as they are (GEOS intersects on their boundary and interior).
"""
import argparse
import json

import numpy as np
import pyogrio
import shapely


def components(geometries):
    """Component label (smallest index) of each geometry, the component sizes, and the intersecting pairs."""
    count = len(geometries)
    parent = np.arange(count)

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    pairs = int(np.count_nonzero(left < right))
    for a, b in zip(left.tolist(), right.tolist()):
        if a < b:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(i) for i in range(count)])
    _, sizes = np.unique(roots, return_counts=True)
    return roots, np.sort(sizes)[::-1], pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("hazards")
    parser.add_argument("--min-size", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    frame = pyogrio.read_dataframe(args.hazards, columns=[])
    geometries = np.asarray([g for g in frame.geometry.values if g is not None and not g.is_empty])
    _, sizes, pairs = components(geometries)
    inside = int(sizes[sizes >= args.min_size].sum())
    valid = shapely.make_valid(geometries)
    cover = float(shapely.area(valid).sum() / shapely.area(shapely.union_all(valid)))
    result = {
        "hazards": len(geometries),
        "components": len(sizes),
        "largest": sizes[:8].tolist(),
        "min_size": args.min_size,
        "in_components_of_min_size": inside,
        "share": inside / len(geometries),
        "intersecting_pairs_per_hazard": pairs / len(geometries),
        "cover_depth": cover,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['hazards']} hazards, {result['components']} components; largest {result['largest']}; "
              f"{inside} ({result['share']:.1%}) in components of {args.min_size}+; "
              f"{result['intersecting_pairs_per_hazard']:.2f} intersecting pairs per hazard; "
              f"the hazards cover their land {cover:.2f} times over")


if __name__ == "__main__":
    main()
