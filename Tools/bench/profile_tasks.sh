#!/usr/bin/env bash
# Where the time goes: each task of bench_peers.sh on one scenario, 1 thread, under
# `perf record -e cpu-clock --call-graph dwarf` (frame-pointer call graphs lose the callers inside GEOS and the
# Swift runtime; the cycle counter is not available on this KVM guest, the clock sampler is).
#
#   Tools/bench/profile_tasks.sh HAZMAP_BINARY SCENARIO_DIR OUT_DIR [TASK...]
#   e.g. Tools/bench/profile_tasks.sh .build/release/hazmap /work/scratch/me/frontline-10000-1 /work/scratch/me/prof
#
# TASKs: extent ledger exposure validate (default all). For each it writes OUT_DIR/<task>.children.txt (inclusive
# shares by function, demangled), OUT_DIR/<task>.dso.txt (self shares by library) and appends the command's CPU
# and peak to OUT_DIR/times.txt; the perf data itself is deleted (about 50 MB per 10 s of CPU).
set -uo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR OUT_DIR [TASK...]" >&2
    exit 2
fi
B="$1" D="$2" OUT="$3"
shift 3
TASKS=("${@:-extent ledger exposure validate}")
mkdir -p "$OUT"
for task in ${TASKS[*]}; do
    case "$task" in
    extent) cmd="$B extent $D/hazards.gpkg --threads 1 --json -q" ;;
    ledger) cmd="$B release $D/hazards.gpkg $D/releases.gpkg --from 2010 --to 2025 --threads 1 --json -q" ;;
    exposure) cmd="$B exposure $D/hazards.gpkg $D/population.tif --distances 500m,1km --threads 1 --json -q" ;;
    validate) cmd="$B validate $D/hazards.gpkg --releases $D/releases.gpkg --today 2026-01-01 --threads 1 --json -q" ;;
    *) echo "unknown task $task" >&2; exit 2 ;;
    esac
    # shellcheck disable=SC2086 # the command's words
    /usr/bin/time -f "$task %U+%S s CPU, %e s wall, %M KB" -a -o "$OUT/times.txt" \
        perf record -q -e cpu-clock -F 199 --call-graph dwarf,16384 -o "$OUT/$task.data" $cmd >/dev/null 2>"$OUT/$task.err"
    perf report -i "$OUT/$task.data" --children --sort sym --stdio -g none 2>/dev/null | grep '%' \
        | swift demangle --simplified >"$OUT/$task.children.txt"
    perf report -i "$OUT/$task.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' >"$OUT/$task.dso.txt"
    rm -f "$OUT/$task.data"
done
