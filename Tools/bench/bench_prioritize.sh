#!/usr/bin/env bash
# Benchmarks `hazmap prioritize` (all cores) against the same scoring in GeoPandas
# (prioritize_geopandas.py), on the same inputs in one run, then compares their top-N ranks.
# Prints a Markdown table and the agreement report.
#
#   Tools/bench/bench_prioritize.sh HAZMAP_BINARY SCENARIO_DIR CONTEXT_DIR
#
#   SCENARIO_DIR: hazards.gpkg and accidents.geojson from hazmap-generate, e.g.
#     hazmap-generate --hazards 100000 --seed 7 --out /tmp/s100k --format gpkg
#   CONTEXT_DIR: facilities.gpkg and roads.gpkg from make_priority_context.py, e.g.
#     $PY Tools/bench/make_priority_context.py /tmp/s100k/hazards.gpkg --facilities 1000000 \
#       --roads 1000000 --out /tmp/s100k-ctx
#
# Environment: CRITERIA (default Tools/bench/criteria_prioritize.toml), AS_OF (default 2025-12-31),
# TOP (default 100), SKIP_GEOPANDAS=1, TIMEOUT seconds per command (default 7200).
# Each command runs under /usr/bin/time -v (peak RSS, CPU seconds); wall seconds from date +%s.%N.
# Outputs go to Tools/bench/results/prioritize_<scenario>/ (gitignored).
set -uo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR CONTEXT_DIR" >&2
    exit 2
fi
HAZMAP="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SCENARIO="$(cd "$2" && pwd)"
CONTEXT="$(cd "$3" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
CRITERIA="${CRITERIA:-$HERE/criteria_prioritize.toml}"
AS_OF="${AS_OF:-2025-12-31}"
TOP="${TOP:-100}"
TIMEOUT="${TIMEOUT:-7200}"
CORES="$(nproc)"
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt-get install time)" >&2; exit 1; }
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }

out="$HERE/results/prioritize_$(basename "$SCENARIO")"
mkdir -p "$out"
inputs="--accidents $SCENARIO/accidents.geojson --facilities $CONTEXT/facilities.gpkg --roads $CONTEXT/roads.gpkg"

# Runs one command; prints "wall cpu peakMB", or "failed".
measure() {
    local name="$1" cmd="$2" t0 t1
    t0=$(date +%s.%N)
    if ! timeout "$TIMEOUT" /usr/bin/time -v -o "$out/$name.time" bash -c "$cmd" >"$out/$name.out" 2>"$out/$name.err"
    then
        echo "failed"
        return
    fi
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f ", b - a}'
    awk -F': ' '/User time|System time/ {s += $2} /Maximum resident set size/ {m = $2 / 1024}
        END {printf "%.1f %.0f\n", s, m}' "$out/$name.time"
}

count() { ogrinfo -ro -so -al "$1" 2>/dev/null | awk -F': ' '/Feature Count/ {print $2; exit}'; }
echo "$(basename "$SCENARIO"): $(count "$SCENARIO/hazards.gpkg") hazards, $(count "$CONTEXT/facilities.gpkg") facilities," \
    "$(count "$CONTEXT/roads.gpkg") roads, $(count "$SCENARIO/accidents.geojson") accidents; criteria $(basename "$CRITERIA"), as of $AS_OF"
echo "$CORES cores; before: $(uptime | sed 's/.*load/load/')"
echo
echo "| tool | wall s | CPU s | peak MB | wall × hazmap |"
echo "|---|---:|---:|---:|---:|"
jobs=("hazmap prioritize ($CORES threads)|$HAZMAP prioritize $SCENARIO/hazards.gpkg --criteria $CRITERIA $inputs --as-of $AS_OF --threads $CORES -q -o $out/hazmap.csv")
[ "${SKIP_GEOPANDAS:-0}" = "1" ] ||
    jobs+=("GeoPandas (UTM)|$PY $HERE/prioritize_geopandas.py $SCENARIO/hazards.gpkg --criteria $CRITERIA $inputs --as-of $AS_OF -o $out/geopandas.csv --json")
baseline=""
for job in "${jobs[@]}"; do
    IFS='|' read -r tool cmd <<<"$job"
    name="$(echo "$tool" | tr -c 'a-zA-Z0-9\n' '_')"
    read -r secs cpu mb <<<"$(measure "$name" "$cmd")"
    if [ "$secs" = "failed" ]; then
        echo "| $tool | failed (see results/$(basename "$out")/$name.err) | | | |"
        continue
    fi
    [ -z "$baseline" ] && baseline="$secs"
    echo "| $tool | $secs | $cpu | $mb | $(awk -v s="$secs" -v b="$baseline" 'BEGIN {printf "%.2f", s / b}') |"
done
echo
echo "after: $(uptime | sed 's/.*load/load/')"
if [ -f "$out/hazmap.csv" ] && [ -f "$out/geopandas.csv" ]; then
    echo
    "$PY" "$HERE/compare_priorities.py" "$out/hazmap.csv" "$out/geopandas.csv" --criteria "$CRITERIA" --top "$TOP"
fi
