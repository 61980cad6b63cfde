#!/usr/bin/env bash
# Checks that exposure over time, computed incrementally (`hazmap exposure --as-of D1 D2 …`: one run, each
# connected component recomputed only when an event changed it), gives every figure of every date exactly as
# one run per date does (issue 22 item 1: "identical to recomputing each date from scratch, to the last digit").
#
#   Tools/bench/check_exposure_over_time.sh HAZMAP_BINARY SCENARIO_DIR [YEAR_FROM YEAR_TO]
#
# SCENARIO_DIR holds hazards.gpkg, releases.gpkg and population.tif from hazmap-generate. The dates are the
# year-ends YEAR_FROM..YEAR_TO (default 2005..2025, the report's 21). Environment: DISTANCES (default
# 500m,1km,5km, the report's), CLASSES (default all, the report's; "" for every class), THREADS (default 2).
# Prints each date's row count and the number of figures that differ; outputs go to $OUT (default
# Tools/bench/results/exposure_over_time_<scenario>/). Exits 0 when every figure is identical, 1 otherwise,
# 2 on bad usage.
set -uo pipefail

if [ $# -ne 2 ] && [ $# -ne 4 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR [YEAR_FROM YEAR_TO]" >&2
    exit 2
fi
HAZMAP="$1"
DIR="$(cd "$2" && pwd)" || exit 2
FROM="${3:-2005}"
TO="${4:-2025}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DISTANCES="${DISTANCES:-500m,1km,5km}"
CLASSES="${CLASSES-all}"
THREADS="${THREADS:-2}"
OUT="${OUT:-$HERE/results/exposure_over_time_$(basename "$DIR")}"
mkdir -p "$OUT"
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }

DATES=()
for year in $(seq "$FROM" "$TO"); do DATES+=("$year-12-31"); done
CLASS_OPT=()
[ -n "$CLASSES" ] && CLASS_OPT=(--classes "$CLASSES")
run() { # output, extra options...
    local out="$1"
    shift
    /usr/bin/time -v "$HAZMAP" exposure "$DIR/hazards.gpkg" "$DIR/population.tif" --releases "$DIR/releases.gpkg" \
        --distances "$DISTANCES" "${CLASS_OPT[@]}" --threads "$THREADS" --json -q "$@" >"$out" 2>"$out.time" \
        || { echo "hazmap exposure $* failed: see $out.time" >&2; exit 1; }
    awk -F': ' '/User time|System time/ { cpu += $2 } /Maximum resident/ { kb = $2 }
        END { printf "  %.1f s CPU, %.0f MiB peak\n", cpu, kb / 1024 }' "$out.time"
}

echo "together: ${#DATES[@]} year-ends in one run"
run "$OUT/together.json" --as-of "${DATES[@]}"
for date in "${DATES[@]}"; do
    echo "alone: $date"
    run "$OUT/alone-$date.json" --as-of "$date"
done

python3 - "$OUT" "${DATES[@]}" <<'EOF'
import json, sys
out, dates = sys.argv[1], sys.argv[2:]
def rows(path):
    # Every figure as printed (JSON keeps each double to its last digit), keyed by what the row is for.
    result = {}
    for row in json.load(open(path))["rows"]:
        key = (row.get("as_of"), row.get("distance_m"), row["class"], row["region_label"])
        result[key] = (row["people"], row["area_km2"], row["nodata_share"], row["beyond_raster"])
    return result
together = rows(f"{out}/together.json")
differ = total = 0
for date in dates:
    alone = rows(f"{out}/alone-{date}.json")
    mine = {k: v for k, v in together.items() if k[0] == date}
    bad = [k for k in alone if mine.get(k) != alone[k]] + [k for k in mine if k not in alone]
    total += len(alone)
    differ += len(bad)
    print(f"{date}: {len(alone)} rows alone, {len(mine)} in the run of every date, {len(bad)} differ")
    for k in bad[:5]:
        print("   ", k, "alone", alone.get(k), "together", mine.get(k))
print(f"{differ} of {total} rows differ")
sys.exit(1 if differ or total == 0 else 0)
EOF
