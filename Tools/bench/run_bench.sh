#!/usr/bin/env bash
# Times hazmap against the Python peers on one scenario and prints a Markdown table.
#
#   Tools/bench/run_bench.sh HAZMAP_BINARY SCENARIO_DIR
#
# Each command runs under /usr/bin/time -v (peak RSS) with wall seconds from date +%s.%N, REPEAT times (default 1),
# keeping the fastest run. Outputs and timings go to Tools/bench/results/<scenario>/ (gitignored).
# Any variable below can be overridden from the environment, e.g.
#   HAZARDS=fixtures/hazards.geojson HAZMAP_EXTENT="..." Tools/bench/run_bench.sh ...
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR" >&2
    exit 2
fi
HAZMAP="$1"
DIR="$(cd "$2" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
REPEAT="${REPEAT:-1}"

# ---- scenario inputs ---------------------------------------------------------------------------
HAZARDS="${HAZARDS:-$DIR/hazards.gpkg}"
RELEASES="${RELEASES:-$DIR/releases.gpkg}"
POPULATION="${POPULATION:-$DIR/population.tif}"
MAPPING="${MAPPING:-}"                       # a schema-mapping TOML, or empty
FROM="${FROM:-2010}"
TO="${TO:-2025}"
BUFFERS="${BUFFERS:-500,1000,5000}"
MAP_OPT=""
[ -n "$MAPPING" ] && MAP_OPT="--mapping $MAPPING"

# ---- hazmap command lines (its CLI is still being written: adjust here) ------------------------
HAZMAP_EXTENT="${HAZMAP_EXTENT:-$HAZMAP extent $HAZARDS $MAP_OPT --json}"
HAZMAP_RELEASE="${HAZMAP_RELEASE:-$HAZMAP release $HAZARDS $RELEASES $MAP_OPT --from $FROM --to $TO --json}"
HAZMAP_EXPOSURE="${HAZMAP_EXPOSURE:-$HAZMAP exposure $HAZARDS --population $POPULATION --buffers $BUFFERS $MAP_OPT --json}"

# ---- Python peers ------------------------------------------------------------------------------
PY_EXTENT="${PY_EXTENT:-$PY $HERE/reference_extent.py $HAZARDS $MAP_OPT --json}"
PY_LEDGER="${PY_LEDGER:-$PY $HERE/reference_ledger.py $HAZARDS $RELEASES $MAP_OPT --from $FROM --to $TO --json}"
PY_EXACT="${PY_EXACT:-$PY $HERE/reference_exposure.py $POPULATION $HAZARDS --buffers $BUFFERS --json}"
PY_RSTATS="${PY_RSTATS:-$PY $HERE/reference_exposure.py $POPULATION $HAZARDS --buffers $BUFFERS --engine rasterstats --json}"

# task|tool|command; the first tool of each task is the baseline for the ratio.
JOBS=(
    "extent|hazmap|$HAZMAP_EXTENT"
    "extent|shapely+pyproj|$PY_EXTENT"
    "release|hazmap|$HAZMAP_RELEASE"
    "release|geopandas per-year|$PY_LEDGER"
    "exposure|hazmap|$HAZMAP_EXPOSURE"
    "exposure|exactextract|$PY_EXACT"
    "exposure|rasterstats|$PY_RSTATS"
)

if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >/dev/null || { echo "cannot install GNU time" >&2; exit 1; }
fi
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }

OUT="$HERE/results/$(basename "$DIR")"
mkdir -p "$OUT"

# Runs one command REPEAT times; prints "seconds peakMB" of the fastest run, or "failed".
measure() {
    local name="$1" cmd="$2" best="" best_mb="" i secs mb
    for ((i = 1; i <= REPEAT; i++)); do
        local t0 t1
        t0=$(date +%s.%N)
        if ! /usr/bin/time -v -o "$OUT/$name.time" bash -c "$cmd" >"$OUT/$name.out" 2>"$OUT/$name.err"; then
            echo "failed"
            return
        fi
        t1=$(date +%s.%N)
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
        mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$OUT/$name.time")
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best="$secs"
            best_mb="$mb"
        fi
    done
    echo "$best $best_mb"
}

echo "Scenario: $DIR ($(nproc) cores, best of $REPEAT)"
echo
echo "| task | tool | seconds | peak MB | × hazmap time |"
echo "|---|---|---:|---:|---:|"
baseline=""
task_seen=""
for job in "${JOBS[@]}"; do
    IFS='|' read -r task tool cmd <<<"$job"
    name="${task}_$(echo "$tool" | tr -c 'a-zA-Z0-9\n' '_')"
    read -r secs mb <<<"$(measure "$name" "$cmd")"
    if [ "$task" != "$task_seen" ]; then
        task_seen="$task"
        baseline=""
        [ "$secs" != "failed" ] && baseline="$secs"
    fi
    if [ "$secs" = "failed" ]; then
        echo "| $task | $tool | failed (see results/$(basename "$DIR")/$name.err) | | |"
        continue
    fi
    ratio="–"
    if [ -n "$baseline" ] && awk -v b="$baseline" 'BEGIN {exit !(b > 0)}'; then
        ratio=$(awk -v s="$secs" -v b="$baseline" 'BEGIN {printf "%.2f", s / b}')
    fi
    echo "| $task | $tool | $secs | $mb | $ratio |"
done
