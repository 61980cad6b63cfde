#!/usr/bin/env bash
# Runs a command (the test suite) with a throwaway PostGIS database holding a generated scenario.
#
#   with_cluster.sh DIR GENERATOR COMMAND...
#
# Starts a cluster in DIR (Tools/postgis/cluster.sh), generates a 500-hazard scenario with GENERATOR
# (hazmap-generate) into DIR/scenario, loads its hazards and releases into tables `hazards` and
# `releases` (ogr2ogr, geometry column `geom`), runs COMMAND with
#   HAZMAP_PG=PG:dbname=hazmap host=… port=… user=…   and   HAZMAP_PG_SCENARIO=DIR/scenario
# in its environment, stops the cluster and exits with COMMAND's status. When the server cannot be
# started, COMMAND runs without HAZMAP_PG and the PostGIS tests skip, saying why.
set -uo pipefail

dir=${1:?usage: with_cluster.sh DIR GENERATOR COMMAND...}
generator=${2:?usage: with_cluster.sh DIR GENERATOR COMMAND...}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)

setup() {
  local connection
  connection=$("$here/cluster.sh" start "$dir") || return 1
  "$generator" --hazards 500 --seed 10 --out "$dir/scenario" >/dev/null || return 1
  ogr2ogr -f PostgreSQL "$connection" "$dir/scenario/hazards.gpkg" -nln hazards -lco GEOMETRY_NAME=geom || return 1
  ogr2ogr -f PostgreSQL "$connection" "$dir/scenario/releases.gpkg" -nln releases -lco GEOMETRY_NAME=geom || return 1
  echo "$connection"
}

if connection=$(setup); then
  echo "PostGIS test database: $connection (scenario of 500 hazards in $dir/scenario)" >&2
  export HAZMAP_PG="$connection" HAZMAP_PG_SCENARIO="$dir/scenario"
else
  echo "PostGIS test database could not be started: the PostGIS tests will be skipped" >&2
  unset HAZMAP_PG HAZMAP_PG_SCENARIO
fi
"$@"
status=$?
"$here/cluster.sh" stop "$dir" || true
exit $status
