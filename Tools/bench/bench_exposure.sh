#!/usr/bin/env bash
# Benchmarks population exposure (issue #6): hazmap exposure (all cores and --threads 1) against
# exactextract and rasterstats, in the same run on this machine. Prints a Markdown table.
#
#   Tools/bench/bench_exposure.sh HAZMAP_BINARY SCENARIO_DIR...
#
# Each SCENARIO_DIR holds hazards.gpkg and population.tif from hazmap-generate, e.g.
#   hazmap-generate --hazards 100000 --raster-size 5000 --seed 7 --out /tmp/x100k --format gpkg
#
# Two kinds of rows per scenario:
#  - "pipeline": hazards in, people out: dissolve, geodesic buffers at DISTANCES, zonal sums.
#    hazmap exposure against reference_exposure.py with --engine exactextract and rasterstats
#    (Shapely union_all, pyproj aeqd buffers per part, then the engine's zonal sum).
#    For hazmap, "zonal s" is the time from its "summing people" note to its exit (stderr lines are
#    time-stamped), i.e. its zonal sums alone, comparable to exactextract's own time.
#  - "zonal only": the zonal sums alone over hazmap's own exposure areas (written once with -o
#    areas.gpkg before timing), by exposure_zonal.py; wall time includes Python start-up and reading
#    the areas, and the "zonal s" column gives the engine's own time measured inside the script.
#
# Each command runs under /usr/bin/time -v (peak RSS, CPU seconds), wall seconds from date +%s.%N,
# REPEAT times (default 1), keeping the fastest; TIMEOUT seconds at most (default 3600).
# Environment: DISTANCES (default 500m,1km,5km), SKIP_RASTERSTATS=1 leaves rasterstats out (slow on
# large scenarios), SKIP_PIPELINE_PEERS=1 leaves out reference_exposure.py, SKIP_SERIAL=1 leaves out
# hazmap --threads 1, PY.
# Outputs and timings go to Tools/bench/results/exposure_<scenario>/ (gitignored).
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
TIMEOUT="${TIMEOUT:-3600}"
DISTANCES="${DISTANCES:-500m,1km,5km}"
CORES="$(nproc)"

if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >/dev/null || { echo "cannot install GNU time" >&2; exit 1; }
fi
[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }
METRES="$("$PY" "$HERE/exposure_compare.py" metres "$DISTANCES")" || exit 2

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

# "people inside | people within the largest distance | zonal seconds" from any tool's JSON output
# (and, for hazmap, its time-stamped stderr).
figures() {
    "$PY" - "$1" "$2" <<'PY' 2>/dev/null || echo "? | ? | –"
import json, sys

d = json.load(open(sys.argv[1]))
stamps = [line.split(" ", 1) for line in open(sys.argv[2]) if line[:1].isdigit()]
start = next((float(t) for t, note in stamps if note.startswith("summing people")), None)
end = next((float(t) for t, note in stamps if note.strip() == "end"), None)
if "areas" in d:  # reference_exposure.py
    names = list(d["areas"])
    inside, outer, secs = d["areas"][names[0]]["people"], d["areas"][names[-1]]["people"], None
else:  # hazmap --json or exposure_zonal.py: the rows of all classes
    rows = [r for r in d["rows"] if r.get("class") == "all" and r.get("region") in (None, "all", "total")] \
        or [r for r in d["rows"] if r.get("class") == "all"]
    inside = next(r["people"] for r in rows if r.get("distance_m") is None)
    outer = max((r for r in rows if r.get("distance_m") is not None), key=lambda r: r["distance_m"])["people"]
    secs = d.get("seconds")
    if secs is None and start is not None and end is not None:
        secs = end - start
print(f"{inside:,.1f} | {outer:,.1f} | {'–' if secs is None else f'{secs:.2f}'}")
PY
}

echo "hazmap $("$HAZMAP" --version 2>/dev/null | head -1) on $CORES cores, distances $DISTANCES, best of $REPEAT;" \
    "$(uptime | sed 's/.*load/load/')"
echo
echo "| hazards | raster | kind | tool | wall s | CPU s | peak MB | people inside | people within max | zonal s | wall × hazmap |"
echo "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
for dir in "$@"; do
    dir="$(cd "$dir" && pwd)"
    hazards="$dir/hazards.gpkg"
    population="$dir/population.tif"
    count=$(ogrinfo -ro -q -sql "SELECT COUNT(*) FROM hazards" "$hazards" 2>/dev/null | awk -F'= ' '/COUNT/ {print $2}')
    raster=$(gdalinfo "$population" 2>/dev/null | awk -F'is ' '/^Size is/ {gsub(", ", "×", $2); print $2}')
    out="$HERE/results/exposure_$(basename "$dir")"
    mkdir -p "$out"
    hazmap_cmd="$HAZMAP exposure $hazards $population --distances $DISTANCES --json -q"
    # The exposure areas for the zonal-only rows, written once, untimed.
    rm -f "$out/areas.gpkg"
    if ! $hazmap_cmd -o "$out/areas.gpkg" >"$out/areas.json" 2>"$out/areas.err"; then
        echo "hazmap failed writing the exposure areas (see $out/areas.err)" >&2
        exit 1
    fi
    # hazmap's notes on stderr, time-stamped, then "end" at its exit; its stdout stays the JSON.
    stamped="$HAZMAP exposure $hazards $population --distances $DISTANCES --json"
    stamp='2>&1 1>&3 | while IFS= read -r l; do echo "$(date +%s.%N) $l"; done >&2; echo "$(date +%s.%N) end" >&2; } 3>&1'
    jobs=(
        "pipeline|hazmap ($CORES threads)|set -o pipefail; { $stamped --threads $CORES $stamp"
    )
    [ "${SKIP_SERIAL:-0}" = "1" ] || jobs+=("pipeline|hazmap --threads 1|set -o pipefail; { $stamped --threads 1 $stamp")
    if [ "${SKIP_PIPELINE_PEERS:-0}" != "1" ]; then
        jobs+=("pipeline|exactextract (reference_exposure.py)|$PY $HERE/reference_exposure.py $population $hazards --buffers $METRES --json")
        [ "${SKIP_RASTERSTATS:-0}" = "1" ] ||
            jobs+=("pipeline|rasterstats (reference_exposure.py)|$PY $HERE/reference_exposure.py $population $hazards --buffers $METRES --engine rasterstats --json")
    fi
    jobs+=("zonal only|exactextract on hazmap's areas|$PY $HERE/exposure_zonal.py $out/areas.gpkg $population --json")
    [ "${SKIP_RASTERSTATS:-0}" = "1" ] ||
        jobs+=("zonal only|rasterstats on hazmap's areas|$PY $HERE/exposure_zonal.py $out/areas.gpkg $population --engine rasterstats --json")
    baseline=""
    for job in "${jobs[@]}"; do
        IFS='|' read -r kind tool cmd <<<"$job"
        name="$(echo "${kind}_$tool" | tr -c 'a-zA-Z0-9\n' '_')"
        read -r secs cpu mb <<<"$(measure "$out" "$name" "$cmd")"
        if [ "$secs" = "failed" ]; then
            echo "| $count | $raster | $kind | $tool | failed or timed out (see results/$(basename "$out")/$name.err) | | | | | | |"
            continue
        fi
        [ -z "$baseline" ] && baseline="$secs"
        ratio=$(awk -v s="$secs" -v b="$baseline" 'BEGIN {printf "%.2f", s / b}')
        echo "| $count | $raster | $kind | $tool | $secs | $cpu | $mb | $(figures "$out/$name.out" "$out/$name.err") | $ratio |"
    done
done
