#!/usr/bin/env bash
# Checks that the yearly ledger of `hazmap release` agrees with the independent Python reference
# (reference_ledger.py: Shapely overlays, day-by-day replay, pyproj Geod areas) within a relative
# tolerance: land released per year and method, and CHA, SHA and total remaining at each year end.
#
#   Tools/bench/check_ledger_agreement.sh HAZMAP_BINARY SCENARIO_DIR
#
# SCENARIO_DIR holds hazards.gpkg and releases.gpkg from hazmap-generate (canonical style), e.g.
#   hazmap-generate --hazards 10000 --seed 7 --out /tmp/s10k --format gpkg
# Environment: FROM and TO (default 2010, 2025), TOLERANCE (default 1e-6), THREADS (hazmap
# --threads, default all cores), HAZARDS and RELEASES (other inputs than the scenario's), TIMEOUT for
# the reference in seconds (default 7200), PY (default Tools/bench/.venv/bin/python).
# Outputs go to Tools/bench/results/ledger_agreement_<scenario>/. Exits 0 when every figure agrees,
# 1 on any disagreement or failure, 2 on bad usage.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 HAZMAP_BINARY SCENARIO_DIR" >&2
    exit 2
fi
HAZMAP="$1"
DIR="$(cd "$2" && pwd)" || exit 2
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-$HERE/.venv/bin/python}"
FROM="${FROM:-2010}"
TO="${TO:-2025}"
TOLERANCE="${TOLERANCE:-1e-6}"
TIMEOUT="${TIMEOUT:-7200}"
HAZARDS="${HAZARDS:-$DIR/hazards.gpkg}"
RELEASES="${RELEASES:-$DIR/releases.gpkg}"
THREAD_OPT=""
[ -n "${THREADS:-}" ] && THREAD_OPT="--threads $THREADS"

[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }
OUT="$HERE/results/ledger_agreement_$(basename "$DIR")"
mkdir -p "$OUT"

echo "== hazmap release $HAZARDS $RELEASES --from $FROM --to $TO"
# shellcheck disable=SC2086
if ! "$HAZMAP" release "$HAZARDS" "$RELEASES" --from "$FROM" --to "$TO" $THREAD_OPT --json -q \
    >"$OUT/hazmap.json" 2>"$OUT/hazmap.err"; then
    echo "hazmap failed (see $OUT/hazmap.err)"
    exit 1
fi
echo "== reference_ledger.py (timeout ${TIMEOUT}s)"
if ! timeout "$TIMEOUT" "$PY" "$HERE/reference_ledger.py" "$HAZARDS" "$RELEASES" --from "$FROM" --to "$TO" --json \
    >"$OUT/reference.json" 2>"$OUT/reference.err"; then
    echo "reference failed or timed out (see $OUT/reference.err)"
    exit 1
fi
if "$PY" "$HERE/compare_ledger.py" "$OUT/hazmap.json" "$OUT/reference.json" --tolerance "$TOLERANCE"; then
    echo "agreement: every figure within $TOLERANCE relative"
else
    echo "agreement: FAILED (outputs in $OUT)"
    exit 1
fi
