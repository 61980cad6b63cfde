#!/usr/bin/env bash
# Fuzzes hazmap for a fixed budget (default 120 s), in two halves:
#   1. the geometry pipeline in process: `swift test --filter DegenerateGeometry` with
#      HAZMAP_FUZZ_SECONDS set, so the random degenerate-polygon property test runs for its share;
#   2. the whole program on generated and mutated inputs: Tools/fuzz/mutate.py writes a case (GeoJSON,
#      mutated GeoPackage/GeoJSON bytes, or a mutated mapping TOML) and `hazmap validate|extent` runs on
#      it with a 30 s time limit. Exit 0, 1 or 2 is fine; a signal (crash) or the time limit (hang) is a
#      finding, and the case is kept in Tools/fuzz/findings/ to become a regression test.
#
# Usage: Tools/fuzz/run.sh [SECONDS] [FIRST_SEED]
# Environment: HAZMAP (default .build-robust/debug/hazmap), SCRATCH (default .build-robust),
#              SKIP_SWIFT_TEST=1 to run only the program half.
set -uo pipefail
cd "$(dirname "$0")/../.."

BUDGET=${1:-120}
SEED=${2:-$(date +%s)}
SCRATCH=${SCRATCH:-.build-robust}
HAZMAP=${HAZMAP:-$SCRATCH/debug/hazmap}
FINDINGS=Tools/fuzz/findings
WORK=$(mktemp -d /tmp/hazmap-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
status=0

half=$((BUDGET / 2))
if [ "${SKIP_SWIFT_TEST:-0}" != 1 ]; then
  echo "fuzz: geometry pipeline in process for ${half}s"
  if ! HAZMAP_FUZZ_SECONDS=$half swift test --scratch-path "$SCRATCH" --filter DegenerateGeometry >"$WORK/swift-test.log" 2>&1; then
    echo "fuzz: the geometry property test failed or crashed; log:" >&2
    tail -40 "$WORK/swift-test.log" >&2
    status=1
  fi
else
  half=0
fi

[ -x "$HAZMAP" ] || { echo "fuzz: $HAZMAP is not built" >&2; exit 1; }
deadline=$(( $(date +%s) + BUDGET - half ))
cases=0; crashes=0; hangs=0
declare -A outcomes=()
while [ "$(date +%s)" -lt "$deadline" ]; do
  case_dir="$WORK/case"
  rm -rf "$case_dir"
  read -r -a args < <(python3 Tools/fuzz/mutate.py "$SEED" "$case_dir" GeoData/sample)
  timeout -s KILL 30 "$HAZMAP" "${args[@]}" >"$WORK/out" 2>&1
  code=$?
  outcomes[$code]=$(( ${outcomes[$code]:-0} + 1 ))
  if [ "$code" -gt 2 ]; then
    if [ "$code" -eq 137 ]; then hangs=$((hangs + 1)); what=hang; else crashes=$((crashes + 1)); what=crash; fi
    mkdir -p "$FINDINGS"
    keep="$FINDINGS/$what-seed-$SEED"
    rm -rf "$keep"; cp -r "$case_dir" "$keep"
    { echo "hazmap ${args[*]}"; echo "exit $code"; cat "$WORK/out"; } >"$keep/outcome.txt"
    echo "fuzz: $what (exit $code) with seed $SEED: kept in $keep" >&2
    status=1
  fi
  cases=$((cases + 1)); SEED=$((SEED + 1))
done
summary=""
for code in $(echo "${!outcomes[@]}" | tr ' ' '\n' | sort -n); do summary+=" exit $code: ${outcomes[$code]};"; done
echo "fuzz: $cases program cases,$summary $crashes crashes, $hangs hangs (next seed $SEED)"
exit $status
