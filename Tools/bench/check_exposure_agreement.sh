#!/usr/bin/env bash
# Checks `hazmap exposure` against exactextract (issue #6's proof), in two parts:
#
#  1. The zonal sum. hazmap writes its exposure areas (-o areas.gpkg: the dissolved union inside
#     and the buffer union at each distance, for all classes, CHA and SHA), and exactextract sums
#     the raster over exactly those polygons (exposure_zonal.py). Every row of hazmap's --json must
#     agree within TOLERANCE (default 1e-6) relative. This is the pass/fail test.
#  2. The buffering. reference_exposure.py builds its own union and geodesic buffers (Shapely,
#     pyproj aeqd centred on each part's centroid) and sums them with exactextract. hazmap's "all"
#     rows (people and geodesic area) must agree within BUFFER_TOLERANCE (default 1e-5) relative.
#
#   Tools/bench/check_exposure_agreement.sh HAZMAP_BINARY SCENARIO_DIR
#
# SCENARIO_DIR holds hazards.gpkg and population.tif from hazmap-generate, e.g.
#   hazmap-generate --hazards 100000 --raster-size 5000 --seed 7 --out /tmp/x100k --format gpkg
# Environment: DISTANCES (default 500m,1km,5km), TOLERANCE, BUFFER_TOLERANCE, BUFFERS=0 to skip
# part 2, THREADS (hazmap --threads), PY (default Tools/bench/.venv/bin/python).
# Outputs go to Tools/bench/results/exposure_agreement_<scenario>/. Exits 0 when all agree,
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
DISTANCES="${DISTANCES:-500m,1km,5km}"
TOLERANCE="${TOLERANCE:-1e-6}"
BUFFER_TOLERANCE="${BUFFER_TOLERANCE:-1e-5}"
BUFFERS="${BUFFERS:-1}"
THREAD_OPT=""
[ -n "${THREADS:-}" ] && THREAD_OPT="--threads $THREADS"

[ -x "$PY" ] || { echo "no venv at $PY: run Tools/bench/setup.sh first" >&2; exit 1; }
[ -x "$HAZMAP" ] || { echo "no hazmap binary at $HAZMAP" >&2; exit 1; }
OUT="$HERE/results/exposure_agreement_$(basename "$DIR")"
mkdir -p "$OUT"
METRES="$("$PY" "$HERE/exposure_compare.py" metres "$DISTANCES")" || exit 2

echo "== hazmap exposure --distances $DISTANCES -o areas.gpkg"
rm -f "$OUT/areas.gpkg"
# shellcheck disable=SC2086
if ! "$HAZMAP" exposure "$DIR/hazards.gpkg" "$DIR/population.tif" --distances "$DISTANCES" $THREAD_OPT \
    -o "$OUT/areas.gpkg" --json -q >"$OUT/hazmap.json" 2>"$OUT/hazmap.err"; then
    echo "hazmap failed (see $OUT/hazmap.err)"
    exit 1
fi

status=0
echo "== 1. exactextract over hazmap's own exposure areas (tolerance $TOLERANCE)"
if "$PY" "$HERE/exposure_zonal.py" "$OUT/areas.gpkg" "$DIR/population.tif" --json >"$OUT/zonal.json" \
    2>"$OUT/zonal.err"; then
    "$PY" "$HERE/exposure_compare.py" zonal "$OUT/hazmap.json" "$OUT/zonal.json" "$TOLERANCE" || status=1
else
    echo "exposure_zonal.py failed (see $OUT/zonal.err)"
    status=1
fi

if [ "$BUFFERS" = "1" ]; then
    echo "== 2. reference_exposure.py: its own union and buffers (tolerance $BUFFER_TOLERANCE)"
    if "$PY" "$HERE/reference_exposure.py" "$DIR/population.tif" "$DIR/hazards.gpkg" --buffers "$METRES" --json \
        >"$OUT/reference.json" 2>"$OUT/reference.err"; then
        "$PY" "$HERE/exposure_compare.py" reference "$OUT/hazmap.json" "$OUT/reference.json" "$BUFFER_TOLERANCE" \
            || status=1
    else
        echo "reference_exposure.py failed (see $OUT/reference.err)"
        status=1
    fi
fi

if [ $status -eq 0 ]; then
    echo "agreement: every figure within tolerance"
else
    echo "agreement: FAILED (outputs in $OUT)"
fi
exit $status
