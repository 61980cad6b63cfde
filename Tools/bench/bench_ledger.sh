#!/usr/bin/env bash
# Benchmarks the yearly land-release ledger (FROM–TO, default 2010–2025): hazmap release (all cores
# and --threads 1) against the GeoPandas/Shapely per-year approach (reference_ledger.py), in the
# same run on this machine. Prints a Markdown table.
#
#   Tools/bench/bench_ledger.sh HAZMAP_BINARY SCENARIO_DIR...
#
# Each SCENARIO_DIR holds hazards.gpkg and releases.gpkg from hazmap-generate, e.g.
#   hazmap-generate --hazards 10000 --seed 7 --out /tmp/s10k --format gpkg
# Each command runs under /usr/bin/time -v (peak RSS, CPU seconds), wall seconds from date +%s.%N,
# REPEAT times (default 1), keeping the fastest run. HAZMAP_TIMEOUT (default 3600) and PY_TIMEOUT
# (default 1200) stop a command that runs too long; it then shows as "timed out". SKIP_PY=1 leaves
# the Python peer out. Outputs and timings go to Tools/bench/results/ledger_<scenario>/ (gitignored).
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
FROM="${FROM:-2010}"
TO="${TO:-2025}"
HAZMAP_TIMEOUT="${HAZMAP_TIMEOUT:-3600}"
PY_TIMEOUT="${PY_TIMEOUT:-1200}"
CORES="$(nproc)"

if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >/dev/null || { echo "cannot install GNU time" >&2; exit 1; }
fi
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }

# Runs one command REPEAT times; prints "wall cpu peakMB" of the fastest run, "timeout", or "failed".
measure() {
    local out="$1" name="$2" limit="$3" cmd="$4" best="" best_cpu="" best_mb="" i secs cpu mb t0 t1 status
    for ((i = 1; i <= REPEAT; i++)); do
        t0=$(date +%s.%N)
        timeout "$limit" /usr/bin/time -v -o "$out/$name.time" bash -c "$cmd" >"$out/$name.out" 2>"$out/$name.err"
        status=$?
        if [ $status -eq 124 ]; then
            echo "timeout"
            return
        elif [ $status -ne 0 ]; then
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

# "released m² over all years | remaining m² at the last year's end" from hazmap's or the reference's JSON.
totals() {
    "$PY" - "$1" <<'PY' 2>/dev/null || echo "? | ?"
import json, sys
d = json.load(open(sys.argv[1]))
if "periods" in d:
    rel = sum(p["released"]["total"]["total"]["m2"] for p in d["periods"])
    left = d["periods"][-1]["remaining_end"]["total"]["m2"]
else:
    rel = sum(y["released"]["total"]["m2"] for y in d["years"])
    left = d["years"][-1]["remaining"]["total"]["m2"]
print(f"{rel:,.0f} | {left:,.0f}")
PY
}

echo "hazmap on $CORES cores, ledger $FROM–$TO, best of $REPEAT; $(uptime | sed 's/.*load/load/')"
echo
echo "| hazards | releases | tool | wall s | CPU s | peak MB | released $FROM–$TO m² | remaining $TO m² | Python wall ÷ this wall |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|"
for dir in "$@"; do
    dir="$(cd "$dir" && pwd)"
    hazards="$dir/hazards.gpkg" releases="$dir/releases.gpkg"
    count() { ogrinfo -ro -q -sql "SELECT COUNT(*) FROM $2" "$1" 2>/dev/null | awk -F'= ' '/COUNT/ {print $2}'; }
    nh=$(count "$hazards" hazards) nr=$(count "$releases" releases)
    out="$HERE/results/ledger_$(basename "$dir")"
    mkdir -p "$out"
    args="$hazards $releases --from $FROM --to $TO --json"
    jobs=(
        "hazmap ($CORES threads)|$HAZMAP_TIMEOUT|$HAZMAP release $args --threads $CORES -q"
        "hazmap --threads 1|$HAZMAP_TIMEOUT|$HAZMAP release $args --threads 1 -q"
    )
    [ "${SKIP_PY:-0}" = "1" ] ||
        jobs+=("GeoPandas per-year reference_ledger.py|$PY_TIMEOUT|$PY $HERE/reference_ledger.py $args")
    declare -A wall=()
    lines=()
    for job in "${jobs[@]}"; do
        IFS='|' read -r tool limit cmd <<<"$job"
        name="$(echo "$tool" | tr -c 'a-zA-Z0-9\n' '_')"
        read -r secs cpu mb <<<"$(measure "$out" "$name" "$limit" "$cmd")"
        case "$secs" in
            timeout) lines+=("| $nh | $nr | $tool | timed out after ${limit} s | | | | | |") ;;
            failed) lines+=("| $nh | $nr | $tool | failed (see results/$(basename "$out")/$name.err) | | | | | |") ;;
            *) wall[$tool]="$secs"
               lines+=("| $nh | $nr | $tool | $secs | $cpu | $mb | $(totals "$out/$name.out") | @RATIO@ |") ;;
        esac
    done
    py="${wall[GeoPandas per-year reference_ledger.py]:-}"
    for line in "${lines[@]}"; do
        ratio="–"
        for tool in "${!wall[@]}"; do
            if [[ "$line" == *"| $tool |"* ]] && [ -n "$py" ]; then
                ratio=$(awk -v p="$py" -v s="${wall[$tool]}" 'BEGIN {printf "%.1f×", p / s}')
            fi
        done
        echo "${line/@RATIO@/$ratio}"
    done
    unset wall
done
