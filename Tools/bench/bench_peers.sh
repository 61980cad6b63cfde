#!/usr/bin/env bash
# Issue 18's one-run benchmark: hazmap on 2 threads and on 1 against the Python peers, on every layout, for
# extent, ledger 2010-2025, exposure (inside, 500 m, 1 km; every class, then the all-class figures alone) and
# validate. Per scenario and task the commands run one after the other (alternating: hazmap 2 threads, peer,
# hazmap 1 thread; the next round in the reverse order), REPEAT rounds. Prints the Markdown table of
# docs/benchmarks.md, with issue 18's target beside each ratio.
#
#   Tools/bench/bench_peers.sh HAZMAP_BINARY SCENARIO...        SCENARIO = LAYOUT:HAZARDS[:SEED]
#   e.g. Tools/bench/bench_peers.sh .build/release/hazmap scattered:100000 frontline:100000 longedges:10000
#
# LAYOUT is hazmap-generate's --layout (scattered, frontline, longedges); SEED defaults to 1. Each scenario is
# generated into $DATA/<layout>-<hazards>-<seed>/ when missing (DATA default Tools/bench/results/data;
# GENERATOR default hazmap-generate beside HAZMAP_BINARY).
# Environment: TASKS (default "extent ledger exposure exposure_all validate"), REPEAT (default 1; the fastest
# wall time of each command is kept, with its CPU and peak), ONE_THREAD=0 leaves out the 1-thread runs,
# TIMEOUT (seconds per command, default 3600), OUT (results folder, default Tools/bench/results/peers),
# INSTRUCTIONS (hazards of the small scenario each layout's instruction counts are taken on, default 1000;
# 0 leaves them out), TABLE_ONLY=1 prints the table of an earlier run's $OUT/runs.txt without running anything.
#
# Every timed run is under /usr/bin/time -v (wall, user + sys CPU, peak RSS), with the 1-minute load average
# read before and after. Instruction counts: `perf stat -e instructions` when the CPU exposes the counter (then
# on the timed runs themselves), else `valgrind --tool=callgrind` on the small scenario (hazmap 1 thread, on a
# copy stripped of DWARF, which valgrind 3.19 cannot read, and the peer). Peers: bench_extent_geopandas.py
# (Shapely make_valid + union_all per class + pyproj Geod), peer_ledger.py (per-year overlay), peer_exposure.py
# (Shapely buffers per part in one projection + exactextract); instruction counts come after the timed runs;
# validate has no peer (issue 18's target for it
# is at 1,000,000 hazards: within 10 minutes wall, under 4 GiB). The table is rewritten after every run
# ($OUT/table.md), so a run cut short still leaves what it measured.
set -uo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 HAZMAP_BINARY LAYOUT:HAZARDS[:SEED]..." >&2
    exit 2
fi
HAZMAP="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
SCENARIOS=("$@")
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
GENERATOR="${GENERATOR:-$(dirname "$HAZMAP")/hazmap-generate}"
DATA="${DATA:-$HERE/results/data}"
OUT="${OUT:-$HERE/results/peers}"
REPEAT="${REPEAT:-1}"
TASKS="${TASKS:-extent ledger exposure exposure_all validate}"
ONE_THREAD="${ONE_THREAD:-1}"
TIMEOUT="${TIMEOUT:-3600}"
INSTRUCTIONS="${INSTRUCTIONS:-1000}"
TABLE_ONLY="${TABLE_ONLY:-0}"

for spec in "${SCENARIOS[@]}"; do
    [[ "$spec" =~ ^(scattered|frontline|longedges):[0-9]+(:[0-9]+)?$ ]] \
        || { echo "not LAYOUT:HAZARDS[:SEED]: $spec" >&2; exit 2; }
done
mkdir -p "$OUT"
RUNS="$OUT/runs.txt"

scenario_name() { # spec -> layout-hazards-seed
    local layout count seed
    IFS=: read -r layout count seed <<<"$1"
    echo "$layout-$count-${seed:-1}"
}

# The all-class exposure figures alone: hazmap's option when it has one, else the full command.
ALL_ONLY=""
# (The help is read whole first: `grep -q` closing the pipe early would fail it under pipefail.)
EXPOSURE_HELP=$("$HAZMAP" exposure --help 2>/dev/null)
grep -q -- '--classes' <<<"$EXPOSURE_HELP" && ALL_ONLY="--classes all"

hazmap_cmd() { # task threads folder
    local h="$3/hazards.gpkg" r="$3/releases.gpkg" p="$3/population.tif" bin="${4:-$HAZMAP}"
    case "$1" in
    extent) echo "$bin extent $h --threads $2 --json -q" ;;
    ledger) echo "$bin release $h $r --from 2010 --to 2025 --threads $2 --json -q" ;;
    exposure) echo "$bin exposure $h $p --distances 500m,1km --threads $2 --json -q" ;;
    exposure_all) echo "$bin exposure $h $p --distances 500m,1km $ALL_ONLY --threads $2 --json -q" ;;
    validate) echo "$bin validate $h --releases $r --today 2026-01-01 --threads $2 --json -q" ;;
    esac
}
peer_cmd() { # task folder
    local h="$2/hazards.gpkg" r="$2/releases.gpkg" p="$2/population.tif"
    case "$1" in
    extent) echo "$PY $HERE/bench_extent_geopandas.py $h --json" ;;
    ledger) echo "$PY $HERE/peer_ledger.py $h $r --from 2010 --to 2025 --json" ;;
    exposure) echo "$PY $HERE/peer_exposure.py $p $h --distances 500,1000 --json" ;;
    exposure_all) echo "$PY $HERE/peer_exposure.py $p $h --distances 500,1000 --classes all --json" ;;
    validate) echo "" ;;
    esac
}
# Whether hazmap runs this task itself (exposure_all only with an option for it).
hazmap_runs() { [ "$1" != "exposure_all" ] || [ -n "$ALL_ONLY" ]; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# Runs one command; appends "scenario name wall cpu peakMB instructions load_before load_after" to runs.txt.
# validate exits 1 when its findings include errors (every generated scenario plants some): that is a result.
run() {
    local scenario="$1" name="$2" cmd="$3" t0 t1 wall cpu mb instr="-" l0 l1 status dir="$OUT/$1"
    mkdir -p "$dir"
    echo "$(date -u +%H:%M:%S) $scenario $name: $cmd" >&2
    l0=$(load1)
    t0=$(date +%s.%N)
    if [ -n "$PERF" ]; then
        timeout "$TIMEOUT" /usr/bin/time -v -o "$dir/$name.time" perf stat -x, -e instructions -o "$dir/$name.perf" \
            bash -c "$cmd" >"$dir/$name.out" 2>"$dir/$name.err"
    else
        timeout "$TIMEOUT" /usr/bin/time -v -o "$dir/$name.time" bash -c "$cmd" >"$dir/$name.out" 2>"$dir/$name.err"
    fi
    status=$?
    t1=$(date +%s.%N)
    l1=$(load1)
    if [ "$status" = 124 ]; then
        echo "$scenario $name timeout - - - $l0 $l1" >>"$RUNS"; echo "  timed out after $TIMEOUT s" >&2; return
    fi
    if [ "$status" != 0 ] && ! { [ "$status" = 1 ] && [[ "$name" == validate_* ]]; }; then
        echo "$scenario $name failed - - - $l0 $l1" >>"$RUNS"; echo "  failed ($status): see $dir/$name.err" >&2; return
    fi
    [ -n "$PERF" ] && instr=$(awk -F, '/instructions/ {printf "%.3g", $1}' "$dir/$name.perf")
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$dir/$name.time")
    mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/$name.time")
    echo "$scenario $name $wall $cpu $mb $instr $l0 $l1" >>"$RUNS"
    echo "  wall $wall s, CPU $cpu s, peak $mb MB, load $l0 -> $l1" >&2
}

# Instructions under callgrind (no perf counter): one run per command on the small scenario of each layout.
count_instructions() { # layout
    local layout="$1" small="$DATA/$1-$INSTRUCTIONS-1" dir="$OUT/instructions" stripped="$OUT/instructions/hazmap"
    mkdir -p "$dir"
    [ -x "$stripped" ] || strip --strip-debug -o "$stripped" "$HAZMAP"
    [ -f "$small/hazards.gpkg" ] || "$GENERATOR" --hazards "$INSTRUCTIONS" --seed 1 --layout "$layout" --out "$small" >&2 || return
    for task in $TASKS; do
        local commands=()
        hazmap_runs "$task" && commands+=("hazmap1=$(hazmap_cmd "$task" 1 "$small" "$stripped")")
        [ -n "$(peer_cmd "$task" "$small")" ] && commands+=("peer=$(peer_cmd "$task" "$small")")
        for entry in "${commands[@]}"; do
            local who="${entry%%=*}" cmd="${entry#*=}" log="$dir/$layout-$task-${entry%%=*}.log" n
            echo "$(date -u +%H:%M:%S) callgrind $layout-$INSTRUCTIONS $task $who" >&2
            # shellcheck disable=SC2086 # the command's words (paths without spaces)
            timeout "$TIMEOUT" valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log" $cmd \
                >/dev/null 2>&1
            n=$(awk '/Collected :/ {s += $NF} END {if (s > 0) printf "%.3g", s}' "$log")
            echo "$layout-$INSTRUCTIONS $task $who ${n:--}" >>"$OUT/instructions.txt"
        done
    done
}

# The fastest (lowest wall) run of a scenario and name: "wall cpu mb instructions load0 load1", or why none.
best() {
    local rows
    rows=$(awk -v s="$1" -v n="$2" '$1 == s && $2 == n' "$RUNS" 2>/dev/null)
    [ -z "$rows" ] && return
    local ok
    ok=$(grep -v -e ' timeout ' -e ' failed ' <<<"$rows" | sort -k3,3g | head -1)
    if [ -n "$ok" ]; then cut -d' ' -f3- <<<"$ok"; else head -1 <<<"$rows" | cut -d' ' -f3-; fi
}
num() { [[ "$1" =~ ^[0-9.]+$ ]]; }
ratio() { num "$1" && num "$2" && awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f×", a / b}'; }
# "ratio (≥ target ✓/✗)" for a ratio a ÷ b against a target, or "–".
against() { # a b target
    local r
    r=$(ratio "$1" "$2") || { echo "–"; return; }
    [ -z "$3" ] && { echo "$r"; return; }
    awk -v a="$1" -v b="$2" -v t="$3" -v r="$r" 'BEGIN {printf "%s (≥ %s× %s)", r, t, (a / b >= t ? "✓" : "✗")}'
}
cell() { # wall cpu mb
    num "$1" || { echo "${1:-not run}"; return; }
    echo "$1 / $2 / $3"
}
instructions_of() { # scenario-layout task who
    awk -v k="$1-$INSTRUCTIONS" -v t="$2" -v w="$3" '$1 == k && $2 == t && $3 == w {v = $4} END {print v}' \
        "$OUT/instructions.txt" 2>/dev/null
}

table() {
    local loads
    loads=$(awk '{print $7; print $8}' "$RUNS" 2>/dev/null | grep -E '^[0-9.]+$' | sort -g | sed -n '1p;$p' | paste -sd' ')
    echo "hazmap $("$HAZMAP" --version 2>/dev/null | head -1) ($(git -C "$HERE" rev-parse --short HEAD 2>/dev/null));" \
         "$(nproc) cores; best of $REPEAT; finished $(date -u +%Y-%m-%dT%H:%MZ); 1-minute load average during" \
         "the runs: ${loads/ / to }."
    echo "Wall s / CPU s (user + sys) / peak MB. Ratios are peer ÷ hazmap on 2 threads; the second thread is" \
         "1-thread wall ÷ 2-thread wall. Targets (issue 18, 100k): extent ≥ 3× wall and ≥ 1.5× CPU; ledger ≥ 5×" \
         "wall; exposure ≥ 2× wall at no more peak than the peer; all-class exposure ≥ 2× wall; second thread" \
         "≥ 1.7× on the front-line layout; validate at 1M within 600 s wall, under 4 GiB."
    echo
    echo "| scenario | task | hazmap 2 threads | hazmap 1 thread | peer | peer ÷ hazmap, wall | peer ÷ hazmap, CPU | peak, hazmap ÷ peer | 2nd thread | instructions, hazmap / peer | load |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    local spec scenario layout task
    for spec in "${SCENARIOS[@]}"; do
        scenario=$(scenario_name "$spec")
        layout=${scenario%%-*}
        for task in $TASKS; do
            local measured="$task" label="$task" w2 c2 m2 i2 a2 b2 w1 c1 m1 i1 a1 b1 wp cp mp ip ap bp
            if ! hazmap_runs "$task"; then measured="exposure"; label="exposure_all (hazmap: its full run)"; fi
            read -r w2 c2 m2 i2 a2 b2 <<<"$(best "$scenario" "${measured}_hazmap2")"
            read -r w1 c1 m1 i1 a1 b1 <<<"$(best "$scenario" "${measured}_hazmap1")"
            read -r wp cp mp ip ap bp <<<"$(best "$scenario" "${task}_peer")"
            local wall_t="" cpu_t="" thread_t="" peak="–"
            case "$task" in
            extent) wall_t=3; cpu_t=1.5 ;;
            ledger) wall_t=5 ;;
            exposure | exposure_all) wall_t=2 ;;
            esac
            case "$task" in extent | ledger | exposure) [ "$layout" = frontline ] && thread_t=1.7 ;; esac
            if num "$m2" && num "$mp"; then
                peak=$(awk -v a="$m2" -v b="$mp" -v t="$task" 'BEGIN {printf "%.2f×%s", a / b,
                    (t == "exposure" ? (a <= b ? " (≤ 1 ✓)" : " (≤ 1 ✗)") : "")}')
            fi
            local hi="${i2:--}" pi="${ip:--}"
            if [ -z "$PERF" ]; then
                hi=$(instructions_of "$layout" "$measured" hazmap1); pi=$(instructions_of "$layout" "$task" peer)
                hi="${hi:--}"; pi="${pi:--}"
            fi
            local vt=""
            [ "$task" = validate ] && vt=" (1M target: ≤ 600 s, < 4 GiB)"
            echo "| $scenario | $label | $(cell "$w2" "$c2" "$m2")$vt | $(cell "$w1" "$c1" "$m1") |" \
                 "$( [ -n "$(peer_cmd "$task" x)" ] && cell "$wp" "$cp" "$mp" || echo "no peer")" \
                 "| $(against "$wp" "$w2" "$wall_t") | $(against "$cp" "$c2" "$cpu_t") | $peak" \
                 "| $(against "$w1" "$w2" "$thread_t") | $hi / $pi | $(num "$a2" && echo "$a2–$b2" || echo "–") |"
        done
    done
    if [ -z "$PERF" ] && [ "$INSTRUCTIONS" != 0 ]; then
        echo
        echo "Instructions: \`valgrind --tool=callgrind\` on $INSTRUCTIONS hazards of each layout (seed 1), hazmap" \
             "on 1 thread (for exposure_all without its option: the full exposure run); this machine's CPU" \
             "exposes no counter to \`perf stat\`."
    fi
    for spec in "${SCENARIOS[@]}"; do
        scenario=$(scenario_name "$spec")
        [ -d "$OUT/$scenario" ] || continue
        echo
        echo "Agreement, $scenario:"
        "$PY" "$HERE/peer_agreement.py" "$OUT/$scenario" | sed 's/^/- /'
    done
}

PERF=""
if perf stat -x, -e instructions true 2>&1 >/dev/null | grep -q '^[0-9]'; then PERF=1; fi
if [ "$TABLE_ONLY" = 1 ]; then table; exit 0; fi

[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }

: >"$RUNS"
: >"$OUT/instructions.txt"
for spec in "${SCENARIOS[@]}"; do
    IFS=: read -r layout count seed <<<"$spec"
    folder="$DATA/$(scenario_name "$spec")"
    if [ ! -f "$folder/hazards.gpkg" ]; then
        "$GENERATOR" --hazards "$count" --seed "${seed:-1}" --layout "$layout" --out "$folder" >&2 || exit 1
    fi
done
for ((round = 1; round <= REPEAT; round++)); do
    for spec in "${SCENARIOS[@]}"; do
        scenario=$(scenario_name "$spec")
        folder="$DATA/$scenario"
        for task in $TASKS; do
            order=(hazmap2 peer hazmap1)
            ((round % 2 == 0)) && order=(hazmap1 peer hazmap2)
            for who in "${order[@]}"; do
                case "$who" in
                hazmap2) hazmap_runs "$task" && run "$scenario" "${task}_hazmap2" "$(hazmap_cmd "$task" 2 "$folder")" ;;
                hazmap1) hazmap_runs "$task" && [ "$ONE_THREAD" = 1 ] \
                    && run "$scenario" "${task}_hazmap1" "$(hazmap_cmd "$task" 1 "$folder")" ;;
                peer) [ -n "$(peer_cmd "$task" "$folder")" ] && run "$scenario" "${task}_peer" "$(peer_cmd "$task" "$folder")" ;;
                esac
                table >"$OUT/table.md" 2>/dev/null
            done
        done
    done
done
# Instruction counts last: under callgrind they take long, and the timed runs matter first.
if [ -z "$PERF" ] && [ "$INSTRUCTIONS" != 0 ]; then
    for layout in $(printf '%s\n' "${SCENARIOS[@]}" | cut -d: -f1 | sort -u); do count_instructions "$layout"; done
fi
table | tee "$OUT/table.md"
