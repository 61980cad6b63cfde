#!/usr/bin/env bash
# Benchmarks read + repair + dissolve + geodesic area of the hazards: hazmap extent (all cores and
# --threads 1) against Shapely 2 (reference_extent.py) and vectorized GeoPandas
# (bench_extent_geopandas.py), in the same run on this machine. Prints a Markdown table.
#
#   Tools/bench/bench_extent.sh HAZMAP_BINARY SCENARIO_DIR...
#
# Each SCENARIO_DIR holds hazards.gpkg from hazmap-generate, e.g.
#   hazmap-generate --hazards 100000 --seed 7 --out /tmp/s100k --format gpkg
# Each command runs under /usr/bin/time -v (peak RSS, CPU seconds), wall seconds from date +%s.%N,
# REPEAT times (default 1), keeping the fastest run; TIMEOUT seconds at most (default 7200).
# SKIP_PY_REFERENCE=1 leaves out reference_extent.py (slow at 1M). Outputs and timings go to
# Tools/bench/results/extent_<scenario>/ (gitignored).
set -uo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR..." >&2
    exit 2
fi
HAZMAP="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
REPEAT="${REPEAT:-1}"
TIMEOUT="${TIMEOUT:-7200}"
CORES="$(nproc)"

if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >/dev/null || { echo "cannot install GNU time" >&2; exit 1; }
fi
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }

# Runs one command REPEAT times; prints "wall cpu peakMB" of the fastest run, or "failed".
measure() {
    local out="$1" name="$2" cmd="$3" best="" best_cpu="" best_mb="" i secs cpu mb t0 t1
    for ((i = 1; i <= REPEAT; i++)); do
        t0=$(date +%s.%N)
        if ! timeout "$TIMEOUT" /usr/bin/time -v -o "$out/$name.time" bash -c "$cmd" >"$out/$name.out" \
            2>"$out/$name.err"; then
            echo "failed"
            return
        fi
        t1=$(date +%s.%N)
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$out/$name.time")
        mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/$name.time")
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best="$secs" best_cpu="$cpu" best_mb="$mb"
        fi
    done
    echo "$best $best_cpu $best_mb"
}

# The total area in m² from a tool's JSON output (hazmap's or the Python peers').
total_m2() {
    "$PY" -c 'import json, sys; print(f"{json.load(open(sys.argv[1]))["total"]["m2"]:.3f}")' "$1" 2>/dev/null \
        || echo "?"
}

echo "hazmap $("$HAZMAP" --version 2>/dev/null | head -1) on $CORES cores, best of $REPEAT; $(uptime | sed 's/.*load/load/')"
echo
echo "| hazards | tool | wall s | CPU s | peak MB | total m² | wall × hazmap |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for dir in "$@"; do
    dir="$(cd "$dir" && pwd)"
    hazards="$dir/hazards.gpkg"
    count=$(ogrinfo -ro -q -sql "SELECT COUNT(*) FROM hazards" "$hazards" 2>/dev/null | awk -F'= ' '/COUNT/ {print $2}')
    out="$HERE/results/extent_$(basename "$dir")"
    mkdir -p "$out"
    jobs=(
        "hazmap ($CORES threads)|$HAZMAP extent $hazards --threads $CORES --json -q"
        "hazmap --threads 1|$HAZMAP extent $hazards --threads 1 --json -q"
        "GeoPandas/Shapely 2 vectorized|$PY $HERE/bench_extent_geopandas.py $hazards --json"
    )
    [ "${SKIP_PY_REFERENCE:-0}" = "1" ] ||
        jobs+=("Shapely 2 reference_extent.py|$PY $HERE/reference_extent.py $hazards --json")
    baseline=""
    for job in "${jobs[@]}"; do
        IFS='|' read -r tool cmd <<<"$job"
        name="$(echo "$tool" | tr -c 'a-zA-Z0-9\n' '_')"
        read -r secs cpu mb <<<"$(measure "$out" "$name" "$cmd")"
        if [ "$secs" = "failed" ]; then
            echo "| $count | $tool | failed (see results/$(basename "$out")/$name.err) | | | | |"
            continue
        fi
        [ -z "$baseline" ] && baseline="$secs"
        ratio=$(awk -v s="$secs" -v b="$baseline" 'BEGIN {printf "%.2f", s / b}')
        echo "| $count | $tool | $secs | $cpu | $mb | $(total_m2 "$out/$name.out") | $ratio |"
    done
done
