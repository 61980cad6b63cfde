#!/usr/bin/env bash
# Benchmark: the yearly land-release ledger computed in PostGIS SQL (ledger.sql) vs `hazmap release`,
# on one generated scenario, in one run; every figure compared.
#
#   bench_ledger.sh HAZARDS BIN_DIR [WORK_DIR]
#
# BIN_DIR holds hazmap and hazmap-generate (use a release build). Starts a throwaway cluster
# (cluster.sh) in WORK_DIR (default .build/postgis-ledger), generates `hazmap-generate --hazards
# HAZARDS --seed 42`, loads hazards and releases with ogr2ogr, runs ledger.sql (wall seconds, and CPU
# seconds of the server processes: the postmaster's reaped children) and `hazmap release` on the
# GeoPackages (/usr/bin/time -v: CPU, peak RSS), compares every figure of FROM–TO (default 2010–2025):
# released by method × class and remaining by class, and stops the cluster.
# Environment: FROM, TO, WORKERS (parallel workers for the SQL, default: the number of cores),
# SQL_TIMEOUT and HAZMAP_TIMEOUT (seconds, default 7200 and 3600). Exits 1 when a figure differs by
# more than TOLERANCE (default 1e-6) relative and more than 1e-3 m².
set -euo pipefail

usage="usage: bench_ledger.sh HAZARDS BIN_DIR [WORK_DIR]"
count=${1:?$usage}
bin=$(cd "${2:?$usage}" && pwd)
work=${3:-.build/postgis-ledger}
here=$(cd "$(dirname "$0")" && pwd)
from=${FROM:-2010}
to=${TO:-2025}
workers=${WORKERS:-$(nproc)}
tolerance=${TOLERANCE:-1e-6}
mkdir -p "$work" && work=$(cd "$work" && pwd)
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt-get install time)" >&2; exit 1; }

connection=$("$here/cluster.sh" start "$work/cluster")
trap '"$here/cluster.sh" stop "$work/cluster"' EXIT
libpq=${connection#PG:}
scenario="$work/scenario"
rm -rf "$scenario"
"$bin/hazmap-generate" --hazards "$count" --seed 42 --out "$scenario" >/dev/null
for layer in hazards releases; do
  ogr2ogr -f PostgreSQL "$connection" "$scenario/$layer.gpkg" -nln "$layer" -lco GEOMETRY_NAME=geom -preserve_fid
done
psql -X -q "$libpq" -c "VACUUM ANALYZE hazards" -c "VACUUM ANALYZE releases"
counts=$(psql -X -A -t "$libpq" -c "SELECT (SELECT count(*) FROM hazards) || ' hazards, ' || (SELECT count(*) FROM releases) || ' releases'")
echo "scenario: hazmap-generate --hazards $count --seed 42: $counts; ledger $from–$to; $(nproc) cores, $(uptime | sed 's/.*load/load/')"

# CPU seconds of the server's processes that have ended (backends, parallel workers), from the
# postmaster's cutime + cstime.
postmaster=$(head -1 "$work/cluster/data/postmaster.pid")
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($16 + $17) / hz}' "/proc/$postmaster/stat"; }

cpu0=$(server_cpu)
t0=$(date +%s.%N)
timeout "${SQL_TIMEOUT:-7200}" psql -X -q -A -t -v ON_ERROR_STOP=1 -v from="$from" -v to="$to" -v workers="$workers" \
  -f "$here/ledger.sql" "$libpq" >"$work/postgis.json"
t1=$(date +%s.%N)
sleep 1
sql_wall=$(printf "%.1f" "$(echo "$t1 - $t0" | bc)")
sql_cpu=$(printf "%.1f" "$(echo "$(server_cpu) - $cpu0" | bc)")
echo "PostGIS SQL (ledger.sql, $workers parallel workers): ${sql_wall} s wall, ${sql_cpu} s CPU; steps:"
psql -X -A -t -F ' ' "$libpq" -c "
  SELECT to_char(extract(epoch FROM ended - lag(ended) OVER (ORDER BY ended)), 'FM99990.0') || ' s  ' || step
  FROM ledger.step ORDER BY ended OFFSET 1" | sed 's/^/  /'

t0=$(date +%s.%N)
timeout "${HAZMAP_TIMEOUT:-3600}" /usr/bin/time -v -o "$work/hazmap.time" \
  "$bin/hazmap" release "$scenario/hazards.gpkg" "$scenario/releases.gpkg" --from "$from" --to "$to" --json -q \
  >"$work/hazmap.json"
t1=$(date +%s.%N)
hazmap_wall=$(printf "%.1f" "$(echo "$t1 - $t0" | bc)")
hazmap_cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/hazmap.time")
hazmap_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/hazmap.time")
echo "hazmap release ($(nproc) threads): ${hazmap_wall} s wall, ${hazmap_cpu} s CPU, ${hazmap_mb} MB peak"
awk -v sw="$sql_wall" -v sc="$sql_cpu" -v hw="$hazmap_wall" -v hc="$hazmap_cpu" \
  'BEGIN {printf "PostGIS ÷ hazmap: %.1f× wall, %.1f× CPU\n", sw / hw, sc / hc}'
echo "versions: PostgreSQL $(psql -X -A -t "$libpq" -c 'SHOW server_version'), $(psql -X -A -t "$libpq" -c 'SELECT postgis_full_version()' | grep -o 'POSTGIS="[^"]*"\|GEOS="[^"]*"' | tr '\n' ' ')"
echo

# One row per year and figure: m² on both sides and the relative difference per class (0 when the
# two are within 1e-3 m²: land released in full leaves slivers, and rounding there is not relative).
jq -r -n --slurpfile p "$work/postgis.json" --slurpfile h "$work/hazmap.json" '
  def rel(a; b): if ((a - b) | fabs) <= 1e-3 then 0 elif b == 0 then 1 else ((a - b) / b | fabs) end;
  ($h[0].periods | map({key: .period, value: .}) | from_entries) as $hz
  | $p[0].periods[] as $y | $hz[$y.period] as $z
  | (["cleared", "reduced", "cancelled", "total"][] | [("released " + .), $y.released[.], $z.released[.]]),
    ["remaining", $y.remaining_end, $z.remaining_end]
  | . as [$name, $a, $b]
  | [$y.period, $name, $a.total.m2, $b.total.m2,
     rel($b.cha.m2; $a.cha.m2), rel($b.sha.m2; $a.sha.m2), rel($b.total.m2; $a.total.m2)] | @tsv' \
  >"$work/differences.tsv"
awk -F'\t' -v tol="$tolerance" '
  BEGIN { printf "%-6s %-18s %20s %20s %9s %9s %9s\n", "year", "figure", "PostGIS m²", "hazmap m²", "rel CHA", "rel SHA", "rel total" }
  {
    printf "%-6s %-18s %20.3f %20.3f %9.1e %9.1e %9.1e\n", $1, $2, $3, $4, $5, $6, $7
    for (i = 5; i <= 7; i++) {
      n++
      if ($i > tol) bad++
      if ($i > worst) { worst = $i; where = $1 " " $2 " " (i == 5 ? "CHA" : i == 6 ? "SHA" : "total") }
      kind = ($2 == "remaining" ? "remaining" : "released")
      if ($i > w[kind]) w[kind] = $i
    }
  }
  END {
    printf "\n%d figures; worst relative difference %.2e (%s); worst released %.2e, remaining %.2e; over %s: %d\n",
           n, worst, where, w["released"], w["remaining"], tol, bad
    exit bad > 0
  }' "$work/differences.tsv"
