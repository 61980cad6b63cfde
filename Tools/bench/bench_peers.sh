#!/usr/bin/env bash
# hazmap against the Python peers on one generated layout: extent, ledger 2010-2025, exposure (inside, 500 m,
# 1 km; every class, then the all-class figures alone), hazmap on 2 threads and on 1, each task's three
# commands run one after the other (alternating), REPEAT rounds. Prints a Markdown table.
#
#   Tools/bench/bench_peers.sh HAZMAP_BINARY LAYOUT HAZARDS [SEED]
#   e.g. Tools/bench/bench_peers.sh .build/release/hazmap frontline 100000 1
#
# LAYOUT is hazmap-generate's --layout (scattered, frontline, longedges). The scenario is generated into
# $DATA/<layout>-<hazards>-<seed>/ when missing (DATA default Tools/bench/results/data; GENERATOR default
# hazmap-generate beside HAZMAP_BINARY). TASKS (default "extent ledger exposure exposure_all") picks tasks,
# REPEAT (default 1) the rounds; the best wall time of each command is kept, with its CPU and peak; ONE_THREAD=0
# leaves out the 1-thread runs. Without a hazmap option for the all-class figures alone, exposure_all runs
# only the peer and compares it with hazmap's full exposure run.
# Every run is under /usr/bin/time -v (wall, user + sys CPU, peak RSS) and, when the CPU exposes the counter,
# `perf stat -e instructions`. Peers: bench_extent_geopandas.py (Shapely make_valid + union_all per class +
# pyproj Geod), peer_ledger.py (per-year overlay), peer_exposure.py (Shapely buffers per part in one
# projection + exactextract). Outputs and time reports go to Tools/bench/results/peers_<scenario>/.
set -uo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 HAZMAP_BINARY LAYOUT HAZARDS [SEED]" >&2
    exit 2
fi
HAZMAP="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
LAYOUT="$2"
COUNT="$3"
SEED="${4:-1}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
GENERATOR="${GENERATOR:-$(dirname "$HAZMAP")/hazmap-generate}"
DATA="${DATA:-$HERE/results/data}"
REPEAT="${REPEAT:-1}"
TASKS="${TASKS:-extent ledger exposure exposure_all}"
ONE_THREAD="${ONE_THREAD:-1}"

[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }

SCENARIO="$DATA/$LAYOUT-$COUNT-$SEED"
if [ ! -f "$SCENARIO/hazards.gpkg" ]; then
    "$GENERATOR" --hazards "$COUNT" --seed "$SEED" --layout "$LAYOUT" --out "$SCENARIO" >&2 || exit 1
fi
H="$SCENARIO/hazards.gpkg" R="$SCENARIO/releases.gpkg" P="$SCENARIO/population.tif"
OUT="$HERE/results/peers_$(basename "$SCENARIO")"
mkdir -p "$OUT"
PERF=""
if perf stat -x, -e instructions true 2>&1 >/dev/null | grep -q '^[0-9]'; then PERF=1; fi
# The all-class exposure figures alone: hazmap's option when it has one, else the full command.
ALL_ONLY=""
"$HAZMAP" exposure --help 2>/dev/null | grep -q -- '--classes' && ALL_ONLY="--classes all"

hazmap_cmd() { # task threads
    case "$1" in
    extent) echo "$HAZMAP extent $H --threads $2 --json -q" ;;
    ledger) echo "$HAZMAP release $H $R --from 2010 --to 2025 --threads $2 --json -q" ;;
    exposure) echo "$HAZMAP exposure $H $P --distances 500m,1km --threads $2 --json -q" ;;
    exposure_all) echo "$HAZMAP exposure $H $P --distances 500m,1km $ALL_ONLY --threads $2 --json -q" ;;
    esac
}
peer_cmd() {
    case "$1" in
    extent) echo "$PY $HERE/bench_extent_geopandas.py $H --json" ;;
    ledger) echo "$PY $HERE/peer_ledger.py $H $R --from 2010 --to 2025 --json" ;;
    exposure) echo "$PY $HERE/peer_exposure.py $P $H --distances 500,1000 --json" ;;
    exposure_all) echo "$PY $HERE/peer_exposure.py $P $H --distances 500,1000 --classes all --json" ;;
    esac
}

# Runs one command; appends "name wall cpu peakMB instructions" to $OUT/runs.txt.
run() {
    local name="$1" cmd="$2" t0 t1 wall cpu mb instr="-"
    t0=$(date +%s.%N)
    if [ -n "$PERF" ]; then
        /usr/bin/time -v -o "$OUT/$name.time" perf stat -x, -e instructions -o "$OUT/$name.perf" \
            bash -c "$cmd" >"$OUT/$name.out" 2>"$OUT/$name.err" || { echo "$name failed" >&2; return; }
        instr=$(awk -F, '/instructions/ {printf "%.3g", $1}' "$OUT/$name.perf")
    else
        /usr/bin/time -v -o "$OUT/$name.time" bash -c "$cmd" >"$OUT/$name.out" 2>"$OUT/$name.err" \
            || { echo "$name failed" >&2; return; }
    fi
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$OUT/$name.time")
    mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$OUT/$name.time")
    echo "$name $wall $cpu $mb $instr" >>"$OUT/runs.txt"
}

: >"$OUT/runs.txt"
for ((round = 1; round <= REPEAT; round++)); do
    for task in $TASKS; do
        hazmap_too=1
        [ "$task" = "exposure_all" ] && [ -z "$ALL_ONLY" ] && hazmap_too=""
        [ -n "$hazmap_too" ] && run "${task}_hazmap2" "$(hazmap_cmd "$task" 2)"
        run "${task}_peer" "$(peer_cmd "$task")"
        [ -n "$hazmap_too" ] && [ "$ONE_THREAD" = "1" ] && run "${task}_hazmap1" "$(hazmap_cmd "$task" 1)"
    done
done

# The best (lowest wall) run of a name: "wall cpu mb instructions".
best() { awk -v n="$1" '$1 == n' "$OUT/runs.txt" | sort -k2,2g | head -1 | cut -d' ' -f2-; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "" || b == 0) print "–"; else printf "%.2f×", a / b}'; }

echo "hazmap $("$HAZMAP" --version 2>/dev/null | head -1); layout $LAYOUT, $COUNT hazards, seed $SEED;" \
     "$(nproc) cores; best of $REPEAT; $(date -u +%Y-%m-%dT%H:%MZ); $(uptime | sed 's/.*load/load/')"
echo
echo "| task | hazmap 2 threads: wall s / CPU s / peak MB | hazmap 1 thread: wall s / CPU s | peer: wall s / CPU s / peak MB | peer ÷ hazmap (wall / CPU) | 2nd thread | instructions (hazmap 2 thr / peer) |"
echo "|---|---|---|---|---|---|---|"
for task in $TASKS; do
    measured="$task"
    [ "$task" = "exposure_all" ] && [ -z "$ALL_ONLY" ] && measured="exposure"
    read -r w2 c2 m2 i2 <<<"$(best "${measured}_hazmap2")"
    read -r w1 c1 m1 i1 <<<"$(best "${measured}_hazmap1")"
    read -r wp cp mp ip <<<"$(best "${task}_peer")"
    label="$task"
    [ "$task" = "exposure_all" ] && [ -z "$ALL_ONLY" ] && label="exposure_all (hazmap: no option; its full run)"
    echo "| $label | ${w2:-failed} / ${c2:-} / ${m2:-} | ${w1:-–} / ${c1:-} | ${wp:-failed} / ${cp:-} / ${mp:-}" \
         "| $(ratio "$wp" "$w2") / $(ratio "$cp" "$c2") | $(ratio "$w1" "$w2") | ${i2:--} / ${ip:--} |"
done
echo
"$PY" "$HERE/peer_agreement.py" "$OUT"
