#!/usr/bin/env bash
# Benchmark: the dissolved extent computed in PostGIS SQL vs by hazmap (reading the same table, and
# reading the GeoPackage it was loaded from), on one generated scenario, in one run.
#
#   benchmark.sh HAZARDS BIN_DIR [WORK_DIR]
#
# BIN_DIR holds hazmap and hazmap-generate (use a release build). Starts a throwaway cluster
# (cluster.sh) in WORK_DIR (default .build/postgis-bench), loads the scenario, runs
# verify_extent.sh (timings of both sides and relative differences), times hazmap on the file,
# and stops the cluster.
set -euo pipefail

count=${1:?usage: benchmark.sh HAZARDS BIN_DIR [WORK_DIR]}
bin=$(cd "${2:?usage: benchmark.sh HAZARDS BIN_DIR [WORK_DIR]}" && pwd)
work=${3:-.build/postgis-bench}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work" && work=$(cd "$work" && pwd)

connection=$("$here/cluster.sh" start "$work")
trap '"$here/cluster.sh" stop "$work"' EXIT
"$bin/hazmap-generate" --hazards "$count" --seed 42 --out "$work/scenario" >/dev/null
start=$(date +%s.%N)
ogr2ogr -f PostgreSQL "$connection" "$work/scenario/hazards.gpkg" -nln hazards -lco GEOMETRY_NAME=geom
echo "loaded $count hazards with ogr2ogr in $(echo "$(date +%s.%N) - $start" | bc) s"
psql -X -q "${connection#PG:}" -c "VACUUM ANALYZE hazards"

"$here/verify_extent.sh" "$connection" hazards "$bin/hazmap"
start=$(date +%s.%N)
"$bin/hazmap" extent "$work/scenario/hazards.gpkg" --json -q | jq -c '.total'
echo "hazmap on the GeoPackage: $(echo "$(date +%s.%N) - $start" | bc) s"
echo "cores: $(nproc); PostgreSQL $(psql -X -A -t "${connection#PG:}" -c 'SHOW server_version'), $(psql -X -A -t "${connection#PG:}" -c 'SELECT postgis_full_version()' | grep -o 'GEOS="[^"]*"')"
