#!/usr/bin/env bash
# Cross-checks `hazmap extent` against PostGIS: the same dissolved extent computed in the database.
#
#   verify_extent.sh 'PG:dbname=… host=… port=…' [TABLE] [HAZMAP]
#
# TABLE (default: hazards) holds hazard polygons with canonical field `class` (SHA|CHA). In SQL: each
# polygon repaired with ST_MakeValid (structure method, as hazmap), polygonal parts kept
# (ST_CollectionExtract), transformed to EPSG:4326, dissolved per class with ST_Union; SHA loses the
# land under a CHA (ST_Difference); areas are ST_Area(geography), geodesic on the WGS84 ellipsoid.
# hazmap (default: hazmap on PATH) reads the same table. Prints both figures per class and the
# relative difference, and the seconds each side took; `--json` as a 4th argument prints JSON instead.
set -euo pipefail

connection=${1:?usage: verify_extent.sh 'PG:dbname=…' [TABLE] [HAZMAP] [--json]}
table=${2:-hazards}
hazmap=${3:-hazmap}
format=${4:-text}
libpq=${connection#PG:}
libpq=${libpq#pg:}

sql="
WITH parts AS (
  SELECT upper(class) AS class,
         (ST_Dump(ST_CollectionExtract(ST_MakeValid(ST_Transform(geom, 4326),
                                                    'method=structure keepcollapsed=false'), 3))).geom AS g
  FROM ${table} WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
),
cha AS (SELECT coalesce(ST_Union(g), 'SRID=4326;POLYGON EMPTY'::geometry) AS g FROM parts WHERE class = 'CHA'),
sha AS (SELECT coalesce(ST_Union(g), 'SRID=4326;POLYGON EMPTY'::geometry) AS g FROM parts WHERE class = 'SHA')
SELECT ST_Area(cha.g::geography), ST_Area(ST_Difference(sha.g, cha.g)::geography),
       ST_Area(ST_Union(cha.g, sha.g)::geography)
FROM cha, sha"

start=$(date +%s.%N)
IFS='|' read -r sql_cha sql_sha sql_total < <(psql -X -A -t -q -v ON_ERROR_STOP=1 "$libpq" -c "$sql")
middle=$(date +%s.%N)
report=$("$hazmap" extent "${connection} table=${table}" --json -q)
end=$(date +%s.%N)

jq -n --argjson r "$report" --arg cha "$sql_cha" --arg sha "$sql_sha" --arg total "$sql_total" \
      --arg sqlTime "$(echo "$middle - $start" | bc)" --arg hazmapTime "$(echo "$end - $middle" | bc)" \
      --arg format "$format" '
  def rel(a; b): if b == 0 then (if a == 0 then 0 else 1 end) else ((a - b) / b | fabs) end;
  {
    postgis: {CHA: ($cha | tonumber), SHA: ($sha | tonumber), total: ($total | tonumber), seconds: ($sqlTime | tonumber)},
    hazmap: {CHA: $r.byClass.CHA.m2, SHA: $r.byClass.SHA.m2, total: $r.total.m2, seconds: ($hazmapTime | tonumber)}
  }
  | .relativeDifference = {
      CHA: rel(.hazmap.CHA; .postgis.CHA), SHA: rel(.hazmap.SHA; .postgis.SHA), total: rel(.hazmap.total; .postgis.total)
    }
  | if $format == "--json" then . else
      "            postgis_m2           hazmap_m2            relative_difference",
      (["CHA", "SHA", "total"][] as $k
        | "\($k | . + "          " | .[0:10])  \(.postgis[$k])  \(.hazmap[$k])  \(.relativeDifference[$k])"),
      "seconds     \(.postgis.seconds)  \(.hazmap.seconds)"
    end' -r
